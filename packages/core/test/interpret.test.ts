import { expect } from '@open-wc/testing';
import { fallbacksFor, interpretRelinkResult, RELINK_API_VERSION, type RelinkOutcome } from '@fc-relink/core';
import { outcomeProblems } from './well-formed.js';

const AUTHZ = 'fcauthz_1';
const ACCT = 'fca_1';

function account(id: string, extra: Record<string, unknown> = {}) {
  return { id, object: 'financial_connections.account', display_name: `Account ${id}`, institution_name: 'StripeBank', last4: '6789', ...extra };
}

function session(opts: { account?: string | null; result?: unknown; accounts?: unknown; options?: unknown } = {}) {
  const relinkOptions = opts.options !== undefined ? opts.options : { authorization: AUTHZ, ...(opts.account ? { account: opts.account } : {}) };
  return {
    financialConnectionsSession: {
      id: 'fcsess_1',
      accounts: opts.accounts ?? [],
      relink_options: relinkOptions,
      ...(opts.result === undefined ? {} : { relink_result: opts.result }),
    },
  };
}

const ok = (o: RelinkOutcome) => expect(outcomeProblems(o), JSON.stringify(o)).to.deep.equal([]);

describe('interpretRelinkResult: decision table', () => {
  it('row 1: result.error is a stripe_error, retryable only for connection and rate-limit errors', () => {
    const cases: Array<[string, boolean]> = [
      ['api_connection_error', true],
      ['rate_limit_error', true],
      ['invalid_request_error', false],
      ['api_error', false],
    ];
    for (const [type, retryable] of cases) {
      const o = interpretRelinkResult({ error: { type, code: 'c', message: 'm', doc_url: 'https://stripe.com/docs/x' } });
      ok(o);
      expect(o).to.deep.include({ type: 'error', code: 'stripe_error', retryable });
      if (o.type !== 'error') throw new Error('unreachable');
      expect(o.stripeError).to.deep.equal({ type, code: 'c', message: 'm', docUrl: 'https://stripe.com/docs/x' });
    }
  });

  it('row 1 wins even when a session is present', () => {
    const o = interpretRelinkResult({ ...session({ result: { authorization: AUTHZ } }), error: { type: 'api_error' } });
    expect(o).to.deep.include({ type: 'error', code: 'stripe_error' });
  });

  it('row 1 redacts secrets and keys in Stripe messages', () => {
    const o = interpretRelinkResult({
      error: { type: 'invalid_request_error', message: 'No such session: fcsess_abc_secret_xyz (key sk_test_123abc)' },
    });
    expect(JSON.stringify(o)).not.to.match(/fcsess_abc_secret_xyz|sk_test_123abc/);
    expect(o.type === 'error' && o.stripeError?.message).to.equal('No such session: [redacted] (key [redacted])');
  });

  it('row 2: no session is unexpected', () => {
    for (const input of [undefined, null, 42, 'x', {}, { financialConnectionsSession: null }, { financialConnectionsSession: 'x' }]) {
      const o = interpretRelinkResult(input);
      ok(o);
      expect(o).to.deep.include({ type: 'error', code: 'unexpected' });
    }
  });

  it('row 3: a session without relink_options (or its authorization) is not a relink session', () => {
    for (const options of [null, undefined, {}, { authorization: '' }, { authorization: 7 }, { account: ACCT }]) {
      const o = interpretRelinkResult(session({ options: options ?? null, result: { authorization: AUTHZ } }));
      ok(o);
      expect(o).to.deep.include({ type: 'error', code: 'not_a_relink_session', retryable: false });
    }
  });

  it('row 4: relink_options without relink_result names the preview API version', () => {
    const o = interpretRelinkResult(session());
    ok(o);
    expect(o).to.deep.include({ type: 'error', code: 'relink_result_missing' });
    expect(RELINK_API_VERSION).to.equal('2026-08-26.preview');
    expect(o.type === 'error' && o.message).to.contain(RELINK_API_VERSION);
  });

  it('row 5: account mode with relink_result.account is account_relinked', () => {
    const o = interpretRelinkResult(
      session({ account: ACCT, result: { account: ACCT, authorization: AUTHZ, failure_reason: null }, accounts: [account(ACCT)] }),
    );
    ok(o);
    expect(o).to.deep.include({
      type: 'success', kind: 'account_relinked', mode: 'account', sessionId: 'fcsess_1',
      requestedAuthorization: AUTHZ, requestedAccount: ACCT, authorization: AUTHZ, account: ACCT,
    });
  });

  it('row 6: authorization mode with the same authorization is authorization_relinked', () => {
    const o = interpretRelinkResult(session({ result: { authorization: AUTHZ, account: null, failure_reason: null } }));
    ok(o);
    expect(o).to.deep.include({ type: 'success', kind: 'authorization_relinked', mode: 'authorization', requestedAccount: null });
  });

  it('row 7: authorization mode with a different authorization is new_authorization', () => {
    const o = interpretRelinkResult(session({ result: { authorization: 'fcauthz_2' } }));
    ok(o);
    expect(o).to.deep.include({ type: 'success', kind: 'new_authorization', authorization: 'fcauthz_2', requestedAuthorization: AUTHZ });
  });

  it('row 8: everything else is a failure with the received reason, or other', () => {
    const cases: Array<[string | null, unknown, string, string | null, string]> = [
      // [mode account?, failure_reason, expected reason, rawReason, note]
      [ACCT, 'no_account', 'no_account', 'no_account', 'account mode'],
      [ACCT, 'no_authorization', 'no_authorization', 'no_authorization', 'account mode'],
      [ACCT, 'other', 'other', 'other', 'account mode'],
      [ACCT, 'brand_new_reason', 'other', 'brand_new_reason', 'unknown reason'],
      [ACCT, null, 'other', null, 'no reason'],
      [ACCT, 12, 'other', null, 'wrong type'],
      [null, 'no_authorization', 'no_authorization', 'no_authorization', 'authorization mode'],
      [null, 'no_account', 'no_account', 'no_account', 'authorization mode'],
    ];
    for (const [acct, reason, expected, raw, note] of cases) {
      const o = interpretRelinkResult(session({ account: acct, result: { account: null, authorization: null, failure_reason: reason } }));
      ok(o);
      expect(o, note).to.deep.include({ type: 'failure', reason: expected, rawReason: raw, mode: acct ? 'account' : 'authorization' });
    }
  });

  it('row 8: rawReason is redacted and bounded like every text from Stripe', () => {
    const read = (failure_reason: string): unknown => {
      const o = interpretRelinkResult(session({ account: ACCT, result: { account: null, authorization: null, failure_reason } }));
      return o.type === 'failure' ? o.rawReason : o.type;
    };
    expect(read('bank said sk_live_51Habc no')).to.equal('bank said [redacted] no');
    expect(read('fcsess_1_secret_2')).to.equal('[redacted]');
    const huge = read('x'.repeat(1_000_000)) as string;
    expect(huge.length).to.equal(201);
    expect(huge.endsWith('…')).to.equal(true);
  });

  it('row 8: account mode with only an authorization back is still a failure', () => {
    const o = interpretRelinkResult(session({ account: ACCT, result: { authorization: AUTHZ, account: null, failure_reason: 'no_account' } }));
    expect(o).to.deep.include({ type: 'failure', reason: 'no_account', mode: 'account' });
  });
});

