/**
 * The demo server's answers to `<fc-relink>` (the contract is in ../src/shared/api.ts):
 *
 * `POST /api/relink-session`, for `fetchClientSecret`:
 * - A body with a `scenario` gets a fake session that plays it (or what a retry of it plays), for
 *   the fake Stripe.js. No keys involved.
 * - A body without one gets a real relink session for `body.account`, made with the official
 *   `stripe` SDK and @fc-relink/server's `createRelinkSessionForRequest`, as its example server
 *   does: the account retrieved on the relink API version, its eligibility checked (inactive and
 *   repairable, or active but expected to deactivate), scope `account`, or `institution` for an
 *   `authorization_retry`. Without usable keys: 503, with what to set.
 *
 * `POST /api/setup-intent`, for `fetchSetupIntentSecret` (a relink that ended on a new account):
 * - With a `setupScenario`: a fake SetupIntent secret whose confirmation plays it.
 * - Without: a real SetupIntent for the new account (`createReplacementSetupIntent`), only when
 *   its customer is the customer of the account the page was repairing (403 otherwise).
 *
 * `POST /api/account-status`: `relinkEligibility` of the fake account in the state asked, or of a
 * real account retrieved with the secret key, so the page can offer a relink before the link
 * breaks (an account Stripe expects to deactivate).
 *
 * A playground, not a pattern for production: a real server takes the account to relink, and the
 * customer, from its own records for the signed-in customer, never from the browser.
 *
 * The handler never throws and never leaves a request unanswered; answers and log lines carry no
 * key and no client secret.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { redact } from '@fc-relink/core';
import {
  createRelinkSessionForRequest,
  createReplacementSetupIntent,
  RELINK_API_VERSION,
  relinkEligibility,
  RelinkParamsError,
  RelinkSessionError,
  type RelinkAccount,
  type RelinkEligibility,
  type RelinkSessionForRequestClient,
  type ReplacementSetupIntentClient,
} from '@fc-relink/server';
import { FAKE_IDS, FAKE_SCENARIOS, FAKE_SETUP_SCENARIOS, fakeClientSecret, fakeSetupIntentSecret, type FakeScenario, type FakeSetupScenario } from '@fc-relink/testing';
import Stripe from 'stripe';
import {
  ACCOUNT_STATUS_PATH,
  FAKE_DAYS_LEFT,
  FAKE_LINK_STATES,
  MAX_BODY_BYTES,
  RELINK_SESSION_PATH,
  SETUP_INTENT_PATH,
  type AccountStatusResponse,
  type FakeLinkState,
  type RelinkSessionError as ApiError,
  type RelinkSessionRequestBody,
  type RelinkSessionResponse,
  type SetupIntentResponse,
} from '../src/shared/api.js';
import { isSessionPurpose, scenarioForRequest, setupScenarioForAttempt } from '../src/shared/fake-sessions.js';
import { isCrossOrigin, mediaType, readBody, sendJson, signalForResponse } from './http.js';

/** The part of a `stripe` client the endpoint uses; `new Stripe(key)` fits it. */
export type PlaygroundStripe = RelinkSessionForRequestClient & ReplacementSetupIntentClient;

/** Real sessions: a client, or why there is none (answered as 503). */
export type StripeAccess =
  | {
      kind: 'ready';
      client: PlaygroundStripe;
      /** Values to scrub from any message, beyond the usual key and secret shapes (the keys themselves). */
      secrets: readonly string[];
    }
  | { kind: 'unavailable'; code: 'stripe_keys_missing' | 'stripe_keys_invalid' | 'stripe_disabled'; message: string };

