import { LitElement, html, nothing, type PropertyValues } from 'lit';
import {
  describeThrown,
  instanceSource,
  relinkError,
  publishableKeySource,
  runRelinkAttempt,
  type PaymentMethodReplaced,
  type RelinkError,
  type RelinkFallback,
  type RelinkFailure,
  type RelinkSuccess,
  type RelinkOutcome,
  type StripeLike,
  type StripeSource,
} from '@fc-relink/core';
import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
import {
  FcRelinkErrorEvent,
  FcRelinkFailureEvent,
  FcRelinkFallbackEvent,
  FcRelinkStartEvent,
  FcRelinkSuccessEvent,
} from './events.js';
import { builtInLanguage, loadBuiltInStrings, loadedStrings, withOverrides, type BuiltInLanguage, type FcRelinkStrings } from './strings.js';
import { styles } from './styles.js';
import type { PaymentStep, PaymentStepHost } from './mandate.js';
import type { ClientSecretRequest, FcRelinkPreload, FcRelinkState, SetupIntentRequest } from './types.js';

const settleEvent = (outcome: RelinkOutcome): Event =>
  outcome.type === 'success'
    ? new FcRelinkSuccessEvent(outcome)
    : outcome.type === 'failure'
      ? new FcRelinkFailureEvent(outcome)
      : new FcRelinkErrorEvent(outcome);

const stateOf = { success: 'succeeded', failure: 'failed', error: 'errored' } as const;

const PRELOAD_MODES: ReadonlySet<unknown> = new Set<FcRelinkPreload>(['idle', 'eager', 'intent', 'none']);

/** How many of the secrets that reached Stripe an element remembers (one per attempt). */
const MAX_USED_SECRETS = 50;

/** The page's function, or `null` for anything that is not one. */
const asFunction = <T,>(value: T): T | null => (typeof value === 'function' ? value : null);

