/**
 * After a failure the element offers fallbacks; the playground's `fetchClientSecret` asks the
 * demo server, which answers retries with a session that recovers. These follow a failure to the
 * end, through the server; the widened retry runs on every page.
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { expect, forEveryPage, SESSION_PATH, test } from './playground.js';

forEveryPage(() => {
  test('no_account → "Try any account at this bank" → an authorization-only session from the demo server → a new account', async ({ playground, page }) => {
    await playground.goto();
    await playground.scenarioRadio('no_account').check();
    await playground.runWithMouse();
    await playground.expectState('failed');
    const [failure] = (await playground.events()).slice(-1);
    const firstSession = String(failure?.detail.sessionId);
    expect(firstSession).toMatch(/^fcsess_demo\d+_no_account$/);

    // The fallback asks the demo server for a widened session: authorization only, no account.
    const widened = page.waitForResponse((response) => new URL(response.url()).pathname === SESSION_PATH && response.request().postDataJSON()?.purpose === 'authorization_retry');
    await playground.element.getByRole('button', { name: 'Try any account at this bank' }).click();
    const response = await widened;
    expect(response.request().method()).toBe('POST');
    expect(response.request().headers()['content-type']).toBe('application/json');
    expect(response.request().postDataJSON()).toEqual({
      purpose: 'authorization_retry',
      authorization: FAKE_IDS.authorization,
      account: null,
      previousSessionId: firstSession,
      scenario: 'no_account',
    });
    expect(response.status()).toBe(200);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(answer).sort()).toEqual(['clientSecret', 'scenario']);
    expect(answer.scenario).toBe('new_account');
    expect(answer.clientSecret).toMatch(/^fcsess_demo\d+_new_account_secret_/);

    // The widened session opens, and the customer shares a new account.
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
    const [, , fallback, start, success] = events;
    expect(fallback?.detail).toEqual({ fallback: 'authorization_retry', failure: failure?.detail });
    expect(start?.detail).toEqual({ attempt: 2, purpose: 'authorization_retry' });
    expect(success?.detail).toMatchObject({
      type: 'success',
      kind: 'authorization_relinked',
      mode: 'authorization',
      sessionId: String(answer.clientSecret).split('_secret_')[0],
      requestedAuthorization: FAKE_IDS.authorization,
      requestedAccount: null,
      accounts: [{ id: FAKE_IDS.newAccount, isNew: true }],
      newAccountIds: [FAKE_IDS.newAccount],
    });

    // Two calls to the demo server, and the page's log of them (never the secret).
    expect(playground.sessionBodies().map((body) => body.purpose)).toEqual(['initial', 'authorization_retry']);
    expect(await playground.secretRequests()).toEqual([
      { purpose: 'initial', authorization: null, account: null, previousSessionId: null, plays: 'no_account' },
      {
        purpose: 'authorization_retry',
        authorization: FAKE_IDS.authorization,
        account: null,
        previousSessionId: firstSession,
        plays: 'new_account',
      },
    ]);
    expect(await playground.handlerCounts()).toEqual({ start: 2, success: 1, failure: 1, error: 0, fallback: 1 });
    expect(await playground.stripeCalls()).toEqual([
      { scenario: 'no_account', settled: true },
      { scenario: 'new_account', settled: true },
    ]);
    await playground.screenshot('fallback-authorization_retry');
  });
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
  // The plain retry asks the demo server for the exact account again.
  expect(playground.sessionBodies()[1]).toMatchObject({ purpose: 'retry', account: FAKE_IDS.account, scenario: 'no_authorization' });
  await playground.screenshot('fallback-retry');
});

test('"Use a different payment method" hands over to the page', async ({ playground, page }) => {
  await playground.goto('other');
  await playground.runWithMouse();
  await playground.expectState('failed');
  const notice = page.locator('.host-notice');
  await expect(notice).toBeHidden();

  await playground.fallback('new_payment_method').click();

  // The page's fallback handler shows its own way forward.
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('The page takes over');
  // No default action: no new attempt, the element stays failed.
  await playground.expectState('failed');
  await expect(playground.modal).toHaveCount(0);
  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback']);
  expect(events[2]?.detail).toMatchObject({ fallback: 'new_payment_method', failure: { reason: 'other' } });
  expect(await playground.handlerCounts()).toEqual({ start: 1, success: 0, failure: 1, error: 0, fallback: 1 });
  expect(await playground.stripeCalls()).toHaveLength(1);
  await playground.screenshot('fallback-new_payment_method');
});
