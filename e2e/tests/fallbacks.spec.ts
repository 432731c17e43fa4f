/**
 * After a failure the element offers fallbacks; the playground's `fetchClientSecret` answers
 * retries with a session that recovers. These follow a failure to the end.
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { expect, test } from './playground.js';

test('no_account → "Try any account at this bank" → a new account', async ({ playground, page }) => {
  await playground.goto();
  await playground.scenarioRadio('no_account').check();
  await playground.runWithMouse();
  await playground.expectState('failed');

  await playground.element.getByRole('button', { name: 'Try any account at this bank' }).click();
  await expect(playground.modal).toHaveAttribute('data-fake-stripe-scenario', 'new_account');
  await playground.complete.click();

  await playground.expectState('succeeded');
  await expect(playground.status).toHaveText('Your bank is reconnected.');
  await expect(playground.element.locator('[part="fallback"]')).toHaveCount(0);
  await expect(page.locator('[data-link-status]')).toHaveText('Connected');

  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual([
    'fc-relink-start',
    'fc-relink-failure',
    'fc-relink-fallback',
    'fc-relink-start',
    'fc-relink-success',
  ]);
  const [, failure, fallback, start, success] = events;
  expect(fallback?.detail).toEqual({ fallback: 'authorization_retry', failure: failure?.detail });
  expect(start?.detail).toEqual({ attempt: 2, purpose: 'authorization_retry' });
  expect(success?.detail).toMatchObject({
    type: 'success',
    kind: 'authorization_relinked',
    mode: 'authorization',
    sessionId: 'fcsess_demo2_new_account',
    requestedAuthorization: FAKE_IDS.authorization,
    requestedAccount: null,
    accounts: [{ id: FAKE_IDS.newAccount, isNew: true }],
    newAccountIds: [FAKE_IDS.newAccount],
  });

  // What the element asked the page's server for: the widened session, from the last one.
  expect(await playground.secretRequests()).toEqual([
    { purpose: 'initial', authorization: null, account: null, previousSessionId: null, plays: 'no_account' },
    {
      purpose: 'authorization_retry',
      authorization: FAKE_IDS.authorization,
      account: null,
      previousSessionId: 'fcsess_demo1_no_account',
      plays: 'new_account',
    },
  ]);
  await playground.screenshot('fallback-authorization_retry');
});

test('no_authorization → "Try again" → the exact account', async ({ playground }) => {
  await playground.goto('no_authorization');
  await playground.runWithMouse();
  await playground.expectState('failed');

  await playground.fallback('retry').click();
  await expect(playground.modal).toHaveAttribute('data-fake-stripe-scenario', 'account_relinked');
  await playground.complete.click();

  await playground.expectState('succeeded');
  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual([
    'fc-relink-start',
    'fc-relink-failure',
    'fc-relink-fallback',
    'fc-relink-start',
    'fc-relink-success',
  ]);
  expect(events[2]?.detail).toMatchObject({ fallback: 'retry' });
  expect(events[3]?.detail).toEqual({ attempt: 2, purpose: 'retry' });
  expect(events[4]?.detail).toMatchObject({ kind: 'account_relinked', account: FAKE_IDS.account });
  expect((await playground.secretRequests())[1]).toMatchObject({ purpose: 'retry', account: FAKE_IDS.account, plays: 'account_relinked' });
  await playground.screenshot('fallback-retry');
});

test('"Use a different payment method" hands over to the page', async ({ playground, page }) => {
  await playground.goto('other');
  await playground.runWithMouse();
  await playground.expectState('failed');
  const notice = page.locator('.host-notice');
  await expect(notice).toBeHidden();

  await playground.fallback('new_payment_method').click();

  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The page takes over');
  // No default action: no new attempt, the element stays failed.
  await playground.expectState('failed');
  await expect(playground.modal).toHaveCount(0);
  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback']);
  expect(events[2]?.detail).toMatchObject({ fallback: 'new_payment_method', failure: { reason: 'other' } });
  await playground.screenshot('fallback-new_payment_method');
});
