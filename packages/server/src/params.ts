import { RelinkParamsError } from './errors.js';
import { customerOf, idOf, isRecord } from './guards.js';
import { RELINK_API_VERSION } from './version.js';
import type {
  AccountSubcategory,
  HostedRelinkDelivery,
  Permission,
  RelinkAccount,
  RelinkAccountHolderParam,
  RelinkSessionCreateParams,
  RelinkSessionOptions,
} from './types.js';

// Every name the SDK's types list, and no other: a name Stripe adds or drops fails the build here.
const PERMISSIONS: ReadonlySet<string> = new Set(
  Object.keys({ balances: true, ownership: true, payment_method: true, transactions: true } satisfies Record<Permission, true>),
);

const SUBCATEGORIES: ReadonlySet<string> = new Set(
  Object.keys({ checking: true, savings: true, mortgage: true, line_of_credit: true, credit_card: true } satisfies Record<AccountSubcategory, true>),
);

/**
 * The create-session parameters that relink a Financial Connections account, as Stripe's relink
 * guides prescribe:
 *
 * - `account_holder` copied from the account (an expanded customer or account becomes its ID), or
 *   `null` when the account has none (a two-step confirmation flow, or payment details collected
 *   before an Intent).
 * - `permissions` exactly `options.permissions`, in its order; for `'payments'`,
 *   `payment_method` appended when missing (and `['payment_method']` when not given).
 * - `relink_options.authorization` the account's authorization; with scope `'account'` also
 *   `relink_options.account`, the account's ID.
 * - purpose `'payments'` with scope `'institution'`: `limits.accounts = 1` and
 *   `filters.account_subcategories = ['checking', 'savings']`.
 * - purpose `'data'`: `filters.account_subcategories` from `options.accountSubcategories`, if given.
 * - `return_url` from `options.returnUrl`, if given (webviews).
 * - with `options.hosted` (SPEC section 13): `ui_mode: 'hosted'` and
 *   `hosted.delivery_method` (`'url'` or `'email'`); `returnUrl` is then required.
 *
 * Pure: no I/O. Pass the result to `stripe.financialConnections.sessions.create` with API version
 * `RELINK_API_VERSION`, or use {@link createRelinkSession}, which does both.
 *
 * @param account - the Financial Connections account to relink, retrieved at `RELINK_API_VERSION`
 *   (a GA version omits `authorization`)
 * @param options - purpose, scope and permissions (optional for payments)
 * @returns fresh parameters, keys in the order the guides list them
 * @throws {RelinkParamsError} when the account has no authorization, an account holder it cannot
 *   copy (or none, for `hosted.delivery: 'email'`: Stripe emails the holder), or an options field
 *   is missing or unknown (`invalid_options` for a `hosted` without `returnUrl`)
 *
 * @example
 * ```ts
 * const params = relinkSessionParams(account, {
 *   purpose: 'payments',
 *   scope: 'account',
 *   permissions: ['balances'],
 * });
 * // { account_holder: { type: 'customer', customer: 'cus_...' },
 * //   permissions: ['balances', 'payment_method'],
 * //   relink_options: { authorization: 'fcauthz_...', account: 'fca_...' } }
 * ```
 */
