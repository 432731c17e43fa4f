import type { RelinkError, RelinkOutcome } from './outcome.js';
import type { StripeLike } from './stripe-types.js';
import type { StripeSource } from './loader.js';
import { checkClientSecret } from './secrets.js';
import { describeThrown, isRelinkError, relinkError } from './errors.js';
import { interpretRelinkResult } from './interpret.js';

export interface RelinkAttemptOptions {
  /** Where Stripe.js comes from. */
  stripe: StripeSource;
  /** A client secret known up front. Used when non-empty. */
  clientSecret?: string | null | undefined;
  /** Asked for a secret when `clientSecret` is empty. */
  fetchClientSecret?: (() => PromiseLike<unknown>) | null | undefined;
  existingAccountIds?: readonly string[] | undefined;
  /** Aborting before Stripe opens ends the attempt without calling Stripe. */
  signal?: AbortSignal | undefined;
  /** Called right after Stripe's flow has been asked to open. */
  onOpen?: (() => void) | undefined;
}

async function fetchSecret(fetch: () => PromiseLike<unknown>): Promise<string | RelinkError> {
  let value: unknown;
  try {
    value = await fetch();
  } catch (thrown) {
    return relinkError('client_secret_fetch_failed', `fetchClientSecret rejected: ${describeThrown(thrown)}`);
  }
  if (typeof value !== 'string') {
    return relinkError(
      'client_secret_fetch_failed',
      `fetchClientSecret resolved with ${value === null ? 'null' : typeof value}; it must resolve with the session's client_secret string.`,
    );
  }
  return checkClientSecret(value) ?? value.trim();
}

function aborted(): RelinkError {
  return relinkError(
    'unexpected',
    'The attempt was abandoned before Stripe opened (its signal was aborted: the element left the page). Nothing was sent to Stripe.',
    { retryable: true },
  );
}

/**
 * One relink attempt: checks the configuration, gets a client secret and Stripe.js, opens
 * Stripe's flow and interprets the result. It never rejects.
 *
 * When the secret is known and Stripe.js is already loaded, Stripe is called synchronously,
 * within the caller's task, so the flow opens under the user's click.
 */
export async function runRelinkAttempt(options: RelinkAttemptOptions): Promise<RelinkOutcome> {
  const { stripe: source, signal } = options;
  try {
    const given = typeof options.clientSecret === 'string' ? options.clientSecret.trim() : '';
    // An empty secret is fine only when fetchClientSecret can supply one.
    let secret: string | RelinkError = '';
    if (given !== '' || !options.fetchClientSecret) secret = checkClientSecret(given) ?? given;
    if (isRelinkError(secret)) return secret;
    if (source.error) return source.error;

    // Fast path: everything at hand, so no await before Stripe is called.
    let stripe: StripeLike | RelinkError | undefined = source.peek();
    if (!stripe || secret === '') {
      const loading = stripe ? Promise.resolve(stripe) : source.load();
      if (secret === '' && options.fetchClientSecret) secret = await fetchSecret(options.fetchClientSecret);
      if (isRelinkError(secret)) return secret;
      stripe = await loading;
    }
    if (isRelinkError(stripe)) return stripe;
    if (signal?.aborted) return aborted();

    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(stripe.collectFinancialConnectionsAccounts({ clientSecret: secret }));
    } catch (thrown) {
      pending = Promise.reject(thrown);
    }
    options.onOpen?.();
    let result: unknown;
    try {
      result = await pending;
    } catch (thrown) {
      return relinkError('stripe_error', `collectFinancialConnectionsAccounts rejected: ${describeThrown(thrown)}`, {
        retryable: true,
      });
    }
    return interpretRelinkResult(result, { existingAccountIds: options.existingAccountIds });
  } catch (thrown) {
    return relinkError('unexpected', `The relink attempt failed: ${describeThrown(thrown)}`);
  }
}
