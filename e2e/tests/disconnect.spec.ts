/**
 * Taking the element off the page while its attempt waits for a client secret (SPEC section 3):
 * the element aborts the `AbortSignal` it gave `fetchClientSecret`, so the page's fetch to the
 * demo server is cancelled in the browser; the attempt still settles exactly once, with an
 * `fc-relink-error` dispatched on the detached element; Stripe is never called for it; and a new
 * element relinks as if nothing happened.
 *
 * The page's request is held in the browser (Playwright's routing) so the attempt is
 * deterministically still waiting when the element goes. The page's log hears events on an
 * ancestor of the element, so it cannot hear the detached element's last event: a listener the
 * test puts on the element itself records what it dispatches.
 */
import type { Page, Request } from '@playwright/test';
import { expect, forEveryPage, SESSION_PATH, test, type Playground } from './playground.js';

/** What the test's listener saw the element dispatch. */
interface Dispatched {
  name: string;
  detail: Record<string, unknown>;
  /** Whether the element was in the page when it dispatched the event. */
  connected: boolean;
}

/** The same, for the outcome `start()` resolved with. */
interface Recorded {
  dispatched: Dispatched[];
  /** What the page's second `start()` call resolved with, once it has. */
  outcome: Record<string, unknown> | null;
  /** Whether the second `start()` returned the running attempt's promise. */
  samePromise: boolean | null;
}

type RecordingWindow = Window & { __fcRelinkRecorded?: Recorded };

/**
 * Puts a listener for every event on the current `<fc-relink>` (it stays on that element after
 * a reset replaces it).
 */
