import type { PaymentMethodReplaced, RelinkError, RelinkFailure, RelinkFallback, RelinkSuccess } from '@fc-relink/core';
import type { ClientSecretRequest } from './types.js';

/** `detail` of {@link FcRelinkStartEvent}. */
export interface FcRelinkStartDetail {
  /** 1 for the element's first attempt, counting up. */
  attempt: number;
  purpose: ClientSecretRequest['purpose'];
}

/**
 * `detail` of {@link FcRelinkFallbackEvent}: the fallback chosen and what it recovers from, a
 * failure, or for `hosted` the error that kept Stripe's window from opening on the page.
 */
export type FcRelinkFallbackDetail =
  | { fallback: Exclude<RelinkFallback, 'hosted'>; failure: RelinkFailure }
  | { fallback: 'hosted'; failure: RelinkError };

const options = { bubbles: true, composed: true } as const;

/**
 * The name of every event `<fc-relink>` dispatches, by a short key. The event classes below and
 * the framework bindings (React's `onRelink*` props) are all derived from this one table.
 */
export const fcRelinkEventNames = {
  start: 'fc-relink-start',
  success: 'fc-relink-success',
  failure: 'fc-relink-failure',
  error: 'fc-relink-error',
  fallback: 'fc-relink-fallback',
  paymentMethod: 'fc-relink-payment-method',
} as const;

/** An attempt begins. */
export class FcRelinkStartEvent extends CustomEvent<FcRelinkStartDetail> {
  constructor(detail: FcRelinkStartDetail) {
    super(fcRelinkEventNames.start, { ...options, detail });
  }
}

/** The attempt settled as a success. */
export class FcRelinkSuccessEvent extends CustomEvent<RelinkSuccess> {
  constructor(detail: RelinkSuccess) {
    super(fcRelinkEventNames.success, { ...options, detail });
  }
}

/** The attempt settled as a failure; `detail.fallbacks` says what to offer next. */
export class FcRelinkFailureEvent extends CustomEvent<RelinkFailure> {
  constructor(detail: RelinkFailure) {
    super(fcRelinkEventNames.failure, { ...options, detail });
  }
}

/** The attempt settled as an error: a misconfiguration, or Stripe.js failing. */
export class FcRelinkErrorEvent extends CustomEvent<RelinkError> {
  constructor(detail: RelinkError) {
    super(fcRelinkEventNames.error, { ...options, detail });
  }
}

/**
 * A fallback was chosen. Cancelable: `preventDefault()` stops the element's own retry, so the
 * page can carry out the fallback itself.
 */
export class FcRelinkFallbackEvent extends CustomEvent<FcRelinkFallbackDetail> {
  constructor(detail: FcRelinkFallbackDetail) {
    super(fcRelinkEventNames.fallback, { ...options, cancelable: true, detail });
  }
}

/** The customer accepted the mandate and Stripe confirmed the SetupIntent: the new payment method. */
export class FcRelinkPaymentMethodEvent extends CustomEvent<PaymentMethodReplaced> {
  constructor(detail: PaymentMethodReplaced) {
    super(fcRelinkEventNames.paymentMethod, { ...options, detail });
  }
}

/** Every event class, by the short key of {@link fcRelinkEventNames}. */
export interface FcRelinkEventsByKey {
  start: FcRelinkStartEvent;
  success: FcRelinkSuccessEvent;
  failure: FcRelinkFailureEvent;
  error: FcRelinkErrorEvent;
  fallback: FcRelinkFallbackEvent;
  paymentMethod: FcRelinkPaymentMethodEvent;
}

/** Every event `<fc-relink>` dispatches, by name. */
export type FcRelinkEventMap = {
  [K in keyof FcRelinkEventsByKey as (typeof fcRelinkEventNames)[K]]: FcRelinkEventsByKey[K];
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends FcRelinkEventMap {}
}
