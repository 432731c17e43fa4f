/**
 * The README's server (examples/relink-server.mjs), run for real: browser -> example server ->
 * real `stripe` SDK -> the recording stand-in for api.stripe.com (test-support/stripe-api.ts); and
 * Stripe -> its webhook route, with events signed by the SDK's `generateTestHeaderString`.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, test } from 'node:test';
import { startStripeStandIn, type StripeStandIn } from '../../../test-support/stripe-api.js';
import { RELINK_API_VERSION, type RelinkWebhookAction } from '@fc-relink/server';
import Stripe from 'stripe';
import { relinkServer } from '../examples/relink-server.mjs';
import { customerAccount, customerAccountSetupIntentRequest, EXPIRES, expiringAccount } from './fixtures.js';

const WEBHOOK_SECRET = 'whsec_fcRelinkExampleTests';

const accounts: Record<string, unknown> = {
  fca_exact_1: customerAccount,
  fca_closed: {
    ...customerAccount,
    id: 'fca_closed',
    status_details: { inactive: { action: 'none', cause: 'account_closed' } },
  },
  fca_active: { ...customerAccount, id: 'fca_active', status: 'active', status_details: {} },
  fca_someone_else: { ...customerAccount, id: 'fca_someone_else', account_holder: { type: 'customer', customer: 'cus_2' } },
  fca_expiring_1: expiringAccount,
};

let stripeServer: StripeStandIn;
let app: Server;
let appUrl: string;
let accountId: string | null;
/** The signed-in customer, as the host's sign-in would give it. */
let customer: { id: string; name: string } | null;
/** What the webhook route handed to the host's storage. */
const stored: RelinkWebhookAction[] = [];
let storageFails = false;

