/**
 * The whole flow without a pointer: pick a scenario, reach the trigger with Tab, open and finish
 * the bank login with the keyboard, and find focus back on the trigger each time. The first flow
 * runs on the React and Vue pages too.
 */
import { FAKE_IDS } from '@fc-relink/testing';
import type { Page } from '@playwright/test';
import { expect, forEveryPage, test } from './playground.js';

/** What has focus, described across shadow roots: `trigger`, `fallback:<name>`, or a selector-ish name. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return 'body';
    const part = active.getAttribute('part');
    if (part === 'fallback') return `fallback:${active.getAttribute('data-fallback') ?? ''}`;
    if (part) return part;
    const action = active.getAttribute('data-fake-stripe-action');
    if (action) return `modal:${action}`;
    if (active instanceof HTMLInputElement) return `${active.type}:${active.value || active.id}`;
    return active.tagName.toLowerCase();
  });
}

/** Presses Tab until `target` has focus; fails if it never does. */
async function tabTo(page: Page, target: string, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now === target) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${target}; focus went through: ${seen.join(' → ')}`);
}

forEveryPage(() => {
  test('keyboard only: pick a scenario, relink, fall back to any account at the bank', async ({ playground, page }) => {
    await playground.goto();

    // The scenario picker is one radio group: Tab into it, arrow to "Account not chosen".
    await tabTo(page, 'radio:account_relinked');
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toBe('radio:no_account');
    await expect(playground.scenarioRadio('no_account')).toBeChecked();
    await expect(playground.mode).toHaveText('Exact account');

    await tabTo(page, 'trigger');
    await page.keyboard.press('Enter');
    await expect(playground.modal).toBeVisible();
    // The bank login takes focus and keeps Tab inside.
    await expect.poll(() => focused(page)).toBe('modal:complete');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('modal:close');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('modal:complete');
    await page.keyboard.press('Space');

    await playground.expectState('failed');
    await expect.poll(() => focused(page)).toBe('trigger');
    await playground.screenshot('keyboard-no_account');

    // Next stop after the trigger: the recommended fallback.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('fallback:authorization_retry');
    await page.keyboard.press('Enter');
    await expect(playground.modal).toBeVisible();
    await expect(playground.modal).toHaveAttribute('data-fake-stripe-scenario', 'new_account');
    await expect.poll(() => focused(page)).toBe('modal:complete');
    await page.keyboard.press('Enter');

    await playground.expectState('succeeded');
    await expect.poll(() => focused(page)).toBe('trigger');
    const events = await playground.events();
    expect(events.map((e) => e.name)).toEqual([
      'fc-relink-start',
      'fc-relink-failure',
      'fc-relink-fallback',
      'fc-relink-start',
      'fc-relink-success',
    ]);
    expect(events[4]?.detail).toMatchObject({ kind: 'authorization_relinked', newAccountIds: [FAKE_IDS.newAccount] });
    await playground.screenshot('keyboard-fallback-success');
  });
});

test('keyboard only: Escape gives up, and "Try again" recovers', async ({ playground, page }) => {
  await playground.goto('account_relinked');

  await tabTo(page, 'trigger');
  await page.keyboard.press('Space');
  await expect(playground.modal).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(playground.modal).toHaveCount(0);

  await playground.expectState('failed');
  await expect(playground.status).toHaveText('Signing in to your bank wasn’t finished.');
  await expect.poll(() => focused(page)).toBe('trigger');

  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('fallback:retry');
  await page.keyboard.press('Enter');
  await expect(playground.modal).toBeVisible();
  await expect.poll(() => focused(page)).toBe('modal:complete');
  await page.keyboard.press('Enter');

  await playground.expectState('succeeded');
  await expect(playground.status).toHaveText('Your bank account is reconnected.');
  await expect.poll(() => focused(page)).toBe('trigger');
  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual([
    'fc-relink-start',
    'fc-relink-failure',
    'fc-relink-fallback',
    'fc-relink-start',
    'fc-relink-success',
  ]);
  expect(events[3]?.detail).toEqual({ attempt: 2, purpose: 'retry' });
  expect(events[4]?.detail).toMatchObject({ kind: 'account_relinked', account: FAKE_IDS.account });
  await playground.screenshot('keyboard-escape-retry');
});
