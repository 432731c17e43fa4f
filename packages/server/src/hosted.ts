import { checkHostedRelinkUrl, interpretRelinkResult, type RelinkError, type RelinkErrorCode, type RelinkOutcome, type RelinkStripeError } from '@fc-relink/core/interpret';
import { RelinkParamsError, RelinkSessionError } from './errors.js';
import { isConnectedAccountId, isRecord, perRequestOptions } from './guards.js';
import { relinkSessionParams } from './params.js';
import { relinkApiVersion, type RelinkRequestOptions, type RelinkStripeClient } from './session.js';
import type { HostedRelinkDelivery, HostedRelinkOptions, RelinkAccount, RelinkSessionOptions } from './types.js';
import { RELINK_API_VERSION } from './version.js';

/**
 * Options of {@link createHostedRelinkSession}: those of `relinkSessionParams`, with `hosted` and
 * `returnUrl` required, plus request options.
 */
export type CreateHostedRelinkSessionOptions = RelinkSessionOptions & {
  /** How the customer reaches Stripe's page: a link you give them, or an email Stripe sends. */
  readonly hosted: HostedRelinkOptions;
  /** Where Stripe's page sends the customer when they finish or cancel: your return page. */
  readonly returnUrl: string;
  /** The `Stripe-Version` of the request. Default `RELINK_API_VERSION`; a later preview is accepted. */
  readonly apiVersion?: string;
  /**
   * Sent as `Idempotency-Key`: the same key with the same parameters gives the same session back
   * and Stripe sends no second email (derive it from what asked, e.g. the webhook event's id).
   */
  readonly idempotencyKey?: string;
  /** Connect: the connected account (`acct_...`) the Financial Connections account belongs to. */
  readonly stripeAccount?: string;
};

/** A created hosted relink session: its id, and for delivery `'url'` the page to send the customer to. */
export interface HostedRelinkSession {
  /** The session's ID (`fcsess_...`): `hostedRelinkOutcome` reads it when the customer comes back. */
  id: string;
  /**
   * Delivery `'url'`: Stripe's page for this relink (`https://`, on `stripe.com`), for the
   * customer only (a redirect, a link in your own email or app). Delivery `'email'`: `null`,
   * Stripe emails the account holder a link itself.
   */
  url: string | null;
}

/** The longest session ID read: far longer than any Stripe gives. */
const MAX_ID_LENGTH = 255;
const SESSION_ID = /^fcsess_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/;
/** The session statuses of a relink that has ended. */
const ENDED: ReadonlySet<unknown> = new Set(['succeeded', 'failed', 'cancelled']);

/** Whether a value is a Financial Connections Session ID (and nothing glued to it, no client secret). */
function isSessionId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && SESSION_ID.test(value) && !/_secret_/i.test(value);
}

/**
 * Creates a Stripe-hosted relink session (SPEC section 13): the parameters of
 * `relinkSessionParams` with `ui_mode: 'hosted'`, `hosted.delivery_method` and `return_url`, on
 * API version `RELINK_API_VERSION` (or `options.apiVersion`, a later preview) for this request
 * only, for `options.stripeAccount` when given. No Stripe.js is needed on any page: the customer
 * follows `url` (delivery `'url'`), or the link in the email Stripe sends the account holder
 * (delivery `'email'`), relinks on Stripe's page, and comes back to `returnUrl`.
 *
 * The helper keeps no state: pass `idempotencyKey` so that a request made twice (a webhook
 * delivered again) gets the same session back rather than a second session and a second email.
 *
 * @param stripe - a client of the official `stripe` SDK
 * @param account - the Financial Connections account to relink, retrieved at `RELINK_API_VERSION`
 * @param options - purpose, scope, permissions, `hosted`, `returnUrl`, and optional request options
 * @returns the session's ID and, for delivery `'url'`, Stripe's page (`null` for `'email'`)
 * @throws {RelinkParamsError} (as a rejection) for bad input, before any request is sent
 *   (`invalid_options` without `hosted` or `returnUrl`)
 * @throws {RelinkSessionError} (as a rejection) when Stripe's answer is no hosted session of the
 *   kind asked for (no session ID, or for `'url'` no `https://` URL on `stripe.com`)
 * @throws Stripe's own errors (`Stripe.errors.StripeError`) unchanged
 *
 * @example
 * ```ts
 * // relink_soon, from a webhook: Stripe emails the customer; the same event twice is one session.
 * await createHostedRelinkSession(stripe, account, {
 *   purpose: 'payments',
 *   scope: 'account',
 *   hosted: { delivery: 'email' },
 *   returnUrl: 'https://example.com/relink-return',
 *   idempotencyKey: `fc-relink-email-${event.id}`,
 * });
 * ```
 */
