import type { RelinkFailureReason } from './stripe-types.js';

export type { RelinkFailureReason };

/** `'account'` when the session's `relink_options.account` is set, else `'authorization'`. */
export type RelinkMode = 'account' | 'authorization';

/** The next steps a page can offer after a failed relink. */
export type RelinkFallback = 'authorization_retry' | 'retry' | 'new_payment_method';

/** One account of the completed session. */
export interface RelinkedAccount {
  id: string;
  displayName: string | null;
  institutionName: string | null;
  last4: string | null;
  /** `null` when the page gave no `existingAccountIds`. */
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
}

export interface RelinkFailure {
  type: 'failure';
  mode: RelinkMode;
  sessionId: string;
  requestedAuthorization: string;
  requestedAccount: string | null;
  reason: RelinkFailureReason;
  /** `failure_reason` exactly as received. */
  rawReason: string | null;
  /** Most recommended first. */
  fallbacks: RelinkFallback[];
}

export type RelinkErrorCode =
  | 'missing_configuration'
  | 'invalid_client_secret'
  | 'secret_key_in_browser'
  | 'invalid_publishable_key'
  | 'stripe_load_failed'
  | 'stripe_unavailable'
  | 'client_secret_fetch_failed'
  | 'stripe_error'
  | 'not_a_relink_session'
  | 'relink_result_missing'
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
}

export type RelinkOutcome = RelinkSuccess | RelinkFailure | RelinkError;
