/**
 * The playground's smoke test, without Stripe keys (fake Stripe: the example server of
 * @fc-relink/server on the stand-in for Stripe's API): it loads with every scenario of the fake
 * and its three pages linked; on each page a scenario can be clicked through, with a fallback
 * that asks the example server for a widened session; the server's refusals reach the page; and
 * axe finds nothing on any page. (The library's own behaviour is tested on the fixture pages,
 * tests/library/; the playground server's request handling in Node, demo/test/.)
 */
import { FAKE_IDS, FAKE_SCENARIOS } from '@fc-relink/testing';
import { expectNoAxeViolations } from '../axe.js';
import { expect, forEveryPage, PLAYGROUND_PAGES, SESSION_PATH, test } from './playground.js';

/**
 * The stage behind the element has a dotted background (a radial-gradient image over a flat
 * colour), and axe does not compute contrast over a background image. The checks run with the
 * dots removed and the stage's colour kept (the dots are 1px at 6% opacity).
 */
const FLAT_STAGE = '.stage { background-image: none !important; }';

test('the playground loads: every scenario of the fake, Stripe.js from the network, its three pages linked', async ({ playground, page }) => {
  await playground.goto('no_account');
  const offered = await page.locator('input[name="scenario"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect([...offered].sort()).toEqual([...FAKE_SCENARIOS].sort());
  // Built with FC_RELINK_STRIPE=network: nothing injected, Stripe.js comes from js.stripe.com.
  await expect(page.locator('[data-stripe-source]')).toHaveAttribute('data-stripe-source', 'network');
  await expect(page.locator('script[data-fc-relink-fake-stripe]')).toHaveCount(0);
  // The element loads it when the browser is idle, through the real @stripe/stripe-js loader.
  await expect.poll(() => playground.externalRequests).toContain('https://js.stripe.com/endive/stripe.js');

  // The header links the three pages and marks the current one; the links carry the choice.
  const tabs = page.getByRole('navigation', { name: 'Playground pages' }).getByRole('link');
  await expect(tabs).toHaveText(['HTML', 'React', 'Vue']);
  await expect(tabs.nth(0)).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.page-tab[aria-current]')).toHaveCount(1);
  await expect(tabs.nth(1)).toHaveAttribute('href', './react.html?scenario=no_account');
  await playground.scenarioRadio('stripe_error').check();
  await expect(tabs.nth(2)).toHaveAttribute('href', './vue.html?scenario=stripe_error');

  for (const [i, target] of PLAYGROUND_PAGES.entries()) {
    await tabs.nth(i).click();
    await expect(page).toHaveURL(`${target.path}?scenario=stripe_error`);
    await expect(playground.trigger).toBeVisible();
    await expect(page.locator('.page-tab[aria-current="page"]')).toHaveText(target.label);
    await expect(playground.scenarioRadio('stripe_error')).toBeChecked();
  }
});

forEveryPage(() => {
  test('no_account → "Try any account at this bank" → an authorization-only session → a new account → its mandate → the payment method replaced', async ({ playground, page }) => {
    await playground.goto();
    const flat = await page.addStyleTag({ content: FLAT_STAGE });
    await expectNoAxeViolations(page, { label: `${playground.pageId} idle · whole page`, mustPass: ['landmark-one-main', 'page-has-heading-one', 'color-contrast'] });
    await flat.evaluate((style) => (style as HTMLStyleElement).remove());

    await playground.scenarioRadio('no_account').check();
    await expect(playground.mode).toHaveText('Exact account');
    await playground.runWithMouse();
    await playground.expectState('failed');
    const [failure] = (await playground.events()).slice(-1);
    const firstSession = String(failure?.detail.sessionId);
    expect(firstSession).toMatch(/^fcsess_standIn\d+_no_account$/);

    // The fallback asks the example server for a widened session: the element's request as it is
    // (authorization only, no account), and the scenario the fake plays for it in a header.
    const widened = page.waitForResponse((response) => new URL(response.url()).pathname === SESSION_PATH && response.request().postDataJSON()?.purpose === 'authorization_retry');
    await playground.element.getByRole('button', { name: 'Try any account at this bank' }).click();
    const response = await widened;
    expect(response.request().method()).toBe('POST');
    expect(response.request().headers()['content-type']).toBe('application/json');
    expect(response.request().headers()['fc-relink-scenario']).toBe('new_account');
    expect(response.request().postDataJSON()).toEqual({
      purpose: 'authorization_retry',
      authorization: FAKE_IDS.authorization,
      account: null,
      previousSessionId: firstSession,
    });
    expect(response.status()).toBe(200);
    const answer = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(answer)).toEqual(['clientSecret']);
    expect(answer.clientSecret).toMatch(/^fcsess_standIn\d+_new_account_secret_/);

    // The widened session opens, and the customer shares a new account.
    await expect(playground.modal).toHaveAttribute('data-fake-stripe-scenario', 'new_account');
    await playground.complete.click();

    // A new account on a payments page: the old payment method stops working, so the mandate
    // for a new one follows, naming the playground's business and the new account.
    await playground.expectState('mandate');
    await expect(playground.element.locator('[part="fallback"]')).toHaveCount(0);
    await expect(playground.mandate).toContainText('Playground Billing');
    await expect(playground.mandate).toContainText('ending in 1357');
    await expect(playground.linkStatus).toHaveText('Connected · authorization pending');
    await expect(playground.accountName).toHaveText('StripeBank · New Checking ••1357');
    await expect.poll(() => playground.setupRequests.length).toBe(1);
    // Only the new account: the server makes the SetupIntent for the signed-in customer's own.
    expect(playground.setupRequests[0]!.postDataJSON()).toEqual({ accountId: FAKE_IDS.newAccount });
    expect(playground.setupRequests[0]!.headers()['fc-relink-setup-scenario']).toBe('setup_succeeded');
    await flat.evaluate((style) => document.head.append(style as HTMLStyleElement));
    await expectNoAxeViolations(page, { label: `${playground.pageId} mandate · whole page`, mustPass: ['color-contrast'] });
    await flat.evaluate((style) => (style as HTMLStyleElement).remove());
    await playground.screenshot('payment-mandate');

    await playground.confirm.click();
    await playground.expectState('completed');
    await expect(playground.status).toHaveText('Payment method updated.');
    await expect(playground.linkStatus).toHaveText('Payment method updated');
    await expect(playground.accountName).toHaveText('StripeBank · New Checking ••1357');

    const events = await playground.events();
    expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-fallback', 'fc-relink-start', 'fc-relink-success', 'fc-relink-payment-method']);
    const [, , fallback, start, success, replaced] = events;
    expect(fallback?.detail).toEqual({ fallback: 'authorization_retry', failure: failure?.detail });
    expect(start?.detail).toEqual({ attempt: 2, purpose: 'authorization_retry' });
    expect(success?.detail).toMatchObject({
      type: 'success',
      kind: 'authorization_relinked',
      mode: 'authorization',
      sessionId: String(answer.clientSecret).split('_secret_')[0],
      requestedAuthorization: FAKE_IDS.authorization,
      requestedAccount: null,
      accounts: [{ id: FAKE_IDS.newAccount, isNew: true }],
      newAccountIds: [FAKE_IDS.newAccount],
      needsNewPaymentMethod: true,
    });
    expect(replaced?.detail).toEqual({
      setupIntentId: expect.stringMatching(/^seti_standIn\d+_setup_succeeded$/),
      paymentMethodId: 'pm_fake_us_bank_account',
      accountId: FAKE_IDS.newAccount,
      status: 'succeeded',
    });

    // Two calls to the example server, and the page's log of them (never the secret).
    expect(playground.sessionBodies().map((body) => body.purpose)).toEqual(['initial', 'authorization_retry']);
    expect(await playground.secretRequests()).toEqual([
      { purpose: 'initial', authorization: null, account: null, previousSessionId: null, plays: 'no_account' },
      { purpose: 'authorization_retry', authorization: FAKE_IDS.authorization, account: null, previousSessionId: firstSession, plays: 'new_account' },
    ]);
    expect(await playground.setupIntentRequests()).toEqual([
      { account: FAKE_IDS.newAccount, sessionId: success?.detail.sessionId, attempt: 1, plays: 'setup_succeeded' },
    ]);
    expect(await playground.log.innerText()).not.toContain('_secret_');
    expect(await playground.handlerCounts()).toEqual({ start: 2, success: 1, failure: 1, error: 0, fallback: 1, paymentMethod: 1 });
    expect(await playground.stripeCalls()).toEqual([
      { scenario: 'no_account', settled: true },
      { scenario: 'new_account', settled: true },
    ]);
    await playground.screenshot('fallback-authorization_retry');
  });
});

