import type { RelinkError } from './outcome.js';
import { relinkError } from './errors.js';

/** The longest hosted relink URL followed: Stripe's are far shorter; a page's bug should not be. */
export const MAX_HOSTED_URL_LENGTH = 2048;

/** Whether a host name is Stripe's own: `stripe.com` or a name under it (`connect.stripe.com`). */
const isStripeHost = (host: string): boolean => host === 'stripe.com' || host.endsWith('.stripe.com');

/**
 * Checks what `fetchHostedRelinkUrl` resolved with before the page is sent there (SPEC section
 * 13): only an `https://` URL on `stripe.com` or a host under it, with no user name, password or
 * port, is followed, so a compromised or mistaken endpoint cannot send the customer elsewhere.
 * Returns the URL as the browser would read it, or the error `invalid_hosted_url`. The message
 * never repeats the URL (Stripe's may carry a token); never throws.
 */
export function checkHostedRelinkUrl(value: unknown): string | RelinkError {
  const refuse = (why: string): RelinkError =>
    relinkError('invalid_hosted_url', `fetchHostedRelinkUrl resolved with ${why}: only https:// URLs on stripe.com are followed.`);
  if (typeof value !== 'string') return refuse(value === null ? 'null' : `a ${typeof value}, not a URL`);
  const text = value.trim();
  if (text.length > MAX_HOSTED_URL_LENGTH) return refuse(`a string of ${text.length} characters`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse('a string that is no absolute URL');
  }
  if (url.protocol !== 'https:') return refuse(`a ${url.protocol.slice(0, 20)} URL`);
  if (!isStripeHost(url.hostname)) return refuse('a URL on another site');
  if (url.username || url.password || url.port) return refuse('a URL with a user name, password or port');
  return url.href;
}