export function relinkSessionParams(
  account: RelinkAccount,
  options: RelinkSessionOptions,
): RelinkSessionCreateParams {
  if (!isRecord(options)) {
    throw new RelinkParamsError('invalid_options', 'options must be an object with purpose, scope and (for data) permissions.');
  }
  const { purpose, scope } = options;
  if (purpose !== 'payments' && purpose !== 'data') {
    throw new RelinkParamsError('invalid_purpose', "options.purpose must be 'payments' or 'data'.");
  }
  if (scope !== 'account' && scope !== 'institution') {
    throw new RelinkParamsError('invalid_scope', "options.scope must be 'account' or 'institution'.");
  }
  if (!isRecord(account)) {
    throw new RelinkParamsError('invalid_account', 'account must be a Financial Connections account object.');
  }

  const authorization = idOf(account.authorization);
  if (authorization === null) {
    throw new RelinkParamsError(
      'missing_authorization',
      'account.authorization must be the ID of a Financial Connections authorization. Retrieve the ' +
        `account with API version ${RELINK_API_VERSION}: GA versions omit it.`,
    );
  }
  let accountId: string | null = null;
  if (scope === 'account') {
    accountId = idOf(account.id);
    if (accountId === null) {
      throw new RelinkParamsError('invalid_account', "account.id must be a non-empty string for scope 'account'.");
    }
  }

  const accountHolder = accountHolderParam(account.account_holder);
  // Payments need only `payment_method`; data products must say which data they read.
  const permissions = permissionsParam(purpose === 'payments' && options.permissions === undefined ? [] : options.permissions, purpose);
  const subcategories =
    purpose === 'payments'
      ? paymentsSubcategories(options.accountSubcategories, scope)
      : dataSubcategories(options.accountSubcategories);
  const oneAccount = purpose === 'payments' && scope === 'institution';
  const returnUrl = returnUrlParam(options.returnUrl);
  const delivery = hostedDelivery(options.hosted, returnUrl);
  if (delivery === 'email' && accountHolder === null) {
    throw new RelinkParamsError(
      'invalid_account_holder',
      "options.hosted.delivery 'email' needs an account holder: Stripe emails the holder, and this account has none.",
    );
  }

  return {
    account_holder: accountHolder,
    ...(subcategories ? { filters: { account_subcategories: subcategories } } : {}),
    ...(oneAccount ? { limits: { accounts: 1 } } : {}),
    permissions,
    relink_options: accountId === null ? { authorization } : { authorization, account: accountId },
    ...(returnUrl === null ? {} : { return_url: returnUrl }),
    ...(delivery === null ? {} : { ui_mode: 'hosted' as const, hosted: { delivery_method: delivery } }),
  };
}

const DELIVERIES: ReadonlySet<unknown> = new Set(
  Object.keys({ url: true, email: true } satisfies Record<HostedRelinkDelivery, true>),
);

/**
 * `options.hosted`, checked: its delivery, or `null` when not given. A hosted session needs a
 * `return_url` (Stripe requires one), so `returnUrl` must have been given.
 */
function hostedDelivery(value: unknown, returnUrl: string | null): HostedRelinkDelivery | null {
  if (value === undefined) return null;
  const delivery = isRecord(value) ? value['delivery'] : undefined;
  if (!DELIVERIES.has(delivery)) {
    throw new RelinkParamsError('invalid_options', "options.hosted must be { delivery: 'url' } or { delivery: 'email' }.");
  }
  if (returnUrl === null) {
    throw new RelinkParamsError(
      'invalid_options',
      'options.returnUrl is required with options.hosted: Stripe sends the customer back there when they finish or cancel.',
    );
  }
  return delivery as HostedRelinkDelivery;
}

/** Schemes that run or embed content where a page was expected: never a place to come back to. */
const UNSAFE_SCHEMES: ReadonlySet<string> = new Set(['javascript:', 'data:', 'blob:', 'file:', 'vbscript:', 'about:']);
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Longer than any URL Stripe stores; refused rather than sent. */
const MAX_URL_LENGTH = 2048;

/**
 * `options.returnUrl`, checked: an absolute URL that brings the customer back: `https:`, `http:`
 * on localhost (development), or an app's own scheme (`myapp://...`, webviews); `null` when not given.
 */
