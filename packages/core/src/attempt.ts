import type { RelinkError, RelinkOutcome } from './outcome.js';
import type { StripeLike } from './stripe-types.js';
import type { StripeSource } from './loader.js';
import { acceptFetchedSecret, chooseClientSecret, type ClientSecretPurpose } from './client-secret.js';
import { describeThrown, isRelinkError, relinkError } from './errors.js';
import { interpretRelinkResult } from './interpret.js';

export interface RelinkAttemptOptions {
  /** Where Stripe.js comes from. */
  stripe: StripeSource;
  /** Why this attempt runs; decides, with the rest, which secret it sends ({@link chooseClientSecret}). */
  purpose?: ClientSecretPurpose | undefined;
  /** The page's own client secret. */
  clientSecret?: unknown;
  /** Asked for a secret when the page's cannot be used. */
  fetchClientSecret?: (() => PromiseLike<unknown>) | null | undefined;
  /** Secrets that already reached Stripe: none is sent again. */
  usedSecrets?: ReadonlySet<string> | undefined;
  existingAccountIds?: readonly string[] | undefined;
  /**
   * Aborting before Stripe opens ends the attempt at once and sends nothing. Once Stripe's window
   * is open it is Stripe's: the customer may still finish there, so the attempt settles with
   * Stripe's real answer whatever the signal says.
   */
  signal?: AbortSignal | undefined;
  /** Called right after Stripe's flow has been asked to open, with the secret it got. */
  onOpen?: ((clientSecret: string) => void) | undefined;
}

const NO_USED_SECRETS: ReadonlySet<string> = new Set();

/** What an attempt aborted before Stripe opened settles with. */
function abandoned(): RelinkError {
  return relinkError('unexpected', 'The element left the page before Stripe opened. Nothing was sent to Stripe.', { retryable: true });
}

/** Resolves with `value`, or with `ended` as soon as the signal aborts, whichever comes first. */
function until<T, E>(value: PromiseLike<T>, signal: AbortSignal | undefined, ended: () => E): Promise<T | E> {
  if (!signal) return Promise.resolve(value);
  if (signal.aborted) return Promise.resolve(ended());
  return new Promise<T | E>((resolve, reject) => {
    const onAbort = (): void => resolve(ended());
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(value).then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

/** Stands for the page's answer once the element left before it came. */
const ABANDONED_FETCH: unique symbol = Symbol('abandoned fetch');

async function fetchSecret(fetch: () => PromiseLike<unknown>, used: ReadonlySet<string>, signal: AbortSignal | undefined) {
  let value: unknown;
  try {
    value = await until(fetch(), signal, () => ABANDONED_FETCH);
  } catch (thrown) {
    return relinkError('client_secret_fetch_failed', `fetchClientSecret rejected: ${describeThrown(thrown)}`);
  }
  // Whatever the page resolved with is a secret or nothing: an object shaped like an outcome is
  // not passed on (acceptFetchedSecret makes it client_secret_fetch_failed).
  return value === ABANDONED_FETCH ? abandoned() : acceptFetchedSecret(value, used);
}

/**
 * One relink attempt: decides its client secret, gets Stripe.js, opens Stripe's flow and
 * interprets the result. It never rejects, and it settles at once when its signal aborts.
 *
 * When the secret is known and Stripe.js is already loaded, Stripe is called synchronously,
 * within the caller's task, so the flow opens under the user's click. `fetchClientSecret` is
 * called once this call has returned, in a microtask of the same task.
 */
export async function runRelinkAttempt(options: RelinkAttemptOptions): Promise<RelinkOutcome> {
  const { stripe: source, signal } = options;
  try {
    if (signal?.aborted) return abandoned();
    const used = options.usedSecrets ?? NO_USED_SECRETS;
    const choice = chooseClientSecret({
      purpose: options.purpose ?? 'initial',
      pageSecret: options.clientSecret,
      used,
      canFetch: typeof options.fetchClientSecret === 'function',
    });
    if (choice.action === 'refuse') return choice.error;
    if (source.error) return source.error;

    // Fast path: everything at hand, so no await before Stripe is called.
    let secret: string | RelinkError = choice.action === 'send' ? choice.secret : '';
    let stripe: StripeLike | RelinkError | undefined = source.peek();
    if (!stripe || choice.action === 'fetch') {
      const loading = stripe ? Promise.resolve(stripe) : source.load();
      if (choice.action === 'fetch') {
        // The page's function runs after this call has returned (still in its task): a caller
        // that announces the attempt right after it does so before the page is asked.
        await null;
        if (signal?.aborted) return abandoned();
        secret = await fetchSecret(options.fetchClientSecret!, used, signal);
      }
      if (isRelinkError(secret)) return secret;
      stripe = await until(loading, signal, () => abandoned());
      if (signal?.aborted) return abandoned();
    }
    // Without an await since the first check, nothing can have aborted meanwhile.
    if (isRelinkError(stripe)) return stripe;

    let pending: Promise<unknown>;
    try {
      pending = Promise.resolve(stripe.collectFinancialConnectionsAccounts({ clientSecret: secret }));
    } catch (thrown) {
      pending = Promise.reject(thrown);
    }
    try {
      options.onOpen?.(secret);
    } catch {
      // The caller's bookkeeping; the attempt goes on and settles as Stripe says.
    }
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
