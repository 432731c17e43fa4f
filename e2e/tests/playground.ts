/**
 * The playground as the tests see it: a `playground` fixture that routes js.stripe.com to the
 * fake Stripe.js (with its modal) before the page loads, and names the parts of the page.
 * Every test also checks that the page threw nothing and that nothing but the Stripe.js script
 * left the machine.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test as base, expect, type Locator, type Page, type Request, type TestInfo } from '@playwright/test';
import { routeFakeStripe } from '@fc-relink/testing/playwright';
import type { FakeScenario } from '@fc-relink/testing';

export { expect };

/** The demo server's session endpoint. */
export const SESSION_PATH = '/api/relink-session';

/** Screenshots of settled states, also kept outside test-results/ (which each run empties). */
const SCREENSHOTS = fileURLToPath(new URL('../../.reports/screenshots/', import.meta.url));

export interface LoggedEvent {
  name: string;
  detail: Record<string, unknown>;
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

  constructor(
    readonly page: Page,
    private readonly testInfo: TestInfo,
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
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1:')) this.externalRequests.push(request.url());
      else if (new URL(request.url()).pathname === SESSION_PATH) this.sessionRequests.push(request);
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') this.pageErrors.push(message.text());
    });
  }

  /** Opens the playground, optionally on a scenario (through the URL, as a shared link would). */
  async goto(scenario?: FakeScenario): Promise<void> {
    await this.page.goto(scenario ? `/?scenario=${scenario}` : '/');
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
   * full page, unless the bank login is open (its backdrop covers only the viewport).
   */
  async screenshot(name: string): Promise<void> {
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

export const test = base.extend<{ playground: Playground }>({
  playground: async ({ page }, use, testInfo) => {
    await routeFakeStripe(page, { ui: true });
    const playground = new Playground(page, testInfo);
    await use(playground);
    expect(playground.pageErrors, 'errors in the page').toEqual([]);
    const unexpected = playground.externalRequests.filter((url) => !url.startsWith('https://js.stripe.com/'));
    expect(unexpected, 'requests beyond the playground and Stripe.js').toEqual([]);
  },
});
