import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { PaymentMethodReplaced, RelinkError, RelinkFallback, RelinkOutcome, StripeLike } from '@fc-relink/core';
import type { Stripe, StripeConstructorOptions } from '@stripe/stripe-js';
import { PROPERTIES } from './properties.js';
import { RelinkController } from './relink-controller.js';
import { builtInLanguage, loadBuiltInStrings, loadedStrings, withOverrides, type BuiltInLanguage, type FcRelinkStrings } from './strings.js';
import { styles } from './styles.js';
import type { ClientSecretRequest, FcRelinkPreload, FcRelinkPropertyName, FcRelinkState, SetupIntentRequest } from './types.js';
import { readProperty } from './util.js';

export type { FcRelinkPropertyName };

/** What an attempt needs the page to have set: a secret (or a way to fetch one) and a Stripe source. */
const CONFIGURATION = ['clientSecret', 'fetchClientSecret', 'publishableKey', 'stripe'] as const;

/** The first signs of intent, for `preload="intent"`. */
const INTENT_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

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
   * `en`, `es`, `ja` or `de` built in; by default the nearest `lang`.
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
   * Turns on the hosted fallback (SPEC section 13): when Stripe.js cannot load or run on the page,
   * the element offers to continue on Stripe's site, and asks this for the URL of a hosted relink
   * session (`createHostedRelinkSession` on the server). Only `https://` URLs on `stripe.com` are
   * followed.
   */
  fetchHostedRelinkUrl: ((request: ClientSecretRequest) => Promise<string>) | null = null;

  /**
   * The business named in the built-in ACH mandate text.
   * @attr business-name
   */
  businessName = '';

  /** The one owner of this element's relinks: what it shows comes from there. */
  readonly #relink = new RelinkController(this);
  /** The language of the update under way. */
  #lang: BuiltInLanguage = 'en';

  /** The flow state; also the `state` attribute, for styling. Read-only. */
  get state(): FcRelinkState {
    return this.#relink.status;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'state'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    // `state` is the element's to write: a page's write is put back at once.
    if (name === 'state') {
      if (value !== this.state) this.setAttribute('state', this.state);
      return;
    }
    super.attributeChangedCallback(name, old, value);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#schedulePreload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#cancelPreload();
  }

  /**
   * Also waits for the code that runs a relink and for the language's strings, so a test (or a
   * page) that awaits it finds the element ready to click, in its language.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let updated = await super.getUpdateComplete();
    await this.#relink.ready();
    const load = this.#langLoad;
    if (load && !load.done) {
      await load.ready;
      updated = await super.getUpdateComplete();
    }
    return updated;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#lang = builtInLanguage(readProperty(this, 'locale') || nearestLang(this));
    // Clicked before the page had configured it (a server-rendered page not yet hydrated): once
    // what was missing is set, the trigger is back instead of an error nobody can act on.
    const { status, outcome } = this.#relink;
    if (status === 'errored' && outcome?.type === 'error' && outcome.code === 'missing_configuration' && CONFIGURATION.some((name) => changed.has(name))) {
      this.#relink.reset();
    }
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
    return this.#relink.start();
  }

  /**
   * Returns a settled element (`succeeded`, `failed`, `errored`, `completed`) to `idle`, with its
   * trigger, for a page that allows another relink. Does nothing while an attempt or the
   * payment step is under way.
   */
  reset(): void {
    this.#relink.reset();
  }

  /**
   * Does what a fallback button does: dispatches the cancelable `fc-relink-fallback` and, unless
   * it is prevented, starts a new attempt for `retry` or `authorization_retry` with a secret from
   * `fetchClientSecret`. Only a fallback the last failure offered runs; any other resolves `null`
   * and dispatches nothing. Resolves with that attempt's outcome, or `null` when none runs.
   */
  chooseFallback(fallback: RelinkFallback): Promise<RelinkOutcome | null> {
    return this.#relink.chooseFallback(fallback);
  }

  /**
   * Does what the mandate's accept button does: confirms the new payment method with
   * `stripe.confirmUsBankAccountSetup` (within the caller's task when the SetupIntent secret is
   * already there). Resolves with the new payment method (`fc-relink-payment-method`), or the
   * error (`fc-relink-error`; the mandate stays, to accept again), or `null` when the element is
   * not showing the mandate. Never rejects.
   */
  confirmPaymentMethod(): Promise<PaymentMethodReplaced | RelinkError | null> {
    return this.#relink.confirmPaymentMethod();
  }

  #preloadNow = (): void => {
    this.#cancelPreload();
    // Only warms the cache: start() meets any failure again.
    this.#relink.preload();
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
    const { status: state, outcome, flow } = this.#relink;
    const disabled = Boolean(readProperty(this, 'disabled'));
    const fallbacks = flow?.offeredFallbacks() ?? [];
    // The trigger: before and during an attempt; after one, only as a retry that can help.
    // (After an error the hosted fallback is another way, not the same one: a retryable error keeps its retry.)
    const retry = (state === 'errored' && outcome?.type === 'error' && outcome.retryable) || (state === 'failed' && !fallbacks.length);
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
        ${flow ? flow.statusText(s, lang, fallbacks) : state === 'errored' ? s.error_retryable : ''}
      </div>
      ${flow ? flow.renderAfterStatus(s, lang, fallbacks) : nothing}
    `;
  }
}

/** The properties a page sets, with their types. The React and Vue bindings type their props from it. */
export type FcRelinkProperties = Pick<FcRelinkElement, FcRelinkPropertyName>;
