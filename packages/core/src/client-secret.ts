import type { RelinkError } from './outcome.js';
import { relinkError } from './errors.js';
import { checkClientSecret, clientSecretProblem } from './secrets.js';

/** Why an attempt needs a client secret: the names `fetchClientSecret` is asked with. */
export type ClientSecretPurpose = 'initial' | 'retry' | 'authorization_retry';

export interface ClientSecretChoiceInput {
  purpose: ClientSecretPurpose;
  /** The page's own secret (the element's `clientSecret`), as the page set it. */
  pageSecret: unknown;
  /** Every secret that already reached Stripe from this element. */
  used: ReadonlySet<string>;
  /** Whether the page gave `fetchClientSecret`. */
  canFetch: boolean;
}

/** What an attempt does for its client secret: send this one, ask the page, or refuse. */
export type ClientSecretChoice =
  | { action: 'send'; secret: string }
  | { action: 'fetch' }
  | { action: 'refuse'; error: RelinkError };

function used(): RelinkError {
  return relinkError(
    'client_secret_used',
    'This client secret already reached Stripe (a session opens once): set a new clientSecret, or fetchClientSecret.',
  );
}

/**
 * Decides which client secret an attempt sends, before anything is sent (the one place this is
 * decided):
 *
 * | purpose | page secret | fetchClientSecret | choice |
 * | --- | --- | --- | --- |
 * | `initial` | unused and well-formed | any | send it |
 * | `initial` | malformed (or a key) | any | refuse with its check's error |
 * | `initial` | used | yes | fetch |
 * | `initial` | used | no | refuse `client_secret_used` |
 * | `initial` | empty | yes | fetch |
 * | `initial` | empty | no | refuse `missing_configuration` |
 * | `retry`, `authorization_retry` | any | yes | fetch |
 * | `retry` | unused and well-formed | no | send it (the page set a new one) |
 * | `retry` | used | no | refuse `client_secret_used` |
 * | `authorization_retry` | any | no | refuse `missing_configuration` (only the page's server can widen a session) |
 *
 * Otherwise a `retry` without `fetchClientSecret` is refused as `initial` would be.
 */
export function chooseClientSecret({ purpose, pageSecret, used: sent, canFetch }: ClientSecretChoiceInput): ClientSecretChoice {
  if (purpose !== 'initial' && canFetch) return { action: 'fetch' };
  if (purpose === 'authorization_retry') {
    return {
      action: 'refuse',
      error: relinkError(
        'missing_configuration',
        'authorization_retry needs fetchClientSecret.',
      ),
    };
  }
  const given = typeof pageSecret === 'string' ? pageSecret.trim() : '';
  if (given === '' && canFetch) return { action: 'fetch' };
  const invalid = clientSecretProblem(given);
  if (invalid) return { action: 'refuse', error: invalid };
  if (sent.has(given)) return canFetch ? { action: 'fetch' } : { action: 'refuse', error: used() };
  return { action: 'send', secret: given };
}

/**
 * Checks what `fetchClientSecret` resolved with: a well-formed Financial Connections Session
 * secret that has not reached Stripe before, or the error that refuses it.
 */
export function acceptFetchedSecret(value: unknown, sent: ReadonlySet<string>): string | RelinkError {
  if (typeof value !== 'string') {
    return relinkError(
      'client_secret_fetch_failed',
      `fetchClientSecret resolved with ${value === null ? 'null' : typeof value}, not a client_secret string.`,
    );
  }
  const secret = value.trim();
  const invalid = checkClientSecret(secret);
  if (invalid) return invalid;
  if (sent.has(secret)) {
    return relinkError(
      'client_secret_used',
      'fetchClientSecret resolved with a client secret that already reached Stripe: create a session per request.',
    );
  }
  return secret;
}
