/**
 * The whole flow without a pointer: reach the trigger with Tab, open and finish the bank login
 * with the keyboard, and find focus where the next step is each time: the recommended fallback
 * after a failure, the status once the repair is done. The first flow runs on every fixture page.
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { focused, tabTo } from '../browser.js';
import { expect, forEveryPage, test } from './fixture.js';

forEveryPage(() => {
  test('keyboard only: relink, fail, fall back to any account at the bank', async ({ fixture, page }) => {
    await fixture.open(null, {
      existing: [FAKE_IDS.account, FAKE_IDS.otherAccount],
      plays: (body) => (body.purpose === 'authorization_retry' ? 'new_account' : 'no_account'),
    });

    await tabTo(page, 'trigger');
    await page.keyboard.press('Enter');
    await expect(fixture.modal).toBeVisible();
    // The bank login takes focus and keeps Tab inside.
    await expect.poll(() => focused(page)).toBe('modal:complete');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('modal:close');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('modal:complete');
    await page.keyboard.press('Space');

    await fixture.expectElementState('failed');
    // The fallbacks are the next step: focus is on the recommended one.
    await expect.poll(() => focused(page)).toBe('fallback:authorization_retry');
    await fixture.screenshot('keyboard-no_account');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('fallback:new_payment_method');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('fallback:authorization_retry');
    await page.keyboard.press('Enter');
    await expect(fixture.modal).toBeVisible();
    await expect(fixture.modal).toHaveAttribute('data-fake-stripe-scenario', 'new_account');
    await expect.poll(() => focused(page)).toBe('modal:complete');
    await page.keyboard.press('Enter');

    await fixture.expectElementState('succeeded');
    // Done: no trigger to redo it; focus on what happened.
    await expect.poll(() => focused(page)).toBe('status');
    const events = await fixture.handled();
    expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback', 'fc-relink-start', 'fc-relink-success']);
    expect(events[4]?.detail).toMatchObject({ kind: 'authorization_relinked', newAccountIds: [FAKE_IDS.newAccount] });
    await fixture.screenshot('keyboard-fallback-success');
  });
});

test('keyboard only: Escape gives up, and "Try again" recovers', async ({ fixture, page }) => {
  await fixture.open('account_relinked');

  await tabTo(page, 'trigger');
  await page.keyboard.press('Space');
  await expect(fixture.modal).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(fixture.modal).toHaveCount(0);

  await fixture.expectElementState('failed');
  await expect(fixture.status).toHaveText('Signing in to your bank wasn’t finished.');
  await expect.poll(() => focused(page)).toBe('fallback:retry');
  await page.keyboard.press('Enter');
  await expect(fixture.modal).toBeVisible();
  await expect.poll(() => focused(page)).toBe('modal:complete');
  await page.keyboard.press('Enter');

  await fixture.expectElementState('succeeded');
  await expect(fixture.status).toHaveText('Your bank account is reconnected.');
  await expect.poll(() => focused(page)).toBe('status');
  const events = await fixture.handled();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback', 'fc-relink-start', 'fc-relink-success']);
  expect(events[3]?.detail).toEqual({ attempt: 2, purpose: 'retry' });
  expect(events[4]?.detail).toMatchObject({ kind: 'account_relinked', account: FAKE_IDS.account });
  await fixture.screenshot('keyboard-escape-retry');
});
