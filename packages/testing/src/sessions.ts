/**
 * What the fake resolves for each scenario: objects shaped like Stripe.js's own results, built
 * fresh for every call. Pure: no DOM, no timers.
 */
import type { CollectRelinkResult, RelinkOptions, RelinkResult, RelinkSession, StripeError } from '@fc-relink/core';
import { FAKE_IDS, FAKE_SCENARIOS, scenarioMode, sessionIdFromSecret, type FakeScenario } from './scenarios.js';

/** A Financial Connections Account as Stripe.js gives it in `session.accounts`. */
export type FakeAccount = RelinkSession['accounts'][number];

/** The session the fake resolves: Stripe.js's shape plus the fields its JSON also carries. */
export type FakeSession = RelinkSession & { object: 'financial_connections.session'; livemode: false };

/** 2026-01-28T00:00:00Z, the day relink_options shipped: a stable `created` for snapshots. */
const CREATED = 1769558400;

const ACCOUNTS = {
  checking: { id: FAKE_IDS.account, display_name: 'Everyday Checking', last4: '6789', subcategory: 'checking' },
  savings: { id: FAKE_IDS.otherAccount, display_name: 'High Yield Savings', last4: '4321', subcategory: 'savings' },
  fresh: { id: FAKE_IDS.newAccount, display_name: 'New Checking', last4: '1357', subcategory: 'checking' },
} as const;

/** One of the fake's accounts: `checking` (the one account-mode sessions ask for), `savings`, or `fresh` (never seen by the page). */
export function account(which: keyof typeof ACCOUNTS): FakeAccount {
  const { id, display_name, last4, subcategory } = ACCOUNTS[which];
  return {
    id,
    object: 'financial_connections.account',
    balance: null,
    balance_refresh: null,
    category: 'cash',
    created: CREATED,
    display_name,
    institution_name: 'StripeBank',
    last4,
    livemode: false,
    ownership: null,
    ownership_refresh: null,
    permissions: ['payment_method'],
    status: 'active',
    subcategory,
    supported_payment_method_types: ['us_bank_account'],
  };
}

function relinkOptions(mode: 'account' | 'authorization'): RelinkOptions {
  return mode === 'account'
    ? { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account }
    : { authorization: FAKE_IDS.authorization };
}

function session(
  clientSecret: string,
  mode: 'account' | 'authorization',
  accounts: FakeAccount[],
  relinkResult: RelinkResult | undefined,
): { financialConnectionsSession: FakeSession } {
  const built: FakeSession = {
    id: sessionIdFromSecret(clientSecret),
    object: 'financial_connections.session',
    livemode: false,
    accounts,
    permissions: ['payment_method'],
    relink_options: relinkOptions(mode),
  };
  if (relinkResult) built.relink_result = relinkResult;
  return { financialConnectionsSession: built };
}

function success(account: string | null, authorization: string): RelinkResult {
  return { account, authorization, failure_reason: null };
}

function stripeError(error: Omit<StripeError, 'type'> & { message: string }): { error: StripeError } {
  return { error: { type: 'invalid_request_error', ...error } };
}

/** The result a settled scenario resolves (`hang` never settles, so it has none). */
export function scenarioResult(scenario: Exclude<FakeScenario, 'hang'>, clientSecret: string): CollectRelinkResult {
  switch (scenario) {
    case 'account_relinked':
      return session(clientSecret, 'account', [account('checking')], success(FAKE_IDS.account, FAKE_IDS.authorization));
    case 'authorization_relinked':
      return session(
        clientSecret,
        'authorization',
        [account('checking'), account('savings')],
        success(null, FAKE_IDS.authorization),
      );
    case 'new_authorization':
      return session(clientSecret, 'authorization', [account('fresh')], success(null, FAKE_IDS.newAuthorization));
    case 'new_account':
      return session(clientSecret, 'authorization', [account('fresh')], success(null, FAKE_IDS.authorization));
    case 'no_account':
      // The customer did authenticate with the bank; the requested account was not among those shared.
      return session(clientSecret, 'account', [], {
        account: null,
        authorization: FAKE_IDS.authorization,
        failure_reason: 'no_account',
      });
    case 'no_authorization':
    case 'other':
      return session(clientSecret, 'account', [], { account: null, authorization: null, failure_reason: scenario });
    case 'relink_result_missing':
      return session(clientSecret, 'authorization', [account('checking'), account('savings')], undefined);
    case 'stripe_error':
      return stripeError({
        code: 'resource_missing',
        message: 'No such Financial Connections Session (the fake Stripe.js played the stripe_error scenario).',
        doc_url: 'https://stripe.com/docs/error-codes/resource-missing',
      });
  }
}

/**
 * The result when the customer closes the modal without finishing: no authorization, in the
 * scenario's mode (account mode for the scenarios that have none).
 */
export function closedResult(scenario: FakeScenario, clientSecret: string): CollectRelinkResult {
  return session(clientSecret, scenarioMode(scenario) ?? 'account', [], {
    account: null,
    authorization: null,
    failure_reason: 'no_authorization',
  });
}

/** The result when neither the options nor the client secret name a scenario. */
export function missingScenarioResult(): CollectRelinkResult {
  return stripeError({
    message:
      'The fake Stripe.js does not know which scenario to play. Pass { scenario } to createFakeStripe() or ' +
      'fakeStripeScript(), or use a client secret shaped fcsess_<id>_<scenario>_secret_<anything> ' +
      `(fakeClientSecret() makes one). Scenarios: ${FAKE_SCENARIOS.join(', ')}.`,
  });
}

/** The result when the call has no `{ clientSecret }` string. */
export function missingSecretResult(): CollectRelinkResult {
  return stripeError({
    code: 'parameter_missing',
    message: 'collectFinancialConnectionsAccounts was called without a clientSecret string: pass { clientSecret }.',
  });
}
