// The payment-method step (SPEC section 9): its strings, the built-in ACH mandate text and its
// markup. Loaded when the step first begins, so pages that never replace a payment method never
// download it.
import { html, type TemplateResult } from 'lit';
import type { checkSetupIntentSecret, describeThrown, PaymentMethodReplaced, RelinkedAccount, RelinkError, relinkError, StripeLike } from '@fc-relink/core';
import type { confirmReplacement } from '@fc-relink/core/setup';
import { FcRelinkErrorEvent, FcRelinkPaymentMethodEvent } from './events.js';
import { withOverrides } from './strings.js';

/** Every text of the payment-method step; any of them can be overridden through `strings`. */
export interface FcRelinkMandateStrings {
  /** Announced when the mandate appears. */
  mandate: string;
  /** The accept button. */
  confirm: string;
  /** Announced while Stripe confirms. */
  confirming: string;
  /** Announced once the new payment method is in place. */
  completed: string;
  /** Announced when confirming failed; the customer can accept again. */
  confirm_failed: string;
  /** Accessible name of the mandate region. */
  mandate_label: string;
}

const en: FcRelinkMandateStrings = {
  mandate: 'Your bank is connected. To pay from the new account, read and accept the authorization.',
  confirm: 'Accept and save',
  confirming: 'Saving your new payment method…',
  completed: 'Payment method updated.',
  confirm_failed: 'We couldn’t save your new payment method. Please accept again.',
  mandate_label: 'Debit authorization',
};
const es: FcRelinkMandateStrings = {
  mandate: 'Su banco está conectado. Para pagar desde la nueva cuenta, lea y acepte la autorización.',
  confirm: 'Aceptar y guardar',
  confirming: 'Guardando su nuevo método de pago…',
  completed: 'Método de pago actualizado.',
  confirm_failed: 'No pudimos guardar su nuevo método de pago. Vuelva a aceptar, por favor.',
  mandate_label: 'Autorización de débito',
};
const ja: FcRelinkMandateStrings = {
  mandate: '銀行に接続しました。新しい口座から支払うには、引き落としの承認内容を確認して同意してください。',
  confirm: '同意して保存',
  confirming: '新しい支払い方法を保存しています…',
  completed: '支払い方法を更新しました。',
  confirm_failed: '新しい支払い方法を保存できませんでした。もう一度同意してください。',
  mandate_label: '口座引き落としの承認',
};
const de: FcRelinkMandateStrings = {
  mandate: 'Ihre Bank ist verbunden. Um vom neuen Konto zu zahlen, lesen und bestätigen Sie die Lastschriftermächtigung.',
  confirm: 'Zustimmen und speichern',
  confirming: 'Ihre neue Zahlungsmethode wird gespeichert …',
  completed: 'Zahlungsmethode aktualisiert.',
  confirm_failed: 'Die neue Zahlungsmethode konnte nicht gespeichert werden. Bitte stimmen Sie erneut zu.',
  mandate_label: 'Lastschriftermächtigung',
};
const strings = { en, es, ja, de };


/**
 * The built-in ACH debit authorization, in our own words after Stripe's ACH documentation and
 * NACHA's rules for online authorizations: who may debit (the business), which account, for
 * what, from when and until when, and how to revoke. Have your own reviewed before you rely on it.
 */
