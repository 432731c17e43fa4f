/**
 * The scenarios the fake plays, and how a client secret names one. Pure: no DOM, no timers.
 */

/**
 * One outcome the fake Stripe.js can play. Each maps to a row of the relink decision table:
 *
 * | scenario | mode | the session |
 * | --- | --- | --- |
 * | `account_relinked` | account | `relink_result.account` = the requested account |
 * | `authorization_relinked` | authorization | same authorization, the existing accounts |
 * | `new_authorization` | authorization | a different authorization |
 * | `new_account` | authorization | same authorization, one account the page has never seen |
 * | `no_account`, `no_authorization`, `other` | account | that `failure_reason` |
 * | `stripe_error` | | `{ error }` of type `invalid_request_error` |
 * | `relink_result_missing` | authorization | `relink_options` but no `relink_result` |
 * | `hang` | | never settles |
 */
export type FakeScenario =
  | 'account_relinked'
  | 'authorization_relinked'
  | 'new_authorization'
  | 'new_account'
  | 'no_account'
  | 'no_authorization'
  | 'other'
  | 'stripe_error'
  | 'relink_result_missing'
  | 'hang';

/** Every scenario, in the order of the table above (handy for `for` loops and pickers). */
export const FAKE_SCENARIOS: readonly FakeScenario[] = Object.freeze([
  'account_relinked',
  'authorization_relinked',
  'new_authorization',
  'new_account',
  'no_account',
  'no_authorization',
  'other',
  'stripe_error',
  'relink_result_missing',
  'hang',
] as const);

/**
 * The ids in the fake's sessions, stable so tests and demos can use them: pass
 * `[FAKE_IDS.account, FAKE_IDS.otherAccount]` as the element's `existingAccountIds` (the
 * checking and savings accounts are the ones the page "already knows"); `newAccount` is the
 * one it has never seen.
 */
export const FAKE_IDS = Object.freeze({
  /** The authorization every session asks to relink (`relink_options.authorization`). */
  authorization: 'fcauthz_fake_1',
  /** The different authorization the `new_authorization` scenario ends with. */
  newAuthorization: 'fcauthz_fake_2',
  /** The checking account; the one account-mode sessions ask for (`relink_options.account`). */
  account: 'fca_fake_checking',
  /** The savings account, the page's other existing account. */
  otherAccount: 'fca_fake_savings',
  /** An account the page has never seen (`new_account`, `new_authorization`). */
  newAccount: 'fca_fake_new',
} as const);

const MODES: Readonly<Record<FakeScenario, 'account' | 'authorization' | null>> = {
  account_relinked: 'account',
  authorization_relinked: 'authorization',
  new_authorization: 'authorization',
  new_account: 'authorization',
  no_account: 'account',
  no_authorization: 'account',
  other: 'account',
  stripe_error: null,
  relink_result_missing: 'authorization',
  hang: null,
};

/** Whether a value is one of {@link FAKE_SCENARIOS}. */
export function isFakeScenario(value: unknown): value is FakeScenario {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MODES, value);
}

/**
 * The relink mode a scenario's session is created in: `'account'` when its `relink_options`
 * name an account, `'authorization'` when they name only the authorization, `null` for the
 * scenarios that never produce a session (`stripe_error`, `hang`).
 */
export function scenarioMode(scenario: FakeScenario): 'account' | 'authorization' | null {
  return isFakeScenario(scenario) ? MODES[scenario] : null;
}

const PREFIX = 'fcsess_';
const SECRET_MARK = '_secret_';

/** Longest names first, so a name that ends another (none today) never shadows it. */
const BY_LENGTH: readonly FakeScenario[] = [...FAKE_SCENARIOS].sort((a, b) => b.length - a.length);

/**
 * The scenario a client secret names, or `null`.
 *
 * A secret names a scenario when it is shaped `fcsess_<anything>_<scenario>_secret_<anything>`:
 * the part between `fcsess_` and a `_secret_` ends with the scenario's name, preceded by
 * `_` (or is exactly that name). The longest matching name wins. Total: any input, of any type,
 * gives a scenario or `null` and never throws.
 *
 * @example
 * scenarioFromSecret('fcsess_abc_new_account_secret_xyz'); // 'new_account'
 * scenarioFromSecret('fcsess_abc_secret_xyz');             // null
 */
export function scenarioFromSecret(secret: unknown): FakeScenario | null {
  if (typeof secret !== 'string') return null;
  const value = secret.trim();
  if (!value.startsWith(PREFIX)) return null;
  // `<anything>` may itself contain `_secret_`: try each one as the end of the middle part.
  for (let end = value.indexOf(SECRET_MARK, PREFIX.length - 1); end !== -1; end = value.indexOf(SECRET_MARK, end + 1)) {
    if (end < PREFIX.length) continue;
    const middle = value.slice(PREFIX.length, end);
    for (const scenario of BY_LENGTH) {
      if (middle === scenario || middle.endsWith(`_${scenario}`)) return scenario;
    }
  }
  return null;
}

/**
 * The session id a client secret belongs to: its part before `_secret_`, as Stripe's are. Any
 * other value (or a secret that is not an `fcsess_` one) gives the neutral `fcsess_fake`, so no
 * part of a wrong value, such as an API key, ever reaches a session.
 */
export function sessionIdFromSecret(secret: string): string {
  const value = secret.trim();
  const end = value.indexOf(SECRET_MARK, PREFIX.length - 1);
  return value.startsWith(PREFIX) && end >= PREFIX.length ? value.slice(0, end) : 'fcsess_fake';
}

const ID_PATTERN = /^[A-Za-z0-9_]+$/;
let counter = 0;

function randomPart(): string {
  counter = (counter + 1) % 1296;
  const random = Math.random().toString(36).slice(2, 14).padEnd(12, '0');
  return `${Date.now().toString(36)}${counter.toString(36).padStart(2, '0')}${random}`;
}

/**
 * A client secret that makes the fake play `scenario`, shaped like a real Financial Connections
 * Session secret so it passes the element's checks:
 * `fcsess_<id>_<scenario>_secret_<random base36>`. It round-trips:
 * `scenarioFromSecret(fakeClientSecret(s)) === s`.
 *
 * @param scenario the scenario to play
 * @param id letters, digits and `_` (default `fake`); becomes part of the session id
 * @throws TypeError for an unknown scenario or an id that would break the secret's shape
 */
export function fakeClientSecret(scenario: FakeScenario, id = 'fake'): string {
  if (!isFakeScenario(scenario)) {
    throw new TypeError(`fakeClientSecret: unknown scenario. Use one of: ${FAKE_SCENARIOS.join(', ')}.`);
  }
  if (typeof id !== 'string' || !ID_PATTERN.test(id) || /(?:^|_)secret(?:_|$)/.test(id)) {
    throw new TypeError('fakeClientSecret: the id must be letters, digits and "_", and must not contain a "secret" part.');
  }
  return `${PREFIX}${id}_${scenario}${SECRET_MARK}${randomPart()}`;
}
