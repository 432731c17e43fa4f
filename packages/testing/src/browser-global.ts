/**
 * The entry of the classic script that {@link fakeStripeScript} returns: bundled into an IIFE
 * by `scripts/build-script.mjs`, it defines `window.Stripe` the way `https://js.stripe.com/...`
 * does, with the fake behind it.
 */
import { createFakeStripe, type FakeStripe, type FakeStripeOptions } from './fake-stripe.js';

/** The options a script can carry: plain data, so no gate. */
export type FakeStripeScriptOptions = Omit<FakeStripeOptions, 'gate'>;

/** One `Stripe(publishableKey, options)` call the page's code made, as the fake recorded it. */
export interface FakeStripeConstruction {
  publishableKey: unknown;
  /** A copy of the options (plain data), so later changes by the page do not show. */
  options: unknown;
}

/** What the script defines as `window.Stripe`: callable with or without `new`, like Stripe's. */
export interface FakeStripeConstructor {
  (publishableKey?: string, options?: unknown): FakeStripe;
  new (publishableKey?: string, options?: unknown): FakeStripe;
  /** Read by `@stripe/stripe-js` to check the release it loaded. */
  version: string;
  /** Every call of the constructor, oldest first: what reached Stripe (`stripeAccount`, `locale`, ...). */
  readonly constructions: readonly FakeStripeConstruction[];
}

/** A plain-data copy of what the page passed, or `'<not plain data>'`. */
function copy(value: unknown): unknown {
  try {
    return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);
  } catch {
    return '<not plain data>';
  }
}

/** Defines `window.Stripe` (on `globalThis`) as a constructor of fakes with these options. */
export function install(options: FakeStripeScriptOptions): void {
  const constructions: FakeStripeConstruction[] = [];
  // The key and options are recorded, not used: a fake has no account.
  const constructor = function Stripe(publishableKey?: unknown, stripeOptions?: unknown): FakeStripe {
    constructions.push({ publishableKey, options: copy(stripeOptions) });
    return createFakeStripe(options);
  } as unknown as FakeStripeConstructor;
  Object.defineProperty(constructor, 'constructions', { value: constructions });
  constructor.version = options.version ?? 'endive';
  (globalThis as unknown as { Stripe: FakeStripeConstructor }).Stripe = constructor;
}
