import type { RelinkError } from './outcome.js';
import { loadFailed, NO_STRIPE_CONSTRUCTOR, relinkError, stripeUnavailable } from './errors.js';

/**
 * The script `@stripe/stripe-js/pure` injects (its release train, `endive` in 10.x), and the only
 * origin the `fc-relink` policy lets through. `@stripe/stripe-js` reuses a Stripe.js script it
 * finds in the page, so the one injected here is the one it would have injected.
 */
export const STRIPE_JS_URL = 'https://js.stripe.com/endive/stripe.js';
const STRIPE_JS_ORIGIN = 'https://js.stripe.com/';

/** The name of the Trusted Types policy Stripe.js's script URL goes through. */
export const TRUSTED_TYPES_POLICY = 'fc-relink';

interface ScriptUrlPolicy {
  createScriptURL(url: string): unknown;
}
interface TrustedTypesWindow {
  trustedTypes?: { createPolicy(name: string, rules: { createScriptURL(url: string): string }): ScriptUrlPolicy };
  Stripe?: unknown;
}

/** The policy, once made; `null` when the page refused its name. */
let policy: ScriptUrlPolicy | null | undefined;
let injecting: Promise<RelinkError | null> | null = null;

/** The `fc-relink` policy, made once per page; `null` when the page does not allow its name. */
function scriptUrlPolicy(): ScriptUrlPolicy | null {
  if (policy === undefined) {
    try {
      policy = (window as TrustedTypesWindow).trustedTypes!.createPolicy(TRUSTED_TYPES_POLICY, {
        createScriptURL(url) {
          if (url.startsWith(STRIPE_JS_ORIGIN)) return url;
          throw new TypeError(`Only ${STRIPE_JS_ORIGIN}`);
        },
      });
    } catch {
      policy = null;
    }
  }
  return policy;
}

/** What a page that enforces Trusted Types without allowing `fc-relink` hears. */
export function trustedTypesRefused(): RelinkError {
  return relinkError(
    'stripe_load_failed',
    `Trusted Types refused Stripe.js's script URL: allow the policy ${TRUSTED_TYPES_POLICY} (trusted-types lit-html ${TRUSTED_TYPES_POLICY}).`,
    { retryable: false },
  );
}

function inject(trusted: ScriptUrlPolicy): Promise<RelinkError | null> {
  return new Promise((resolve) => {
    const script = document.createElement('script');
    const failed = (error: RelinkError): void => {
      // Gone, so the next attempt (or @stripe/stripe-js) does not wait on a dead script.
      script.remove();
      resolve(error);
    };
    script.addEventListener('load', () =>
      (window as TrustedTypesWindow).Stripe
        ? resolve(null)
        : failed(stripeUnavailable(NO_STRIPE_CONSTRUCTOR)),
    );
    script.addEventListener('error', () => failed(loadFailed()));
    try {
      script.src = trusted.createScriptURL(STRIPE_JS_URL) as string;
      (document.head ?? document.documentElement).append(script);
    } catch {
      failed(trustedTypesRefused());
    }
  });
}

/**
 * Where the browser has Trusted Types, puts Stripe.js's script in the page through the
 * `fc-relink` policy (which lets only `https://js.stripe.com/` through) and waits for it, so that
 * `@stripe/stripe-js` finds Stripe loaded instead of assigning a plain string URL, which a page
 * that enforces Trusted Types refuses. Making the policy is harmless where nothing is enforced.
 * Does nothing without Trusted Types, when Stripe.js is already there, or when the page does not
 * allow the policy's name (`@stripe/stripe-js` then injects the script itself, which works unless
 * the page enforces Trusted Types). Resolves with the error that stops the load, or `null`;
 * never rejects.
 */
export function prepareStripeJsScript(): Promise<RelinkError | null> {
  if (injecting) return injecting;
  if (typeof window === 'undefined' || !(window as TrustedTypesWindow).trustedTypes || (window as TrustedTypesWindow).Stripe) {
    return Promise.resolve(null);
  }
  // A Stripe.js script already in the page: @stripe/stripe-js waits for it.
  if (document.querySelector(`script[src^="${STRIPE_JS_ORIGIN}"]`)) return Promise.resolve(null);
  const trusted = scriptUrlPolicy();
  if (!trusted) return Promise.resolve(null);
  injecting = inject(trusted).then((error) => {
    injecting = null;
    return error;
  });
  return injecting;
}
