const REDACTED = '[redacted]';

/**
 * The longest text {@link redact} reads: far more than any message Stripe or this library writes.
 * Longer text is cut first, so redaction costs the same for a 100 KB message as for a 2 KB one.
 */
export const MAX_MESSAGE_LENGTH = 2000;

/** A run of the characters Stripe ids, keys and secrets are made of. Each match consumes what it scans: linear. */
const TOKEN = /[A-Za-z0-9_-]+/g;

/**
 * Whether a token carries a secret, whatever its case and whatever it is glued to
 * (`key_sk_test_...`, `xsk_live_...`, `SK_TEST_...`): a client secret of any Stripe object
 * (`..._secret_...`), an API key (`sk_`, `rk_`, `pk_`, test or live, or a long legacy one) or a
 * webhook secret (`whsec_`). Each needs at least one character after its prefix, so prose that
 * names the prefixes (`pk_test_`, `fcsess_..._secret_...`) is left alone. No nested quantifiers:
 * linear in the token.
 */
const SECRET_IN_TOKEN = /_secret_[a-z0-9]|(?:sk|rk|pk)_(?:test|live)_[a-z0-9]|[sr]k_[a-z0-9]{16}|whsec_[a-z0-9]/i;

/** Cuts a text to `max` characters (never inside a surrogate pair), marking the cut with `…`. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/**
 * Replaces client secrets and API keys in a text with `[redacted]`, after cutting it to
 * {@link MAX_MESSAGE_LENGTH}. Linear in its input; anything that is not a string becomes `''`.
 */
export function redact(text: string): string {
  if (typeof text !== 'string') return '';
  return cut(text, MAX_MESSAGE_LENGTH).replace(TOKEN, (token) => (SECRET_IN_TOKEN.test(token) ? REDACTED : token));
}
