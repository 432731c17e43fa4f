import { aTimeout, expect } from '@open-wc/testing';
import { interpretRelinkResult, type CollectRelinkResult, type RelinkSession } from '@fc-relink/core';
import {
  FAKE_IDS,
  FAKE_PAYMENT_METHOD,
  FAKE_SCENARIOS,
  FAKE_SETUP_SCENARIOS,
  createFakeStripe,
  fakeClientSecret,
  fakeSetupIntentSecret,
  setupScenarioFromSecret,
  type FakeScenario,
} from '../src/index.js';

type Settled = Exclude<FakeScenario, 'hang' | 'stripe_error'>;

/** What each scenario's session must say (SPEC section 6). */
const SESSIONS: Record<Settled, { relink_options: object; relink_result?: object; accounts: string[] }> = {
  account_relinked: {
    relink_options: { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account },
    relink_result: { account: FAKE_IDS.account, authorization: FAKE_IDS.authorization, failure_reason: null },
    accounts: [FAKE_IDS.account],
  },
  authorization_relinked: {
    relink_options: { authorization: FAKE_IDS.authorization },
    relink_result: { account: null, authorization: FAKE_IDS.authorization, failure_reason: null },
    accounts: [FAKE_IDS.account, FAKE_IDS.otherAccount],
  },
  new_authorization: {
    relink_options: { authorization: FAKE_IDS.authorization },
    relink_result: { account: null, authorization: FAKE_IDS.newAuthorization, failure_reason: null },
    accounts: [FAKE_IDS.newAccount],
  },
  new_account: {
    relink_options: { authorization: FAKE_IDS.authorization },
    relink_result: { account: null, authorization: FAKE_IDS.authorization, failure_reason: null },
    accounts: [FAKE_IDS.newAccount],
  },
  no_account: {
    relink_options: { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account },
    relink_result: { account: null, authorization: FAKE_IDS.authorization, failure_reason: 'no_account' },
    accounts: [],
  },
  no_authorization: {
    relink_options: { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account },
    relink_result: { account: null, authorization: null, failure_reason: 'no_authorization' },
    accounts: [],
  },
  other: {
    relink_options: { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account },
    relink_result: { account: null, authorization: null, failure_reason: 'other' },
    accounts: [],
  },
  relink_result_missing: {
    relink_options: { authorization: FAKE_IDS.authorization },
    accounts: [FAKE_IDS.account, FAKE_IDS.otherAccount],
  },
};

/** What `@fc-relink/core` must make of each scenario, given the page knows checking and savings. */
const OUTCOMES: Record<Exclude<FakeScenario, 'hang'>, Record<string, unknown>> = {
  account_relinked: { type: 'success', kind: 'account_relinked', mode: 'account', newAccountIds: [] },
  authorization_relinked: { type: 'success', kind: 'authorization_relinked', mode: 'authorization', newAccountIds: [] },
  new_authorization: { type: 'success', kind: 'new_authorization', mode: 'authorization', newAccountIds: [FAKE_IDS.newAccount] },
  new_account: { type: 'success', kind: 'authorization_relinked', mode: 'authorization', newAccountIds: [FAKE_IDS.newAccount] },
  no_account: { type: 'failure', mode: 'account', reason: 'no_account', fallbacks: ['authorization_retry', 'new_payment_method'] },
  no_authorization: { type: 'failure', mode: 'account', reason: 'no_authorization', fallbacks: ['retry', 'new_payment_method'] },
  other: { type: 'failure', mode: 'account', reason: 'other', fallbacks: ['retry', 'new_payment_method'] },
  stripe_error: { type: 'error', code: 'stripe_error', retryable: false },
  relink_result_missing: { type: 'error', code: 'relink_result_missing' },
};

function sessionOf(result: CollectRelinkResult): RelinkSession {
  expect(result.error, 'no error').to.equal(undefined);
  expect(result.financialConnectionsSession, 'a session').to.be.an('object');
  return result.financialConnectionsSession as RelinkSession;
}

/** Whether a promise settles within a few macrotasks. */
async function settlesSoon(promise: Promise<unknown>, ms = 30): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await aTimeout(ms);
  return settled;
}

