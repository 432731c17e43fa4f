/**
 * SPEC section 11: the element page under a strict Content-Security-Policy that also enforces
 * Trusted Types. The test serves the fixture page with that policy as its header; the real
 * `@stripe/stripe-js` loader runs unchanged, and Stripe.js (the fake, from js.stripe.com) reaches
 * the page through the `fc-relink` policy. Any CSP or Trusted Types violation shows up in the
 * console, where the fixture's watch fails the test on it.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixture.js';

/** What a careful page sends: no inline code or styles, no eval, and only Lit's and our policies. */
function strictPolicy(trustedTypes: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' https://js.stripe.com",
    'frame-src https://js.stripe.com',
    "connect-src 'self' https://api.stripe.com",
    "img-src 'self' data:",
    "style-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');
}

/** Serves the element fixture page with `policy` as its Content-Security-Policy header. */
async function servePageWith(page: Page, policy: string): Promise<void> {
  await page.route('**/element.html*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
}

/** Whether the page refuses a plain string as a script URL (a console error Chromium logs, taken off the watch). */
async function refusesStringScriptUrls(page: Page, pageErrors: string[]): Promise<boolean> {
  const refused = await page.evaluate(() => {
    try {
      document.createElement('script').src = 'https://js.stripe.com/endive/stripe.js';
      return false;
    } catch {
      return true;
    }
  });
  const logged = pageErrors.findIndex((text) => /TrustedScriptURL/.test(text));
  if (logged >= 0) pageErrors.splice(logged, 1);
  return refused;
}

test('strict CSP with Trusted Types (lit-html, fc-relink): Stripe.js loads through the fc-relink policy and the relink works', async ({ fixture, page }) => {
  await servePageWith(page, strictPolicy('lit-html fc-relink'));
  await fixture.open('account_relinked');
  expect(await refusesStringScriptUrls(page, fixture.watch.pageErrors)).toBe(true);

  await fixture.runWithMouse();
  await fixture.expectElementState('succeeded');
  await expect(fixture.status).toHaveText('Your bank account is reconnected.');
  expect(await fixture.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
  // One Stripe.js script, the one @stripe/stripe-js would have injected.
  expect(await page.locator('script[src^="https://js.stripe.com/"]').evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).src))).toEqual([
    'https://js.stripe.com/endive/stripe.js',
  ]);
  expect((await fixture.handledNames())).toEqual(['fc-relink-start', 'fc-relink-success']);
});

test('Trusted Types without the fc-relink policy: a clear, non-retryable stripe_load_failed, and Stripe is never called', async ({ fixture, page }) => {
  await servePageWith(page, strictPolicy('lit-html'));
  await fixture.open('account_relinked');
  await fixture.trigger.click();
  await fixture.expectElementState('errored');
  const [, error] = await fixture.handled();
  expect(error?.name).toBe('fc-relink-error');
  expect(error?.detail).toMatchObject({ code: 'stripe_load_failed', retryable: false });
  expect((error?.detail as { message: string }).message).toContain('trusted-types lit-html fc-relink');
  expect(await fixture.stripeCalls()).toEqual([]);
  // The page's console says why: the policy name and the refused script URL. Nothing else.
  const expected = fixture.watch.pageErrors.filter((text) => /fc-relink|TrustedScriptURL|Trusted Type/i.test(text));
  expect(expected.length).toBeGreaterThan(0);
  fixture.watch.pageErrors.splice(0, fixture.watch.pageErrors.length, ...fixture.watch.pageErrors.filter((text) => !expected.includes(text)));
});
