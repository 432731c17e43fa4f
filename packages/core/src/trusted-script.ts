import type { RelinkError } from './outcome.js';
import { loadFailed, NO_STRIPE_CONSTRUCTOR, relinkError, stripeUnavailable } from './errors.js';
import { loadStripeJsScript, TRUSTED_TYPES_POLICY } from './stripe-script.js';

/** What a page that enforces Trusted Types without allowing `fc-relink` hears. */
export function trustedTypesRefused(): RelinkError {
  return relinkError(
    'stripe_load_failed',
    `Trusted Types refused Stripe.js's script URL: allow the policy ${TRUSTED_TYPES_POLICY} (trusted-types lit-html ${TRUSTED_TYPES_POLICY}).`,
    { retryable: false },
  );
}

/**
 * Puts Stripe.js in the page (through the `fc-relink` Trusted Types policy where the browser has
 * them) and waits for it, so `@stripe/stripe-js` finds it loaded. Resolves with the error that
 * stops the load, or `null`; never rejects.
 */
export async function prepareStripeJsScript(): Promise<RelinkError | null> {
  const how = await loadStripeJsScript();
  if (how === 'failed') return loadFailed();
  if (how === 'no_stripe') return stripeUnavailable(NO_STRIPE_CONSTRUCTOR);
  if (how === 'refused') return trustedTypesRefused();
  return null;
}
