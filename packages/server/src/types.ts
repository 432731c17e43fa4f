/**
 * The types this package reads and writes. The enumerations come from the `stripe` SDK (the peer
 * dependency). The generally available SDK has none of the preview fields a relink needs
 * (`authorization` and `status_details.inactive` on an account, `relink_options` and
 * `relink_result` on a session), so those objects are declared here, field by field, and the type
 * tests (test/typings.ts) hold every field and parameter to Stripe's own preview SDK
 * (stripe 22.7.0-beta.1, `RELINK_API_VERSION`): a name that leaves it fails the build.
 */
import type Stripe from 'stripe';

/** The named members of one of the SDK's open unions (`'a' | 'b' | (string & {})`): `'a' | 'b'`. */
type Named<T> = T extends string ? (string extends T ? never : T) : never;

/**
 * A data permission of a Financial Connections Session.
 */
export type Permission = Named<Stripe.FinancialConnections.SessionCreateParams.Permission>;

/**
 * An account subcategory that `filters.account_subcategories` accepts.
 */
export type AccountSubcategory = Named<Stripe.FinancialConnections.SessionCreateParams.Filters.AccountSubcategory>;

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
 * The `status_details` of a Financial Connections account or authorization. Stripe renders
 * `inactive` at preview API versions only, and `active` from 2026-06-24 on (preview and GA):
 * read both at `RELINK_API_VERSION`.
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
 * Retrieve the account at `RELINK_API_VERSION`: a GA version returns neither `authorization`
 * nor `status_details.inactive`. The `stripe` SDK's `FinancialConnections.Account` type (GA or
 * preview) is assignable to this one; `authorization` is optional here only because the GA type
 * lacks it, and {@link relinkSessionParams} refuses an account without it.
 */
export interface RelinkAccount {
  readonly id: string;
  /** The authorization's ID (Stripe does not expand it). */
  readonly authorization?: string | null;
  readonly account_holder?: RelinkAccountHolder | null;
  readonly status?: string;
  readonly status_details?: RelinkStatusDetails | null;
  /** Tokenized account numbers expire: `upcoming_account_number_expiry` reads their dates. */
  readonly account_numbers?: ReadonlyArray<{ readonly expected_expiry_date?: number | null }> | null;
  /** `supported_payment_method_types_updated` reads whether `us_bank_account` is still here. */
  readonly supported_payment_method_types?: readonly string[] | null;
}

/**
 * The part of a Financial Connections authorization (`fcauthz_...`) that relink reads: its status.
 */
export interface RelinkAuthorization {
  readonly id: string;
  readonly status?: string;
  readonly status_details?: {
    readonly inactive?: { readonly action?: string | null } | null;
    readonly active?: { readonly action?: string | null; readonly expected_deactivation_date?: number | null } | null;
  } | null;
}

/**
 * The part of a Financial Connections Session that a relink's server side reads: a hosted
 * session's `url`, and what `interpretRelinkResult` reads once it has ended.
 */
export interface RelinkSessionObject {
  readonly id: string;
  readonly status?: string;
  readonly relink_options?: { readonly authorization: string; readonly account?: string | null } | null;
  readonly relink_result?: {
    readonly account: string | null;
    readonly authorization: string | null;
    readonly failure_reason: string | null;
  } | null;
  /** `'hosted'` for a session Stripe hosts (SPEC section 13); `'modal'` for Stripe.js's. */
  readonly ui_mode?: string;
  /** A hosted session's settings, as Stripe renders them. */
  readonly hosted?: {
    readonly delivery_method?: string | null;
    readonly return_url?: string | null;
  } | null;
  /** A hosted session's page, while the session is pending and delivered by `'url'`; else `null`. */
  readonly url?: string | null;
}

/**
 * How the customer reaches a Stripe-hosted relink (`hosted.delivery_method`): `'url'`, a link you
 * send them to (the session's `url`), or `'email'`, an email Stripe sends the account holder.
 */
export type HostedRelinkDelivery = 'url' | 'email';

/**
 * `options.hosted` of {@link relinkSessionParams}: Stripe hosts the relink flow itself
 * (`ui_mode: 'hosted'`), so the page needs no Stripe.js. Requires `returnUrl`, where Stripe sends
 * the customer back.
 */
export interface HostedRelinkOptions {
  readonly delivery: HostedRelinkDelivery;
}

interface RelinkSessionOptionsBase {
  /** Which accounts the customer may relink. */
  readonly scope: RelinkScope;
  /**
   * `return_url`: for webview integrations, where the bank's OAuth page opens in the system
   * browser and must come back to your app: an absolute `https:` URL, or your app's own scheme
   * (`myapp://relinked`); `http:` only for localhost. Required with `hosted`: where Stripe's
   * hosted page sends the customer when they finish or cancel.
   */
  readonly returnUrl?: string;
  /**
   * A Stripe-hosted session (`ui_mode: 'hosted'`, SPEC section 13), reached by a link
   * (`delivery: 'url'`) or by an email Stripe sends the account holder (`delivery: 'email'`).
   * Create it with `createHostedRelinkSession`.
   */
  readonly hosted?: HostedRelinkOptions;
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
  /** From `options.returnUrl`, when given. */
  return_url?: string;
  /** With `options.hosted`: Stripe hosts the flow. */
  ui_mode?: 'hosted';
  /** With `options.hosted`: how the customer reaches Stripe's page. */
  hosted?: { delivery_method: HostedRelinkDelivery };
}
