import '@fc-relink/element';
import { expect, fixture, html } from '@open-wc/testing';
import type { FcRelinkElement } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret } from '@fc-relink/testing';
import { network } from '../../../test-support/browser.js';

// Alone in its file: the relink code must not have loaded in this page before the test fails it.
describe('<fc-relink> when the code that runs a relink cannot load (SPEC section 3)', () => {
  before(() => network({ fail: ['/packages/element/dist/flow.js'] }));
  after(() => network({ fail: [] }));

  it('the attempt ends as a typed, retryable unexpected error; nothing reaches Stripe; a retry is offered', async () => {
    const stripe = createFakeStripe();
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
    el.stripe = stripe;
    el.clientSecret = fakeClientSecret('account_relinked');
    const events: string[] = [];
    for (const name of ['fc-relink-start', 'fc-relink-success', 'fc-relink-failure', 'fc-relink-error']) el.addEventListener(name, () => events.push(name));
    const outcome = await el.start();
    expect(outcome).to.deep.include({ type: 'error', code: 'unexpected', retryable: true });
    expect(events).to.deep.equal(['fc-relink-start', 'fc-relink-error']);
    expect(stripe.calls).to.have.length(0);
    expect(el.state).to.equal('errored');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="trigger"]')!.textContent!.trim()).to.equal('Try again');
  });
});
