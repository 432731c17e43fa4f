/**
 * axe-core on the fixture pages, in every state of the element: idle, loading (the page's
 * `fetchClientSecret` held in the browser), open (the fake bank login, checked too), succeeded,
 * failed (its fallback buttons shown) and errored (a Stripe error, and a retryable one with its
 * "Try again"), and the payment-method step (mandate, confirming, a declined accept, completed),
 * on the element page in each of the element's built-in languages. Each state is
 * checked as the element itself (everything axe leaves undecided inside `<fc-relink>` fails),
 * the bank login when it is open, and the whole page. The React and Vue pages get their idle and
 * failed states checked too.
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { expectNoAxeViolations } from '../axe.js';
import { focused } from '../browser.js';
import { expect, FRAMEWORK_PAGES, test, type FixturePage } from './fixture.js';

type Locale = 'en' | 'es' | 'ja' | 'de';

type StringKey =
  | 'trigger'
  | 'retry'
  | 'loading'
  | 'open'
  | 'account_relinked'
  | 'no_account'
  | 'error'
  | 'error_retryable'
  | 'authorization_retry'
  | 'new_payment_method'
  | 'mandate'
  | 'confirm'
  | 'confirming'
  | 'confirm_failed'
  | 'completed';

/** The element's built-in strings the tests expect to see, per language. */
const STRINGS: Record<Locale, Record<StringKey, string>> = {
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
    mandate: 'Your bank is connected. To pay from the new account, read and accept the authorization.',
    confirm: 'Accept and save',
    confirming: 'Saving your new payment method…',
    confirm_failed: 'We couldn’t save your new payment method. Please accept again.',
    completed: 'Payment method updated.',
  },
  es: {
    trigger: 'Volver a conectar su banco',
    retry: 'Intentar de nuevo',
    loading: 'Preparando…',
    open: 'Continúe en la ventana de Stripe para iniciar sesión en su banco.',
    account_relinked: 'Su cuenta bancaria está conectada de nuevo.',
    no_account: 'Inició sesión, pero no se eligió la cuenta que necesitábamos.',
    error: 'En este momento no es posible volver a conectar su banco.',
    error_retryable: 'No pudimos comunicarnos con Stripe. Inténtelo de nuevo.',
    authorization_retry: 'Usar cualquier cuenta de este banco',
    new_payment_method: 'Usar otro método de pago',
    mandate: 'Su banco está conectado. Para pagar desde la nueva cuenta, lea y acepte la autorización.',
    confirm: 'Aceptar y guardar',
    confirming: 'Guardando su nuevo método de pago…',
    confirm_failed: 'No pudimos guardar su nuevo método de pago. Vuelva a aceptar, por favor.',
    completed: 'Método de pago actualizado.',
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
    mandate: '銀行に接続しました。新しい口座から支払うには、引き落としの承認内容を確認して同意してください。',
    confirm: '同意して保存',
    confirming: '新しい支払い方法を保存しています…',
    confirm_failed: '新しい支払い方法を保存できませんでした。もう一度同意してください。',
    completed: '支払い方法を更新しました。',
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
    mandate: 'Ihre Bank ist verbunden. Um vom neuen Konto zu zahlen, lesen und bestätigen Sie die Lastschriftermächtigung.',
    confirm: 'Zustimmen und speichern',
    confirming: 'Ihre neue Zahlungsmethode wird gespeichert …',
    confirm_failed: 'Die neue Zahlungsmethode konnte nicht gespeichert werden. Bitte stimmen Sie erneut zu.',
    completed: 'Zahlungsmethode aktualisiert.',
  },
};

const MODAL = '[data-fake-stripe-modal]';

/**
 * Checks the page as it is now: the element (everything in it decided), the bank login if it is
 * open, then the whole page. While the bank login is open, the page behind it is inert (a modal
 * <dialog>) and axe rightly skips it: the bank login is what the customer uses.
 */
async function expectAccessible(fixture: FixturePage, label: string, { modal = false, buttons = true } = {}): Promise<void> {
  const { page } = fixture;
  if (!modal) {
    // A finished repair shows no button: then only the text is there to check.
    const mustPass = buttons ? ['button-name', 'color-contrast'] : ['color-contrast'];
    await expectNoAxeViolations(page, { label: `${label} · element`, selector: 'fc-relink', decideIn: 'fc-relink', mustPass });
  }
  if (modal) {
    await expectNoAxeViolations(page, { label: `${label} · bank login`, selector: MODAL, mustPass: ['aria-dialog-name', 'button-name', 'color-contrast'] });
  }
  await expectNoAxeViolations(page, { label: `${label} · whole page`, mustPass: modal ? ['aria-dialog-name'] : ['landmark-one-main', 'page-has-heading-one'] });
}

