/**
 * What the playground page asks its server, and what it hears back. Types and constants only,
 * shared by both sides. The server (demo/server, mounted by the Vite config in dev and in
 * `vite preview`) is the example server of `@fc-relink/server`
 * (packages/server/examples/relink-server.mjs), with fake Stripe's API (the stand-in of
 * test-support/stripe-api.ts) by default and yours when keys are given, plus what only a
 * playground needs.
 *
 * The example server's routes, for the signed-in customer's account of record (never an account
 * from the browser), JSON from the page's own origin:
 * - `POST /relink-session`, the element's `fetchClientSecret`: the element's request
 *   (`{ purpose, account, authorization, previousSessionId }`) → `200 { clientSecret }`.
 * - `POST /replacement-setup-intent`, its `fetchSetupIntentSecret`: `{ accountId }` (the new
 *   account) → `200 { clientSecret }`, for the signed-in customer's own account only.
 * - `POST /hosted-relink`, its `fetchHostedRelinkUrl`: `{ purpose }` → `200 { url }`, Stripe's page.
 * - `GET /relink-return?session_id=...`: where Stripe's page sends the customer back (an HTML page).
 * Refusals are `{ error: code }` (plus `reason` and `cause` for `not_relinkable`): never Stripe's text.
 *
 * The playground's own:
 * - `POST /playground/customer`: signs the browser in as the playground's customer (demo/server/customers.ts):
 *   `{ link }` with fake Stripe, `{ account }` with your keys → `200 { eligibility }`.
 * - The headers {@link SCENARIO_HEADER} and {@link SETUP_SCENARIO_HEADER} (fake Stripe only):
 *   the scenario the fake Stripe.js plays for the session, or SetupIntent, that the request
 *   creates. A scenario's name, nothing else.
 * - `GET`/`POST /fake-stripe/hosted/<session id>` (fake Stripe only): the fake's hosted page.
 */
import type { ClientSecretRequest } from '@fc-relink/element';

export const RELINK_SESSION_PATH = '/relink-session';
export const SETUP_INTENT_PATH = '/replacement-setup-intent';
export const HOSTED_RELINK_PATH = '/hosted-relink';
/** The example server's return page, Stripe's `return_url`. */
export const RELINK_RETURN_PATH = '/relink-return';
/** The example server's routes, as it names them. */
export const EXAMPLE_SERVER_PATHS: readonly string[] = [RELINK_SESSION_PATH, SETUP_INTENT_PATH, HOSTED_RELINK_PATH, RELINK_RETURN_PATH, '/webhook'];

export const CUSTOMER_PATH = '/playground/customer';
/** The fake's hosted page, followed by a session id. */
export const FAKE_HOSTED_PREFIX = '/fake-stripe/hosted/';

/** The scenario of the fake Stripe.js that the session a request creates plays. */
export const SCENARIO_HEADER = 'fc-relink-scenario';
/** The setup scenario of the fake Stripe.js that the SetupIntent a request creates plays. */
export const SETUP_SCENARIO_HEADER = 'fc-relink-setup-scenario';

/** The largest body the playground's own route reads, in bytes. */
export const MAX_BODY_BYTES = 1024;

/** The fake customer's bank link: broken now, or still working but expected to stop. */
export type FakeLinkState = 'inactive' | 'expiring';

export const FAKE_LINK_STATES: readonly FakeLinkState[] = ['inactive', 'expiring'];

/** How many days ahead the fake expiring account is expected to stop working (midnight UTC). */
export const FAKE_DAYS_LEFT = 12;

/** `POST /playground/customer`: a link state (fake Stripe) or an account of yours (your keys). */
export type CustomerRequestBody = { link: FakeLinkState } | { account: string };

/** `relinkEligibility`'s answer, as the page gets it. */
export interface AccountEligibility {
  relinkable: boolean;
  reason: 'relink_required' | 'relink_recommended' | 'not_repairable' | 'active' | 'unknown';
  cause: string | null;
  /** Unix seconds, or `null`. */
  expectedDeactivationDate: number | null;
}

export type CustomerResponse = { eligibility: AccountEligibility } | ServerRefusal;

/** A refusal, from the example server or the playground's own route: a code, never Stripe's words. */
export interface ServerRefusal {
  error: string;
  /** `not_relinkable`: what `relinkEligibility` read from the account. */
  reason?: string;
  cause?: string | null;
}

/** `POST /relink-session`: the element's request as it is, without its signal. */
export type RelinkSessionRequestBody = Omit<ClientSecretRequest, 'signal'>;

/** `POST /replacement-setup-intent`: the new account. */
export interface SetupIntentRequestBody {
  accountId: string;
}

/** `POST /hosted-relink`: why the element asks. */
export interface HostedRelinkRequestBody {
  purpose: ClientSecretRequest['purpose'];
  /** What the failed attempt asked for: the example server keeps its scope. */
  account: string | null;
  authorization: string | null;
}

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