export interface RelinkEndpointOptions {
  stripe: StripeAccess;
  /** A fake session's simulated round trip to a real server, in milliseconds. Default 250. */
  fakeLatencyMs?: number;
  /** Told one line per request (never a key or a secret). */
  log?: (line: string, level: 'info' | 'warn') => void;
  /** The path of the session endpoint. Default {@link RELINK_SESSION_PATH}. */
  path?: string;
  /** The path of the SetupIntent endpoint. Default {@link SETUP_INTENT_PATH}. */
  setupPath?: string;
  /** The path of the account-status endpoint. Default {@link ACCOUNT_STATUS_PATH}. */
  statusPath?: string;
  /** The clock of the fake expiring account, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/** Thrown inside the handler for an answer other than 200. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
}

const refuse = (status: number, code: ApiError['code'], message: string, extra: Partial<ApiError> = {}): Refusal =>
  new Refusal(status, { code, message, ...extra });

const ID_SHAPE = /^[A-Za-z0-9_]{1,255}$/;

/** The billing name of the playground's replacement payment methods (a real server uses the customer's). */
export const PLAYGROUND_BILLING_NAME = 'Playground Customer';

/** An id field: absent, `null`, or an id with the right prefix. Never echoes what it got. */
function readId(body: Record<string, unknown>, field: 'authorization' | 'account' | 'previousSessionId' | 'sessionId' | 'relinking', prefix: string): string | null {
  const raw = body[field];
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' || !raw.startsWith(prefix) || !ID_SHAPE.test(raw) || raw.includes('_secret_')) {
    throw refuse(400, 'invalid_request', `"${field}" must be null or an id starting with ${prefix}.`);
  }
  return raw;
}

/** Validates a parsed body. */
export function parseRequestBody(value: unknown): Required<Omit<RelinkSessionRequestBody, 'scenario'>> & { scenario: FakeScenario | null } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refuse(400, 'invalid_request', 'The body must be a JSON object: { "purpose": "initial" | "retry" | "authorization_retry", ... }.');
  }
  const body = value as Record<string, unknown>;
  if (!isSessionPurpose(body.purpose)) {
    throw refuse(400, 'invalid_request', '"purpose" must be "initial", "retry" or "authorization_retry".');
  }
  let scenario: FakeScenario | null = null;
  if (body.scenario !== undefined && body.scenario !== null) {
    if (typeof body.scenario !== 'string' || !(FAKE_SCENARIOS as readonly string[]).includes(body.scenario)) {
      throw refuse(400, 'invalid_request', `"scenario" must be one of: ${FAKE_SCENARIOS.join(', ')}.`);
    }
    scenario = body.scenario as FakeScenario;
  }
  return {
    purpose: body.purpose,
    authorization: readId(body, 'authorization', 'fcauthz_'),
    account: readId(body, 'account', 'fca_'),
    previousSessionId: readId(body, 'previousSessionId', 'fcsess_'),
    scenario,
  };
}

/** Validates a parsed SetupIntent request body. */
export function parseSetupIntentBody(value: unknown): { account: string; sessionId: string; attempt: number; setupScenario: FakeSetupScenario | null; relinking: string | null } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refuse(400, 'invalid_request', 'The body must be a JSON object: { "account": "fca_...", "sessionId": "fcsess_...", "attempt": 1, ... }.');
  }
  const body = value as Record<string, unknown>;
  const account = readId(body, 'account', 'fca_');
  const sessionId = readId(body, 'sessionId', 'fcsess_');
  if (account === null || sessionId === null) {
    throw refuse(400, 'invalid_request', '"account" (fca_...) and "sessionId" (fcsess_...) are required.');
  }
  const attempt = body.attempt;
  if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1 || attempt > 1000) {
    throw refuse(400, 'invalid_request', '"attempt" must be a whole number from 1.');
  }
  let setupScenario: FakeSetupScenario | null = null;
  if (body.setupScenario !== undefined && body.setupScenario !== null) {
    if (typeof body.setupScenario !== 'string' || !(FAKE_SETUP_SCENARIOS as readonly string[]).includes(body.setupScenario)) {
      throw refuse(400, 'invalid_request', `"setupScenario" must be one of: ${FAKE_SETUP_SCENARIOS.join(', ')}.`);
    }
    setupScenario = body.setupScenario as FakeSetupScenario;
  }
  return { account, sessionId, attempt, setupScenario, relinking: readId(body, 'relinking', 'fca_') };
}

