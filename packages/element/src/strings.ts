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
  /** The `hosted` fallback: Stripe's own relink page, when Stripe.js cannot run on this one. */
  hosted: string;
  /** Announced when Stripe.js cannot run on the page and the `hosted` fallback is offered. */
  error_hosted: string;
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
  hosted: 'Continue on Stripe’s site',
  error_hosted: 'Stripe can’t open on this page. You can reconnect on Stripe’s site instead.',
  fallbacks: 'Other ways to continue',
};



/** The built-in languages. English ships with the element; the others load when first used. */
export const BUILT_IN_LANGUAGES = ['en', 'es', 'ja', 'de'] as const;
export type BuiltInLanguage = (typeof BUILT_IN_LANGUAGES)[number];

const loaded: Partial<Record<BuiltInLanguage, FcRelinkStrings>> = { en };

/** A built-in language's strings, when they have loaded (English always has). */
export function loadedStrings(lang: BuiltInLanguage): FcRelinkStrings | undefined {
  return loaded[lang];
}

/**
 * Loads a built-in language's strings: English at once, Spanish, Japanese and German from chunks of their
 * own, so a page downloads only the languages it speaks. A chunk that fails to load gives
 * English (and is tried again next time). Never rejects.
 */
export function loadBuiltInStrings(lang: BuiltInLanguage): Promise<FcRelinkStrings> {
  const ready = loaded[lang];
  if (ready) return Promise.resolve(ready);
  const chunk = lang === 'es' ? import('./locales/es.js') : lang === 'ja' ? import('./locales/ja.js') : import('./locales/de.js');
  return chunk.then(
    ({ strings }) => (loaded[lang] = strings),
    () => en,
  );
}

/** The built-in language for a BCP 47 tag (`ja-JP` uses `ja`), English when there is none or it is not a string. */
export function builtInLanguage(locale: unknown): BuiltInLanguage {
  if (typeof locale !== 'string') return 'en';
  // Most pages say the same tag for every element: the last one read is answered at once.
  if (locale === lastTag.tag) return lastTag.language;
  const match = /^[a-z]{2,3}(?![a-z])/i.exec(locale)?.[0].toLowerCase() as BuiltInLanguage;
  const language = match && (BUILT_IN_LANGUAGES as readonly string[]).includes(match) ? match : 'en';
  lastTag = { tag: locale, language };
  return language;
}
let lastTag: { tag: string; language: BuiltInLanguage } = { tag: 'en', language: 'en' };

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
