/**
 * `@fc-relink/testing/playwright`: serve the fake Stripe.js to a Playwright page, so the real
 * `@stripe/stripe-js` loader runs unchanged and only the network is replaced.
 *
 * @packageDocumentation
 */
import { fakeStripeScript, fakeStripeScriptFor, type FakeStripeScriptOptions } from './script.js';

/** The part of a Playwright `Route` this helper uses. */
export interface FakeStripeRoute {
  request(): { url(): string };
  fulfill(response: { status?: number; contentType?: string; headers?: Record<string, string>; body?: string }): Promise<unknown>;
}

/**
 * The part of a Playwright `Page` or `BrowserContext` this helper uses (structural, so
 * `playwright-core`, `playwright` and `@playwright/test` objects all fit).
 */
export interface FakeStripeRoutable {
  route(url: string, handler: (route: FakeStripeRoute) => unknown): Promise<unknown>;
}

/** The glob every Stripe.js request matches. */
const STRIPE_JS_GLOB = 'https://js.stripe.com/**';

/**
 * Answers every `https://js.stripe.com/**` request of a Playwright page (or browser context)
 * with {@link fakeStripeScript}, so `loadStripe()` gets the fake. The constructor's `version`
 * is the one in the requested URL (unless `options.version` says otherwise), so
 * `@stripe/stripe-js` does not warn about a mismatch. Call it before the page loads Stripe.js.
 *
 * @param page a Playwright `Page` or `BrowserContext`
 * @param options the fake's options; `ui` defaults to `false`
 *
 * @example
 * import { routeFakeStripe } from '@fc-relink/testing/playwright';
 * await routeFakeStripe(page, { scenario: 'account_relinked' });
 * await page.goto('/checkout');
 */
export async function routeFakeStripe(page: FakeStripeRoutable, options: FakeStripeScriptOptions = {}): Promise<void> {
  // Fails now, in the test, rather than later in the browser.
  fakeStripeScript(options);
  await page.route(STRIPE_JS_GLOB, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/javascript; charset=utf-8',
      headers: { 'access-control-allow-origin': '*', 'cache-control': 'no-store' },
      body: fakeStripeScriptFor(route.request().url(), options),
    }),
  );
}
