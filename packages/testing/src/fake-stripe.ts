import type { CollectRelinkResult, ConfirmSetupResult, StripeLike } from '@fc-relink/core';
import { openFakeModal } from './modal.js';
import { FAKE_SCENARIOS, isFakeScenario, scenarioFromSecret, type FakeScenario } from './scenarios.js';
import { closedResult, missingScenarioResult, missingSecretResult, scenarioResult } from './sessions.js';
import { setupResult, setupScenarioFromSecret, type FakeSetupScenario } from './setup-intents.js';

/** How a fake Stripe instance behaves. */
export interface FakeStripeOptions {
  /** Plays this scenario for every call. Without it, each call's client secret names the scenario. */
  scenario?: FakeScenario;
  /**
   * Shows the fake's own "Bank login" modal for each call, which settles when the person
   * chooses "Complete" (the scenario) or "Close" (giving up). Default `false`.
   */
  ui?: boolean;
  /** Milliseconds to wait before settling when `ui` is `false`. Default `0`. */
  delay?: number;
  /**
   * When given, a call settles only after this resolves, so a test decides when the flow ends.
   * If it rejects, the call's promise rejects with the same reason (Stripe.js failing outright).
   */
  gate?: PromiseLike<unknown>;
  /**
   * The `version` of the `window.Stripe` constructor that {@link fakeStripeScript} defines.
   * `@stripe/stripe-js` warns when it differs from the release it expects. Default `'endive'`.
   */
  version?: string;
  /**
   * Makes every call misbehave as a broken Stripe.js might, instead of playing a scenario:
   * `rejects` (the promise rejects), `throws` (the call throws before returning a promise) or
   * `junk` (it resolves with something that is neither a session nor an error).
   */
  fault?: FakeStripeFault;
}

/** How {@link FakeStripeOptions.fault} makes calls misbehave. */
export type FakeStripeFault = 'rejects' | 'throws' | 'junk';
const FAULTS: ReadonlySet<unknown> = new Set<FakeStripeFault>(['rejects', 'throws', 'junk']);

/** One call of `collectFinancialConnectionsAccounts`, as the fake recorded it. */
export interface FakeStripeCall {
  /** The client secret passed (`''` when there was none). Never printed by the fake. */
  clientSecret: string;
  /** The scenario played, or `null` when none could be told. */
  scenario: FakeScenario | null;
  /** Whether the call's promise has settled (resolved or rejected). */
  settled: boolean;
}

/** One call of `confirmUsBankAccountSetup`, as the fake recorded it. */
export interface FakeSetupCall {
  /** The SetupIntent client secret passed (`''` when there was none). Never printed by the fake. */
  clientSecret: string;
  /** The setup scenario played, or `null` for a secret that is not a SetupIntent's. */
  scenario: FakeSetupScenario | null;
  settled: boolean;
}

