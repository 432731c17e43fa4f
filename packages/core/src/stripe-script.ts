/**
 * Stripe.js's `<script>`, put in the page by us rather than by `@stripe/stripe-js` (which reuses a
 * Stripe.js script it finds), for two reasons: on a page that enforces Trusted Types its URL must
 * go through a policy (`fc-relink`, which lets only `https://js.stripe.com/` through), and the
 * element can start the download as soon as it is on the page, before the code that runs a relink
 * has arrived. No imports: the element's first render carries this module.
 */

/**
 * The script `@stripe/stripe-js/pure` injects (its release train, `endive` in 10.x), and the only
 * origin the `fc-relink` policy lets through.
 */
export const STRIPE_JS_URL = 'https://js.stripe.com/endive/stripe.js';
const STRIPE_JS_ORIGIN = 'https://js.stripe.com/';

/** The name of the Trusted Types policy Stripe.js's script URL goes through. */
export const TRUSTED_TYPES_POLICY = 'fc-relink';

/** How putting Stripe.js in the page ended: it defined `Stripe`, the script failed, it ran but defined none, or Trusted Types refused its URL. */
export type StripeScriptLoad = 'loaded' | 'failed' | 'no_stripe' | 'refused';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface StripeScriptWindow {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };
  Stripe?: unknown;
}

/** The policy, once made; `null` where there are no Trusted Types or the page refused its name. */
let policy: ScriptUrlPolicy | null | undefined;
let loading: Promise<StripeScriptLoad> | null = null;

function scriptUrlPolicy(): ScriptUrlPolicy | null {
  if (policy === undefined) {
    try {
      policy = (window as StripeScriptWindow).trustedTypes?.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL(url) {
          if (url.startsWith(STRIPE_JS_ORIGIN)) return url;
          throw new TypeError(`Only ${STRIPE_JS_ORIGIN}`);
        },
      }) ?? null;
    } catch {
      policy = null;
    }
  }
  return policy;
}

function inject(): Promise<StripeScriptLoad> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    const failed = (how: StripeScriptLoad): void => {
      // Gone, so the next attempt (or @stripe/stripe-js) does not wait on a dead script.
      script.remove();
      resolve(how);
    };
    script.addEventListener('load', () => ((window as StripeScriptWindow).Stripe ? resolve('loaded') : failed('no_stripe')));
    script.addEventListener('error', () => failed('failed'));
    try {
      // Through the policy where there is one; a page that enforces Trusted Types without allowing
      // `fc-relink` refuses the plain string, which is `refused`.
      script.src = (scriptUrlPolicy()?.createScriptURL(STRIPE_JS_URL) ?? STRIPE_JS_URL) as string;
      (document.head ?? document.documentElement).append(script);
    } catch {
      failed('refused');
    }
  });
}

/**
 * Puts Stripe.js's script in the page (once at a time) and waits for it. `null` when there is
 * nothing to do: no DOM, `Stripe` already defined, or a Stripe.js script already in the page
 * (which `@stripe/stripe-js` then waits for). Never rejects; a failed load can be tried again.
 */
export function loadStripeJsScript(): Promise<StripeScriptLoad | null> {
  if (loading) return loading;
  if (typeof document === 'undefined' || (window as StripeScriptWindow).Stripe) return Promise.resolve(null);
  if (document.querySelector(`script[src^="${STRIPE_JS_ORIGIN}"]`)) return Promise.resolve(null);
  const started = inject().then((how) => {
    loading = null;
    return how;
  });
  loading = started;
  return started;
}

/** The longest publishable key {@link isPlainPublishableKey} takes: Stripe's are about 110 characters. */
const MAX_PLAIN_KEY_LENGTH = 255;

/**
 * Whether a value is plainly a publishable key: `pk_test_` or `pk_live_`, then letters and
 * digits only, so it can hold no secret key, webhook secret or client secret (each has a `_`
 * inside). Stricter than `checkPublishableKey`: what passes here, that check passes too.
 */
export function isPlainPublishableKey(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_PLAIN_KEY_LENGTH && /^pk_(?:test|live)_[A-Za-z0-9]+$/.test(value);
}
