const REDACTED = '[redacted]';
/** Any token carrying `_secret_` (client secrets of every Stripe object). */
const SECRET_TOKEN = /[A-Za-z0-9_]*_secret_[A-Za-z0-9_]*/g;
/** Stripe API keys and webhook secrets. */
const KEY_TOKEN = /\b(?:sk|rk|pk)_[A-Za-z0-9_]+|\bwhsec_[A-Za-z0-9_]+/g;

/** Replaces client secrets and API keys in a text with `[redacted]`. */
export function redact(text: string): string {
  return text.replace(SECRET_TOKEN, REDACTED).replace(KEY_TOKEN, REDACTED);
}
