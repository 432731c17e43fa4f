// The pure entry injects nothing until loadStripe() is called. Named by file, since the
// package has no exports map and Node's ES module loader refuses directory imports.
import { loadStripe } from '@stripe/stripe-js/pure/index.mjs';
import type { StripeConstructorOptions } from '@stripe/stripe-js';
import type { RelinkError } from './outcome.js';
import type { StripeLike } from './stripe-types.js';
import { checkPublishableKey, checkStripeAccount, checkStripeOptions } from './secrets.js';
import { describeThrown, isRelinkError, loadFailed, NO_STRIPE_CONSTRUCTOR, relinkError, stripeUnavailable } from './errors.js';
import { prepareStripeJsScript, trustedTypesRefused } from './trusted-script.js';

/**
 * Where a relink attempt gets Stripe.js from. `peek()` answers synchronously once Stripe.js is
 * ready, so a click can open the flow within the same task (popup blockers and user activation);
 * `load()` never rejects.
 */
export interface StripeSource {
  /** A configuration error known before anything loads, such as a bad publishable key. */
  readonly error: RelinkError | null;
  /** The instance, when it is already available. */
  peek(): StripeLike | undefined;
  /** Loads (or waits for) the instance. */
  load(): Promise<StripeLike | RelinkError>;
}

export interface PublishableKeySource {
  publishableKey: string;
  stripeAccount?: string | undefined;
  stripeOptions?: StripeConstructorOptions | undefined;
}

function checkInstance(value: unknown): StripeLike | RelinkError {
  if (value === null || value === undefined) {
    return stripeUnavailable(`no window, or ${NO_STRIPE_CONSTRUCTOR}`);
  }
  let method: unknown;
  try {
    method = (value as Partial<StripeLike>).collectFinancialConnectionsAccounts;
  } catch {
    method = undefined;
  }
  if (typeof method !== 'function') {
    return stripeUnavailable('the instance has no collectFinancialConnectionsAccounts.');
  }
  return value as StripeLike;
}

/** Loads Stripe.js (through the Trusted Types policy where the page enforces them) and makes the instance. */
async function loadInstance(key: string, options: StripeConstructorOptions): Promise<StripeLike | RelinkError> {
  const refused = await prepareStripeJsScript();
  if (refused) return refused;
  return loadStripe(key, options).then(checkInstance, loadFailure);
}

function loadFailure(thrown: unknown): RelinkError {
  const message = describeThrown(thrown);
  if (/TrustedScriptURL|trusted.?types/i.test(message)) return trustedTypesRefused();
  if (/not available/i.test(message)) return stripeUnavailable(NO_STRIPE_CONSTRUCTOR);
  if (/failed to load/i.test(message)) return loadFailed();
  return relinkError('stripe_error', `Stripe.js refused its configuration: ${message}`);
}

/** Turns whatever the page gave (an instance, a promise of one, or null) into a source. */
export function instanceSource(stripe: StripeLike | PromiseLike<StripeLike | null | undefined> | null): StripeSource {
  let then: unknown;
  try {
    then = stripe === null ? undefined : (stripe as PromiseLike<unknown>).then;
  } catch {
    then = undefined;
  }
  if (typeof then !== 'function') {
    const checked = checkInstance(stripe);
    const ready = isRelinkError(checked) ? undefined : checked;
    return { error: null, peek: () => ready, load: () => Promise.resolve(checked) };
  }
  let ready: StripeLike | undefined;
  // The page's promise is the page's: once it rejected, only a new `stripe` can make it load.
  const settled = Promise.resolve(stripe as PromiseLike<unknown>).then(checkInstance, (thrown: unknown) =>
    relinkError('stripe_load_failed', `The stripe promise rejected: ${describeThrown(thrown)} Set stripe again to retry.`, {
      retryable: false,
    }),
  );
  void settled.then((value) => {
    if (!isRelinkError(value)) ready = value;
  });
  return { error: null, peek: () => ready, load: () => settled };
}

/** A source that refuses, before anything loads. */
function refusedSource(error: RelinkError | null): StripeSource {
  const refused = error ?? relinkError('unexpected', 'The Stripe configuration was refused.');
  return { error: refused, peek: () => undefined, load: () => Promise.resolve(refused) };
}

interface SharedEntry {
  ready?: StripeLike;
  loading?: Promise<StripeLike | RelinkError>;
}

/** One entry per (publishable key, account, options) for the whole page. */
const shared = new Map<string, SharedEntry>();

/**
 * Forgets every shared Stripe instance, so the next `load()` of any publishable-key source makes
 * a new one. For tests that must not depend on what an earlier test loaded. (`@stripe/stripe-js`
 * keeps the loaded Stripe.js script itself: a load that succeeded once in a page is not repeated.)
 */
export function resetSharedStripe(): void {
  shared.clear();
}

/**
 * A source that loads Stripe.js through `@stripe/stripe-js/pure` and shares one instance per
 * (publishable key, connected account, options) across the page. The key is checked first:
 * a bad or secret key is refused before any request. A failed load is forgotten, so the next
 * `load()` tries again.
 */
export function publishableKeySource({ publishableKey, stripeAccount, stripeOptions }: PublishableKeySource): StripeSource {
  const keyError = checkPublishableKey(publishableKey);
  const account = checkStripeAccount(stripeAccount);
  const checked = checkStripeOptions(stripeOptions);
  const error = keyError ?? (isRelinkError(account) ? account : isRelinkError(checked) ? checked : null);
  if (error || isRelinkError(account) || isRelinkError(checked)) return refusedSource(error);
  const key = publishableKey.trim();
  const options = checked.stripeOptions as StripeConstructorOptions;
  if (account.stripeAccount) options.stripeAccount = account.stripeAccount;
  const id = JSON.stringify([key, account.stripeAccount ?? null, checked.json]);

  const entry = (): SharedEntry => {
    let found = shared.get(id);
    if (!found) shared.set(id, (found = {}));
    return found;
  };
  return {
    error: null,
    peek: () => shared.get(id)?.ready,
    load() {
      const current = entry();
      if (current.ready) return Promise.resolve(current.ready);
      current.loading ??= loadInstance(key, options).then((value) => {
        if (isRelinkError(value)) shared.delete(id);
        else current.ready = value;
        return value;
      });
      return current.loading;
    },
  };
}