/** The `lang` of the closest ancestor that has one, crossing shadow roots. */
function nearestLang(node: Element): string {
  for (let el: Element | null = node; el; ) {
    const lang = el.getAttribute('lang');
    if (lang) return lang;
    el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);
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

  // Declared here rather than with decorators: no decorator helpers to ship, and the same in
  // every build tool. Each property is documented where it is initialised below; those class
  // fields are assigned, not defined (useDefineForClassFields: false in tsconfig.base.json), so
  // they do not shadow Lit's accessors.
  static override properties = {
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
    _state: { state: true },
    _outcome: { state: true },
  };

  /** The client secret of a Financial Connections Session created with `relink_options`. Never reflected. */
  clientSecret = '';

  /** Asked for a secret when `clientSecret` is empty, and for every retry. */
  fetchClientSecret: ((request: ClientSecretRequest) => Promise<string>) | null = null;

  /** Your publishable key (`pk_test_`/`pk_live_`); Stripe.js is loaded through `@stripe/stripe-js/pure`. */
  publishableKey = '';

  /** A Connect account id, passed to Stripe. */
  stripeAccount = '';

  /** Options for the Stripe constructor (locale, apiVersion, betas). */
  stripeOptions: StripeConstructorOptions | null = null;

  /** A Stripe instance the page already has (or a promise of one). Wins over `publishableKey`. */
  stripe: Stripe | StripeLike | Promise<Stripe | StripeLike | null> | null = null;

  /** Account ids the page already knows, to tell new accounts from existing ones. */
  existingAccountIds: string[] | null = null;

  /** When Stripe.js loads. */
  preload: FcRelinkPreload = 'idle';

  /** Ignores the user's clicks. `start()` still runs when the page calls it. */
  disabled = false;

  /** `en`, `ja` or `de` built in; by default the nearest `lang`. */
  locale = '';

  /** Overrides for any of the built-in strings. */
  strings: Partial<FcRelinkStrings> | null = null;

  /**
   * Turns on the payment-method step (SPEC section 9): after a relink that ends on a new account,
   * asked at once for a SetupIntent client secret (`seti_..._secret_...`) for that account.
   */
  fetchSetupIntentSecret: ((request: SetupIntentRequest) => Promise<string>) | null = null;

  /** The business named in the built-in ACH mandate text. */
  businessName = '';

  private _state: FcRelinkState = 'idle';
  private _outcome: RelinkOutcome | null = null;

  /** The Stripe source and the properties it was made from. */
  #source: { from: unknown[]; source: StripeSource } | null = null;
  #current: Promise<RelinkOutcome> | null = null;
  #controller: AbortController | null = null;
  #attempts = 0;
  /** Whether an attempt of this element has reached Stripe. */
  #opened = false;
  /** Every secret this element sent to Stripe (the latest {@link MAX_USED_SECRETS}): none is sent twice. */
  #usedSecrets = new Set<string>();
  /** What the last session said about itself, for the next `fetchClientSecret` request. */
  #last: { authorization: string | null; account: string | null; sessionId: string | null } = {
    authorization: null,
    account: null,
    sessionId: null,
  };
  #cancelPreload: (() => void) | null = null;
  /** Whether focus was inside the element when the running attempt began. */
  #focusWasInside = false;
  /** The payment-method step (loaded when it first begins), from the mandate until a new relink. */
  #payment: PaymentStep | null = null;
  /** SetupIntent secrets this element confirmed: none is confirmed twice. */
  #usedSetupSecrets = new Set<string>();

  /** The flow state; also the `state` attribute, for styling. Read-only. */
  get state(): FcRelinkState {
    return this._state;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'state'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // `state` is the element's to write: a page's write is put back at once.
    if (name === 'state') {
      if (value !== this._state) this.setAttribute('state', this._state);
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.setAttribute('state', this._state);
    this.#schedulePreload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelPreload?.();
    // A move within the page disconnects and reconnects at once; only a real removal aborts.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#controller?.abort();
      this.#payment?.abort();
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    // A new Stripe source, or a new preload mode, gets its own preload.
    const sourceChanged = ['stripe', 'publishableKey', 'stripeAccount', 'stripeOptions'].some((k) => changed.has(k));
    // Also on the first update: a page commonly sets its key just after connecting the element.
    if (this.isConnected && (changed.has('preload') || sourceChanged)) this.#schedulePreload();
  }

  /**
   * Opens Stripe's relink flow. Resolves with the outcome the settling event carries; never
   * rejects. While an attempt runs, returns that attempt's promise.
   */
  start(): Promise<RelinkOutcome> {
    if (this.#current) return this.#current;
    // A fresh secret from the page starts over; otherwise, after Stripe has opened once, it is a retry.
    const secret = typeof this.clientSecret === 'string' ? this.clientSecret.trim() : '';
    const fresh = !this.#opened || (secret !== '' && !this.#usedSecrets.has(secret));
    return this.#run(fresh ? 'initial' : 'retry');
  }

  /**
   * Does what a fallback button does: dispatches the cancelable `fc-relink-fallback` and, unless
   * it is prevented, starts a new attempt for `retry` or `authorization_retry` with a secret from
   * `fetchClientSecret`. Only a fallback the last failure offered runs; any other resolves `null`
   * and dispatches nothing. Resolves with that attempt's outcome, or `null` when none runs.
   */
  chooseFallback(fallback: RelinkFallback): Promise<RelinkOutcome | null> {
    const failure = this._state === 'failed' && this._outcome?.type === 'failure' ? this._outcome : null;
    // Nothing to fall back from, a fallback it did not offer, or an attempt already running.
    if (!failure || !failure.fallbacks.includes(fallback) || this.#current) return Promise.resolve(null);
    const event = new FcRelinkFallbackEvent({ fallback, failure });
    this.dispatchEvent(event);
    // A listener may have started an attempt of its own: one at a time.
    if (event.defaultPrevented || fallback === 'new_payment_method' || !asFunction(this.fetchClientSecret) || this.#current) {
      return Promise.resolve(null);
    }
    return this.#run(fallback);
  }

  /** The Stripe source for the current properties; made again only when they change. */
  #stripeSource(): StripeSource {
    const from = [this.stripe, this.publishableKey, this.stripeAccount, this.stripeOptions];
    if (!this.#source || from.some((value, i) => value !== this.#source!.from[i])) {
      const source = this.stripe
        ? instanceSource(this.stripe as StripeLike | Promise<StripeLike | null>)
        : publishableKeySource({
            publishableKey: this.publishableKey,
            stripeAccount: this.stripeAccount || undefined,
            stripeOptions: this.stripeOptions ?? undefined,
          });
      this.#source = { from, source };
    }
    return this.#source.source;
  }

  #run(purpose: ClientSecretRequest['purpose']): Promise<RelinkOutcome> {
    const attempt = ++this.#attempts;
    // A new relink ends any payment-method step still waiting.
    this.#payment?.abort();
    this.#payment = null;
    const controller = new AbortController();
    this.#controller = controller;
    const last = this.#last;
    const fetchSecret = asFunction(this.fetchClientSecret);
    const request: ClientSecretRequest = {
      purpose,
      authorization: last.authorization,
      account: purpose === 'authorization_retry' ? null : last.account,
      previousSessionId: last.sessionId,
      signal: controller.signal,
    };
    // Busy before anyone hears of it: a start listener calling start() gets this same attempt.
    let settle!: (outcome: RelinkOutcome) => void;
    const running = new Promise<RelinkOutcome>((resolve) => (settle = resolve));
    this.#current = running;
    this.#focusWasInside = this.#hasFocus();
    this.#setState('loading');
    this.dispatchEvent(new FcRelinkStartEvent({ attempt, purpose }));
    let outcome: Promise<RelinkOutcome>;
    try {
      // Which secret is sent is decided in core (chooseClientSecret), from these.
      outcome = runRelinkAttempt({
        stripe: this.#stripeSource(),
        purpose,
        clientSecret: this.clientSecret,
        fetchClientSecret: fetchSecret ? () => fetchSecret.call(this, request) : null,
        usedSecrets: this.#usedSecrets,
        existingAccountIds: this.existingAccountIds ?? undefined,
        signal: controller.signal,
        onOpen: (secret) => {
          this.#remember(secret);
          this.#opened = true;
          this.#setState('open');
        },
      });
    } catch (thrown) {
      // A property the page set threw when read (a getter, a proxy): the attempt still settles.
      outcome = Promise.resolve(relinkError('unexpected', `A property threw: ${describeThrown(thrown)}`));
    }
    // runRelinkAttempt never rejects (every failure is an outcome), and `running` hands its
    // outcome to the callers.
    void outcome.then((value) => settle(this.#settle(value, controller)));
    return running;
  }

  #remember(secret: string): void {
    this.#usedSecrets.add(secret);
    if (this.#usedSecrets.size > MAX_USED_SECRETS) this.#usedSecrets.delete(this.#usedSecrets.values().next().value!);
  }

  #settle(outcome: RelinkOutcome, controller: AbortController): RelinkOutcome {
    if (this.#controller === controller) this.#controller = null;
    this.#current = null;
    if (outcome.type !== 'error') {
      this.#last = {
        authorization: outcome.requestedAuthorization,
        account: outcome.requestedAccount,
        sessionId: outcome.sessionId || null,
      };
    }
    // Stripe's window took focus while it was open, or focus was on something of the element's
    // (a fallback button that is gone now): give it back to the trigger.
    const refocus = this._state === 'open' || this.#focusWasInside || this.#hasFocus();
    this._outcome = outcome;
    this.#setState(stateOf[outcome.type]);
    this.dispatchEvent(settleEvent(outcome));
    // Focus is a side effect: nobody waits for it.
    if (refocus) void this.#returnFocus();
    if (outcome.type === 'success' && outcome.needsNewPaymentMethod === true) this.#beginPaymentStep(outcome);
    return outcome;
  }

  /**
   * After a relink that left the old payment method behind: the mandate, when the page turned the
   * step on. The SetupIntent secret is asked for at once, while the step's code loads, so the
   * accept click confirms within its own task.
   */
  #beginPaymentStep(success: RelinkSuccess): void {
    const fetchSecret = asFunction(this.fetchSetupIntentSecret);
    const account = success.accounts.find((a) => a.isNew) ?? success.accounts[0];
    if (!fetchSecret || !account || !this.isConnected) return;
    if (!this.businessName && !this.querySelector(':scope > [slot="mandate"]')) {
      this.dispatchEvent(
        new FcRelinkErrorEvent(
          relinkError('missing_configuration', 'The payment step needs businessName or mandate slot text.'),
        ),
      );
      return;
    }
    const attempt = this.#attempts;
    const controller = new AbortController();
    const request: SetupIntentRequest = { account, sessionId: success.sessionId, signal: controller.signal };
    const ask = (): Promise<unknown> => new Promise((resolve) => resolve(fetchSecret.call(this, request)));
    const host: PaymentStepHost = {
      element: this,
      account,
      controller,
      // Asked now, while the step's code loads.
      first: ask(),
      ask,
      used: this.#usedSetupSecrets,
      stripe: () => this.#stripeSource().peek(),
      setState: (state) => this.#setState(state),
      focus: (part) => void this.#focusPart(part),
      returnFocus: () => void this.#returnFocus(),
    };
    // A rejection is read by the step; none is left unhandled meanwhile.
    host.first.catch(() => {});
    void import('./mandate.js').then(({ PaymentStep }) => {
      // A new relink began meanwhile, or the element left: no mandate for this one.
      if (attempt !== this.#attempts || this.#current || !this.isConnected) return controller.abort();
      this.#payment = new PaymentStep(host);
      this.#setState('mandate');
      void this.#focusPart('mandate');
    });
  }

  /**
   * Does what the mandate's accept button does: confirms the new payment method with
   * `stripe.confirmUsBankAccountSetup` (within the caller's task when the SetupIntent secret is
   * already there). Resolves with the new payment method (`fc-relink-payment-method`), or the
   * error (`fc-relink-error`; the mandate stays, to accept again), or `null` when the element is
   * not showing the mandate. Never rejects.
   */
  confirmPaymentMethod(): Promise<PaymentMethodReplaced | RelinkError | null> {
    return this._state === 'mandate' && this.#payment ? this.#payment.confirm() : Promise.resolve(null);
  }

  /** Moves focus to one of the element's parts once it is rendered. */
  async #focusPart(part: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[part="${part}"]`)?.focus();
  }

  #hasFocus(): boolean {
    return this.matches(':focus-within');
  }

  #setState(next: FcRelinkState): void {
    this._state = next;
    this.setAttribute('state', next);
  }

  async #returnFocus(): Promise<void> {
    await this.updateComplete;
    if (!this.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== this && !this.contains(active)) return;
    const slotted = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="trigger"]')?.assignedElements()[0] as HTMLElement | undefined;
    (slotted ?? this.renderRoot.querySelector<HTMLElement>('[part="trigger"]'))?.focus();
  }

  #preloadNow = (): void => {
    this.#cancelPreload?.();
    try {
      const source = this.#stripeSource();
      // Only warms the cache: load() never rejects, and start() meets any failure again.
      if (!source.error && (this.stripe || this.publishableKey)) void source.load();
    } catch {
      // A property that throws when read: start() reports it as its outcome.
    }
  };

  #schedulePreload(): void {
    this.#cancelPreload?.();
    this.#cancelPreload = null;
    const mode = PRELOAD_MODES.has(this.preload) ? this.preload : 'idle';
    if (mode === 'eager') {
      this.#preloadNow();
    } else if (mode === 'idle') {
      const id = window.requestIdleCallback?.(this.#preloadNow, { timeout: 2000 }) ?? window.setTimeout(this.#preloadNow, 1);
      this.#cancelPreload = () => (window.cancelIdleCallback ?? window.clearTimeout)(id);
    } else if (mode === 'intent') {
      const events = ['pointerenter', 'focusin', 'touchstart'] as const;
      for (const type of events) this.addEventListener(type, this.#preloadNow, { passive: true });
      this.#cancelPreload = () => {
        for (const type of events) this.removeEventListener(type, this.#preloadNow);
      };
    }
  }

  #onConfirmClick = (): void => {
    // confirmPaymentMethod() never rejects, and its outcome reaches the page as an event.
    if (!this.disabled) void this.confirmPaymentMethod();
  };

  #onTriggerClick = (): void => {
    // start() never rejects, and its outcome reaches the page as an event. While the mandate
    // shows, the trigger waits: the customer accepts (or the page starts over with start()).
    if (!this.disabled && this._state !== 'mandate' && this._state !== 'confirming') void this.start();
  };

  /** The built-in language the element speaks: `locale`, else the nearest `lang`, else English. */
  #language(): BuiltInLanguage {
    return builtInLanguage(this.locale || nearestLang(this));
  }

  #statusText(s: FcRelinkStrings, lang: BuiltInLanguage): string {
    const outcome = this._outcome;
    switch (this._state) {
      case 'loading':
        return s.loading;
      case 'open':
        return s.open;
      case 'succeeded':
        return outcome?.type === 'success' ? s[outcome.kind] : '';
      case 'failed':
        return outcome?.type === 'failure' ? s[outcome.reason] : '';
      case 'errored':
        return outcome?.type === 'error' && outcome.retryable ? s.error_retryable : s.error;
      case 'mandate':
      case 'confirming':
      case 'completed':
        return this.#payment?.statusText(this._state, lang, this.strings) ?? '';
      default:
        return '';
    }
  }

  #offeredFallbacks(failure: RelinkFailure): RelinkFallback[] {
    return failure.fallbacks.filter((f) => f === 'new_payment_method' || asFunction(this.fetchClientSecret));
  }

  #onFallbackClick = (event: Event): void => {
    const fallback = (event.currentTarget as HTMLElement).dataset.fallback as RelinkFallback;
    // chooseFallback() never rejects, and its outcome reaches the page as an event.
    if (!this.disabled) void this.chooseFallback(fallback);
  };

  /** The strings in use, made again only when the language or the page's overrides change. */
  #strings: { lang: string; from: unknown; base: FcRelinkStrings; merged: FcRelinkStrings } | null = null;

  #stringsFor(lang: BuiltInLanguage): FcRelinkStrings {
    const base = loadedStrings(lang) ?? loadedStrings('en')!;
    if (this.#strings?.lang !== lang || this.#strings.from !== this.strings || this.#strings.base !== base) {
      this.#strings = { lang, from: this.strings, base, merged: withOverrides(base, this.strings) };
    }
    return this.#strings.merged;
  }

  /** Renders once the language's strings are there: a Japanese page never shows English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const lang = this.#language();
    return loadedStrings(lang) ? super.scheduleUpdate() : loadBuiltInStrings(lang).then(() => super.scheduleUpdate());
  }

  protected override render() {
    // The text carries its language, for screen readers when it differs from the page's.
    const lang = this.#language();
    const s = this.#stringsFor(lang);
    const busy = this._state === 'loading' || this._state === 'open';
    const outcome = this._outcome;
    const retryLabel = this._state === 'errored' && outcome?.type === 'error' && outcome.retryable;
    const failure = this._state === 'failed' && outcome?.type === 'failure' ? outcome : null;
    const fallbacks = failure ? this.#offeredFallbacks(failure) : [];
    const mandate = this._state === 'mandate' || this._state === 'confirming' ? this.#payment : null;
    return html`
      <slot name="trigger" @click=${this.#onTriggerClick}>
        <button part="trigger" type="button" lang=${lang} ?disabled=${this.disabled || mandate !== null} aria-busy=${busy ? 'true' : 'false'}>
          <slot>${retryLabel ? s.retry : s.trigger}</slot>
        </button>
      </slot>
      <div part="status" role="status" aria-live="polite" lang=${lang}>${this.#statusText(s, lang)}</div>
      ${fallbacks.length
        ? html`<div part="fallbacks" role="group" aria-label=${s.fallbacks} lang=${lang}>
            ${fallbacks.map(
              (f) => html`<button part="fallback" type="button" data-fallback=${f} ?disabled=${this.disabled} @click=${this.#onFallbackClick}>
                ${s[f === 'retry' ? 'retry' : f]}
              </button>`,
            )}
          </div>`
        : nothing}
      ${mandate
        ? mandate.render({
            lang,
            businessName: typeof this.businessName === 'string' ? this.businessName.slice(0, 200) : '',
            busy: this._state === 'confirming',
            disabled: Boolean(this.disabled),
            overrides: this.strings,
            onConfirm: this.#onConfirmClick,
          })
        : nothing}
    `;
  }
}
