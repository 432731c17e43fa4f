/**
 * What the page gives the element reaches it, and no client secret ever shows up on the page
 * (SPEC section 5). Both run on every fixture page: a binding that set a property as an
 * attribute would put the publishable key in the DOM, or lose an array.
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { expect, forEveryPage, test } from './fixture.js';

forEveryPage(() => {
  test('no client secret reaches the page text, the DOM, a URL or the console', async ({ fixture, page }) => {
    const seen: string[] = [];
    page.on('console', (message) => seen.push(message.text()));
    page.on('request', (request) => seen.push(request.url()));

    await fixture.open(null, { plays: (body) => (body.purpose === 'authorization_retry' ? 'new_account' : 'no_account') });
    await fixture.runWithMouse();
    await fixture.fallback('authorization_retry').click();
    await fixture.complete.click();
    await fixture.expectElementState('succeeded');
    fixture.sessions.plays('stripe_error');
    await fixture.reset();
    await fixture.runWithMouse();
    await fixture.expectElementState('errored');

    // Secrets were handed out and used, so the checks below mean something.
    expect(await fixture.stripeCalls()).toEqual([
      { scenario: 'no_account', settled: true },
      { scenario: 'new_account', settled: true },
      { scenario: 'stripe_error', settled: true },
    ]);
    expect((await fixture.handled()).map((e) => (e.detail as { sessionId?: string }).sessionId).filter(Boolean)).toEqual([
      'fcsess_fixture1_no_account',
      'fcsess_fixture2_new_account',
    ]);

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
    // Nor what the element told the page.
    expect(JSON.stringify(await fixture.handled())).not.toContain('_secret_');
    expect(seen.filter((text) => text.includes('_secret_'))).toEqual([]);
    await expect(fixture.element).not.toHaveAttribute('client-secret', /./);
  });

  test('the page\'s existing account ids and language reach the element', async ({ fixture }) => {
    // The page already knows the new account: nothing is new any more.
    await fixture.open('new_account', { existing: [FAKE_IDS.account, FAKE_IDS.newAccount] });
    await fixture.runWithMouse();
    await fixture.expectElementState('succeeded');
    expect((await fixture.handled()).at(-1)?.detail).toMatchObject({
      newAccountIds: [],
      missingAccountIds: [FAKE_IDS.account],
      accounts: [{ id: FAKE_IDS.newAccount, isNew: false }],
    });

    // The page passes no ids: the element cannot tell, so it says null. (A fresh element: a
    // finished repair offers no trigger to do it again.)
    await fixture.set({ existingAccountIds: null });
    await fixture.reset();
    await fixture.runWithMouse();
    await expect.poll(async () => (await fixture.handledNames()).filter((name) => name === 'fc-relink-success')).toHaveLength(2);
    expect((await fixture.handled()).at(-1)?.detail).toMatchObject({ newAccountIds: null, missingAccountIds: null, accounts: [{ isNew: null }] });

    // The language: the element's own strings follow; without one, the page's lang (en).
    await fixture.reset();
    await expect(fixture.trigger).toHaveText('Reconnect your bank');
    await fixture.set({ locale: 'de' });
    await expect(fixture.trigger).toHaveText('Bankverbindung erneuern');
    await fixture.set({ locale: 'ja' });
    await expect(fixture.trigger).toHaveText('銀行口座を再接続');
    await fixture.screenshot('page-settings-ja');
  });
});
