/**
 * The playground as the tests see it: a `playground` fixture that routes js.stripe.com to the
 * fake Stripe.js (with its modal) before the page loads, and names the parts of the page. It
 * opens the plain HTML page unless a test says `test.use({ playgroundPage: 'react' })` (or
 * `'vue'`): the three pages differ only in how they render the element.
 *
 * Every test also checks that the page threw nothing, logged no error and no warning (React and
 * Vue warn through the console; only Lit's one notice that it runs in dev mode is expected), and
 * that nothing but the Stripe.js script left the machine.
 *
 * `playground.holdSessions()` holds the page's requests for a client secret in the browser, for
 * tests that need the element to stay `loading` (accessibility.spec.ts, disconnect.spec.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page, type Request, type Route, type TestInfo } from '@playwright/test';
import { routeFakeStripe } from '@fc-relink/testing/playwright';
import type { FakeScenario, FakeStripe } from '@fc-relink/testing';
import { PLAYGROUND_PAGES, playgroundPage, type PlaygroundPageId } from '../../demo/src/shared/pages.js';

export { expect, PLAYGROUND_PAGES, type PlaygroundPageId };

/** The framework pages: the same playground, the element rendered by React or Vue. */
export const FRAMEWORK_PAGES = PLAYGROUND_PAGES.filter((page) => page.id !== 'html');

/** The keys of the element's events, as the page's handler counts name them. */
export type HandlerKey = 'start' | 'success' | 'failure' | 'error' | 'fallback';

/** The `<fc-relink>` properties the tests read in the page (e2e does not depend on the element's types). */
export interface RelinkElementLike extends HTMLElement {
  state: string;
  publishableKey: string;
  fetchClientSecret: unknown;
  existingAccountIds: string[] | null;
  locale: string;
}

/** What the fixture records of each fake Stripe call (never the client secret). */
export interface StripeCall {
  scenario: FakeScenario | null;
  settled: boolean;
}

/** Lit's notice in its development build: the one console warning a page may print. */
const LIT_DEV_MODE = /^Lit is in dev mode\. Not recommended for production!/;

/** The demo server's session endpoint. */
export const SESSION_PATH = '/api/relink-session';

/** Screenshots of settled states, also kept outside test-results/ (which each run empties). */
const SCREENSHOTS = fileURLToPath(new URL('../../.reports/screenshots/', import.meta.url));

export interface LoggedEvent {
  name: string;
  detail: Record<string, unknown>;
}

/**
 * Holds the page's requests to the demo server's session endpoint (the fetch of the page's
 * `fetchClientSecret`) in the browser until the test lets them go, so the element stays
 * `loading` for exactly as long as the test needs. Made by {@link Playground.holdSessions}.
 */
export class SessionHold {
  readonly #held: Route[] = [];
  #released = false;

