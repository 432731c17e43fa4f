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
import { FAKE_IDS } from '@fc-relink/testing';
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
  // Held by a customer Stripe has no email address for.
  fca_expiring_2: { ...expiringAccount, id: 'fca_expiring_2', account_holder: { type: 'customer', customer: 'cus_3' } },
};
/** The email address Stripe has for cus_1, who holds the accounts above. */
const EMAIL = 'jenny.rosen@example.com';

let stripeServer: StripeStandIn;
let app: Server;
let appUrl: string;
let accountId: string | null;
/** The signed-in customer, as the host's sign-in would give it. */
let customer: { id: string; name: string } | null;
/** What the webhook route handed to the host's storage. */
const stored: RelinkWebhookAction[] = [];
let storageFails = false;
/** The host's configuration, read by the server at each request (the hosted routes' settings change per test). */
const host: Parameters<typeof relinkServer>[1] = {
  accountIdFor: async () => accountId,
  customerFor: async () => customer,
  webhookSecret: WEBHOOK_SECRET,
  onRelinkAction: async (action) => {
    if (storageFails) throw new Error('database down');
    stored.push(action);
  },
};

before(async () => {
  stripeServer = await startStripeStandIn({ accounts, holderEmails: { cus_1: EMAIL } });
  const listener = relinkServer(stripeServer.stripe(), host);
  app = createServer((req, res) => void listener(req, res));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
beforeEach(() => {
  stripeServer.requests.length = 0;
  stored.length = 0;
  storageFails = false;
  accountId = 'fca_exact_1';
  customer = { id: 'cus_1', name: 'Jenny Rosen' };
  accounts['fca_expiring_1'] = expiringAccount;
  host.returnUrl = `${appUrl}/relink-return`;
  delete host.backUrl;
  delete host.emailHostedRelinks;
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
    for (const path of ['/relink-session', '/replacement-setup-intent', '/hosted-relink']) {
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
  const deliver = (type: string, object: unknown, { secret = WEBHOOK_SECRET, tamper = false, id = 'evt_1' } = {}) => {
    const payload = JSON.stringify({ id, object: 'event', api_version: Stripe.API_VERSION, created: 1_799_000_000, data: { object }, livemode: false, type });
    return send(payload, secret, tamper);
  };
  /** POSTs an event Stripe made (the stand-in's), as it is, signed. */
  const deliverEvent = (event: Record<string, unknown>) => send(JSON.stringify(event), WEBHOOK_SECRET, false);
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

  describe('relink_soon with emailHostedRelinks: Stripe emails the customer a hosted relink', () => {
    const soon = (id = 'evt_soon_1', account: Record<string, unknown> = expiringAccount) =>
      deliver('financial_connections.account.upcoming_deactivation', atGa(account, expiringAccount.status_details), { id });
    const posts = () => stripeServer.requests.filter((r) => r.method === 'POST');

    test('the account read at RELINK_API_VERSION, then one hosted session by email, keyed by the warning', async () => {
      host.emailHostedRelinks = true;
      const emails = stripeServer.emails.length;
      const response = await soon();
      assert.equal(response.status, 200);
      assert.deepEqual(stripeServer.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])}`), [
        `GET /v1/financial_connections/accounts/fca_expiring_1 ${RELINK_API_VERSION}`,
        `POST /v1/financial_connections/sessions ${RELINK_API_VERSION}`,
      ]);
      const [, create] = stripeServer.requests;
      // One key per warning (the account and the day Stripe expects it to stop), not per event.
      assert.equal(create!.headers['idempotency-key'], `fc-relink-email-fca_expiring_1-${String((expiringAccount.status_details as { active: { expected_deactivation_date: number } }).active.expected_deactivation_date)}`);
      assert.deepEqual(create!.params, {
        account_holder: { type: 'customer', customer: 'cus_1' },
        permissions: ['payment_method'],
        relink_options: { authorization: 'fcauth_1', account: 'fca_expiring_1' },
        return_url: `${appUrl}/relink-return`,
        ui_mode: 'hosted',
        hosted: { delivery_method: 'email' },
      });
      assert.deepEqual(stripeServer.emails.slice(emails).map((e) => [e.to, e.session]), [[{ holder: 'cus_1', email: EMAIL }, (create!.reply.body as { id: string }).id]]);
      // The host's storage hears relink_soon as ever.
      assert.deepEqual(stored.map((a) => [a.action, a.id]), [['relink_soon', 'fca_expiring_1']]);
    });

    test('the same event delivered twice, and two events about one warning: one session, one email', async () => {
      host.emailHostedRelinks = true;
      // A warning of its own: a later day than the other tests' (one key per account and day).
      const later = { ...expiringAccount, status_details: { active: { ...expiringAccount.status_details.active, expected_deactivation_date: EXPIRES + 86_400 } } };
      accounts['fca_expiring_1'] = later;
      const [sessions, emails] = [stripeServer.sessions.size, stripeServer.emails.length];
      assert.equal((await soon('evt_soon_twice', later)).status, 200);
      assert.equal((await soon('evt_soon_twice', later)).status, 200);
      const dateUpdated = await deliver('financial_connections.account.expected_deactivation_date_updated', atGa(later, later.status_details), { id: 'evt_date_same' });
      assert.equal(dateUpdated.status, 200);
      assert.equal(stripeServer.sessions.size, sessions + 1);
      assert.equal(stripeServer.emails.length, emails + 1);
      assert.deepEqual(posts().map((r) => r.reply.headers?.['idempotent-replayed']), [undefined, 'true', 'true']);
    });

    test('an account with no holder to email: stored, answered 200, no session made', async (t) => {
      host.emailHostedRelinks = true;
      const logged = t.mock.method(console, 'error', () => undefined);
      accounts['fca_expiring_1'] = { ...expiringAccount, account_holder: null };
      assert.equal((await soon('evt_soon_noholder')).status, 200);
      assert.deepEqual(posts(), []);
      assert.deepEqual(stored.map((a) => a.action), ['relink_soon']);
      assert.equal(logged.mock.callCount(), 0);
    });

    test('relinked first, relink_soon after (Stripe keeps no order): judged as the account is now, no email', async () => {
      host.emailHostedRelinks = true;
      const emails = stripeServer.emails.length;
      // The customer relinked: Stripe says so, and the account no longer expects to deactivate...
      accounts['fca_expiring_1'] = { ...expiringAccount, status_details: {} };
      assert.equal((await deliver('financial_connections.account.reactivated', atGa({ ...expiringAccount, status_details: {} }), { id: 'evt_relinked' })).status, 200);
      // ...and the warning sent a month before arrives late, its payload as it was then.
      assert.equal((await soon('evt_soon_late')).status, 200);
      assert.deepEqual(posts(), []);
      assert.equal(stripeServer.emails.length, emails);
      assert.deepEqual(stored.map((a) => a.action), ['relinked', 'relink_soon']);
    });

    test('off by default; an authorization is not emailed; a holder Stripe cannot email is still stored', async (t) => {
      assert.equal((await soon('evt_soon_off')).status, 200);
      assert.deepEqual(stripeServer.requests, []);
      host.emailHostedRelinks = true;
      const authorization = { id: 'fcauthz_2', object: 'financial_connections.authorization', status: 'active', status_details: expiringAccount.status_details };
      assert.equal((await deliver('financial_connections.authorization.upcoming_deactivation', authorization, { id: 'evt_authz' })).status, 200);
      assert.deepEqual(stripeServer.requests, []);
      const logged = t.mock.method(console, 'error', () => undefined);
      const noEmail = await soon('evt_soon_noemail', accounts['fca_expiring_2'] as Record<string, unknown>);
      assert.equal(noEmail.status, 200);
      assert.equal(posts()[0]!.reply.status, 400);
      assert.equal(logged.mock.callCount(), 1);
      assert.deepEqual(logged.mock.calls[0]!.arguments.map(String).map((a) => a.replace(/req_\d+/, 'req_')), ['hosted relink email not sent:', 'StripeInvalidRequestError req_']);
      assert.deepEqual(stored.map((a) => [a.action, a.object]), [['relink_soon', 'account'], ['relink_soon', 'authorization'], ['relink_soon', 'account']]);
    });

    test('a server set to email without a returnUrl is refused at start', () => {
      assert.throws(() => relinkServer(stripe, { ...host, returnUrl: undefined, emailHostedRelinks: true }), /returnUrl/);
    });

    test('the whole loop: relink_soon, the email, the customer on Stripe\'s page, session.updated: relinked', async () => {
      host.emailHostedRelinks = true;
      await soon('evt_soon_loop');
      const sessionId = (posts()[0]!.reply.body as { id: string }).id;
      const email = stripeServer.emails.find((e) => e.session === sessionId);
      assert.ok(email, 'Stripe emailed the customer');
      // The customer follows the email and relinks on Stripe's page; Stripe tells the webhook.
      stripeServer.requests.length = 0;
      const ended = stripeServer.completeSession(sessionId, { status: 'succeeded' });
      assert.equal((await deliverEvent(ended)).status, 200);
      // A GA payload has no relink_options: the session is read at RELINK_API_VERSION.
      assert.deepEqual(stripeServer.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])}`), [
        `GET /v1/financial_connections/sessions/${sessionId} ${RELINK_API_VERSION}`,
      ]);
      const relinked = stored.at(-1)!;
      assert.deepEqual([relinked.action, relinked.object, relinked.id, relinked.outcome?.type], ['relinked', 'session', sessionId, 'success']);
      // And the customer lands on the return page, which says so.
      const page = await fetch(`${appUrl}/relink-return?session_id=${sessionId}`);
      assert.match(await page.text(), /Your bank account is connected again/);
    });
  });

  test('a body over 256 KiB is refused before it is read as an event', async () => {
    const response = await deliver('financial_connections.account.deactivated', { ...customerAccount, pad: 'x'.repeat(300 * 1024) });
    assert.equal(response.status, 413);
    assert.deepEqual(stored, []);
  });
});

