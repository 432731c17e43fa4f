import type { ReactiveController } from 'lit';
// Its own entry, not the package's index: the first render carries this one module only.
import { isPlainPublishableKey, loadStripeJsScript } from '@fc-relink/core/stripe-script';
import type { PaymentMethodReplaced, RelinkError, RelinkFallback, RelinkOutcome } from '@fc-relink/core';
import { FcRelinkErrorEvent, FcRelinkStartEvent } from './events.js';
import type * as FlowModuleNamespace from './flow.js';
import type { Flow } from './flow.js';
import type { FcRelinkState, RelinkHostElement, RunOwner } from './types.js';
import { readProperty } from './util.js';

/** The states in which an attempt, or the payment step, has settled: `reset()` goes back to `idle` from these. */
const SETTLED: ReadonlySet<FcRelinkState> = new Set(['succeeded', 'failed', 'errored', 'completed']);

/**
 * The code that runs a relink (./flow.ts): asked for when the first element connects, after the
 * page's first render; once it is in, every element calls it synchronously. Page-wide.
 */
type FlowModule = typeof FlowModuleNamespace;
let flowModule: FlowModule | null = null;
let flowLoading: Promise<FlowModule | null> | null = null;
/** Why the flow's code did not load, the last time it did not. */
let flowFailure: unknown = null;

/** Loads the flow's code once per page; resolves `null` when it did not load (tried again next time). */
function loadFlow(): Promise<FlowModule | null> {
  flowLoading ??= import('./flow.js').then(
    (module) => (flowModule = module),
    (thrown: unknown) => {
      flowLoading = null;
      flowFailure = thrown;
      return null;
    },
  );
  return flowLoading;
}

/** The outcome of an attempt that could not run: the flow's code did not load, or the element left first. */
const notRun = (message: string): RelinkError => ({ type: 'error', code: 'unexpected', message, retryable: true, stripeError: null, fallbacks: [] });

/**
 * The one owner of an element's relinks, in the manner of `@lit/task`: the status the element
 * shows (reflected as its `state`), the outcome it shows, the call id of the latest attempt, and
 * the run itself (its attempt, its AbortController, the payment step that follows it), kept by the
 * relink code once it has loaded. The element asks it what to show, and renders.
 */
export class RelinkController implements ReactiveController, RunOwner {
  status: FcRelinkState = 'idle';
  outcome: RelinkOutcome | null = null;
  attempt = 0;
  /** The run, once the relink code is in. */
  #flow: Flow | null = null;
  /** A start() made before the relink code was in. */
  #starting: Promise<RelinkOutcome> | null = null;

  constructor(readonly element: RelinkHostElement & { addController(controller: ReactiveController): void; requestUpdate(): void }) {
    element.addController(this);
  }

  /** The run, when the relink code is in (for what the element shows after an attempt). */
  get flow(): Flow | null {
    if (!this.#flow && flowModule) this.#flow = new flowModule.Flow(this);
    return this.#flow;
  }

  hostConnected(): void {
    if (this.element.getAttribute('state') !== this.status) this.element.setAttribute('state', this.status);
    // The relink code comes right after the first render; a failure is met again by start().
    if (!flowLoading) void loadFlow();
  }

  hostDisconnected(): void {
    // A move within the page disconnects and reconnects at once; only a real removal aborts
    // what waits for the page or for Stripe.js (Stripe's window, once open, is Stripe's).
    queueMicrotask(() => {
      if (!this.element.isConnected) this.#flow?.abort();
    });
  }

  /** Resolves once the relink code is in (or could not load), so the element is ready to click. */
  ready(): Promise<unknown> {
    return flowModule ? Promise.resolve() : loadFlow();
  }

  setStatus(status: FcRelinkState, outcome?: RelinkOutcome): void {
    if (outcome) this.outcome = outcome;
    this.status = status;
    this.element.requestUpdate();
    this.element.setAttribute('state', status);
  }

  nextAttempt(): number {
    return ++this.attempt;
  }

  /**
   * Warms up: Stripe.js loads. Before the relink code is in, its download starts at once beside
   * it, when the configuration plainly passes the relink code's checks (a publishable key that
   * can hold no secret, no account or options to check): both arrive in one round trip. Never
   * throws.
   */
  preload(): void {
    const { element } = this;
    if (!flowModule && !readProperty(element, 'stripe') && !readProperty(element, 'stripeAccount') && readProperty(element, 'stripeOptions') == null && isPlainPublishableKey(readProperty(element, 'publishableKey'))) {
      void loadStripeJsScript();
    }
    void loadFlow().then((module) => module && this.flow!.preload());
  }

  start(): Promise<RelinkOutcome> {
    const flow = this.flow;
    if (flow) return flow.start();
    // Called before the relink code came: it runs as soon as it is in, once for every such call,
    // unless the element left the page meanwhile.
    if (!this.#starting) {
      const wasConnected = this.element.isConnected;
      const starting = loadFlow().then((module) => {
        if (!module) return this.#endUnrun(`fc-relink could not load the code that opens Stripe (${flowFailure instanceof Error ? flowFailure.name : 'offline?'}); try again.`);
        if (wasConnected && !this.element.isConnected) return this.#endUnrun('The element left the page before Stripe opened. Nothing was sent to Stripe.');
        return this.flow!.start();
      });
      this.#starting = starting;
      void starting.then(() => {
        if (this.#starting === starting) this.#starting = null;
      });
    }
    return this.#starting;
  }

  /** An attempt that could not run: it still begins and settles, as a retryable error. */
  #endUnrun(message: string): RelinkOutcome {
    const outcome = notRun(message);
    this.element.dispatchEvent(new FcRelinkStartEvent({ attempt: this.nextAttempt(), purpose: 'initial' }));
    this.setStatus('errored', outcome);
    this.element.dispatchEvent(new FcRelinkErrorEvent(outcome));
    return outcome;
  }

  chooseFallback(fallback: RelinkFallback): Promise<RelinkOutcome | null> {
    // A failure (and so the relink code) is there to fall back from, or nothing runs.
    return this.#flow?.chooseFallback(fallback) ?? Promise.resolve(null);
  }

  confirmPaymentMethod(): Promise<PaymentMethodReplaced | RelinkError | null> {
    return this.#flow?.confirmPaymentMethod() ?? Promise.resolve(null);
  }

  reset(): void {
    if (!SETTLED.has(this.status)) return;
    this.#flow?.reset();
    this.outcome = null;
    this.setStatus('idle');
  }
}