export async function createHostedRelinkSession(
  stripe: RelinkStripeClient,
  account: RelinkAccount,
  options: CreateHostedRelinkSessionOptions,
): Promise<HostedRelinkSession> {
  if (!isRecord(options) || options.hosted === undefined) {
    throw new RelinkParamsError('invalid_options', "options.hosted must say how the customer reaches Stripe's page: { delivery: 'url' } or { delivery: 'email' }.");
  }
  const params = relinkSessionParams(account, options);
  const delivery = params.hosted!.delivery_method;
  const requestOptions: RelinkRequestOptions = { apiVersion: relinkApiVersion(options.apiVersion), ...perRequestOptions(options) };
  const session: unknown = await stripe.financialConnections.sessions.create(params, requestOptions);
  return hostedSessionOf(session, delivery);
}

/** What Stripe answered, checked: a hosted session of the delivery asked for, and its page for `'url'`. */
function hostedSessionOf(session: unknown, delivery: HostedRelinkDelivery): HostedRelinkSession {
  const fields = isRecord(session) ? session : {};
  const id = fields['id'];
  const uiMode = fields['ui_mode'];
  const hosted = fields['hosted'];
  const method = isRecord(hosted) ? hosted['delivery_method'] : undefined;
  const asAsked = (uiMode === undefined || uiMode === 'hosted') && (method === undefined || method === null || method === delivery);
  if (!isSessionId(id) || !asAsked) {
    throw new RelinkSessionError(
      'invalid_response',
      'Stripe answered the hosted session request without a session id, or with a session that is not hosted as asked.',
    );
  }
  if (delivery === 'email') return { id, url: null };
  // The element's own rule for what it follows (core's checkHostedRelinkUrl): one rule, both sides.
  const url = checkHostedRelinkUrl(fields['url']);
  if (typeof url !== 'string') {
    throw new RelinkSessionError('invalid_response', "Stripe answered the hosted session request without an https URL on stripe.com for delivery 'url'.");
  }
  return { id, url };
}

/**
 * The part of a `stripe` client that {@link hostedRelinkOutcome} uses; `new Stripe(key)` fits as
 * is. The session comes back as `unknown`: the GA SDK's type lacks the relink fields.
 */
export interface HostedRelinkOutcomeClient {
  readonly financialConnections: {
    readonly sessions: {
      retrieve(id: string, params: Record<string, never>, options: { apiVersion: string; stripeAccount?: string }): PromiseLike<unknown>;
    };
  };
}

/** Options of {@link hostedRelinkOutcome}. */
export interface HostedRelinkOutcomeOptions {
  /** Connect: the connected account (`acct_...`) the session was created on. */
  readonly stripeAccount?: string;
  /** The accounts you already know for this customer, to tell new ones from them (the element's `existingAccountIds`). */
  readonly existingAccountIds?: readonly string[];
}

const PENDING =
  'The hosted relink session is still pending: the customer has not finished on Stripe\'s page, or Stripe is still finishing. Ask again in a moment.';

/**
 * What a hosted relink came to, for the page at `return_url` (SPEC section 13): retrieves the
 * session at `RELINK_API_VERSION` and returns `interpretRelinkResult` of it, the same
 * `RelinkOutcome` the element gives, redacted and bounded as core redacts every text from Stripe.
 *
 * - A session still pending (no `relink_result` yet) is error `relink_result_missing`, retryable.
 * - A `sessionId` that is not a session ID (`fcsess_...`; a client secret is refused too) is error
 *   `unexpected`, and nothing is sent to Stripe.
 * - A retrieve that fails is error `stripe_error` with Stripe's error redacted; retryable for a
 *   connection error, a rate limit (429) and Stripe's own 5xx (a read can always be asked again).
 *
 * Never throws and never rejects, whatever it is given.
 *
 * @param stripe - a client of the official `stripe` SDK
 * @param sessionId - the session's ID, as your return page received it
 * @param options - Connect's `stripeAccount`, and the accounts you already know
 *
 * @example
 * ```ts
 * // GET /relink-return?session_id=fcsess_...
 * const outcome = await hostedRelinkOutcome(stripe, url.searchParams.get('session_id') ?? '');
 * if (outcome.type === 'success') { ... }
 * ```
 */
