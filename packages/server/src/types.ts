/**
 * The structural types this package reads and writes. The `stripe` SDK's own types know neither
 * the preview fields relink needs (`authorization`, `status_details.inactive` on an account,
 * `relink_options` on a session) nor a `null` account holder, so they are declared here.
 */

/**
 * A data permission of a Financial Connections Session.
 */
export type Permission = 'balances' | 'ownership' | 'payment_method' | 'transactions';

/**
 * An account subcategory that `filters.account_subcategories` accepts.
 */
export type AccountSubcategory = 'checking' | 'savings' | 'mortgage' | 'line_of_credit' | 'credit_card';

/**
 * What the relinked account is used for, which decides the guide the parameters follow:
 * `'payments'` (payments or payouts) or `'data'` (data products: balances, ownership, transactions).
 */
export type RelinkPurpose = 'payments' | 'data';

/**
 * Which accounts the customer may relink: `'account'` only that exact account
 * (`relink_options.account` is set); `'institution'` any eligible account on the same
 * authorization, i.e. at the same institution (`relink_options.authorization` only).
 */
export type RelinkScope = 'account' | 'institution';

/**
 * An ID field that the API may return as an ID or, when expanded, as the object itself.
 */
export type Expandable = string | { readonly id: string };

/**
 * The `account_holder` of a Financial Connections account, as the API returns it.
 */
export interface RelinkAccountHolder {
  readonly type: string;
  readonly customer?: Expandable | null;
  readonly customer_account?: string | null;
  readonly account?: Expandable | null;
}

/**
 * The `status_details` of a Financial Connections account or authorization (API version
 * 2026-01-28.preview or later; `active` is generally available).
 */
export interface RelinkStatusDetails {
  /** On an inactive object: whether a relink can repair it, and why it stopped. */
  readonly inactive?: {
    readonly action?: string | null;
    readonly cause?: string | null;
  } | null;
  /** On an active object: whether Stripe expects it to deactivate, why and when (unix seconds). */
  readonly active?: {
    readonly action?: string | null;
    readonly cause?: string | null;
    readonly expected_deactivation_date?: number | null;
  } | null;
}

/**
 * The part of a Financial Connections account object (`fca_...`) that relink needs.
 *
 * Retrieve the account with API version 2026-01-28.preview or later: older versions return
 * neither `authorization` nor `status_details`. The `stripe` SDK's `FinancialConnections.Account`
 * type is assignable to this one; `authorization` is optional here only because the SDK's type
 * lacks it, and {@link relinkSessionParams} refuses an account without it.
 */
export interface RelinkAccount {
  readonly id: string;
  readonly authorization?: Expandable | null;
  readonly account_holder?: RelinkAccountHolder | null;
  readonly status?: string;
  readonly status_details?: RelinkStatusDetails | null;
}

interface RelinkSessionOptionsBase {
  /** Which accounts the customer may relink. */
  readonly scope: RelinkScope;
}

/**
 * Options for relinking an account used for payments or payouts.
 */
export interface PaymentsRelinkOptions extends RelinkSessionOptionsBase {
  readonly purpose: 'payments';
  /**
   * The data permissions to request, sent exactly as given, in this order (duplicates included),
   * with `payment_method` appended when missing. Default `['payment_method']`.
   */
  readonly permissions?: readonly Permission[];
  /** Not accepted: for payments the guide fixes the filters (checking and savings, institution scope). */
  readonly accountSubcategories?: never;
}

/**
 * Options for relinking an account used for data products.
 */
export interface DataRelinkOptions extends RelinkSessionOptionsBase {
  readonly purpose: 'data';
  /** The data permissions to request, sent exactly as given, in this order (duplicates included). Required. */
  readonly permissions: readonly Permission[];
  /** Optional `filters.account_subcategories`: which kinds of accounts may be relinked. */
  readonly accountSubcategories?: readonly AccountSubcategory[];
}

/**
 * Options of {@link relinkSessionParams}.
 */
export type RelinkSessionOptions = PaymentsRelinkOptions | DataRelinkOptions;

/**
 * `account_holder` as sent when creating a session.
 */
export type RelinkAccountHolderParam =
  | { type: 'customer'; customer: string }
  | { type: 'customer'; customer_account: string }
  | { type: 'account'; account: string };

/**
 * The parameters of `POST /v1/financial_connections/sessions` for a relink session.
 */
export interface RelinkSessionCreateParams {
  /** Copied from the account; `null` when the account has none (sent as an empty value). */
  account_holder: RelinkAccountHolderParam | null;
  filters?: { account_subcategories: AccountSubcategory[] };
  limits?: { accounts: number };
  permissions: Permission[];
  relink_options: { authorization: string; account?: string };
}