describe('README example hosted relink: POST /hosted-relink and GET /relink-return', () => {
  const hostedRelink = (body: unknown = { purpose: 'initial' }) => post(body, '/hosted-relink');
  /** The id of the session the last POST to the stand-in created. */
  const createdId = (): string => (stripeServer.requests.filter((r) => r.method === 'POST').at(-1)!.reply.body as { id: string }).id;
  const returnPage = (query: string, headers: Record<string, string> = {}) => fetch(`${appUrl}/relink-return${query}`, { headers });

  test("the signed-in customer's account: a hosted session by url, and only Stripe's page comes back", async () => {
    const response = await hostedRelink();
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const body = (await response.json()) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['url']);
    assert.match(String(body['url']), /^https:\/\/connect\.stripe\.com\//);
    const [retrieve, create] = stripeServer.requests;
    assert.equal(retrieve!.path, '/v1/financial_connections/accounts/fca_exact_1');
    assert.equal(retrieve!.headers['stripe-version'], RELINK_API_VERSION);
    assert.equal(create!.headers['stripe-version'], RELINK_API_VERSION);
    assert.deepEqual(create!.params, {
      account_holder: { type: 'customer', customer: 'cus_1' },
      permissions: ['payment_method'],
      relink_options: { authorization: 'fcauth_1', account: 'fca_exact_1' },
      return_url: `${appUrl}/relink-return`,
      ui_mode: 'hosted',
      hosted: { delivery_method: 'url' },
    });
    assert.equal(body['url'], (create!.reply.body as { url: string }).url);
  });

  test('after no_account (authorization_retry): any checking or savings account at the bank', async () => {
    assert.equal((await hostedRelink({ purpose: 'authorization_retry' })).status, 200);
    const create = stripeServer.requests[1]!;
    assert.deepEqual(create.params['relink_options'], { authorization: 'fcauth_1' });
    assert.deepEqual(create.params['limits'], { accounts: '1' });
  });

  test('a retry of that (account: null, the authorization known) keeps its scope: never the account that failed', async () => {
    assert.equal((await hostedRelink({ purpose: 'retry', account: null, authorization: 'fcauth_1' })).status, 200);
    assert.deepEqual(stripeServer.requests[1]!.params['relink_options'], { authorization: 'fcauth_1' });
  });

  test("someone else's account, an unknown one, none: the same 404; not signed in: 401; no session made", async () => {
    for (const id of ['fca_someone_else', 'fca_nobodys', null]) {
      accountId = id;
      const response = await hostedRelink();
      assert.equal(response.status, 404, String(id));
      assert.deepEqual(await response.json(), { error: 'no_such_account' });
    }
    accountId = 'fca_exact_1';
    customer = null;
    assert.equal((await hostedRelink()).status, 401);
    assert.deepEqual(stripeServer.requests.map((r) => r.method), ['GET', 'GET']);
  });

  test('an account a relink cannot help: 409, no session', async () => {
    accountId = 'fca_closed';
    const response = await hostedRelink();
    assert.equal(response.status, 409);
    assert.deepEqual(await response.json(), { error: 'not_relinkable', reason: 'not_repairable', cause: 'account_closed' });
    assert.deepEqual(stripeServer.requests.map((r) => r.method), ['GET']);
  });

  test('a bad body is a 400; without returnUrl both hosted routes are off (404)', async () => {
    const bad = await fetch(appUrl + '/hosted-relink', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    assert.equal(bad.status, 400);
    delete host.returnUrl;
    assert.equal((await hostedRelink()).status, 404);
    assert.equal((await returnPage('?session_id=fcsess_1')).status, 404);
    assert.deepEqual(stripeServer.requests, []);
  });

  /** A hosted session made through the route, as the customer's return would find it. */
  const madeSession = async (purpose = 'initial'): Promise<string> => {
    assert.equal((await hostedRelink({ purpose })).status, 200);
    const id = createdId();
    stripeServer.requests.length = 0;
    return id;
  };

  /** The page's HTML, checked for what a strict CSP and a customer need; returns its text. */
  const page = async (response: Response): Promise<string> => {
    assert.equal(response.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const html = await response.text();
    // Nothing a strict CSP would block: no script, no inline style or handler, no other resource.
    assert.doesNotMatch(html, /<script|<style|\sstyle=|\son[a-z]+=|<link|<img|<iframe|javascript:/i);
    assert.match(html, /^<!doctype html>/);
    return html;
  };

  test('pending: "still finishing, refresh", never the session id', async () => {
    const id = await madeSession();
    const response = await returnPage(`?session_id=${id}`);
    assert.equal(response.status, 200);
    const html = await page(response);
    assert.match(html, /<h1>Still finishing<\/h1>/);
    assert.match(html, /Refresh this page in a moment/);
    assert.match(html, /<a href="\/">Back to your account<\/a>/);
    assert.ok(!html.includes(id) && !html.includes('fcsess_') && !html.includes('fca_'), html);
    assert.deepEqual(stripeServer.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])}`), [
      `GET /v1/financial_connections/sessions/${id} ${RELINK_API_VERSION}`,
    ]);
  });

  test('a cross-site arrival (from Stripe\'s page) is served: it is a plain link that changes nothing', async () => {
    const id = await madeSession();
    const response = await returnPage(`?session_id=${id}`, { 'sec-fetch-site': 'cross-site' });
    assert.equal(response.status, 200);
    await page(response);
  });

  test('relinked; a new account to confirm; not relinked: plain words, never ids or Stripe\'s own text', async () => {
    const cases: Array<[string, Parameters<StripeStandIn['completeSession']>[1], RegExp]> = [
      ['initial', { status: 'succeeded' }, /<h1>Your bank account is connected again<\/h1>/],
      [
        // Any account at the bank, and the customer picked another bank login: a new authorization.
        'authorization_retry',
        { status: 'succeeded', relink_result: { account: null, authorization: 'fcauthz_other', failure_reason: null }, accounts: ['fca_new'] },
        /One more step: go back to your account and confirm the bank account you connected for payments/,
      ],
      ['initial', { status: 'failed', relink_result: { account: null, authorization: null, failure_reason: '<script>alert(1)</script> sk_test_51Leak' } }, /<h1>Your bank account was not reconnected<\/h1>/],
      ['initial', { status: 'cancelled' }, /<h1>Your bank account was not reconnected<\/h1>/],
    ];
    for (const [purpose, end, words] of cases) {
      const id = await madeSession(purpose);
      stripeServer.completeSession(id, end);
      const response = await returnPage(`?session_id=${encodeURIComponent(id)}`);
      assert.equal(response.status, 200);
      const html = await page(response);
      assert.match(html, words);
      for (const never of [id, 'fca_', 'fcauth', 'sk_test', 'alert(1)', FAKE_IDS.authorization]) assert.ok(!html.includes(never), `${never} in ${html}`);
    }
  });

  test('a malformed or unknown session, Stripe down, no session at all: each in words; nothing echoed', async () => {
    const hostile = '<script>alert(1)</script>';
    const malformed = await returnPage(`?session_id=${encodeURIComponent(hostile)}`);
    assert.equal(malformed.status, 400);
    const malformedHtml = await page(malformed);
    assert.match(malformedHtml, /We could not read this link/);
    assert.ok(!malformedHtml.includes('alert'));
    assert.deepEqual(stripeServer.requests, []);

    const unknown = await returnPage('?session_id=fcsess_nobodys1');
    assert.equal(unknown.status, 400);
    assert.match(await page(unknown), /We could not read this link/);

    const none = await returnPage('');
    assert.equal(none.status, 200);
    assert.match(await page(none), /Thanks, you are back/);
  });

  test("Stripe unavailable: 'refresh in a moment' with a 503", async () => {
    const down = await startStripeStandIn({ respond: () => ({ status: 500, body: { error: { type: 'api_error', message: 'down sk_test_51Leak' } } }) });
    const listener = relinkServer(down.stripe(), { ...host, returnUrl: 'http://127.0.0.1/relink-return' });
    const server = createServer((req, res) => void listener(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/relink-return?session_id=fcsess_1`);
      assert.equal(response.status, 503);
      const html = await page(response);
      assert.match(html, /We could not check just now/);
      assert.ok(!html.includes('sk_test') && !html.includes('down'));
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await down.close();
    }
  });

  test("the link back is the host's, escaped", async () => {
    host.backUrl = '/account?tab=bank&x="><script>alert(1)</script>';
    const html = await page(await returnPage(''));
    assert.ok(html.includes('<a href="/account?tab=bank&#38;x=&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;">'), html);
  });
});