  /** For the page's route handler. */
  handle(route: Route): Promise<void> | void {
    if (this.#released) return route.fallback();
    this.#held.push(route);
  }

  /** Waits until a request is held, and returns the first one held. */
  async arrived(): Promise<Request> {
    await expect.poll(() => this.#held.length, { message: `a request to ${SESSION_PATH}` }).toBeGreaterThan(0);
    return this.#held[0]!.request();
  }

  /**
   * Sends the held requests on to the demo server (all but those the page gave up on
   * meanwhile), and lets every later one through.
   */
  async release(): Promise<void> {
    this.#released = true;
    for (const route of this.#held.splice(0)) {
      if (route.request().failure() === null) await route.fallback();
    }
  }
}

export class Playground {
  /** The `<fc-relink>` element. */
  readonly element: Locator;
  /** Its built-in trigger (in its shadow root; Playwright's CSS locators pierce it). */
  readonly trigger: Locator;
  /** Its status live region. */
  readonly status: Locator;
  /** The fake Stripe.js modal. */
  readonly modal: Locator;
  readonly complete: Locator;
  readonly close: Locator;
  /** The page's display of the element's `state`. */
  readonly state: Locator;
  /** The relink mode the page shows for the chosen scenario. */
  readonly mode: Locator;
  readonly log: Locator;
  readonly logEvents: Locator;
  /** Requests that left 127.0.0.1 (only Stripe.js should). */
  readonly externalRequests: string[] = [];
  /** The page's requests to the demo server's session endpoint, in order. */
  readonly sessionRequests: Request[] = [];
  readonly pageErrors: string[] = [];

  /** The page's count of calls of each of its own handlers (onRelinkStart, @fc-relink-start, ...). */
  readonly handlers: Locator;
  /** The preview's button that calls `start()` through the page's reference to the element. */
  readonly startButton: Locator;
  /** The React page's StrictMode badge. */
  readonly strictMode: Locator;

  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
    /** Which page of the playground this is. */
    readonly pageId: PlaygroundPageId = 'html',
  ) {
    this.element = page.locator('fc-relink');
    this.trigger = this.element.locator('[part="trigger"]');
    this.status = this.element.locator('[part="status"]');
    this.modal = page.locator('[data-fake-stripe-modal]');
    this.complete = this.modal.locator('[data-fake-stripe-action="complete"]');
    this.close = this.modal.locator('[data-fake-stripe-action="close"]');
    this.state = page.locator('.state-pill');
    this.mode = page.locator('#mode-value');
    this.log = page.locator('.log-list');
    this.logEvents = this.log.locator('li[data-kind="event"]');
    this.handlers = page.locator('.handler-list');
    this.startButton = page.locator('button[data-action="start"]');
    this.strictMode = page.locator('.badge-strict');
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1:')) this.externalRequests.push(request.url());
      else if (new URL(request.url()).pathname === SESSION_PATH) this.sessionRequests.push(request);
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
      else if (message.type() === 'warning' && !LIT_DEV_MODE.test(message.text())) this.pageErrors.push(`warning: ${message.text()}`);
    });
  }

  /** This page's path, e.g. `/react.html`. */
  get path(): string {
    return playgroundPage(this.pageId).path;
  }

  /** Opens this page of the playground, optionally on a scenario (through the URL, as a shared link would). */
  async goto(scenario?: FakeScenario): Promise<void> {
    await this.open(scenario ? `?scenario=${scenario}` : '');
  }

  /** Opens this page with a query string (`?account=...`), and waits for the element. */
  async open(search = ''): Promise<void> {
    await this.page.goto(`${this.path}${search}`);
    await expect(this.trigger).toBeVisible();
  }

  scenarioRadio(scenario: FakeScenario): Locator {
    return this.page.locator(`input[name="scenario"][value="${scenario}"]`);
  }

  fallback(name: string): Locator {
    return this.element.locator(`[part="fallback"][data-fallback="${name}"]`);
  }

  /** Log entries of one event, newest first. */
  entries(name: string): Locator {
    return this.log.locator(`li[data-event="${name}"]`);
  }

  /** Every logged element event, oldest first, with its detail parsed back from the log. */
  async events(): Promise<LoggedEvent[]> {
    return this.logEvents.evaluateAll((items) =>
      items.reverse().map((item) => ({
        name: (item as HTMLElement).dataset.event ?? '',
        detail: JSON.parse(item.querySelector('pre')?.textContent ?? 'null') as Record<string, unknown>,
      })),
    );
  }

  /** How often each of the page's handlers ran, since the element was rendered. */
  async handlerCounts(): Promise<Record<HandlerKey, number>> {
    return this.handlers.locator('[data-handler]').evaluateAll((items) =>
      Object.fromEntries(items.map((item) => [(item as HTMLElement).dataset.handler, Number((item as HTMLElement).dataset.count)])),
    ) as Promise<Record<HandlerKey, number>>;
  }

  /** Every call of the fake Stripe.js's `collectFinancialConnectionsAccounts`, oldest first. */
  async stripeCalls(): Promise<StripeCall[]> {
    return this.page.evaluate(() =>
      ((window as unknown as { __fcRelinkFakeStripes?: FakeStripe[] }).__fcRelinkFakeStripes ?? []).flatMap((stripe) =>
        stripe.calls.map((call) => ({ scenario: call.scenario, settled: call.settled })),
      ),
    );
  }

  /** What the page sent the demo server, oldest first. */
  sessionBodies(): Array<Record<string, unknown>> {
    return this.sessionRequests.map((request) => request.postDataJSON() as Record<string, unknown>);
  }

  /** The logged `fetchClientSecret` calls, oldest first. */
  async secretRequests(): Promise<Array<Record<string, unknown>>> {
    return this.log
      .locator('li[data-kind="request"]')
      .evaluateAll((items) => items.reverse().map((item) => JSON.parse(item.querySelector('pre')?.textContent ?? 'null') as Record<string, unknown>));
  }

  /** From now on, holds the page's requests to the session endpoint (see {@link SessionHold}). */
  async holdSessions(): Promise<SessionHold> {
    const hold = new SessionHold();
    await this.page.route(`**${SESSION_PATH}`, (route) => hold.handle(route));
    return hold;
  }

  /** Opens the bank login with a click and finishes it. */
  async runWithMouse(): Promise<void> {
    await this.trigger.click();
    await expect(this.modal).toBeVisible();
    await this.complete.click();
    await expect(this.modal).toHaveCount(0);
  }

  /** Waits for the element to be in `state` (property and reflected attribute), with the page showing the same. */
  async expectState(state: string): Promise<void> {
    await expect(this.element).toHaveAttribute('state', state);
    expect(await this.element.evaluate((el) => (el as HTMLElement & { state: string }).state)).toBe(state);
    await expect(this.state).toHaveText(state);
  }

  /**
   * A screenshot of a settled state: a test artifact, and a copy in .reports/screenshots/. The
   * full page, unless the bank login is open (its backdrop covers only the viewport). Named
   * `<name>` on the HTML page and `<page>-<name>` on the others, so a test run on every page
   * keeps one image of each.
   */
  async screenshot(shot: string): Promise<void> {
    const name = this.pageId === 'html' ? shot : `${this.pageId}-${shot}`;
    const fullPage = (await this.modal.count()) === 0;
    // From the top, so the sticky header sits where it belongs in a full-page image.
    if (fullPage) await this.page.evaluate(() => window.scrollTo(0, 0));
    const path = this.testInfo.outputPath(`${name}.png`);
    const body = await this.page.screenshot({ path, fullPage, animations: 'disabled' });
    await this.testInfo.attach(name, { body, contentType: 'image/png' });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(`${SCREENSHOTS}${name}.png`, body);
  }
}

