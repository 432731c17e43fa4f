// The payment-method step's core (SPEC section 9): which SetupIntent secrets may reach Stripe,
// and what confirmUsBankAccountSetup's answer means, played by the fake of @fc-relink/testing.
import { expect } from '@open-wc/testing';
import { checkSetupIntentSecret, type StripeLike } from '@fc-relink/core';
import { confirmReplacement, interpretSetupResult } from '@fc-relink/core/setup';
import { createFakeStripe, FAKE_PAYMENT_METHOD, fakeClientSecret, fakeSetupIntentSecret } from '@fc-relink/testing';

const ACCOUNT = 'fca_new';

describe('checkSetupIntentSecret', () => {
  const table: Array<[unknown, string | null]> = [
    ['seti_1Ab_secret_Cd', null],
    ['  seti_1Ab_secret_Cd ', null],
    [fakeSetupIntentSecret('setup_failed'), null],
    ['pi_1_secret_2', 'invalid_client_secret'],
    [fakeClientSecret('account_relinked'), 'invalid_client_secret'],
    ['seti_1', 'invalid_client_secret'],
    ['sk_live_51Key', 'secret_key_in_browser'],
    ['RK_TEST_51Key', 'secret_key_in_browser'],
    [`seti_${'a'.repeat(100_000)}_secret_b`, 'invalid_client_secret'],
    ['', 'setup_intent_fetch_failed'],
    [null, 'setup_intent_fetch_failed'],
    [{ clientSecret: 'seti_1_secret_2' }, 'setup_intent_fetch_failed'],
  ];
  for (const [value, code] of table) {
    it(`${(JSON.stringify(value) ?? '').slice(0, 30)} -> ${code ?? 'ok'}`, () => {
      const error = checkSetupIntentSecret(value);
      expect(error?.code ?? null).to.equal(code);
      if (error && typeof value === 'string' && value.trim()) expect(error.message).not.to.contain(value.trim());
    });
  }
});

describe('confirmReplacement', () => {
  it('succeeded and processing become the new payment method for the account', async () => {
    const stripe = createFakeStripe();
    expect(await confirmReplacement(stripe, fakeSetupIntentSecret('setup_succeeded', 'a'), ACCOUNT)).to.deep.equal({
      setupIntentId: 'seti_a_setup_succeeded',
      paymentMethodId: FAKE_PAYMENT_METHOD,
      accountId: ACCOUNT,
      status: 'succeeded',
    });
    expect(await confirmReplacement(stripe, fakeSetupIntentSecret('setup_processing'), ACCOUNT)).to.deep.include({ status: 'processing' });
  });

  it('a failed confirmation is a stripe_error with Stripe\'s details, redacted', async () => {
    const secret = fakeSetupIntentSecret('setup_failed');
    const outcome = await confirmReplacement(createFakeStripe(), secret, ACCOUNT);
    expect(outcome).to.deep.include({ type: 'error', code: 'stripe_error' });
    expect(JSON.stringify(outcome)).not.to.contain(secret.slice(-8));
  });

  it('calls Stripe within the caller\'s task, and never with a wrong secret', () => {
    const stripe = createFakeStripe();
    void confirmReplacement(stripe, fakeSetupIntentSecret(), ACCOUNT);
    expect(stripe.setupCalls).to.have.length(1);
    for (const wrong of ['pi_1_secret_2', fakeClientSecret('account_relinked'), 'sk_test_51Key', 42]) void confirmReplacement(stripe, wrong, ACCOUNT);
    expect(stripe.setupCalls).to.have.length(1);
  });

  it('never rejects: a Stripe.js without the method, or whose confirmation rejects', async () => {
    const secret = fakeSetupIntentSecret();
    const fake = createFakeStripe();
    const without: StripeLike = { collectFinancialConnectionsAccounts: fake.collectFinancialConnectionsAccounts };
    expect(await confirmReplacement(without, secret, ACCOUNT)).to.deep.include({ code: 'stripe_unavailable' });
    const failing = createFakeStripe({ gate: Promise.reject(new Error('network down')) });
    expect(await confirmReplacement(failing, secret, ACCOUNT)).to.deep.include({ code: 'stripe_error', retryable: true });
  });
});

describe('interpretSetupResult', () => {
  it('is total: junk and unexpected statuses are errors, never throws', () => {
    const junk: unknown[] = [undefined, null, 42, 'x', {}, { setupIntent: null }, { setupIntent: { id: 'pi_1', status: 'succeeded' } }];
    for (const value of junk) expect(interpretSetupResult(value, ACCOUNT)).to.deep.include({ type: 'error' });
    expect(interpretSetupResult({ setupIntent: { id: 'seti_1', status: 'requires_payment_method' } }, ACCOUNT)).to.deep.include({ code: 'stripe_error' });
    const hostile = new Proxy({}, { get() { throw new Error('seti_1_secret_leak'); } });
    const outcome = interpretSetupResult(hostile, ACCOUNT);
    expect(outcome).to.deep.include({ type: 'error' });
    expect(JSON.stringify(outcome)).not.to.contain('secret_leak');
  });

  it('reads an expanded payment method', () => {
    expect(interpretSetupResult({ setupIntent: { id: 'seti_1', status: 'succeeded', payment_method: { id: 'pm_9' } } }, ACCOUNT)).to.deep.include({ paymentMethodId: 'pm_9' });
  });
});
