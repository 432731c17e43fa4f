/**
 * createRelinkSessionForRequest through the real `stripe` SDK, against the recording stand-in for
 * api.stripe.com (test-support/stripe-api.ts): the account retrieved on the preview version, its
 * eligibility checked (no session for an account a relink cannot help), the scope from the
 * element's request, for each purpose.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Stripe from 'stripe';
import {
  createRelinkSessionForRequest,
  RELINK_API_VERSION,
  relinkEligibility,
  RelinkParamsError,
  type CreateRelinkSessionForRequestOptions,
  type RelinkParamsErrorCode,
  type RelinkSessionRequest,
} from '@fc-relink/server';
import { FAKE_IDS } from '@fc-relink/testing';
import { STAND_IN_ACCOUNTS, STAND_IN_AUTHORIZATIONS, STAND_IN_CUSTOMER, STAND_IN_EXPIRES } from '../../../test-support/stripe-api.js';
import { standInForFile } from './stand-in.js';

const api = standInForFile();

/** What reached the stand-in, as `METHOD path`. */
const wire = (): string[] => api.server.requests.map((r) => `${r.method} ${r.path}`);
const retrieved = (id: string): string => `GET /v1/financial_connections/accounts/${id}`;
const CREATED = 'POST /v1/financial_connections/sessions';
const HOLDER = { type: 'customer', customer: STAND_IN_CUSTOMER };

/** Creates a session and checks the secret it returns is the stand-in's; returns the create request's params. */
async function created(accountId: string, request: RelinkSessionRequest, options: CreateRelinkSessionForRequestOptions): Promise<Record<string, unknown>> {
  const session = await createRelinkSessionForRequest(api.stripe, accountId, request, options);
  assert.deepEqual(wire(), [retrieved(accountId), CREATED]);
  for (const sent of api.server.requests) assert.equal(sent.headers['stripe-version'], RELINK_API_VERSION);
  const body = api.server.requests[1]!.reply.body as { id: string; client_secret: string };
  assert.deepEqual(session, { id: body.id, clientSecret: body.client_secret });
  return api.server.requests[1]!.params;
}

describe('createRelinkSessionForRequest: payments', () => {
  test('initial: that exact account, payment_method by default', async () => {
    assert.deepEqual(await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments' }), {
      account_holder: HOLDER,
      permissions: ['payment_method'],
      relink_options: { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable },
    });
  });

  test('retry: that exact account again; a request without purpose is an initial one', async () => {
    const retry = await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'retry' }, { purpose: 'payments', permissions: ['balances'] });
    assert.deepEqual(retry.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
    assert.deepEqual(retry.permissions, ['balances', 'payment_method']);
    api.server.requests.length = 0;
    const initial = await created(STAND_IN_ACCOUNTS.relinkable, {}, { purpose: 'payments' });
    assert.deepEqual(initial.relink_options, retry.relink_options);
  });

  test('authorization_retry (after no_account): any checking or savings account at the bank, one of them', async () => {
    assert.deepEqual(await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'authorization_retry' }, { purpose: 'payments' }), {
      account_holder: HOLDER,
      filters: { account_subcategories: ['checking', 'savings'] },
      limits: { accounts: '1' },
      permissions: ['payment_method'],
      relink_options: { authorization: FAKE_IDS.authorization },
    });
  });

  test('a retry keeps the scope of what it retries: after an authorization_retry, any account at the bank again', async () => {
    // The element's request for a retry of an authorization_retry carries account: null.
    const again = await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'retry', account: null, authorization: FAKE_IDS.authorization }, { purpose: 'payments' });
    assert.deepEqual(again.relink_options, { authorization: FAKE_IDS.authorization });
    assert.deepEqual(again.limits, { accounts: '1' });
    // A retry of an exact-account attempt names that account: the same account again.
    api.server.requests.length = 0;
    const exact = await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'retry', account: STAND_IN_ACCOUNTS.relinkable }, { purpose: 'payments' });
    assert.deepEqual(exact.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
    // A retry of an attempt the element knows nothing of (it ended before Stripe answered): the exact account on record.
    api.server.requests.length = 0;
    const blind = await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'retry', account: null, authorization: null }, { purpose: 'payments' });
    assert.deepEqual(blind.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
    // The request's account picks the scope only: the session is for the host's account, whatever it says.
    api.server.requests.length = 0;
    const other = await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'retry', account: 'fca_somebodyElse' }, { purpose: 'payments' });
    assert.deepEqual(other.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
  });

  test('returnUrl: return_url on the session, for webviews', async () => {
    const params = await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments', returnUrl: 'https://example.com/relinked' });
    assert.equal(params.return_url, 'https://example.com/relinked');
    const body = api.server.requests[1]!.reply.body as { return_url: string };
    assert.equal(body.return_url, 'https://example.com/relinked');
  });

  test('an active account Stripe expects to deactivate: relinked ahead of time', async () => {
    const params = await created(STAND_IN_ACCOUNTS.expiring, { purpose: 'initial' }, { purpose: 'payments' });
    assert.deepEqual(params.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.expiring });
  });

  test('a Connect account and a later preview: on both requests', async () => {
    await createRelinkSessionForRequest(api.stripe, STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, {
      purpose: 'payments',
      apiVersion: '2026-09-30.preview',
      stripeAccount: 'acct_1Connected',
      idempotencyKey: 'relink-1',
    });
    assert.deepEqual(wire(), [retrieved(STAND_IN_ACCOUNTS.relinkable), CREATED]);
    for (const sent of api.server.requests) {
      assert.equal(sent.headers['stripe-version'], '2026-09-30.preview');
      assert.equal(sent.headers['stripe-account'], 'acct_1Connected');
    }
    // The idempotency key is for the create, not the read.
    assert.equal(api.server.requests[0]!.headers['idempotency-key'], undefined);
    assert.equal(api.server.requests[1]!.headers['idempotency-key'], 'relink-1');
  });
});

