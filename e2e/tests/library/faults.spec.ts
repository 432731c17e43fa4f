/**
 * The fault matrix (SPEC section 3, "Behaviour the contract fixes"): the element page with
 * Stripe.js, Stripe's answer, the page's session endpoint, its SetupIntent endpoint (the
 * payment-method step of SPEC section 9) and the page itself misbehaving, one row each. Every row
 * must hold the same four things:
 *
 * - exactly one settlement (success, failure or error) per attempt (`fc-relink-start`); an
 *   error of the payment-method step, after the attempt's success, is the step's, not a second
 *   settlement;
 * - no unhandled rejection, page error or console error (beyond the browser's own line about a
 *   script that failed to load, in the rows that make it fail);
 * - Stripe called at most once per attempt;
 * - no client secret or key anywhere: DOM (shadow roots included), attributes, events, console,
 *   URLs, storage.
 *
 * Each row writes its result to .reports/fault-matrix/; the run's global teardown prints them as
 * a table (global-setup.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { routeFakeStripe } from '@fc-relink/testing/playwright';
import { FAULT_MATRIX_DIR } from '../../servers.js';
import { FAKE_IDS, fakeClientSecret, type FakeStripeFault } from '@fc-relink/testing';
import { expect, test, type FixturePage, type RecordedEvent, type SessionAnswer, type SetupIntentAnswer } from './fixture.js';

/** A secret key the page's server wrongly hands out. */
const SECRET_KEY = 'sk_test_51FaultMatrixNeverShown';

type StripeJs = 'fake' | 'blocked' | '404' | 'slow' | 'no Stripe' | 'throws';

interface Row {
  group: string;
  name: string;
  /** How js.stripe.com answers (default: the fake). */
  stripeJs?: StripeJs;
  /** How the fake's calls misbehave. */
  fault?: FakeStripeFault;
  /** What the page's session endpoint answers (default: `account_relinked`). */
  server?: SessionAnswer;
  /** Holds the session endpoint's requests (never released). */
  holdServer?: boolean;
  /**
   * The payment-method step on (`?payments`, the page knowing its accounts), and what the
   * SetupIntent endpoint answers, request after request (the last repeats). The session then plays
   * `new_account` unless `server` says otherwise.
   */
  setup?: SetupIntentAnswer[];
  /** What the browser itself logs for this fault (a resource that failed to load, Stripe.js's own error): not the page's. */
  noise?: RegExp;
  /** Set up before the page opens (routes of its own). */
  before?: (page: Page) => Promise<void>;
  /** What the person (or the page) does; the attempts must all have settled after it. */
  act: (fixture: FixturePage, page: Page) => Promise<void>;
}

/** Clicks the trigger and waits for the attempt it starts to settle. */
async function clickAndSettle(fixture: FixturePage): Promise<void> {
  const starts = async (): Promise<number> => (await fixture.handledNames()).filter((name) => name === 'fc-relink-start').length;
  const before = await starts();
  await fixture.trigger.click();
  // A click that comes before the element's flow code starts its attempt once the code is in.
  await expect.poll(starts).toBeGreaterThan(before);
  await expect.poll(() => openAttempts(fixture)).toBe(0);
}

async function openAttempts(fixture: FixturePage): Promise<number> {
  const handled = await fixture.handled();
  return handled.filter((e) => e.name === 'fc-relink-start').length - settlementsOf(handled).length;
}

/**
 * The attempts' settlements among the events the page handled: every success and failure, and
 * every error but the payment-method step's (an error after the attempt's success).
 */
function settlementsOf(handled: RecordedEvent[]): RecordedEvent[] {
  let succeeded = false;
  return handled.filter((event) => {
    if (event.name === 'fc-relink-start') succeeded = false;
    if (!/^fc-relink-(success|failure|error)$/.test(event.name)) return false;
    if (event.name === 'fc-relink-error' && succeeded) return false;
    if (event.name === 'fc-relink-success') succeeded = true;
    return true;
  });
}

