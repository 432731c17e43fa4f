/**
 * The entry of the classic script that {@link fakeStripeScript} returns: bundled into an IIFE
 * by `scripts/build-script.mjs`, it defines `window.Stripe` the way `https://js.stripe.com/...`
 * does, with the fake behind it.
 */
import { createFakeStripe, type FakeStripe, type FakeStripeOptions } from './fake-stripe.js';

/** The options a script can carry: plain data, so no gate. */
export type FakeStripeScriptOptions = Omit<FakeStripeOptions, 'gate'>;

/** What the script defines as `window.Stripe`: callable with or without `new`, like Stripe's. */
export interface FakeStripeConstructor {
  (publishableKey?: string, options?: unknown): FakeStripe;
  new (publishableKey?: string, options?: unknown): FakeStripe;
  /** Read by `@stripe/stripe-js` to check the release it loaded. */
  version: string;
}

/** Defines `window.Stripe` (on `globalThis`) as a constructor of fakes with these options. */
export function install(options: FakeStripeScriptOptions): void {
  // The key and constructor options are accepted and ignored, as a fake has no account.
  const constructor = function Stripe(): FakeStripe {
    return createFakeStripe(options);
  } as unknown as FakeStripeConstructor;
  constructor.version = options.version ?? 'endive';
  (globalThis as unknown as { Stripe: FakeStripeConstructor }).Stripe = constructor;
}