describe('createFakeStripe: sessions', () => {
  for (const [scenario, expected] of Object.entries(SESSIONS) as [Settled, (typeof SESSIONS)[Settled]][]) {
    it(`${scenario} resolves the session the SPEC describes`, async () => {
      const stripe = createFakeStripe();
      const secret = fakeClientSecret(scenario, 'abc');
      const session = sessionOf(await stripe.collectFinancialConnectionsAccounts({ clientSecret: secret }));
      expect(session.id).to.equal(`fcsess_abc_${scenario}`);
      expect(session.relink_options).to.deep.equal(expected.relink_options);
      if (expected.relink_result) expect(session.relink_result).to.deep.equal(expected.relink_result);
      else expect(session).not.to.have.property('relink_result');
      expect(Array.isArray(session.accounts)).to.be.true;
      expect(session.accounts.map((a) => a.id)).to.deep.equal(expected.accounts);
    });
  }

  it('gives accounts the shape of Stripe.js Financial Connections accounts', async () => {
    const stripe = createFakeStripe({ scenario: 'authorization_relinked' });
    const session = sessionOf(await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' }));
    const [checking, savings] = session.accounts;
    expect(checking).to.include({
      id: FAKE_IDS.account,
      object: 'financial_connections.account',
      institution_name: 'StripeBank',
      category: 'cash',
      subcategory: 'checking',
      status: 'active',
      livemode: false,
    });
    expect(checking?.display_name).to.be.a('string').and.not.empty;
    expect(checking?.last4).to.match(/^\d{4}$/);
    expect(checking?.permissions).to.deep.equal(['payment_method']);
    expect(checking?.supported_payment_method_types).to.deep.equal(['us_bank_account']);
    expect(savings).to.include({ id: FAKE_IDS.otherAccount, subcategory: 'savings' });
    expect(savings?.last4).not.to.equal(checking?.last4);
  });

  it('resolves stripe_error with an invalid_request_error that holds no secret', async () => {
    const stripe = createFakeStripe();
    const secret = fakeClientSecret('stripe_error', 'leaky');
    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: secret });
    expect(result.financialConnectionsSession).to.equal(undefined);
    expect(result.error).to.include({ type: 'invalid_request_error', code: 'resource_missing' });
    expect(result.error?.message).to.be.a('string').and.not.empty;
    expect(result.error?.doc_url).to.match(/^https:\/\/stripe\.com\/docs\//);
    expect(JSON.stringify(result)).not.to.include('leaky');
    expect(JSON.stringify(result)).not.to.include('_secret_');
  });

  for (const scenario of FAKE_SCENARIOS.filter((s): s is Exclude<FakeScenario, 'hang'> => s !== 'hang')) {
    it(`${scenario} means what the SPEC says to @fc-relink/core`, async () => {
      const stripe = createFakeStripe({ scenario });
      const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret(scenario) });
      const outcome = interpretRelinkResult(result, { existingAccountIds: [FAKE_IDS.account, FAKE_IDS.otherAccount] });
      expect(outcome).to.deep.include(OUTCOMES[scenario]);
    });
  }

  it('never puts the client secret in what it resolves', async () => {
    for (const scenario of FAKE_SCENARIOS.filter((s) => s !== 'hang')) {
      const secret = fakeClientSecret(scenario);
      const tail = secret.slice(secret.indexOf('_secret_'));
      const result = await createFakeStripe().collectFinancialConnectionsAccounts({ clientSecret: secret });
      expect(JSON.stringify(result), scenario).not.to.include(tail);
    }
  });

  it('builds fresh objects for every call', async () => {
    const stripe = createFakeStripe({ scenario: 'account_relinked' });
    const first = sessionOf(await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' }));
    first.accounts.length = 0;
    (first.relink_options as { account: string | null }).account = null;
    const second = sessionOf(await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' }));
    expect(second.accounts).to.have.length(1);
    expect(second.relink_options?.account).to.equal(FAKE_IDS.account);
  });
});