/** The payment-method step's events: its errors and the new payment method. */
function stepEventsOf(handled: RecordedEvent[]): RecordedEvent[] {
  const settlements = new Set(settlementsOf(handled));
  return handled.filter((event) => event.name === 'fc-relink-payment-method' || (event.name === 'fc-relink-error' && !settlements.has(event)));
}

/** Relinks to a new account, and waits for the mandate. */
async function relinkToMandate(fixture: FixturePage): Promise<void> {
  await fixture.trigger.click();
  await fixture.complete.click();
  await fixture.expectElementState('mandate');
}

/**
 * Accepts the mandate until the payment method is replaced: each accept ends in the step's error
 * and the mandate again, or in `completed`. The relink is never lost: the customer never goes
 * back to the bank.
 */
async function acceptUntilReplaced(fixture: FixturePage): Promise<void> {
  await relinkToMandate(fixture);
  const confirm = fixture.element.locator('[part="confirm"]');
  for (let accepts = 1; accepts <= 3; accepts += 1) {
    const before = stepEventsOf(await fixture.handled()).length;
    await confirm.click();
    await expect.poll(async () => stepEventsOf(await fixture.handled()).length).toBe(before + 1);
    if ((await fixture.element.getAttribute('state')) === 'completed') break;
    await fixture.expectElementState('mandate');
  }
  await fixture.expectElementState('completed');
  expect(await fixture.stripeCalls()).toHaveLength(1);
  // Only SetupIntent secrets reached Stripe, the last one confirmed.
  const confirmed = await fixture.setupCalls();
  expect(confirmed.every((scenario) => scenario !== null)).toBe(true);
  expect(confirmed.at(-1)).toBe('setup_succeeded');
}

/**
 * Removes the element while an attempt waits, and waits for that attempt to settle: at once
 * before Stripe opened; once Stripe's window is open it is Stripe's, so the attempt settles when
 * the customer finishes there, on the detached element.
 */
async function removeMidFlow(fixture: FixturePage, state: 'loading' | 'open'): Promise<void> {
  await fixture.trigger.click();
  await fixture.expectElementState(state);
  await fixture.element.evaluate((el) => el.remove());
  if (state === 'open') {
    await fixture.page.waitForTimeout(100);
    expect(await openAttempts(fixture), "still Stripe's").toBe(1);
    await fixture.complete.click();
  }
  await expect.poll(() => openAttempts(fixture)).toBe(0);
}

/** Moves the element within the page (taken off and put back in the same task: a reordered list). */
async function moveElement(fixture: FixturePage): Promise<void> {
  await fixture.element.evaluate((el) => {
    const parent = el.parentElement!;
    el.remove();
    parent.prepend(el);
  });
}

/** Whether the fixture server fails the element's flow chunk (the row that tests it). */
let flowChunkDown = false;

/** The browser's own console line for a response it could not use. */
const FAILED_RESOURCE = /^Failed to load resource/;

