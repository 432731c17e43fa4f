/**
 * After a failure the element offers fallbacks; a retry asks the page's `fetchClientSecret` for a
 * new secret, and the page asks its server (played here by the test). These follow a failure to
 * the end; the widened retry runs on every fixture page.
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { expect, forEveryPage, SESSION_PATH, test } from './fixture.js';

forEveryPage(() => {
  test('no_account → "Try any account at this bank" → an authorization-only session from the server → a new account', async ({ fixture, page }) => {
    // The server: the exact account first; widened, a session in which the customer shares a new account.
    await fixture.open(null, {
      existing: [FAKE_IDS.account, FAKE_IDS.otherAccount],
      plays: (body) => (body.purpose === 'authorization_retry' ? 'new_account' : 'no_account'),
    });
    await fixture.runWithMouse();
    await fixture.expectElementState('failed');
    const failure = (await fixture.handled()).at(-1);
    const firstSession = 'fcsess_fixture1_no_account';
    expect(failure?.detail).toMatchObject({ sessionId: firstSession });

    // The fallback asks the page's server for a widened session: authorization only, no account.
    const widened = page.waitForResponse((response) => new URL(response.url()).pathname === SESSION_PATH && response.request().postDataJSON()?.purpose === 'authorization_retry');
    await fixture.element.getByRole('button', { name: 'Try any account at this bank' }).click();
    const response = await widened;
    expect(response.request().method()).toBe('POST');
    expect(response.request().postDataJSON()).toEqual({
      purpose: 'authorization_retry',
      authorization: FAKE_IDS.authorization,
      account: null,
      previousSessionId: firstSession,
    });

    // The widened session opens, and the customer shares a new account.
    await expect(fixture.modal).toHaveAttribute('data-fake-stripe-scenario', 'new_account');
    await fixture.complete.click();

    await fixture.expectElementState('succeeded');
    await expect(fixture.status).toHaveText('Your bank is reconnected.');
    await expect(fixture.element.locator('[part="fallback"]')).toHaveCount(0);

    const events = await fixture.handled();
    expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback', 'fc-relink-start', 'fc-relink-success']);
    const [, , fallback, start, success] = events;
    expect(fallback?.detail).toEqual({ fallback: 'authorization_retry', failure: failure?.detail });
    expect(start?.detail).toEqual({ attempt: 2, purpose: 'authorization_retry' });
    expect(success?.detail).toMatchObject({
      type: 'success',
      kind: 'authorization_relinked',
      mode: 'authorization',
      sessionId: 'fcsess_fixture2_new_account',
      requestedAuthorization: FAKE_IDS.authorization,
      requestedAccount: null,
      accounts: [{ id: FAKE_IDS.newAccount, isNew: true }],
      newAccountIds: [FAKE_IDS.newAccount],
    });
    expect(await fixture.heard()).toEqual(events);

    // Two requests to the server, one per attempt.
    expect(fixture.sessions.bodies.map((body) => body.purpose)).toEqual(['initial', 'authorization_retry']);
    expect(await fixture.secretRequests()).toEqual([
      { purpose: 'initial', authorization: null, account: null, previousSessionId: null, result: 'secret' },
      { purpose: 'authorization_retry', authorization: FAKE_IDS.authorization, account: null, previousSessionId: firstSession, result: 'secret' },
    ]);
    expect(await fixture.stripeCalls()).toEqual([
      { scenario: 'no_account', settled: true },
      { scenario: 'new_account', settled: true },
    ]);
    await fixture.screenshot('fallback-authorization_retry');
  });
});

test('no_authorization → "Try again" → the exact account', async ({ fixture }) => {
  await fixture.open(null, { plays: (body) => (body.purpose === 'retry' ? 'account_relinked' : 'no_authorization') });
  await fixture.runWithMouse();
  await fixture.expectElementState('failed');

  await fixture.fallback('retry').click();
  await expect(fixture.modal).toHaveAttribute('data-fake-stripe-scenario', 'account_relinked');
  await fixture.complete.click();

  await fixture.expectElementState('succeeded');
  const events = await fixture.handled();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback', 'fc-relink-start', 'fc-relink-success']);
  expect(events[2]?.detail).toMatchObject({ fallback: 'retry' });
  expect(events[3]?.detail).toEqual({ attempt: 2, purpose: 'retry' });
  expect(events[4]?.detail).toMatchObject({ kind: 'account_relinked', account: FAKE_IDS.account });
  // The plain retry asks for the exact account again.
  expect(fixture.sessions.bodies[1]).toEqual({
    purpose: 'retry',
    authorization: FAKE_IDS.authorization,
    account: FAKE_IDS.account,
    previousSessionId: 'fcsess_fixture1_no_authorization',
  });
  await fixture.screenshot('fallback-retry');
});

test('"Use a different payment method" hands over to the page', async ({ fixture }) => {
  await fixture.open('other');
  await fixture.runWithMouse();
  await fixture.expectElementState('failed');

  await fixture.fallback('new_payment_method').click();
  await expect.poll(() => fixture.handledNames()).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback']);

  // No default action: no new attempt, the element stays failed.
  await fixture.expectElementState('failed');
  await expect(fixture.modal).toHaveCount(0);
  const events = await fixture.handled();
  expect(events[2]?.detail).toMatchObject({ fallback: 'new_payment_method', failure: { reason: 'other' } });
  expect(await fixture.stripeCalls()).toHaveLength(1);
  expect(fixture.sessions.bodies).toHaveLength(1);
  await fixture.screenshot('fallback-new_payment_method');
});
