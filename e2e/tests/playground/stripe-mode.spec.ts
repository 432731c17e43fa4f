/**
 * The playground with Stripe keys, a production build, on every page: the page asks for an
 * account id instead of a scenario and signs its holder in as the playground's customer, the
 * element loads Stripe.js from js.stripe.com with the publishable key (answered here by the fake,
 * like every test), and the example server of @fc-relink/server relinks the signed-in customer's
 * account through the `stripe` SDK, talking to the stand-in for api.stripe.com
 * (test-support/stripe-api.ts). The stand-in's sessions name the fake's scenarios: `no_account` for an
 * exact-account session, `new_account` for an authorization-only one.
 */
import { RELINK_API_VERSION } from '@fc-relink/core/interpret';
import { FAKE_IDS } from '@fc-relink/testing';
import {
  RECORDINGS_PATH,
  STAND_IN_ACCOUNTS,
  STAND_IN_EXPIRES,
  STAND_IN_PUBLISHABLE_KEY,
  STAND_IN_SECRET_KEY,
  type RecordedStripeRequest,
} from '../../../test-support/stripe-api.js';
import { STAND_IN_URL, STRIPE_PLAYGROUND_URL } from '../../servers.js';
import { CUSTOMER_PATH, expect, forEveryPage, SESSION_PATH, test } from './playground.js';

const RECORDINGS = `${STAND_IN_URL}${RECORDINGS_PATH}`;

test.use({ baseURL: STRIPE_PLAYGROUND_URL });
// One stand-in for the run: its recordings are read by one test at a time.
test.describe.configure({ mode: 'serial' });

