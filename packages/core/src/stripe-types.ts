/**
 * The Financial Connections relink fields that `@stripe/stripe-js` does not declare
 * (preview API versions: `RELINK_API_VERSION`).
 */
import type { FinancialConnectionsSession, Stripe, StripeError } from '@stripe/stripe-js';

/** The failure reasons Stripe documents for `relink_result.failure_reason`. */
export type RelinkFailureReason = 'no_account' | 'no_authorization' | 'other';

/** `relink_options` as set on the server when the session was created. */
export interface RelinkOptions {
  /** The Financial Connections Authorization (`fcauthz_...`) to relink. */
  authorization: string;
  /** The one Financial Connections Account (`fca_...`) the customer must relink, if any. */
  account?: string | null;
}

/** `relink_result` on a completed session. */
export interface RelinkResult {
  /** The account relinked; only when `relink_options.account` was set and relink succeeded. */
  account: string | null;
  /** The authorization relinked; only when relink succeeded. */
  authorization: string | null;
  failure_reason: RelinkFailureReason | null;
}

/** `status_details` on Financial Connections Accounts and Authorizations. */
export interface StatusDetails {
  inactive?: {
    action: 'relink_required' | 'none' | (string & {});
    cause: string;
  } | null;
}

/** A Financial Connections Session as Stripe.js resolves it, with the relink fields. */
export type RelinkSession = FinancialConnectionsSession & {
  relink_options?: RelinkOptions | null;
  relink_result?: RelinkResult | null;
};

/** What `stripe.collectFinancialConnectionsAccounts` resolves to, with the relink fields. */
export type CollectRelinkResult =
  | { financialConnectionsSession: RelinkSession; error?: undefined }
  | { financialConnectionsSession?: undefined; error: StripeError };

/** The SetupIntent `stripe.confirmUsBankAccountSetup` resolves with, as far as this library reads it. */
export interface ConfirmedSetupIntent {
  id: string;
  status: 'succeeded' | 'processing' | 'requires_payment_method' | 'requires_confirmation' | 'requires_action' | 'canceled' | (string & {});
  /** The payment method made, by id or expanded. */
  payment_method: string | { id: string } | null;
}

/** What `stripe.confirmUsBankAccountSetup` resolves to: the SetupIntent, or Stripe's error. */
export type ConfirmSetupResult =
  | { setupIntent: ConfirmedSetupIntent; error?: undefined }
  | { setupIntent?: undefined; error: StripeError };

/**
 * The part of a Stripe.js instance this library calls. A real `Stripe` satisfies it, and so
 * does the fake in `@fc-relink/testing`.
 */
export interface StripeLike {
  collectFinancialConnectionsAccounts(options: { clientSecret: string }): Promise<unknown>;
  /** Confirms a SetupIntent for a US bank account: the payment-method step (SPEC section 9). */
  confirmUsBankAccountSetup?(clientSecret: string, data?: unknown): Promise<unknown>;
}

export type { Stripe, StripeError };
