/**
 * What the fake Stripe.js plays for each session and SetupIntent, with fake Stripe. Pure: the page
 * picks with it the scenario it names in each request (the playground-only header of api.ts, which
 * the server hands to the stand-in for Stripe's API), and shows the same plan in its Session card.
 * No DOM, no Node.
 */
import type { FakeScenario, FakeSetupScenario } from '@fc-relink/testing';

/** Why `<fc-relink>` asks for a secret (its `ClientSecretRequest['purpose']`). */
export type SessionPurpose = 'initial' | 'retry' | 'authorization_retry';

/** The scenarios a plain retry recovers into, for the failures of an exact-account relink. */
const RECOVERS_TO: Partial<Record<FakeScenario, FakeScenario>> = {
  no_account: 'account_relinked',
  no_authorization: 'account_relinked',
  other: 'account_relinked',
};

/**
 * The scenario a session plays, given the one picked in the playground and why the element
 * asks: the picked one first; then a widened `authorization_retry` (an authorization-only
 * session) finds an account the page has never seen, and a plain `retry` of a failed
 * exact-account relink succeeds. Anything else plays the picked scenario again.
 */
export function scenarioForRequest(chosen: FakeScenario, purpose: SessionPurpose): FakeScenario {
  if (purpose === 'authorization_retry') return 'new_account';
  if (purpose === 'retry') return RECOVERS_TO[chosen] ?? chosen;
  return chosen;
}

/** The scenarios whose relink ends on a new account, so a payments page replaces the payment method. */
export const NEW_ACCOUNT_SCENARIOS: readonly FakeScenario[] = ['new_account', 'new_authorization'];

/**
 * The outcome a fake SetupIntent's confirmation plays: the one picked for the step's first
 * SetupIntent; after a failed accept the element asks for another, and that one succeeds, so the
 * customer's second accept shows the way out of a failure.
 */
export function setupScenarioForAttempt(chosen: FakeSetupScenario, attempt: number): FakeSetupScenario {
  return attempt > 1 && chosen === 'setup_failed' ? 'setup_succeeded' : chosen;
}