async function recordElement(playground: Playground): Promise<void> {
  await playground.element.evaluate((el) => {
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

/** The page's log entry for the aborted `fetchClientSecret` call (the page reports `aborted` only when the element's signal fired). */
const ABORTED_REQUEST = {
  purpose: 'initial',
  authorization: null,
  account: null,
  previousSessionId: null,
  error: { status: null, code: 'aborted', message: 'The element stopped waiting for the demo server.' },
};

/** The attempt's one settling event: the page's fetchClientSecret rejected because the signal fired. */
const ABANDONED = {
  type: 'error',
  code: 'client_secret_fetch_failed',
  message: 'fetchClientSecret rejected: The element stopped waiting for the demo server.',
  retryable: true,
  stripeError: null,
};

/** Relinks with a new element, and checks it went as it would have on a fresh page. */
async function relinkWithNewElement(playground: Playground): Promise<void> {
  await playground.expectState('idle');
  await playground.runWithMouse();
  await playground.expectState('succeeded');
  await expect(playground.status).toHaveText('Your bank account is reconnected.');
  expect(await playground.handlerCounts()).toEqual({ start: 1, success: 1, failure: 0, error: 0, fallback: 0 });
  expect(await playground.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
  expect((await playground.secretRequests())[1]).toEqual({ purpose: 'initial', authorization: null, account: null, previousSessionId: null, plays: 'account_relinked' });
  expect(playground.sessionBodies().map((body) => body.purpose)).toEqual(['initial', 'initial']);
}

forEveryPage(() => {
  test('Reset while fetchClientSecret is pending aborts its fetch: one error, no Stripe call, and a new element relinks', async ({ playground, page }) => {
    const failed = failedSessionRequests(page);
    await playground.goto('account_relinked');
    await recordElement(playground);
    const hold = await playground.holdSessions();

    await playground.trigger.click();
    const pending = await hold.arrived();
    await playground.expectState('loading');
    expect(failed).toEqual([]);

    // The page's Reset takes the element out and renders a new one.
    await page.getByRole('button', { name: 'Reset' }).click();

    // The element's signal fired: the browser cancelled the page's fetch...
    await expect.poll(() => failed.length).toBe(1);
    expect(failed[0]!.request).toBe(pending);
    expect(failed[0]!.errorText).toBe('net::ERR_ABORTED');
    // ...and the page's fetchClientSecret saw the signal aborted.
    await expect.poll(() => playground.secretRequests()).toEqual([ABORTED_REQUEST]);

    // Exactly one settling event, an error, dispatched after the element had left the page.
    await expect.poll(async () => (await recorded(page)).dispatched.length).toBe(2);
    expect((await recorded(page)).dispatched).toEqual([
      { name: 'fc-relink-start', detail: { attempt: 1, purpose: 'initial' }, connected: true },
      { name: 'fc-relink-error', detail: ABANDONED, connected: false },
    ]);
    // Stripe was never called, and the bank login never opened.
    expect(await playground.stripeCalls()).toEqual([]);
    await expect(playground.modal).toHaveCount(0);
    // The page's log heard the start (the element was in the page then), not the detached error.
    expect((await playground.events()).map((e) => e.name)).toEqual(['fc-relink-start']);

    // A new element relinks normally, through the demo server.
    await hold.release();
    await relinkWithNewElement(playground);
    // The old element said nothing more meanwhile.
    expect((await recorded(page)).dispatched).toHaveLength(2);
    expect((await playground.events()).map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-start', 'fc-relink-success']);
    expect(failed).toHaveLength(1);
    await playground.screenshot('disconnect-reset-relinked');
  });
});

test('el.remove() while fetchClientSecret is pending: start() resolves with the one error event, and Stripe is never called', async ({ playground, page }) => {
  const failed = failedSessionRequests(page);
  await playground.goto('account_relinked');
  await recordElement(playground);
  const hold = await playground.holdSessions();

  await playground.trigger.click();
  await hold.arrived();
  await playground.expectState('loading');
  // A second start() while the attempt runs returns the same promise; keep what it resolves with.
  await playground.element.evaluate((el) => {
    const relink = el as HTMLElement & { start(): Promise<Record<string, unknown>> };
    const recording = (window as RecordingWindow).__fcRelinkRecorded!;
    const first = relink.start();
    recording.samePromise = relink.start() === first;
    void first.then((outcome) => {
      recording.outcome = outcome;
    });
  });

  await playground.element.evaluate((el) => el.remove());
  await expect(playground.element).toHaveCount(0);

  await expect.poll(() => failed.map((f) => f.errorText)).toEqual(['net::ERR_ABORTED']);
  await expect.poll(async () => (await recorded(page)).outcome).toEqual(ABANDONED);
  const seen = await recorded(page);
  expect(seen.samePromise).toBe(true);
  expect(seen.dispatched).toEqual([
    { name: 'fc-relink-start', detail: { attempt: 1, purpose: 'initial' }, connected: true },
    { name: 'fc-relink-error', detail: ABANDONED, connected: false },
  ]);
  expect(await playground.stripeCalls()).toEqual([]);
  await expect(playground.modal).toHaveCount(0);
  expect(await playground.secretRequests()).toEqual([ABORTED_REQUEST]);
  // The page's own listeners on the element heard the same: one start, one error.
  expect(await playground.handlerCounts()).toEqual({ start: 1, success: 0, failure: 0, error: 1, fallback: 0 });

  // The page's Reset renders a new element, which relinks normally.
  await hold.release();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(playground.element).toHaveCount(1);
  await relinkWithNewElement(playground);
  expect((await recorded(page)).dispatched).toHaveLength(2);
  expect(failed).toHaveLength(1);
  await playground.screenshot('disconnect-remove-relinked');
});

test('moving the element within the page while fetchClientSecret is pending does not abort: the attempt goes on', async ({ playground, page }) => {
  const failed = failedSessionRequests(page);
  await playground.goto('account_relinked');
  await recordElement(playground);
  const hold = await playground.holdSessions();

  await playground.trigger.click();
  await hold.arrived();
  await playground.expectState('loading');
  // Out of the page and back in within one task: disconnected, then connected again at once.
  await playground.element.evaluate((el) => {
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
  });
  // Let a few tasks pass; the request is still held, not cancelled.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 100)));
  expect(failed).toEqual([]);
  await playground.expectState('loading');

  await hold.release();
  await expect(playground.modal).toBeVisible();
  await playground.complete.click();
  await playground.expectState('succeeded');
  expect((await recorded(page)).dispatched.map((d) => d.name)).toEqual(['fc-relink-start', 'fc-relink-success']);
  expect(await playground.stripeCalls()).toEqual([{ scenario: 'account_relinked', settled: true }]);
  expect(await playground.secretRequests()).toEqual([{ purpose: 'initial', authorization: null, account: null, previousSessionId: null, plays: 'account_relinked' }]);
  expect(failed).toEqual([]);
});
