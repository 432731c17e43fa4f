// `@fc-relink/core/setup`: the payment-method step's confirmation (SPEC section 9). An entry of
// its own, so the code that pages run only after a relink to a new account stays out of the
// bundle every page loads first.
import type { PaymentMethodReplaced, RelinkError } from './outcome.js';
import type { StripeLike } from './stripe-types.js';
import { describeThrown, relinkError } from './errors.js';
import { interpretRelinkResult, isDict, type Dict } from './interpret.js';
import { checkSetupIntentSecret } from './secrets.js';

/**
 * Reads what `stripe.confirmUsBankAccountSetup` resolved with: a SetupIntent that `succeeded` or
 * is `processing` becomes a {@link PaymentMethodReplaced} for `accountId`; Stripe's `{ error }`
 * (redacted, as for the relink) and any other status are a `stripe_error`. Total: never throws.
 */
export function interpretSetupResult(result: unknown, accountId: string): PaymentMethodReplaced | RelinkError {
  try {
    if (isDict(result) && result.error !== undefined && result.error !== null) {
      // The same reading as a relink's { error }: redacted, bounded, retryable for connection errors.
      return interpretRelinkResult({ error: result.error }) as RelinkError;
    }
    const intent = isDict(result) ? result.setupIntent : undefined;
    const id = isDict(intent) && typeof intent.id === 'string' && intent.id.startsWith('seti_') ? intent.id : null;
    const status = isDict(intent) ? intent.status : undefined;
    if (id === null || (status !== 'succeeded' && status !== 'processing')) {
      return relinkError(
        'stripe_error',
        `confirmUsBankAccountSetup resolved ${id === null ? 'without a SetupIntent' : `with a SetupIntent in status ${typeof status === 'string' ? status.slice(0, 40) : 'unknown'}`}.`,
        { retryable: true },
      );
    }
    const method = (intent as Dict).payment_method;
    const paymentMethodId = typeof method === 'string' ? method : isDict(method) && typeof method.id === 'string' ? method.id : null;
    return { setupIntentId: id, paymentMethodId, accountId, status };
  } catch (thrown) {
    return relinkError('unexpected', `The SetupIntent could not be read: ${describeThrown(thrown)}`);
  }
}

/**
 * Confirms the replacement payment method: checks the SetupIntent secret (a wrong one never
 * reaches Stripe), then calls `stripe.confirmUsBankAccountSetup` synchronously, so a click that
 * calls this confirms within its own task, and reads the answer. Never rejects.
 */
export function confirmReplacement(stripe: StripeLike, setupIntentSecret: unknown, accountId: string): Promise<PaymentMethodReplaced | RelinkError> {
  const refused = checkSetupIntentSecret(setupIntentSecret);
  if (refused) return Promise.resolve(refused);
  let confirm: unknown;
  try {
    confirm = stripe.confirmUsBankAccountSetup;
  } catch {
    confirm = undefined;
  }
  if (typeof confirm !== 'function') {
    return Promise.resolve(relinkError('stripe_unavailable', 'Stripe.js is not available: the instance has no confirmUsBankAccountSetup.'));
  }
  let pending: Promise<unknown>;
  try {
    pending = Promise.resolve((confirm as (secret: string) => unknown).call(stripe, (setupIntentSecret as string).trim()));
  } catch (thrown) {
    pending = Promise.reject(thrown);
  }
  return pending.then(
    (result) => interpretSetupResult(result, accountId),
    (thrown: unknown) => relinkError('stripe_error', `confirmUsBankAccountSetup rejected: ${describeThrown(thrown)}`, { retryable: true }),
  );
}
