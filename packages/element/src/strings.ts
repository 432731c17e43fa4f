/** Every text `<fc-relink>` shows. Keys named after the outcome or fallback they describe. */
export interface FcRelinkStrings {
  /** The trigger's label. */
  trigger: string;
  /** The trigger after a retryable error, and the `retry` fallback. */
  retry: string;
  /** Announced while Stripe.js or the client secret loads. */
  loading: string;
  /** Announced while Stripe's window is open. */
  open: string;
  account_relinked: string;
  authorization_relinked: string;
  new_authorization: string;
  no_account: string;
  no_authorization: string;
  other: string;
  /** Announced after an error that a retry will not fix. */
  error: string;
  /** Announced after an error that a retry may fix. */
  error_retryable: string;
  authorization_retry: string;
  new_payment_method: string;
  /** Accessible name of the group of fallback buttons. */
  fallbacks: string;
}

const en: FcRelinkStrings = {
  trigger: 'Reconnect your bank',
  retry: 'Try again',
  loading: 'Getting ready…',
  open: 'Continue in the Stripe window to sign in to your bank.',
  account_relinked: 'Your bank account is reconnected.',
  authorization_relinked: 'Your bank is reconnected.',
  new_authorization: 'Your bank is connected.',
  no_account: 'You signed in, but the account we needed wasn’t chosen.',
  no_authorization: 'Signing in to your bank wasn’t finished.',
  other: 'Something went wrong while reconnecting.',
  error: 'Reconnecting isn’t available right now.',
  error_retryable: 'We couldn’t reach Stripe. Please try again.',
  authorization_retry: 'Try any account at this bank',
  new_payment_method: 'Use a different payment method',
  fallbacks: 'Other ways to continue',
};

const ja: FcRelinkStrings = {
  trigger: '銀行口座を再接続',
  retry: 'もう一度試す',
  loading: '準備しています…',
  open: 'Stripe の画面で銀行にログインしてください。',
  account_relinked: '銀行口座を再接続しました。',
  authorization_relinked: '銀行を再接続しました。',
  new_authorization: '銀行に接続しました。',
  no_account: 'ログインは完了しましたが、必要な口座が選択されませんでした。',
  no_authorization: '銀行へのログインが完了しませんでした。',
  other: '再接続中に問題が発生しました。',
  error: '現在、再接続をご利用いただけません。',
  error_retryable: 'Stripe に接続できませんでした。もう一度お試しください。',
  authorization_retry: 'この銀行の別の口座を選ぶ',
  new_payment_method: '別の支払い方法を使う',
  fallbacks: 'ほかの方法',
};

const de: FcRelinkStrings = {
  trigger: 'Bankverbindung erneuern',
  retry: 'Erneut versuchen',
  loading: 'Wird vorbereitet …',
  open: 'Melden Sie sich im Stripe-Fenster bei Ihrer Bank an.',
  account_relinked: 'Ihr Bankkonto ist wieder verbunden.',
  authorization_relinked: 'Ihre Bank ist wieder verbunden.',
  new_authorization: 'Ihre Bank ist jetzt verbunden.',
  no_account: 'Sie haben sich angemeldet, aber das benötigte Konto wurde nicht ausgewählt.',
  no_authorization: 'Die Anmeldung bei Ihrer Bank wurde nicht abgeschlossen.',
  other: 'Beim Wiederverbinden ist etwas schiefgelaufen.',
  error: 'Die Verbindung lässt sich gerade nicht erneuern.',
  error_retryable: 'Stripe war nicht erreichbar. Bitte versuchen Sie es noch einmal.',
  authorization_retry: 'Ein anderes Konto dieser Bank wählen',
  new_payment_method: 'Andere Zahlungsmethode verwenden',
  fallbacks: 'Weitere Möglichkeiten',
};

/** The built-in locales. */
export const builtInStrings: Readonly<Record<'en' | 'ja' | 'de', FcRelinkStrings>> = { en, ja, de };

/** The built-in language for a BCP 47 tag (`ja-JP` uses `ja`), English when there is none or it is not a string. */
export function builtInLanguage(locale: unknown): keyof typeof builtInStrings {
  if (typeof locale !== 'string') return 'en';
  const language = /^[a-z]{2,3}(?![a-z])/i.exec(locale)?.[0].toLowerCase() as keyof typeof builtInStrings;
  return language && Object.hasOwn(builtInStrings, language) ? language : 'en';
}

/** The longest override a string may be; longer ones are cut. */
const MAX_STRING_LENGTH = 500;

/**
 * A locale's strings with the page's overrides: only known keys with string values count, each
 * cut to {@link MAX_STRING_LENGTH}; anything else (a string, an array, a throwing getter) is
 * ignored. Shown as text, never as markup.
 */
export function withOverrides<T extends object>(base: T, overrides: unknown): T {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return base;
  const merged = Object.assign({}, base) as Record<string, unknown>;
  for (const key of Object.keys(base)) {
    let value: unknown;
    try {
      value = (overrides as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    if (typeof value === 'string') merged[key] = value.length > MAX_STRING_LENGTH ? value.slice(0, MAX_STRING_LENGTH) : value;
  }
  return merged as T;
}