/** Validates a parsed account-status body: a fake state or a real account, one of the two. */
export function parseAccountStatusBody(value: unknown): { link: FakeLinkState | null; account: string | null } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refuse(400, 'invalid_request', 'The body must be a JSON object: { "link": "inactive" | "expiring" } or { "account": "fca_..." }.');
  }
  const body = value as Record<string, unknown>;
  let link: FakeLinkState | null = null;
  if (body.link !== undefined && body.link !== null) {
    if (!(FAKE_LINK_STATES as readonly unknown[]).includes(body.link)) throw refuse(400, 'invalid_request', `"link" must be one of: ${FAKE_LINK_STATES.join(', ')}.`);
    link = body.link as FakeLinkState;
  }
  const account = readId(body, 'account', 'fca_');
  if ((link === null) === (account === null)) throw refuse(400, 'invalid_request', 'Send either "link" (a fake account) or "account" (a real one).');
  return { link, account };
}

const DAY_SECONDS = 86_400;

/**
 * The fake account in a state, as the API returns it: `inactive` (broken, a relink repairs it), or
 * `expiring` (still active, and Stripe expects it to deactivate {@link FAKE_DAYS_LEFT} days from
 * today, midnight UTC).
 */
export function fakeAccount(link: FakeLinkState, nowMs: number): Record<string, unknown> {
  const base = { id: FAKE_IDS.account, object: 'financial_connections.account', authorization: FAKE_IDS.authorization };
  if (link === 'inactive') return { ...base, status: 'inactive', status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } } };
  const today = Math.floor(nowMs / 1000 / DAY_SECONDS) * DAY_SECONDS;
  return {
    ...base,
    status: 'active',
    status_details: { active: { action: 'relink_required', cause: 'access_expired', expected_deactivation_date: today + FAKE_DAYS_LEFT * DAY_SECONDS } },
  };
}

