// The pure entry injects nothing until loadStripe() is called. Named by file, since the
// package has no exports map and Node's ES module loader refuses directory imports.
import { loadStripe } from '@stripe/stripe-js/pure/index.mjs';
import type { StripeConstructorOptions } from '@stripe/stripe-js';
import type { RelinkError } from './outcome.js';
import type { StripeLike } from './stripe-types.js';
import { checkPublishableKey } from './secrets.js';
import { describeThrown, isRelinkError, relinkError } from './errors.js';

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

function unavailable(detail: string): RelinkError {
  return relinkError('stripe_unavailable', `Stripe.js is not available: ${detail}`);
}

function checkInstance(value: unknown): StripeLike | RelinkError {
  if (value === null || value === undefined) {
    return unavailable('there is no window here, or Stripe.js defined no Stripe constructor.');
  }
  if (typeof (value as Partial<StripeLike>).collectFinancialConnectionsAccounts !== 'function') {
    return unavailable('the Stripe instance has no collectFinancialConnectionsAccounts method.');
  }
  return value as StripeLike;
}

function loadFailure(thrown: unknown): RelinkError {
  const message = describeThrown(thrown);
  if (/not available/i.test(message)) return unavailable('the Stripe.js script loaded but defined no Stripe constructor.');
  if (/failed to load/i.test(message)) {
    return relinkError(
      'stripe_load_failed',
      'Stripe.js could not be loaded from js.stripe.com (offline, a Content-Security-Policy, or a blocker). Try again.',
    );
  }
  return relinkError('stripe_error', `Stripe.js refused its configuration: ${message}`);
}

/** Turns whatever the page gave (an instance, a promise of one, or null) into a source. */
export function instanceSource(stripe: StripeLike | PromiseLike<StripeLike | null | undefined> | null): StripeSource {
  if (stripe === null || typeof (stripe as PromiseLike<unknown>).then !== 'function') {
    const checked = checkInstance(stripe);
    const ready = isRelinkError(checked) ? undefined : checked;
    return { error: null, peek: () => ready, load: () => Promise.resolve(checked) };
  }
  let ready: StripeLike | undefined;
  const settled = Promise.resolve(stripe as PromiseLike<unknown>).then(checkInstance, loadFailure);
  void settled.then((value) => {
    if (!isRelinkError(value)) ready = value;
  });
  return { error: null, peek: () => ready, load: () => settled };
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
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
  const error = checkPublishableKey(publishableKey);
  if (error) return { error, peek: () => undefined, load: () => Promise.resolve(error) };
  const key = publishableKey.trim();
  const options: StripeConstructorOptions = { ...stripeOptions };
  if (stripeAccount) options.stripeAccount = stripeAccount;
  let id: string;
  try {
    id = stableJson([key, options]);
  } catch (thrown) {
    const refused = relinkError('unexpected', `stripeOptions must be plain JSON data (it is passed to Stripe): ${describeThrown(thrown)}`);
    return { error: refused, peek: () => undefined, load: () => Promise.resolve(refused) };
  }

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
      current.loading ??= loadStripe(key, options).then(checkInstance, loadFailure).then((value) => {
        if (isRelinkError(value)) shared.delete(id);
        else current.ready = value;
        return value;
      });
      return current.loading;
    },
  };
}
