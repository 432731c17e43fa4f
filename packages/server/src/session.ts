import { RelinkParamsError, RelinkSessionError } from './errors.js';
import { isRecord, perRequestOptions } from './guards.js';
import { relinkSessionParams } from './params.js';
import type { RelinkAccount, RelinkSessionOptions } from './types.js';
import { RELINK_API_VERSION } from './version.js';

export { RELINK_API_VERSION };

/**
 * Per-request options passed to `sessions.create`, a subset of the SDK's `RequestOptions`.
 */
export interface RelinkRequestOptions {
  apiVersion: string;
  idempotencyKey?: string;
  stripeAccount?: string;
}

/**
 * The part of a `stripe` client that {@link createRelinkSession} uses. A `new Stripe(key)` from the
 * official SDK fits it as is (checked against stripe-node 23), with no cast.
 */
export interface RelinkStripeClient {
  readonly financialConnections: {
    readonly sessions: {
      create(
        params: object,
        options: RelinkRequestOptions,
      ): PromiseLike<{ readonly id: string; readonly client_secret?: string | null }>;
    };
  };
}

/**
 * Options of {@link createRelinkSession}: those of {@link relinkSessionParams}, plus request options.
 */
export type CreateRelinkSessionOptions = RelinkSessionOptions & {
  /** Not here: a hosted session has no client secret for the page; use `createHostedRelinkSession`. */
  readonly hosted?: never;
  /**
   * The `Stripe-Version` of the request. Default {@link RELINK_API_VERSION}; a later preview
   * (`YYYY-MM-DD.preview`, on or after it) is accepted, anything else is refused: an earlier
   * one lacks fields this package reads, and a GA version has no `relink_options` at all.
   */
  readonly apiVersion?: string;
  /** Sent as `Idempotency-Key`. */
  readonly idempotencyKey?: string;
  /** Connect: the connected account (`acct_...`) the Financial Connections account belongs to. */
  readonly stripeAccount?: string;
};

/**
 * A created relink session: only what the browser needs. Send `clientSecret` to the customer's
 * browser and nowhere else (not to logs, URLs or storage).
 */
export interface RelinkSession {
  /** The session ID (`fcsess_...`). */
  id: string;
  /** The session's client secret, for `stripe.collectFinancialConnectionsAccounts`. */
  clientSecret: string;
}

/**
 * Creates a Financial Connections Session that relinks `account`, with the parameters of
 * {@link relinkSessionParams}, on API version {@link RELINK_API_VERSION} (or `options.apiVersion`,
 * a later preview) set for this request only.
 *
 * @param stripe - a client of the official `stripe` SDK
 * @param account - the Financial Connections account to relink, retrieved at `RELINK_API_VERSION`
 * @param options - purpose, scope, permissions, and optional request options
 * @returns the session's ID and client secret, nothing else
 * @throws {RelinkParamsError} (as a rejection) for bad input, before any request is sent
 * @throws {RelinkSessionError} (as a rejection) when Stripe's answer has no ID or client secret
 * @throws Stripe's own errors (`Stripe.errors.StripeError`) unchanged
 *
 * @example
 * ```ts
 * const { clientSecret } = await createRelinkSession(stripe, account, {
 *   purpose: 'payments',
 *   scope: 'account',
 *   permissions: ['payment_method'],
 * });
 * ```
 */
export async function createRelinkSession(
  stripe: RelinkStripeClient,
  account: RelinkAccount,
  options: CreateRelinkSessionOptions,
): Promise<RelinkSession> {
  refuseHosted(options);
  const params = relinkSessionParams(account, options);
  const requestOptions: RelinkRequestOptions = { apiVersion: relinkApiVersion(options.apiVersion), ...perRequestOptions(options) };

  const session = await stripe.financialConnections.sessions.create(params, requestOptions);
  const id: unknown = session?.id;
  const clientSecret: unknown = session?.client_secret;
  if (typeof id !== 'string' || id === '' || typeof clientSecret !== 'string' || clientSecret === '') {
    throw new RelinkSessionError(
      'invalid_response',
      'Stripe answered the Financial Connections Session request without an id or client_secret.',
    );
  }
  return { id, clientSecret };
}

/** A session for the page's Stripe.js is not a hosted one: refuses `options.hosted`. */
export function refuseHosted(options: unknown): void {
  if (isRecord(options) && options['hosted'] !== undefined) {
    throw new RelinkParamsError(
      'invalid_options',
      'options.hosted makes a Stripe-hosted session, which has no client secret for the page: use createHostedRelinkSession.',
    );
  }
}

const PREVIEW_VERSION = /^(\d{4})-(\d{2})-(\d{2})\.preview$/;

/** The version to send: the default, or a valid preview on or after it. */
export function relinkApiVersion(requested: unknown): string {
  if (requested === undefined) return RELINK_API_VERSION;
  if (typeof requested === 'string' && isSupportedVersion(requested)) return requested;
  throw new RelinkParamsError(
    'unsupported_api_version',
    `options.apiVersion must be a preview API version (YYYY-MM-DD.preview) on or after ${RELINK_API_VERSION}: ` +
      'relink_options is a public preview feature.',
  );
}

/** Same-shaped `YYYY-MM-DD.preview` strings order by date. */
function isSupportedVersion(version: string): boolean {
  const match = PREVIEW_VERSION.exec(version);
  return match !== null && isRealDate(match) && version >= RELINK_API_VERSION;
}

function isRealDate([, year, month, day]: RegExpExecArray): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}
