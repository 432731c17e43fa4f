import type { RelinkError, RelinkFailure, RelinkFallback, RelinkSuccess } from '@fc-relink/core';
import type { ClientSecretRequest } from './types.js';

/** `detail` of {@link FcRelinkStartEvent}. */
export interface FcRelinkStartDetail {
  /** 1 for the element's first attempt, counting up. */
  attempt: number;
  purpose: ClientSecretRequest['purpose'];
}

/** `detail` of {@link FcRelinkFallbackEvent}. */
export interface FcRelinkFallbackDetail {
  fallback: RelinkFallback;
  failure: RelinkFailure;
}

const options = { bubbles: true, composed: true } as const;

/** An attempt begins. */
export class FcRelinkStartEvent extends CustomEvent<FcRelinkStartDetail> {
  constructor(detail: FcRelinkStartDetail) {
    super('fc-relink-start', { ...options, detail });
  }
}

/** The attempt settled as a success. */
export class FcRelinkSuccessEvent extends CustomEvent<RelinkSuccess> {
  constructor(detail: RelinkSuccess) {
    super('fc-relink-success', { ...options, detail });
  }
}

/** The attempt settled as a failure; `detail.fallbacks` says what to offer next. */
export class FcRelinkFailureEvent extends CustomEvent<RelinkFailure> {
  constructor(detail: RelinkFailure) {
    super('fc-relink-failure', { ...options, detail });
  }
}

/** The attempt settled as an error: a misconfiguration, or Stripe.js failing. */
export class FcRelinkErrorEvent extends CustomEvent<RelinkError> {
  constructor(detail: RelinkError) {
    super('fc-relink-error', { ...options, detail });
  }
}

/**
 * A fallback was chosen. Cancelable: `preventDefault()` stops the element's own retry, so the
 * page can carry out the fallback itself.
 */
export class FcRelinkFallbackEvent extends CustomEvent<FcRelinkFallbackDetail> {
  constructor(detail: FcRelinkFallbackDetail) {
    super('fc-relink-fallback', { ...options, cancelable: true, detail });
  }
}

/** Every event `<fc-relink>` dispatches, by name. */
export interface FcRelinkEventMap {
  'fc-relink-start': FcRelinkStartEvent;
  'fc-relink-success': FcRelinkSuccessEvent;
  'fc-relink-failure': FcRelinkFailureEvent;
  'fc-relink-error': FcRelinkErrorEvent;
  'fc-relink-fallback': FcRelinkFallbackEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends FcRelinkEventMap {}
}
