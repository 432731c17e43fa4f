/**
 * createRelinkSession through the real `stripe` SDK, against the stand-in for api.stripe.com on
 * 127.0.0.1 (test-support/stripe-api.ts): the assertions are on what actually goes over the wire.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Stripe from 'stripe';
import StripePreview from 'stripe-preview';
import {
  createRelinkSession,
  RELINK_API_VERSION,
  RelinkParamsError,
  RelinkSessionError,
  type CreateRelinkSessionOptions,
  type RelinkAccount,
} from '@fc-relink/server';
import { customerAccount, holderlessAccount } from './fixtures.js';
import { standInForFile } from './stand-in.js';
import {
  STAND_IN_SECRET_KEY,
  stripeError,
  type RecordedStripeRequest,
} from '../../../test-support/stripe-api.js';

const api = standInForFile();

/** Creates a session and returns the one request that reached the stand-in. */
async function send(account: RelinkAccount, options: CreateRelinkSessionOptions): Promise<RecordedStripeRequest> {
  const session = await createRelinkSession(api.stripe, account, options);
  assert.equal(api.server.requests.length, 1);
  const request = api.server.requests[0]!;
  // The id and secret of the session the server created, and nothing else.
  assert.equal(request.reply.status, 200);
  const created = request.reply.body as { id: string; client_secret: string };
  assert.match(created.id, /^fcsess_/);
  assert.deepEqual(session, { id: created.id, clientSecret: created.client_secret });
  assert.equal(request.method, 'POST');
  assert.equal(request.path, '/v1/financial_connections/sessions');
  assert.equal(request.headers['content-type'], 'application/x-www-form-urlencoded');
  assert.equal(request.headers['authorization'], `Bearer ${STAND_IN_SECRET_KEY}`);
  return request;
}

