/**
 * Taking the element off the page while its attempt waits for a client secret (SPEC section 3):
 * the element aborts the `AbortSignal` it gave `fetchClientSecret`, so the page's fetch to its
 * server is cancelled in the browser; the attempt settles at once, exactly once, with an
 * `fc-relink-error` dispatched on the detached element that says nothing was sent; Stripe is never
 * called for it; and a new element relinks as if nothing happened.
 *
 * The page's request is held in the browser (Playwright's routing) so the attempt is
 * deterministically still waiting when the element goes. A detached element's event cannot
 * reach `document`, so a listener the test puts on the element itself records what it dispatches.
 */
import type { Page, Request } from '@playwright/test';
import { expect, forEveryPage, SESSION_PATH, test, type FixturePage } from './fixture.js';

/** What the test's listener saw the element dispatch. */
interface Dispatched {
  name: string;
  detail: Record<string, unknown>;
  /** Whether the element was in the page when it dispatched the event. */
  connected: boolean;
}

interface Recorded {
  dispatched: Dispatched[];
  /** What the page's second `start()` call resolved with, once it has. */
  outcome: Record<string, unknown> | null;
  /** Whether the second `start()` returned the running attempt's promise. */
  samePromise: boolean | null;
}

type RecordingWindow = Window & { __fcRelinkRecorded?: Recorded };

/** Puts a listener for every event on the current `<fc-relink>` (it stays on that element after a reset replaces it). */
async function recordElement(fixture: FixturePage): Promise<void> {
  await fixture.element.evaluate((el) => {
    const recorded: Recorded = { dispatched: [], outcome: null, samePromise: null };
    (window as RecordingWindow).__fcRelinkRecorded = recorded;
    for (const name of ['fc-relink-start', 'fc-relink-success', 'fc-relink-failure', 'fc-relink-error', 'fc-relink-fallback']) {
      el.addEventListener(name, (event) => {
        recorded.dispatched.push({ name, detail: (event as CustomEvent<Record<string, unknown>>).detail, connected: el.isConnected });
      });
    }
  });
}

function recorded(page: Page): Promise<Recorded> {
  return page.evaluate(() => (window as RecordingWindow).__fcRelinkRecorded!);
}

/** The page's session requests that the browser gave up on, with why. */
function failedSessionRequests(page: Page): Array<{ request: Request; errorText: string }> {
  const failed: Array<{ request: Request; errorText: string }> = [];
  page.on('requestfailed', (request) => {
    if (new URL(request.url()).pathname === SESSION_PATH) failed.push({ request, errorText: request.failure()?.errorText ?? '' });
  });
  return failed;
}

/**
 * Opens the fixture recording the element's events, holds the page's session request, presses
 * the trigger and waits until the request arrived and the element is loading. Returns the failed
 * session requests (watched from before the open) and the held request.
 */
async function pendAtSecretFetch(fixture: FixturePage, page: Page) {
  const failed = failedSessionRequests(page);
  await fixture.open('account_relinked');
  await recordElement(fixture);
  fixture.sessions.hold();

  await fixture.trigger.click();
  const pending = await fixture.sessions.arrived();
  await fixture.expectElementState('loading');
  return { failed, pending };
}

/** The page's record of the aborted `fetchClientSecret` call (it says `aborted` only when the element's signal fired). */
const ABORTED_REQUEST = { purpose: 'initial', authorization: null, account: null, previousSessionId: null, result: 'aborted' };

/**
 * The attempt's one settling event: the element ended it the moment it left the page, without
 * waiting for the page's fetchClientSecret (which rejects too, as its signal fired).
 */
const ABANDONED = {
  type: 'error',
  code: 'unexpected',
  message: 'The element left the page before Stripe opened. Nothing was sent to Stripe.',
  retryable: true,
  stripeError: null,
  fallbacks: [],
};

