// Type tests: this file compiles (`tsc -p tsconfig.test.json`) only when the public types are
// right. Each `@ts-expect-error` asserts that a wrong usage is rejected. It is never run.
import { createRef, useRef, type ComponentProps } from 'react';
import type { EventName } from '@lit/react';
import { FcRelink, type FcRelinkElementProps, type FcRelinkEventProps, type FcRelinkProps, type FcRelinkReactEvents } from '@fc-relink/react';
import type {
  fcRelinkEventNames,
  ClientSecretRequest,
  FcRelinkElement,
  FcRelinkErrorEvent,
  FcRelinkEventMap,
  FcRelinkEventsByKey,
  FcRelinkFailureEvent,
  FcRelinkFallbackEvent,
  FcRelinkPaymentMethodEvent,
  PaymentMethodReplaced,
  FcRelinkStartEvent,
  FcRelinkSuccessEvent,
  RelinkError,
  RelinkFailure,
  RelinkFallback,
  RelinkOutcome,
  RelinkSuccess,
} from '@fc-relink/element';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `T` is `true`. */
const assert = <T extends true>(): T | void => undefined;

// ── The element's own types ─────────────────────────────────────────────────────────────────

assert<Equal<HTMLElementTagNameMap['fc-relink'], FcRelinkElement>>();
assert<Equal<ReturnType<FcRelinkElement['start']>, Promise<RelinkOutcome>>>();

// Every event: its class in HTMLElementEventMap, and its `detail`.
assert<Equal<HTMLElementEventMap['fc-relink-start'], FcRelinkStartEvent>>();
assert<Equal<HTMLElementEventMap['fc-relink-success'], FcRelinkSuccessEvent>>();
assert<Equal<HTMLElementEventMap['fc-relink-failure'], FcRelinkFailureEvent>>();
assert<Equal<HTMLElementEventMap['fc-relink-error'], FcRelinkErrorEvent>>();
assert<Equal<HTMLElementEventMap['fc-relink-fallback'], FcRelinkFallbackEvent>>();
assert<Equal<HTMLElementEventMap['fc-relink-payment-method'], FcRelinkPaymentMethodEvent>>();
assert<Equal<FcRelinkPaymentMethodEvent['detail'], PaymentMethodReplaced>>();
assert<Equal<FcRelinkStartEvent['detail'], { attempt: number; purpose: ClientSecretRequest['purpose'] }>>();
assert<Equal<FcRelinkSuccessEvent['detail'], RelinkSuccess>>();
assert<Equal<FcRelinkFailureEvent['detail'], RelinkFailure>>();
assert<Equal<FcRelinkErrorEvent['detail'], RelinkError>>();
assert<
  Equal<FcRelinkFallbackEvent['detail'], { fallback: Exclude<RelinkFallback, 'hosted'>; failure: RelinkFailure } | { fallback: 'hosted'; failure: RelinkError }>
>();
// Narrowed by the fallback: a retry recovers from a failure, the hosted relink from an error.
el.addEventListener('fc-relink-fallback', (e) => (e.detail.fallback === 'hosted' ? e.detail.failure.code : e.detail.failure.reason));
// The table of names and the classes cover the same events.
assert<Equal<keyof typeof fcRelinkEventNames, keyof FcRelinkEventsByKey>>();
assert<Equal<keyof FcRelinkEventMap, (typeof fcRelinkEventNames)[keyof FcRelinkEventsByKey]>>();
assert<
  Equal<keyof FcRelinkEventMap, 'fc-relink-start' | 'fc-relink-success' | 'fc-relink-failure' | 'fc-relink-error' | 'fc-relink-fallback' | 'fc-relink-payment-method'>
>();

declare const el: FcRelinkElement;
el.addEventListener('fc-relink-failure', (e) => {
  assert<Equal<typeof e, FcRelinkFailureEvent>>();
  const fallbacks: RelinkFallback[] = e.detail.fallbacks;
  return fallbacks;
});
el.addEventListener('fc-relink-success', (e) => {
  const kind: 'account_relinked' | 'authorization_relinked' | 'new_authorization' = e.detail.kind;
  // @ts-expect-error a success has no fallbacks
  return [kind, e.detail.fallbacks];
});
document.querySelector('fc-relink')?.addEventListener('fc-relink-error', (e) => e.detail.code);
// @ts-expect-error the read-only state
el.state = 'idle';

// ── @fc-relink/react: props ─────────────────────────────────────────────────────────────────

// Exactly the element's settable properties; `state` and the methods are not props.
assert<
  Equal<
    keyof FcRelinkElementProps,
    | 'clientSecret'
    | 'fetchClientSecret'
    | 'publishableKey'
    | 'stripeAccount'
    | 'stripeOptions'
    | 'stripe'
    | 'existingAccountIds'
    | 'preload'
    | 'disabled'
    | 'locale'
    | 'strings'
    | 'fetchSetupIntentSecret'
    | 'businessName'
    | 'fetchHostedRelinkUrl'
  >
