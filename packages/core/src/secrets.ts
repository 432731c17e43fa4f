import type { RelinkError } from './outcome.js';
import { relinkError } from './errors.js';

const CLIENT_SECRET = /^fcsess_[A-Za-z0-9_]+_secret_[A-Za-z0-9_]+$/;
const PUBLISHABLE_KEY = /^pk_(?:test|live)_[A-Za-z0-9_]+$/;
const SECRET_KEY = /^(?:sk|rk)_/;

/** Whether a value is a secret (`sk_`) or restricted (`rk_`) API key. */
export function isSecretKey(value: unknown): boolean {
  return typeof value === 'string' && SECRET_KEY.test(value.trim());
}

/** Names what a wrong value looks like, without repeating any of it. */
function lookalike(value: string): string {
  if (value.startsWith('pk_')) return ' It looks like a publishable key.';
  if (value.startsWith('seti_')) return ' It looks like a SetupIntent client secret.';
  if (value.startsWith('pi_')) return ' It looks like a PaymentIntent client secret.';
  if (value.startsWith('fcsess_')) return ' It is a Financial Connections Session id, not its client_secret.';
  if (/\s/.test(value)) return ' It contains white space.';
  return '';
}

/**
 * Checks a client secret before anything is sent. Returns `null` when it has the shape of a
 * Financial Connections Session client secret (`fcsess_..._secret_...`).
 */
export function checkClientSecret(value: unknown): RelinkError | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return relinkError(
      'missing_configuration',
      'No client secret: set clientSecret to the client_secret of a Financial Connections Session created with relink_options, or set fetchClientSecret.',
    );
  }
  const secret = value.trim();
  if (SECRET_KEY.test(secret)) {
    return relinkError(
      'secret_key_in_browser',
      'A secret or restricted API key (sk_/rk_) was given as the client secret. It was refused and sent nowhere. Keep it on your server, roll it if it ever reached a browser, and pass the session\'s client_secret instead.',
    );
  }
  if (!CLIENT_SECRET.test(secret)) {
    return relinkError(
      'invalid_client_secret',
      `The client secret is not a Financial Connections Session client secret (fcsess_..._secret_...).${lookalike(secret)} Create the session on your server with relink_options and pass its client_secret.`,
    );
  }
  return null;
}

/** Checks a publishable key before Stripe.js is loaded. Returns `null` for `pk_test_`/`pk_live_`. */
export function checkPublishableKey(value: unknown): RelinkError | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return relinkError(
      'missing_configuration',
      'No Stripe source: set publishableKey to your pk_test_/pk_live_ key, or set the stripe property to a Stripe.js instance.',
    );
  }
  const key = value.trim();
  if (SECRET_KEY.test(key)) {
    return relinkError(
      'secret_key_in_browser',
      'A secret or restricted API key (sk_/rk_) was given as publishableKey. It was refused and sent nowhere. Keep it on your server, roll it if it ever reached a browser, and use your publishable key (pk_test_/pk_live_).',
    );
  }
  if (!PUBLISHABLE_KEY.test(key)) {
    return relinkError(
      'invalid_publishable_key',
      'publishableKey is not a Stripe publishable key: it must start with pk_test_ or pk_live_.',
    );
  }
  return null;
}
