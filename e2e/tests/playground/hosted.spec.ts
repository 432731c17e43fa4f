/**
 * The playground's "Stripe.js blocked" switch, on each of its pages: the element cannot open
 * Stripe's window, offers Stripe's hosted relink, and the page sends the customer to the fake's
 * hosted page (labelled as a test double), which sends them back to the return page with the
 * outcome; from there, back to the playground.
 */
import { expect, forEveryPage, test } from './playground.js';

forEveryPage((pageId) => {
  test(`Stripe.js blocked → "Continue on Stripe's site" → the fake hosted page → the return page → back (${pageId})`, async ({ playground, page }) => {
    await playground.goto('account_relinked');
    await page.locator('#stripe-blocked').check();
    await playground.trigger.click();
    await playground.expectState('errored');
    const hosted = playground.element.locator('[part="fallback"][data-fallback="hosted"]');
    await expect(hosted).toHaveText('Continue on Stripe’s site');
    await expect(playground.trigger).toHaveCount(0);

    await hosted.click();
    await expect(page).toHaveURL(/\/fake-stripe\/hosted\/fcsess_/);
    await expect(page.getByText('Test double: this is not Stripe.')).toBeVisible();
    await page.getByRole('button', { name: 'Reconnect the same account' }).click();

    await expect(page).toHaveURL(/\/relink-return\.html$/);
    await expect(page.locator('[data-hosted-outcome]')).toHaveAttribute('data-hosted-outcome', 'success:account_relinked');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your bank account is reconnected');
    await expect(page.locator('main')).not.toContainText('fca_');

    await page.locator('[data-back]').click();
    await expect(playground.trigger).toBeVisible();
    expect(new URL(page.url()).pathname).toBe(new URL(playground.path, 'http://x').pathname);
  });
});

test('the customer leaves the fake hosted page without relinking: the return page says so', async ({ playground, page }) => {
  await playground.goto('account_relinked');
  await page.locator('#stripe-blocked').check();
  await playground.trigger.click();
  await playground.element.locator('[data-fallback="hosted"]').click();
  await page.getByRole('button', { name: 'Leave without relinking' }).click();
  await expect(page.locator('[data-hosted-outcome]')).toHaveAttribute('data-hosted-outcome', 'failure:no_authorization');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not reconnected');
});
