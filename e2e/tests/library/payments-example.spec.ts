/**
 * The README's "Payments relink end to end", run as it is: its page
 * (packages/element/examples/payments-relink.js, on fixtures/payments-example.html) talks to its
 * server (packages/server/examples/relink-server.mjs, started here), whose real `stripe` SDK talks
 * to a stand-in for api.stripe.com of this test's own (test-support/stripe-api.ts), whose sessions
 * and SetupIntents the fake Stripe.js plays. Only the browser's route to the example server is
 * Playwright's.
 *
 * And the README shows both files exactly.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_IDS } from '@fc-relink/testing';
import { relinkServer } from '../../../packages/server/examples/relink-server.mjs';
import { STAND_IN_ACCOUNTS, STAND_IN_CUSTOMER, startStripeStandIn, type StripeStandIn } from '../../../test-support/stripe-api.js';
import { focused } from '../browser.js';
import { expect, test } from './fixture.js';

const README = new URL('../../../README.md', import.meta.url);
const PAGE = new URL('../../../packages/element/examples/payments-relink.js', import.meta.url);
const SERVER = new URL('../../../packages/server/examples/relink-server.mjs', import.meta.url);

let standIn: StripeStandIn;
let app: Server;
let appUrl: string;

test.beforeAll(async () => {
  standIn = await startStripeStandIn();
  // The host's own lookups: the signed-in customer pays from the stand-in's relinkable account.
  const listener = relinkServer(standIn.stripe(), {
    accountIdFor: async () => STAND_IN_ACCOUNTS.relinkable,
    customerFor: async () => ({ id: STAND_IN_CUSTOMER, name: 'Jenny Rosen' }),
    // No webhooks in this test: the page's two routes only.
    webhookSecret: 'whsec_unused',
    onRelinkAction: async () => undefined,
  });
  app = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
  await standIn.close();
});

test('no_account, any account at the bank, a new account, its mandate: the payment method replaced through the example server', async ({ fixture, page }) => {
  // The page's two endpoints are the example server's.
  const asked: string[] = [];
  await page.route(/\/(relink-session|replacement-setup-intent)$/, async (route) => {
    const { pathname } = new URL(route.request().url());
    asked.push(`${pathname} ${route.request().postData() ?? ''}`);
    // As a same-origin deployment would reach it (the example server answers its own origin only).
    const headers = { ...route.request().headers(), origin: appUrl };
    await route.fulfill({ response: await route.fetch({ url: `${appUrl}${pathname}`, headers }) });
  });
  await page.goto('/payments-example.html');
  await expect(fixture.trigger).toBeVisible();

  // The exact account: the stand-in's session plays no_account.
  await fixture.runWithMouse();
  await fixture.expectElementState('failed');
  await fixture.element.getByRole('button', { name: 'Try any account at this bank' }).click();
  // An authorization-only session: the customer shares a new account, so the mandate follows.
  await expect(fixture.modal).toHaveAttribute('data-fake-stripe-scenario', 'new_account');
  await fixture.complete.click();
  await fixture.expectElementState('mandate');
  await expect(fixture.element.locator('[part="mandate"]')).toContainText('Rocket Rides');
  await expect(fixture.element.locator('[part="mandate"]')).toContainText('ending in 1357');
  expect(await focused(page)).toBe('mandate');

  await fixture.element.locator('[part="confirm"]').click();
  await fixture.expectElementState('completed');
  await expect(page.locator('#billing-status')).toHaveText(`Paying by bank from ${FAKE_IDS.newAccount}.`);

  expect(asked).toEqual([
    '/relink-session {"purpose":"initial","account":null,"authorization":null}',
    `/relink-session {"purpose":"authorization_retry","account":null,"authorization":"${FAKE_IDS.authorization}"}`,
    `/replacement-setup-intent {"accountId":"${FAKE_IDS.newAccount}"}`,
  ]);
  // What reached "Stripe": two sessions for the customer's account, then its new account
  // checked (same customer) and the guide's SetupIntent for it.
  expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
    `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
    'POST /v1/financial_connections/sessions',
    `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
    'POST /v1/financial_connections/sessions',
    `GET /v1/financial_connections/accounts/${FAKE_IDS.newAccount}`,
    'POST /v1/setup_intents',
  ]);
  expect(standIn.requests[5]!.params).toEqual({
    customer: STAND_IN_CUSTOMER,
    allowed_payment_method_types: ['us_bank_account'],
    payment_method_data: {
      type: 'us_bank_account',
      us_bank_account: { financial_connections_account: FAKE_IDS.newAccount },
      billing_details: { name: 'Jenny Rosen' },
    },
  });
  expect(await fixture.setupCalls()).toEqual(['setup_succeeded']);
  await fixture.screenshot('readme-payments-completed');
});

test("the README's payments relink end to end shows the example page and server exactly", () => {
  const readme = readFileSync(README, 'utf8');
  const section = readme.slice(readme.indexOf('### Payments relink end to end'));
  expect(section.length, 'README.md has a "### Payments relink end to end" section').toBeLessThan(readme.length);
  const blocks = [...section.matchAll(/```js\n(\/\/ @ts-check\n[\s\S]*?)```/g)].map((match) => match[1]);
  expect(blocks.slice(0, 2)).toEqual([readFileSync(PAGE, 'utf8'), readFileSync(SERVER, 'utf8')]);
});