describe('the API version decides what Stripe shows', () => {
  // The version this package named before (the first relink preview) against RELINK_API_VERSION:
  // the same account, the same SDK, the stand-in answering as Stripe does at each.
  const OLD_PIN = '2026-01-28.preview';
  const read = async (id: string, apiVersion: string): Promise<unknown> => api.stripe.financialConnections.accounts.retrieve(id, {}, { apiVersion });

  test(`at ${OLD_PIN} an account Stripe expects to deactivate looks merely active: the proactive relink was lost`, async () => {
    const eligibility = relinkEligibility(await read(STAND_IN_ACCOUNTS.expiring, OLD_PIN));
    assert.deepEqual(eligibility, { relinkable: false, reason: 'active', cause: null, expectedDeactivationDate: null });
  });

  test('at RELINK_API_VERSION the same account is relink_recommended, with its date', async () => {
    const eligibility = relinkEligibility(await read(STAND_IN_ACCOUNTS.expiring, RELINK_API_VERSION));
    assert.deepEqual(eligibility, { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: STAND_IN_EXPIRES });
    await createRelinkSessionForRequest(api.stripe, STAND_IN_ACCOUNTS.expiring, {}, { purpose: 'payments' });
    assert.equal(api.server.requests.at(-1)!.reply.status, 200);
  });

  test('at a GA version an inactive account says nothing about relinking, and no relink session can be made', async () => {
    const ga = await read(STAND_IN_ACCOUNTS.relinkable, Stripe.API_VERSION);
    assert.equal(relinkEligibility(ga).reason, 'unknown');
    assert.equal((ga as { authorization?: unknown }).authorization, undefined);
    await assert.rejects(
      api.stripe.financialConnections.sessions.create({
        account_holder: { type: 'customer', customer: STAND_IN_CUSTOMER },
        permissions: ['payment_method'],
        relink_options: { authorization: FAKE_IDS.authorization },
      } as Stripe.FinancialConnections.SessionCreateParams),
      { type: 'StripeInvalidRequestError', message: 'Received unknown parameter: relink_options' },
    );
  });
});

describe('proactive eligibility, read through the SDK', () => {
  test("an account Stripe expects to deactivate, as accounts.retrieve returns it", async () => {
    const account: unknown = await api.stripe.financialConnections.accounts.retrieve(STAND_IN_ACCOUNTS.expiring, {}, { apiVersion: RELINK_API_VERSION });
    assert.deepEqual(relinkEligibility(account), { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: STAND_IN_EXPIRES });
  });

  test('authorizations (the SDK has no resource for them: rawRequest, as the guide retrieves one)', async () => {
    const read = async (id: string): Promise<unknown> =>
      api.stripe.rawRequest('GET', `/v1/financial_connections/authorizations/${id}`, {}, { apiVersion: RELINK_API_VERSION });
    assert.deepEqual(relinkEligibility(await read(STAND_IN_AUTHORIZATIONS.expiring)), {
      relinkable: true,
      reason: 'relink_recommended',
      cause: null,
      expectedDeactivationDate: STAND_IN_EXPIRES,
    });
    assert.deepEqual(relinkEligibility(await read(STAND_IN_AUTHORIZATIONS.inactive)), { relinkable: true, reason: 'relink_required', cause: null, expectedDeactivationDate: null });
    assert.deepEqual(wire(), [
      `GET /v1/financial_connections/authorizations/${STAND_IN_AUTHORIZATIONS.expiring}`,
      `GET /v1/financial_connections/authorizations/${STAND_IN_AUTHORIZATIONS.inactive}`,
    ]);
  });
});

describe('createRelinkSessionForRequest: data', () => {
  test('initial: that exact account, the permissions given', async () => {
    assert.deepEqual(await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'data', permissions: ['transactions', 'balances'] }), {
      account_holder: HOLDER,
      permissions: ['transactions', 'balances'],
      relink_options: { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable },
    });
  });

  test('authorization_retry: the authorization, with the subcategories given and no limit', async () => {
    const params = await created(STAND_IN_ACCOUNTS.relinkable, { purpose: 'authorization_retry' }, { purpose: 'data', permissions: ['transactions'], accountSubcategories: ['checking'] });
    assert.deepEqual(params, {
      account_holder: HOLDER,
      filters: { account_subcategories: ['checking'] },
      permissions: ['transactions'],
      relink_options: { authorization: FAKE_IDS.authorization },
    });
  });
});

