import type { RelinkError, RelinkErrorCode } from './outcome.js';
import { describeThrown, relinkError } from './errors.js';

/** Letters, digits and `_` only. */
const ID_CHARACTERS = /^\w+$/;
const SESSION_PREFIX = 'fcsess_';
const SECRET_MARK = '_secret_';

/**
 * Whether a string has the shape `fcsess_<id>_secret_<part>` (letters, digits and `_`, neither
 * part empty): a Financial Connections Session client secret. No backtracking: a click pays for
 * this check before Stripe opens.
 */
function isSessionSecret(value: string): boolean {
  const mark = value.indexOf(SECRET_MARK, SESSION_PREFIX.length + 1);
  return value.startsWith(SESSION_PREFIX) && mark !== -1 && mark + SECRET_MARK.length < value.length && ID_CHARACTERS.test(value);
}
const PUBLISHABLE_KEY = /^pk_(?:test|live)_[A-Za-z0-9_]+$/;
const SECRET_KEY = /^(?:sk|rk)_/i;
/**
 * A secret or restricted API key, or a webhook signing secret, anywhere in a value: glued to
 * anything, in any case (`pk_test_sk_live_...`, `acct_1whsec_...`). Linear, no nested quantifiers.
 */
const KEY_ANYWHERE = /(?:sk|rk)_(?:test|live)_[a-z0-9]|whsec_[a-z0-9]/i;
/** A client secret of any Stripe object, anywhere in a value. */
const CLIENT_SECRET_ANYWHERE = /_secret_[a-z0-9]/i;

/**
 * Whether a value the page gave holds a key or secret it must never send: an `sk_`/`rk_` key or
 * a `whsec_` secret anywhere in it, or, where no client secret belongs, a client secret.
 */
function holdsSecret(value: string, clientSecretBelongs: boolean): boolean {
  return SECRET_KEY.test(value) || KEY_ANYWHERE.test(value) || (!clientSecretBelongs && CLIENT_SECRET_ANYWHERE.test(value));
}

/**
 * The longest client secret or key these checks read. Stripe's ids are at most 255 characters,
 * so no secret it issues comes near; anything longer is refused before any pattern runs.
 */
export const MAX_SECRET_LENGTH = 512;

/** Whether a value is a secret (`sk_`) or restricted (`rk_`) API key. */
export function isSecretKey(value: unknown): boolean {
  return typeof value === 'string' && value.length <= MAX_SECRET_LENGTH * 2 && SECRET_KEY.test(value.trim());
}

/** A value far longer than any Stripe key, id or secret: refused without reading it. */
function tooLong(code: RelinkErrorCode, what: string, value: string): RelinkError | null {
  return value.length > MAX_SECRET_LENGTH ? relinkError(code, `${what} is too long (${value.length} characters): refused, sent nowhere.`) : null;
}

/** A key or secret where it does not belong. */
function keyRefused(what: string): RelinkError {
  return relinkError(
    'secret_key_in_browser',
    `A secret (an sk_/rk_ key, a whsec_ signing secret or a client secret) was found in ${what}: refused, sent nowhere. Keep keys on your server; roll one that reached a browser.`,
  );
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

/** What is wrong with a trimmed client secret, or `null`. */
export function clientSecretProblem(secret: string): RelinkError | null {
  if (secret === '') {
    return relinkError(
      'missing_configuration',
      'No client secret: set clientSecret or fetchClientSecret.',
    );
  }
  const long = tooLong('invalid_client_secret', 'The client secret', secret);
  if (long) return long;
  if (holdsSecret(secret, true)) return keyRefused('the client secret');
  if (!isSessionSecret(secret)) {
    return relinkError(
      'invalid_client_secret',
      `Not a Financial Connections Session client secret (fcsess_..._secret_...).${lookalike(secret)}`,
    );
  }
  return null;
}

/**
 * Checks a client secret before anything is sent. Returns `null` when it has the shape of a
 * Financial Connections Session client secret (`fcsess_..._secret_...`).
 */
export function checkClientSecret(value: unknown): RelinkError | null {
  return clientSecretProblem(typeof value === 'string' ? value.trim() : '');
}

/** Checks a publishable key before Stripe.js is loaded. Returns `null` for `pk_test_`/`pk_live_`. */
export function checkPublishableKey(value: unknown): RelinkError | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return relinkError(
      'missing_configuration',
      'No Stripe source: set publishableKey (pk_test_/pk_live_) or stripe.',
    );
  }
  const key = value.trim();
  const long = tooLong('invalid_publishable_key', 'publishableKey', key);
  if (long) return long;
  if (holdsSecret(key, false)) return keyRefused('publishableKey');
  if (!PUBLISHABLE_KEY.test(key)) return relinkError('invalid_publishable_key', publishableKeyProblem(key));
  return null;
}

