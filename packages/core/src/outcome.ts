import type { RelinkFailureReason } from './stripe-types.js';

export type { RelinkFailureReason };

/** `'account'` when the session's `relink_options.account` is set, else `'authorization'`. */
export type RelinkMode = 'account' | 'authorization';

/**
 * The next steps a page can offer after a failed relink, and (`'hosted'`) after an attempt that
 * could not open Stripe's window: Stripe's hosted relink page, reached by a link (SPEC section 13).
 */
export type RelinkFallback = 'authorization_retry' | 'retry' | 'new_payment_method' | 'hosted';

/** One account of the completed session. */
export interface RelinkedAccount {
  id: string;
  displayName: string | null;
  institutionName: string | null;
  last4: string | null;
  /**
   * Whether the page did not know this account: `null` when the page gave no
   * `existingAccountIds`; always `false` for the account an account-mode session relinked.
   */
  isNew: boolean | null;
}

export interface RelinkSuccess {
  type: 'success';
  kind: 'account_relinked' | 'authorization_relinked' | 'new_authorization';
  mode: RelinkMode;
  sessionId: string;
  /** `relink_options.authorization` */
  requestedAuthorization: string;
  /** `relink_options.account` */
  requestedAccount: string | null;
  /** `relink_result.authorization` */
  authorization: string | null;
  /** `relink_result.account` */
  account: string | null;
  /** The session's accounts, in order. */
  accounts: RelinkedAccount[];
  /** Accounts not in `existingAccountIds`; `null` when unknown. */
  newAccountIds: string[] | null;
  /** `existingAccountIds` absent from `accounts`; `null` when unknown. */
  missingAccountIds: string[] | null;
  /**
   * Whether a payment method made from the old account stops working, so the page needs a new
   * one (Stripe does not update it): `false` for `account_relinked`, `true` for
   * `new_authorization`, and for `authorization_relinked` the first account's `isNew` (`null`
   * when unknown).
   */
  needsNewPaymentMethod: boolean | null;
}

export interface RelinkFailure {
  type: 'failure';
  mode: RelinkMode;
  sessionId: string;
  requestedAuthorization: string;
  requestedAccount: string | null;
  reason: RelinkFailureReason;
  /** `failure_reason` as received, redacted (section 5) and cut to 200 characters. */
  rawReason: string | null;
  /** Most recommended first. */
  fallbacks: RelinkFallback[];
}

export type RelinkErrorCode =
  /** No client secret and no `fetchClientSecret`, no Stripe source, or a configuration Stripe cannot take. */
  | 'missing_configuration'
  /** Not a Financial Connections Session secret (`fcsess_..._secret_...`). */
  | 'invalid_client_secret'
  /** An `sk_`/`rk_` key reached the browser: refused, never sent anywhere. */
  | 'secret_key_in_browser'
  /** Not `pk_test_`/`pk_live_`. */
  | 'invalid_publishable_key'
  /** Stripe.js could not be loaded (network, CSP, a blocker). */
  | 'stripe_load_failed'
  /** No window, or no Stripe constructor. */
  | 'stripe_unavailable'
  /** `fetchClientSecret` rejected or returned a non-string. */
  | 'client_secret_fetch_failed'
  /** `{ error }` from Stripe.js, or its promise rejected. */
  | 'stripe_error'
  /** The session has no `relink_options`. */
  | 'not_a_relink_session'
  /** `relink_options` but no `relink_result` (API version too old). */
  | 'relink_result_missing'
  /** The page's secret already reached Stripe and nothing can fetch a fresh one. */
  | 'client_secret_used'
  /** `fetchSetupIntentSecret` rejected or returned no `seti_..._secret_...` string. */
  | 'setup_intent_fetch_failed'
  /** `fetchHostedRelinkUrl` gave no `https://` URL on `stripe.com` (or none at all). */
  | 'invalid_hosted_url'
  | 'unexpected';

/** Stripe's own error, as received and redacted. */
export interface RelinkStripeError {
  type: string;
  code: string | null;
  message: string | null;
  docUrl: string | null;
}

export interface RelinkError {
  type: 'error';
  code: RelinkErrorCode;
  /** For developers. Never contains a secret or key. */
  message: string;
  retryable: boolean;
  stripeError: RelinkStripeError | null;
  /**
   * `['hosted']` when Stripe.js could not be had (`stripe_load_failed`, `stripe_unavailable`) and
   * the page can send the customer to Stripe's hosted relink (`fetchHostedRelinkUrl`); else `[]`.
   */
  fallbacks: RelinkFallback[];
}

export type RelinkOutcome = RelinkSuccess | RelinkFailure | RelinkError;

/** A new payment method, made from the relinked account once the customer accepted the mandate (SPEC section 9). */
export interface PaymentMethodReplaced {
  setupIntentId: string;
  /** `setupIntent.payment_method`. */
  paymentMethodId: string | null;
  /** The Financial Connections account it was made from. */
  accountId: string;
  status: 'succeeded' | 'processing';
}