test('the setup outcome picker: declined then confirmed on the second accept, processing, and a page that does not replace payment methods', async ({ playground, page }) => {
  // Declined: the element reports it and keeps the mandate; the next SetupIntent confirms.
  await playground.goto('new_authorization');
  await page.locator('input[name="setup-scenario"][value="setup_failed"]').check();
  await expect(page).toHaveURL(/\?scenario=new_authorization&setup=setup_failed$/);
  await expect(page.locator('#payment-method-plan')).toContainText('confirming plays setup_failed, accepting again plays setup_succeeded');
  await playground.runWithMouse();
  await playground.expectState('mandate');
  await expect(playground.linkStatus).toHaveText('Connected · authorization pending');
  await playground.confirm.click();
  await expect(playground.status).toContainText('accept again');
  await playground.expectState('mandate');
  await expect(playground.linkStatus).toHaveText('Connected · authorization pending');
  await expect.poll(async () => (await playground.setupIntentRequests()).length).toBe(2);
  await playground.confirm.click();
  await playground.expectState('completed');
  await expect(playground.linkStatus).toHaveText('Payment method updated');
  expect((await playground.events()).map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-success', 'fc-relink-error', 'fc-relink-payment-method']);
  expect((await playground.setupIntentRequests()).map((r) => [r.attempt, r.plays])).toEqual([
    [1, 'setup_failed'],
    [2, 'setup_succeeded'],
  ]);
  // The customer went through the bank once.
  expect(await playground.stripeCalls()).toEqual([{ scenario: 'new_authorization', settled: true }]);
  expect(await playground.handlerCounts()).toEqual({ start: 1, success: 1, failure: 0, error: 1, fallback: 0, paymentMethod: 1 });

  // Processing: the payment method is there, Stripe is still verifying it. A link keeps the choice.
  await playground.goto('new_account', 'setup_processing');
  await expect(page.locator('input[name="setup-scenario"][value="setup_processing"]')).toBeChecked();
  await playground.runWithMouse();
  await playground.expectState('mandate');
  await playground.confirm.click();
  await playground.expectState('completed');
  await expect(playground.linkStatus).toHaveText('Payment method updated · verifying');
  expect((await playground.events()).at(-1)?.detail).toMatchObject({ status: 'processing', accountId: FAKE_IDS.newAccount });

  // The page does not replace payment methods: a new account ends at succeeded, no SetupIntent asked.
  const asked = playground.setupRequests.length;
  await page.getByLabel('Replace the payment method on a new account').uncheck();
  await expect(page.locator('#payment-method-plan')).toContainText('does not replace payment methods');
  await page.locator('[data-action="reset"]').click();
  await playground.runWithMouse();
  await playground.expectState('succeeded');
  await expect(playground.linkStatus).toHaveText('Connected');
  await expect(playground.mandate).toHaveCount(0);
  expect(playground.setupRequests.length).toBe(asked);
});

test('an account that expires soon: the card says when, in the page\'s language, and the relink is offered before it', async ({ playground, page }) => {
  // What fake Stripe's expiring account says (the stand-in's, as the playground starts it): twelve days from today, midnight UTC.
  const day = 86_400_000;
  const expires = new Date(Math.floor(Date.now() / day) * day + 12 * day);
  const written = (locale: string): string => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(expires);

  await playground.goto('account_relinked');
  await expect(playground.linkStatus).toHaveText('Needs reconnecting');
  await page.getByRole('radio', { name: /Expires soon/ }).check();
  await expect(page).toHaveURL(/\?scenario=account_relinked&link=expiring$/);
  await expect(playground.linkStatus).toHaveText('Expires soon');
  const when = page.locator('.account-text time');
  await expect(when).toHaveAttribute('datetime', expires.toISOString().slice(0, 10));
  await expect(when).toHaveText(written('en'));
  await expect(page.locator('.account-text')).toContainText(`Stops working on ${written('en')}`);
  await expect(page.locator('.stage-copy')).toContainText('Reconnect now and your payments continue without a gap.');

  // In German, the date is written the German way, and marked as German.
  await page.getByLabel('Language').selectOption('de');
  await expect(when).toHaveText(written('de'));
  await expect(page.locator('.stage-card')).toHaveAttribute('lang', 'de');
  await playground.screenshot('expires-soon');

  // The relink, before the link breaks.
  await playground.runWithMouse();
  await playground.expectState('succeeded');
  // The card speaks the element's language: in German, "Verbunden".
  await expect(playground.linkStatus).toHaveAttribute('data-link-status', 'repaired');
  await expect(playground.linkStatus).toHaveText('Verbunden');
  // A reset shows the account as it was: still expiring.
  await page.locator('[data-action="reset"]').click();
  await expect(playground.linkStatus).toHaveAttribute('data-link-status', 'expiring');
  await expect(playground.linkStatus).toHaveText('Läuft bald ab');
});

test("the server's refusal reaches the element in the page's words: a scenario the fake does not play gets a 400, the page logs it", async ({ playground, page }) => {
  // Name a scenario the fake has not on the way out, as a page out of step with the server would.
  await page.route(`**${SESSION_PATH}`, async (route) => {
    await route.continue({ headers: { ...route.request().headers(), 'fc-relink-scenario': 'not_a_scenario' } });
  });
  await playground.goto('account_relinked');
  // The page expects this one: the request failed on purpose.
  const consoleErrors = playground.pageErrors.length;
  await playground.trigger.click();
  await playground.expectState('errored');
  await expect(playground.modal).toHaveCount(0);

  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-error']);
  expect(events[1]?.detail).toMatchObject({
    type: 'error',
    code: 'client_secret_fetch_failed',
    message: expect.stringContaining('The server answered 400 bad_scenario: the fake Stripe.js has no such scenario.'),
  });
  expect(await playground.secretRequests()).toEqual([
    {
      purpose: 'initial',
      authorization: null,
      account: null,
      previousSessionId: null,
      error: { status: 400, code: 'bad_scenario', message: 'The server answered 400 bad_scenario: the fake Stripe.js has no such scenario.' },
    },
  ]);
  await expect(playground.log.locator('li[data-kind="request"] .log-summary')).toHaveText('initial → 400 bad_scenario');
  // The browser reports the failed fetch on its console; that is the only error.
  expect(playground.pageErrors.slice(consoleErrors).every((text) => text.includes('400'))).toBe(true);
  playground.pageErrors.length = consoleErrors;
});
