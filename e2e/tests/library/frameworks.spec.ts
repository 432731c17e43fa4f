/**
 * The React and Vue fixture pages: `FcRelink` from @fc-relink/react in React 19's <StrictMode>,
 * and `<fc-relink>` in a Vue 3 single-file component. One click must be one Stripe call, one
 * start and one outcome for the page's own handlers (`onRelinkSuccess`, `@fc-relink-success`,
 * ...) and on the document, so a binding that drops an event or delivers it twice fails here.
 * The pages are development builds: StrictMode mounts effects twice, and a React or Vue warning
 * fails the test. Other specs run their flows on these pages too (scenarios, fallbacks,
 * keyboard, disconnect, accessibility, secrets).
 */
import { FAKE_IDS } from '@fc-relink/testing';
import type { RelinkElementLike } from '../browser.js';
import { expect, FRAMEWORK_PAGES, test } from './fixture.js';

for (const { id, label } of FRAMEWORK_PAGES) {
  test.describe(label, () => {
    test.use({ fixturePage: id });

    test('one click is one Stripe call, one start and one outcome, through the page\'s handlers', async ({ fixture, page }) => {
      await fixture.open('account_relinked', { existing: [FAKE_IDS.account, FAKE_IDS.otherAccount], locale: 'en' });
      if (id === 'react') {
        // StrictMode really is on: React mounted the component's effects twice.
        expect(await page.evaluate(() => window.fixture.mountEffects)).toBe(2);
      }

      // Everything reached the element as a property; nothing (least of all the key) as an attribute.
      const element = await fixture.element.evaluate((el: RelinkElementLike) => ({
        attributes: el.getAttributeNames(),
        publishableKey: el.publishableKey.startsWith('pk_test_'),
        fetchClientSecret: typeof el.fetchClientSecret,
        existingAccountIds: el.existingAccountIds,
        locale: el.locale,
      }));
      expect(element).toEqual({
        attributes: ['state'],
        publishableKey: true,
        fetchClientSecret: 'function',
        existingAccountIds: [FAKE_IDS.account, FAKE_IDS.otherAccount],
        locale: 'en',
      });
      expect(await fixture.handled()).toEqual([]);

      await fixture.trigger.click();
      await expect(fixture.modal).toBeVisible();
      await fixture.complete.click();
      await fixture.expectElementState('succeeded');
      await expect(fixture.status).toHaveText('Your bank account is reconnected.');

      // One of each: in the page's own handlers (what the binding delivered), on the document
      // (every event that reached the page), and at Stripe.
      const events = await fixture.handled();
      expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-success']);
      expect(events[0]?.detail).toEqual({ attempt: 1, purpose: 'initial' });
      expect(events[1]?.detail).toMatchObject({ kind: 'account_relinked', account: FAKE_IDS.account, newAccountIds: [] });
      expect(await fixture.heard()).toEqual(events);
      expect(await fixture.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
      expect(fixture.sessions.bodies.map((body) => body.purpose)).toEqual(['initial']);
      await fixture.screenshot('one-click');

      // New props re-render the same element with new properties.
      await fixture.element.evaluate((el) => el.setAttribute('data-test-same', ''));
      await fixture.set({ locale: 'de' });
      await expect(fixture.status).toHaveText('Ihr Bankkonto ist wieder verbunden.');
      await fixture.set({ existingAccountIds: null });
      await expect.poll(() => fixture.element.evaluate((el: RelinkElementLike) => el.existingAccountIds)).toBeNull();
      await expect(fixture.element).toHaveAttribute('data-test-same', '');
      await fixture.expectElementState('succeeded');
      expect(await fixture.handledNames()).toEqual(['fc-relink-start', 'fc-relink-success']);
      expect(await fixture.stripeCalls()).toHaveLength(1);
    });

    test('a reset renders a fresh element, and start() through the page\'s ref reaches it', async ({ fixture, page }) => {
      await fixture.open('no_account');
      await fixture.runWithMouse();
      await fixture.expectElementState('failed');
      expect(await fixture.handledNames()).toEqual(['fc-relink-start', 'fc-relink-failure']);

      // The framework unmounts its element and renders a new one.
      await fixture.element.evaluate((el) => el.setAttribute('data-test-old', ''));
      await fixture.reset();
      await expect(fixture.element).toHaveCount(1);
      await expect(fixture.element).not.toHaveAttribute('data-test-old');
      await fixture.expectElementState('idle');
      if (id === 'react') expect(await page.evaluate(() => window.fixture.mountEffects)).toBe(4);

      // The page's reference to the new element: start() through it.
      await page.evaluate(() => {
        void window.fixture.start();
      });
      await expect(fixture.modal).toBeVisible();
      await expect(fixture.modal).toHaveAttribute('data-fake-stripe-scenario', 'no_account');
      await fixture.complete.click();
      await fixture.expectElementState('failed');
      await expect.poll(() => page.evaluate(() => window.fixture.outcomes)).toEqual([expect.objectContaining({ type: 'failure', reason: 'no_account' })]);

      // The new element starts at attempt 1, and its events reach the page's handlers once each.
      const events = await fixture.handled();
      expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-start', 'fc-relink-failure']);
      expect(events[2]?.detail).toEqual({ attempt: 1, purpose: 'initial' });
      // start() resolved with what the settling event carried.
      expect(events[3]?.detail).toEqual(await page.evaluate(() => window.fixture.outcomes[0]));
      expect(await fixture.stripeCalls()).toEqual([
        { scenario: 'no_account', settled: true },
        { scenario: 'no_account', settled: true },
      ]);
      await expect(fixture.fallback('authorization_retry')).toBeVisible();
      await fixture.screenshot('reset-start');
    });
  });
}
