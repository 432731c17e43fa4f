import '@fc-relink/element';
import { expect, fixture, html, waitUntil, aTimeout } from '@open-wc/testing';
import type { FcRelinkElement } from '@fc-relink/element';
import { fakeClientSecret } from '@fc-relink/testing';
import { network } from '../../../test-support/browser.js';

// Every test here runs while js.stripe.com is unreachable: a failed load leaves nothing behind,
// so each element's requests can be counted. (Tests that load Stripe.js have files of their own:
// once it loaded in a page, @stripe/stripe-js never requests it again there.)
const requestsFor = async (key: string) => (await network()).stripeRequests.length > 0 && key;

/** Waits until no Stripe.js request is in flight (a failed load retries once), then forgets them all. */
async function quietNetwork() {
  let seen = -1;
  for (let count = (await network()).stripeRequests.length; count !== seen; count = (await network()).stripeRequests.length) {
    seen = count;
    await aTimeout(150);
  }
  await network({ reset: true });
}

async function place(preload: string, key: string) {
  await quietNetwork();
  return fixture<FcRelinkElement>(html`<fc-relink preload=${preload} publishable-key=${key}></fc-relink>`);
}

describe('<fc-relink> preload', () => {
  beforeEach(() => network({ mode: 'offline', reset: true }));

  it('none: loads nothing until start()', async () => {
    const el = await place('none', 'pk_test_none');
    await aTimeout(100);
    expect((await network()).stripeRequests).to.deep.equal([]);
    el.clientSecret = fakeClientSecret('account_relinked');
    expect((await el.start()).type).to.equal('error');
    expect(await requestsFor('none')).to.equal('none');
  });

  it('eager: loads as soon as the element is connected', async () => {
    await place('eager', 'pk_test_eager');
    await waitUntil(() => requestsFor('eager'), 'no Stripe.js request', { timeout: 3000 });
  });

  it('idle: loads once the browser is idle', async () => {
    await place('idle', 'pk_test_idle');
    await waitUntil(() => requestsFor('idle'), 'no Stripe.js request', { timeout: 4000 });
  });

  it('intent: loads on the first sign of intent', async () => {
    const el = await place('intent', 'pk_test_intent');
    await aTimeout(100);
    expect((await network()).stripeRequests).to.deep.equal([]);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!.focus();
    await waitUntil(() => requestsFor('intent'), 'no Stripe.js request', { timeout: 3000 });
  });

  it('eager: also loads when the key is set just after the element is connected', async () => {
    await quietNetwork();
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="eager"></fc-relink>`);
    await aTimeout(50);
    expect((await network()).stripeRequests).to.deep.equal([]);
    el.publishableKey = 'pk_test_late';
    await waitUntil(() => requestsFor('late'), 'no Stripe.js request', { timeout: 3000 });
  });
});
