import { relinkEligibility, type RelinkEligibility } from './eligibility.js';
import { RelinkParamsError } from './errors.js';
import { isRecord, perRequestOptions } from './guards.js';
import { relinkSessionParams } from './params.js';
import { createRelinkSession, refuseHosted, relinkApiVersion, type CreateRelinkSessionOptions, type RelinkSession, type RelinkStripeClient } from './session.js';
import type { DataRelinkOptions, PaymentsRelinkOptions, RelinkAccount, RelinkScope } from './types.js';

/**
 * What `<fc-relink>` asks `fetchClientSecret` for (its `ClientSecretRequest`), or the JSON a page
 * sends on from it: `purpose`, `account` and `authorization` are read, and only to pick the scope
 * (never as what to relink: that is the host's own record). A missing `purpose` is `'initial'`.
 */
export interface RelinkSessionRequest {
  readonly purpose?: 'initial' | 'retry' | 'authorization_retry' | null;
  /**
   * The exact account the retried attempt asked for, or `null` when it asked for any account at
   * the bank: a `retry` with `account: null` (and the retried attempt's `authorization` known)
   * retries an `authorization_retry`, and keeps its scope.
   */
  readonly account?: string | null;
  /** The retried attempt's `relink_options.authorization`, when the element knows it. */
  readonly authorization?: string | null;
}

/**
 * The part of a `stripe` client that {@link createRelinkSessionForRequest} uses; `new Stripe(key)`
 * fits as is. The account comes back as `unknown` on purpose: the SDK's type lacks the preview
 * fields relink reads.
 */
export interface RelinkSessionForRequestClient extends RelinkStripeClient {
  readonly financialConnections: RelinkStripeClient['financialConnections'] & {
    readonly accounts: {
      retrieve(id: string, params: Record<string, never>, options: { apiVersion: string; stripeAccount?: string }): PromiseLike<unknown>;
    };
  };
}

type WithoutScope<T> = T extends unknown ? Omit<T, 'scope'> : never;

/**
 * Options of {@link createRelinkSessionForRequest}: those of `createRelinkSession` but `scope`,
 * which the request decides.
 */
export type CreateRelinkSessionForRequestOptions = WithoutScope<PaymentsRelinkOptions | DataRelinkOptions> & {
  /** Not here: the element needs a client secret; a hosted session is `createHostedRelinkSession`'s. */
  readonly hosted?: never;
  /** The `Stripe-Version` of both requests. Default `RELINK_API_VERSION`; a later preview is accepted. */
  readonly apiVersion?: string;
  /** Sent with the session request as `Idempotency-Key`. */
  readonly idempotencyKey?: string;
  /** Connect: the connected account (`acct_...`) the Financial Connections account belongs to. */
  readonly stripeAccount?: string;
};

const ACCOUNT_ID = /^fca_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/;
const PURPOSES: ReadonlySet<unknown> = new Set(['initial', 'retry', 'authorization_retry']);

/**
 * The scope a request asks for: any account at the bank after `no_account`
 * (`authorization_retry`), and for a retry of that (`retry` with `account: null` after an attempt
 * whose `authorization` is known); otherwise that exact account. A retry keeps the scope of what
 * it retries, so a customer is never sent back to the exact account that already failed with
 * `no_account`. Throws `RelinkParamsError` (`invalid_request`) for a request of another shape.
 * The hosted relink's endpoint picks its scope with it too.
 */
export function relinkScopeForRequest(request: unknown): RelinkScope {
  const purpose = isRecord(request) ? (request['purpose'] ?? 'initial') : undefined;
  if (!PURPOSES.has(purpose)) {
    throw new RelinkParamsError('invalid_request', "request.purpose must be 'initial', 'retry' or 'authorization_retry'.");
  }
  const { account, authorization } = request as Record<string, unknown>;
  for (const [name, value] of [['account', account], ['authorization', authorization]] as const) {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      throw new RelinkParamsError('invalid_request', `request.${name} must be a string or null when given.`);
    }
  }
  if (purpose === 'authorization_retry') return 'institution';
  // A retry of an attempt that asked for no exact account. When the element knows nothing of the
  // retried attempt (it ended before Stripe answered), the exact account on record is the default.
  const retriesInstitution = purpose === 'retry' && account === null && typeof authorization === 'string' && authorization !== '';
  return retriesInstitution ? 'institution' : 'account';
}

