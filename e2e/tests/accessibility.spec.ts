/**
 * axe-core in the real pages, in every state of the element: idle, loading (the page's
 * `fetchClientSecret` held in the browser), open (the fake bank login, checked too), succeeded,
 * failed (its fallback buttons shown) and errored (a Stripe error, and a retryable one with its
 * "Try again"), on the plain HTML page in each of the element's built-in languages. Each state
 * is checked three ways: the preview card the element sits in, the bank login when it is open,
 * and the whole page. The React and Vue pages get their idle and failed states checked too.
 *
 * The stage behind the element has a dotted background (a radial-gradient image over a flat
 * colour), and axe does not compute contrast over a background image: it leaves such text
 * "incomplete", which would let the element's status and fallback text go unchecked. So each
 * check runs with the dots removed and the stage's colour kept (the dots are 1px at 6% opacity),
 * and anything axe leaves undecided inside `<fc-relink>` fails (`decideIn`).
 */
import { expectNoAxeViolations } from './axe.js';
import { expect, FRAMEWORK_PAGES, SESSION_PATH, test, type Playground } from './playground.js';

type Locale = 'en' | 'ja' | 'de';

/** The element's built-in strings the tests expect to see, per language. */
const STRINGS: Record<Locale, Record<'trigger' | 'retry' | 'loading' | 'open' | 'account_relinked' | 'no_account' | 'error' | 'error_retryable' | 'authorization_retry' | 'new_payment_method', string>> = {
  en: {
    trigger: 'Reconnect your bank',
    retry: 'Try again',
    loading: 'Getting ready…',
    open: 'Continue in the Stripe window to sign in to your bank.',
    account_relinked: 'Your bank account is reconnected.',
    no_account: 'You signed in, but the account we needed wasn’t chosen.',
    error: 'Reconnecting isn’t available right now.',
    error_retryable: 'We couldn’t reach Stripe. Please try again.',
    authorization_retry: 'Try any account at this bank',
    new_payment_method: 'Use a different payment method',
  },
  ja: {
    trigger: '銀行口座を再接続',
    retry: 'もう一度試す',
    loading: '準備しています…',
    open: 'Stripe の画面で銀行にログインしてください。',
    account_relinked: '銀行口座を再接続しました。',
    no_account: 'ログインは完了しましたが、必要な口座が選択されませんでした。',
    error: '現在、再接続をご利用いただけません。',
    error_retryable: 'Stripe に接続できませんでした。もう一度お試しください。',
    authorization_retry: 'この銀行の別の口座を選ぶ',
    new_payment_method: '別の支払い方法を使う',
  },
  de: {
    trigger: 'Bankverbindung erneuern',
    retry: 'Erneut versuchen',
    loading: 'Wird vorbereitet …',
    open: 'Melden Sie sich im Stripe-Fenster bei Ihrer Bank an.',
    account_relinked: 'Ihr Bankkonto ist wieder verbunden.',
    no_account: 'Sie haben sich angemeldet, aber das benötigte Konto wurde nicht ausgewählt.',
    error: 'Die Verbindung lässt sich gerade nicht erneuern.',
    error_retryable: 'Stripe war nicht erreichbar. Bitte versuchen Sie es noch einmal.',
    authorization_retry: 'Ein anderes Konto dieser Bank wählen',
    new_payment_method: 'Andere Zahlungsmethode verwenden',
  },
};

/** The preview card: the element, the account it repairs, the page's notice and the state display. */
const PREVIEW = 'section.preview-card';
const MODAL = '[data-fake-stripe-modal]';
/** The stage without its dots, for axe's contrast checks (see the top of this file). */
const FLAT_STAGE = '.stage { background-image: none !important; }';

/**
 * Checks the page as it is now: the preview (everything in `<fc-relink>` decided), the bank
 * login if it is open, then the whole page. While the bank login is open, the page behind it is
 * inert (a modal <dialog>) and axe rightly skips it: the bank login is what the customer uses.
 */
