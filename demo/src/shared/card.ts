/**
 * The preview's card: a billing page's bank account, as the host page shows it around
 * `<fc-relink>`. One state, one render: the card says what the element says, in the element's
 * language (dates included), and names accounts by bank, name and last 4, never by id.
 */
import type { RelinkedAccount } from '@fc-relink/element';
import type { PlaygroundLocale } from './controls.js';
import { h } from './dom.js';

export type LinkStatus = 'broken' | 'expiring' | 'repaired' | 'mandate' | 'replaced' | 'processing';

/** What the card shows, as the page's handlers move it along. */
export interface CardState {
  status: LinkStatus;
  /** The account the customer relinked or picked, once known; before, the page's own. */
  account: RelinkedAccount | null;
  /** When an expiring link stops working (Stripe's unix seconds), while it is `expiring`. */
  expires: number | null;
  /** Real sessions: the account typed, or `''` (fake sessions show the fake's checking account). */
  typedAccount: string | null;
}

interface CardText {
  badge: Record<LinkStatus, string>;
  /** The line under the account's name, per status. */
  note: Record<Exclude<LinkStatus, 'expiring'>, string>;
  /** The expiring account's line, around its date. */
  stopsOn: (date: HTMLElement) => Array<string | HTMLElement>;
  /** The sentence above the element, per status. */
  copy: Record<LinkStatus, string>;
  /** Real sessions without an account typed yet. */
  noAccount: string;
  typeOne: string;
  realAccount: string;
}

const TEXT: Record<PlaygroundLocale, CardText> = {
  en: {
    badge: { broken: 'Needs reconnecting', expiring: 'Expires soon', repaired: 'Connected', mandate: 'Connected · authorization pending', replaced: 'Payment method updated', processing: 'Payment method updated · verifying' },
    note: {
      broken: 'Pays your invoices by bank transfer',
      repaired: 'Pays your invoices by bank transfer',
      mandate: 'A new account: accept the authorization to pay from it',
      replaced: 'Pays your invoices by bank transfer from now on',
      processing: 'Will pay your invoices once Stripe has verified it',
    },
    stopsOn: (date) => ['Stops working on ', date],
    copy: {
      broken: 'We lost access to this bank account. Reconnect it to keep paying by bank.',
      expiring: 'Your bank wants you to sign in again before then. Reconnect now and your payments continue without a gap.',
      repaired: 'Your bank account is connected again. Nothing else to do.',
      mandate: 'One step left: authorize payments from the account you connected.',
      replaced: 'All set: your invoices are paid from this account.',
      processing: 'All set: Stripe is verifying the account, and your invoices are paid from it once it has.',
    },
    noAccount: 'No account chosen yet',
    typeOne: 'Type its id under Account',
    realAccount: 'A Financial Connections account in test mode',
  },
  es: {
    badge: { broken: 'Hay que volver a conectar', expiring: 'Vence pronto', repaired: 'Conectada', mandate: 'Conectada · falta la autorización', replaced: 'Método de pago actualizado', processing: 'Método de pago actualizado · en verificación' },
    note: {
      broken: 'Paga sus facturas por transferencia bancaria',
      repaired: 'Paga sus facturas por transferencia bancaria',
      mandate: 'Una cuenta nueva: acepte la autorización para pagar desde ella',
      replaced: 'Desde ahora paga sus facturas por transferencia bancaria',
      processing: 'Pagará sus facturas cuando Stripe la haya verificado',
    },
    stopsOn: (date) => ['Deja de funcionar el ', date],
    copy: {
      broken: 'Perdimos el acceso a esta cuenta bancaria. Vuelva a conectarla para seguir pagando por banco.',
      expiring: 'Su banco le pide iniciar sesión de nuevo antes de esa fecha. Vuelva a conectar ahora y sus pagos siguen sin interrupción.',
      repaired: 'Su cuenta bancaria está conectada de nuevo. No hay nada más que hacer.',
      mandate: 'Falta un paso: autorice los pagos desde la cuenta que conectó.',
      replaced: 'Listo: sus facturas se pagan desde esta cuenta.',
      processing: 'Listo: Stripe está verificando la cuenta y sus facturas se pagarán desde ella cuando termine.',
    },
    noAccount: 'Todavía no eligió una cuenta',
    typeOne: 'Escriba su id en Account',
    realAccount: 'Una cuenta de Financial Connections en modo de prueba',
  },
  ja: {
    badge: { broken: '再接続が必要', expiring: 'まもなく期限切れ', repaired: '接続済み', mandate: '接続済み・承認待ち', replaced: '支払い方法を更新済み', processing: '支払い方法を更新済み・確認中' },
    note: {
      broken: '請求書を口座振替で支払っています',
      repaired: '請求書を口座振替で支払っています',
      mandate: '新しい口座です。支払いに使うには承認してください',
      replaced: '今後はこの口座から口座振替で支払います',
      processing: 'Stripe の確認が済みしだい、この口座から支払います',
    },
    stopsOn: (date) => [date, ' に利用できなくなります'],
    copy: {
      broken: 'この銀行口座にアクセスできなくなりました。口座振替を続けるには再接続してください。',
      expiring: 'その日までに銀行へのログインが必要です。今再接続すれば、支払いは途切れません。',
      repaired: '銀行口座を再接続しました。これ以上の操作は不要です。',
      mandate: 'あと 1 ステップです。接続した口座からの支払いを承認してください。',
      replaced: '完了しました。請求書はこの口座から支払われます。',
      processing: '完了しました。Stripe が口座を確認しており、確認後はこの口座から支払われます。',
    },
    noAccount: '口座がまだ選ばれていません',
    typeOne: 'Account に ID を入力してください',
    realAccount: 'テストモードの Financial Connections 口座',
  },
  de: {
    badge: { broken: 'Neu verbinden nötig', expiring: 'Läuft bald ab', repaired: 'Verbunden', mandate: 'Verbunden · Ermächtigung ausstehend', replaced: 'Zahlungsmethode aktualisiert', processing: 'Zahlungsmethode aktualisiert · wird geprüft' },
    note: {
      broken: 'Bezahlt Ihre Rechnungen per Banküberweisung',
      repaired: 'Bezahlt Ihre Rechnungen per Banküberweisung',
      mandate: 'Ein neues Konto: Bestätigen Sie die Ermächtigung, um damit zu zahlen',
      replaced: 'Bezahlt Ihre Rechnungen ab jetzt per Banküberweisung',
      processing: 'Bezahlt Ihre Rechnungen, sobald Stripe das Konto geprüft hat',
    },
    stopsOn: (date) => ['Funktioniert nicht mehr ab dem ', date],
    copy: {
      broken: 'Wir haben keinen Zugriff mehr auf dieses Bankkonto. Verbinden Sie es neu, um weiter per Bank zu zahlen.',
      expiring: 'Ihre Bank möchte, dass Sie sich vorher erneut anmelden. Verbinden Sie jetzt neu, dann laufen Ihre Zahlungen ohne Unterbrechung weiter.',
      repaired: 'Ihr Bankkonto ist wieder verbunden. Sonst ist nichts zu tun.',
      mandate: 'Noch ein Schritt: Bestätigen Sie Zahlungen vom verbundenen Konto.',
      replaced: 'Fertig: Ihre Rechnungen werden von diesem Konto bezahlt.',
      processing: 'Fertig: Stripe prüft das Konto, danach werden Ihre Rechnungen davon bezahlt.',
    },
    noAccount: 'Noch kein Konto gewählt',
    typeOne: 'Geben Sie die ID unter Account ein',
    realAccount: 'Ein Financial-Connections-Konto im Testmodus',
  },
};

