/**
 * What the playground says about each scenario of the fake Stripe.js: a title, what the customer
 * does, and what `<fc-relink>` reports. The scenarios and their modes come from
 * `@fc-relink/testing`; this file only adds words.
 */
import { FAKE_IDS, FAKE_SCENARIOS, scenarioMode, type FakeScenario } from '@fc-relink/testing';

export type ScenarioMode = 'account' | 'authorization' | null;

export interface ScenarioInfo {
  id: FakeScenario;
  title: string;
  /** What the customer (or Stripe) does. */
  story: string;
  /** The settling event and its key field, as the element reports it. */
  expect: string;
  mode: ScenarioMode;
}

const WORDS: Record<FakeScenario, Omit<ScenarioInfo, 'id' | 'mode'>> = {
  account_relinked: {
    title: 'Account relinked',
    story: 'The customer signs in and shares the exact account the page asked for.',
    expect: 'success · account_relinked',
  },
  authorization_relinked: {
    title: 'Authorization relinked',
    story: 'The customer signs back in; the accounts the page knows come back.',
    expect: 'success · authorization_relinked',
  },
  new_authorization: {
    title: 'New authorization',
    story: 'The customer connects the bank through a different authorization.',
    expect: 'success · new_authorization',
  },
  new_account: {
    title: 'New account',
    story: 'Same authorization, but the customer shares an account the page has never seen.',
    expect: 'success · newAccountIds',
  },
  no_account: {
    title: 'Account not chosen',
    story: 'The customer signs in but does not share the account the page asked for.',
    expect: 'failure · no_account',
  },
  no_authorization: {
    title: 'Sign-in not finished',
    story: 'The customer never finishes signing in to the bank.',
    expect: 'failure · no_authorization',
  },
  other: {
    title: 'Other failure',
    story: 'The relink fails for a reason Stripe does not name.',
    expect: 'failure · other',
  },
  stripe_error: {
    title: 'Stripe.js error',
    story: 'Stripe.js answers with an invalid_request_error instead of a session.',
    expect: 'error · stripe_error',
  },
  relink_result_missing: {
    title: 'No relink_result',
    story: 'The session has no relink_result: an API version older than 2026-01-28.preview.',
    expect: 'error · relink_result_missing',
  },
  hang: {
    title: 'Bank never answers',
    story: 'The flow stays open until the customer gives up and closes it.',
    expect: 'no event: stays open',
  },
};

export const SCENARIOS: readonly ScenarioInfo[] = FAKE_SCENARIOS.map((id) => ({ id, mode: scenarioMode(id), ...WORDS[id] }));

export function scenarioInfo(id: FakeScenario): ScenarioInfo {
  return SCENARIOS.find((s) => s.id === id) ?? { id, mode: scenarioMode(id), ...WORDS[id] };
}

export function isScenario(value: unknown): value is FakeScenario {
  return typeof value === 'string' && (FAKE_SCENARIOS as readonly string[]).includes(value);
}

export interface ModeInfo {
  mode: ScenarioMode;
  label: string;
  explain: string;
  /** The session's `relink_options`, or `null` when Stripe.js never returns a session. */
  relinkOptions: { authorization: string; account?: string } | null;
}

export const MODES: readonly ModeInfo[] = [
  {
    mode: 'account',
    label: 'Exact account',
    explain: `relink_options.account is set: only ${FAKE_IDS.account} coming back counts as repaired.`,
    relinkOptions: { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account },
  },
  {
    mode: 'authorization',
    label: 'Whole authorization',
    explain: 'relink_options names only the authorization: any account the customer shares at the bank counts.',
    relinkOptions: { authorization: FAKE_IDS.authorization },
  },
  {
    mode: null,
    label: 'No session',
    explain: 'Stripe.js never hands back a session, so there is no relink mode to read.',
    relinkOptions: null,
  },
];

export function modeInfo(mode: ScenarioMode): ModeInfo {
  return MODES.find((m) => m.mode === mode) ?? MODES[MODES.length - 1]!;
}
