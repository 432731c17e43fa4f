import { LitElement, html, nothing, type PropertyValues } from 'lit';
import type { PaymentMethodReplaced, RelinkError, RelinkFallback, RelinkOutcome, StripeLike } from '@fc-relink/core';
import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
import { FcRelinkErrorEvent, FcRelinkStartEvent } from './events.js';
import type * as FlowModuleNamespace from './flow.js';
import type { Flow, FlowHost } from './flow.js';
import { builtInLanguage, loadBuiltInStrings, loadedStrings, withOverrides, type BuiltInLanguage, type FcRelinkStrings } from './strings.js';
import { styles } from './styles.js';
import type { ClientSecretRequest, FcRelinkPreload, FcRelinkState, SetupIntentRequest } from './types.js';

/**
 * The properties a page sets on `<fc-relink>`; the read-only `state` is not one. The React and
 * Vue bindings type their props from it.
 */
export type FcRelinkPropertyName =
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
  | 'businessName';

/** The attributes the element reads, and the property each one sets. */
const ATTRIBUTE_PROPERTIES: Readonly<Record<string, FcRelinkPropertyName>> = {
  'client-secret': 'clientSecret',
  'publishable-key': 'publishableKey',
  'stripe-account': 'stripeAccount',
  preload: 'preload',
  disabled: 'disabled',
  locale: 'locale',
  'business-name': 'businessName',
};

/** The first signs of intent, for `preload="intent"`. */
const INTENT_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

/**
 * The code that runs a relink (./flow.ts): asked for when the first element connects, after the
 * page's first render; once it is in, every element calls it synchronously.
 */
type FlowModule = typeof FlowModuleNamespace;
let flowModule: FlowModule | null = null;
let flowLoading: Promise<FlowModule | null> | null = null;
/** Why the flow's code did not load, the last time it did not. */
let flowFailure: unknown = null;

/** The outcome of an attempt whose code did not load: retryable, the next attempt loads it again. */
const flowUnavailable = (thrown: unknown): RelinkError => ({
  type: 'error',
  code: 'unexpected',
  message: `fc-relink could not load the code that opens Stripe (${thrown instanceof Error ? thrown.name : 'offline?'}); try again.`,
  retryable: true,
  stripeError: null,
});
const startEvent = (attempt: number): Event => new FcRelinkStartEvent({ attempt, purpose: 'initial' });
const errorEvent = (outcome: RelinkError): Event => new FcRelinkErrorEvent(outcome);

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

/** The `lang` of the closest ancestor that has one, crossing shadow roots. */
function nearestLang(node: Element): string {
  const own = node.getAttribute('lang');
  if (own) return own;
  const parent = parentOf(node);
  if (!parent) return '';
  // Elements rendered together mostly share a parent: its language is read once per task.
  if (langOfParent?.parent === parent) return langOfParent.lang;
  let lang = '';
  for (let el: Element | null = parent; el && !lang; el = parentOf(el)) lang = el.getAttribute('lang') ?? '';
  if (!langOfParent) setTimeout(() => (langOfParent = null));
  langOfParent = { parent, lang };
  return lang;
}

/** The parent element, or the host of the shadow root `el` is in. */
const parentOf = (el: Element): Element | null => el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null);

