import '@fc-relink/element';
import { expect, fixture, html } from '@open-wc/testing';
import type { FcRelinkElement } from '@fc-relink/element';
import { fakeClientSecret } from '@fc-relink/testing';
import { network } from '../../../test-support/browser.js';

// Alone in its file: it needs a page where Stripe.js has never loaded.
describe('<fc-relink> after a failed Stripe.js load', () => {
  before(() => network({ mode: 'offline', reset: true }));

  it('after a failed load, the next start() loads again and opens the flow', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none" publishable-key="pk_test_reload"></fc-relink>`);
    el.clientSecret = fakeClientSecret('account_relinked');
    const failed = await el.start();
    expect(failed).to.deep.include({ code: 'stripe_load_failed', retryable: true });
    await network({ mode: 'fake' });
    const outcome = await el.start();
    expect(outcome).to.deep.include({ type: 'success', kind: 'account_relinked' });
  });
});