describe('createFakeStripe: choosing the scenario', () => {
  it('reads the scenario from each call’s secret', async () => {
    const stripe = createFakeStripe();
    const a = await stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('no_account') });
    const b = await stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('account_relinked') });
    expect(a.financialConnectionsSession?.relink_result?.failure_reason).to.equal('no_account');
    expect(b.financialConnectionsSession?.relink_result?.account).to.equal(FAKE_IDS.account);
  });

  it('lets options.scenario win over the secret', async () => {
    const stripe = createFakeStripe({ scenario: 'other' });
    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('account_relinked') });
    expect(result.financialConnectionsSession?.relink_result?.failure_reason).to.equal('other');
    expect(stripe.calls[0]?.scenario).to.equal('other');
  });

  it('uses the part before _secret_ as the session id, and a neutral id for anything else', async () => {
    const stripe = createFakeStripe({ scenario: 'account_relinked' });
    const real = await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_1AbC_secret_XyZ' });
    expect(real.financialConnectionsSession?.id).to.equal('fcsess_1AbC');
    const key = await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'sk_test_123_secret_456' });
    expect(key.financialConnectionsSession?.id).to.equal('fcsess_fake');
  });

  it('explains how to name a scenario when none is given, without echoing the secret', async () => {
    const stripe = createFakeStripe();
    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_plain_secret_topsecret' });
    expect(result.error?.type).to.equal('invalid_request_error');
    expect(result.error?.message).to.include('fcsess_<id>_<scenario>_secret_');
    expect(result.error?.message).to.include('scenario');
    expect(JSON.stringify(result)).not.to.include('topsecret');
    expect(stripe.calls[0]).to.deep.equal({ clientSecret: 'fcsess_plain_secret_topsecret', scenario: null, settled: true });
  });

  it('answers a call without a clientSecret string with an error', async () => {
    const stripe = createFakeStripe({ scenario: 'account_relinked' });
    const call = stripe.collectFinancialConnectionsAccounts as (o?: unknown) => Promise<CollectRelinkResult>;
    for (const input of [undefined, null, {}, { clientSecret: 42 }, 'fcsess_a_hang_secret_b']) {
      const result = await call(input);
      expect(result.error?.type, JSON.stringify(input)).to.equal('invalid_request_error');
    }
    expect(stripe.calls.map((c) => c.clientSecret)).to.deep.equal(['', '', '', '', '']);
  });

  it('refuses an unknown scenario up front', () => {
    expect(() => createFakeStripe({ scenario: 'relinked' as FakeScenario })).to.throw(TypeError, /account_relinked/);
  });

  it('works when its method is detached from the instance', async () => {
    const { collectFinancialConnectionsAccounts } = createFakeStripe({ scenario: 'new_account' });
    const result = await collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(result.financialConnectionsSession?.accounts[0]?.id).to.equal(FAKE_IDS.newAccount);
  });
});

describe('createFakeStripe: timing', () => {
  it('settles only after the gate resolves', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const stripe = createFakeStripe({ scenario: 'account_relinked', gate });
    const pending = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(await settlesSoon(pending)).to.be.false;
    expect(stripe.calls[0]?.settled).to.be.false;
    open();
    const result = await pending;
    expect(result.financialConnectionsSession?.relink_result?.account).to.equal(FAKE_IDS.account);
    expect(stripe.calls[0]?.settled).to.be.true;
  });

  it('rejects with the gate’s reason when the gate rejects', async () => {
    const reason = new Error('network down');
    let fail!: (error: Error) => void;
    const gate = new Promise<void>((_, reject) => (fail = reject));
    const stripe = createFakeStripe({ scenario: 'account_relinked', gate });
    const pending = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    fail(reason);
    let caught: unknown;
    await pending.catch((error: unknown) => (caught = error));
    expect(caught).to.equal(reason);
    expect(stripe.calls[0]?.settled).to.be.true;
  });

  it('one gate can release many calls at once', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const stripe = createFakeStripe({ gate });
    const calls = [
      stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('no_account') }),
      stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('other') }),
    ];
    expect(await settlesSoon(Promise.race(calls))).to.be.false;
    open();
    const results = await Promise.all(calls);
    expect(results.map((r) => r.financialConnectionsSession?.relink_result?.failure_reason)).to.deep.equal(['no_account', 'other']);
  });

  it('waits for the delay before settling', async () => {
    const stripe = createFakeStripe({ scenario: 'no_authorization', delay: 150 });
    const started = performance.now();
    const pending = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(await settlesSoon(pending, 60)).to.be.false;
    await pending;
    expect(performance.now() - started).to.be.at.least(145);
  });

  it('settles asynchronously but promptly without delay or gate', async () => {
    const stripe = createFakeStripe({ scenario: 'other' });
    const pending = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(stripe.calls[0]?.settled).to.be.false;
    expect(await settlesSoon(pending, 0)).to.be.true;
  });

  it('never settles a hang, even after its gate opens', async () => {
    const stripe = createFakeStripe({ gate: Promise.resolve() });
    const pending = stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('hang') });
    expect(await settlesSoon(pending, 100)).to.be.false;
    expect(stripe.calls[0]).to.include({ scenario: 'hang', settled: false });
  });
});

describe('createFakeStripe: calls', () => {
  it('records every call in order, updating settled in place', async () => {
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const stripe = createFakeStripe({ gate });
    expect(stripe.calls).to.deep.equal([]);
    const first = fakeClientSecret('account_relinked');
    const second = fakeClientSecret('hang');
    const third = 'fcsess_x_secret_y';
    const settling = stripe.collectFinancialConnectionsAccounts({ clientSecret: first });
    // The hanging scenario never settles: nothing to await.
    void stripe.collectFinancialConnectionsAccounts({ clientSecret: second });
    const unnamed = stripe.collectFinancialConnectionsAccounts({ clientSecret: third });
    expect(stripe.calls).to.deep.equal([
      { clientSecret: first, scenario: 'account_relinked', settled: false },
      { clientSecret: second, scenario: 'hang', settled: false },
      { clientSecret: third, scenario: null, settled: false },
    ]);
    open();
    await Promise.all([settling, unnamed]);
    expect(stripe.calls.map((c) => c.settled)).to.deep.equal([true, false, true]);
  });

  it('keeps separate records per instance', async () => {
    const a = createFakeStripe({ scenario: 'other' });
    const b = createFakeStripe({ scenario: 'other' });
    await a.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(a.calls).to.have.length(1);
    expect(b.calls).to.have.length(0);
  });
});

