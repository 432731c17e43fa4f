/**
 * Generated `collectFinancialConnectionsAccounts` results for interpretRelinkResult, shared by the
 * browser property test (10,000 inputs, in `pnpm test`) and `pnpm fuzz` (1,000,000, in Node).
 * Values near the real shape, so the generator reaches every row of SPEC section 2's decision
 * table, mixed with junk of every type.
 */
import fc from 'fast-check';
import { interpretRelinkResult, type RelinkOutcome } from '@fc-relink/core';
import { outcomeProblems } from './well-formed.js';

/** A secret planted in Stripe's error messages: it must never come out. */
export const PLANTED_SECRET = 'fcsess_prop_secret_zzz';

const id = fc.constantFrom<string>('fca_1', 'fca_2', 'fca_3', '', 'x');
const authz = fc.constantFrom('fcauthz_1', 'fcauthz_2', '', null);
const anyJunk = fc.oneof(fc.anything(), fc.constant(undefined), fc.constant(null));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ arbitrary: arb, weight: 5 }, { arbitrary: anyJunk, weight: 1 });

const accountArb = maybe(
  fc.record({ id: maybe(id), display_name: maybe(fc.string()), institution_name: maybe(fc.string()), last4: maybe(fc.string()) }),
);
const sessionArb = fc.record({
  id: maybe(fc.constantFrom('fcsess_1', '')),
  accounts: fc.oneof(fc.array(accountArb, { maxLength: 4 }), fc.record({ data: fc.array(accountArb, { maxLength: 4 }) }), anyJunk),
  relink_options: maybe(fc.record({ authorization: maybe(authz), account: maybe(fc.oneof(id, fc.constant(null))) })),
  relink_result: maybe(
    fc.record({
      account: maybe(fc.oneof(id, fc.constant(null))),
      authorization: maybe(authz),
      failure_reason: maybe(fc.constantFrom('no_account', 'no_authorization', 'other', 'new_reason', null)),
    }),
  ),
});
const errorArb = maybe(
  fc.record({
    type: maybe(fc.constantFrom('api_connection_error', 'invalid_request_error')),
    message: maybe(fc.constant(`bad ${PLANTED_SECRET}`)),
    code: maybe(fc.oneof(fc.string(), fc.constant(`code_${PLANTED_SECRET}`))),
    doc_url: maybe(fc.oneof(fc.webUrl(), fc.constant(`https://stripe.com/docs?k=sk_live_${PLANTED_SECRET}`))),
  }),
);

/** What collectFinancialConnectionsAccounts might resolve with. */
export const resultArb = fc.oneof(
  fc.record({ financialConnectionsSession: maybe(sessionArb) }),
  fc.record({ error: errorArb }),
  fc.record({ financialConnectionsSession: maybe(sessionArb), error: errorArb }),
  anyJunk,
);

/** What the page might pass as context. */
export const contextArb = fc.oneof(
  fc.constant(undefined),
  fc.record({ existingAccountIds: fc.oneof(fc.array(id, { maxLength: 4 }), fc.constant(undefined)) }),
  anyJunk,
);

/** The rows of SPEC section 2's decision table, by number, and what each one's outcome is called. */
export const DECISION_ROWS = {
  1: 'stripe_error',
  2: 'unexpected',
  3: 'not_a_relink_session',
  4: 'relink_result_missing',
  5: 'account_relinked',
  6: 'authorization_relinked',
  7: 'new_authorization',
  8: 'failure',
} as const;

/** The decision-table row an outcome comes from (0 for an outcome no row gives). */
export function rowOf(outcome: RelinkOutcome): number {
  const name = outcome.type === 'error' ? outcome.code : outcome.type === 'success' ? outcome.kind : 'failure';
  const row = Object.entries(DECISION_ROWS).find(([, value]) => value === name);
  return row ? Number(row[0]) : 0;
}

/** An outcome that breaks the contract (as opposed to interpretRelinkResult throwing). */
export class ContractBroken extends Error {}

/**
 * Interprets one input and checks the outcome against the contract (well-formed, no planted
 * secret, from a row of the table). Throws with the reason when it breaks it; returns the row.
 */
export function checkInterpretation(result: unknown, context: unknown): number {
  const outcome = interpretRelinkResult(result, context as never);
  const problems = outcomeProblems(outcome);
  if (problems.length) throw new ContractBroken(`${problems.join(', ')}: ${JSON.stringify(outcome)}`);
  if (JSON.stringify(outcome).includes(PLANTED_SECRET)) throw new ContractBroken(`secret leaked: ${JSON.stringify(outcome)}`);
  const row = rowOf(outcome);
  if (row === 0) throw new ContractBroken(`no row of the table gives ${JSON.stringify(outcome)}`);
  return row;
}
