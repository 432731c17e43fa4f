import '@fc-relink/element';
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { FcRelinkElement } from '@fc-relink/element';
import { network } from '../../../test-support/browser.js';

// Alone in its file: the relink code must never load in this page, so only the first render can
// have asked for Stripe.js. (js.stripe.com is unreachable: each request is counted, none loads.)
describe('<fc-relink> starts Stripe.js beside the relink code, not after it', () => {
  before(() => network({ fail: ['/packages/element/dist/flow.js'], mode: 'offline', reset: true }));
  after(() => network({ fail: [], mode: 'offline' }));

  /** Waits until no Stripe.js request is in flight, then forgets them all. */
  async function quiet(): Promise<void> {
    await aTimeout(200);
    await network({ reset: true });
  }

  it('a plain publishable key: Stripe.js is asked for while the relink code is still missing', async () => {
    await quiet();
    await fixture<FcRelinkElement>(html`<fc-relink preload="eager" publishable-key="pk_test_earlyStart1"></fc-relink>`);
    await waitUntil(async () => (await network()).stripeRequests.length > 0, 'no Stripe.js request', { timeout: 3000 });
    expect((await network()).stripeRequests[0]).to.equal('https://js.stripe.com/endive/stripe.js');
  });

  it('anything the relink code must check first (an account, options, a key with more than letters and digits, a page’s own stripe): nothing until it has', async () => {
    const setups: Array<(el: FcRelinkElement) => void> = [
      (el) => (el.stripeAccount = 'acct_1Early'),
      (el) => (el.stripeOptions = { locale: 'de' }),
      (el) => (el.publishableKey = 'pk_test_sk_live_51Glued'),
      (el) => (el.publishableKey = 'pk_test_early_underscore'),
      (el) => (el.stripe = Promise.resolve(null)),
      (el) => (el.publishableKey = `pk_test_${'a'.repeat(300)}`),
    ];
    for (const setup of setups) {
      await quiet();
      const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none" publishable-key="pk_test_earlyStart2"></fc-relink>`);
      setup(el);
      el.preload = 'eager';
      await el.updateComplete;
      await aTimeout(300);
      expect((await network()).stripeRequests, String(setup)).to.deep.equal([]);
    }
  });

  it('preload="none": nothing, whatever the key', async () => {
    await quiet();
    await fixture<FcRelinkElement>(html`<fc-relink preload="none" publishable-key="pk_test_earlyStart3"></fc-relink>`);
    await aTimeout(300);
    expect((await network()).stripeRequests).to.deep.equal([]);
  });
});
