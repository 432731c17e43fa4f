import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { PaymentMethodReplaced, RelinkError, RelinkFallback, RelinkOutcome, StripeLike } from '@fc-relink/core';
import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
import { FcRelinkErrorEvent, FcRelinkStartEvent } from './events.js';
import type * as FlowModuleNamespace from './flow.js';
import type { Flow, FlowHost } from './flow.js';
import { builtInLanguage, loadBuiltInStrings, loadedStrings, withOverrides, type BuiltInLanguage, type FcRelinkStrings } from './strings.js';
import { styles } from './styles.js';
import type { ClientSecretRequest, FcRelinkPreload, FcRelinkState, SetupIntentRequest } from './types.js';
import { readProperty } from './util.js';

/** The first signs of intent, for `preload="intent"`. */
const INTENT_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

/** The states in which an attempt, or the payment step, has settled: `reset()` goes back to `idle` from these. */
const SETTLED: ReadonlySet<FcRelinkState> = new Set(['succeeded', 'failed', 'errored', 'completed']);

/**
 * The code that runs a relink (./flow.ts): asked for when the first element connects, after the
 * page's first render; once it is in, every element calls it synchronously.
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

/**
 * Elements waiting for the browser to be idle to preload Stripe.js: one idle callback for all of
 * them (a page-wide thing, like the loader itself).
 */
const waitingForIdle = new Set<() => void>();
/** Whether the idle callback is asked for (once until it runs, however many elements come and go). */
let idleAsked = false;

function flushIdle(): void {
  idleAsked = false;
  const waiting = [...waitingForIdle];
  waitingForIdle.clear();
  for (const run of waiting) run();
}

function whenIdle(preload: () => void): void {
  waitingForIdle.add(preload);
  if (idleAsked) return;
  idleAsked = true;
  if (window.requestIdleCallback) window.requestIdleCallback(flushIdle, { timeout: 2000 });
  else window.setTimeout(flushIdle, 1);
}

/** The outcome of an attempt that could not run: the flow's code did not load, or the element left first. */
const notRun = (message: string): RelinkError => ({ type: 'error', code: 'unexpected', message, retryable: true, stripeError: null });

/** The properties a page sets, with their attributes: the one declaration of them. */
const PROPERTIES = {
  clientSecret: { attribute: 'client-secret' },
  fetchClientSecret: { attribute: false },
  publishableKey: { attribute: 'publishable-key' },
  stripeAccount: { attribute: 'stripe-account' },
  stripeOptions: { attribute: false },
  stripe: { attribute: false },
  existingAccountIds: { attribute: false },
  preload: {},
  disabled: { type: Boolean },
  locale: {},
  strings: { attribute: false },
  fetchSetupIntentSecret: { attribute: false },
  businessName: { attribute: 'business-name' },
} satisfies PropertyDeclarations;

/** The `lang` of the closest ancestor that has one, crossing shadow roots. */
function nearestLang(node: Element): string {
  for (let el: Element | null = node; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null)) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
  }
  return '';
}

/**
 * Repairs a broken Stripe Financial Connections link: opens Stripe's relink flow for a session
 * created with `relink_options`, reads `relink_result`, and tells the page what happened and
 * what to offer next.
 *
 * @fires {FcRelinkStartEvent} fc-relink-start - An attempt begins. `detail`: `{ attempt, purpose }`.
 * @fires {FcRelinkSuccessEvent} fc-relink-success - The attempt settled as a success. `detail`: `RelinkSuccess`.
 * @fires {FcRelinkFailureEvent} fc-relink-failure - The attempt settled as a failure. `detail`: `RelinkFailure`.
 * @fires {FcRelinkErrorEvent} fc-relink-error - The attempt settled as an error. `detail`: `RelinkError`.
 * @fires {FcRelinkFallbackEvent} fc-relink-fallback - A fallback was chosen; cancelable. `detail`: `{ fallback, failure }`.
 * @fires {FcRelinkPaymentMethodEvent} fc-relink-payment-method - The customer accepted the mandate and Stripe confirmed the SetupIntent. `detail`: `PaymentMethodReplaced`.
 *
 * @attr {'idle' | 'loading' | 'open' | 'succeeded' | 'failed' | 'errored' | 'mandate' | 'confirming' | 'completed'} state - The flow state, reflected for styling. Read-only.
 *
 * @slot - The trigger's label.
 * @slot trigger - Replaces the built-in trigger button; a click inside it starts the flow.
 * @slot mandate - Your own ACH mandate text, in place of the built-in one (the payment-method step).
 *
 * @csspart trigger - The built-in trigger button.
 * @csspart status - The polite live region announcing progress and the outcome.
 * @csspart fallbacks - The group of fallback buttons shown after a failure.
 * @csspart fallback - Each fallback button (also carries `data-fallback`).
 * @csspart mandate - The payment-method step's mandate region (its text and accept button).
 * @csspart confirm - The mandate's accept button.
 *
 * @cssprop --fc-relink-accent - Trigger background and fallback text colour.
 * @cssprop --fc-relink-accent-text - Trigger text colour.
 * @cssprop --fc-relink-radius - Button corner radius.
 * @cssprop --fc-relink-padding - Button padding.
 * @cssprop --fc-relink-gap - Space between the trigger, status and fallbacks.
 * @cssprop --fc-relink-font - Font shorthand for the whole element.
 * @cssprop --fc-relink-color - Text colour of the status.
 * @cssprop --fc-relink-focus - Focus ring colour.
 */
