// What runs a relink, loaded as soon as the element is on the page but after its first render (a
// chunk of its own, so a page downloads only the button and its text before it can show them):
// the Stripe source, attempts and their settlement, fallbacks, the start of the payment-method
// step, and what the element shows once an attempt began (the status text, the fallback buttons,
// where focus goes). By the time a person clicks, it is in, so the click still reaches Stripe
// within its own task. It plugs into the element's RelinkController (the one owner of its runs,
// seen here as a `RunOwner`) and changes what the element shows only through it.
import {
  checkHostedRelinkUrl,
  checkSetupIntentSecret,
  describeThrown,
  instanceSource,
  publishableKeySource,
  relinkError,
  runRelinkAttempt,
  type PaymentMethodReplaced,
  type RelinkError,
  type RelinkFailure,
  type RelinkFallback,
  type RelinkOutcome,
  type RelinkSuccess,
  type StripeLike,
  type StripeSource,
} from '@fc-relink/core';
import { confirmReplacement } from '@fc-relink/core/setup';
import type { StripeConstructorOptions } from '@stripe/stripe-js';
import { html, nothing, type TemplateResult } from 'lit';
import { FcRelinkErrorEvent, FcRelinkFailureEvent, FcRelinkFallbackEvent, FcRelinkStartEvent, FcRelinkSuccessEvent, type FcRelinkFallbackDetail } from './events.js';
import type { PaymentStep, PaymentStepHost } from './mandate.js';
import type { BuiltInLanguage, FcRelinkStrings } from './strings.js';
import type { ClientSecretRequest, RelinkHostElement, RunOwner, SetupIntentRequest } from './types.js';
import { asFunction, readProperty } from './util.js';

/** Moves focus to one of the element's parts once it is rendered. */
async function focusPart(element: RelinkHostElement, part: string): Promise<void> {
  await element.updateComplete;
  element.renderRoot.querySelector<HTMLElement>(`[part="${part}"]`)?.focus();
}

/**
 * Gives focus back to the trigger (the page's own, when it slotted one), unless it went elsewhere
 * on the page. Where no trigger shows (the repair is done, or fallbacks are the next step), to
 * the first fallback, else to the status that says what happened.
 */
async function returnFocus(element: RelinkHostElement): Promise<void> {
  await element.updateComplete;
  if (!element.isConnected) return;
  const active = document.activeElement;
  if (active && active !== document.body && active !== element && !element.contains(active)) return;
  const root = element.renderRoot;
  const slotted = root.querySelector<HTMLSlotElement>('slot[name="trigger"]')?.assignedElements()[0] as HTMLElement | undefined;
  const first = (part: string): HTMLElement | null => root.querySelector<HTMLElement>(`[part="${part}"]`);
  (slotted ?? first('trigger') ?? first('fallback') ?? first('status'))?.focus();
}

const hasFocus = (element: RelinkHostElement): boolean => element.matches(':focus-within');

const settleEvent = (outcome: RelinkOutcome): Event =>
  outcome.type === 'success'
    ? new FcRelinkSuccessEvent(outcome)
    : outcome.type === 'failure'
      ? new FcRelinkFailureEvent(outcome)
      : new FcRelinkErrorEvent(outcome);

const stateOf = { success: 'succeeded', failure: 'failed', error: 'errored' } as const;

/** How long a page that was sent to Stripe's hosted relink may take to leave before its button is back. */
const HOSTED_LEAVE_MS = 5000;

/** The errors that mean Stripe's window could not open on this page: Stripe's hosted page still can (SPEC section 13). */
const NO_STRIPE_HERE = new Set<RelinkError['code']>(['stripe_load_failed', 'stripe_unavailable']);

/** How many of the secrets that reached Stripe an element remembers (one per attempt). */
const MAX_USED_SECRETS = 50;

/** One element's relinks, for its RelinkController: made when the element first needs it, kept for its life. */
export class Flow {
  /** The Stripe source and the properties it was made from. */
  #source: { stripe: unknown; publishableKey: unknown; stripeAccount: unknown; stripeOptions: unknown; source: StripeSource } | null = null;
  #current: Promise<RelinkOutcome> | null = null;
  /**
   * Aborts what the element waits for when it leaves the page. One for every attempt until then
   * (attempts run one at a time), made with the flow, so a click does not wait for one.
   */
  #controller = new AbortController();
  /** Whether {@link abort} ran since the controller was made (read without asking the signal). */
  #aborted = false;
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
  /** The purpose of the latest attempt: a hosted relink instead of it asks for the same. */
  #lastPurpose: ClientSecretRequest['purpose'] = 'initial';
  /** Whether the page is being sent to Stripe's hosted relink (asked for its URL, or leaving). */
  hosting = false;
  /** Whether focus was inside the element when the running attempt began. */
  #focusWasInside = false;
  /** The payment-method step (loaded when it first begins), from the mandate until a new relink. */
  payment: PaymentStep | null = null;
  /** SetupIntent secrets this element confirmed: none is confirmed twice. */
  #usedSetupSecrets = new Set<string>();