/** What is wrong with a publishable key, said without repeating any of it. */
function publishableKeyProblem(key: string): string {
  if (!/^pk_(?:test|live)_/.test(key)) return 'publishableKey must start with pk_test_ or pk_live_ (your Dashboard\'s API keys page).';
  if (/^pk_(?:test|live)_$/.test(key)) return 'publishableKey is only a prefix: paste the whole key from your Dashboard.';
  if (/\.\.\.|…/.test(key)) return 'publishableKey is a placeholder (it ends in "..."): paste your real key from your Dashboard.';
  return 'publishableKey may hold only letters, digits and _ after pk_test_ or pk_live_: copy it again from your Dashboard.';
}

/** The most JSON `stripeOptions` may take: Stripe's constructor options are a few short fields. */
export const MAX_STRIPE_OPTIONS_LENGTH = 4096;

/**
 * Checks the Connect account passed to Stripe. Empty (or not a string) means none; a key or a
 * value longer than any Stripe id is refused before Stripe.js loads.
 */
export function checkStripeAccount(value: unknown): { stripeAccount: string | undefined } | RelinkError {
  if (typeof value !== 'string' || value.trim() === '') return { stripeAccount: undefined };
  const account = value.trim();
  const long = tooLong('missing_configuration', 'stripeAccount', account);
  if (long) return long;
  if (holdsSecret(account, false)) return keyRefused('stripeAccount');
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
    return relinkError('missing_configuration', 'stripeOptions must be an object.');
  }
  let json: string;
  try {
    json = JSON.stringify(value, (_key, v: unknown) =>
      v && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
        : v,
    );
  } catch (thrown) {
    return relinkError('missing_configuration', `stripeOptions must be plain JSON: ${describeThrown(thrown)}`);
  }
  if (json.length > MAX_STRIPE_OPTIONS_LENGTH) {
    return relinkError('missing_configuration', `stripeOptions is over ${MAX_STRIPE_OPTIONS_LENGTH} characters of JSON.`);
  }
  if (KEY_ANYWHERE.test(json) || CLIENT_SECRET_ANYWHERE.test(json)) return keyRefused('part of stripeOptions');
  return { stripeOptions: JSON.parse(json) as Record<string, unknown>, json };
}

const SETUP_INTENT_SECRET = /^seti_[A-Za-z0-9_]+_secret_[A-Za-z0-9_]+$/;

/**
 * Checks a SetupIntent client secret before it reaches Stripe. Returns `null` for the shape
 * `seti_..._secret_...`; a key is `secret_key_in_browser`, anything else (a PaymentIntent's or a
 * session's secret, junk) `invalid_client_secret`, and a non-string `setup_intent_fetch_failed`.
 */
export function checkSetupIntentSecret(value: unknown): RelinkError | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return relinkError('setup_intent_fetch_failed', 'fetchSetupIntentSecret must resolve with the SetupIntent client_secret (seti_..._secret_...).');
  }
  const secret = value.trim();
  const long = tooLong('invalid_client_secret', 'The SetupIntent secret', secret);
  if (long) return long;
  if (holdsSecret(secret, true)) return keyRefused('the SetupIntent secret');
  if (!SETUP_INTENT_SECRET.test(secret)) {
    return relinkError('invalid_client_secret', `Not a SetupIntent client secret (seti_..._secret_...).${lookalike(secret)}`);
  }
  return null;
}