/**
 * Keeps every Stripe instance the page makes (the fake's, which records its calls), by wrapping
 * the `window.Stripe` constructor that the Stripe.js script defines. The page sees the same
 * constructor, behind a Proxy.
 */
function recordStripeInstances(): void {
  const made: unknown[] = [];
  let constructor: unknown;
  Object.defineProperty(window, '__fcRelinkFakeStripes', { value: made });
  Object.defineProperty(window, 'Stripe', {
    configurable: true,
    enumerable: true,
    get: () => constructor,
    set(value: unknown) {
      constructor =
        typeof value === 'function'
          ? new Proxy(value, {
              apply(target, self, args) {
                const instance: unknown = Reflect.apply(target, self, args);
                made.push(instance);
                return instance;
              },
              construct(target, args) {
                const instance = Reflect.construct(target, args) as object;
                made.push(instance);
                return instance;
              },
            })
          : value;
    },
  });
}

export const test = base.extend<{ playgroundPage: PlaygroundPageId; playground: Playground }>({
  playgroundPage: ['html', { option: true }],
  playground: async ({ page, playgroundPage: pageId }, use, testInfo) => {
    await routeFakeStripe(page, { ui: true });
    await page.addInitScript(recordStripeInstances);
    const playground = new Playground(page, testInfo, pageId);
    await use(playground);
    expect(playground.pageErrors, 'errors in the page').toEqual([]);
    const unexpected = playground.externalRequests.filter((url) => !url.startsWith('https://js.stripe.com/'));
    expect(unexpected, 'requests beyond the playground and Stripe.js').toEqual([]);
  },
});

/**
 * Defines the same tests on every page of the playground: as they are for the plain HTML page,
 * and inside a `React` and a `Vue` describe (with `playgroundPage` set) for the others.
 */
export function forEveryPage(define: (page: PlaygroundPageId) => void): void {
  define('html');
  for (const { id, label } of FRAMEWORK_PAGES) {
    test.describe(label, () => {
      test.use({ playgroundPage: id });
      define(id);
    });
  }
}
