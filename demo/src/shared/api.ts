/**
 * The contract between the playground page and its demo server (demo/server, mounted by the Vite
 * config in dev and in `vite preview`). Types and constants only, shared by both sides.
 *
 * `POST /api/relink-session`, `content-type: application/json`, a body of at most 4 KiB:
 *
 * ```json
 * { "purpose": "initial" | "retry" | "authorization_retry",
 *   "authorization": "fcauthz_..." | null, "account": "fca_..." | null,
 *   "previousSessionId": "fcsess_..." | null, "scenario": "no_account" }
 * ```
 *
 * - With `scenario`: a fake session (no keys needed). The answer is
 *   `200 { clientSecret, scenario }`, `scenario` being what the session plays for that purpose.
 * - Without `scenario`: a real Stripe session for `account` (needs both Stripe keys). The answer is
 *   `200 { clientSecret }`, and nothing else about the session.
 * - Anything else: `{ error: { code, message } }` with a 4xx/5xx status. Messages never contain a
 *   key or a client secret.
 *
 * `POST /api/setup-intent`, the same way: the element's `fetchSetupIntentSecret`, when a relink
 * ends on a new account and the page replaces the payment method made from the old one.
 *
 * ```json
 * { "account": "fca_...", "sessionId": "fcsess_...", "attempt": 1,
 *   "setupScenario": "setup_succeeded", "relinking": "fca_..." | null }
 * ```
 *
 * - With `setupScenario`: a fake SetupIntent whose confirmation plays it (or what a second
 *   attempt plays). The answer is `200 { clientSecret, setupScenario }`.
 * - Without it: a real SetupIntent for `account` (the new account), made by
 *   `createReplacementSetupIntent`, only when it has the same customer as `relinking`, the
 *   account the page was repairing. The answer is `200 { clientSecret }`.
 *
 * `POST /api/account-status`, the same way: whether the page's bank link needs a relink, as
 * `relinkEligibility` reads it, so the page can offer one before the link breaks.
 *
 * ```json
 * { "link": "inactive" | "expiring" }   // fake: an account in that state
 * { "account": "fca_..." }              // real: the account retrieved with the secret key
 * ```
 *
 * The answer is `200 { eligibility: { relinkable, reason, cause, expectedDeactivationDate } }`.
 */
import type { FakeScenario, FakeSetupScenario } from '@fc-relink/testing';
import type { SessionPurpose } from './fake-sessions.js';

export const RELINK_SESSION_PATH = '/api/relink-session';

export const SETUP_INTENT_PATH = '/api/setup-intent';

export const ACCOUNT_STATUS_PATH = '/api/account-status';

/** The fake account's state: broken now, or still working but expected to stop. */
export type FakeLinkState = 'inactive' | 'expiring';

export const FAKE_LINK_STATES: readonly FakeLinkState[] = ['inactive', 'expiring'];

/** How many days ahead the fake expiring account is expected to stop working. */
export const FAKE_DAYS_LEFT = 12;

export interface AccountStatusRequestBody {
  /** Fake: the state of the fake account. */
  link?: FakeLinkState;
  /** Real: the Financial Connections account to read. */
  account?: string;
}

/** `relinkEligibility`'s answer, as the page gets it. */
export interface AccountEligibility {
  relinkable: boolean;
  reason: 'relink_required' | 'relink_recommended' | 'not_repairable' | 'active' | 'unknown';
  cause: string | null;
  /** Unix seconds, or `null`. */
  expectedDeactivationDate: number | null;
}

export type AccountStatusResponse = { eligibility: AccountEligibility } | { error: RelinkSessionError };

/** The largest request body the endpoint reads, in bytes. */
export const MAX_BODY_BYTES = 4096;

export interface RelinkSessionRequestBody {
  purpose: SessionPurpose;
  /** From the element's request: the last attempt's `relink_options.authorization`. */
  authorization?: string | null;
  /**
   * Fake sessions: the element's `request.account` (informational). Real sessions: the
   * Financial Connections account to relink, whatever the purpose.
   */
  account?: string | null;
  previousSessionId?: string | null;
  /** Asks for a fake session: the scenario picked in the playground. */
  scenario?: FakeScenario;
}

export interface SetupIntentRequestBody {
  /** The new Financial Connections account to make the payment method from. */
  account: string;
  /** The relink session that linked it. */
  sessionId: string;
  /** 1 for the step's first SetupIntent, then one more for each asked after a failed accept. */
  attempt: number;
  /** Asks for a fake SetupIntent: the setup outcome picked in the playground. */
  setupScenario?: FakeSetupScenario;
  /** Real SetupIntents: the account the page was repairing, whose customer the new one must have. */
  relinking?: string | null;
}

export type SetupIntentResponse =
  | { clientSecret: string; setupScenario?: FakeSetupScenario }
  | { error: RelinkSessionError };

export type RelinkSessionErrorCode =
  | 'not_found'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'cross_origin'
  | 'body_too_large'
  | 'invalid_json'
  | 'invalid_request'
  | 'stripe_keys_missing'
  | 'stripe_keys_invalid'
  | 'stripe_disabled'
  | 'invalid_account'
  | 'not_relinkable'
  | 'not_your_account'
  | 'invalid_session_params'
  | 'stripe_error'
  | 'internal_error';

export interface RelinkSessionError {
  code: RelinkSessionErrorCode;
  /** For people; redacted of keys and secrets. */
  message: string;
  /** `not_relinkable`: what `relinkEligibility` read from the account. */
  reason?: string;
  cause?: string | null;
  /** `stripe_error`: Stripe's error type and code, when it gave them. */
  stripeType?: string;
  stripeCode?: string | null;
}

export type RelinkSessionResponse =
  | { clientSecret: string; scenario?: FakeScenario }
  | { error: RelinkSessionError };

/** Where the playground's sessions come from. */
export type SessionSource = 'fake' | 'stripe';

/** What the demo server tells the page (the `virtual:fc-relink/playground` module). */
export interface PlaygroundServerConfig {
  /** `stripe` when both keys are set and valid: real sessions, real Stripe.js. */
  sessions: SessionSource;
  /** The publishable key in `stripe` mode, else `null`. Never a secret key. */
  publishableKey: string | null;
  /** Why the keys in the environment are not used, when some are set; `null` otherwise. */
  notice: string | null;
}