const mandateText: Record<keyof typeof strings, (business: string, account: string) => string> = {
  en: (business, account) =>
    `By selecting “Accept and save”, you authorize ${business} to debit ${account} through the ACH network for amounts you owe ${business} under your agreement with them, starting today and for future payments, and to credit that account to correct a debit made in error. This authorization stays in effect until you revoke it. You can revoke it at any time by telling ${business}; allow them a reasonable time (up to 30 days) to act on it.`,
  es: (business, account) =>
    `Al seleccionar “Aceptar y guardar”, usted autoriza a ${business} a debitar de ${account}, a través de la red ACH, los montos que le deba a ${business} según el acuerdo que tiene con ${business}, a partir de hoy y para pagos futuros, y a acreditar en esa cuenta para corregir un débito hecho por error. Esta autorización sigue vigente hasta que usted la revoque. Puede revocarla en cualquier momento avisando a ${business}; dele un plazo razonable (hasta 30 días) para procesar su revocación.`,
  ja: (business, account) =>
    `「同意して保存」を選ぶと、${business} との契約に基づきお支払いいただく金額を、本日以降 ACH ネットワークを通じて${account}から引き落とすこと、また誤った引き落としを訂正するためにその口座へ入金することを ${business} に承認したことになります。この承認は取り消すまで有効です。取り消すには ${business} にお知らせください。手続きには最長 30 日かかることがあります。`,
  de: (business, account) =>
    `Mit „Zustimmen und speichern“ ermächtigen Sie ${business}, Beträge, die Sie ${business} aus Ihrer Vereinbarung schulden, ab heute und für künftige Zahlungen über das ACH-Netz von ${account} abzubuchen und irrtümliche Abbuchungen diesem Konto wieder gutzuschreiben. Die Ermächtigung gilt, bis Sie sie widerrufen. Sie können sie jederzeit gegenüber ${business} widerrufen; geben Sie ${business} dafür eine angemessene Frist (bis zu 30 Tage).`,
};

const accountName: Record<keyof typeof strings, (last4: string | null) => string> = {
  en: (last4) => (last4 ? `the bank account ending in ${last4}` : 'the bank account you just connected'),
  es: (last4) => (last4 ? `la cuenta bancaria que termina en ${last4}` : 'la cuenta bancaria que acaba de conectar'),
  ja: (last4) => (last4 ? `末尾 ${last4} の銀行口座` : '接続した銀行口座'),
  de: (last4) => (last4 ? `dem Bankkonto mit der Endung ${last4}` : 'dem soeben verbundenen Bankkonto'),
};


/**
 * The core functions the step uses, handed over by the relink code that already holds them: a
 * step importing them itself would make a bundler put them in a chunk shared by the two, which
 * the relink code would then wait for (one more round trip before a person can click).
 */
export interface PaymentStepCore {
  checkSetupIntentSecret: typeof checkSetupIntentSecret;
  confirmReplacement: typeof confirmReplacement;
  describeThrown: typeof describeThrown;
  relinkError: typeof relinkError;
}

/** What the element gives its payment-method step. */
export interface PaymentStepHost {
  core: PaymentStepCore;
  element: HTMLElement;
  /** The account the new payment method is made from. */
  account: RelinkedAccount;
  /** Aborted when the element leaves the page or a new relink begins. */
  controller: AbortController;
  /** The page's first answer to `fetchSetupIntentSecret`, asked when the step began. */
  first: Promise<unknown>;
  /** Asks `fetchSetupIntentSecret` again. */
  ask: () => Promise<unknown>;
  /** SetupIntent secrets already confirmed by this element. */
  used: Set<string>;
  stripe: () => StripeLike | undefined;
  setState: (state: 'mandate' | 'confirming' | 'completed') => void;
  focus: (part: 'mandate' | 'confirm') => void;
  returnFocus: () => void;
}

/** What the element renders the mandate with. */
export interface MandateRender {
  lang: keyof typeof strings;
  businessName: string;
  busy: boolean;
  disabled: boolean;
  overrides: unknown;
  onConfirm: (event: Event) => void;
}

/**
 * The payment-method step of one relink: keeps the next SetupIntent secret ready (asked again
 * after each failed confirmation), confirms on accept, and tells the page.
 */
export class PaymentStep {
  /** Whether the last accept failed (the status says so until the next one). */
  #failed = false;
  #next: Promise<string | RelinkError>;
  #ready: string | RelinkError | null = null;
  /** The step's strings, made again only when the language or the page's overrides change. */
  #strings: { lang: string; from: unknown; merged: FcRelinkMandateStrings } | null = null;

  constructor(private readonly host: PaymentStepHost) {
    this.#next = this.#keep(host.first);
  }

  abort(): void {
    this.host.controller.abort();
  }

