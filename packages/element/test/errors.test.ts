import '@fc-relink/element';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FcRelinkElement, RelinkError } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret } from '@fc-relink/testing';
import { network } from '../../../test-support/browser.js';

const SECRET = fakeClientSecret('account_relinked');
const SECRET_KEY = 'sk_test_51SecretKeyNeverSent';

async function errorFor(setup: (el: FcRelinkElement) => void): Promise<RelinkError> {
  const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
  setup(el);
  await el.updateComplete;
  const fired = oneEvent(el, 'fc-relink-error');
  const outcome = await el.start();
  const event = await fired;
  expect(event.detail).to.equal(outcome);
  expect(el.state).to.equal('errored');
  return event.detail;
}

describe('<fc-relink> misuse ends as a typed fc-relink-error, never a throw', () => {
  before(() => network({ mode: 'offline', reset: true }));

  const cases: Array<[string, string, (el: FcRelinkElement) => void]> = [
    ['no client secret and no fetchClientSecret', 'missing_configuration', (el) => (el.stripe = createFakeStripe())],
    ['no Stripe source at all', 'missing_configuration', (el) => (el.clientSecret = SECRET)],
    ['a secret key as the client secret', 'secret_key_in_browser', (el) => ((el.clientSecret = SECRET_KEY), (el.stripe = createFakeStripe()))],
    ['a secret key as the publishable key', 'secret_key_in_browser', (el) => ((el.clientSecret = SECRET), (el.publishableKey = SECRET_KEY))],
    ['a malformed publishable key', 'invalid_publishable_key', (el) => ((el.clientSecret = SECRET), (el.publishableKey = 'pk_oops'))],
    ['a SetupIntent secret', 'invalid_client_secret', (el) => ((el.clientSecret = 'seti_1_secret_2'), (el.stripe = createFakeStripe()))],
    ['a stripe promise resolving null', 'stripe_unavailable', (el) => ((el.clientSecret = SECRET), (el.stripe = Promise.resolve(null)))],
    ['Stripe.js failing to load', 'stripe_load_failed', (el) => ((el.clientSecret = SECRET), (el.publishableKey = 'pk_test_offline'))],
    [
      'fetchClientSecret rejecting',
      'client_secret_fetch_failed',
      (el) => ((el.stripe = createFakeStripe()), (el.fetchClientSecret = () => Promise.reject(new Error('HTTP 500')))),
    ],
    [
      'fetchClientSecret returning a non-string',
      'client_secret_fetch_failed',
      (el) => ((el.stripe = createFakeStripe()), (el.fetchClientSecret = () => Promise.resolve({ secret: 1 } as unknown as string))),
    ],
    [
      'fetchClientSecret returning a secret key',
      'secret_key_in_browser',
      (el) => ((el.stripe = createFakeStripe()), (el.fetchClientSecret = () => Promise.resolve(SECRET_KEY))),
    ],
    [
      'stripeOptions that are not plain data',
      'missing_configuration',
      (el) => {
        const cyclic: Record<string, unknown> = {};
        cyclic.self = cyclic;
        el.clientSecret = SECRET;
        el.publishableKey = 'pk_test_cyclic';
        el.stripeOptions = cyclic as never;
      },
    ],
    ['a Stripe error', 'stripe_error', (el) => ((el.clientSecret = fakeClientSecret('stripe_error')), (el.stripe = createFakeStripe()))],
    [
      'fetchClientSecret resolving an object shaped like an error, with a key inside',
      'client_secret_fetch_failed',
      (el) => {
        el.stripe = createFakeStripe();
        const forged = { type: 'error', code: 'made_up_code', message: `see ${SECRET_KEY}`, retryable: false, stripeError: null };
        el.fetchClientSecret = () => Promise.resolve(forged as unknown as string);
      },
    ],
    ['a key glued inside the publishable key', 'secret_key_in_browser', (el) => ((el.clientSecret = SECRET), (el.publishableKey = `pk_test_${SECRET_KEY}`))],
    ['a webhook secret in stripeAccount', 'secret_key_in_browser', (el) => ((el.clientSecret = SECRET), (el.publishableKey = 'pk_test_glued'), (el.stripeAccount = 'acct_1whsec_abc'))],
    [
      'a webhook secret inside stripeOptions',
      'secret_key_in_browser',
      (el) => ((el.clientSecret = SECRET), (el.publishableKey = 'pk_test_glued'), (el.stripeOptions = { betas: ['whsec_abc'] } as never)),
    ],
    [
      'a fetchClientSecret getter that throws',
      'missing_configuration',
      (el) => {
        el.stripe = createFakeStripe();
        Object.defineProperty(el, 'fetchClientSecret', { configurable: true, get: () => { throw new Error('boom'); } });
      },
    ],
  ];
  for (const [what, code, setup] of cases) {
    it(`${what}: ${code}`, async () => {
      const error = await errorFor(setup);
      expect(error.code).to.equal(code);
      expect(error.message.length).to.be.greaterThan(20);
      expect(error.message).not.to.contain(SECRET_KEY);
      expect(error.message).not.to.contain(SECRET);
      expect(JSON.stringify(error)).not.to.contain('made_up_code');
    });
  }

  it('refused keys and secrets never reach the network', async () => {
    await network({ reset: true });
    await errorFor((el) => ((el.clientSecret = SECRET), (el.publishableKey = SECRET_KEY)));
    await errorFor((el) => ((el.clientSecret = SECRET_KEY), (el.publishableKey = 'pk_test_refused')));
    await errorFor((el) => ((el.clientSecret = 'not_a_secret'), (el.publishableKey = 'pk_test_refused')));
    const { requests, stripeRequests } = await network();
    expect(stripeRequests).to.deep.equal([]);
    expect(requests.filter((url) => url.includes('stripe.com'))).to.deep.equal([]);
  });

  it('marks a failed Stripe.js load retryable and offers to try again', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
    el.clientSecret = SECRET;
    el.publishableKey = 'pk_test_offline_again';
    const outcome = await el.start();
    expect(outcome).to.deep.include({ type: 'error', code: 'stripe_load_failed', retryable: true });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="trigger"]')!.textContent!.trim()).to.equal('Try again');
    await expect(el).to.be.accessible();
  });

  it('clicked before the page configured it (not yet hydrated): once it is, the trigger is back', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
    expect(await el.start()).to.deep.include({ code: 'missing_configuration', retryable: false });
    await el.updateComplete;
    expect(el.state).to.equal('errored');
    expect(el.shadowRoot!.querySelector('[part="trigger"]')).to.equal(null);
    // Setting something else brings nothing back; the missing piece does.
    el.locale = 'de';
    await el.updateComplete;
    expect(el.state).to.equal('errored');
    el.stripe = createFakeStripe();
    el.fetchClientSecret = async () => SECRET;
    await el.updateComplete;
    expect(el.state).to.equal('idle');
    expect(el.shadowRoot!.querySelector('[part="trigger"]')!.textContent!.trim()).to.equal('Bankverbindung erneuern');
    expect((await el.start()).type).to.equal('success');
  });

  it('a final error of another kind stays when a property changes: the page decides', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
    el.clientSecret = SECRET;
    el.publishableKey = 'pk_oops';
    expect(await el.start()).to.deep.include({ code: 'invalid_publishable_key' });
    el.clientSecret = fakeClientSecret('account_relinked', 'other');
    await el.updateComplete;
    expect(el.state).to.equal('errored');
  });
});