>();
assert<Equal<FcRelinkProps['clientSecret'], string | undefined>>();
assert<Equal<FcRelinkProps['existingAccountIds'], string[] | null | undefined>>();
assert<Equal<FcRelinkProps['preload'], 'idle' | 'eager' | 'intent' | 'none' | undefined>>();
assert<Equal<FcRelinkProps['fetchClientSecret'], ((request: ClientSecretRequest) => Promise<string>) | null | undefined>>();
assert<Equal<ComponentProps<typeof FcRelink>['ref'], React.Ref<FcRelinkElement> | undefined>>();

// ── @fc-relink/react: events, derived from the element's table ─────────────────────────────

assert<
  Equal<keyof FcRelinkEventProps, 'onRelinkStart' | 'onRelinkSuccess' | 'onRelinkFailure' | 'onRelinkError' | 'onRelinkFallback' | 'onRelinkPaymentMethod'>
>();
assert<Equal<Parameters<NonNullable<FcRelinkProps['onRelinkPaymentMethod']>>, [event: FcRelinkPaymentMethodEvent]>>();
assert<Equal<keyof FcRelinkReactEvents, keyof FcRelinkEventProps>>();
assert<Equal<FcRelinkReactEvents['onRelinkSuccess'], EventName<FcRelinkSuccessEvent>>>();
assert<Equal<FcRelinkReactEvents['onRelinkFallback'], EventName<FcRelinkFallbackEvent>>>();
assert<Equal<Parameters<NonNullable<FcRelinkProps['onRelinkStart']>>, [event: FcRelinkStartEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkProps['onRelinkSuccess']>>, [event: FcRelinkSuccessEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkProps['onRelinkFailure']>>, [event: FcRelinkFailureEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkProps['onRelinkError']>>, [event: FcRelinkErrorEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkProps['onRelinkFallback']>>, [event: FcRelinkFallbackEvent]>>();

// ── @fc-relink/react in JSX ────────────────────────────────────────────────────────────────

export function Right() {
  const ref = useRef<FcRelinkElement>(null);
  return (
    <FcRelink
      ref={ref}
      id="relink"
      className="relink"
      style={{ maxWidth: 320 }}
      aria-describedby="help"
      publishableKey="pk_test_123"
      clientSecret="fcsess_123_secret_456"
      fetchClientSecret={async (request) => `${request.purpose}`}
      existingAccountIds={['fca_1']}
      stripeOptions={{ locale: 'de' }}
      preload="intent"
      disabled={false}
      locale="ja"
      strings={{ trigger: 'Fix it' }}
      onRelinkStart={(e) => e.detail.attempt + 1}
      onRelinkSuccess={(e) => e.detail.accounts.map((a) => a.isNew)}
      onRelinkFailure={(e) => e.detail.fallbacks.includes('retry')}
      onRelinkError={(e) => e.detail.code === 'stripe_error' && e.detail.retryable}
      onRelinkFallback={(e) => {
        if (e.detail.fallback === 'new_payment_method') e.preventDefault();
      }}
      // start() never rejects and its outcome also comes as an onRelink* event: a click handler
      // may leave it running.
      onClick={() => {
        void ref.current?.start().then((outcome) => outcome.type);
      }}
    >
      Reconnect Chase
    </FcRelink>
  );
}

export const wrong = [
  // @ts-expect-error clientSecret is a string
  <FcRelink clientSecret={42} />,
  // @ts-expect-error existingAccountIds is an array of ids
  <FcRelink existingAccountIds="fca_1" />,
  // @ts-expect-error not a preload mode
  <FcRelink preload="later" />,
  // @ts-expect-error state is read-only: not a prop
  <FcRelink state="idle" />,
  // @ts-expect-error methods are not props
  <FcRelink start={() => Promise.resolve()} />,
  // @ts-expect-error a success has no fallbacks
  <FcRelink onRelinkSuccess={(e) => e.detail.fallbacks} />,
  // @ts-expect-error a failure has no accounts
  <FcRelink onRelinkFailure={(e) => e.detail.accounts} />,
  // @ts-expect-error the error handler receives an FcRelinkErrorEvent, not a success
  <FcRelink onRelinkError={(e: FcRelinkSuccessEvent) => e.detail.kind} />,
  // @ts-expect-error no such event prop
  <FcRelink onRelinkSucess={() => {}} />,
  // @ts-expect-error the DOM name is not the React prop
  <FcRelink onFcRelinkSuccess={() => {}} />,
  // @ts-expect-error the ref is the FcRelinkElement
  <FcRelink ref={createRef<HTMLDivElement>()} />,
];