  /** Checks what the page answered, and keeps it for the next accept. */
  #keep(answer: Promise<unknown>): Promise<string | RelinkError> {
    this.#ready = null;
    const { checkSetupIntentSecret, describeThrown, relinkError } = this.host.core;
    const next = answer.then(
      (value): string | RelinkError => {
        const refused = checkSetupIntentSecret(value);
        if (refused) return refused;
        const secret = (value as string).trim();
        return this.host.used.has(secret)
          ? relinkError('setup_intent_fetch_failed', 'fetchSetupIntentSecret resolved with a SetupIntent secret already confirmed: create one per request.')
          : secret;
      },
      (thrown: unknown) => relinkError('setup_intent_fetch_failed', `fetchSetupIntentSecret rejected: ${describeThrown(thrown)}`, { retryable: true }),
    );
    void next.then((value) => {
      if (this.#next === next) this.#ready = value;
    });
    this.#next = next;
    return next;
  }

  /** Confirms with the secret at hand (in the caller's task), or once the page answers. Never rejects. */
  confirm(): Promise<PaymentMethodReplaced | RelinkError> {
    const { host } = this;
    const { confirmReplacement, relinkError } = host.core;
    host.setState('confirming');
    const confirm = (secret: string | RelinkError): Promise<PaymentMethodReplaced | RelinkError> => {
      if (typeof secret !== 'string') return Promise.resolve(secret);
      const stripe = host.stripe();
      // Nothing reached Stripe: the same SetupIntent is kept for the next accept.
      if (!stripe) return Promise.resolve(relinkError('stripe_unavailable', 'Stripe.js is not available for the confirmation; accept again once it is.', { retryable: true }));
      host.used.add(secret);
      return confirmReplacement(stripe, secret, host.account.id);
    };
    // A failed fetch is asked again on accept.
    const pending = typeof this.#ready === 'string' ? confirm(this.#ready) : (this.#ready ? this.#keep(host.ask()) : this.#next).then(confirm);
    return pending.then((outcome) => {
      if (host.controller.signal.aborted) return outcome;
      if ('type' in outcome) {
        this.#failed = true;
        host.setState('mandate');
        host.element.dispatchEvent(new FcRelinkErrorEvent(outcome));
        // A fresh SetupIntent for the next accept (the relink itself is kept), unless Stripe
        // never saw this one.
        if (outcome.code !== 'stripe_unavailable') void this.#keep(host.ask());
        host.focus('confirm');
        return outcome;
      }
      host.setState('completed');
      host.element.dispatchEvent(new FcRelinkPaymentMethodEvent(outcome));
      host.returnFocus();
      return outcome;
    });
  }

  /** The step's strings in a built-in language, with the page's overrides. */
  #stringsFor(lang: keyof typeof strings, overrides: unknown): FcRelinkMandateStrings {
    if (this.#strings?.lang !== lang || this.#strings.from !== overrides) {
      this.#strings = { lang, from: overrides, merged: withOverrides(strings[lang], overrides) };
    }
    return this.#strings.merged;
  }

  statusText(state: 'mandate' | 'confirming' | 'completed', lang: keyof typeof strings, overrides: unknown): string {
    const s = this.#stringsFor(lang, overrides);
    return state === 'mandate' ? (this.#failed ? s.confirm_failed : s.mandate) : s[state];
  }

  /** The mandate region: the page's text (slot `mandate`) or the built-in one, and the accept button. */
  render(v: MandateRender): TemplateResult {
    const s = this.#stringsFor(v.lang, v.overrides);
    const built = v.businessName ? mandateText[v.lang](v.businessName, accountName[v.lang](this.host.account.last4)) : '';
    return html`<div part="mandate" role="region" tabindex="-1" aria-label=${s.mandate_label} lang=${v.lang}>
      <slot name="mandate"><p>${built}</p></slot>
      <button part="confirm" type="button" ?disabled=${v.disabled} aria-busy=${v.busy ? 'true' : 'false'} @click=${v.onConfirm}>
        ${s.confirm}
      </button>
    </div>`;
  }
}
