/**
 * The SetupIntent outcomes the fake's `confirmUsBankAccountSetup` plays (SPEC section 6), and how
 * a SetupIntent client secret names one. Pure: no DOM, no timers.
 *
 * | scenario | what `confirmUsBankAccountSetup` resolves with |
 * | --- | --- |
 * | `setup_succeeded` (the default) | `{ setupIntent }` with status `succeeded` and a `pm_...` payment method |
 * | `setup_processing` | `{ setupIntent }` with status `processing` (micro-deposits or a pending mandate) |
 * | `setup_failed` | `{ error }` of type `invalid_request_error` |
 */
import type { ConfirmSetupResult, StripeError } from '@fc-relink/core';

export type FakeSetupScenario = 'setup_succeeded' | 'setup_processing' | 'setup_failed';

/** Every setup scenario, the default first. */
export const FAKE_SETUP_SCENARIOS: readonly FakeSetupScenario[] = Object.freeze(['setup_succeeded', 'setup_processing', 'setup_failed'] as const);

/** The payment method id a confirmed fake SetupIntent carries. */
export const FAKE_PAYMENT_METHOD = 'pm_fake_us_bank_account';

const PREFIX = 'seti_';
const SECRET_MARK = '_secret_';
const ID_PATTERN = /^[A-Za-z0-9_]+$/;

/** Whether a value is one of {@link FAKE_SETUP_SCENARIOS}. */
export function isFakeSetupScenario(value: unknown): value is FakeSetupScenario {
  return typeof value === 'string' && (FAKE_SETUP_SCENARIOS as readonly string[]).includes(value);
}

/** The SetupIntent id of a `seti_..._secret_...` secret (its part before `_secret_`), or `null` for anything else. */
function setupIntentId(secret: string): string | null {
  const end = secret.indexOf(SECRET_MARK, PREFIX.length - 1);
  return secret.startsWith(PREFIX) && end >= PREFIX.length && end + SECRET_MARK.length < secret.length ? secret.slice(0, end) : null;
}

/**
 * The setup scenario a SetupIntent client secret names: `seti_<anything>_<scenario>_secret_<anything>`
 * names that scenario, any other `seti_..._secret_...` plays `setup_succeeded`, and anything
 * else (not a SetupIntent secret) gives `null`. Total: never throws.
 */
export function setupScenarioFromSecret(secret: unknown): FakeSetupScenario | null {
  if (typeof secret !== 'string') return null;
  const id = setupIntentId(secret.trim());
  if (id === null) return null;
  return FAKE_SETUP_SCENARIOS.find((scenario) => id.endsWith(`_${scenario}`)) ?? 'setup_succeeded';
}

let counter = 0;

/**
 * A SetupIntent client secret that makes the fake play `scenario`:
 * `seti_<id>_<scenario>_secret_<random>`. Round-trips through {@link setupScenarioFromSecret}.
 *
 * @throws TypeError for an unknown scenario or an id that would break the secret's shape
 */
export function fakeSetupIntentSecret(scenario: FakeSetupScenario = 'setup_succeeded', id = 'fake'): string {
  if (!isFakeSetupScenario(scenario)) {
    throw new TypeError(`fakeSetupIntentSecret: unknown scenario. Use one of: ${FAKE_SETUP_SCENARIOS.join(', ')}.`);
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || /(?:^|_)secret(?:_|$)/.test(id)) {
    throw new TypeError('fakeSetupIntentSecret: the id must be letters, digits and "_", and must not contain a "secret" part.');
  }
  counter = (counter + 1) % 1296;
  return `${PREFIX}${id}_${scenario}${SECRET_MARK}${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Stripe.js's `{ error }`, as the fake plays it. */
function errorResult(code: string, message: string): ConfirmSetupResult {
  return { error: { type: 'invalid_request_error', code, message } as StripeError };
}

/** What the fake's `confirmUsBankAccountSetup` resolves with for a secret. Never contains the secret. */
export function setupResult(secret: string): ConfirmSetupResult {
  const scenario = setupScenarioFromSecret(secret);
  const id = setupIntentId(secret.trim());
  if (scenario === null || id === null) {
    return errorResult('resource_missing', 'The fake confirms only SetupIntent client secrets (seti_..._secret_...).');
  }
  if (scenario === 'setup_failed') {
    return errorResult('setup_intent_authentication_failure', `The fake could not confirm ${id} (setup_failed).`);
  }
  return {
    setupIntent: {
      id,
      status: scenario === 'setup_processing' ? 'processing' : 'succeeded',
      payment_method: FAKE_PAYMENT_METHOD,
    },
  };
}
