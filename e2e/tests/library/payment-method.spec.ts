/**
 * The payment-method step on every fixture page (SPEC section 9): a relink to a new account,
 * then the mandate, the SetupIntent from the page's server, the accept click confirmed by the
 * fake Stripe.js, and the new payment method reaching the page's handlers. The test plays the
 * page's SetupIntent endpoint (`POST /setup-intent`).
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { focused } from '../browser.js';
import { expect, forEveryPage, test, type FixturePage } from './fixture.js';

async function relinkToNewAccount(fixture: FixturePage): Promise<void> {
  await fixture.open('new_account', { existing: [FAKE_IDS.account, FAKE_IDS.otherAccount], payments: true });
  await fixture.runWithMouse();
  await fixture.expectElementState('mandate');
}

forEveryPage(() => {
  test('a new account: the mandate, accepted, replaces the payment method', async ({ fixture, page }) => {
    const seen: string[] = [];
    page.on('console', (message) => seen.push(message.text()));
    page.on('request', (request) => seen.push(request.url()));
    await relinkToNewAccount(fixture);

    const mandate = fixture.element.locator('[part="mandate"]');
    await expect(mandate).toContainText('Fixture Store');
    await expect(mandate).toContainText('ending in 1357');
    expect(await focused(page)).toBe('mandate');
    expect(fixture.setupIntents.bodies).toEqual([{ accountId: FAKE_IDS.newAccount }]);
    await fixture.screenshot('payment-mandate');

    await fixture.element.locator('[part="confirm"]').click();
    await fixture.expectElementState('completed');
    await expect(fixture.status).toHaveText('Payment method updated.');
    expect(await fixture.setupCalls()).toEqual(['setup_succeeded']);
    const handled = await fixture.handled();
    expect(handled.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-success', 'fc-relink-payment-method']);
    expect(handled[2]!.detail).toEqual({
      setupIntentId: 'seti_fixture1_setup_succeeded',
      paymentMethodId: 'pm_fake_us_bank_account',
      accountId: FAKE_IDS.newAccount,
      status: 'succeeded',
    });
    // Done: no trigger to redo it; focus on what happened.
    await expect.poll(() => focused(page)).toBe('status');
    // No SetupIntent secret anywhere the page shows or sends.
    const dom = await page.evaluate(() => document.documentElement.outerHTML + document.querySelector('fc-relink')!.shadowRoot!.innerHTML);
    for (const text of [dom, JSON.stringify(handled), ...seen]) expect(text).not.toMatch(/seti_\w*_secret_\w/);
  });
});

test('setup_failed: an error, the mandate stays with a fresh SetupIntent, and accepting again completes', async ({ fixture }) => {
  fixture.setupIntents.plays = ['setup_failed', 'setup_succeeded'];
  await relinkToNewAccount(fixture);
  const confirm = fixture.element.locator('[part="confirm"]');
  await confirm.click();
  await expect(fixture.status).toContainText('accept again');
  await fixture.expectElementState('mandate');
  await expect.poll(() => fixture.setupIntents.bodies.length).toBe(2);
  await confirm.click();
  await fixture.expectElementState('completed');
  expect(await fixture.setupCalls()).toEqual(['setup_failed', 'setup_succeeded']);
  expect(await fixture.handledNames()).toEqual(['fc-relink-start', 'fc-relink-success', 'fc-relink-error', 'fc-relink-payment-method']);
  // The customer went through the bank once.
  expect(await fixture.stripeCalls()).toHaveLength(1);
});

test('without ?payments a new account ends succeeded, as before', async ({ fixture }) => {
  await fixture.open('new_account', { existing: [FAKE_IDS.account, FAKE_IDS.otherAccount] });
  await fixture.runWithMouse();
  await fixture.expectElementState('succeeded');
  expect(fixture.setupIntents.bodies).toEqual([]);
});
