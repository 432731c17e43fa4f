/**
 * The playground (demo/) as its smoke tests see it: a `playground` fixture that prepares the
 * page (js.stripe.com answered by the fake Stripe.js, with its modal) and names the parts of the
 * page. It opens the plain HTML page unless a test says `test.use({ playgroundPage: 'react' })`
 * (or `'vue'`): the three pages differ only in how they render the element.
 *
 * Every test also checks that the page threw nothing, logged no error and no warning (React and
 * Vue warn through the console; only Lit's one notice that it runs in dev mode is expected), and
 * that nothing but the Stripe.js script left the machine.
 */
import { test as base, expect, type Locator, type Page, type Request, type TestInfo } from '@playwright/test';
import type { FakeScenario, FakeSetupScenario } from '@fc-relink/testing';
import { CUSTOMER_PATH, RELINK_SESSION_PATH, SETUP_INTENT_PATH } from '../../../demo/src/shared/api.js';
import { PLAYGROUND_PAGES, playgroundPage, type PlaygroundPageId } from '../../../demo/src/shared/pages.js';
import { expectCleanPage, preparePage, RelinkParts, saveScreenshot, type PageWatch } from '../browser.js';

export { expect, PLAYGROUND_PAGES, type PlaygroundPageId };

/** The framework pages: the same playground, the element rendered by React or Vue. */
export const FRAMEWORK_PAGES = PLAYGROUND_PAGES.filter((page) => page.id !== 'html');

/** The keys of the element's events, as the page's handler counts name them. */
export type HandlerKey = 'start' | 'success' | 'failure' | 'error' | 'fallback' | 'paymentMethod';

/** The example server's session route (the element's fetchClientSecret). */
export const SESSION_PATH = RELINK_SESSION_PATH;
/** The example server's SetupIntent route (the element's fetchSetupIntentSecret). */
export const SETUP_PATH = SETUP_INTENT_PATH;
/** The playground's sign-in of its customer, which answers how their bank link stands. */
export { CUSTOMER_PATH };

export interface LoggedEvent {
  name: string;
  detail: Record<string, unknown>;
}

export class Playground extends RelinkParts {
  /** The page's display of the element's `state`. */
  readonly state: Locator;
  /** The relink mode the page shows for the chosen scenario. */
  readonly mode: Locator;
  readonly log: Locator;
  readonly logEvents: Locator;
  /** The page's count of calls of each of its own handlers (onRelinkStart, @fc-relink-start, ...). */
  readonly handlers: Locator;
  /** The React page's StrictMode badge. */
  readonly strictMode: Locator;
  /** The page's requests to the example server's session route, in order. */
  readonly sessionRequests: Request[] = [];
  /** The page's requests to the example server's SetupIntent route, in order. */
  readonly setupRequests: Request[] = [];
  /** The preview card's badge for the bank link, and its account line. */
  readonly linkStatus: Locator;
  readonly accountName: Locator;
  /** The element's mandate and its accept button. */
  readonly mandate: Locator;
  readonly confirm: Locator;

  constructor(
    page: Page,
    private readonly testInfo: TestInfo,
    /** Which page of the playground this is. */
    readonly pageId: PlaygroundPageId,
    readonly watch: PageWatch,
  ) {
    super(page);
    this.state = page.locator('.state-pill');
    this.mode = page.locator('#mode-value');
    this.log = page.locator('.log-list');
    this.logEvents = this.log.locator('li[data-kind="event"]');
    this.handlers = page.locator('.handler-list');
    this.strictMode = page.locator('.badge-strict');
    this.linkStatus = page.locator('[data-link-status]');
    this.accountName = page.locator('.account-text strong');
    this.mandate = this.element.locator('[part="mandate"]');
    this.confirm = this.element.locator('[part="confirm"]');
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1:')) return;
      const path = new URL(request.url()).pathname;
      if (path === SESSION_PATH) this.sessionRequests.push(request);
      if (path === SETUP_PATH) this.setupRequests.push(request);
    });
  }

  /** Requests that left 127.0.0.1 (only Stripe.js should). */
  get externalRequests(): string[] {
    return this.watch.externalRequests;
  }

  /** Errors and warnings the page reported so far. */
  get pageErrors(): string[] {
    return this.watch.pageErrors;
  }

  /** This page's path, e.g. `/react.html`. */
  get path(): string {
    return playgroundPage(this.pageId).path;
  }

  /** Opens this page of the playground, optionally on a scenario and setup outcome (through the URL, as a shared link would). */
  async goto(scenario?: FakeScenario, setup?: FakeSetupScenario): Promise<void> {
    const query = new URLSearchParams();
    if (scenario) query.set('scenario', scenario);
    if (setup) query.set('setup', setup);
    await this.open(query.size ? `?${query.toString()}` : '');
  }

  /** Opens this page with a query string (`?account=...`), and waits for the element. */
  async open(search = ''): Promise<void> {
    await this.page.goto(`${this.path}${search}`);
    await expect(this.trigger).toBeVisible();
  }

  scenarioRadio(scenario: FakeScenario): Locator {
    return this.page.locator(`input[name="scenario"][value="${scenario}"]`);
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

  /** What the page sent the example server's session route, oldest first. */
  sessionBodies(): Array<Record<string, unknown>> {
    return this.sessionRequests.map((request) => request.postDataJSON() as Record<string, unknown>);
  }

  /** The logged `fetchClientSecret` calls, oldest first. */
  secretRequests(): Promise<Array<Record<string, unknown>>> {
    return this.logged('request');
  }

  /** The logged `fetchSetupIntentSecret` calls, oldest first. */
  setupIntentRequests(): Promise<Array<Record<string, unknown>>> {
    return this.logged('setup-request');
  }

  private logged(kind: string): Promise<Array<Record<string, unknown>>> {
    return this.log
      .locator(`li[data-kind="${kind}"]`)
      .evaluateAll((items) => items.reverse().map((item) => JSON.parse(item.querySelector('pre')?.textContent ?? 'null') as Record<string, unknown>));
  }

  /** Waits for the element to be in `state` (property and reflected attribute), with the page showing the same. */
  async expectState(state: string): Promise<void> {
    await this.expectElementState(state);
    await expect(this.state).toHaveText(state);
  }

  /**
   * A screenshot of a settled state, kept in .reports/screenshots/: named `<name>` on the HTML
   * page and `<page>-<name>` on the others, so a test run on every page keeps one image of each.
   */
  screenshot(shot: string): Promise<void> {
    return saveScreenshot(this.page, this.testInfo, this.pageId === 'html' ? shot : `${this.pageId}-${shot}`);
  }
}

export const test = base.extend<{ playgroundPage: PlaygroundPageId; playground: Playground }>({
  playgroundPage: ['html', { option: true }],
  playground: async ({ page, playgroundPage: pageId }, use, testInfo) => {
    const watch = await preparePage(page);
    await use(new Playground(page, testInfo, pageId, watch));
    expectCleanPage(watch);
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
