/**
 * The playground's "Stripe.js blocked" switch, on each of its pages: the element cannot open
 * Stripe's window and offers Stripe's hosted relink; the example server of @fc-relink/server
 * makes the hosted session (on the stand-in for Stripe's API), and the page sends the customer to
 * the fake's hosted page for it (labelled as a test double), which sends them back to the example
 * server's return page with the outcome, in plain words; from there, back to the playground.
 */
import { expect, forEveryPage, test } from './playground.js';

forEveryPage((pageId) => {
  test(`Stripe.js blocked → "Continue on Stripe's site" → the fake hosted page → the example server's return page → back (${pageId})`, async ({ playground, page }) => {
    await playground.goto('account_relinked');
    await page.locator('#stripe-blocked').check();
    await playground.trigger.click();
    await playground.expectState('errored');
    const hosted = playground.element.locator('[part="fallback"][data-fallback="hosted"]');
    await expect(hosted).toHaveText('Continue on Stripe’s site');
    await expect(playground.trigger).toHaveCount(0);

    const asked = page.waitForRequest((request) => new URL(request.url()).pathname === '/hosted-relink');
    await hosted.click();
    // What the failed attempt asked for (no session ever opened: no account or authorization);
    // the server relinks the signed-in customer's account, and the page opens the fake's page for
    // the hosted session Stripe's API (the stand-in) made.
    expect((await asked).postDataJSON()).toEqual({ purpose: 'initial', account: null, authorization: null });
    await expect(page).toHaveURL(/\/fake-stripe\/hosted\/fcsess_standIn\d+_no_account$/);
    const session = new URL(page.url()).pathname.split('/').pop();
    await expect(page.getByText('Test double: this is not Stripe.')).toBeVisible();
    await page.getByRole('button', { name: 'Reconnect the same account' }).click();

    await expect(page).toHaveURL(`/relink-return?session_id=${session}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your bank account is connected again');
    await expect(page.locator('main')).toContainText('Nothing else to do: payments go on as before.');
    await expect(page.locator('main')).not.toContainText('fca_');
    await expect(page.locator('main')).not.toContainText('fcsess_');

    await page.getByRole('link', { name: 'Back to your account' }).click();
    await expect(playground.trigger).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/');
  });
});

test('the customer leaves the fake hosted page without relinking: the return page says so', async ({ playground, page }) => {
  await playground.goto('account_relinked');
  await page.locator('#stripe-blocked').check();
  await playground.trigger.click();
  await playground.element.locator('[data-fallback="hosted"]').click();
  await page.getByRole('button', { name: 'Leave without relinking' }).click();
  await expect(page).toHaveURL(/\/relink-return\?session_id=fcsess_/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your bank account was not reconnected');
  await expect(page.locator('main')).toContainText('Nothing was changed.');
});