forEveryPage((pageId) => {
  test('with keys: type an account, relink, fail with no_account, widen to any account at the bank, replace the payment method', async ({ playground, page, request }) => {
    await request.delete(RECORDINGS);
    await playground.open();

    // Real sessions: an account field, no scenario picker, nothing fake injected in the page.
    await expect(page.locator('[data-sessions]')).toHaveText('Real sessions · your test keys');
    await expect(page.locator('[data-stripe-source]')).toHaveAttribute('data-stripe-source', 'network');
    await expect(page.locator('input[name="scenario"]')).toHaveCount(0);
    await expect(page.locator('script[data-fc-relink-fake-stripe]')).toHaveCount(0);
    await expect(page.locator('.chips')).toContainText('None');
    // A production build: React keeps <StrictMode> but runs effects once.
    if (pageId === 'react') await expect(playground.strictMode).toHaveAttribute('data-strict-effects', 'single');

    // The field refuses what is not an account id.
    const account = page.getByLabel('Financial Connections account id');
    await account.fill('acct_123');
    await page.getByRole('button', { name: 'Use', exact: true }).click();
    await expect(page.locator('#relink-account-error')).toHaveText('A Financial Connections account id is fca_ followed by letters, digits and “_”.');
    await account.fill(STAND_IN_ACCOUNTS.relinkable);
    // The page signs in as the account's holder as soon as it is chosen, and hears how the account
    // stands (relinkEligibility).
    const status = page.waitForResponse((response) => new URL(response.url()).pathname === CUSTOMER_PATH);
    await page.getByRole('button', { name: 'Use', exact: true }).click();
    expect((await status).request().postDataJSON()).toEqual({ account: STAND_IN_ACCOUNTS.relinkable });
    expect(await (await status).json()).toEqual({ eligibility: { relinkable: true, reason: 'relink_required', cause: 'access_expired', expectedDeactivationDate: null } });
    await expect(page.locator('#relink-account-error')).toBeHidden();
    await expect(page).toHaveURL(new RegExp(`\\?account=${STAND_IN_ACCOUNTS.relinkable}$`));
    await expect(page.locator('.chips')).toContainText(STAND_IN_ACCOUNTS.relinkable);
    await expect(page.locator('.log-mark')).toHaveText(`Account ${STAND_IN_ACCOUNTS.relinkable}`);

    // The exact account: the stand-in's session makes the fake play no_account.
    await playground.runWithMouse();
    await playground.expectState('failed');
    expect(playground.externalRequests.some((url) => url.startsWith('https://js.stripe.com/'))).toBe(true);

    const widened = page.waitForResponse((response) => new URL(response.url()).pathname === SESSION_PATH && response.request().postDataJSON()?.purpose === 'authorization_retry');
    await playground.element.getByRole('button', { name: 'Try any account at this bank' }).click();
    const response = await widened;
    const firstSession = String((await playground.events())[1]?.detail.sessionId);
    expect(firstSession).toMatch(/^fcsess_standIn\d+_no_account$/);
    // The element's request as it is, no scenario: the server widens the session for the
    // signed-in customer's account; the page never names the account.
    expect(response.request().postDataJSON()).toEqual({
      purpose: 'authorization_retry',
      authorization: FAKE_IDS.authorization,
      account: null,
      previousSessionId: firstSession,
    });
    expect(response.request().headers()).not.toHaveProperty('fc-relink-scenario');
    expect(response.status()).toBe(200);
    expect(Object.keys((await response.json()) as object)).toEqual(['clientSecret']);

    await expect(playground.modal).toHaveAttribute('data-fake-stripe-scenario', 'new_account');
    await playground.complete.click();
    // A new account: the example server makes its SetupIntent with the SDK (it is the signed-in
    // customer's), the customer accepts the mandate.
    await playground.expectState('mandate');
    await expect.poll(() => playground.setupRequests.length).toBe(1);
    expect(playground.setupRequests[0]!.postDataJSON()).toEqual({ accountId: FAKE_IDS.newAccount });
    await playground.confirm.click();
    await playground.expectState('completed');
    await expect(playground.linkStatus).toHaveText('Payment method updated');
    const events = await playground.events();
    expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback', 'fc-relink-start', 'fc-relink-success', 'fc-relink-payment-method']);
    expect(events[5]?.detail).toEqual({ setupIntentId: expect.stringMatching(/^seti_standIn\d+$/), paymentMethodId: 'pm_fake_us_bank_account', accountId: FAKE_IDS.newAccount, status: 'succeeded' });
    expect(events[4]?.detail).toMatchObject({
      kind: 'authorization_relinked',
      requestedAccount: null,
      newAccountIds: [FAKE_IDS.newAccount],
    });
    expect(await playground.secretRequests()).toEqual([
      { purpose: 'initial', authorization: null, account: null, previousSessionId: null },
      { purpose: 'authorization_retry', authorization: FAKE_IDS.authorization, account: null, previousSessionId: firstSession },
    ]);

    // What reached "Stripe": the account read at sign-in (dropped here), then for each of the two
    // sessions; then the new account (it must be the signed-in customer's) and the SetupIntent.
    const recorded = (await (await request.get(RECORDINGS)).json()).slice(1) as RecordedStripeRequest[];
    expect(recorded.slice(0, 4).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
      'POST /v1/financial_connections/sessions',
      `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
      'POST /v1/financial_connections/sessions',
    ]);
    expect(recorded.slice(4).map((r) => `${r.method} ${r.path}`)).toEqual([`GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.fresh}`, 'POST /v1/setup_intents']);
    expect(recorded.filter((r) => r.path.startsWith('/v1/financial_connections/')).every((r) => r.headers['stripe-version'] === RELINK_API_VERSION)).toBe(true);
    expect(recorded.at(-1)?.params).toMatchObject({ customer: 'cus_standIn', payment_method_data: { us_bank_account: { financial_connections_account: FAKE_IDS.newAccount } } });
    expect(recorded[1]?.params.relink_options).toEqual({ authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
    expect(recorded[3]?.params).toMatchObject({
      relink_options: { authorization: FAKE_IDS.authorization },
      limits: { accounts: '1' },
      filters: { account_subcategories: ['checking', 'savings'] },
    });
    expect(recorded[3]?.params.relink_options).not.toHaveProperty('account');
    expect(await playground.handlerCounts()).toEqual({ start: 2, success: 1, failure: 1, error: 0, fallback: 1, paymentMethod: 1 });
    await playground.screenshot('stripe-mode-authorization_retry');
  });

  test('with keys: the secret key is in nothing the page loads; the publishable key is only in its script', async ({ page, request, playground }) => {
    await playground.open(`?account=${STAND_IN_ACCOUNTS.relinkable}`);
    await expect(page.getByLabel('Financial Connections account id')).toHaveValue(STAND_IN_ACCOUNTS.relinkable);
    const urls = await page.evaluate(() => [location.href, ...performance.getEntriesByType('resource').map((entry) => entry.name)]);
    const local = urls.filter((url) => url.startsWith(STRIPE_PLAYGROUND_URL));
    expect(local.length).toBeGreaterThan(2);
    let publishable = 0;
    for (const url of local) {
      const text = await (await request.get(url)).text();
      expect(text, url).not.toContain(STAND_IN_SECRET_KEY);
      expect(text, url).not.toMatch(/\bsk_test_/);
      if (text.includes(STAND_IN_PUBLISHABLE_KEY)) publishable += 1;
    }
    expect(publishable).toBe(1);
    expect(await page.content()).not.toMatch(/(?:sk|pk)_test_/);
  });
});

test('with keys: an account Stripe expects to deactivate shows when, and relinks ahead of time', async ({ page, playground, request }) => {
  await request.delete(RECORDINGS);
  await playground.open(`?account=${STAND_IN_ACCOUNTS.expiring}`);
  await expect(playground.linkStatus).toHaveText('Expires soon');
  await expect(page.locator('.account-text time')).toHaveAttribute('datetime', new Date(STAND_IN_EXPIRES * 1000).toISOString().slice(0, 10));
  await expect(page.locator('.account-text time')).toHaveText('January 15, 2027');
  await playground.runWithMouse();
  // The stand-in's exact-account session plays no_account: what matters is that one was made.
  await playground.expectState('failed');
  const recorded = (await (await request.get(RECORDINGS)).json()) as RecordedStripeRequest[];
  expect(recorded.map((r) => `${r.method} ${r.path}`)).toEqual([
    `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.expiring}`,
    `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.expiring}`,
    'POST /v1/financial_connections/sessions',
  ]);
  expect(recorded[2]?.params.relink_options).toEqual({ authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.expiring });
});

test('with keys: an account that cannot be relinked gets the server\'s 409 in the element\'s error, in the page\'s words', async ({ page, playground }) => {
  await page.goto(`/?account=${STAND_IN_ACCOUNTS.active}`);
  await playground.trigger.click();
  await playground.expectState('errored');
  const events = await playground.events();
  expect(events[1]?.detail).toMatchObject({
    code: 'client_secret_fetch_failed',
    message: expect.stringContaining('The server answered 409 not_relinkable: the account is active: there is nothing to relink.'),
  });
  await expect(playground.log.locator('li[data-kind="request"] .log-summary')).toHaveText('initial → 409 not_relinkable');
  // The browser's own note about the failed request is the only console error.
  playground.pageErrors.splice(0, playground.pageErrors.length, ...playground.pageErrors.filter((text) => !text.includes('409')));
});