  constructor(private readonly host: RunOwner) {}

  /** The status text of the state the element is in; `offered`: the fallbacks this render shows ({@link offeredFallbacks}). */
  statusText(s: FcRelinkStrings, lang: BuiltInLanguage, offered: readonly RelinkFallback[]): string {
    const state = this.host.status;
    const outcome = this.host.outcome;
    switch (state) {
      case 'loading':
        return s.loading;
      case 'open':
        return s.open;
      case 'succeeded':
        return outcome?.type === 'success' ? s[outcome.kind] : '';
      case 'failed':
        return outcome?.type === 'failure' ? s[outcome.reason] : '';
      case 'errored':
        if (outcome?.type !== 'error') return s.error;
        // Stripe's site as the way on only where Stripe.js could not run and the page can send
        // the customer there; a failed try to get there says so as any retryable error does.
        return NO_STRIPE_HERE.has(outcome.code) && offered.includes('hosted') ? s.error_hosted : outcome.retryable ? s.error_retryable : s.error;
      case 'mandate':
      case 'confirming':
      case 'completed':
        return this.payment?.statusText(state, lang, readProperty(this.element, 'strings')) ?? '';
      default:
        return '';
    }
  }

  /**
   * The fallbacks shown as buttons after the last failure (retries need fetchClientSecret, as a
   * used secret is never sent again), or after an error that kept Stripe's window from opening
   * (`hosted`, which needs fetchHostedRelinkUrl).
   */
  offeredFallbacks(): RelinkFallback[] {
    const from = this.#recoverable();
    if (!from) return [];
    const { element } = this;
    const canFetch = asFunction(readProperty(element, 'fetchClientSecret')) !== null;
    const canHost = asFunction(readProperty(element, 'fetchHostedRelinkUrl')) !== null;
    return from.fallbacks.filter((f) => (f === 'hosted' ? canHost : f === 'new_payment_method' || canFetch));
  }