describe('createRelinkSession on the wire', () => {
  test('payments, that exact account: the guide\'s request, on the preview API version', async () => {
    const request = await send(customerAccount, {
      purpose: 'payments',
      scope: 'account',
      permissions: ['payment_method', 'balances'],
    });
    assert.equal(request.headers['stripe-version'], RELINK_API_VERSION);
    assert.equal(RELINK_API_VERSION, StripePreview.API_VERSION);
    assert.deepEqual(request.form, [
      ['account_holder[type]', 'customer'],
      ['account_holder[customer]', 'cus_1'],
      ['permissions[0]', 'payment_method'],
      ['permissions[1]', 'balances'],
      ['relink_options[authorization]', 'fcauth_1'],
      ['relink_options[account]', 'fca_exact_1'],
    ]);
    assert.deepEqual(request.params, {
      account_holder: { type: 'customer', customer: 'cus_1' },
      permissions: ['payment_method', 'balances'],
      relink_options: { authorization: 'fcauth_1', account: 'fca_exact_1' },
    });
  });

  test('payments, any account at the institution: one checking or savings account', async () => {
    const request = await send(customerAccount, {
      purpose: 'payments',
      scope: 'institution',
      permissions: ['payment_method', 'balances'],
    });
    assert.equal(request.headers['stripe-version'], RELINK_API_VERSION);
    assert.deepEqual(request.form, [
      ['account_holder[type]', 'customer'],
      ['account_holder[customer]', 'cus_1'],
      ['filters[account_subcategories][0]', 'checking'],
      ['filters[account_subcategories][1]', 'savings'],
      ['limits[accounts]', '1'],
      ['permissions[0]', 'payment_method'],
      ['permissions[1]', 'balances'],
      ['relink_options[authorization]', 'fcauth_1'],
    ]);
  });

  test('data products, the authorization: no limits, no filters, no payment_method added', async () => {
    const request = await send(customerAccount, {
      purpose: 'data',
      scope: 'institution',
      permissions: ['balances', 'transactions'],
    });
    assert.equal(request.headers['stripe-version'], RELINK_API_VERSION);
    assert.deepEqual(request.form, [
      ['account_holder[type]', 'customer'],
      ['account_holder[customer]', 'cus_1'],
      ['permissions[0]', 'balances'],
      ['permissions[1]', 'transactions'],
      ['relink_options[authorization]', 'fcauth_1'],
    ]);
  });

  test('data products, that exact account, with the optional subcategory filter', async () => {
    const request = await send(customerAccount, {
      purpose: 'data',
      scope: 'account',
      permissions: ['ownership'],
      accountSubcategories: ['checking', 'credit_card'],
    });
    assert.deepEqual(request.form, [
      ['account_holder[type]', 'customer'],
      ['account_holder[customer]', 'cus_1'],
      ['filters[account_subcategories][0]', 'checking'],
      ['filters[account_subcategories][1]', 'credit_card'],
      ['permissions[0]', 'ownership'],
      ['relink_options[authorization]', 'fcauth_1'],
      ['relink_options[account]', 'fca_exact_1'],
    ]);
  });

  test('an account without account holder sends account_holder as null, i.e. an empty value', async () => {
    for (const account of [holderlessAccount, { ...customerAccount, account_holder: undefined }]) {
      api.server.requests.length = 0;
      const request = await send(account, { purpose: 'payments', scope: 'account', permissions: ['payment_method'] });
      assert.ok(request.body.startsWith('account_holder=&'), request.body);
      assert.deepEqual(request.form, [
        ['account_holder', ''],
        ['permissions[0]', 'payment_method'],
        ['relink_options[authorization]', 'fcauth_1'],
        ['relink_options[account]', account.id],
      ]);
    }
  });

  test('a connected-account holder, expanded, is sent as its ID', async () => {
    const account = {
      ...customerAccount,
      account_holder: { type: 'account', account: { id: 'acct_1', object: 'account' } },
    };
    const request = await send(account, { purpose: 'data', scope: 'institution', permissions: ['balances'] });
    assert.deepEqual(request.form.slice(0, 2), [
      ['account_holder[type]', 'account'],
      ['account_holder[account]', 'acct_1'],
    ]);
  });

  test('permissions: exactly the given ones, in order, payment_method appended for payments when missing', async () => {
    const cases: Array<[CreateRelinkSessionOptions, string[]]> = [
      [{ purpose: 'payments', scope: 'account', permissions: [] }, ['payment_method']],
      [{ purpose: 'payments', scope: 'account', permissions: ['balances'] }, ['balances', 'payment_method']],
      [
        { purpose: 'payments', scope: 'institution', permissions: ['transactions', 'payment_method', 'ownership'] },
        ['transactions', 'payment_method', 'ownership'],
      ],
      [
        { purpose: 'payments', scope: 'account', permissions: ['balances', 'balances', 'ownership'] },
        ['balances', 'balances', 'ownership', 'payment_method'],
      ],
      [{ purpose: 'data', scope: 'account', permissions: ['transactions'] }, ['transactions']],
      [
        { purpose: 'data', scope: 'institution', permissions: ['payment_method', 'ownership', 'payment_method'] },
        ['payment_method', 'ownership', 'payment_method'],
      ],
    ];
    for (const [options, expected] of cases) {
      api.server.requests.length = 0;
      const request = await send(customerAccount, options);
      assert.deepEqual(
        request.form.filter(([name]) => name.startsWith('permissions')),
        expected.map((permission, i) => [`permissions[${i}]`, permission]),
        JSON.stringify(options),
      );
    }
  });

  test('sends only this request on the preview version; the client keeps its own version', async () => {
    const created = await send(customerAccount, { purpose: 'payments', scope: 'account', permissions: [] });
    await api.stripe.financialConnections.sessions.retrieve((created.reply.body as { id: string }).id).catch(() => undefined);
    assert.equal(api.server.requests.length, 2);
    assert.equal(api.server.requests[0]!.headers['stripe-version'], RELINK_API_VERSION);
    assert.equal(api.server.requests[1]!.headers['stripe-version'], Stripe.API_VERSION);
    assert.notEqual(Stripe.API_VERSION, RELINK_API_VERSION);
  });

  test('a later preview version may be asked for', async () => {
    for (const apiVersion of [RELINK_API_VERSION, '2026-09-30.preview', '2027-01-01.preview']) {
      api.server.requests.length = 0;
      const request = await send(customerAccount, {
        purpose: 'data',
        scope: 'institution',
        permissions: ['balances'],
        apiVersion,
      });
      assert.equal(request.headers['stripe-version'], apiVersion);
    }
  });

  test('an older, non-preview or malformed version is refused before any request', async () => {
    const refused = [
      // The old pin: no status_details.active, no hosted sessions.
      '2026-01-28.preview',
      '2026-08-25.preview',
      '2025-12-15.preview',
      '2026-10-28.endive',
      '2026-08-26',
      '2026-08-26.Preview',
      '2026-02-30.preview',
      ' 2026-08-26.preview',
      '',
      'sk_test_looks_like_a_key',
      42,
      null,
    ];
    for (const apiVersion of refused) {
      await assert.rejects(
        createRelinkSession(api.stripe, customerAccount, {
          purpose: 'payments',
          scope: 'account',
          permissions: [],
          apiVersion: apiVersion as string,
        }),
        (error: unknown) => {
          assert.ok(error instanceof RelinkParamsError, String(apiVersion));
          assert.equal(error.code, 'unsupported_api_version');
          assert.ok(error.message.includes(RELINK_API_VERSION), error.message);
          assert.ok(!error.message.includes('sk_test'), error.message);
          return true;
        },
      );
    }
    assert.equal(api.server.requests.length, 0);
  });

  test('idempotency key and Connect account go out as headers', async () => {
    const request = await send(customerAccount, {
      purpose: 'payments',
      scope: 'account',
      permissions: [],
      idempotencyKey: 'relink-fca_exact_1-1',
      stripeAccount: 'acct_connected_1',
    });
    assert.equal(request.headers['idempotency-key'], 'relink-fca_exact_1-1');
    assert.equal(request.headers['stripe-account'], 'acct_connected_1');
  });

  test('bad input rejects with RelinkParamsError and sends nothing', async () => {
    const noAuthorization = { ...customerAccount, authorization: undefined };
    await assert.rejects(
      createRelinkSession(api.stripe, noAuthorization, { purpose: 'payments', scope: 'account', permissions: [] }),
      { name: 'RelinkParamsError', code: 'missing_authorization' },
    );
    await assert.rejects(
      createRelinkSession(api.stripe, customerAccount, {
        purpose: 'payouts' as 'payments',
        scope: 'account',
        permissions: [],
      }),
      { name: 'RelinkParamsError', code: 'invalid_purpose' },
    );
    for (const bad of [{ idempotencyKey: '' }, { stripeAccount: 7 }, { hosted: { delivery: 'url' }, returnUrl: 'https://example.com/relink-return' }]) {
      await assert.rejects(
        createRelinkSession(api.stripe, customerAccount, {
          purpose: 'payments',
          scope: 'account',
          permissions: [],
          ...(bad as object),
        }),
        { name: 'RelinkParamsError', code: 'invalid_options' },
      );
    }
    assert.equal(api.server.requests.length, 0);
  });

  test("Stripe's own errors come through unchanged", async () => {
    api.reply = () => stripeError(400, 'invalid_request_error', 'No such financial_connections.authorization.');
    await assert.rejects(
      createRelinkSession(api.stripe, customerAccount, { purpose: 'payments', scope: 'account', permissions: [] }),
      (error: unknown) => {
        assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError);
        assert.equal(error.message, 'No such financial_connections.authorization.');
        return true;
      },
    );
  });

  test('an answer without client_secret is an error, not an empty secret', async () => {
    for (const body of [{ id: 'fcsess_answered1', client_secret: null }, { id: 'fcsess_answered1' }, { client_secret: 'fcsess_client_secret_x' }]) {
      api.reply = () => ({ status: 200, body: { object: 'financial_connections.session', ...body } });
      await assert.rejects(
        createRelinkSession(api.stripe, customerAccount, { purpose: 'payments', scope: 'account', permissions: [] }),
        (error: unknown) => {
          assert.ok(error instanceof RelinkSessionError);
          assert.equal(error.code, 'invalid_response');
          assert.ok(!error.message.includes('secret_x'), error.message);
          return true;
        },
      );
    }
  });
});

describe('stripe-node form encoding (why the params look the way they do)', () => {
  test('null becomes an empty value; empty arrays and objects vanish; arrays are indexed', async () => {
    const params = {
      account_holder: null,
      permissions: [],
      filters: {},
      limits: { accounts: 1 },
      relink_options: { authorization: 'fcauth_1', account: undefined },
      prefetch: ['balances'],
    };
    await api.stripe.financialConnections.sessions
      .create(params as unknown as Stripe.FinancialConnections.SessionCreateParams)
      .catch(() => undefined);
    assert.equal(api.server.requests[0]!.body, 'account_holder=&limits[accounts]=1&relink_options[authorization]=fcauth_1&prefetch[0]=balances');
  });
});
