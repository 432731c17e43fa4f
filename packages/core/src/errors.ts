import type { RelinkError, RelinkErrorCode, RelinkStripeError } from './outcome.js';
import { redact } from './redact.js';

const RETRYABLE: ReadonlySet<RelinkErrorCode> = new Set<RelinkErrorCode>([
  'stripe_load_failed',
  'client_secret_fetch_failed',
]);

/**
 * Builds a {@link RelinkError}. The message is redacted here, so no caller can leak a secret
 * through it by accident.
 */
export function relinkError(
  code: RelinkErrorCode,
  message: string,
  options: { retryable?: boolean; stripeError?: RelinkStripeError | null } = {},
): RelinkError {
  return {
    type: 'error',
    code,
    message: redact(message),
    retryable: options.retryable ?? RETRYABLE.has(code),
    stripeError: options.stripeError ?? null,
    fallbacks: [],
  };
}

/** Stripe.js's script did not load (network, CSP, a blocker). Retryable: the next attempt loads again. */
export const loadFailed = (): RelinkError =>
  relinkError('stripe_load_failed', 'Stripe.js could not load from js.stripe.com (offline, CSP or a blocker).');

/** Stripe.js is not there to use. */
export const stripeUnavailable = (detail: string): RelinkError => relinkError('stripe_unavailable', `Stripe.js is not available: ${detail}`);

/** The Stripe.js script ran but defined no `Stripe`. */
export const NO_STRIPE_CONSTRUCTOR = 'its script defined no Stripe constructor.';

/** A short, redacted description of something thrown, for error messages. */
export function describeThrown(thrown: unknown): string {
  let text: string;
  try {
    if (thrown instanceof Error) text = thrown.message;
    else if (typeof thrown === 'string') text = thrown;
    else text = Object.prototype.toString.call(thrown);
  } catch {
    text = 'an unreadable value';
  }
  return redact(text || 'no message');
}

/** Whether a value is already a {@link RelinkError}. */
export function isRelinkError(value: unknown): value is RelinkError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'error' &&
    typeof (value as { code?: unknown }).code === 'string'
  );
}