/** The customer id an account's holder names, or `null` (no holder, or an account-type holder). */
function holderCustomer(account: unknown): string | null {
  const holder = (account as { account_holder?: { customer?: unknown } | null } | null)?.account_holder;
  const customer = holder?.customer;
  if (typeof customer === 'string') return customer;
  const id = (customer as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

function notRelinkable(accountId: string, eligibility: RelinkEligibility): Refusal {
  const cause = eligibility.cause ? ` (${eligibility.cause})` : '';
  const message =
    eligibility.reason === 'active'
      ? `${accountId} is active: there is nothing to relink. Try an inactive account whose status_details.inactive.action is relink_required, or an active one whose status_details.active.action is.`
      : eligibility.reason === 'not_repairable'
        ? `${accountId} cannot be repaired by a relink${cause}: the customer has to link a new account.`
        : `Stripe did not say whether ${accountId} can be relinked (no status_details.inactive).`;
  return refuse(409, 'not_relinkable', message, { reason: eligibility.reason, cause: eligibility.cause });
}

/** The status the page gets for a Stripe error: Stripe's own for the request's faults, else 502. */
function statusForStripeError(error: InstanceType<typeof Stripe.errors.StripeError>): number {
  const status = error.statusCode ?? 0;
  if ([400, 402, 404, 409, 429].includes(status)) return status;
  return 502;
}

/**
 * The middleware. Requests for other paths go to `next()`; requests for its path are always
 * answered, whatever arrives.
 */
export function relinkSessionEndpoint(options: RelinkEndpointOptions): Middleware {
  const { stripe, fakeLatencyMs = 250, log = () => undefined, path = RELINK_SESSION_PATH, setupPath = SETUP_INTENT_PATH, statusPath = ACCOUNT_STATUS_PATH, now = Date.now } = options;
  const secrets = stripe.kind === 'ready' ? stripe.secrets.filter((s) => s.length > 0) : [];
  const scrub = (text: string): string => redact(secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text));
  let fakeSessions = 0;
  let fakeSetupIntents = 0;

  /** Checks what every request must be, and parses its JSON body. */
  async function readRequest(req: IncomingMessage, route: string): Promise<unknown> {
    if (req.method !== 'POST') {
      throw new Refusal(405, { code: 'method_not_allowed', message: `Use POST ${route}.` }, { allow: 'POST' });
    }
    if (isCrossOrigin(req)) throw refuse(403, 'cross_origin', 'Only the playground page itself may ask for sessions.');
    if (mediaType(req) !== 'application/json') {
      throw refuse(415, 'unsupported_media_type', 'Send the body as JSON, with content-type: application/json.');
    }
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) {
      if (read.reason === 'too_large') {
        throw new Refusal(413, { code: 'body_too_large', message: `The body must be at most ${MAX_BODY_BYTES} bytes.` }, { connection: 'close' });
      }
      throw refuse(400, 'invalid_request', 'The request body did not arrive.');
    }
    try {
      return JSON.parse(read.text) as unknown;
    } catch {
      throw refuse(400, 'invalid_json', 'The body is not valid JSON.');
    }
  }

  /** Like a real server's round trip; stops early if the page aborts. */
  async function roundTrip(res: ServerResponse): Promise<void> {
    if (fakeLatencyMs > 0) await delay(fakeLatencyMs, undefined, { signal: signalForResponse(res) });
  }

  /** Retrieves an account on the relink API version: older ones return neither `authorization` nor `status_details`. */
  function retrieveAccount(client: PlaygroundStripe, id: string): PromiseLike<unknown> {
    return client.financialConnections.accounts.retrieve(id, {}, { apiVersion: RELINK_API_VERSION });
  }

  async function session(req: IncomingMessage, res: ServerResponse): Promise<{ status: number; body: RelinkSessionResponse; note: string }> {
    const body = parseRequestBody(await readRequest(req, path));

    if (body.scenario !== null) {
      const plays = scenarioForRequest(body.scenario, body.purpose);
      fakeSessions += 1;
      const clientSecret = fakeClientSecret(plays, `demo${fakeSessions}`);
      await roundTrip(res);
      return { status: 200, body: { clientSecret, scenario: plays }, note: `fake, plays ${plays}` };
    }

    if (stripe.kind !== 'ready') throw refuse(503, stripe.code, stripe.message);
    if (body.account === null) {
      throw refuse(400, 'invalid_account', 'Send the id of the Financial Connections account to relink (fca_...) as "account".');
    }
    const accountId = body.account;
    let clientSecret: string;
    try {
      // Retrieve, check eligibility (inactive and repairable, or active but expiring), and the
      // scope from the purpose: that exact account; after `no_account`, any checking or savings one.
      ({ clientSecret } = await createRelinkSessionForRequest(stripe.client, accountId, body, { purpose: 'payments' }));
    } catch (thrown) {
      if (thrown instanceof RelinkParamsError && thrown.code === 'not_relinkable' && thrown.eligibility) throw notRelinkable(accountId, thrown.eligibility);
      throw thrown;
    }
    // The client secret only: no session id, no account data.
    const scope = body.purpose === 'authorization_retry' ? 'institution' : 'account';
    return { status: 200, body: { clientSecret }, note: `stripe, ${accountId}, scope ${scope}` };
  }

  async function setupIntent(req: IncomingMessage, res: ServerResponse): Promise<{ status: number; body: SetupIntentResponse; note: string }> {
    const body = parseSetupIntentBody(await readRequest(req, setupPath));

    if (body.setupScenario !== null) {
      const plays = setupScenarioForAttempt(body.setupScenario, body.attempt);
      fakeSetupIntents += 1;
      const clientSecret = fakeSetupIntentSecret(plays, `demo${fakeSetupIntents}`);
      await roundTrip(res);
      return { status: 200, body: { clientSecret, setupScenario: plays }, note: `fake, plays ${plays}` };
    }

    if (stripe.kind !== 'ready') throw refuse(503, stripe.code, stripe.message);
    if (body.relinking === null) {
      throw refuse(400, 'invalid_account', 'Send the account the page was repairing (fca_...) as "relinking".');
    }
    // The new account must belong to the customer whose account the page was repairing: in this
    // playground that stands in for "the signed-in customer" of a real server.
    const [account, relinking] = await Promise.all([retrieveAccount(stripe.client, body.account), retrieveAccount(stripe.client, body.relinking)]);
    const customer = holderCustomer(relinking);
    if (customer === null || holderCustomer(account) !== customer) {
      throw refuse(403, 'not_your_account', `${body.account} does not belong to the customer of ${body.relinking}: no SetupIntent was made.`);
    }
    const { id, clientSecret } = await createReplacementSetupIntent(stripe.client, account as RelinkAccount, {
      billingDetails: { name: PLAYGROUND_BILLING_NAME },
      idempotencyKey: `fc-relink-playground-${body.sessionId}-${body.account}-${body.attempt}`,
    });
    return { status: 200, body: { clientSecret }, note: `stripe, ${id} for ${body.account}` };
  }

  async function accountStatus(req: IncomingMessage, res: ServerResponse): Promise<{ status: number; body: AccountStatusResponse; note: string }> {
    const body = parseAccountStatusBody(await readRequest(req, statusPath));
    if (body.link !== null) {
      await roundTrip(res);
      return { status: 200, body: { eligibility: relinkEligibility(fakeAccount(body.link, now())) }, note: `fake, ${body.link}` };
    }
    if (stripe.kind !== 'ready') throw refuse(503, stripe.code, stripe.message);
    const eligibility = relinkEligibility(await retrieveAccount(stripe.client, body.account!));
    return { status: 200, body: { eligibility }, note: `stripe, ${body.account!}: ${eligibility.reason}` };
  }

  /** Turns anything thrown into an answer. */
  function failure(thrown: unknown): { status: number; error: ApiError; headers: Record<string, string>; note: string } {
    if (thrown instanceof Refusal) return { status: thrown.status, error: thrown.error, headers: thrown.headers, note: '' };
    if (thrown instanceof RelinkParamsError) {
      return { status: 422, error: { code: 'invalid_session_params', message: thrown.message }, headers: {}, note: thrown.code };
    }
    if (thrown instanceof RelinkSessionError) {
      return { status: 502, error: { code: 'stripe_error', message: thrown.message }, headers: {}, note: thrown.code };
    }
    if (thrown instanceof Stripe.errors.StripeError) {
      const error: ApiError = {
        code: 'stripe_error',
        message: `Stripe: ${scrub(thrown.message || thrown.type)}`,
        stripeType: thrown.rawType ?? thrown.type,
        stripeCode: thrown.code ?? null,
      };
      return { status: statusForStripeError(thrown), error, headers: {}, note: `${thrown.type}${thrown.requestId ? ` ${thrown.requestId}` : ''}` };
    }
    const name = thrown instanceof Error ? thrown.name : typeof thrown;
    return {
      status: 500,
      error: { code: 'internal_error', message: 'The demo server could not make the session; its terminal says why.' },
      headers: {},
      note: `${name}: ${scrub(thrown instanceof Error ? thrown.message : String(thrown))}`,
    };
  }

  return (req, res, next) => {
    const route = (req.url ?? '').split('?', 1)[0];
    const answer = route === path ? session : route === setupPath ? setupIntent : route === statusPath ? accountStatus : null;
    if (answer === null) {
      next();
      return;
    }
    answer(req, res)
      .then(
        ({ status, body, note }) => {
          sendJson(res, status, body);
          log(`${req.method ?? ''} ${route} ${status} (${note})`, 'info');
        },
        (thrown: unknown) => {
          if (res.destroyed) {
            log(`${req.method ?? ''} ${route} abandoned: the page went away`, 'info');
            return;
          }
          const { status, error, headers, note } = failure(thrown);
          sendJson(res, status, { error }, headers);
          // A refusal (4xx, or 503 without keys) is the endpoint working; a failure is worth a warning.
          log(`${req.method ?? ''} ${route} ${status} ${error.code}${note ? ` (${note})` : ''}`, status === 500 || status === 502 ? 'warn' : 'info');
        },
      )
      .catch(() => {
        // sendJson and log never throw; this only keeps a rejection from ever escaping.
      });
  };
}
