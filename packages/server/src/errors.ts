import type { RelinkEligibility, RelinkEligibilityReason } from './eligibility.js';

/**
 * Why {@link relinkSessionParams}, {@link createRelinkSession} or
 * {@link createRelinkSessionForRequest} refused its input.
 */
export type RelinkParamsErrorCode =
  | 'invalid_options'
  | 'invalid_purpose'
  | 'invalid_scope'
  | 'invalid_account'
  | 'missing_authorization'
  | 'invalid_account_holder'
  | 'invalid_permissions'
  | 'invalid_account_subcategories'
  | 'invalid_return_url'
  | 'unsupported_api_version'
  | 'invalid_billing_details'
  | 'invalid_request'
  | 'not_relinkable';

/**
 * Thrown (or, from {@link createRelinkSession}, rejected with) when the input cannot make a relink
 * session. Raised before any request is sent. The message names the field at fault and never
 * echoes the value it received.
 */
export class RelinkParamsError extends Error {
  /** Machine-readable reason. */
  readonly code: RelinkParamsErrorCode;
  /** `not_relinkable`: why, as {@link relinkEligibility} read the account; `null` otherwise. */
  readonly reason: RelinkEligibilityReason | null;
  /** `not_relinkable`: all {@link relinkEligibility} read (its `cause` too); `null` otherwise. */
  readonly eligibility: RelinkEligibility | null;

  /**
   * @param code - machine-readable reason
   * @param message - for developers; must not contain keys or secrets
   * @param eligibility - for `not_relinkable`, what the account said
   */
  constructor(code: RelinkParamsErrorCode, message: string, eligibility: RelinkEligibility | null = null) {
    super(message);
    this.name = 'RelinkParamsError';
    this.code = code;
    this.reason = eligibility?.reason ?? null;
    this.eligibility = eligibility;
  }
}

/**
 * Why {@link createRelinkSession} could not use Stripe's answer.
 */
export type RelinkSessionErrorCode = 'invalid_response';

/**
 * Rejected by {@link createRelinkSession} when Stripe answered without a session ID or client
 * secret. Errors from Stripe itself (`Stripe.errors.StripeError`) are passed through unchanged.
 */
export class RelinkSessionError extends Error {
  /** Machine-readable reason. */
  readonly code: RelinkSessionErrorCode;

  /**
   * @param code - machine-readable reason
   * @param message - for developers; must not contain keys or secrets
   */
  constructor(code: RelinkSessionErrorCode, message: string) {
    super(message);
    this.name = 'RelinkSessionError';
    this.code = code;
  }
}
