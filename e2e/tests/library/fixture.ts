/**
 * The library's fixture pages (e2e/fixtures/) as the tests see them: a `fixture` that prepares
 * the page (js.stripe.com answered by the fake Stripe.js, with its modal), plays the page's
 * server for `POST /session`, and names the parts of the page. It opens the element page unless
 * a test says `test.use({ fixturePage: 'react' })` (or `'vue'`); `forEveryPage` defines tests on
 * all three.
 *
 * Every test also checks that the page threw nothing, logged no error and no warning (only Lit's
 * notice that it runs in dev mode is expected), and that nothing but Stripe.js left the machine.
 */
import { test as base, expect, type Page, type Request, type Route, type TestInfo } from '@playwright/test';
import { fakeClientSecret, fakeSetupIntentSecret, type FakeScenario, type FakeSetupScenario } from '@fc-relink/testing';
import type { FixtureApi, HostOptions, RecordedEvent, SecretRequestRecord } from '../../fixtures/host.js';
import { expectCleanPage, preparePage, RelinkParts, saveScreenshot, type PageWatch } from '../browser.js';

export { expect, type RecordedEvent };

export type FixturePageId = FixtureApi['page'];

export const FIXTURE_PAGES: ReadonlyArray<{ id: FixturePageId; label: string }> = [
  { id: 'element', label: 'Element' },
  { id: 'react', label: 'React' },
  { id: 'vue', label: 'Vue' },
];
export const FRAMEWORK_PAGES = FIXTURE_PAGES.filter((page) => page.id !== 'element');

/** Where the pages ask for a client secret (fixtures/host.ts). */
export const SESSION_PATH = '/session';

/** What the page sends its server (the element's request, minus the signal). */
export interface SessionRequestBody {
  purpose: 'initial' | 'retry' | 'authorization_retry';
  authorization: string | null;
  account: string | null;
  previousSessionId: string | null;
}

/** What the test's server answers: a session playing a scenario, or any JSON with a status. */
export type SessionAnswer = FakeScenario | { status: number; json: unknown };

/**
 * The page's server, played by the test: answers each `POST /session` with a client secret of
 * the fake (`fcsess_fixture<n>_<scenario>_secret_...`, n counting from 1) or what the plan says.
 * It can hold requests in the browser until the test lets them go.
 */
export class SessionServer {
  /** What the page sent, oldest first. */
  readonly bodies: SessionRequestBody[] = [];
  /** Every request that reached the server (held or answered), oldest first. */
  readonly requests: Request[] = [];
  #plan: (body: SessionRequestBody) => SessionAnswer = () => ({ status: 500, json: { error: 'no plan' } });
  #issued = 0;
  #held: Route[] | null = null;

  /** What every request gets from now on: one scenario, or a function of the request. */
  plays(plan: SessionAnswer | ((body: SessionRequestBody) => SessionAnswer)): void {
    this.#plan = typeof plan === 'function' ? plan : () => plan;
  }

  /** From now on, keeps requests waiting in the browser until {@link release}. */
  hold(): void {
    this.#held ??= [];
  }

  /** Waits until a request is held, and returns the first one held. */
  async arrived(): Promise<Request> {
    await expect.poll(() => this.#held?.length ?? 0, { message: `a request to ${SESSION_PATH}` }).toBeGreaterThan(0);
    return this.#held![0]!.request();
  }

  /** Answers the held requests (all but those the page gave up on meanwhile), and every later one. */
  async release(): Promise<void> {
    const held = this.#held ?? [];
    this.#held = null;
    for (const route of held) {
      if (route.request().failure() === null) await this.#answer(route);
    }
  }

  /** For the page's route. */
  async handle(route: Route): Promise<void> {
    this.requests.push(route.request());
    this.bodies.push(route.request().postDataJSON() as SessionRequestBody);
    if (this.#held) {
      this.#held.push(route);
      return;
    }
    await this.#answer(route);
  }

  async #answer(route: Route): Promise<void> {
    const answer = this.#plan(route.request().postDataJSON() as SessionRequestBody);
    if (typeof answer === 'string') {
      this.#issued += 1;
      await route.fulfill({ status: 200, json: { clientSecret: fakeClientSecret(answer, `fixture${this.#issued}`) } });
    } else {
      await route.fulfill({ status: answer.status, json: answer.json });
    }
  }
}

/** Where the pages ask for a SetupIntent secret (fixtures/host.ts, `?payments`). */
export const SETUP_INTENT_PATH = '/setup-intent';

/** What the test's SetupIntent endpoint answers: a SetupIntent playing a setup scenario, any JSON with a status, or nothing ever. */
export type SetupIntentAnswer = FakeSetupScenario | { status: number; json: unknown } | 'hang';

/**
 * The page's SetupIntent endpoint, played by the test: answers each `POST /setup-intent` with the
 * next of `plays` (the last one repeats): a SetupIntent secret of the fake playing a setup
 * scenario, any JSON, or no answer at all.
 */