describe('createRelinkSessionForRequest: no session when it should not make one', () => {
  const unrelinkable: Array<[string, string, string, string | null]> = [
    ['an active account', STAND_IN_ACCOUNTS.active, 'active', null],
    ['an account closed at the bank', STAND_IN_ACCOUNTS.closed, 'not_repairable', 'account_closed'],
  ];
  for (const [name, id, reason, cause] of unrelinkable) {
    test(`${name}: not_relinkable with the reason, after the read alone`, async () => {
      await assert.rejects(createRelinkSessionForRequest(api.stripe, id, { purpose: 'initial' }, { purpose: 'payments' }), (error: unknown) => {
        assert.ok(error instanceof RelinkParamsError);
        assert.equal(error.code, 'not_relinkable');
        assert.equal(error.reason, reason);
        assert.equal(error.eligibility?.cause, cause);
        assert.ok(!error.message.includes(id), 'the message does not repeat the id');
        return true;
      });
      assert.deepEqual(wire(), [retrieved(id)]);
    });
  }

  test("an account Stripe does not know: Stripe's own error, and no session", async () => {
    await assert.rejects(createRelinkSessionForRequest(api.stripe, STAND_IN_ACCOUNTS.missing, { purpose: 'initial' }, { purpose: 'payments' }), { type: 'StripeInvalidRequestError', code: 'resource_missing' });
    assert.deepEqual(wire(), [retrieved(STAND_IN_ACCOUNTS.missing)]);
  });

  const refused: Array<[string, unknown, unknown, unknown, RelinkParamsErrorCode]> = [
    ['an id that is not an account', 'cus_1', { purpose: 'initial' }, { purpose: 'payments' }, 'invalid_account'],
    ['a client secret for an id', 'fca_1_secret_abc', { purpose: 'initial' }, { purpose: 'payments' }, 'invalid_account'],
    ['a path in the id', 'fca_1/../../v1/customers', { purpose: 'initial' }, { purpose: 'payments' }, 'invalid_account'],
    ['no id', undefined, { purpose: 'initial' }, { purpose: 'payments' }, 'invalid_account'],
    ['an unknown purpose in the request', STAND_IN_ACCOUNTS.relinkable, { purpose: 'again' }, { purpose: 'payments' }, 'invalid_request'],
    ['an account in the request that is not a string', STAND_IN_ACCOUNTS.relinkable, { purpose: 'retry', account: 7 }, { purpose: 'payments' }, 'invalid_request'],
    ['an authorization in the request that is not a string', STAND_IN_ACCOUNTS.relinkable, { purpose: 'retry', authorization: {} }, { purpose: 'payments' }, 'invalid_request'],
    ['a returnUrl that is not https', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments', returnUrl: 'http://example.com/back' }, 'invalid_return_url'],
    ['a javascript: returnUrl', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments', returnUrl: 'javascript:alert(1)' }, 'invalid_return_url'],
    ['the old preview pin', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments', apiVersion: '2026-01-28.preview' }, 'unsupported_api_version'],
    ['a request that is not an object', STAND_IN_ACCOUNTS.relinkable, 'authorization_retry', { purpose: 'payments' }, 'invalid_request'],
    ['no options', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, undefined, 'invalid_options'],
    ['an API version without relink', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments', apiVersion: '2025-12-15.clover' }, 'unsupported_api_version'],
    ['an empty Connect account', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments', stripeAccount: '' }, 'invalid_options'],
    ['data without permissions', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'data' }, 'invalid_permissions'],
    ['an unknown purpose in the options', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payouts' }, 'invalid_purpose'],
    ['subcategories for payments', STAND_IN_ACCOUNTS.relinkable, { purpose: 'initial' }, { purpose: 'payments', accountSubcategories: ['checking'] }, 'invalid_account_subcategories'],
    [
      'a hosted session (no client secret for the element: createHostedRelinkSession)',
      STAND_IN_ACCOUNTS.relinkable,
      { purpose: 'initial' },
      { purpose: 'payments', hosted: { delivery: 'url' }, returnUrl: 'https://example.com/relink-return' },
      'invalid_options',
    ],
  ];
  for (const [name, id, request, options, code] of refused) {
    test(`${name}: ${code}, before any request`, async () => {
      await assert.rejects(
        // Deliberately wrong input, as a page or a misconfigured host could send it.
        createRelinkSessionForRequest(api.stripe, id as string, request as RelinkSessionRequest, options as CreateRelinkSessionForRequestOptions),
        (error: unknown) => error instanceof RelinkParamsError && error.code === code,
      );
      assert.deepEqual(wire(), []);
    });
  }

});