/** The fake's account the page repairs: the one its sessions ask for. */
const FAKE_ACCOUNT = 'StripeBank · Everyday Checking ••6789';

const TONE: Record<LinkStatus, 'warning' | 'success' | 'info'> = {
  broken: 'warning',
  expiring: 'warning',
  repaired: 'success',
  mandate: 'info',
  replaced: 'success',
  processing: 'info',
};

/** A bank account as the card names it, e.g. "StripeBank · New Checking ••1357": never its id. */
export function accountLabel(account: RelinkedAccount): string {
  const name = [account.institutionName, account.displayName].filter(Boolean).join(' · ') || 'Bank account';
  return account.last4 ? `${name} ••${account.last4}` : name;
}

/** A day in Stripe's unix seconds, written the way the language writes dates. */
export function dateIn(locale: string, seconds: number): HTMLTimeElement {
  const date = new Date(seconds * 1000);
  const text = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  return h('time', { datetime: date.toISOString().slice(0, 10) }, text);
}

/** The card's parts, filled by {@link renderCard}. */
export interface CardParts {
  root: HTMLElement;
  badge: HTMLElement;
  name: HTMLElement;
  note: HTMLElement;
  copy: HTMLElement;
}

/** Draws the card for its state, in `locale`: every part at once, so no part tells an older story. */
export function renderCard(parts: CardParts, state: CardState, locale: PlaygroundLocale): void {
  const t = TEXT[locale];
  parts.root.lang = locale;
  parts.badge.dataset.linkStatus = state.status;
  parts.badge.className = `badge badge-${TONE[state.status]}`;
  parts.badge.textContent = t.badge[state.status];
  if (state.account) parts.name.textContent = accountLabel(state.account);
  else if (state.typedAccount === null) parts.name.textContent = FAKE_ACCOUNT;
  else parts.name.textContent = state.typedAccount ? t.realAccount : t.noAccount;
  if (state.status === 'expiring' && state.expires !== null) parts.note.replaceChildren(...t.stopsOn(dateIn(locale, state.expires)));
  else if (state.typedAccount === '' && !state.account) parts.note.textContent = t.typeOne;
  else parts.note.textContent = t.note[state.status === 'expiring' ? 'broken' : state.status];
  parts.copy.textContent = t.copy[state.status];
}
