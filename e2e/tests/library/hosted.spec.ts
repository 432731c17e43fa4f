/**
 * The hosted fallback (SPEC section 13) in a real browser, where following a URL leaves the page:
 * js.stripe.com blocked, the element offers Stripe's hosted relink and, on a click, goes to the
 * URL the page's `fetchHostedRelinkUrl` gives, when it is Stripe's (here answered by a stand-in
 * page routed by the test); a URL elsewhere is never followed.
 */
import { expect, test, type FixturePage } from './fixture.js';

const HOSTED_URL = 'https://connect.stripe.com/fc-relink-e2e/hosted/fcsess_e2e1';

// What these tests cause on purpose: the browser's line about the blocked script, and the visit
// to Stripe's (stand-in) page. Anything else still fails the page's checks.
test.afterEach(({ fixture }) => {
  const { watch } = fixture;
  watch.pageErrors.splice(0, watch.pageErrors.length, ...watch.pageErrors.filter((text) => !/^Failed to load resource/.test(text)));
  watch.externalRequests.splice(0, watch.externalRequests.length, ...watch.externalRequests.filter((url) => url !== HOSTED_URL));
});

test.beforeEach(async ({ fixture, page }) => {
  // After the fixture routed js.stripe.com to the fake: the route added last answers.
  void fixture;
  await page.route('https://js.stripe.com/**', (route) => route.abort('blockedbyclient'));
  await page.route('https://connect.stripe.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Stand-in for Stripe’s hosted relink</title><h1>Stripe-hosted relink (stand-in)</h1>' }),
  );
});

async function offerHosted(fixture: FixturePage, url: string): Promise<void> {
  await fixture.element.evaluate((el, given) => {
    (el as HTMLElement & { fetchHostedRelinkUrl: () => Promise<string> }).fetchHostedRelinkUrl = () => Promise.resolve(given);
  }, url);
  await fixture.trigger.click();
  await fixture.expectElementState('errored');
}

test('Stripe.js blocked: "Continue on Stripe’s site" leaves for Stripe’s hosted page', async ({ fixture, page }) => {
  await fixture.open('account_relinked');
  await offerHosted(fixture, HOSTED_URL);
  const hosted = fixture.element.locator('[part="fallback"][data-fallback="hosted"]');
  await expect(hosted).toHaveText('Continue on Stripe’s site');
  // A failed load is retryable: its retry stays, beside the other way on.
  await expect(fixture.element.locator('[part="trigger"]')).toHaveText('Try again');
  await hosted.click();
  await expect(page).toHaveURL(HOSTED_URL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stripe-hosted relink (stand-in)');
});

test('a URL that is not Stripe’s is not followed: the page hears invalid_hosted_url and stays', async ({ fixture, page }) => {
  await fixture.open('account_relinked');
  const before = page.url();
  await offerHosted(fixture, 'https://connect.stripe.com.example.net/phish');
  await fixture.element.locator('[data-fallback="hosted"]').click();
  await expect.poll(async () => (await fixture.handled()).at(-1)?.detail).toMatchObject({ code: 'invalid_hosted_url' });
  expect(page.url()).toBe(before);
  await expect(fixture.element.locator('[data-fallback="hosted"]')).toHaveCount(0);
});