const NOT_RELINKABLE: Record<Exclude<RelinkEligibility['reason'], 'relink_required' | 'relink_recommended'>, string> = {
  active: 'it is active and Stripe expects nothing to go wrong with it: there is nothing to relink',
  not_repairable: 'a relink cannot repair it (disconnected, or closed at the bank): the customer has to link a new account',
  unknown: 'its status does not say (not a Financial Connections account, or read at a version without status_details)',
};

/**
 * What every host endpoint behind `fetchClientSecret` does, in one call: retrieves the account on
 * the relink API version, checks {@link relinkEligibility} (an inactive account that a relink can
 * repair, or an active one Stripe expects to deactivate), picks the scope from the element's
 * request (`authorization_retry` after `no_account`, or a retry of it: any account at the bank;
 * otherwise that exact account) and creates the session.
 *
 * Take `accountId` from your own records for the signed-in customer, never from the browser.
 *
 * @param stripe - a client of the official `stripe` SDK
 * @param accountId - the Financial Connections account to relink (`fca_...`)
 * @param request - the element's request (or the JSON your page sends from it)
 * @param options - purpose and permissions (optional for payments), and request options
 * @returns the session's ID and client secret, nothing else
 * @throws {RelinkParamsError} (as a rejection) for bad input before any request; code
 *   `not_relinkable`, with `reason` and `eligibility`, when the account cannot be relinked (no
 *   session is created)
 * @throws {RelinkSessionError} (as a rejection) when Stripe's answer has no ID or client secret
 * @throws Stripe's own errors unchanged
 *
 * @example
 * ```ts
 * // POST /relink-session, body: the element's { purpose }
 * const { clientSecret } = await createRelinkSessionForRequest(stripe, accountIdOfSignedInCustomer, body, { purpose: 'payments' });
 * ```
 */
export async function createRelinkSessionForRequest(
  stripe: RelinkSessionForRequestClient,
  accountId: string,
  request: RelinkSessionRequest,
  options: CreateRelinkSessionForRequestOptions,
): Promise<RelinkSession> {
  if (typeof accountId !== 'string' || accountId.length > 255 || !ACCOUNT_ID.test(accountId) || accountId.includes('_secret_')) {
    throw new RelinkParamsError('invalid_account', 'accountId must be the ID of a Financial Connections account (fca_...).');
  }
  const scope = relinkScopeForRequest(request);
  if (!isRecord(options)) {
    throw new RelinkParamsError('invalid_options', 'options must be an object with purpose and (for data) permissions.');
  }
  refuseHosted(options);
  const apiVersion = relinkApiVersion(options.apiVersion);
  const { stripeAccount } = perRequestOptions(options);
  const sessionOptions = { ...options, scope } as CreateRelinkSessionOptions;
  // Every option checked before any request: the parameters for a stand-in account, thrown away.
  relinkSessionParams({ id: accountId, authorization: 'fcauthz_optionsCheck' }, sessionOptions);

  const account: unknown = await stripe.financialConnections.accounts.retrieve(accountId, {}, stripeAccount ? { apiVersion, stripeAccount } : { apiVersion });
  const eligibility = relinkEligibility(account);
  if (eligibility.reason !== 'relink_required' && eligibility.reason !== 'relink_recommended') {
    throw new RelinkParamsError('not_relinkable', `The account cannot be relinked: ${NOT_RELINKABLE[eligibility.reason]}.`, eligibility);
  }
  return createRelinkSession(stripe, account as RelinkAccount, sessionOptions);
}
