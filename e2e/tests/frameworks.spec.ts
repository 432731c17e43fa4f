/**
 * The React and Vue pages: the same playground, the element rendered by `FcRelink` from
 * @fc-relink/react (React 19, in <StrictMode>) or by a Vue 3 single-file component. Each page
 * counts the calls of its own handlers (`onRelinkSuccess`, `@fc-relink-success`, ...); the log
 * hears the events on an ancestor, whatever rendered the element. One click must be one Stripe
 * call, one start and one outcome in both, so a binding that drops an event or delivers it twice
 * fails here. Other specs run their flows on these pages too (scenarios, fallbacks, keyboard,
 * page, stripe-mode).
 *
 * This playground is a development build (playwright.config.ts): React's StrictMode mounts
 * effects twice, and a React or Vue warning fails the test (tests/playground.ts).
 */
import { FAKE_IDS } from '@fc-relink/testing';
import { expect, FRAMEWORK_PAGES, PLAYGROUND_PAGES, test, type HandlerKey, type RelinkElementLike } from './playground.js';

const NAMES: Record<'react' | 'vue', { handlers: Record<HandlerKey, string>; start: string }> = {
  react: {
    handlers: { start: 'onRelinkStart', success: 'onRelinkSuccess', failure: 'onRelinkFailure', error: 'onRelinkError', fallback: 'onRelinkFallback' },
    start: 'ref.current.start()',
  },
  vue: {
    handlers: { start: '@fc-relink-start', success: '@fc-relink-success', failure: '@fc-relink-failure', error: '@fc-relink-error', fallback: '@fc-relink-fallback' },
    start: 'relink.value.start()',
  },
};

const counts = (some: Partial<Record<HandlerKey, number>>): Record<HandlerKey, number> => ({
  start: 0,
  success: 0,
  failure: 0,
  error: 0,
  fallback: 0,
  ...some,
});

test('the header links the three pages and marks the current one', async ({ playground, page }) => {
  await playground.goto('no_account');
  const tabs = page.getByRole('navigation', { name: 'Playground pages' }).getByRole('link');
  await expect(tabs).toHaveText(['HTML', 'React', 'Vue']);
  await expect(tabs.nth(0)).toHaveAttribute('aria-current', 'page');
  await expect(page.locator('.page-tab[aria-current]')).toHaveCount(1);

  // The links carry the choice, and follow it.
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

for (const framework of FRAMEWORK_PAGES) {
  const id = framework.id as 'react' | 'vue';
  const names = NAMES[id];

  test.describe(framework.label, () => {
    test.use({ playgroundPage: id });

    test(`one click is one Stripe call, one start and one outcome, through ${names.handlers.success}`, async ({ playground, page }) => {
      await playground.goto('account_relinked');
      await expect(page.locator('.page-tab[aria-current="page"]')).toHaveText(framework.label);
      if (id === 'react') {
        // StrictMode really is on: React mounted the preview's effects twice.
        await expect(playground.strictMode).toHaveAttribute('data-strict-effects', 'doubled');
        await expect(playground.strictMode).toHaveText('StrictMode · effects run twice');
      }
      await expect(playground.handlers.locator('.handler-name')).toHaveText(Object.values(names.handlers));

      // Everything reached the element as a property; nothing (least of all the key) as an attribute.
      const element = await playground.element.evaluate((el: RelinkElementLike) => ({
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
      expect(await playground.handlerCounts()).toEqual(counts({}));

      await playground.trigger.click();
      await expect(playground.modal).toBeVisible();
      await playground.complete.click();
      await playground.expectState('succeeded');
      await expect(playground.status).toHaveText('Your bank account is reconnected.');
      await expect(page.locator('[data-link-status]')).toHaveText('Connected');

      // One of each: in the log (every event that reached the page), in the page's own handlers
      // (what the binding delivered), and at Stripe.
      const events = await playground.events();
      expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-success']);
      expect(events[0]?.detail).toEqual({ attempt: 1, purpose: 'initial' });
      expect(events[1]?.detail).toMatchObject({ kind: 'account_relinked', account: FAKE_IDS.account, newAccountIds: [] });
      expect(await playground.handlerCounts()).toEqual(counts({ start: 1, success: 1 }));
      expect(await playground.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
      expect(playground.sessionBodies().map((body) => body.purpose)).toEqual(['initial']);
      await playground.screenshot('one-click');

      // A change of the page's settings re-renders the same element with new properties.
      await playground.element.evaluate((el) => el.setAttribute('data-test-same', ''));
      await page.getByLabel('Language').selectOption('de');
      await expect(playground.trigger).toHaveText('Bankverbindung erneuern');
      await page.getByLabel(/Pass them as/).uncheck();
      await expect.poll(() => playground.element.evaluate((el: RelinkElementLike) => el.existingAccountIds)).toBeNull();
      await expect(playground.element).toHaveAttribute('data-test-same', '');
      await playground.expectState('succeeded');
      expect(await playground.handlerCounts()).toEqual(counts({ start: 1, success: 1 }));
      expect(await playground.stripeCalls()).toHaveLength(1);
    });

    test(`a reset renders a fresh element, and ${names.start} reaches it`, async ({ playground, page }) => {
      await playground.goto('no_account');
      await playground.runWithMouse();
      await playground.expectState('failed');
      expect(await playground.handlerCounts()).toEqual(counts({ start: 1, failure: 1 }));

      // Reset: the framework unmounts its element and renders a new one.
      await playground.element.evaluate((el) => el.setAttribute('data-test-old', ''));
      await page.getByRole('button', { name: 'Reset' }).click();
      await playground.expectState('idle');
      await expect(playground.element).toHaveCount(1);
      await expect(playground.element).not.toHaveAttribute('data-test-old');
      await expect(page.locator('.log-mark')).toHaveText('Element reset');
      expect(await playground.handlerCounts()).toEqual(counts({}));
      if (id === 'react') await expect(playground.strictMode).toHaveAttribute('data-strict-effects', 'doubled');

      // The page's reference to the new element: the button calls start() through it.
      await expect(playground.startButton).toHaveText(names.start);
      await playground.startButton.click();
      await expect(playground.modal).toBeVisible();
      await expect(playground.modal).toHaveAttribute('data-fake-stripe-scenario', 'no_account');
      await playground.complete.click();
      await playground.expectState('failed');
      await expect(page.locator('.log-mark').first()).toHaveText(`${names.start} resolved: failure`);

      // The new element starts at attempt 1, and only its handlers count.
      const events = await playground.events();
      expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure', 'fc-relink-start', 'fc-relink-failure']);
      expect(events[2]?.detail).toEqual({ attempt: 1, purpose: 'initial' });
      expect(await playground.handlerCounts()).toEqual(counts({ start: 1, failure: 1 }));
      expect(await playground.stripeCalls()).toEqual([
        { scenario: 'no_account', settled: true },
        { scenario: 'no_account', settled: true },
      ]);
      await expect(playground.fallback('authorization_retry')).toBeVisible();
      await playground.screenshot('reset-start');
    });
  });
}