  /** The failure, or the error, the element shows and that fallbacks can recover from. */
  #recoverable(): RelinkFailure | RelinkError | null {
    const { status, outcome } = this.host;
    return (status === 'failed' && outcome?.type === 'failure') || (status === 'errored' && outcome?.type === 'error') ? outcome : null;
  }

  /**
   * What follows the status: the fallbacks after a failure (`offered`, as {@link offeredFallbacks}
   * gave them for this render), or the mandate after a relink that needs a new payment method.
   */
  renderAfterStatus(s: FcRelinkStrings, lang: BuiltInLanguage, offered: readonly RelinkFallback[]): TemplateResult | typeof nothing {
    const { element, host } = this;
    const state = host.status;
    const disabled = Boolean(readProperty(element, 'disabled'));
    if (offered.length) {
      return html`<div part="fallbacks" role="group" aria-label=${s.fallbacks} lang=${lang}>
        ${offered.map(
          (f) => html`<button
            part="fallback"
            type="button"
            data-fallback=${f}
            ?disabled=${disabled || this.hosting}
            aria-busy=${this.hosting ? 'true' : 'false'}
            @click=${this.#onFallbackClick}
          >
            ${s[f === 'retry' ? 'retry' : f]}
          </button>`,
        )}
      </div>`;
    }
    if ((state === 'mandate' || state === 'confirming') && this.payment) {
      const businessName = readProperty(element, 'businessName');
      return this.payment.render({
        lang,
        businessName: typeof businessName === 'string' ? businessName.slice(0, 200) : '',
        busy: state === 'confirming',
        disabled,
        overrides: readProperty(element, 'strings'),
        onConfirm: this.#onConfirmClick,
      });
    }
    return nothing;
  }

  #onFallbackClick = (event: Event): void => {
    const fallback = (event.currentTarget as HTMLElement).dataset.fallback as RelinkFallback;
    // chooseFallback() never rejects, and its outcome reaches the page as an event.
    if (!readProperty(this.element, 'disabled')) void this.chooseFallback(fallback);
  };

  #onConfirmClick = (): void => {
    // confirmPaymentMethod() never rejects, and its outcome reaches the page as an event.
    if (!readProperty(this.element, 'disabled')) void this.confirmPaymentMethod();
  };

  private get element(): RelinkHostElement {
    return this.host.element;
  }

  start(): Promise<RelinkOutcome> {
    if (this.#current) return this.#current;
    // A fresh secret from the page starts over; otherwise, after Stripe has opened once, it is a retry.
    return this.#run(!this.#opened || this.#hasFreshSecret() ? 'initial' : 'retry');
  }

  /** Whether the page set a secret that has not reached Stripe yet. */
  #hasFreshSecret(): boolean {
    const clientSecret = readProperty(this.host.element, 'clientSecret');
    const secret = typeof clientSecret === 'string' ? clientSecret.trim() : '';
    return secret !== '' && !this.#usedSecrets.has(secret);
  }

  chooseFallback(fallback: RelinkFallback): Promise<RelinkOutcome | null> {
    const { element } = this;
    const from = this.#recoverable();
    // Nothing to fall back from, a fallback it did not offer, or an attempt (or the way to Stripe's
    // hosted page) already under way.
    if (!from || !from.fallbacks.includes(fallback) || this.#current || this.hosting) return Promise.resolve(null);
    // The hosted relink needs the page's way to it (it may have been unset since).
    if (fallback === 'hosted' && !asFunction(readProperty(element, 'fetchHostedRelinkUrl'))) return Promise.resolve(null);
    const event = new FcRelinkFallbackEvent({ fallback, failure: from } as FcRelinkFallbackDetail);
    element.dispatchEvent(event);
    // A listener may have started an attempt of its own: one at a time.
    if (event.defaultPrevented || fallback === 'new_payment_method' || this.#current || this.hosting) return Promise.resolve(null);
    if (fallback === 'hosted') return this.#goHosted(from as RelinkError);
    if (!asFunction(readProperty(element, 'fetchClientSecret'))) return Promise.resolve(null);
    return this.#run(fallback);
  }

  /**
   * Sends the page to Stripe's hosted relink, instead of the attempt that could not open Stripe's
   * window here: asks `fetchHostedRelinkUrl` (with what that attempt would have asked for), checks
   * the URL is Stripe's, and follows it. Resolves `null` once the page is on its way; an answer it
   * will not follow settles as an error the page hears. Never rejects.
   */
  async #goHosted(from: RelinkError): Promise<RelinkError | null> {
    const { element, host } = this;
    const fetchUrl = asFunction<(request: ClientSecretRequest) => unknown>(readProperty(element, 'fetchHostedRelinkUrl'));
    if (!fetchUrl) return null;
    const signal = this.#signal();
    // Before the button it was on is disabled (which takes focus away from it).
    const refocus = hasFocus(element);
    this.hosting = true;
    element.requestUpdate();
    const done = (): void => {
      this.hosting = false;
      element.requestUpdate();
    };
    let answer: string | RelinkError;
    try {
      answer = checkHostedRelinkUrl(await fetchUrl.call(element, this.#request(this.#lastPurpose, signal)));
    } catch (thrown) {
      answer = relinkError('client_secret_fetch_failed', `fetchHostedRelinkUrl rejected: ${describeThrown(thrown)}`);
    }
    // The page moved on meanwhile (a new attempt, reset()): this answer is no longer the next step.
    if (this.#current || host.outcome !== from) {
      done();
      return null;
    }
    if (typeof answer === 'string' && signal.aborted) {
      answer = relinkError('unexpected', 'The element left the page before it was sent to Stripe’s hosted relink; nothing was followed.', { retryable: true });
    }
    if (typeof answer === 'string') {
      // The page leaves for Stripe. If it stays (a beforeunload the customer declined, a webview
      // that hands the URL to the system browser) or comes back from the back-forward cache, the
      // button is there again.
      const back = (event: PageTransitionEvent): void => {
        if (event.persisted) settle();
      };
      const timer = setTimeout(() => settle(), HOSTED_LEAVE_MS);
      const settle = (): void => {
        clearTimeout(timer);
        removeEventListener('pageshow', back);
        done();
      };
      addEventListener('pageshow', back);
      location.assign(answer);
      return null;
    }
    done();
    // A provider that failed may answer next time: the hosted button stays the next step.
    const error: RelinkError = answer.retryable && !signal.aborted ? { ...answer, fallbacks: from.fallbacks } : answer;
    host.setStatus('errored', error);
    element.dispatchEvent(new FcRelinkErrorEvent(error));
    if (refocus) void returnFocus(element);
    return error;
  }

  confirmPaymentMethod(): Promise<PaymentMethodReplaced | RelinkError | null> {
    return this.host.status === 'mandate' && this.payment ? this.payment.confirm() : Promise.resolve(null);
  }

  /**
   * The element left the page: what waits for the page's secret or for Stripe.js ends. Stripe's
   * window, once open, is Stripe's, and the payment step lives as long as its relink.
   */
  abort(): void {
    this.#controller.abort();
    this.#aborted = true;
  }

  /** Back to no relink shown: the payment step is dropped (the element checked nothing runs). */
  reset(): void {
    this.payment?.abort();
    this.payment = null;
  }

  /** Only warms up: Stripe.js loads, so the click finds it at hand. Never throws; start() meets any failure again. */
  preload(): void {
    const { element } = this.host;
    try {
      const source = this.#stripeSource();
      if (!source.error && (readProperty(element, 'stripe') || readProperty(element, 'publishableKey'))) void source.load();
    } catch {
      // A property that throws when read: start() reports it as its outcome.
    }
  }

  /** The Stripe source for the current properties; made again only when they change. */
  #stripeSource(): StripeSource {
    const { element } = this.host;
    const stripe = readProperty(element, 'stripe');
    const publishableKey = readProperty(element, 'publishableKey');
    const stripeAccount = readProperty(element, 'stripeAccount');
    const stripeOptions = readProperty(element, 'stripeOptions');
    const made = this.#source;
    if (made && made.stripe === stripe && made.publishableKey === publishableKey && made.stripeAccount === stripeAccount && made.stripeOptions === stripeOptions) {
      return made.source;
    }
    const source = stripe
      ? instanceSource(stripe as StripeLike | Promise<StripeLike | null>)
      : publishableKeySource({
          // Whatever the page set: core checks each before anything loads.
          publishableKey: publishableKey as string,
          stripeAccount: (stripeAccount || undefined) as string | undefined,
          stripeOptions: (stripeOptions ?? undefined) as StripeConstructorOptions | undefined,
        });
    this.#source = { stripe, publishableKey, stripeAccount, stripeOptions, source };
    return source;
  }

  #run(purpose: ClientSecretRequest['purpose']): Promise<RelinkOutcome> {
    const { element, host } = this;
    const attempt = host.nextAttempt();
    // A new relink ends any payment-method step still waiting.
    this.payment?.abort();
    this.payment = null;
    this.#lastPurpose = purpose;
    const signal = this.#signal();
    // Every property is read once for the attempt; one that throws is read as unset.
    const fetchSecret = asFunction<(request: ClientSecretRequest) => unknown>(readProperty(element, 'fetchClientSecret'));
    // The page's fetchClientSecret, with what it is asked made when it is asked.
    const ask = fetchSecret ? () => Promise.resolve(fetchSecret.call(element, this.#request(purpose, signal))) : null;
    // Busy before anyone hears of it: a start listener calling start() gets this same attempt.
    let settle!: (outcome: RelinkOutcome) => void;
    const running = new Promise<RelinkOutcome>((resolve) => (settle = resolve));
    this.#current = running;
    // Stripe first, when it is at hand: nothing of the element's own stands between the click and
    // Stripe's window. The page hears fc-relink-start right after, in the same task, before
    // anything else of this attempt (a secret it is asked for comes after it too).
    let started = false;
    let opened = false;
    let outcome: Promise<RelinkOutcome>;
    try {
      // Which secret is sent is decided in core (chooseClientSecret), from these.
      outcome = runRelinkAttempt({
        stripe: this.#stripeSource(),
        purpose,
        clientSecret: readProperty(element, 'clientSecret'),
        fetchClientSecret: ask,
        usedSecrets: this.#usedSecrets,
        // Whatever the page set: core reads only an array's strings.
        existingAccountIds: (readProperty(element, 'existingAccountIds') ?? undefined) as readonly string[] | undefined,
        signal,
        onOpen: (secret) => {
          this.#remember(secret);
          this.#opened = true;
          if (started) host.setStatus('open');
          else opened = true;
        },
      });
    } catch (thrown) {
      // A property the page set threw when read (a getter, a proxy): the attempt still settles.
      outcome = Promise.resolve(relinkError('unexpected', `A property threw: ${describeThrown(thrown)}`));
    }
    // Where focus was as the attempt began: Stripe's window takes it only once it is open, and
    // an open window gives focus back to the trigger anyway.
    this.#focusWasInside = hasFocus(element);
    started = true;
    host.setStatus(opened ? 'open' : 'loading');
    element.dispatchEvent(new FcRelinkStartEvent({ attempt, purpose }));
    // runRelinkAttempt never rejects (every failure is an outcome), and `running` hands its
    // outcome to the callers.
    void outcome.then((value) => settle(this.#settle(value)));
    return running;
  }

  /** The signal of what waits for the page now: a new one once the element has left the page and is back. */
  #signal(): AbortSignal {
    if (this.#aborted) {
      this.#controller = new AbortController();
      this.#aborted = false;
    }
    return this.#controller.signal;
  }

  /** What the page is asked for a new secret (or a hosted relink's URL), from what the last session said. */
  #request(purpose: ClientSecretRequest['purpose'], signal: AbortSignal): ClientSecretRequest {
    const last = this.#last;
    return {
      purpose,
      authorization: last.authorization,
      account: purpose === 'authorization_retry' ? null : last.account,
      previousSessionId: last.sessionId,
      signal,
    };
  }

  #remember(secret: string): void {
    this.#usedSecrets.add(secret);
    if (this.#usedSecrets.size > MAX_USED_SECRETS) this.#usedSecrets.delete(this.#usedSecrets.values().next().value!);
  }

  #settle(outcome: RelinkOutcome): RelinkOutcome {
    const { element, host } = this;
    this.#current = null;
    if (outcome.type !== 'error') {
      this.#last = {
        authorization: outcome.requestedAuthorization,
        account: outcome.requestedAccount,
        sessionId: outcome.sessionId || null,
      };
    }
    // Stripe's window could not open here: Stripe's hosted page is the way on, when the page can
    // send the customer there.
    if (outcome.type === 'error' && NO_STRIPE_HERE.has(outcome.code) && asFunction(readProperty(element, 'fetchHostedRelinkUrl'))) {
      outcome = { ...outcome, fallbacks: ['hosted'] };
    }
    // Stripe's window took focus while it was open, or focus was on something of the element's
    // (a fallback button that is gone now): give it back to the trigger.
    const refocus = host.status === 'open' || this.#focusWasInside || hasFocus(element);
    host.setStatus(stateOf[outcome.type], outcome);
    element.dispatchEvent(settleEvent(outcome));
    // Focus is a side effect: nobody waits for it.
    if (refocus) void returnFocus(element);
    if (outcome.type === 'success' && outcome.needsNewPaymentMethod === true) this.#beginPaymentStep(outcome);
    return outcome;
  }

  /**
   * After a relink that left the old payment method behind: the mandate, when the page turned the
   * step on. The SetupIntent secret is asked for at once, while the step's code loads, so the
   * accept click confirms within its own task.
   */
  #beginPaymentStep(success: RelinkSuccess): void {
    const { element, host } = this;
    const fetchSecret = asFunction<(request: SetupIntentRequest) => unknown>(readProperty(element, 'fetchSetupIntentSecret'));
    const account = success.accounts.find((a) => a.isNew) ?? success.accounts[0];
    // The step lives as long as its relink: also on an element taken off the page meanwhile.
    if (!fetchSecret || !account) return;
    if (!readProperty(element, 'businessName') && !element.querySelector(':scope > [slot="mandate"]')) {
      element.dispatchEvent(new FcRelinkErrorEvent(relinkError('missing_configuration', 'The payment step needs businessName or mandate slot text.')));
      return;
    }
    const attempt = host.attempt;
    const controller = new AbortController();
    const request: SetupIntentRequest = { account, sessionId: success.sessionId, signal: controller.signal };
    const ask = (): Promise<unknown> => new Promise((resolve) => resolve(fetchSecret.call(element, request)));
    const step: PaymentStepHost = {
      core: { checkSetupIntentSecret, confirmReplacement, describeThrown, relinkError },
      element,
      account,
      controller,
      // Asked now, while the step's code loads.
      first: ask(),
      ask,
      used: this.#usedSetupSecrets,
      stripe: () => this.#stripeSource().peek(),
      setState: (state) => host.setStatus(state),
      focus: (part) => void focusPart(element, part),
      returnFocus: () => void returnFocus(element),
    };
    // A rejection is read by the step; none is left unhandled meanwhile.
    step.first.catch(() => {});
    void import('./mandate.js').then(
      ({ PaymentStep }) => {
        // A new relink began meanwhile, or the page reset the element: no mandate for this one.
        if (attempt !== host.attempt || this.#current || host.status !== 'succeeded') return controller.abort();
        this.payment = new PaymentStep(step);
        host.setStatus('mandate');
        void focusPart(element, 'mandate');
      },
      (thrown: unknown) => {
        // The relink stands (succeeded, heard by the page); the page hears why no mandate follows.
        controller.abort();
        const message = `fc-relink could not load the payment-method step (${describeThrown(thrown)}); the relink itself succeeded.`;
        element.dispatchEvent(new FcRelinkErrorEvent(relinkError('unexpected', message, { retryable: true })));
      },
    );
  }
}