describe('createFakeStripe: faults', () => {
  const secret = () => fakeClientSecret('account_relinked');

  it('rejects: every call records itself and rejects', async () => {
    const stripe = createFakeStripe({ fault: 'rejects' });
    let reason: unknown = null;
    await stripe.collectFinancialConnectionsAccounts({ clientSecret: secret() }).catch((e: unknown) => (reason = e));
    expect(reason).to.be.instanceOf(Error);
    expect(stripe.calls.map((c) => c.settled)).to.deep.equal([true]);
  });

  it('throws: every call throws before returning a promise, and is recorded', () => {
    const stripe = createFakeStripe({ fault: 'throws' });
    expect(() => stripe.collectFinancialConnectionsAccounts({ clientSecret: secret() })).to.throw(TypeError);
    expect(stripe.calls).to.have.length(1);
  });

  it('junk: resolves with neither a session nor an error', async () => {
    const stripe = createFakeStripe({ fault: 'junk' });
    const result = (await stripe.collectFinancialConnectionsAccounts({ clientSecret: secret() })) as unknown as Record<string, unknown>;
    expect(result).to.deep.equal({ financialConnectionsSession: 42 });
  });

  it('refuses an unknown fault up front', () => {
    expect(() => createFakeStripe({ fault: 'explodes' as never })).to.throw(TypeError, /unknown fault/);
  });
});

describe('createFakeStripe: confirmUsBankAccountSetup (SPEC section 6)', () => {
  it('plays the setup scenario the SetupIntent secret names, setup_succeeded by default', async () => {
    const stripe = createFakeStripe();
    const succeeded = await stripe.confirmUsBankAccountSetup(fakeSetupIntentSecret('setup_succeeded', 'a'));
    expect(succeeded).to.deep.equal({ setupIntent: { id: 'seti_a_setup_succeeded', status: 'succeeded', payment_method: FAKE_PAYMENT_METHOD } });
    const processing = await stripe.confirmUsBankAccountSetup(fakeSetupIntentSecret('setup_processing', 'b'));
    expect(processing.setupIntent?.status).to.equal('processing');
    const failed = await stripe.confirmUsBankAccountSetup(fakeSetupIntentSecret('setup_failed', 'c'));
    expect(failed.error).to.deep.include({ type: 'invalid_request_error', code: 'setup_intent_authentication_failure' });
    const plain = await stripe.confirmUsBankAccountSetup('seti_123_secret_456');
    expect(plain.setupIntent).to.deep.include({ id: 'seti_123', status: 'succeeded' });
    expect(stripe.setupCalls.map((c) => [c.scenario, c.settled])).to.deep.equal([
      ['setup_succeeded', true],
      ['setup_processing', true],
      ['setup_failed', true],
      ['setup_succeeded', true],
    ]);
  });

  it('answers anything but a SetupIntent secret with an error that holds no secret', async () => {
    const stripe = createFakeStripe();
    for (const secret of [fakeClientSecret('account_relinked'), 'pi_1_secret_2', 'sk_test_51Key', '', 'seti_1_secret_']) {
      const result = await stripe.confirmUsBankAccountSetup(secret);
      expect(result.error?.type, secret).to.equal('invalid_request_error');
      if (secret) expect(JSON.stringify(result)).not.to.contain(secret);
    }
    expect(stripe.setupCalls.every((c) => c.scenario === null)).to.equal(true);
  });

  it('waits for the gate like the relink calls', async () => {
    let open!: () => void;
    const stripe = createFakeStripe({ gate: new Promise<void>((resolve) => (open = resolve)) });
    const pending = stripe.confirmUsBankAccountSetup(fakeSetupIntentSecret());
    await aTimeout(10);
    expect(stripe.setupCalls[0]?.settled).to.equal(false);
    open();
    expect((await pending).setupIntent?.status).to.equal('succeeded');
  });

  it('secrets round-trip their scenario, and bad scenarios or ids are refused', () => {
    for (const scenario of FAKE_SETUP_SCENARIOS) expect(setupScenarioFromSecret(fakeSetupIntentSecret(scenario))).to.equal(scenario);
    expect(setupScenarioFromSecret(42)).to.equal(null);
    expect(() => fakeSetupIntentSecret('setup_exploded' as never)).to.throw(TypeError);
    expect(() => fakeSetupIntentSecret('setup_failed', 'a_secret_b')).to.throw(TypeError);
  });
});
