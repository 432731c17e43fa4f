import type { RelinkError } from './outcome.js';
import { relinkError } from './errors.js';

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

let policy: ScriptUrlPolicy | undefined;
let enforced: boolean | undefined;
let injecting: Promise<RelinkError | null> | null = null;

/**
 * Whether this page refuses a plain string as a script URL (Trusted Types enforced, and no
 * default policy that lets it through), which `@stripe/stripe-js` assigns. Asked once per page,
 * on a detached script, which loads nothing.
 */
function trustedTypesEnforced(): boolean {
  if (enforced === undefined) {
    enforced = false;
    if ((window as TrustedTypesWindow).trustedTypes) {
      try {
        document.createElement('script').src = STRIPE_JS_URL;
      } catch {
        enforced = true;
      }
    }
  }
  return enforced;
}

function scriptUrlPolicy(): ScriptUrlPolicy | RelinkError {
  try {
    policy ??= (window as TrustedTypesWindow).trustedTypes!.createPolicy(TRUSTED_TYPES_POLICY, {
      createScriptURL(url) {
        if (url.startsWith(STRIPE_JS_ORIGIN)) return url;
        throw new TypeError(`The ${TRUSTED_TYPES_POLICY} policy lets only ${STRIPE_JS_ORIGIN} scripts through.`);
      },
    });
    return policy;
  } catch {
    return relinkError(
      'stripe_load_failed',
      `This page enforces Trusted Types and does not allow the policy ${TRUSTED_TYPES_POLICY}, which Stripe.js's script needs: add it to the trusted-types directive (trusted-types lit-html ${TRUSTED_TYPES_POLICY}).`,
      { retryable: false },
    );
  }
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
        : failed(relinkError('stripe_unavailable', 'Stripe.js is not available: the Stripe.js script loaded but defined no Stripe constructor.')),
    );
    script.addEventListener('error', () =>
      failed(
        relinkError('stripe_load_failed', 'Stripe.js could not be loaded from js.stripe.com (offline, a Content-Security-Policy, or a blocker). Try again.'),
      ),
    );
    try {
      script.src = trusted.createScriptURL(STRIPE_JS_URL) as string;
      (document.head ?? document.documentElement).append(script);
    } catch {
      failed(relinkError('stripe_load_failed', `Stripe.js's script was refused by this page's Trusted Types policy for ${STRIPE_JS_URL}.`, { retryable: false }));
    }
  });
}

/**
 * On a page that enforces Trusted Types, puts Stripe.js's script in the page through the
 * `fc-relink` policy (which lets only `https://js.stripe.com/` through) and waits for it, so that
 * `@stripe/stripe-js` finds Stripe loaded instead of assigning a string URL the page refuses.
 * Does nothing elsewhere, or when Stripe.js is already there. Resolves with the error that stops
 * the load, or `null`; never rejects.
 */
export function prepareStripeJsScript(): Promise<RelinkError | null> {
  if (injecting) return injecting;
  if (typeof window === 'undefined' || (window as TrustedTypesWindow).Stripe || !trustedTypesEnforced()) return Promise.resolve(null);
  // A Stripe.js script already in the page: @stripe/stripe-js waits for it.
  if (document.querySelector(`script[src^="${STRIPE_JS_ORIGIN}"]`)) return Promise.resolve(null);
  const trusted = scriptUrlPolicy();
  if ('type' in trusted) return Promise.resolve(trusted);
  injecting = inject(trusted).then((error) => {
    injecting = null;
    return error;
  });
  return injecting;
}
