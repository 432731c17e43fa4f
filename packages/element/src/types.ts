import type { RelinkedAccount, RelinkFallback, RelinkOutcome } from '@fc-relink/core';
import type { PROPERTIES } from './properties.js';

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
  /**
   * Aborted when the step ends without this answer being used: a new relink began, or the page
   * called `reset()`. Not when the element leaves the page: the step lives as long as its relink.
   */
  signal: AbortSignal;
}

/** When Stripe.js loads: when the browser is idle, at once, on the first sign of intent, or on click. */
export type FcRelinkPreload = 'idle' | 'eager' | 'intent' | 'none';

export type { RelinkFallback };

/** The properties a page sets on `<fc-relink>`, as declared; the read-only `state` is not one. */
export type FcRelinkPropertyName = keyof typeof PROPERTIES;

/**
 * The element as the code that runs a relink sees it: its properties as the page set them
 * (whatever that is: each is checked where it is used), where it renders, and when it has.
 */
export type RelinkHostElement = HTMLElement &
  Readonly<Record<FcRelinkPropertyName, unknown>> & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly updateComplete: Promise<boolean>;
    requestUpdate(): void;
  };

/**
 * The owner of an element's runs (its `RelinkController`): one status, the outcome it shows, the
 * call id of the latest attempt. The code loaded later changes them only through it.
 */
export interface RunOwner {
  readonly element: RelinkHostElement;
  /** The state the element is in (reflected as its `state` attribute). */
  readonly status: FcRelinkState;
  /** The outcome of the latest attempt that settled. */
  readonly outcome: RelinkOutcome | null;
  /** The latest attempt's number (its call id): 1 for the element's first. */
  readonly attempt: number;
  /** Moves to a state (and the outcome it shows); the element renders it. */
  setStatus(status: FcRelinkState, outcome?: RelinkOutcome): void;
  /** Numbers a new attempt. */
  nextAttempt(): number;
}