async function expectAccessible(playground: Playground, label: string, { modal = false } = {}): Promise<void> {
  const { page } = playground;
  const flat = await page.addStyleTag({ content: FLAT_STAGE });
  try {
    await expectNoAxeViolations(page, {
      label: `${label} · preview`,
      selector: PREVIEW,
      decideIn: 'fc-relink',
      mustPass: modal ? [] : ['button-name', 'color-contrast'],
    });
    if (modal) {
      await expectNoAxeViolations(page, { label: `${label} · bank login`, selector: MODAL, mustPass: ['aria-dialog-name', 'button-name', 'color-contrast'] });
    }
    await expectNoAxeViolations(page, { label: `${label} · whole page`, mustPass: modal ? ['aria-dialog-name'] : ['landmark-one-main', 'page-has-heading-one'] });
  } finally {
    await flat.evaluate((style) => (style as HTMLStyleElement).remove());
  }
}

/** Picks the element's language with the page's Language select. */
async function useLocale(playground: Playground, locale: Locale): Promise<void> {
  await playground.page.getByLabel('Language').selectOption(locale);
  await expect(playground.trigger).toHaveText(STRINGS[locale].trigger);
}

for (const locale of ['en', 'ja', 'de'] as const) {
  const s = STRINGS[locale];

  test.describe(`in ${locale}`, () => {
    test('idle, loading, open and succeeded have no accessibility violations', async ({ playground }) => {
      await playground.goto('account_relinked');
      await useLocale(playground, locale);
      await playground.expectState('idle');
      await expectAccessible(playground, `${locale} idle`);

      // Loading: the page's request for a client secret is held until the checks are done.
      const hold = await playground.holdSessions();
      await playground.trigger.click();
      await hold.arrived();
      await playground.expectState('loading');
      await expect(playground.status).toHaveText(s.loading);
      await expect(playground.trigger).toHaveAttribute('aria-busy', 'true');
      await expectAccessible(playground, `${locale} loading`);
      await playground.screenshot(`a11y-${locale}-loading`);

      await hold.release();
      await expect(playground.modal).toBeVisible();
      await playground.expectState('open');
      await expect(playground.status).toHaveText(s.open);
      await expectAccessible(playground, `${locale} open`, { modal: true });
      await playground.screenshot(`a11y-${locale}-open`);

      await playground.complete.click();
      await playground.expectState('succeeded');
      await expect(playground.status).toHaveText(s.account_relinked);
      await expect(playground.trigger).toHaveAttribute('aria-busy', 'false');
      await expectAccessible(playground, `${locale} succeeded`);
      await playground.screenshot(`a11y-${locale}-succeeded`);
    });

    test('failed (with its fallbacks) and errored (final, and retryable) have no accessibility violations', async ({ playground, page }) => {
      await playground.goto('no_account');
      await useLocale(playground, locale);
      await playground.runWithMouse();
      await playground.expectState('failed');
      await expect(playground.status).toHaveText(s.no_account);
      await expect(playground.element.locator('[part="fallback"]')).toHaveText([s.authorization_retry, s.new_payment_method]);
      await expectAccessible(playground, `${locale} failed`);
      await playground.screenshot(`a11y-${locale}-failed`);

      // A new scenario is a new element, in the same language.
      await playground.scenarioRadio('stripe_error').check();
      await playground.runWithMouse();
      await playground.expectState('errored');
      await expect(playground.status).toHaveText(s.error);
      await expect(playground.trigger).toHaveText(s.trigger);
      await expect(playground.element.locator('[part="fallback"]')).toHaveCount(0);
      await expectAccessible(playground, `${locale} errored`);
      await playground.screenshot(`a11y-${locale}-errored`);

      // A retryable error: the demo server's answer has no secret. The trigger says "Try again".
      await page.route(`**${SESSION_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
      await playground.trigger.click();
      await expect(playground.entries('fc-relink-error')).toHaveCount(2);
      await playground.expectState('errored');
      await expect(playground.status).toHaveText(s.error_retryable);
      await expect(playground.trigger).toHaveText(s.retry);
      await expectAccessible(playground, `${locale} errored, retryable`);
      await playground.screenshot(`a11y-${locale}-errored-retryable`);
    });
  });
}

for (const { id, label } of FRAMEWORK_PAGES) {
  test.describe(label, () => {
    test.use({ playgroundPage: id });

    test('idle and failed (with its fallbacks) have no accessibility violations', async ({ playground }) => {
      await playground.goto('no_account');
      await playground.expectState('idle');
      await expectAccessible(playground, `${id} idle`);

      await playground.runWithMouse();
      await playground.expectState('failed');
      await expect(playground.element.locator('[part="fallback"]')).toHaveCount(2);
      await expectAccessible(playground, `${id} failed`);
      await playground.screenshot('a11y-failed');
    });
  });
}
