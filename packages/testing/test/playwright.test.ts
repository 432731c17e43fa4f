import { expect } from '@open-wc/testing';
import { routeFakeStripe, type FakeStripeRoute } from '../src/playwright.js';
import { FAKE_IDS, fakeClientSecret, type FakeScenario, type FakeStripeConstructor } from '../src/index.js';

type Fulfilled = Parameters<FakeStripeRoute['fulfill']>[0];

/** A stand-in for a Playwright page that records its routes and answers requests through them. */
function fakePage() {
  const routes: { url: string; handler: (route: FakeStripeRoute) => unknown }[] = [];
  return {
    routes,
    async route(url: string, handler: (route: FakeStripeRoute) => unknown) {
      routes.push({ url, handler });
    },
    async request(url: string): Promise<Fulfilled> {
      const handler = routes[0]?.handler;
      expect(handler, 'a route').to.exist;
      let fulfilled: Fulfilled | undefined;
      await handler!({
        request: () => ({ url: () => url }),
        async fulfill(response) {
          fulfilled = response;
        },
      });
      expect(fulfilled, 'fulfilled').to.exist;
      return fulfilled!;
    },
  };
}

/** Evaluates a served body and returns the constructor it defined, leaving window as it was. */
function evaluate(body: string | undefined): FakeStripeConstructor {
  const win = window as unknown as { Stripe?: FakeStripeConstructor };
  const previous = win.Stripe;
  try {
    new Function(body ?? '')();
    return win.Stripe as FakeStripeConstructor;
  } finally {
    if (previous === undefined) delete win.Stripe;
    else win.Stripe = previous;
  }
}

describe('routeFakeStripe', () => {
  it('routes every js.stripe.com request', async () => {
    const page = fakePage();
    await routeFakeStripe(page);
    expect(page.routes.map((r) => r.url)).to.deep.equal(['https://js.stripe.com/**']);
  });

  it('answers with the fake as JavaScript', async () => {
    const page = fakePage();
    await routeFakeStripe(page, { scenario: 'no_authorization' });
    const response = await page.request('https://js.stripe.com/endive/stripe.js');
    expect(response.status).to.equal(200);
    expect(response.contentType).to.match(/^application\/javascript/);
    const stripe = evaluate(response.body)('pk_test_123');
    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(result.financialConnectionsSession?.relink_result?.failure_reason).to.equal('no_authorization');
  });

  it('takes the version from the URL so the loader does not warn', async () => {
    const page = fakePage();
    await routeFakeStripe(page);
    for (const [url, version] of [
      ['https://js.stripe.com/endive/stripe.js', 'endive'],
      ['https://js.stripe.com/basil/stripe.js?advancedFraudSignals=false', 'basil'],
      ['https://js.stripe.com/v3', 'v3'],
      ['https://js.stripe.com/v3/', 'v3'],
    ]) {
      const response = await page.request(url as string);
      expect(evaluate(response.body).version, url).to.equal(version);
    }
  });

  it('falls back to the default version when the URL has none, and lets options.version win', async () => {
    const plain = fakePage();
    await routeFakeStripe(plain);
    expect(evaluate((await plain.request('https://js.stripe.com/')).body).version).to.equal('endive');
    const pinned = fakePage();
    await routeFakeStripe(pinned, { version: 'acacia' });
    expect(evaluate((await pinned.request('https://js.stripe.com/endive/stripe.js')).body).version).to.equal('acacia');
  });

  it('shows no modal by default', async () => {
    const page = fakePage();
    await routeFakeStripe(page);
    const stripe = evaluate((await page.request('https://js.stripe.com/endive/stripe.js')).body)('pk_test_123');
    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('new_account') });
    expect(document.querySelector('[data-fake-stripe-modal]')).to.equal(null);
    expect(result.financialConnectionsSession?.accounts[0]?.id).to.equal(FAKE_IDS.newAccount);
  });

  it('refuses an unknown scenario before routing anything', async () => {
    const page = fakePage();
    let caught: unknown;
    await routeFakeStripe(page, { scenario: 'nope' as FakeScenario }).catch((error: unknown) => (caught = error));
    expect(caught).to.be.instanceOf(TypeError);
    expect(page.routes).to.have.length(0);
  });
});