export class FcRelinkElement extends LitElement {
  static override styles = styles;

  /** The public properties, declared once (above the class): the bindings and the manifest read this declaration. */
  static override properties: PropertyDeclarations = PROPERTIES;

  /**
   * The client secret of a Financial Connections Session created with `relink_options`. Never reflected.
   * @attr client-secret
   */
  clientSecret = '';

  /** Asked for a secret when `clientSecret` is empty, and for every retry. */
  fetchClientSecret: ((request: ClientSecretRequest) => Promise<string>) | null = null;

  /**
   * Your publishable key (`pk_test_`/`pk_live_`); Stripe.js is loaded through `@stripe/stripe-js/pure`.
   * @attr publishable-key
   */
  publishableKey = '';

  /**
   * A Connect account id, passed to Stripe.
   * @attr stripe-account
   */
  stripeAccount = '';

  /** Options for the Stripe constructor (locale, apiVersion, betas). */
  stripeOptions: StripeConstructorOptions | null = null;

  /** A Stripe instance the page already has (or a promise of one). Wins over `publishableKey`. */
  stripe: Stripe | StripeLike | Promise<Stripe | StripeLike | null> | null = null;

  /** Account ids the page already knows, to tell new accounts from existing ones (the first 1,000 are read). */
  existingAccountIds: string[] | null = null;

  /**
   * When Stripe.js loads: `idle` (default), `eager`, `intent` (first hover, focus or touch) or `none` (on click).
   * @attr preload
   */
  preload: FcRelinkPreload = 'idle';

  /**
   * Disables every button the element renders. `start()` still runs when the page calls it.
   * @attr disabled
   */
  disabled = false;

  /**
   * `en`, `ja` or `de` built in; by default the nearest `lang`.
   * @attr locale
   */
  locale = '';

  /** Overrides for any of the built-in strings. */
  strings: Partial<FcRelinkStrings> | null = null;

  /**
   * Turns on the payment-method step (SPEC section 9): after a relink that ends on a new account,
   * asked at once for a SetupIntent client secret (`seti_..._secret_...`) for that account.
   */
  fetchSetupIntentSecret: ((request: SetupIntentRequest) => Promise<string>) | null = null;

  /**
   * The business named in the built-in ACH mandate text.
   * @attr business-name
   */
  businessName = '';

  /** The flow state (rendered, and reflected as the `state` attribute). */
  #state: FcRelinkState = 'idle';
  /** The outcome the latest settled attempt showed. */
  #outcome: RelinkOutcome | null = null;
  #attempts = 0;
  /** The language of the update under way. */
  #lang: BuiltInLanguage = 'en';
  /** This element's relinks, once the flow's code is in. */
  #flowInstance: Flow | null = null;
  /** A start() made before the flow's code was in. */
  #starting: Promise<RelinkOutcome> | null = null;