for (const locale of ['en', 'es', 'ja', 'de'] as const) {
  const s = STRINGS[locale];

  test.describe(`in ${locale}`, () => {
    test('idle, loading, open and succeeded have no accessibility violations', async ({ fixture }) => {
      await fixture.open('account_relinked', { locale });
      await expect(fixture.trigger).toHaveText(s.trigger);
      await fixture.expectElementState('idle');
      await expectAccessible(fixture, `${locale} idle`);

      // Loading: the page's request for a client secret is held until the checks are done.
      fixture.sessions.hold();
      await fixture.trigger.click();
      await fixture.sessions.arrived();
      await fixture.expectElementState('loading');
      await expect(fixture.status).toHaveText(s.loading);
      await expect(fixture.trigger).toHaveAttribute('aria-busy', 'true');
      await expectAccessible(fixture, `${locale} loading`);
      await fixture.screenshot(`a11y-${locale}-loading`);

      await fixture.sessions.release();
      await expect(fixture.modal).toBeVisible();
      await fixture.expectElementState('open');
      await expect(fixture.status).toHaveText(s.open);
      await expectAccessible(fixture, `${locale} open`, { modal: true });
      await fixture.screenshot(`a11y-${locale}-open`);

      await fixture.complete.click();
      await fixture.expectElementState('succeeded');
      await expect(fixture.status).toHaveText(s.account_relinked);
      // Done: nothing to press, focus on what happened.
      await expect(fixture.trigger).toHaveCount(0);
      await expectAccessible(fixture, `${locale} succeeded`, { buttons: false });
      await fixture.screenshot(`a11y-${locale}-succeeded`);
    });

    test('failed (with its fallbacks) and errored (final, and retryable) have no accessibility violations', async ({ fixture }) => {
      await fixture.open('no_account', { locale });
      await fixture.runWithMouse();
      await fixture.expectElementState('failed');
      await expect(fixture.status).toHaveText(s.no_account);
      await expect(fixture.element.locator('[part="fallback"]')).toHaveText([s.authorization_retry, s.new_payment_method]);
      await expectAccessible(fixture, `${locale} failed`);
      await fixture.screenshot(`a11y-${locale}-failed`);

      // A fresh element, in the same language, whose session ends in a Stripe error.
      fixture.sessions.plays('stripe_error');
      await fixture.reset();
      await fixture.expectElementState('idle');
      await fixture.runWithMouse();
      await fixture.expectElementState('errored');
      await expect(fixture.status).toHaveText(s.error);
      // Final: the message, and no trigger that can only fail again.
      await expect(fixture.trigger).toHaveCount(0);
      await expect(fixture.element.locator('[part="fallback"]')).toHaveCount(0);
      await expectAccessible(fixture, `${locale} errored`, { buttons: false });
      await fixture.screenshot(`a11y-${locale}-errored`);

      // A retryable error: the page's server answers without a secret. The trigger says "Try again".
      fixture.sessions.plays({ status: 200, json: {} });
      await fixture.reset();
      await fixture.trigger.click();
      await expect.poll(async () => (await fixture.handledNames()).filter((name) => name === 'fc-relink-error')).toHaveLength(2);
      await fixture.expectElementState('errored');
      await expect(fixture.status).toHaveText(s.error_retryable);
      await expect(fixture.trigger).toHaveText(s.retry);
      await expectAccessible(fixture, `${locale} errored, retryable`);
      await fixture.screenshot(`a11y-${locale}-errored-retryable`);
    });

    test('the payment-method step: mandate, confirming, a declined accept and completed have no accessibility violations', async ({ fixture, page }) => {
      // The first SetupIntent is declined; the second, held in the browser, lets "confirming" be checked.
      fixture.setupIntents.plays = ['setup_failed', 'hang'];
      await fixture.open('new_account', { locale, payments: true, existing: [FAKE_IDS.account, FAKE_IDS.otherAccount] });
      await fixture.runWithMouse();
      await fixture.expectElementState('mandate');
      await expect(fixture.status).toHaveText(s.mandate);
      await expect(fixture.element.locator('[part="confirm"]')).toHaveText(s.confirm);
      await expect(fixture.element.locator('[part="mandate"]')).toHaveAttribute('lang', locale);
      expect(await focused(page)).toBe('mandate');
      await expectAccessible(fixture, `${locale} mandate`);
      await fixture.screenshot(`a11y-${locale}-mandate`);

      await fixture.element.locator('[part="confirm"]').click();
      await expect(fixture.status).toHaveText(s.confirm_failed);
      await fixture.expectElementState('mandate');
      expect(await focused(page)).toBe('confirm');
      await expectAccessible(fixture, `${locale} mandate, after a declined accept`);

      // The next SetupIntent never comes: the accept waits in "confirming", busy.
      await expect.poll(() => fixture.setupIntents.bodies.length).toBe(2);
      await fixture.element.locator('[part="confirm"]').click();
      await fixture.expectElementState('confirming');
      await expect(fixture.status).toHaveText(s.confirming);
      await expect(fixture.element.locator('[part="confirm"]')).toHaveAttribute('aria-busy', 'true');
      await expectAccessible(fixture, `${locale} confirming`);

      // A fresh element whose step succeeds at once.
      fixture.setupIntents.plays = ['setup_succeeded'];
      await fixture.reset();
      await fixture.runWithMouse();
      await fixture.expectElementState('mandate');
      await fixture.element.locator('[part="confirm"]').click();
      await fixture.expectElementState('completed');
      await expect(fixture.status).toHaveText(s.completed);
      await expectAccessible(fixture, `${locale} completed`, { buttons: false });
      await fixture.screenshot(`a11y-${locale}-completed`);
    });
  });
}

for (const { id, label } of FRAMEWORK_PAGES) {
  test.describe(label, () => {
    test.use({ fixturePage: id });

    test('idle and failed (with its fallbacks) have no accessibility violations', async ({ fixture }) => {
      await fixture.open('no_account');
      await fixture.expectElementState('idle');
      await expectAccessible(fixture, `${id} idle`);

      await fixture.runWithMouse();
      await fixture.expectElementState('failed');
      await expect(fixture.element.locator('[part="fallback"]')).toHaveCount(2);
      await expectAccessible(fixture, `${id} failed`);
      await fixture.screenshot('a11y-failed');
    });
  });
}