const ROWS: Row[] = [
  { group: 'Stripe.js', name: 'blocked', stripeJs: 'blocked', noise: FAILED_RESOURCE, act: clickAndSettle },
  { group: 'Stripe.js', name: '404', stripeJs: '404', noise: FAILED_RESOURCE, act: clickAndSettle },
  {
    group: 'Stripe.js',
    name: 'slow (2 s)',
    stripeJs: 'slow',
    act: async (fixture) => {
      await fixture.trigger.click();
      await expect(fixture.modal).toBeVisible({ timeout: 10_000 });
      await fixture.complete.click();
      await expect.poll(() => openAttempts(fixture)).toBe(0);
    },
  },
  { group: 'Stripe.js', name: 'defines no Stripe', stripeJs: 'no Stripe', act: clickAndSettle },
  { group: 'Stripe.js', name: 'throws', stripeJs: 'throws', noise: /^Stripe\.js broke$/, act: clickAndSettle },
  { group: 'collect', name: 'rejects', fault: 'rejects', act: clickAndSettle },
  { group: 'collect', name: 'throws', fault: 'throws', act: clickAndSettle },
  { group: 'collect', name: 'resolves junk', fault: 'junk', act: clickAndSettle },
  { group: 'collect', name: 'removed while open, the customer gives up there', server: 'no_authorization', act: (fixture) => removeMidFlow(fixture, 'open') },
  { group: 'provider', name: 'rejects (HTTP 500)', server: { status: 500, json: { error: 'down' } }, noise: FAILED_RESOURCE, act: clickAndSettle },
  { group: 'provider', name: 'returns junk', server: { status: 200, json: { clientSecret: 'fcsess_not a secret' } }, act: clickAndSettle },
  { group: 'provider', name: 'returns a secret key', server: { status: 200, json: { clientSecret: SECRET_KEY } }, act: clickAndSettle },
  { group: 'provider', name: 'hangs, then removed', holdServer: true, act: (fixture) => removeMidFlow(fixture, 'loading') },
  { group: 'payment step', name: 'SetupIntent endpoint fails (HTTP 500)', setup: [{ status: 500, json: { error: 'down' } }, { status: 500, json: { error: 'down' } }, 'setup_succeeded'], noise: FAILED_RESOURCE, act: acceptUntilReplaced },
  { group: 'payment step', name: 'SetupIntent endpoint returns junk', setup: [{ status: 200, json: { clientSecret: 'seti_not a secret' } }, { status: 200, json: { clientSecret: 42 } }, 'setup_succeeded'], act: acceptUntilReplaced },
  { group: 'payment step', name: 'SetupIntent endpoint returns a secret key', setup: [{ status: 200, json: { clientSecret: SECRET_KEY } }, { status: 200, json: { clientSecret: SECRET_KEY } }, 'setup_succeeded'], act: acceptUntilReplaced },
  {
    group: 'payment step',
    name: 'SetupIntent endpoint returns a session secret',
    setup: [{ status: 200, json: { clientSecret: fakeClientSecret('account_relinked', 'wrong1') } }, { status: 200, json: { clientSecret: fakeClientSecret('account_relinked', 'wrong2') } }, 'setup_succeeded'],
    act: acceptUntilReplaced,
  },
  { group: 'payment step', name: 'confirmation declined, then accepted again', setup: ['setup_failed', 'setup_succeeded'], act: acceptUntilReplaced },
  {
    group: 'payment step',
    name: 'SetupIntent endpoint hangs, accepted, then removed',
    setup: ['hang'],
    act: async (fixture, page) => {
      await relinkToMandate(fixture);
      await fixture.element.locator('[part="confirm"]').click();
      await fixture.expectElementState('confirming');
      await fixture.element.evaluate((el) => el.remove());
      // Long enough for anything the removal set off to surface.
      await page.waitForTimeout(300);
      expect(stepEventsOf(await fixture.handled())).toEqual([]);
    },
  },
  {
    group: 'payment step',
    name: 'element removed at the mandate, then put back and accepted',
    setup: ['setup_succeeded'],
    act: async (fixture, page) => {
      await relinkToMandate(fixture);
      await fixture.element.evaluate((el) => {
        const parent = el.parentElement!;
        el.remove();
        (window as unknown as { __parked: [Element, Element] }).__parked = [el, parent];
      });
      await page.waitForTimeout(300);
      expect(stepEventsOf(await fixture.handled())).toEqual([]);
      // Put back (a tab panel, Vue's KeepAlive): still the mandate, and accepting completes.
      await page.evaluate(() => {
        const [el, parent] = (window as unknown as { __parked: [Element, Element] }).__parked;
        parent.append(el);
      });
      await fixture.expectElementState('mandate');
      await fixture.element.locator('[part="confirm"]').click();
      await fixture.expectElementState('completed');
      expect(stepEventsOf(await fixture.handled()).map((e) => e.name)).toEqual(['fc-relink-payment-method']);
    },
  },
  {
    group: 'element',
    name: 'its payment-step chunk fails to load',
    setup: ['setup_succeeded'],
    before: async (page) => {
      await page.route(/\/assets\/mandate-[^/]+\.js$/, (route) => route.fulfill({ status: 503, body: 'down' }));
    },
    noise: FAILED_RESOURCE,
    act: async (fixture) => {
      await fixture.trigger.click();
      await fixture.complete.click();
      // The relink stands; the page hears, as a typed retryable error, why no mandate follows.
      await expect.poll(async () => stepEventsOf(await fixture.handled()).map((e) => e.name)).toEqual(['fc-relink-error']);
      expect(stepEventsOf(await fixture.handled())[0]!.detail).toMatchObject({ code: 'unexpected', retryable: true });
      await fixture.expectElementState('succeeded');
      expect(await fixture.setupCalls()).toEqual([]);
    },
  },
  {
    group: 'element',
    name: 'a language chunk fails to load',
    before: async (page) => {
      await page.route(/\/assets\/ja-[^/]+\.js$/, (route) => route.fulfill({ status: 503, body: 'down' }));
    },
    noise: FAILED_RESOURCE,
    act: async (fixture) => {
      // Japanese cannot be had: the element speaks English rather than nothing, and relinks.
      await fixture.set({ locale: 'ja' });
      await expect(fixture.trigger).toHaveText('Reconnect your bank');
      await fixture.trigger.click();
      await fixture.complete.click();
      await expect.poll(() => openAttempts(fixture)).toBe(0);
      await fixture.expectElementState('succeeded');
    },
  },
  {
    group: 'element',
    name: 'its own flow chunk fails to load, then loads',
    // The code that runs a relink comes after the first render; here the server fails it until
    // the first click has met the failure (however often the element asked meanwhile).
    before: async (page) => {
      flowChunkDown = true;
      await page.route(/\/assets\/flow-[^/]+\.js$/, (route) => (flowChunkDown ? route.fulfill({ status: 503, body: 'down' }) : route.fallback()));
    },
    noise: FAILED_RESOURCE,
    act: async (fixture) => {
      // The first click meets the failure: a retryable error, nothing sent to Stripe.
      await fixture.trigger.click();
      await expect.poll(() => fixture.handledNames()).toEqual(['fc-relink-start', 'fc-relink-error']);
      expect((await fixture.handled())[1]!.detail).toMatchObject({ code: 'unexpected', retryable: true });
      await fixture.expectElementState('errored');
      // The server is back: the next click loads it and relinks.
      flowChunkDown = false;
      await fixture.trigger.click();
      await expect(fixture.modal).toBeVisible();
      await fixture.complete.click();
      await expect.poll(() => openAttempts(fixture)).toBe(0);
      await fixture.expectElementState('succeeded');
    },
  },
  {
    group: 'page',
    name: 'element removed while Stripe is open',
    server: 'account_relinked',
    act: (fixture) => removeMidFlow(fixture, 'open'),
  },
  // A move is not a removal (SPEC section 9): in every state the element goes on as if it had not
  // moved.
  {
    group: 'page',
    name: 'element moved while its secret is fetched',
    holdServer: true,
    act: async (fixture) => {
      await fixture.trigger.click();
      await fixture.expectElementState('loading');
      await moveElement(fixture);
      await fixture.sessions.release();
      await fixture.complete.click();
      await fixture.expectElementState('succeeded');
      await expect.poll(() => openAttempts(fixture)).toBe(0);
    },
  },
  {
    group: 'page',
    name: 'element moved while Stripe.js loads',
    stripeJs: 'slow',
    act: async (fixture) => {
      await fixture.trigger.click();
      await fixture.expectElementState('loading');
      await moveElement(fixture);
      await expect(fixture.modal).toBeVisible({ timeout: 10_000 });
      await fixture.complete.click();
      await fixture.expectElementState('succeeded');
      await expect.poll(() => openAttempts(fixture)).toBe(0);
    },
  },
  {
    group: 'page',
    name: 'element moved while Stripe is open',
    act: async (fixture) => {
      await fixture.trigger.click();
      await expect(fixture.modal).toBeVisible();
      await moveElement(fixture);
      await fixture.complete.click();
      await fixture.expectElementState('succeeded');
      await expect.poll(() => openAttempts(fixture)).toBe(0);
    },
  },
  {
    group: 'page',
    name: 'element moved after a failure, then a fallback chosen',
    server: 'no_authorization',
    act: async (fixture) => {
      await fixture.trigger.click();
      await fixture.close.click();
      await fixture.expectElementState('failed');
      await moveElement(fixture);
      await fixture.expectElementState('failed');
      await fixture.element.locator('[part="fallback"][data-fallback="retry"]').click();
      await fixture.close.click();
      await expect.poll(() => openAttempts(fixture)).toBe(0);
      await fixture.expectElementState('failed');
    },
  },
  {
    group: 'page',
    name: 'element moved after it succeeded',
    act: async (fixture) => {
      await fixture.trigger.click();
      await fixture.complete.click();
      await fixture.expectElementState('succeeded');
      await moveElement(fixture);
      await fixture.expectElementState('succeeded');
      // Still done: no trigger invites the customer to redo it.
      await expect(fixture.element.locator('[part="trigger"]')).toHaveCount(0);
    },
  },
  {
    group: 'payment step',
    name: 'element moved at the mandate, then accepted',
    setup: ['setup_succeeded'],
    act: async (fixture) => {
      await relinkToMandate(fixture);
      await moveElement(fixture);
      await fixture.expectElementState('mandate');
      await fixture.element.locator('[part="confirm"]').click();
      await fixture.expectElementState('completed');
      expect(stepEventsOf(await fixture.handled()).map((e) => e.name)).toEqual(['fc-relink-payment-method']);
    },
  },
  {
    group: 'payment step',
    name: 'element moved while confirming',
    setup: ['setup_succeeded'],
    act: async (fixture) => {
      await relinkToMandate(fixture);
      // Accepted and moved in the same task: the confirmation under way goes on.
      await fixture.element.evaluate((el) => {
        el.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]')!.click();
        const parent = el.parentElement!;
        el.remove();
        parent.prepend(el);
      });
      await fixture.expectElementState('completed');
      expect(stepEventsOf(await fixture.handled()).map((e) => e.name)).toEqual(['fc-relink-payment-method']);
    },
  },
  {
    group: 'page',
    name: '100-click storm',
    act: async (fixture) => {
      await fixture.element.evaluate((el) => {
        const trigger = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!;
        for (let i = 0; i < 100; i += 1) trigger.click();
      });
      await expect(fixture.modal).toHaveCount(1);
      await fixture.complete.click();
      await expect.poll(() => openAttempts(fixture)).toBe(0);
    },
  },
  {
    group: 'page',
    name: '50 concurrent start()',
    act: async (fixture, page) => {
      const distinct = await page.evaluate(() => {
        const el = document.querySelector('fc-relink') as HTMLElement & { start(): Promise<unknown> };
        return new Set(Array.from({ length: 50 }, () => el.start())).size;
      });
      expect(distinct).toBe(1);
      await fixture.complete.click();
      await expect.poll(() => openAttempts(fixture)).toBe(0);
    },
  },
  {
    group: 'page',
    name: 'fallback spam',
    server: 'no_authorization',
    act: async (fixture, page) => {
      await fixture.trigger.click();
      await fixture.close.click();
      await fixture.expectElementState('failed');
      // Every fallback, many times over, by click and by chooseFallback(), while the retry runs.
      await page.evaluate(() => {
        const el = document.querySelector('fc-relink') as HTMLElement & { chooseFallback(f: string): Promise<unknown> };
        const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="fallback"]')];
        for (let i = 0; i < 30; i += 1) {
          for (const button of buttons) button.click();
          for (const f of ['retry', 'authorization_retry', 'new_payment_method', 'bogus']) void el.chooseFallback(f);
        }
      });
      await expect(fixture.modal).toHaveCount(1);
      await fixture.close.click();
      await expect.poll(() => openAttempts(fixture)).toBe(0);
    },
  },
];