/** Relinks with the new element, and checks it went as it would have on a fresh page. */
async function relinkWithNewElement(fixture: FixturePage): Promise<void> {
  await fixture.expectElementState('idle');
  await fixture.runWithMouse();
  await fixture.expectElementState('succeeded');
  await expect(fixture.status).toHaveText('Your bank account is reconnected.');
  expect(await fixture.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
  expect((await fixture.secretRequests())[1]).toEqual({ purpose: 'initial', authorization: null, account: null, previousSessionId: null, result: 'secret' });
  expect(fixture.sessions.bodies.map((body) => body.purpose)).toEqual(['initial', 'initial']);
}

forEveryPage(() => {
  test('a reset while fetchClientSecret is pending aborts its fetch: one error, no Stripe call, and a new element relinks', async ({ fixture, page }) => {
    const { failed, pending } = await pendAtSecretFetch(fixture, page);
    expect(failed).toEqual([]);

    // The page's framework takes the element out and renders a new one.
    await fixture.element.evaluate((el) => el.setAttribute('data-test-old', ''));
    await fixture.reset();
    await expect(page.locator('fc-relink:not([data-test-old])')).toHaveCount(1);

    // The element's signal fired: the browser cancelled the page's fetch...
    await expect.poll(() => failed.length).toBe(1);
    expect(failed[0]!.request).toBe(pending);
    expect(failed[0]!.errorText).toBe('net::ERR_ABORTED');
    // ...and the page's fetchClientSecret saw the signal aborted.
    await expect.poll(() => fixture.secretRequests()).toEqual([ABORTED_REQUEST]);

    // Exactly one settling event, an error, dispatched after the element had left the page.
    await expect.poll(async () => (await recorded(page)).dispatched.length).toBe(2);
    expect((await recorded(page)).dispatched).toEqual([
      { name: 'fc-relink-start', detail: { attempt: 1, purpose: 'initial' }, connected: true },
      { name: 'fc-relink-error', detail: ABANDONED, connected: false },
    ]);
    // Stripe was never called, and the bank login never opened.
    expect(await fixture.stripeCalls()).toEqual([]);
    await expect(fixture.modal).toHaveCount(0);
    // The document heard the start (the element was in the page then), not the detached error.
    expect((await fixture.heard()).map((e) => e.name)).toEqual(['fc-relink-start']);

    // A new element relinks normally.
    await fixture.sessions.release();
    await relinkWithNewElement(fixture);
    // The old element said nothing more meanwhile.
    expect((await recorded(page)).dispatched).toHaveLength(2);
    expect((await fixture.heard()).map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-start', 'fc-relink-success']);
    expect(failed).toHaveLength(1);
    await fixture.screenshot('disconnect-reset-relinked');
  });
});

test('el.remove() while fetchClientSecret is pending: start() resolves with the one error event, and Stripe is never called', async ({ fixture, page }) => {
  const { failed } = await pendAtSecretFetch(fixture, page);
  // A second start() while the attempt runs returns the same promise; keep what it resolves with.
  await fixture.element.evaluate((el) => {
    const relink = el as HTMLElement & { start(): Promise<Record<string, unknown>> };
    const recording = (window as RecordingWindow).__fcRelinkRecorded!;
    const first = relink.start();
    recording.samePromise = relink.start() === first;
    void first.then((outcome) => {
      recording.outcome = outcome;
    });
  });

  await fixture.element.evaluate((el) => el.remove());
  await expect(fixture.element).toHaveCount(0);

  await expect.poll(() => failed.map((f) => f.errorText)).toEqual(['net::ERR_ABORTED']);
  await expect.poll(async () => (await recorded(page)).outcome).toEqual(ABANDONED);
  const seen = await recorded(page);
  expect(seen.samePromise).toBe(true);
  expect(seen.dispatched).toEqual([
    { name: 'fc-relink-start', detail: { attempt: 1, purpose: 'initial' }, connected: true },
    { name: 'fc-relink-error', detail: ABANDONED, connected: false },
  ]);
  expect(await fixture.stripeCalls()).toEqual([]);
  await expect(fixture.modal).toHaveCount(0);
  expect(await fixture.secretRequests()).toEqual([ABORTED_REQUEST]);
  // The page's own listeners on the element heard the same: one start, one error.
  expect(await fixture.handled()).toEqual([
    { name: 'fc-relink-start', detail: { attempt: 1, purpose: 'initial' } },
    { name: 'fc-relink-error', detail: ABANDONED },
  ]);

  // The page renders a new element, which relinks normally.
  await fixture.sessions.release();
  await fixture.reset();
  await expect(fixture.element).toHaveCount(1);
  await relinkWithNewElement(fixture);
  expect((await recorded(page)).dispatched).toHaveLength(2);
  expect(failed).toHaveLength(1);
  await fixture.screenshot('disconnect-remove-relinked');
});

test('moving the element within the page while fetchClientSecret is pending does not abort: the attempt goes on', async ({ fixture, page }) => {
  const { failed } = await pendAtSecretFetch(fixture, page);
  // Out of the page and back in within one task: disconnected, then connected again at once.
  await fixture.element.evaluate((el) => {
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
  });
  // Let a few tasks pass; the request is still held, not cancelled.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  expect(failed).toEqual([]);
  await fixture.expectElementState('loading');

  await fixture.sessions.release();
  await expect(fixture.modal).toBeVisible();
  await fixture.complete.click();
  await fixture.expectElementState('succeeded');
  expect((await recorded(page)).dispatched.map((d) => d.name)).toEqual(['fc-relink-start', 'fc-relink-success']);
  expect(await fixture.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
  expect(await fixture.secretRequests()).toEqual([{ purpose: 'initial', authorization: null, account: null, previousSessionId: null, result: 'secret' }]);
  expect(failed).toEqual([]);
});