describe('interpretRelinkResult: fallback table', () => {
  const table: Array<[string | null, string, string[]]> = [
    [ACCT, 'no_account', ['authorization_retry', 'new_payment_method']],
    [ACCT, 'no_authorization', ['retry', 'new_payment_method']],
    [ACCT, 'other', ['retry', 'new_payment_method']],
    [null, 'no_account', ['retry', 'new_payment_method']],
    [null, 'no_authorization', ['retry', 'new_payment_method']],
    [null, 'other', ['retry', 'new_payment_method']],
  ];
  for (const [acct, reason, fallbacks] of table) {
    it(`${acct ? 'account' : 'authorization'} mode, ${reason}: ${fallbacks.join(', ')}`, () => {
      const o = interpretRelinkResult(session({ account: acct, result: { failure_reason: reason } }));
      expect(o.type === 'failure' && o.fallbacks).to.deep.equal(fallbacks);
      expect(fallbacksFor(acct ? 'account' : 'authorization', reason as 'other')).to.deep.equal(fallbacks);
    });
  }
});

describe('interpretRelinkResult: accounts', () => {
  const accounts = [account('fca_a', { last4: null, display_name: 7 }), account('fca_b'), { id: '' }, 'junk', null, { nope: 1 }];

  it('keeps the session accounts in order, dropping entries without an id', () => {
    const o = interpretRelinkResult(session({ result: { authorization: AUTHZ }, accounts }));
    if (o.type !== 'success') throw new Error(o.type);
    expect(o.accounts.map((a) => a.id)).to.deep.equal(['fca_a', 'fca_b']);
    expect(o.accounts[0]).to.deep.equal({ id: 'fca_a', displayName: null, institutionName: 'StripeBank', last4: null, isNew: null });
  });

  it('reads the server-shaped list object { data: [...] } too', () => {
    const o = interpretRelinkResult(session({ result: { authorization: AUTHZ }, accounts: { object: 'list', data: [account('fca_b')] } }));
    expect(o.type === 'success' && o.accounts.map((a) => a.id)).to.deep.equal(['fca_b']);
  });

  it('isNew is null and the id lists unknown without existingAccountIds', () => {
    const o = interpretRelinkResult(session({ result: { authorization: AUTHZ }, accounts: [account('fca_b')] }));
    expect(o).to.deep.include({ newAccountIds: null, missingAccountIds: null });
  });

  it('an account is new when existingAccountIds does NOT include it (the guide sample has it backwards)', () => {
    const o = interpretRelinkResult(session({ result: { authorization: AUTHZ }, accounts: [account('fca_old'), account('fca_new')] }), {
      existingAccountIds: ['fca_old', 'fca_gone', 'fca_gone'],
    });
    if (o.type !== 'success') throw new Error(o.type);
    ok(o);
    expect(o.accounts.map((a) => [a.id, a.isNew])).to.deep.equal([['fca_old', false], ['fca_new', true]]);
    expect(o.newAccountIds).to.deep.equal(['fca_new']);
    expect(o.missingAccountIds).to.deep.equal(['fca_gone']);
  });

  it('in account mode the relinked account is never new', () => {
    const o = interpretRelinkResult(session({ account: ACCT, result: { account: ACCT }, accounts: [account(ACCT)] }), {
      existingAccountIds: [],
    });
    if (o.type !== 'success') throw new Error(o.type);
    expect(o.accounts[0]?.isNew).to.equal(false);
    expect(o.newAccountIds).to.deep.equal([]);
  });

  it('in account mode the relinked account is never new, also without existingAccountIds', () => {
    const o = interpretRelinkResult(session({ account: ACCT, result: { account: ACCT }, accounts: [account(ACCT)] }));
    if (o.type !== 'success') throw new Error(o.type);
    ok(o);
    expect(o.accounts[0]?.isNew).to.equal(false);
    // Which other accounts are new stays unknown without the page's list.
    expect(o).to.deep.include({ newAccountIds: null, missingAccountIds: null });
  });

  it('reads the first 1,000 existingAccountIds: any list a page sets is read at once', () => {
    const many = Array.from({ length: 1_000_000 }, (_, i) => `fca_known${i}`);
    const result = session({ result: { authorization: AUTHZ }, accounts: [{ id: 'fca_known5' }, { id: 'fca_known5000' }] });
    const o = interpretRelinkResult(result, { existingAccountIds: many });
    ok(o);
    expect(o.type === 'success' && o.accounts.map((a) => a.isNew)).to.deep.equal([false, true]);
  });

  it('ids and names from Stripe are redacted and bounded too', () => {
    const result = session({ result: { authorization: AUTHZ }, accounts: [{ id: 'fca_1', display_name: `Checking sk_live_51Habc ${'y'.repeat(1000)}`, last4: '123456' }] });
    const o = interpretRelinkResult(result);
    ok(o);
    const [account] = o.type === 'success' ? o.accounts : [];
    expect(account?.displayName?.startsWith('Checking [redacted] yyy')).to.equal(true);
    expect(account?.displayName?.length).to.be.at.most(256);
    expect(account?.last4).to.equal('1234…');
  });

  it('ignores unknown fields and non-string existing ids', () => {
    const o = interpretRelinkResult(
      { ...session({ result: { authorization: AUTHZ, extra: { deep: true } }, accounts: [account('fca_x')] }), extra: 1 },
      { existingAccountIds: ['fca_x', 5 as unknown as string] },
    );
    ok(o);
    expect(o.type === 'success' && o.accounts[0]?.isNew).to.equal(false);
  });
});