/** The last parent whose nearest `lang` was read, forgotten at the end of the task. */
let langOfParent: { parent: Element; lang: string } | null = null;

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

  // The public properties are the element's own, not declared to Lit: Lit would walk every
  // declared property for every new element (to save values set before the upgrade, and again on
  // the first update), which was most of what mounting cost beyond rendering. Each getter below
  // answers its default while unset (null or undefined); the values a page sets are kept together
  // (#setProperty); attributes are read in attributeChangedCallback.

  /** The properties the page set; made when it sets the first one. */
  #set?: Partial<FcRelinkProperties>;

  /**
   * Keeps a property the page set and asks Lit for an update. Before the first update there is
   * nothing to compare with (the first render reads every property), so none is named to Lit.
   */
  #setProperty<K extends FcRelinkPropertyName>(name: K, value: FcRelinkProperties[K]): void {
    const old = this[name];
    (this.#set ??= {})[name] = value;
    if (this.hasUpdated) this.requestUpdate(name, old);
    else if (!this.isUpdatePending) this.requestUpdate();
  }

  /**
   * The client secret of a Financial Connections Session created with `relink_options`. Never reflected.
   * @attr client-secret
   * @default ''
   */
  get clientSecret(): string {
    return this.#set?.clientSecret ?? '';
  }
  set clientSecret(value: string) {
    this.#setProperty('clientSecret', value);
  }

  /**
   * Asked for a secret when `clientSecret` is empty, and for every retry.
   * @default null
   */
  get fetchClientSecret(): ((request: ClientSecretRequest) => Promise<string>) | null {
    return this.#set?.fetchClientSecret ?? null;
  }
  set fetchClientSecret(value: ((request: ClientSecretRequest) => Promise<string>) | null) {
    this.#setProperty('fetchClientSecret', value);
  }

  /**
   * Your publishable key (`pk_test_`/`pk_live_`); Stripe.js is loaded through `@stripe/stripe-js/pure`.
   * @attr publishable-key
   * @default ''
   */
  get publishableKey(): string {
    return this.#set?.publishableKey ?? '';
  }
  set publishableKey(value: string) {
    this.#setProperty('publishableKey', value);
  }

  /**
   * A Connect account id, passed to Stripe.
   * @attr stripe-account
   * @default ''
   */
  get stripeAccount(): string {
    return this.#set?.stripeAccount ?? '';
  }
  set stripeAccount(value: string) {
    this.#setProperty('stripeAccount', value);
  }

  /**
   * Options for the Stripe constructor (locale, apiVersion, betas).
   * @default null
   */
  get stripeOptions(): StripeConstructorOptions | null {
    return this.#set?.stripeOptions ?? null;
  }
  set stripeOptions(value: StripeConstructorOptions | null) {
    this.#setProperty('stripeOptions', value);
  }

  /**
   * A Stripe instance the page already has (or a promise of one). Wins over `publishableKey`.
   * @default null
   */
  get stripe(): Stripe | StripeLike | Promise<Stripe | StripeLike | null> | null {
    return this.#set?.stripe ?? null;
  }
  set stripe(value: Stripe | StripeLike | Promise<Stripe | StripeLike | null> | null) {
    this.#setProperty('stripe', value);
  }

  /**
   * Account ids the page already knows, to tell new accounts from existing ones.
   * @default null
   */
  get existingAccountIds(): string[] | null {
    return this.#set?.existingAccountIds ?? null;
  }
  set existingAccountIds(value: string[] | null) {
    this.#setProperty('existingAccountIds', value);
  }

  /**
   * When Stripe.js loads.
   * @attr preload
   * @default 'idle'
   */
  get preload(): FcRelinkPreload {
    return this.#set?.preload ?? 'idle';
  }
  set preload(value: FcRelinkPreload) {
    this.#setProperty('preload', value);
  }

  /**
   * Ignores the user's clicks. `start()` still runs when the page calls it.
   * @attr disabled
   * @default false
   */
  get disabled(): boolean {
    return this.#set?.disabled ?? false;
  }
  set disabled(value: boolean) {
    this.#setProperty('disabled', value);
  }

  /**
   * `en`, `ja` or `de` built in; by default the nearest `lang`.
   * @attr locale
   * @default ''
   */
  get locale(): string {
    return this.#set?.locale ?? '';
  }
  set locale(value: string) {
    this.#setProperty('locale', value);
  }

  /**
   * Overrides for any of the built-in strings.
   * @default null
   */
  get strings(): Partial<FcRelinkStrings> | null {
    return this.#set?.strings ?? null;
  }
  set strings(value: Partial<FcRelinkStrings> | null) {
    this.#setProperty('strings', value);
  }

  /**
   * Turns on the payment-method step (SPEC section 9): after a relink that ends on a new account,
   * asked at once for a SetupIntent client secret (`seti_..._secret_...`) for that account.
   * @default null
   */
  get fetchSetupIntentSecret(): ((request: SetupIntentRequest) => Promise<string>) | null {
    return this.#set?.fetchSetupIntentSecret ?? null;
  }
  set fetchSetupIntentSecret(value: ((request: SetupIntentRequest) => Promise<string>) | null) {
    this.#setProperty('fetchSetupIntentSecret', value);
  }

  /**
   * The business named in the built-in ACH mandate text.
   * @attr business-name
   * @default ''
   */
  get businessName(): string {
    return this.#set?.businessName ?? '';
  }
  set businessName(value: string) {
    this.#setProperty('businessName', value);
  }

  /** The flow state (rendered, and reflected as the `state` attribute). */
  #state: FcRelinkState = 'idle';
  /** The outcome the latest settled attempt showed. */
  #outcome: RelinkOutcome | null = null;

  #attempts = 0;
  /** The language of the update under way, read once per update. */
  #lang: BuiltInLanguage = 'en';
  /** This element's relinks, once the flow's code is in. */
  #flowInstance: Flow | null = null;
  /** A start() made before the flow's code was in. */
  #starting: Promise<RelinkOutcome> | null = null;

  /** The flow state; also the `state` attribute, for styling. Read-only. */
  get state(): FcRelinkState {
    return this.#state;
  }

  constructor() {
    super();
    // A property a page set before the element was defined is an own property that hides the
    // accessor: it goes through the accessor now. Only an element that existed before it was
    // defined can have one, and an element being created has no place, attribute or child yet,
    // so most elements skip the look. (Missed: a lone element, with nothing but properties, that
    // the page upgrades with customElements.upgrade() before connecting it; it reads them all the
    // same, but setting them again would not update it.)
    if (!this.parentNode && !this.hasAttributes() && !this.hasChildNodes()) return;
    for (const name of OWN_PROPERTIES) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = Reflect.get(this, name);
      Reflect.deleteProperty(this, name);
      Reflect.set(this, name, value);
    }
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...Object.keys(ATTRIBUTE_PROPERTIES), 'state'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // `state` is the element's to write: a page's write is put back at once.
    if (name === 'state') {
      if (value !== this.#state) this.setAttribute('state', this.#state);
      return;
    }
    const property = Object.hasOwn(ATTRIBUTE_PROPERTIES, name) ? ATTRIBUTE_PROPERTIES[name] : undefined;
    // `disabled` is there or not; a removed attribute puts its property back to its default.
    if (property) Reflect.set(this, property, property === 'disabled' ? value !== null : value);
    else super.attributeChangedCallback(name, old, value);
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

  /** Also waits for the code that runs a relink, so a test (or a page) that awaits it can click at once. */
  protected override getUpdateComplete(): Promise<boolean> {
    const done = super.getUpdateComplete();
    return flowModule ? done : done.then((updated) => loadFlow().then(() => updated));
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

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.isConnected) return;
    // Not on the first update: the preload scheduled on connect reads the properties when it
    // runs, except an eager one, which ran at once and runs again now (a page commonly sets its
    // key just after connecting the element; what it already loaded is not loaded twice).
    if (!this.hasUpdated) {
      if (this.preload === 'eager') this.#preloadNow();
      return;
    }
    // A new Stripe source, or a new preload mode, gets its own preload.
    const sourceChanged = changed.has('stripe') || changed.has('publishableKey') || changed.has('stripeAccount') || changed.has('stripeOptions');
    if (changed.has('preload') || sourceChanged) this.#schedulePreload();
  }

  /**
   * Opens Stripe's relink flow. Resolves with the outcome the settling event carries; never
   * rejects. While an attempt runs, returns that attempt's promise.
   */
  start(): Promise<RelinkOutcome> {
    const flow = this.#flow();
    if (flow) return flow.start();
    // Clicked before the flow's code came: it runs as soon as it is in, once for every such call.
    if (!this.#starting) {
      const starting = loadFlow().then((module) => (module ? this.#flow()!.start() : this.#couldNotLoad(flowFailure)));
      this.#starting = starting;
      void starting.then(() => {
        if (this.#starting === starting) this.#starting = null;
      });
    }
    return this.#starting;
  }

  /** The flow's code did not load: this attempt ends as a retryable error, the next one tries again. */
  #couldNotLoad(thrown: unknown): RelinkOutcome {
    const outcome = flowUnavailable(thrown);
    this.dispatchEvent(startEvent(++this.#attempts));
    this.#outcome = outcome;
    this.#setState('errored');
    this.dispatchEvent(errorEvent(outcome));
    return outcome;
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

  #preloadNow(): void {
    this.#cancelPreload();
    // Only warms the cache: start() meets any failure again.
    void loadFlow().then((module) => module && this.#flow()!.preload());
  }

  /** Elements waiting for the browser to be idle: one idle callback for all of them. */
  static #idle = new Set<FcRelinkElement>();

  static #onIdle(): void {
    const waiting = [...FcRelinkElement.#idle];
    FcRelinkElement.#idle.clear();
    for (const element of waiting) element.#preloadNow();
  }

  /** What this element's preload waits for: the browser to be idle, the first sign of intent, or nothing. */
  #waitingFor: 'idle' | 'intent' | null = null;

  #cancelPreload(): void {
    if (this.#waitingFor === 'idle') FcRelinkElement.#idle.delete(this);
    else if (this.#waitingFor === 'intent') for (const type of INTENT_EVENTS) this.removeEventListener(type, this.#preloadNow);
    this.#waitingFor = null;
  }

  #schedulePreload(): void {
    this.#cancelPreload();
    const mode = this.preload;
    if (mode === 'eager') {
      this.#preloadNow();
    } else if (mode === 'intent') {
      // Called with the element as `this`, so no bound copy per element.
      for (const type of INTENT_EVENTS) this.addEventListener(type, this.#preloadNow, { passive: true });
      this.#waitingFor = 'intent';
    } else if (mode !== 'none') {
      // `idle`, and any value that is not a mode.
      if (FcRelinkElement.#idle.size === 0) {
        if (window.requestIdleCallback) window.requestIdleCallback(FcRelinkElement.#onIdle, { timeout: 2000 });
        else window.setTimeout(FcRelinkElement.#onIdle, 1);
      }
      FcRelinkElement.#idle.add(this);
      this.#waitingFor = 'idle';
    }
  }

  protected override firstUpdated(): void {
    // A function listener of its own, added once: a template's @click adds an object whose
    // handleEvent the browser looks up on every event, a measurable part of the click's way to
    // Stripe (BENCHMARKS.md).
    this.renderRoot.querySelector('slot[name="trigger"]')?.addEventListener('click', () => this.#onTriggerClick());
  }

  #onTriggerClick(): void {
    // start() never rejects, and its outcome reaches the page as an event. While the mandate
    // shows, the trigger waits: the customer accepts (or the page starts over with start()).
    if (!this.disabled && this.#state !== 'mandate' && this.#state !== 'confirming') void this.start();
  }

  /** The built-in language the element speaks: `locale`, else the nearest `lang`, else English. */
  #language(): BuiltInLanguage {
    return builtInLanguage(this.locale || nearestLang(this));
  }

  /** The strings in use, made again only when the language or the page's overrides change. */
  #merged: { lang: string; from: unknown; base: FcRelinkStrings; merged: FcRelinkStrings } | null = null;

  #stringsFor(lang: BuiltInLanguage): FcRelinkStrings {
    const base = loadedStrings(lang) ?? loadedStrings('en')!;
    // Without overrides the built-in strings serve as they are, and nothing is kept per element.
    if (this.strings === null) return base;
    if (this.#merged?.lang !== lang || this.#merged.from !== this.strings || this.#merged.base !== base) {
      this.#merged = { lang, from: this.strings, base, merged: withOverrides(base, this.strings) };
    }
    return this.#merged.merged;
  }

  /** Renders once the language's strings are there: a Japanese page never shows English first. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const lang = (this.#lang = this.#language());
    return loadedStrings(lang) ? super.scheduleUpdate() : loadBuiltInStrings(lang).then(() => super.scheduleUpdate());
  }

  protected override render() {
    // The text carries its language, for screen readers when it differs from the page's.
    const lang = this.#lang;
    const s = this.#stringsFor(lang);
    const state = this.#state;
    const outcome = this.#outcome;
    const retryLabel = state === 'errored' && outcome?.type === 'error' && outcome.retryable;
    // Every state but these two and `idle` comes from the flow (an error too, once its code is in).
    const flow = this.#flowInstance;
    return html`
      <slot name="trigger">
        <button part="trigger" type="button" lang=${lang} ?disabled=${this.disabled || state === 'mandate' || state === 'confirming'} aria-busy=${state === 'loading' || state === 'open' ? 'true' : 'false'}>
          <slot>${retryLabel ? s.retry : s.trigger}</slot>
        </button>
      </slot>
      <div part="status" role="status" aria-live="polite" lang=${lang}>${flow ? flow.statusText(s, lang) : retryLabel ? s.error_retryable : ''}</div>
      ${flow ? flow.renderAfterStatus(s, lang) : nothing}
    `;
  }
}

/** The properties a page sets, with their types (`Pick` also checks every name is one). */
export type FcRelinkProperties = Pick<FcRelinkElement, FcRelinkPropertyName>;

/** The properties a page sets (those with a setter), for values set before the upgrade. */
const OWN_PROPERTIES = Object.entries(Object.getOwnPropertyDescriptors(FcRelinkElement.prototype))
  .filter(([, descriptor]) => descriptor.set)
  .map(([name]) => name);