before(async () => {
  stripeServer = await startStripeStandIn({ accounts });
  app = createServer(
    relinkServer(stripeServer.stripe(), {
      accountIdFor: async () => accountId,
      customerFor: async () => customer,
      webhookSecret: WEBHOOK_SECRET,
      onRelinkAction: async (action) => {
        if (storageFails) throw new Error('database down');
        stored.push(action);
      },
    }),
  );
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
beforeEach(() => {
  stripeServer.requests.length = 0;
  stored.length = 0;
  storageFails = false;
  accountId = 'fca_exact_1';
  customer = { id: 'cus_1', name: 'Jenny Rosen' };
});
after(async () => {
  app.closeAllConnections();
  await new Promise((resolve) => app.close(resolve));
  await stripeServer.close();
});

/** The client secret of the session the stand-in created for `request`. */
const createdSecret = (request: StripeStandIn['requests'][number] | undefined): unknown =>
  (request?.reply.body as { client_secret?: unknown } | undefined)?.client_secret;

const post = (body: unknown, path = '/relink-session', headers: Record<string, string> = {}) =>
  fetch(appUrl + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('README example endpoint', () => {
  test('initial: loads the account on the preview version, creates an exact-account session, returns only the secret', async () => {
    const response = await post({ purpose: 'initial' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const [retrieve, create] = stripeServer.requests;
    assert.match(String(createdSecret(create)), /_secret_/);
    assert.deepEqual(await response.json(), { clientSecret: createdSecret(create) });

    assert.equal(stripeServer.requests.length, 2);
    assert.equal(retrieve!.method, 'GET');
    assert.equal(retrieve!.path, '/v1/financial_connections/accounts/fca_exact_1');
    assert.equal(retrieve!.headers['stripe-version'], RELINK_API_VERSION);
    assert.equal(create!.path, '/v1/financial_connections/sessions');
    assert.equal(create!.headers['stripe-version'], RELINK_API_VERSION);
    assert.deepEqual(create!.params['relink_options'], { authorization: 'fcauth_1', account: 'fca_exact_1' });
    assert.equal(create!.params['limits'], undefined);
  });

  test('authorization_retry: any checking or savings account at the institution', async () => {
    const response = await post({ purpose: 'authorization_retry' });
    const create = stripeServer.requests[1]!;
    assert.deepEqual(await response.json(), { clientSecret: createdSecret(create) });
    assert.deepEqual(create.params, {
      account_holder: { type: 'customer', customer: 'cus_1' },
      filters: { account_subcategories: ['checking', 'savings'] },
      limits: { accounts: '1' },
      permissions: ['payment_method'],
      relink_options: { authorization: 'fcauth_1' },
    });
  });

  test('an active account Stripe expects to deactivate: a session ahead of time', async () => {
    accountId = 'fca_expiring_1';
    const response = await post({ purpose: 'initial' });
    assert.equal(response.status, 200);
    assert.deepEqual(stripeServer.requests.map((r) => r.method), ['GET', 'POST']);
    assert.deepEqual(stripeServer.requests[1]!.params['relink_options'], { authorization: 'fcauth_1', account: 'fca_expiring_1' });
  });

  test('an account that cannot be repaired gets 409 and no session', async () => {
    for (const [id, reason, cause] of [
      ['fca_closed', 'not_repairable', 'account_closed'],
      ['fca_active', 'active', null],
    ] as const) {
      stripeServer.requests.length = 0;
      accountId = id;
      const response = await post({});
      assert.equal(response.status, 409);
      assert.deepEqual(await response.json(), { error: 'not_relinkable', reason, cause });
      assert.deepEqual(stripeServer.requests.map((r) => r.method), ['GET']);
    }
  });

  test('a retry of an authorization_retry (account: null) keeps its scope: any account at the bank', async () => {
    const response = await post({ purpose: 'retry', account: null, authorization: 'fcauth_1' });
    assert.equal(response.status, 200);
    assert.deepEqual(stripeServer.requests[1]!.params['relink_options'], { authorization: 'fcauth_1' });
  });

  test('a request from another site, or not JSON, is refused before anything runs', async () => {
    const refused: Array<[string, RequestInit]> = [
      ['another Origin', { headers: { 'content-type': 'application/json', origin: 'https://evil.example' } }],
      ['a cross-site fetch', { headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' } }],
      ['a same-site fetch from a sibling subdomain', { headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' } }],
      ['a form post (text/plain)', { headers: { 'content-type': 'text/plain' } }],
      ['a urlencoded form', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }],
      ['no content type', {}],
    ];
    for (const path of ['/relink-session', '/replacement-setup-intent']) {
      for (const [name, init] of refused) {
        const response = await fetch(appUrl + path, { method: 'POST', body: JSON.stringify({ purpose: 'initial', accountId: 'fca_exact_1' }), ...init });
        assert.equal(response.status, 403, `${path}: ${name}`);
        assert.deepEqual(await response.json(), { error: 'forbidden' });
      }
    }
    // The page's own origin, as a browser sends it, is served.
    const own = await post({ purpose: 'initial' }, '/relink-session', { origin: appUrl, 'sec-fetch-site': 'same-origin' });
    assert.equal(own.status, 200);
    assert.equal(stripeServer.requests.length, 2);
  });

  test('no account, bad body, wrong route, Stripe failure', async (t) => {
    accountId = null;
    assert.equal((await post({})).status, 404);
    accountId = 'fca_exact_1';
    const bad = await fetch(appUrl + '/relink-session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    assert.equal(bad.status, 400);
    assert.equal((await post({ purpose: 7 })).status, 400);
    assert.equal((await post([])).status, 400);
    assert.equal((await fetch(appUrl + '/relink-session')).status, 404);
    assert.equal((await post({}, '/other')).status, 404);
    assert.equal(stripeServer.requests.length, 0);

    accountId = 'fca_missing';
    const logged = t.mock.method(console, 'error', () => undefined);
    const failed = await post({});
    assert.equal(failed.status, 500);
    assert.deepEqual(await failed.json(), { error: 'relink_session_failed' });
    assert.equal(logged.mock.callCount(), 1);
    assert.deepEqual(logged.mock.calls[0]!.arguments, ['relink_session failed:', 'StripeInvalidRequestError req_1']);
  });

  test('replacement SetupIntent: checks the account is the signed-in customer\'s, then makes the guide\'s SetupIntent', async () => {
    const response = await post({ accountId: 'fca_exact_1' }, '/replacement-setup-intent');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const [retrieve, create] = stripeServer.requests;
    assert.equal(retrieve!.path, '/v1/financial_connections/accounts/fca_exact_1');
    assert.equal(create!.path, '/v1/setup_intents');
    assert.deepEqual(create!.params, customerAccountSetupIntentRequest);
    assert.deepEqual(await response.json(), { clientSecret: createdSecret(create) });
  });

  test('replacement SetupIntent: someone else\'s account and an unknown one get the same answer; no sign-in or a bad body creates nothing', async () => {
    const someoneElse = await post({ accountId: 'fca_someone_else' }, '/replacement-setup-intent');
    const unknown = await post({ accountId: 'fca_nobodys' }, '/replacement-setup-intent');
    assert.equal(someoneElse.status, 404);
    assert.equal(unknown.status, 404);
    assert.deepEqual(await someoneElse.json(), { error: 'no_such_account' });
    assert.deepEqual(await unknown.json(), { error: 'no_such_account' });
    assert.deepEqual(stripeServer.requests.map((r) => r.method), ['GET', 'GET']);

    stripeServer.requests.length = 0;
    for (const body of [{}, { accountId: 7 }, { accountId: 'cus_1' }, { accountId: 'fca_1/../../v1/customers' }, []]) {
      assert.equal((await post(body, '/replacement-setup-intent')).status, 400, JSON.stringify(body));
    }
    customer = null;
    assert.equal((await post({ accountId: 'fca_exact_1' }, '/replacement-setup-intent')).status, 401);
    assert.equal(stripeServer.requests.length, 0);
  });

  test('the README shows this very file', async () => {
    // The package's own files, wherever this test was compiled to.
    const root = new URL('.', import.meta.resolve('@fc-relink/server/package.json'));
    const readme = await readFile(new URL('README.md', root), 'utf8');
    const example = await readFile(new URL('examples/relink-server.mjs', root), 'utf8');
    const block = /```js\n(\/\/ @ts-check\n[\s\S]*?)```/.exec(readme);
    assert.ok(block, 'README.md has no ```js block starting with // @ts-check');
    assert.equal(block[1], example);
  });
});

describe('README example webhook route', () => {
  const stripe = new Stripe('sk_test_exampleWebhooks', { telemetry: false });

  /** An account as a GA endpoint's payload renders it: no authorization, no status_details.inactive. */
  const atGa = ({ authorization: _authorization, ...account }: Record<string, unknown>, details: Record<string, unknown> = {}) => ({ ...account, status_details: details });

  /**
   * POSTs a Stripe event to /webhook as a webhook endpoint gets it: rendered at a GA version (the
   * SDK's own), signed with `secret` by the SDK the way Stripe signs it.
   */
  const deliver = (type: string, object: unknown, { secret = WEBHOOK_SECRET, tamper = false } = {}) => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', api_version: Stripe.API_VERSION, created: 1_799_000_000, data: { object }, livemode: false, type });
    return send(payload, secret, tamper);
  };
  /** POSTs a thin event notification to /webhook, as an event destination sends it. */
  const notify = (type: string, id: string, { secret = WEBHOOK_SECRET } = {}) => {
    const related_object = { id, type: 'financial_connections.account', url: `/v1/financial_connections/accounts/${id}` };
    const payload = JSON.stringify({ id: 'evt_thin_1', object: 'v2.core.event', type, created: '2026-12-01T00:00:00.000Z', livemode: false, related_object });
    return send(payload, secret, false);
  };
  const send = (payload: string, secret: string, tamper: boolean) => {
    const signature = stripe.webhooks.generateTestHeaderString({ payload, secret });
    const body = tamper ? payload.replace('"livemode":false', '"livemode":true') : payload;
    return fetch(`${appUrl}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body });
  };
  const onAccount = (fields: Partial<RelinkWebhookAction>): RelinkWebhookAction => ({
    action: 'none',
    object: 'account',
    id: 'fca_exact_1',
    authorization: 'fcauth_1',
    cause: null,
    expectedDeactivationDate: null,
    outcome: null,
    ...fields,
  });

  test("verified events reach the host's storage with what to do; others are acknowledged and left", async () => {
    // A GA payload cannot say why it deactivated: the route reads the account at RELINK_API_VERSION.
    const deactivated = await deliver('financial_connections.account.deactivated', atGa(customerAccount));
    assert.equal(deactivated.status, 200);
    assert.deepEqual(await deactivated.json(), { received: true });
    assert.deepEqual(stripeServer.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])}`), [
      `GET /v1/financial_connections/accounts/fca_exact_1 ${RELINK_API_VERSION}`,
    ]);
    stripeServer.requests.length = 0;
    // These the payload answers (status_details.active is GA): no request.
    assert.equal((await deliver('financial_connections.account.upcoming_deactivation', atGa(expiringAccount, expiringAccount.status_details))).status, 200);
    assert.equal((await deliver('financial_connections.account.reactivated', atGa({ ...customerAccount, status: 'active' }))).status, 200);
    assert.equal((await deliver('customer.updated', { id: 'cus_1', object: 'customer' })).status, 200);
    assert.equal(stripeServer.requests.length, 0);
    assert.deepEqual(stored, [
      onAccount({ action: 'relink_now', cause: 'access_expired' }),
      onAccount({ action: 'relink_soon', id: 'fca_expiring_1', authorization: null, cause: 'access_expired', expectedDeactivationDate: EXPIRES }),
      onAccount({ action: 'relinked', authorization: null }),
    ]);
  });

  test('thin event notifications: verified by parseEventNotification, the account read at RELINK_API_VERSION', async () => {
    assert.equal((await notify('v1.financial_connections.account.deactivated', 'fca_exact_1')).status, 200);
    assert.equal((await notify('v1.financial_connections.account.upcoming_deactivation', 'fca_expiring_1')).status, 200);
    assert.equal((await notify('v1.financial_connections.account.refreshed_balance', 'fca_exact_1')).status, 200);
    assert.deepEqual(stored, [
      onAccount({ action: 'relink_now', cause: 'access_expired' }),
      onAccount({ action: 'relink_soon', id: 'fca_expiring_1', cause: 'access_expired', expectedDeactivationDate: EXPIRES }),
    ]);
    assert.deepEqual(stripeServer.requests.map((r) => r.headers['stripe-version']), [RELINK_API_VERSION, RELINK_API_VERSION]);
    // A thin notification signed with another secret is refused like any other.
    const forged = await notify('v1.financial_connections.account.deactivated', 'fca_exact_1', { secret: 'whsec_someoneElse' });
    assert.equal(forged.status, 400);
    assert.equal(stored.length, 2);
  });

  test('when Stripe cannot be asked, a 503: Stripe delivers the event again, nothing is stored', async () => {
    const response = await notify('v1.financial_connections.account.deactivated', 'fca_nobodys');
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { error: 'retry_later' });
    assert.deepEqual(stored, []);
  });

  test('a bad signature is a 400 with no detail, and nothing else runs', async () => {
    const cases = [
      await deliver('financial_connections.account.deactivated', atGa(customerAccount), { secret: 'whsec_someoneElse' }),
      await deliver('financial_connections.account.deactivated', atGa(customerAccount), { tamper: true }),
      await fetch(`${appUrl}/webhook`, { method: 'POST', body: JSON.stringify({ type: 'financial_connections.account.deactivated', data: { object: customerAccount } }) }),
    ];
    for (const response of cases) {
      assert.equal(response.status, 400);
      assert.equal(await response.text(), '');
    }
    assert.deepEqual(stored, []);
  });

  test("a failure in the host's storage is a 500, so Stripe delivers the event again", async (t) => {
    storageFails = true;
    const logged = t.mock.method(console, 'error', () => undefined);
    const response = await deliver('financial_connections.account.reactivated', atGa(customerAccount));
    assert.equal(response.status, 500);
    assert.deepEqual(await response.json(), { error: 'webhook_failed' });
    assert.deepEqual(logged.mock.calls[0]!.arguments, ['webhook failed:', 'Error: database down']);
  });

  test('a body over 256 KiB is refused before it is read as an event', async () => {
    const response = await deliver('financial_connections.account.deactivated', { ...customerAccount, pad: 'x'.repeat(300 * 1024) });
    assert.equal(response.status, 413);
    assert.deepEqual(stored, []);
  });
});
