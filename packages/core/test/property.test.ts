import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { interpretRelinkResult } from '@fc-relink/core';
import { outcomeProblems } from './well-formed.js';

const RUNS = 10_000;
const SECRET = 'fcsess_prop_secret_zzz';

// Values near the real shape, so the generator reaches every row of the table, mixed with junk.
const id = fc.constantFrom<string>('fca_1', 'fca_2', 'fca_3', '', 'x');
const authz = fc.constantFrom('fcauthz_1', 'fcauthz_2', '', null);
const anyJunk = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 5 }, { arbitrary: anyJunk, weight: 1 });

const accountArb = maybe(
  fc.record(
    { id: maybe(id), display_name: maybe(fc.string()), institution_name: maybe(fc.string()), last4: maybe(fc.string()) },
  ),
);
const sessionArb = fc.record(
  {
    id: maybe(fc.constantFrom('fcsess_1', '')),
    accounts: fc.oneof(fc.array(accountArb, { maxLength: 4 }), fc.record({ data: fc.array(accountArb, { maxLength: 4 }) }), anyJunk),
    relink_options: maybe(fc.record({ authorization: maybe(authz), account: maybe(fc.oneof(id, fc.constant(null))) })),
    relink_result: maybe(
      fc.record(
        {
          account: maybe(fc.oneof(id, fc.constant(null))),
          authorization: maybe(authz),
          failure_reason: maybe(fc.constantFrom('no_account', 'no_authorization', 'other', 'new_reason', null)),
        },
      ),
    ),
  },
);
const errorArb = maybe(
  fc.record(
    { type: maybe(fc.constantFrom('api_connection_error', 'invalid_request_error')), message: maybe(fc.constant(`bad ${SECRET}`)), code: maybe(fc.string()) },
  ),
);
const resultArb = fc.oneof(
  fc.record({ financialConnectionsSession: maybe(sessionArb) }),
  fc.record({ error: errorArb }),
  fc.record({ financialConnectionsSession: maybe(sessionArb), error: errorArb }),
  anyJunk,
);
const contextArb = fc.oneof(
  fc.constant(undefined),
  fc.record({ existingAccountIds: fc.oneof(fc.array(id, { maxLength: 4 }), fc.constant(undefined)) }),
);

describe('interpretRelinkResult: properties', () => {
  it(`is total and always well-formed over ${RUNS} generated inputs, never leaking a secret`, () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(resultArb, contextArb, (result, context) => {
        const outcome = interpretRelinkResult(result, context as never);
        const problems = outcomeProblems(outcome);
        if (problems.length) throw new Error(`${problems.join(', ')}: ${JSON.stringify(outcome)}`);
        if (JSON.stringify(outcome).includes(SECRET)) throw new Error('secret leaked');
        seen.add(outcome.type === 'error' ? outcome.code : outcome.type === 'success' ? outcome.kind : `failure:${outcome.reason}`);
      }),
      { numRuns: RUNS },
    );
    // The generator must reach every row of the decision table, or the property proves little.
    expect([...seen].sort()).to.include.members([
      'account_relinked', 'authorization_relinked', 'new_authorization',
      'failure:no_account', 'failure:no_authorization', 'failure:other',
      'stripe_error', 'unexpected', 'not_a_relink_session', 'relink_result_missing',
    ]);
  });

  it('an account is new exactly when the existing ids do not include it (outside account mode)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id.filter((v) => v !== ''), { maxLength: 3 }), fc.uniqueArray(id.filter((v) => v !== ''), { maxLength: 3 }), (ids, existing) => {
        const o = interpretRelinkResult(
          { financialConnectionsSession: { id: 's', accounts: ids.map((i) => ({ id: i })), relink_options: { authorization: 'a' }, relink_result: { authorization: 'a' } } },
          { existingAccountIds: existing },
        );
        if (o.type !== 'success') throw new Error(o.type);
        for (const a of o.accounts) if (a.isNew !== !existing.includes(a.id)) throw new Error(a.id);
      }),
      { numRuns: 2000 },
    );
  });
});