export class SetupIntentServer {
  /** What the page sent, oldest first. */
  readonly bodies: unknown[] = [];
  plays: SetupIntentAnswer[] = ['setup_succeeded'];

  async handle(route: Route): Promise<void> {
    this.bodies.push(route.request().postDataJSON());
    const answer = this.plays[Math.min(this.bodies.length - 1, this.plays.length - 1)]!;
    if (answer === 'hang') return;
    if (typeof answer === 'string') {
      await route.fulfill({ status: 200, json: { clientSecret: fakeSetupIntentSecret(answer, `fixture${this.bodies.length}`) } });
    } else {
      await route.fulfill({ status: answer.status, json: answer.json });
    }
  }
}

export interface OpenOptions {
  /** What the page's server answers (default: this scenario for every request). */
  plays?: SessionAnswer | ((body: SessionRequestBody) => SessionAnswer);
  /** `?existing=`: the page's accounts; none when absent. */
  existing?: readonly string[];
  /** `?locale=`. */
  locale?: string;
  /** `?payments`: the payment-method step on. */
  payments?: boolean;
}

export class FixturePage extends RelinkParts {
  /** The page's server. */
  readonly sessions = new SessionServer();
  /** The page's SetupIntent endpoint. */
  readonly setupIntents = new SetupIntentServer();

  constructor(
    page: Page,
    private readonly testInfo: TestInfo,
    readonly pageId: FixturePageId,
    /** What the page reported and requested. */
    readonly watch: PageWatch,
  ) {
    super(page);
  }

  /** Opens this fixture page, and waits for the element's trigger. */
  async open(scenario: FakeScenario | null, { plays, existing, locale, payments }: OpenOptions = {}): Promise<void> {
    const chosen = plays ?? scenario;
    if (chosen !== null) this.sessions.plays(chosen);
    const query = new URLSearchParams();
    if (existing) query.set('existing', existing.join(','));
    if (locale) query.set('locale', locale);
    if (payments) query.set('payments', '');
    const search = query.toString();
    await this.page.goto(`/${this.pageId}.html${search ? `?${search}` : ''}`);
    await expect(this.trigger).toBeVisible();
  }

  /** What the page's own handlers received, oldest first. */
  handled(): Promise<RecordedEvent[]> {
    return this.page.evaluate(() => window.fixture.handled);
  }

  /** The events that reached `document`, oldest first. */
  heard(): Promise<RecordedEvent[]> {
    return this.page.evaluate(() => window.fixture.heard);
  }

  /** The names of the events the page's handlers received. */
  async handledNames(): Promise<string[]> {
    return (await this.handled()).map((event) => event.name);
  }

  /** The SetupIntent confirmations the fake Stripe.js saw, oldest first: the setup scenario each secret named (`null`: not a SetupIntent secret). */
  setupCalls(): Promise<Array<string | null>> {
    return this.page.evaluate(() =>
      ((window as unknown as { __fcRelinkFakeStripes?: Array<{ setupCalls: Array<{ scenario: string | null }> }> }).__fcRelinkFakeStripes ?? []).flatMap(
        (stripe) => stripe.setupCalls.map((call) => call.scenario),
      ),
    );
  }

  /** The page's `fetchClientSecret` calls, oldest first. */
  secretRequests(): Promise<SecretRequestRecord[]> {
    return this.page.evaluate(() => window.fixture.secretRequests);
  }

  /** Changes what the page passes to the element. */
  set(options: Partial<HostOptions>): Promise<void> {
    return this.page.evaluate((next) => window.fixture.set(next), options);
  }

  /** Replaces the element with a fresh one, the page's framework's way. */
  reset(): Promise<void> {
    return this.page.evaluate(() => window.fixture.reset());
  }

  /** A screenshot named `<page>-<shot>`, kept in .reports/screenshots/. */
  screenshot(shot: string): Promise<void> {
    return saveScreenshot(this.page, this.testInfo, `fixture-${this.pageId}-${shot}`);
  }
}

export const test = base.extend<{ fixturePage: FixturePageId; fixture: FixturePage }>({
  fixturePage: ['element', { option: true }],
  fixture: async ({ page, fixturePage }, use, testInfo) => {
    const watch = await preparePage(page);
    const fixture = new FixturePage(page, testInfo, fixturePage, watch);
    await page.route(`**${SESSION_PATH}`, (route) => fixture.sessions.handle(route));
    await page.route(`**${SETUP_INTENT_PATH}`, (route) => fixture.setupIntents.handle(route));
    await use(fixture);
    expectCleanPage(watch);
  },
});

/**
 * Defines the same tests on every fixture page: as they are for the element page, and inside a
 * `React` and a `Vue` describe (with `fixturePage` set) for the others.
 */
export function forEveryPage(define: (page: FixturePageId) => void): void {
  define('element');
  for (const { id, label } of FRAMEWORK_PAGES) {
    test.describe(label, () => {
      test.use({ fixturePage: id });
      define(id);
    });
  }
}
