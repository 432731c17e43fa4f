import type { FakeStripeScriptOptions } from './browser-global.js';
import { FAKE_SCENARIOS, isFakeScenario } from './scenarios.js';
import { FAKE_STRIPE_SOURCE, FAKE_STRIPE_GLOBAL } from './generated/fake-stripe-source.js';

export type { FakeStripeScriptOptions, FakeStripeConstruction, FakeStripeConstructor } from './browser-global.js';

/**
 * JavaScript source of a classic script (no imports, no globals but `Stripe`) that defines
 * `window.Stripe` as Stripe.js does: a constructor `(publishableKey, options)` returning
 * `createFakeStripe(options)`, with `Stripe.version = options.version ?? 'endive'`. Serve it in
 * place of `https://js.stripe.com/<version>/stripe.js` (see `routeFakeStripe`), or inject it
 * in a `<script>`. Works in Node (it reads no files).
 *
 * @throws TypeError when `options.scenario` is not one of {@link FAKE_SCENARIOS}
 */
export function fakeStripeScript(options: FakeStripeScriptOptions = {}): string {
  if (options.scenario !== undefined && !isFakeScenario(options.scenario)) {
    throw new TypeError(`fakeStripeScript: unknown scenario. Use one of: ${FAKE_SCENARIOS.join(', ')}.`);
  }
  const data: FakeStripeScriptOptions = {};
  if (options.scenario !== undefined) data.scenario = options.scenario;
  if (options.ui !== undefined) data.ui = options.ui === true;
  if (options.delay !== undefined) data.delay = Number(options.delay) || 0;
  if (options.version !== undefined) data.version = String(options.version);
  if (options.fault !== undefined) data.fault = options.fault;
  // `<` escaped so the source can sit inside an inline <script> whatever the strings hold.
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return `/* @fc-relink/testing: fake Stripe.js */\n(function () {\n${FAKE_STRIPE_SOURCE}\n${FAKE_STRIPE_GLOBAL}.install(${json});\n})();\n`;
}

/** The release in a Stripe.js URL (`https://js.stripe.com/<version>/stripe.js`), if any. */
function versionFromUrl(url: string): string | undefined {
  try {
    const segment = new URL(url).pathname.split('/')[1] ?? '';
    return /^[A-Za-z0-9.-]+$/.test(segment) && segment !== 'stripe.js' ? segment : undefined;
  } catch {
    return undefined;
  }
}

/**
 * {@link fakeStripeScript} for a request of `url` (`https://js.stripe.com/<version>/stripe.js`):
 * the constructor's `version` is the one in the URL unless `options.version` says otherwise, so
 * `@stripe/stripe-js` does not warn about a mismatch. For any stand-in that answers Stripe.js
 * requests (`routeFakeStripe` uses it).
 */
export function fakeStripeScriptFor(url: string, options: FakeStripeScriptOptions = {}): string {
  const version = options.version ?? versionFromUrl(url);
  return fakeStripeScript(version === undefined ? options : { ...options, version });
}