/** A fake Stripe.js instance: what `Stripe(pk)` returns, reduced to what relinking uses. */
export interface FakeStripe extends StripeLike {
  /**
   * Plays the setup scenario its SetupIntent secret names (`setup_succeeded` by default):
   * `{ setupIntent }` or `{ error }`, after the same `delay` and `gate` as the relink calls.
   */
  confirmUsBankAccountSetup(clientSecret: string, data?: unknown): Promise<ConfirmSetupResult>;
  /** Every `confirmUsBankAccountSetup` call so far, oldest first; entries update in place. */
  readonly setupCalls: readonly FakeSetupCall[];
  /** Plays the scenario: resolves like Stripe.js (`{ financialConnectionsSession }` or `{ error }`). */
  collectFinancialConnectionsAccounts(options: { clientSecret: string }): Promise<CollectRelinkResult>;
  /** Every call so far, oldest first; entries update in place as calls settle. */
  readonly calls: readonly FakeStripeCall[];
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function hasDocument(): boolean {
  return typeof document !== 'undefined' && typeof document.createElement === 'function';
}

/**
 * A fake Stripe.js instance, usable wherever a real one is: the `stripe` property of
 * `<fc-relink>`, or your own code under test.
 *
 * @example
 * const stripe = createFakeStripe({ scenario: 'no_account' });
 * element.stripe = stripe;
 * await element.start();          // a failure with reason 'no_account'
 * stripe.calls.length;            // 1
 *
 * @throws TypeError when `options.scenario` is not one of {@link FAKE_SCENARIOS}
 */
export function createFakeStripe(options: FakeStripeOptions = {}): FakeStripe {
  const fixed = options.scenario;
  if (fixed !== undefined && !isFakeScenario(fixed)) {
    throw new TypeError(`createFakeStripe: unknown scenario. Use one of: ${FAKE_SCENARIOS.join(', ')}.`);
  }
  if (options.fault !== undefined && !FAULTS.has(options.fault)) {
    throw new TypeError('createFakeStripe: unknown fault. Use one of: rejects, throws, junk.');
  }
  const fault = options.fault;
  const ui = options.ui === true;
  const delay = typeof options.delay === 'number' && options.delay > 0 ? options.delay : 0;
  const gate = options.gate;
  const calls: FakeStripeCall[] = [];

  async function settleWith<T>(result: () => T, waitForDelay: boolean): Promise<T> {
    await Promise.all([waitForDelay && delay > 0 ? wait(delay) : undefined, gate]);
    return result();
  }

  function play(call: FakeStripeCall, clientSecret: string): Promise<CollectRelinkResult> {
    if (fault === 'rejects') return settleWith(() => Promise.reject(new Error('Fake Stripe.js: the request failed')) as never, true);
    if (fault === 'junk') return settleWith(() => ({ financialConnectionsSession: 42 }) as unknown as CollectRelinkResult, true);
    const scenario = call.scenario;
    if (scenario === null) {
      return settleWith(clientSecret === '' ? missingSecretResult : missingScenarioResult, true);
    }
    if (ui && hasDocument()) {
      // Opened within the caller's task, as Stripe.js opens its own.
      const modal = openFakeModal(scenario);
      return modal.choice.then((choice) => {
        modal.remove();
        return settleWith(
          () => (choice === 'close' || scenario === 'hang' ? closedResult(scenario, clientSecret) : scenarioResult(scenario, clientSecret)),
          false,
        );
      });
    }
    if (scenario === 'hang') return new Promise<never>(() => {});
    return settleWith(() => scenarioResult(scenario, clientSecret), true);
  }

  function collectFinancialConnectionsAccounts(input: { clientSecret: string }): Promise<CollectRelinkResult> {
    const given: unknown = typeof input === 'object' && input !== null ? (input as { clientSecret?: unknown }).clientSecret : undefined;
    const clientSecret = typeof given === 'string' ? given : '';
    const scenario = clientSecret === '' ? null : (fixed ?? scenarioFromSecret(clientSecret));
    const call: FakeStripeCall = { clientSecret, scenario, settled: false };
    calls.push(call);
    if (fault === 'throws') {
      call.settled = true;
      throw new TypeError('Fake Stripe.js: collectFinancialConnectionsAccounts threw');
    }
    const done = (): void => {
      call.settled = true;
    };
    const settled = play(call, clientSecret);
    settled.then(done, done);
    return settled;
  }

  const setupCalls: FakeSetupCall[] = [];

  function confirmUsBankAccountSetup(clientSecret: string): Promise<ConfirmSetupResult> {
    const secret = typeof clientSecret === 'string' ? clientSecret : '';
    const call: FakeSetupCall = { clientSecret: secret, scenario: setupScenarioFromSecret(secret), settled: false };
    setupCalls.push(call);
    const settled = settleWith(() => setupResult(secret), true);
    const done = (): void => {
      call.settled = true;
    };
    settled.then(done, done);
    return settled;
  }

  return {
    collectFinancialConnectionsAccounts,
    confirmUsBankAccountSetup,
    get calls(): readonly FakeStripeCall[] {
      return calls;
    },
    get setupCalls(): readonly FakeSetupCall[] {
      return setupCalls;
    },
  };
}
