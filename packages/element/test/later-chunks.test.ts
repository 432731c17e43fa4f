import '@fc-relink/element';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { FcRelinkElement } from '@fc-relink/element';
import { createFakeStripe, FAKE_IDS, fakeClientSecret, fakeSetupIntentSecret } from '@fc-relink/testing';
import { network } from '../../../test-support/browser.js';

// Code the element loads when first needed, failing to load (SPEC section 3): what needed it ends
// in a typed, retryable error, or (a language) falls back to English; never silence, never stuck.
describe('<fc-relink> when code it loads later cannot load', () => {
  before(() => network({ fail: ['/packages/element/dist/mandate.js', '/packages/element/dist/locales/de.js'] }));
  after(() => network({ fail: [] }));

  it('a language: the element speaks English rather than nothing, and relinks', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none" locale="de"></fc-relink>`);
    el.stripe = createFakeStripe();
    el.clientSecret = fakeClientSecret('account_relinked');
    await el.updateComplete;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="trigger"]'), 'the trigger renders');
    expect(el.shadowRoot!.querySelector('[part="trigger"]')!.textContent!.trim()).to.equal('Reconnect your bank');
    expect((await el.start()).type).to.equal('success');
  });

  it('the payment step: the relink stands, the page hears a typed retryable error, no mandate', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
    el.stripe = createFakeStripe();
    el.clientSecret = fakeClientSecret('new_account');
    el.existingAccountIds = [FAKE_IDS.account, FAKE_IDS.otherAccount];
    el.businessName = 'Rocket Rides';
    el.fetchSetupIntentSecret = async () => fakeSetupIntentSecret('setup_succeeded', 'chunk');
    const failed = oneEvent(el, 'fc-relink-error');
    const outcome = await el.start();
    expect(outcome).to.deep.include({ type: 'success', needsNewPaymentMethod: true });
    const { detail } = await failed;
    expect(detail).to.deep.include({ code: 'unexpected', retryable: true });
    expect(el.state).to.equal('succeeded');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="mandate"]')).to.equal(null);
  });
});
