// The built example in a real Chromium: Svelte 5 hands <fc-relink> its properties as properties
// (a function and an array would be useless as attributes), and its onfc-relink-* attributes
// listen to the events the element dispatches.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { launchOptions } from '../../../scripts/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
let server;
let browser;
let page;
const pageErrors = [];

before(async () => {
  server = await preview({ root, logLevel: 'warn', preview: { port: 0, strictPort: false, host: '127.0.0.1' } });
  browser = await chromium.launch(launchOptions);
  page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.resolvedUrls.local[0]);
  await page.locator('fc-relink').waitFor();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the element gets its properties as properties, not attributes', async () => {
  const seen = await page.locator('fc-relink').evaluate((el) => ({
    fetchClientSecret: typeof el.fetchClientSecret,
    existingAccountIds: el.existingAccountIds,
    publishableKey: el.publishableKey,
    businessName: el.businessName,
    preload: el.preload,
    attributes: el.getAttributeNames(),
  }));
  assert.deepEqual(seen, {
    fetchClientSecret: 'function',
    existingAccountIds: ['fca_1Known'],
    publishableKey: 'pk_test_example',
    businessName: 'Example Co.',
    preload: 'intent',
    attributes: ['state'],
  });
});

test('onfc-relink-success and onfc-relink-failure receive the events and read their detail', async () => {
  const relink = page.locator('fc-relink');
  const status = page.locator('main > p[role="status"]');
  await relink.evaluate((el) =>
    el.dispatchEvent(
      new CustomEvent('fc-relink-success', {
        bubbles: true,
        composed: true,
        detail: { accounts: [{ id: 'fca_2', displayName: 'Checking' }], needsNewPaymentMethod: true },
      }),
    ),
  );
  assert.equal(await status.textContent(), 'Relinked Checking: add a new payment method.');
  await relink.evaluate((el) =>
    el.dispatchEvent(
      new CustomEvent('fc-relink-failure', {
        bubbles: true,
        composed: true,
        detail: { reason: 'no_account', fallbacks: ['authorization_retry', 'new_payment_method'] },
      }),
    ),
  );
  assert.equal(await status.textContent(), 'Not relinked (no_account); try: authorization_retry, new_payment_method');
  assert.deepEqual(pageErrors, []);
});