export function returnUrlParam(value: unknown): string | null {
  if (value === undefined) return null;
  const url = typeof value === 'string' && value.length <= MAX_URL_LENGTH && !/[\s\u0000-\u001f]/.test(value) ? parseUrl(value) : null;
  const scheme = url?.protocol ?? '';
  const allowed =
    url !== null &&
    !UNSAFE_SCHEMES.has(scheme) &&
    (scheme === 'https:' ? url.hostname !== '' : scheme === 'http:' ? LOCAL_HOSTS.has(url.hostname) : /^[a-z][a-z0-9+.-]*:$/.test(scheme));
  if (!allowed) {
    throw new RelinkParamsError(
      'invalid_return_url',
      "options.returnUrl must be an absolute https: URL (http: only for localhost) or your app's own scheme, at most 2048 characters.",
    );
  }
  return value as string;
}

function accountHolderParam(holder: unknown): RelinkAccountHolderParam | null {
  if (holder === null || holder === undefined) return null;
  if (!isRecord(holder)) {
    throw new RelinkParamsError('invalid_account_holder', 'account.account_holder must be an object or null.');
  }
  if (holder['type'] === 'customer') {
    const customer = customerOf(holder);
    if (customer !== null) return { type: 'customer', ...customer };
    throw new RelinkParamsError(
      'invalid_account_holder',
      "account.account_holder has type 'customer' but neither customer nor customer_account.",
    );
  }
  if (holder['type'] === 'account') {
    const connected = idOf(holder['account']);
    if (connected !== null) return { type: 'account', account: connected };
    throw new RelinkParamsError('invalid_account_holder', "account.account_holder has type 'account' but no account.");
  }
  throw new RelinkParamsError(
    'invalid_account_holder',
    "account.account_holder.type must be 'customer' or 'account'.",
  );
}

function permissionsParam(value: unknown, purpose: 'payments' | 'data'): Permission[] {
  if (!Array.isArray(value)) {
    throw new RelinkParamsError('invalid_permissions', `options.permissions must be an array${purpose === 'data' ? " (required for purpose 'data')" : ''}.`);
  }
  const permissions: Permission[] = [];
  for (const permission of value as unknown[]) {
    if (!isKnown<Permission>(PERMISSIONS, permission)) {
      throw new RelinkParamsError(
        'invalid_permissions',
        'options.permissions may contain only balances, ownership, payment_method and transactions.',
      );
    }
    permissions.push(permission);
  }
  if (purpose === 'payments' && !permissions.includes('payment_method')) {
    permissions.push('payment_method');
  }
  if (permissions.length === 0) {
    // The SDK sends nothing for an empty array, and Stripe requires permissions.
    throw new RelinkParamsError('invalid_permissions', "options.permissions must not be empty for purpose 'data'.");
  }
  return permissions;
}

function paymentsSubcategories(value: unknown, scope: 'account' | 'institution'): AccountSubcategory[] | null {
  if (value !== undefined) {
    throw new RelinkParamsError(
      'invalid_account_subcategories',
      "options.accountSubcategories is for purpose 'data' only: for payments the guide fixes the filters.",
    );
  }
  return scope === 'institution' ? ['checking', 'savings'] : null;
}

function dataSubcategories(value: unknown): AccountSubcategory[] | null {
  if (value === undefined) return null;
  if (!Array.isArray(value) || value.length === 0) {
    // An empty array would silently disappear from the request.
    throw new RelinkParamsError(
      'invalid_account_subcategories',
      'options.accountSubcategories must be a non-empty array when given.',
    );
  }
  const subcategories: AccountSubcategory[] = [];
  for (const subcategory of value as unknown[]) {
    if (!isKnown<AccountSubcategory>(SUBCATEGORIES, subcategory)) {
      throw new RelinkParamsError(
        'invalid_account_subcategories',
        'options.accountSubcategories may contain only checking, savings, mortgage, line_of_credit and credit_card.',
      );
    }
    if (!subcategories.includes(subcategory)) subcategories.push(subcategory);
  }
  return subcategories;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** Whether a value is one of the known strings. */
function isKnown<T extends string>(known: ReadonlySet<string>, value: unknown): value is T {
  return typeof value === 'string' && known.has(value);
}
