/**
 * The Next.js App Router example (examples/nextjs), production-built and served by `next start`:
 * its page is a Server Component that renders <FcRelink> from @fc-relink/react, and its route
 * handler answers the element's fetchClientSecret. js.stripe.com is answered by the fake Stripe.js
 * (preparePage), which plays the route handler's fake sessions.
 *
 * The page must build (the webServer's `next build`), come from the server with the element in
 * it, hydrate without an error or a warning, and relink.
 */
import { expect, test } from '@playwright/test';
import { expectCleanPage, preparePage, RelinkParts, type RelinkElementLike } from '../browser.js';

/** The route handler the page's fetchClientSecret asks (app/api/relink-session/route.ts). */
const SESSION_PATH = '/api/relink-session';

test('a Server Component page renders <FcRelink>: it hydrates cleanly and relinks through the route handler', async ({ page }) => {
  const watch = await preparePage(page);
  const sessionRequests: unknown[] = [];
  const sessionAnswers: number[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === SESSION_PATH) sessionRequests.push(request.postDataJSON());
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === SESSION_PATH) sessionAnswers.push(response.status());
  });
  const relink = new RelinkParts(page);

  const response = await page.goto('/');
  // Rendered on the server: the element holds its label, and no property became an attribute.
  expect(await response!.text()).toContain('<fc-relink>Reconnect your bank</fc-relink>');

  // Hydrated: React gave the element its properties (the key, and the function from the page's
  // 'use client' module, passed by the Server Component).
  await expect(relink.trigger).toHaveText('Reconnect your bank');
  await expect.poll(() => relink.element.evaluate((el) => (el as RelinkElementLike).publishableKey)).toBe('pk_test_fcrelink_example');
  expect(await relink.element.evaluate((el) => typeof (el as RelinkElementLike).fetchClientSecret)).toBe('function');
  await relink.expectElementState('idle');

  await relink.runWithMouse();
  await relink.expectElementState('succeeded');
  await expect(relink.status).toHaveText('Your bank account is reconnected.');

  // One session from the route handler, for the element's first attempt; one Stripe call with it.
  expect(sessionRequests).toEqual([{ purpose: 'initial', authorization: null, account: null, previousSessionId: null }]);
  expect(sessionAnswers).toEqual([200]);
  expect(await relink.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
  expectCleanPage(watch);
});

test('the route handler answers only its own page: same-origin JSON', async ({ request, baseURL }) => {
  const body = { purpose: 'initial', authorization: null, account: null, previousSessionId: null };
  const ok = await request.post(SESSION_PATH, { data: body, headers: { origin: baseURL! } });
  expect(ok.status()).toBe(200);
  expect(ok.headers()['cache-control']).toBe('no-store');
  expect((await ok.json()) as unknown).toEqual({ clientSecret: expect.stringMatching(/^fcsess_example_account_relinked_secret_\w+$/) });

  const crossSite = await request.post(SESSION_PATH, { data: body, headers: { origin: 'https://elsewhere.example' } });
  expect(crossSite.status()).toBe(403);
  const form = await request.post(SESSION_PATH, { form: { purpose: 'initial' }, headers: { origin: baseURL! } });
  expect(form.status()).toBe(403);
  const unknownPurpose = await request.post(SESSION_PATH, { data: { purpose: 'steal' }, headers: { origin: baseURL! } });
  expect(unknownPurpose.status()).toBe(400);
});