describe('interpretRelinkResult: needsNewPaymentMethod (SPEC section 2)', () => {
  const table: Array<[string, Parameters<typeof session>[0], readonly string[] | undefined, boolean | null]> = [
    ['account_relinked', { account: ACCT, result: { account: ACCT }, accounts: [account(ACCT)] }, undefined, false],
    ['account_relinked, existing ids given', { account: ACCT, result: { account: ACCT }, accounts: [account(ACCT)] }, [], false],
    ['new_authorization', { result: { authorization: 'fcauthz_new' }, accounts: [account('fca_x')] }, [ACCT], true],
    ['new_authorization, nothing known', { result: { authorization: 'fcauthz_new' }, accounts: [] }, undefined, true],
    ['authorization_relinked, first account new', { result: { authorization: AUTHZ }, accounts: [account('fca_new'), account(ACCT)] }, [ACCT], true],
    ['authorization_relinked, first account known', { result: { authorization: AUTHZ }, accounts: [account(ACCT), account('fca_new')] }, [ACCT], false],
    ['authorization_relinked, no existing ids', { result: { authorization: AUTHZ }, accounts: [account(ACCT)] }, undefined, null],
    ['authorization_relinked, no accounts', { result: { authorization: AUTHZ }, accounts: [] }, [ACCT], null],
  ];
  for (const [what, shape, existingAccountIds, expected] of table) {
    it(`${what}: ${String(expected)}`, () => {
      const o = interpretRelinkResult(session(shape), existingAccountIds ? { existingAccountIds } : undefined);
      ok(o);
      expect(o.type === 'success' && o.needsNewPaymentMethod).to.equal(expected);
    });
  }
});