  /** The flow state; also the `state` attribute, for styling. Read-only. */
  get state(): FcRelinkState {
    return this.#state;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'state'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // `state` is the element's to write: a page's write is put back at once.
    if (name === 'state') {
      if (value !== this.#state) this.setAttribute('state', this.#state);
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.getAttribute('state') !== this.#state) this.setAttribute('state', this.#state);
    // The flow's code comes right after the first render; a failure is met again by start().
    if (!flowLoading) void loadFlow();
    this.#schedulePreload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelPreload();
    // A move within the page disconnects and reconnects at once; only a real removal aborts.
    queueMicrotask(() => {
      if (!this.isConnected) this.#flowInstance?.abort();
    });
  }

  /**
   * Also waits for the code that runs a relink and for the language's strings, so a test (or a
   * page) that awaits it finds the element ready to click, in its language.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let updated = await super.getUpdateComplete();
    if (!flowModule) await loadFlow();
    const load = this.#langLoad;
    if (load && !load.done) {
      await load.ready;
      updated = await super.getUpdateComplete();
    }
    return updated;
  }

  /** The element's side of its flow (what only the element may change); made with the flow. */
  #host(): FlowHost {
    return {
      element: this,
      state: () => this.#state,
      outcome: () => this.#outcome,
      setState: (state, outcome) => {
        if (outcome) this.#outcome = outcome;
        this.#setState(state);
      },
      nextAttempt: () => ++this.#attempts,
      attempts: () => this.#attempts,
    };
  }

  /** The flow, when its code is in. */
  #flow(): Flow | null {
    if (!this.#flowInstance && flowModule) this.#flowInstance = new flowModule.Flow(this.#host());
    return this.#flowInstance;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#lang = builtInLanguage(readProperty(this, 'locale') || nearestLang(this));
    if (!this.isConnected || !this.hasUpdated) return;
    // A new Stripe source, or a new preload mode, gets its own preload.
    if (changed.has('preload') || changed.has('stripe') || changed.has('publishableKey') || changed.has('stripeAccount') || changed.has('stripeOptions')) {
      this.#schedulePreload();
    }
  }

  /**
   * Opens Stripe's relink flow. Resolves with the outcome the settling event carries; never
   * rejects. While an attempt runs, returns that attempt's promise.
   */
  start(): Promise<RelinkOutcome> {
    const flow = this.#flow();
    if (flow) return flow.start();
    // Called before the flow's code came: it runs as soon as it is in, once for every such call,
    // unless the element left the page meanwhile.
    if (!this.#starting) {
      const wasConnected = this.isConnected;
      const starting = loadFlow().then((module) => {
        if (!module) return this.#endUnrun(`fc-relink could not load the code that opens Stripe (${flowFailure instanceof Error ? flowFailure.name : 'offline?'}); try again.`);
        if (wasConnected && !this.isConnected) return this.#endUnrun('The element left the page before Stripe opened. Nothing was sent to Stripe.');
        return this.#flow()!.start();
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
    this.dispatchEvent(new FcRelinkStartEvent({ attempt: ++this.#attempts, purpose: 'initial' }));
    this.#outcome = outcome;
    this.#setState('errored');
    this.dispatchEvent(new FcRelinkErrorEvent(outcome));
    return outcome;
  }

  /**
   * Returns a settled element (`succeeded`, `failed`, `errored`, `completed`) to `idle`, with its
   * trigger, for a page that allows another relink. Does nothing while an attempt or the
   * payment step is under way.
   */
  reset(): void {
    if (!SETTLED.has(this.#state)) return;
    this.#flowInstance?.reset();
    this.#outcome = null;
    this.#setState('idle');
  }

  /**
   * Does what a fallback button does: dispatches the cancelable `fc-relink-fallback` and, unless
   * it is prevented, starts a new attempt for `retry` or `authorization_retry` with a secret from
   * `fetchClientSecret`. Only a fallback the last failure offered runs; any other resolves `null`
   * and dispatches nothing. Resolves with that attempt's outcome, or `null` when none runs.
   */
  chooseFallback(fallback: RelinkFallback): Promise<RelinkOutcome | null> {
    // A failure (and so the flow's code) is there to fall back from, or nothing runs.
    return this.#flowInstance?.chooseFallback(fallback) ?? Promise.resolve(null);
  }

  /**
   * Does what the mandate's accept button does: confirms the new payment method with
   * `stripe.confirmUsBankAccountSetup` (within the caller's task when the SetupIntent secret is
   * already there). Resolves with the new payment method (`fc-relink-payment-method`), or the
   * error (`fc-relink-error`; the mandate stays, to accept again), or `null` when the element is
   * not showing the mandate. Never rejects.
   */
  confirmPaymentMethod(): Promise<PaymentMethodReplaced | RelinkError | null> {
    return this.#flowInstance?.confirmPaymentMethod() ?? Promise.resolve(null);
  }

  #setState(next: FcRelinkState): void {
    this.#state = next;
    this.requestUpdate();
    this.setAttribute('state', next);
  }

  #preloadNow = (): void => {
    this.#cancelPreload();
    // Only warms the cache: start() meets any failure again.
    void loadFlow().then((module) => module && this.#flow()!.preload());
  };

  /** What this element's preload waits for. */
  #waitingFor: 'idle' | 'intent' | null = null;

  #cancelPreload(): void {
    if (this.#waitingFor === 'intent') for (const type of INTENT_EVENTS) this.removeEventListener(type, this.#preloadNow);
    else if (this.#waitingFor === 'idle') waitingForIdle.delete(this.#preloadNow);
    this.#waitingFor = null;
  }

  #schedulePreload(): void {
    this.#cancelPreload();
    const mode = readProperty(this, 'preload');
    if (mode === 'eager') {
      this.#preloadNow();
    } else if (mode === 'intent') {
      for (const type of INTENT_EVENTS) this.addEventListener(type, this.#preloadNow, { passive: true });
      this.#waitingFor = 'intent';
    } else if (mode !== 'none') {
      // `idle`, and any value that is not a mode.
      whenIdle(this.#preloadNow);
      this.#waitingFor = 'idle';
    }
  }

  #onTriggerClick(): void {
    // start() never rejects, and its outcome reaches the page as an event.
    if (!readProperty(this, 'disabled')) void this.start();
  }

  /** The language whose strings this element asked for last, and whether that load has ended. */
  #langLoad: { lang: BuiltInLanguage; done: boolean; ready: Promise<void> } | null = null;

  /**
   * The built-in strings of the element's language; `null` while they load (a Japanese page never
   * shows English first). A language whose strings could not load is spoken in English.
   */
  #builtInStrings(lang: BuiltInLanguage): FcRelinkStrings | null {
    const loaded = loadedStrings(lang);
    if (loaded) return loaded;
    if (this.#langLoad?.lang === lang) return this.#langLoad.done ? loadedStrings('en')! : null;
    const load = {
      lang,
      done: false,
      ready: loadBuiltInStrings(lang).then(() => {
        load.done = true;
        this.requestUpdate();
      }),
    };
    this.#langLoad = load;
    return null;
  }

  /**
   * What a person sees, by state: one clear next step, never two buttons that do the same thing,
   * and never an invitation to redo what is done (SPEC section 3).
   */
  protected override render() {
    // The text carries its language, for screen readers when it differs from the page's.
    const lang = this.#lang;
    const builtIn = this.#builtInStrings(lang);
    if (!builtIn) return nothing;
    const s = withOverrides(builtIn, readProperty(this, 'strings'));
    const state = this.#state;
    const outcome = this.#outcome;
    const disabled = Boolean(readProperty(this, 'disabled'));
    const flow = this.#flowInstance;
    // The trigger: before and during an attempt; after one, only as a retry that can help.
    const retry = (state === 'errored' && outcome?.type === 'error' && outcome.retryable) || (state === 'failed' && !flow?.offeredFallbacks().length);
    const trigger = state === 'idle' || state === 'loading' || state === 'open' || retry;
    return html`
      ${trigger
        ? html`<slot name="trigger" @click=${this.#onTriggerClick}>
            <button part="trigger" type="button" lang=${lang} ?disabled=${disabled} aria-busy=${state === 'loading' || state === 'open' ? 'true' : 'false'}>
              <slot>${retry ? s.retry : s.trigger}</slot>
            </button>
          </slot>`
        : nothing}
      <div part="status" role="status" aria-live="polite" lang=${lang} tabindex="-1">
        ${flow ? flow.statusText(s, lang) : state === 'errored' ? s.error_retryable : ''}
      </div>
      ${flow ? flow.renderAfterStatus(s, lang) : nothing}
    `;
  }
}

/** The properties a page sets on `<fc-relink>`, as declared; the read-only `state` is not one. */
export type FcRelinkPropertyName = keyof typeof PROPERTIES;

/** The properties a page sets, with their types. The React and Vue bindings type their props from it. */
export type FcRelinkProperties = Pick<FcRelinkElement, FcRelinkPropertyName>;
