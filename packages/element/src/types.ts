import type { RelinkedAccount, RelinkFallback } from '@fc-relink/core';

/** What `fetchClientSecret` is asked for. */
export interface ClientSecretRequest {
  /** `initial` for the first attempt, `retry` for a plain retry, `authorization_retry` to widen to any account at the bank. */
  purpose: 'initial' | 'retry' | 'authorization_retry';
  /** From the last attempt's `relink_options`, when known. */
  authorization: string | null;
  /** The exact account, for `retry` in account mode; `null` for `authorization_retry`. */
  account: string | null;
  previousSessionId: string | null;
  /**
   * Aborted when the element leaves the page; the attempt has then already ended (nothing was
   * sent to Stripe). Nothing else replaces a pending request: the element runs one attempt at a time.
   */
  signal: AbortSignal;
}

/** The element's flow state, reflected as the `state` attribute. */
export type FcRelinkState = 'idle' | 'loading' | 'open' | 'succeeded' | 'failed' | 'errored' | 'mandate' | 'confirming' | 'completed';

/** What `fetchSetupIntentSecret` is asked for (SPEC section 9). */
export interface SetupIntentRequest {
  /** The account to make the payment method from. */
  account: RelinkedAccount;
  /** The relink session that linked it. */
  sessionId: string;
  /** Aborted when the element leaves the page. */
  signal: AbortSignal;
}

/** When Stripe.js loads: when the browser is idle, at once, on the first sign of intent, or on click. */
export type FcRelinkPreload = 'idle' | 'eager' | 'intent' | 'none';

export type { RelinkFallback };