describe('interpretRelinkResult: Stripe errors', () => {
  it('redacts every field of Stripe\'s error, not only its message', () => {
    const secret = 'seti_1Ab_secret_Cd-ef';
    const o = interpretRelinkResult({
      error: { type: `invalid_request_error ${secret}`, code: `code_sk_live_${'x'.repeat(20)}`, message: `no ${secret}`, doc_url: `https://stripe.com/docs?secret=${secret}` },
    });
    ok(o);
    expect(JSON.stringify(o)).not.to.contain('secret_Cd');
    expect(JSON.stringify(o)).not.to.contain('sk_live_');
    expect(o.type === 'error' && o.stripeError).to.deep.equal({
      type: 'invalid_request_error [redacted]',
      code: '[redacted]',
      message: 'no [redacted]',
      docUrl: 'https://stripe.com/docs?secret=[redacted]',
    });
  });

  it('cuts what Stripe sent to lengths no Stripe field needs', () => {
    const o = interpretRelinkResult({ error: { type: 't'.repeat(10_000), code: 'c'.repeat(10_000), message: 'm'.repeat(100_000), doc_url: 'd'.repeat(10_000) } });
    if (o.type !== 'error' || !o.stripeError) throw new Error(o.type);
    expect(o.stripeError.type.length).to.be.at.most(101);
    expect(o.stripeError.code!.length).to.be.at.most(101);
    expect(o.stripeError.docUrl!.length).to.be.at.most(301);
    expect(o.stripeError.message!.length).to.be.at.most(2001);
    expect(o.message.length).to.be.at.most(2001);
  });
});

describe('interpretRelinkResult: never throws', () => {
  it('returns unexpected for hostile input instead of throwing', () => {
    const hostile = new Proxy({}, { get() { throw new Error('boom fcsess_a_secret_b'); }, has() { throw new Error('boom'); } });
    const o = interpretRelinkResult(hostile);
    ok(o);
    expect(o).to.deep.include({ type: 'error', code: 'unexpected' });
    expect(JSON.stringify(o)).not.to.contain('fcsess_a_secret_b');
  });

  it('survives a throwing getter inside the session', () => {
    const s = session({ result: { authorization: AUTHZ } });
    Object.defineProperty(s.financialConnectionsSession, 'accounts', { get() { throw new Error('nope'); } });
    expect(interpretRelinkResult(s)).to.deep.include({ type: 'error', code: 'unexpected' });
  });
});