/** How js.stripe.com answers, for the rows that change it. */
async function serveStripeJs(page: Page, how: StripeJs, fault: FakeStripeFault | undefined): Promise<void> {
  if (how === 'fake') {
    if (fault) await routeFakeStripe(page, { ui: true, fault });
    return;
  }
  await page.route('https://js.stripe.com/**', async (route) => {
    if (how === 'blocked') return route.abort('blockedbyclient');
    if (how === '404') return route.fulfill({ status: 404, body: 'not found' });
    if (how === 'no Stripe') return route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* no Stripe here */' });
    if (how === 'throws') return route.fulfill({ status: 200, contentType: 'application/javascript', body: "throw new Error('Stripe.js broke');" });
    // slow: the fake, two seconds late.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return route.fallback();
  });
}

/** Everything the page shows or keeps: DOM and shadow roots, attributes, URL, storage, cookies. */
function everythingVisible(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML, location.href, document.cookie];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) parts.push(`${attr}=${el.getAttribute(attr) ?? ''}`);
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i += 1) parts.push(`${storage.key(i)}=${storage.getItem(storage.key(i)!) ?? ''}`);
    }
    return parts.join('\n');
  });
}

/** A client secret (the fake's are `fcsess_fixture<n>_<scenario>_secret_...`) or a secret key; not our own `client_secret_*` codes. */
const SECRET_SHAPES = /(?:fcsess|seti|pi)_[A-Za-z0-9_]*_secret_[A-Za-z0-9]|[sr]k_(?:test|live)_[A-Za-z0-9]/;

