import type { RelinkError } from './outcome.js';
import { describeThrown, relinkError } from './errors.js';

const CLIENT_SECRET = /^fcsess_[A-Za-z0-9_]+_secret_[A-Za-z0-9_]+$/;
const PUBLISHABLE_KEY = /^pk_(?:test|live)_[A-Za-z0-9_]+$/;
const SECRET_KEY = /^(?:sk|rk)_/i;

/**
 * The longest client secret or key these checks read. Stripe's ids are at most 255 characters,
 * so no secret it issues comes near; anything longer is refused before any pattern runs.
 */
export const MAX_SECRET_LENGTH = 512;

/** Whether a value is a secret (`sk_`) or restricted (`rk_`) API key. */
export function isSecretKey(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_SECRET_LENGTH * 2 && SECRET_KEY.test(value.trim());
}

/** A value far longer than any Stripe key or secret: refused without reading it. */
function tooLong(value: string, what: string): RelinkError | null {
  return value.length > MAX_SECRET_LENGTH
    ? relinkError('invalid_client_secret', `The ${what} is ${value.length} characters long, longer than any Stripe issues. It was refused and sent nowhere.`)
    : null;
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
  const long = tooLong(secret, 'client secret');
  if (long) return long;
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
  if (key.length > MAX_SECRET_LENGTH) {
    return relinkError('invalid_publishable_key', `publishableKey is ${key.length} characters long, longer than any Stripe key.`);
  }
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

/** The most JSON `stripeOptions` may take: Stripe's constructor options are a few short fields. */
export const MAX_STRIPE_OPTIONS_LENGTH = 4096;

/** An `sk_`/`rk_` key anywhere in a JSON text (glued to anything, any case). Linear. */
const SECRET_KEY_ANYWHERE = /(?:sk|rk)_(?:test|live)_[a-z0-9]/i;

function keyRefused(what: string): RelinkError {
  return relinkError(
    'secret_key_in_browser',
    `A secret or restricted API key (sk_/rk_) was found in ${what}. It was refused and sent nowhere: keep it on your server, and roll it if it ever reached a browser.`,
  );
}

/**
 * Checks the Connect account passed to Stripe. Empty (or not a string) means none; a key or a
 * value longer than any Stripe id is refused before Stripe.js loads.
 */
export function checkStripeAccount(value: unknown): { stripeAccount: string | undefined } | RelinkError {
  if (typeof value !== 'string' || value.trim() === '') return { stripeAccount: undefined };
  const account = value.trim();
  if (account.length > MAX_SECRET_LENGTH) {
    return relinkError('missing_configuration', `stripeAccount is ${account.length} characters long: it must be a Connect account id (acct_...).`);
  }
  if (SECRET_KEY.test(account) || SECRET_KEY_ANYWHERE.test(account)) return keyRefused('stripeAccount');
  return { stripeAccount: account };
}

/**
 * Turns the page's `stripeOptions` into the plain data passed to the Stripe constructor: a copy
 * made through JSON (so getters run once, here, and later changes do not reach Stripe), at most
 * {@link MAX_STRIPE_OPTIONS_LENGTH} long, with no API key inside. `null`/`undefined` mean none.
 * Never throws: a throwing getter, a cycle or a non-object is a `missing_configuration` error.
 */
export function checkStripeOptions(value: unknown): { stripeOptions: Record<string, unknown>; json: string } | RelinkError {
  if (value === null || value === undefined) return { stripeOptions: {}, json: '{}' };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return relinkError('missing_configuration', `stripeOptions must be an object of Stripe constructor options, not ${Array.isArray(value) ? 'an array' : typeof value}.`);
  }
  let json: string;
  try {
    json = JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
    );
  } catch (thrown) {
    return relinkError('missing_configuration', `stripeOptions must be plain JSON data (it is passed to Stripe): ${describeThrown(thrown)}`);
  }
  if (json.length > MAX_STRIPE_OPTIONS_LENGTH) {
    return relinkError('missing_configuration', `stripeOptions is ${json.length} characters of JSON, more than Stripe's constructor options ever need (${MAX_STRIPE_OPTIONS_LENGTH}).`);
  }
  if (SECRET_KEY_ANYWHERE.test(json)) return keyRefused('stripeOptions');
  return { stripeOptions: JSON.parse(json) as Record<string, unknown>, json };
}
