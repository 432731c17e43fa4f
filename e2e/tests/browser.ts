/**
 * What the library's fixture pages (library/fixture.ts) and the playground (playground/
 * playground.ts) have in common as the tests see them: js.stripe.com answered by the fake
 * Stripe.js, a watch on the page for errors, warnings and requests that leave the machine, the
 * fake's calls, focus across shadow roots, and screenshots kept in .reports/screenshots/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { routeFakeStripe } from '@fc-relink/testing/playwright';
import type { FakeScenario, FakeStripe } from '@fc-relink/testing';

/** Lit's notice in its development build: the one console warning a page may print. */
const LIT_DEV_MODE = /^Lit is in dev mode\. Not recommended for production!/;

/** Screenshots of settled states, also kept outside test-results/ (which each run empties). */
const SCREENSHOTS = fileURLToPath(new URL('../../.reports/screenshots/', import.meta.url));

/** What the watch on a page saw. */
export interface PageWatch {
  /** Uncaught errors, console errors, and console warnings but Lit's dev-mode notice. */
  pageErrors: string[];
  /** Requests that left 127.0.0.1 (only Stripe.js should). */
  externalRequests: string[];
}

/**
 * Prepares a page before it loads: js.stripe.com answered by the fake Stripe.js (with its bank
 * login modal), every Stripe instance recorded, and a watch on what the page reports and requests.
 */
export async function preparePage(page: Page): Promise<PageWatch> {
  await routeFakeStripe(page, { ui: true });
  await page.addInitScript(recordStripeInstances);
  const watch: PageWatch = { pageErrors: [], externalRequests: [] };
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) watch.externalRequests.push(request.url());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') watch.pageErrors.push(message.text());
    else if (message.type() === 'warning' && !LIT_DEV_MODE.test(message.text())) watch.pageErrors.push(`warning: ${message.text()}`);
  });
  return watch;
}

/** After a test: the page threw, logged and warned nothing, and only fetched Stripe.js from outside. */
export function expectCleanPage(watch: PageWatch): void {
  expect(watch.pageErrors, 'errors in the page').toEqual([]);
  const unexpected = watch.externalRequests.filter((url) => !url.startsWith('https://js.stripe.com/'));
  expect(unexpected, 'requests beyond the page and Stripe.js').toEqual([]);
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

/** What the tests read of each fake Stripe call (never the client secret). */
export interface StripeCall {
  scenario: FakeScenario | null;
  settled: boolean;
}

/** Every call of the fake Stripe.js's `collectFinancialConnectionsAccounts`, oldest first. */
export function stripeCalls(page: Page): Promise<StripeCall[]> {
  return page.evaluate(() =>
    ((window as unknown as { __fcRelinkFakeStripes?: FakeStripe[] }).__fcRelinkFakeStripes ?? []).flatMap((stripe) =>
      stripe.calls.map((call) => ({ scenario: call.scenario, settled: call.settled })),
    ),
  );
}

/** The `<fc-relink>` properties the tests read in the page (e2e does not depend on the element's types). */
export interface RelinkElementLike extends HTMLElement {
  state: string;
  publishableKey: string;
  fetchClientSecret: unknown;
  existingAccountIds: string[] | null;
  locale: string;
}

/** The parts of the element and of the fake's bank login that the tests use. */
export class RelinkParts {
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

  constructor(readonly page: Page) {
    this.element = page.locator('fc-relink');
    this.trigger = this.element.locator('[part="trigger"]');
    this.status = this.element.locator('[part="status"]');
    this.modal = page.locator('[data-fake-stripe-modal]');
    this.complete = this.modal.locator('[data-fake-stripe-action="complete"]');
    this.close = this.modal.locator('[data-fake-stripe-action="close"]');
  }

  fallback(name: string): Locator {
    return this.element.locator(`[part="fallback"][data-fallback="${name}"]`);
  }

  /** The fallbacks the element offers, in order. */
  fallbacks(): Promise<Array<string | undefined>> {
    return this.element.locator('[part="fallback"]').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.fallback));
  }

  /** Opens the bank login with a click and finishes it. */
  async runWithMouse(): Promise<void> {
    await this.trigger.click();
    await expect(this.modal).toBeVisible();
    await this.complete.click();
    await expect(this.modal).toHaveCount(0);
  }

  /** Waits for the element to be in `state`, as its reflected attribute and its property say. */
  async expectElementState(state: string): Promise<void> {
    await expect(this.element).toHaveAttribute('state', state);
    expect(await this.element.evaluate((el) => (el as RelinkElementLike).state)).toBe(state);
  }

  stripeCalls(): Promise<StripeCall[]> {
    return stripeCalls(this.page);
  }
}

/**
 * A screenshot: a test artifact, and a copy in .reports/screenshots/<name>.png. The full page,
 * unless the bank login is open (its backdrop covers only the viewport).
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const fullPage = (await page.locator('[data-fake-stripe-modal]').count()) === 0;
  // From the top, so a sticky header sits where it belongs in a full-page image.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  const path = testInfo.outputPath(`${name}.png`);
  const body = await page.screenshot({ path, fullPage, animations: 'disabled' });
  await testInfo.attach(name, { body, contentType: 'image/png' });
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(`${SCREENSHOTS}${name}.png`, body);
}

/** What has focus, described across shadow roots: `trigger`, `fallback:<name>`, `modal:<action>`, or a selector-ish name. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active || active === document.body) return 'body';
    const part = active.getAttribute('part');
    if (part === 'fallback') return `fallback:${active.getAttribute('data-fallback') ?? ''}`;
    if (part) return part;
    const action = active.getAttribute('data-fake-stripe-action');
    if (action) return `modal:${action}`;
    if (active instanceof HTMLInputElement) return `${active.type}:${active.value || active.id}`;
    return active.tagName.toLowerCase();
  });
}

/** Presses Tab until `target` has focus; fails if it never does. */
export async function tabTo(page: Page, target: string, limit = 40): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now === target) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached ${target}; focus went through: ${seen.join(' → ')}`);
}
