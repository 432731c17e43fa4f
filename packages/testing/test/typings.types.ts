// Compiles only when the public types are right (`pnpm exec tsc -p tsconfig.test.json`). Not run.
import type { Page, BrowserContext } from 'playwright-core';
import type { CollectRelinkResult, StripeLike } from '@fc-relink/core';
import {
  type FAKE_IDS,
  type FAKE_SCENARIOS,
  createFakeStripe,
  type fakeClientSecret,
  fakeStripeScript,
  type scenarioFromSecret,
  type scenarioMode,
  type FakeScenario,
  type FakeStripe,
  type FakeStripeCall,
  type FakeStripeOptions,
} from '../src/index.js';
import { routeFakeStripe } from '../src/playwright.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(): T | void {}

assertType<Equal<FakeScenario, (typeof FAKE_SCENARIOS)[number]>>();
assertType<Equal<typeof FAKE_IDS.account, 'fca_fake_checking'>>();
assertType<Equal<typeof FAKE_IDS.newAuthorization, 'fcauthz_fake_2'>>();
assertType<Equal<ReturnType<typeof scenarioMode>, 'account' | 'authorization' | null>>();
assertType<Equal<ReturnType<typeof scenarioFromSecret>, FakeScenario | null>>();
assertType<Equal<Parameters<typeof scenarioFromSecret>[0], unknown>>();
assertType<Equal<ReturnType<typeof fakeClientSecret>, string>>();
assertType<Equal<ReturnType<typeof fakeStripeScript>, string>>();
assertType<Equal<FakeStripeCall, { clientSecret: string; scenario: FakeScenario | null; settled: boolean }>>();
assertType<Equal<ReturnType<FakeStripe['collectFinancialConnectionsAccounts']>, Promise<CollectRelinkResult>>>();

// A fake is a StripeLike: the element's `stripe` property takes it.
const stripe: StripeLike = createFakeStripe({ scenario: 'hang', ui: false, delay: 0, gate: Promise.resolve() });
void stripe;

// @ts-expect-error a gate is not plain data: the script cannot carry one
fakeStripeScript({ gate: Promise.resolve() });
// @ts-expect-error not a scenario
createFakeStripe({ scenario: 'relinked' });
// @ts-expect-error the calls are read-only
createFakeStripe().calls.push({ clientSecret: '', scenario: null, settled: false });

const options: FakeStripeOptions = { scenario: 'no_account', version: 'endive' };
void options;

// Playwright pages and contexts fit routeFakeStripe as they are.
declare const page: Page;
declare const context: BrowserContext;
void routeFakeStripe(page, { scenario: 'account_relinked', ui: true });
void routeFakeStripe(context);
