import '@fc-relink/element';
import { expect, fixture, html } from '@open-wc/testing';
import { publishableKeySource } from '@fc-relink/core';
import type { FcRelinkElement } from '@fc-relink/element';
import { fakeClientSecret } from '@fc-relink/testing';
import { network } from '../../../test-support/browser.js';

describe('<fc-relink> with Stripe.js loaded', () => {
  before(() => network({ mode: 'fake', reset: true }));

  it('with Stripe.js loaded, a click opens the flow in the same task', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="eager" publishable-key="pk_test_loaded"></fc-relink>`);
    el.clientSecret = fakeClientSecret('account_relinked');
    await el.updateComplete;
    // The element's source and this one share the page's instance for the key: loaded for both.
    await publishableKeySource({ publishableKey: 'pk_test_loaded' }).load();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!.click();
    expect(el.state).to.equal('open');
  });
});
