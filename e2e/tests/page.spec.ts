/**
 * The playground's own controls reach the element, and no client secret ever shows up on the
 * page (SPEC section 5). The secrets test runs on every page: a binding that set a property as
 * an attribute would put the publishable key in the DOM. (frameworks.spec.ts follows settings
 * into the React and Vue pages' elements.)
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { expect, forEveryPage, test } from './playground.js';

forEveryPage(() => {
  test('no client secret reaches the page text, the DOM, the log, a URL or the console', async ({ playground, page }) => {
    const seen: string[] = [];
    page.on('console', (message) => seen.push(message.text()));
    page.on('request', (request) => seen.push(request.url()));

    await playground.goto('no_account');
    await playground.runWithMouse();
    await playground.fallback('authorization_retry').click();
    await playground.complete.click();
    await playground.expectState('succeeded');
    await playground.scenarioRadio('stripe_error').check();
    await playground.runWithMouse();
    await playground.expectState('errored');

    // Secrets were handed out (their session ids are in the log), so the checks below mean something.
    await expect(playground.log).toContainText(/"sessionId": "fcsess_demo\d+_no_account"/);
    await expect(playground.log).toContainText(/"sessionId": "fcsess_demo\d+_new_account"/);

    const everything = await page.evaluate(() => {
      const parts: string[] = [document.body.innerText, document.documentElement.outerHTML, location.href];
      const walk = (root: Document | ShadowRoot): void => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) {
            parts.push(el.shadowRoot.innerHTML, (el.shadowRoot as unknown as { textContent: string }).textContent);
            walk(el.shadowRoot);
          }
          for (const attr of el.getAttributeNames()) parts.push(`${attr}=${el.getAttribute(attr) ?? ''}`);
        }
      };
      walk(document);
      return parts.join('\n');
    });
    expect(everything).not.toContain('_secret_');
    expect(everything).not.toMatch(/pk_(test|live)_/);
    expect(await playground.log.innerText()).not.toContain('_secret_');
    expect(seen.filter((text) => text.includes('_secret_'))).toEqual([]);
    await expect(playground.element).not.toHaveAttribute('client-secret', /./);
  });
});

test('existing account ids and the language reach the element', async ({ playground, page }) => {
  await playground.goto('new_account');

  // The page already knows the new account: nothing is new any more.
  await page.getByLabel('Add an account id').fill(FAKE_IDS.newAccount);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.locator('.chips')).toContainText(FAKE_IDS.newAccount);
  await playground.runWithMouse();
  await playground.expectState('succeeded');
  let events = await playground.events();
  expect(events.at(-1)?.detail).toMatchObject({ newAccountIds: [], accounts: [{ id: FAKE_IDS.newAccount, isNew: false }] });

  // The page passes no ids: the element cannot tell, so it says null.
  await page.getByLabel(/Pass them as/).uncheck();
  await playground.runWithMouse();
  await expect(playground.entries('fc-relink-success')).toHaveCount(2);
  events = await playground.events();
  expect(events.at(-1)?.detail).toMatchObject({ newAccountIds: null, missingAccountIds: null, accounts: [{ isNew: null }] });

  // Removing an id with its button.
  await page.getByRole('button', { name: `Remove ${FAKE_IDS.otherAccount}` }).click();
  await expect(page.locator('.chips')).not.toContainText(FAKE_IDS.otherAccount);

  // The language: the element's own strings follow.
  await page.getByLabel('Language').selectOption('de');
  await expect(playground.trigger).toHaveText('Bankverbindung erneuern');
  await page.getByLabel('Language').selectOption('ja');
  await expect(playground.trigger).toHaveText('銀行口座を再接続');
  await playground.screenshot('page-settings-ja');
});

test('reset and clear: a fresh element and an empty log', async ({ playground, page }) => {
  await playground.goto('account_relinked');
  await playground.runWithMouse();
  await playground.expectState('succeeded');
  await expect(playground.logEvents).toHaveCount(2);

  await page.getByRole('button', { name: 'Reset' }).click();
  await playground.expectState('idle');
  await expect(playground.status).toHaveText('');
  await expect(page.locator('.log-mark')).toHaveText('Element reset');

  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(playground.log.locator('li')).toHaveCount(0);
  await expect(page.getByText('No events yet.')).toBeVisible();
  await expect(page.locator('.log-card .count')).toHaveText('0');

  // The fresh element starts at attempt 1 again.
  await playground.runWithMouse();
  await playground.expectState('succeeded');
  expect((await playground.events())[0]?.detail).toEqual({ attempt: 1, purpose: 'initial' });
});
