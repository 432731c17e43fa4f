/**
 * The playground tells the truth in every state, at a desktop width and on a phone: the card says
 * what the element says (a finished repair is not "lost access"), in the element's language with
 * its dates, names accounts by bank, name and last 4 (never an id), nothing overflows the viewport
 * sideways, and on a phone the preview comes before the controls. Each state is kept as a
 * screenshot in .reports/screenshots/ for a person to look over.
 */
import { expect, test, type Playground } from './playground.js';

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** No part of the page reaches beyond the viewport's width. */
async function expectNoSidewaysOverflow(playground: Playground, what: string): Promise<void> {
  const { scroll, width } = await playground.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, `${what}: page width ${scroll}px in a ${width}px viewport`).toBeLessThanOrEqual(width);
}

/** The card around the element: its badge, the account's name and line, the sentence above the element. */
function card(playground: Playground) {
  const { page } = playground;
  return { badge: page.locator('[data-link-status]'), root: page.locator('.stage-card'), copy: page.locator('.stage-copy'), name: page.locator('.account-text strong') };
}

for (const viewport of VIEWPORTS) {
  test.describe(viewport.name, () => {
    test.use({ viewport: { width: viewport.width, height: viewport.height } });

    test('every state: the card agrees with the element, and nothing overflows', async ({ playground, page }) => {
      const shot = async (state: string): Promise<void> => {
        await expectNoSidewaysOverflow(playground, state);
        await playground.screenshot(`truth-${viewport.name}-${state}`);
      };
      const { badge, copy, name } = card(playground);
      /** Picks a scenario, relinks, finishes the fake's bank login, and waits for the state it ends in. */
      const play = async (scenario: 'account_relinked' | 'no_account' | 'stripe_error', state: string): Promise<void> => {
        await playground.scenarioRadio(scenario).check();
        await playground.trigger.click();
        await playground.complete.click();
        await playground.expectState(state);
      };

      // A new account, then the mandate and the payment method replaced.
      await playground.goto('new_account');
      await shot('idle');
      if (viewport.name === 'phone') {
        // The preview comes first on a phone: within the first screen, before the controls.
        const top = await page.locator('.preview-card').evaluate((el) => el.getBoundingClientRect().top);
        expect(top).toBeLessThan(viewport.height);
        const controls = await page.locator('.controls').evaluate((el) => el.getBoundingClientRect().top);
        expect(top).toBeLessThan(controls);
      }
      await playground.trigger.click();
      await expect(playground.modal).toBeVisible();
      await shot('open');
      await playground.complete.click();
      await playground.expectState('mandate');
      await expect(badge).toHaveAttribute('data-link-status', 'mandate');
      await expect(name).toHaveText('StripeBank · New Checking ••1357');
      await expect(copy).not.toContainText('lost access');
      await shot('mandate');
      await playground.confirm.click();
      await playground.expectState('completed');
      await expect(badge).toHaveAttribute('data-link-status', 'replaced');
      await expect(name).toHaveText('StripeBank · New Checking ••1357');
      await expect(page.locator('.stage')).not.toContainText('fca_');
      await expect(copy).not.toContainText('lost access');
      await shot('completed');

      // A relink that works: connected, and the card says so.
      await play('account_relinked', 'succeeded');
      await expect(badge).toHaveAttribute('data-link-status', 'repaired');
      await expect(copy).toHaveText('Your bank account is connected again. Nothing else to do.');
      await shot('succeeded');

      // A failure with its fallbacks, then an error with a long message in the log.
      await play('no_account', 'failed');
      await expect(badge).toHaveAttribute('data-link-status', 'broken');
      await page.locator('.log-entry details').first().evaluate((el) => ((el as HTMLDetailsElement).open = true));
      await shot('failed');
      await play('stripe_error', 'errored');
      for (const details of await page.locator('.log-entry details').all()) await details.evaluate((el) => ((el as HTMLDetailsElement).open = true));
      await shot('errored');

      // Stripe.js blocked: the hosted fallback.
      await page.locator('#stripe-blocked').check();
      await playground.trigger.click();
      await playground.expectState('errored');
      await expect(playground.element.locator('[data-fallback="hosted"]')).toBeVisible();
      await shot('hosted');
    });

    test('an expiring link renewed, in Japanese: the card speaks the element’s language and drops the expiry', async ({ playground, page }) => {
      const { badge, copy, root } = card(playground);
      await page.goto(`${playground.path}?scenario=account_relinked&link=expiring`);
      await page.locator('#locale').selectOption('ja');
      await expect(playground.trigger).toHaveText('銀行口座を再接続');
      await expect(badge).toHaveAttribute('data-link-status', 'expiring');
      await expect(root).toHaveAttribute('lang', 'ja');
      // The date as Japanese writes it, in a Japanese sentence.
      await expect(page.locator('.account-text')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 に利用できなくなります/);
      await playground.trigger.click();
      await playground.complete.click();
      await playground.expectState('succeeded');
      await expect(badge).toHaveText('接続済み');
      await expect(page.locator('.account-text')).not.toContainText('利用できなくなります');
      await expect(copy).toHaveText('銀行口座を再接続しました。これ以上の操作は不要です。');
      await expectNoSidewaysOverflow(playground, 'ja succeeded');
      await playground.screenshot(`truth-${viewport.name}-ja-renewed`);
    });
  });
}