export async function hostedRelinkOutcome(
  stripe: HostedRelinkOutcomeClient,
  sessionId: string,
  options: HostedRelinkOutcomeOptions = {},
): Promise<RelinkOutcome> {
  try {
    if (!isSessionId(sessionId)) {
      return outcomeError('unexpected', 'sessionId is not a Financial Connections Session ID (fcsess_...): nothing was sent to Stripe.');
    }
    const settings: Record<string, unknown> = isRecord(options) ? options : {};
    const stripeAccount = settings['stripeAccount'];
    if (stripeAccount !== undefined && !isConnectedAccountId(stripeAccount)) {
      return outcomeError('unexpected', 'options.stripeAccount must be a connected account ID (acct_...) when given: nothing was sent to Stripe.');
    }

    let session: unknown;
    try {
      const requestOptions = stripeAccount === undefined ? { apiVersion: RELINK_API_VERSION } : { apiVersion: RELINK_API_VERSION, stripeAccount };
      session = await stripe.financialConnections.sessions.retrieve(sessionId, {}, requestOptions);
    } catch (thrown) {
      return retrieveFailed(thrown);
    }
    if (!isRecord(session) || session['id'] !== sessionId) {
      return outcomeError('unexpected', 'Stripe answered the retrieve with something other than the session asked for.');
    }

    const outcome = interpretRelinkResult({ financialConnectionsSession: session }, { existingAccountIds: settings['existingAccountIds'] as readonly string[] | undefined });
    // At RELINK_API_VERSION a relink session carries relink_result once it has ended: until then
    // the customer is still on Stripe's page, or Stripe is still finishing.
    if (outcome.type === 'error' && outcome.code === 'relink_result_missing' && !ENDED.has(session['status'])) {
      return { ...outcome, message: PENDING, retryable: true };
    }
    return outcome;
  } catch {
    return outcomeError('unexpected', 'The hosted relink session could not be read.');
  }
}

/** A failed retrieve, as a typed error: Stripe's own error redacted by core, or `unexpected`. */
function retrieveFailed(thrown: unknown): RelinkError {
  try {
    const error = isRecord(thrown) ? thrown : {};
    const sdkType = error['type'];
    // stripe-node's errors are named by class (`StripeInvalidRequestError`), Stripe's own type in `rawType`.
    if (typeof sdkType !== 'string' || !sdkType.startsWith('Stripe')) {
      return outcomeError('unexpected', 'The session could not be retrieved: the client failed with something other than a Stripe error.');
    }
    const status = error['statusCode'];
    const rawType = error['rawType'];
    const type =
      sdkType === 'StripeConnectionError'
        ? 'api_connection_error'
        : sdkType === 'StripeRateLimitError' || status === 429
          ? 'rate_limit_error'
          : typeof rawType === 'string' && rawType !== ''
            ? rawType
            : 'api_error';
    // Core reads Stripe's error exactly as it reads Stripe.js's: bounded, redacted, retryable for
    // api_connection_error and rate_limit_error.
    const read = interpretRelinkResult({ error: { type, code: error['code'], message: error['message'], doc_url: error['doc_url'] } });
    if (read.type !== 'error' || read.stripeError === null) {
      return outcomeError('unexpected', 'The session could not be retrieved.');
    }
    const { stripeError } = read;
    const label = stripeError.code === null ? stripeError.type : `${stripeError.type}/${stripeError.code}`;
    const retryable = read.retryable || (typeof status === 'number' && status >= 500);
    return outcomeError(
      'stripe_error',
      `Stripe could not retrieve the session (${label})${stripeError.message === null ? '.' : `: ${stripeError.message}`}`,
      retryable,
      stripeError,
    );
  } catch {
    return outcomeError('unexpected', 'The session could not be retrieved.');
  }
}

/**
 * A {@link RelinkError} of this package's own: `message` is this file's text, or (for
 * `stripe_error`) made of the parts core already redacted.
 */
function outcomeError(code: RelinkErrorCode, message: string, retryable = false, stripeError: RelinkStripeError | null = null): RelinkError {
  return { type: 'error', code, message, retryable, stripeError, fallbacks: [] };
}