for (const row of ROWS) {
  test(`fault matrix: ${row.group}: ${row.name}`, async ({ fixture, page }) => {
    const consoleLines: string[] = [];
    const urls: string[] = [];
    page.on('console', (message) => consoleLines.push(message.text()));
    page.on('request', (request) => urls.push(request.url()));
    await page.addInitScript(() => {
      const unhandled: string[] = [];
      Object.defineProperty(window, '__unhandledRejections', { value: unhandled });
      window.addEventListener('unhandledrejection', (event) => unhandled.push(String(event.reason)));
    });
    await serveStripeJs(page, row.stripeJs ?? 'fake', row.fault);
    await row.before?.(page);
    if (row.holdServer) fixture.sessions.hold();
    if (row.setup) {
      fixture.setupIntents.plays = row.setup;
      await fixture.open(null, { plays: row.server ?? 'new_account', payments: true, existing: [FAKE_IDS.account, FAKE_IDS.otherAccount] });
    } else {
      await fixture.open(null, { plays: row.server ?? 'account_relinked' });
    }

    await row.act(fixture, page);

    const handled = await fixture.handled();
    const starts = handled.filter((e) => e.name === 'fc-relink-start').length;
    const settlements = settlementsOf(handled);
    const step = stepEventsOf(handled)
      .map((e) => (e.name === 'fc-relink-error' ? `error:${(e.detail as { code: string }).code}` : 'payment-method'))
      .join(', ');
    const calls = (await fixture.stripeCalls()).length;
    const unhandled = await page.evaluate(() => (window as unknown as { __unhandledRejections: string[] }).__unhandledRejections);
    const pageErrors = fixture.watch.pageErrors.filter((text) => !row.noise?.test(text));
    fixture.watch.pageErrors.splice(0, fixture.watch.pageErrors.length, ...pageErrors);
    const leaks = [await everythingVisible(page), JSON.stringify(handled), JSON.stringify(await fixture.heard()), ...consoleLines, ...urls].filter(
      (text) => SECRET_SHAPES.test(text),
    );
    const outcome = [
      settlements.map((e) => (e.name === 'fc-relink-error' ? `error:${(e.detail as { code: string }).code}` : e.name.slice(10))).join(', '),
      step ? `then ${step}` : '',
    ].filter(Boolean).join('; ');

    mkdirSync(FAULT_MATRIX_DIR, { recursive: true });
    writeFileSync(
      `${FAULT_MATRIX_DIR}${`${row.group}-${row.name}`.replace(/[^a-z0-9]+/gi, '-')}.json`,
      JSON.stringify({ group: row.group, name: row.name, starts, settlements: settlements.length, calls, unhandled: unhandled.length, pageErrors: pageErrors.length, leaks: leaks.length, outcome }),
    );

    expect(starts, 'attempts').toBeGreaterThan(0);
    expect(settlements.length, 'one settlement per attempt').toBe(starts);
    expect(calls, 'Stripe called at most once per attempt').toBeLessThanOrEqual(starts);
    expect(unhandled, 'unhandled rejections').toEqual([]);
    expect(pageErrors, 'page errors').toEqual([]);
    expect(leaks, 'secrets anywhere').toEqual([]);
  });
}
