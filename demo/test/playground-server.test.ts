/**
 * The playground's server (../server/playground-server.ts), in Node, on a plain node:http server:
 * the example server of @fc-relink/server with the playground's host hooks, and what only the
 * playground adds: the customer's sign-in, the scenario headers that reach the stand-in's test
 * hook, and the fake's hosted page. With fake Stripe the stand-in is the server's own; with keys,
 * the tests start one and point the SDK at it (FC_RELINK_STRIPE_API). The example server's own
 * behaviour is tested in packages/server/test/example.test.ts.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { RELINK_API_VERSION } from '@fc-relink/server';
import Stripe from 'stripe';
import { FAKE_IDS, scenarioFromSecret, setupScenarioFromSecret } from '@fc-relink/testing';
import {
  STAND_IN_ACCOUNTS,
  STAND_IN_CUSTOMER,
  STAND_IN_PUBLISHABLE_KEY,
  STAND_IN_SECRET_KEY,
  startStripeStandIn,
  stripeError,
  type StripeStandIn,
} from '../../test-support/stripe-api.js';
import { CUSTOMER_COOKIE } from '../server/customers.js';
import { readPlaygroundEnv } from '../server/env.js';
import { isPlaygroundPath, startPlaygroundServer, type PlaygroundServer } from '../server/playground-server.js';

const DAY = 86_400;
const WEBHOOK_SECRET = 'whsec_playgroundTests1';
/** "Now" for the fake expiring account: 2030-03-01T15:00:00Z. */
const NOW = Date.UTC(2030, 2, 1, 15);

interface Running {
  url: string;
  server: PlaygroundServer;
  logged: string[];
  /** POSTs JSON from the page's own origin; `cookie` signs the request in. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown>; cookie: string | null }>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The playground's server on a plain node:http server, as the Vite plugin mounts it. */
async function running(env: Record<string, string>): Promise<Running> {
  const logged: string[] = [];
  let server: PlaygroundServer | null = null;
  const http: Server = createServer((req, res) => {
    if (server && isPlaygroundPath(req.url)) server.handle(req, res);
    else res.writeHead(404).end('not the playground server');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  server = await startPlaygroundServer({ env: readPlaygroundEnv(env), origin: url, log: (line) => logged.push(line), now: NOW });
  const started = server;
  return {
    url,
    server,
    logged,
    async post(path, body, headers = {}) {
      const response = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, ...headers }, body: JSON.stringify(body) });
      const cookie = /^([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? null;
      return { status: response.status, json: (await response.json()) as Record<string, unknown>, cookie };
    },
    get: (path, headers = {}) => fetch(url + path, { headers, redirect: 'manual' }),
    async close() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      await started.close();
    },
  };
}

/** The stand-in's record of what the server asked "Stripe", as `METHOD path`. */
async function stripeRequests(stripeApi: string): Promise<Array<{ method: string; path: string; params: Record<string, unknown>; headers: Record<string, unknown>; reply: { body: unknown } }>> {
  return (await fetch(`${stripeApi}/__stand-in/requests`)).json() as never;
}

describe('with fake Stripe (no keys): the example server on the stand-in', () => {
  let app: Running;
  beforeEach(async () => {
    app = await running({});
  });
  afterEach(() => app.close());

  test("the signed-in customer's account, never the browser's: a session for the fake's checking account", async () => {
    assert.match(String(app.server.stripeApi), /^http:\/\/127\.0\.0\.1:\d+$/);
    // Nobody signed in: the playground's one customer, with the fake's (broken) checking account.
    // The browser's `account` is the element's request (the scope), never which account.
    const answer = await app.post('/relink-session', { purpose: 'initial', account: STAND_IN_ACCOUNTS.stranger, authorization: null, previousSessionId: null });
    assert.equal(answer.status, 200);
    assert.deepEqual(Object.keys(answer.json), ['clientSecret']);
    const recorded = await stripeRequests(app.server.stripeApi!);
    assert.deepEqual(recorded.map((r) => `${r.method} ${r.path}`), [`GET /v1/financial_connections/accounts/${FAKE_IDS.account}`, 'POST /v1/financial_connections/sessions']);
    assert.deepEqual(recorded[1]!.params.relink_options, { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account });
    assert.equal(recorded[1]!.headers['stripe-version'], RELINK_API_VERSION);
    // Without a scenario, the stand-in names the session as it always does: exact account → no_account.
    assert.equal(scenarioFromSecret(answer.json.clientSecret), 'no_account');
  });

  test('a scenario header names the session the request creates, and only that one', async () => {
    const named = await app.post('/relink-session', { purpose: 'initial' }, { 'fc-relink-scenario': 'account_relinked' });
    assert.equal(named.status, 200);
    assert.match(String(named.json.clientSecret), /^fcsess_standIn1_account_relinked_secret_/);
    assert.equal(scenarioFromSecret(named.json.clientSecret), 'account_relinked');
    // The next request without one: the stand-in's own name again.
    const plain = await app.post('/relink-session', { purpose: 'authorization_retry', authorization: FAKE_IDS.authorization, account: null }, {});
    assert.equal(scenarioFromSecret(plain.json.clientSecret), 'new_account');
    // The session itself is what the request asked for: the name is all the header changes.
    const recorded = await stripeRequests(app.server.stripeApi!);
    assert.deepEqual(recorded[1]!.params.relink_options, { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account });
  });

  test('requests that name scenarios at once each get their own', async () => {
    const scenarios = ['account_relinked', 'no_account', 'stripe_error', 'new_authorization', 'other', 'hang', 'no_authorization', 'relink_result_missing'];
    const answers = await Promise.all(scenarios.map((scenario) => app.post('/relink-session', { purpose: 'initial' }, { 'fc-relink-scenario': scenario })));
    assert.deepEqual(
      answers.map((answer) => scenarioFromSecret(answer.json.clientSecret)),
      scenarios,
    );
  });

  test('a setup scenario header names the SetupIntent: the fake confirms it as named', async () => {
    const answer = await app.post('/replacement-setup-intent', { accountId: FAKE_IDS.newAccount }, { 'fc-relink-setup-scenario': 'setup_failed' });
    assert.equal(answer.status, 200);
    assert.match(String(answer.json.clientSecret), /^seti_standIn1_setup_failed_secret_/);
    assert.equal(setupScenarioFromSecret(answer.json.clientSecret), 'setup_failed');
    const recorded = await stripeRequests(app.server.stripeApi!);
    assert.deepEqual(recorded.map((r) => `${r.method} ${r.path}`), [`GET /v1/financial_connections/accounts/${FAKE_IDS.newAccount}`, 'POST /v1/setup_intents']);
    assert.equal(recorded[1]!.params.customer, STAND_IN_CUSTOMER);
    // Someone else's account: the example server's 404, and nothing named.
    const stranger = await app.post('/replacement-setup-intent', { accountId: STAND_IN_ACCOUNTS.stranger }, { 'fc-relink-setup-scenario': 'setup_processing' });
    assert.deepEqual([stranger.status, stranger.json], [404, { error: 'no_such_account' }]);
    const next = await app.post('/replacement-setup-intent', { accountId: FAKE_IDS.newAccount });
    assert.equal(setupScenarioFromSecret(next.json.clientSecret), 'setup_succeeded');
    assert.match(String(next.json.clientSecret), /^seti_standIn2_secret_/);
  });

  test('a scenario the fake does not play is refused before anything reaches Stripe', async () => {
    const refused: Array<Record<string, string>> = [{ 'fc-relink-scenario': 'fca_standInStranger' }, { 'fc-relink-scenario': 'sk_test_x' }, { 'fc-relink-setup-scenario': 'no_account' }];
    for (const headers of refused) {
      const answer = await app.post('/relink-session', { purpose: 'initial' }, headers);
      assert.deepEqual([answer.status, answer.json], [400, { error: 'bad_scenario' }]);
    }
    assert.deepEqual(await stripeRequests(app.server.stripeApi!), []);
  });

  test('signing in with a link state: its account on file, its status for the card, the cookie for the next requests', async () => {
    const expiring = await app.post('/playground/customer', { link: 'expiring' });
    assert.equal(expiring.status, 200);
    // Twelve days after "now", midnight UTC.
    const expires = Math.floor(NOW / 1000 / DAY) * DAY + 12 * DAY;
    assert.deepEqual(expiring.json, { eligibility: { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: expires } });
    assert.match(String(expiring.cookie), new RegExp(`^${CUSTOMER_COOKIE}=[\\w-]{22}$`));
    const session = await app.post('/relink-session', { purpose: 'initial' }, { cookie: expiring.cookie! });
    assert.equal(session.status, 200);
    const recorded = await stripeRequests(app.server.stripeApi!);
    assert.deepEqual(recorded.at(-1)!.params.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.expiring });

    // The same browser signs in again (the broken link): a new cookie (never one the browser
    // brought), the other account.
    const broken = await app.post('/playground/customer', { link: 'inactive' }, { cookie: expiring.cookie! });
    assert.deepEqual(broken.json, { eligibility: { relinkable: true, reason: 'relink_required', cause: 'access_expired', expectedDeactivationDate: null } });
    assert.match(String(broken.cookie), new RegExp(`^${CUSTOMER_COOKIE}=[\\w-]{22}$`));
    assert.notEqual(broken.cookie, expiring.cookie);
    await app.post('/relink-session', { purpose: 'initial' }, { cookie: broken.cookie! });
    assert.deepEqual((await stripeRequests(app.server.stripeApi!)).at(-1)!.params.relink_options, { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account });
  });

  test('signing in takes a link state only: never an account, nothing else; from the page itself, as JSON', async () => {
    for (const body of [{ account: STAND_IN_ACCOUNTS.stranger }, { link: 'broken' }, { link: 'expiring', account: FAKE_IDS.account }, [], 'expiring', null]) {
      const answer = await app.post('/playground/customer', body);
      assert.deepEqual([answer.status, answer.json, answer.cookie], [400, { error: 'bad_request' }, null], JSON.stringify(body));
    }
    const crossSite = await app.post('/playground/customer', { link: 'expiring' }, { origin: 'https://elsewhere.example', 'sec-fetch-site': 'cross-site' });
    assert.deepEqual([crossSite.status, crossSite.json], [403, { error: 'forbidden' }]);
    const form = await fetch(`${app.url}/playground/customer`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'link=expiring' });
    assert.equal(form.status, 403);
    assert.equal((await app.get('/playground/customer')).status, 405);
    // None of them reached Stripe.
    assert.deepEqual(await stripeRequests(app.server.stripeApi!), []);
  });

  test("the hosted relink: the example server's session, the fake's page for it, back to the example's return page", async () => {
    const hosted = await app.post('/hosted-relink', { purpose: 'initial' });
    assert.equal(hosted.status, 200);
    const url = new URL(String(hosted.json.url));
    assert.equal(url.origin, 'https://connect.stripe.com');
    const id = url.pathname.split('/').pop()!;
    const created = (await stripeRequests(app.server.stripeApi!)).at(-1)!;
    assert.equal(created.params.return_url, `${app.url}/relink-return`);

    const page = await app.get(`/fake-stripe/hosted/${id}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    const html = await page.text();
    assert.match(html, /Test double: this is not Stripe\./);
    assert.match(html, /value="account_relinked"/);
    assert.doesNotMatch(html, /<script/);

    // An ending the session cannot have (it asked for one exact account) is refused.
    const wrong = await fetch(`${app.url}/fake-stripe/hosted/${id}`, { method: 'POST', body: 'ending=new_authorization', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    assert.equal(wrong.status, 400);
    const chosen = await fetch(`${app.url}/fake-stripe/hosted/${id}`, { method: 'POST', body: 'ending=account_relinked', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    assert.equal(chosen.status, 303);
    assert.equal(chosen.headers.get('location'), `${app.url}/relink-return?session_id=${id}`);
    assert.match(app.logged.join('\n'), new RegExp(`fake hosted page: ${id} ended \\(account_relinked\\)`));

    // The example server's return page reads the outcome from "Stripe".
    const back = await app.get(`/relink-return?session_id=${id}`);
    assert.equal(back.status, 200);
    const words = await back.text();
    assert.match(words, /<h1>Your bank account is connected again<\/h1>/);
    assert.match(words, /<a href="\/">Back to your account<\/a>/);
    assert.doesNotMatch(words, /fca_|fcsess_/);
    // The session has ended: its page is gone.
    assert.equal((await app.get(`/fake-stripe/hosted/${id}`)).status, 404);
  });

  test('the fake hosted page: only for a pending hosted session of the stand-in', async () => {
    const modal = await app.post('/relink-session', { purpose: 'initial' });
    const modalId = String(modal.json.clientSecret).split('_secret_')[0]!;
    for (const id of [modalId, 'fcsess_nobodys1', '..%2F..%2Fetc', '']) {
      const answer = await app.get(`/fake-stripe/hosted/${id}`);
      assert.equal(answer.status, 404, id);
      assert.equal(await answer.text(), 'This fake hosted session is unknown or has ended.');
    }
  });

  test('the customer leaves the fake hosted page: the return page says nothing changed', async () => {
    const hosted = await app.post('/hosted-relink', { purpose: 'initial' });
    const id = new URL(String(hosted.json.url)).pathname.split('/').pop()!;
    const left = await fetch(`${app.url}/fake-stripe/hosted/${id}`, { method: 'POST', body: 'ending=cancelled', headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    const back = await app.get(new URL(left.headers.get('location')!).pathname + new URL(left.headers.get('location')!).search);
    assert.match(await back.text(), /<h1>Your bank account was not reconnected<\/h1>/);
  });

  test('closing it closes the stand-in', async () => {
    const stripeApi = app.server.stripeApi!;
    assert.equal((await fetch(`${stripeApi}/__stand-in/requests`)).status, 200);
    await app.close();
    await assert.rejects(fetch(`${stripeApi}/__stand-in/requests`));
    app = await running({});
  });
});

describe('with your keys: the same example server, your account typed in the page', () => {
  let standIn: StripeStandIn;
  /** Set by a test to make "Stripe" answer with words the page must never see. */
  let failing: string | null = null;
  let app: Running;
  before(async () => {
    standIn = await startStripeStandIn({
      respond: (request) => (failing !== null && request.path.startsWith(failing) ? stripeError(400, 'invalid_request_error', 'Stripe says fca_standInSecretWords and sk_test_123 went wrong') : undefined),
    });
  });
  beforeEach(async () => {
    failing = null;
    standIn.requests.length = 0;
    app = await running({ STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_PUBLISHABLE_KEY, FC_RELINK_STRIPE_API: standIn.url });
  });
  afterEach(() => app.close());
  after(() => standIn.close());

  test('nobody signed in: no account to relink, no customer for a SetupIntent or a hosted relink', async () => {
    assert.equal(app.server.stripeApi, null);
    assert.deepEqual(await app.post('/relink-session', { purpose: 'initial', account: STAND_IN_ACCOUNTS.relinkable }), { status: 404, json: { error: 'no_account' }, cookie: null });
    assert.equal((await app.post('/replacement-setup-intent', { accountId: STAND_IN_ACCOUNTS.fresh })).status, 401);
    assert.equal((await app.post('/hosted-relink', { purpose: 'initial' })).status, 401);
    assert.deepEqual(standIn.requests, []);
  });

  test("signing in with an account: its holder is the customer, the account is read for the card, and the example server relinks it", async () => {
    const signedIn = await app.post('/playground/customer', { account: STAND_IN_ACCOUNTS.relinkable });
    assert.deepEqual(signedIn.json, { eligibility: { relinkable: true, reason: 'relink_required', cause: 'access_expired', expectedDeactivationDate: null } });
    const cookie = signedIn.cookie!;
    const session = await app.post('/relink-session', { purpose: 'initial', account: null }, { cookie });
    assert.equal(session.status, 200);
    assert.deepEqual(standIn.requests.map((r) => `${r.method} ${r.path}`), [
      `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
      `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
      'POST /v1/financial_connections/sessions',
    ]);
    assert.equal(standIn.requests[0]!.headers['stripe-version'], RELINK_API_VERSION);
    assert.match(String(standIn.requests[0]!.headers['user-agent']), /fc-relink playground/);
    // The same customer's new account gets its SetupIntent; someone else's does not.
    assert.equal((await app.post('/replacement-setup-intent', { accountId: STAND_IN_ACCOUNTS.fresh }, { cookie })).status, 200);
    assert.deepEqual((await app.post('/replacement-setup-intent', { accountId: STAND_IN_ACCOUNTS.stranger }, { cookie })).json, { error: 'no_such_account' });
    // Scenario headers mean nothing to Stripe: the session is named as Stripe (here, the stand-in) names it.
    const named = await app.post('/relink-session', { purpose: 'initial' }, { cookie, 'fc-relink-scenario': 'account_relinked' });
    assert.equal(scenarioFromSecret(named.json.clientSecret), 'no_account');
  });

  test('an account Stripe does not know is not signed in; a link state means nothing with keys', async () => {
    assert.deepEqual(await app.post('/playground/customer', { account: STAND_IN_ACCOUNTS.missing }), { status: 404, json: { error: 'no_such_account' }, cookie: null });
    // A failed sign-in signs the browser out: the server never relinks an account the page no longer shows.
    const { cookie } = await app.post('/playground/customer', { account: STAND_IN_ACCOUNTS.relinkable });
    assert.equal((await app.post('/relink-session', { purpose: 'initial' }, { cookie: cookie! })).status, 200);
    assert.equal((await app.post('/playground/customer', { account: STAND_IN_ACCOUNTS.missing }, { cookie: cookie! })).status, 404);
    assert.deepEqual((await app.post('/relink-session', { purpose: 'initial' }, { cookie: cookie! })).json, { error: 'no_account' });
    assert.deepEqual(await app.post('/playground/customer', { link: 'expiring' }), { status: 400, json: { error: 'bad_request' }, cookie: null });
    assert.deepEqual(await app.post('/playground/customer', { account: 'fca_x_secret_y' }), { status: 400, json: { error: 'bad_request' }, cookie: null });
  });

  test("Stripe's own words never reach the page: a code, and the terminal gets the rest", async (t) => {
    const errors = t.mock.method(console, 'error', () => undefined);
    const cookie = (await app.post('/playground/customer', { account: STAND_IN_ACCOUNTS.relinkable })).cookie!;
    failing = '/v1/financial_connections/sessions';
    const session = await app.post('/relink-session', { purpose: 'initial' }, { cookie });
    assert.deepEqual([session.status, session.json], [500, { error: 'relink_session_failed' }]);
    failing = '/v1/financial_connections/accounts';
    const signIn = await app.post('/playground/customer', { account: STAND_IN_ACCOUNTS.relinkable });
    assert.deepEqual([signIn.status, signIn.json, signIn.cookie], [502, { error: 'sign_in_failed' }, null]);
    const printed = errors.mock.calls.map((call) => call.arguments.join(' ')).join('\n');
    assert.match(printed, /StripeInvalidRequestError req_\d+/);
    assert.doesNotMatch(printed, /SecretWords|sk_test_123/);
  });

  test("Stripe's events: verified with STRIPE_WEBHOOK_SECRET, what they ask of the host logged", async () => {
    await app.close();
    app = await running({ STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_PUBLISHABLE_KEY, FC_RELINK_STRIPE_API: standIn.url, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
    const cookie = (await app.post('/playground/customer', { account: STAND_IN_ACCOUNTS.relinkable })).cookie!;
    const url = new URL(String((await app.post('/hosted-relink', { purpose: 'initial' }, { cookie })).json.url));
    const id = url.pathname.split('/').pop()!;
    // The customer relinks on Stripe's page; Stripe tells the server.
    const payload = JSON.stringify(standIn.completeSession(id, { status: 'succeeded' }, RELINK_API_VERSION));
    const send = (signature: string) => fetch(`${app.url}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
    assert.equal((await send(Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someoneElse1' }))).status, 400);
    assert.doesNotMatch(app.logged.join('\n'), /webhook:/);
    assert.equal((await send(Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET }))).status, 200);
    assert.match(app.logged.join('\n'), new RegExp(`webhook: relinked for ${id}`));
  });

  test('the fake hosted page is not served with keys', async () => {
    assert.equal((await app.get('/fake-stripe/hosted/fcsess_standIn1_no_account')).status, 404);
  });
});

describe("the stand-in's test hook (test-support/stripe-api.ts: nameNext)", () => {
  let standIn: StripeStandIn;
  before(async () => {
    standIn = await startStripeStandIn();
  });
  after(() => standIn.close());

  test('one creation uses a name; a refused request uses none; null forgets it; a name keeps the id an id', async () => {
    const stripe = standIn.stripe();
    const create = (params: Record<string, unknown>) =>
      stripe.financialConnections.sessions.create(params as never, { apiVersion: RELINK_API_VERSION }) as Promise<unknown> as Promise<{ id: string; client_secret: string }>;
    const params = { account_holder: { type: 'customer', customer: STAND_IN_CUSTOMER }, permissions: ['payment_method'], relink_options: { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account } };
    standIn.nameNext('session', 'account_relinked');
    // A hosted session without return_url: Stripe refuses it, and the name waits.
    await assert.rejects(create({ ...params, ui_mode: 'hosted', hosted: { delivery_method: 'url' } }));
    const named = await create(params);
    assert.match(named.id, /^fcsess_standIn\d+_account_relinked$/);
    assert.equal(scenarioFromSecret(named.client_secret), 'account_relinked');
    assert.match((await create(params)).id, /_no_account$/);
    standIn.nameNext('session', 'other');
    standIn.nameNext('session', null);
    assert.match((await create(params)).id, /_no_account$/);
    for (const bad of ['x_secret_y', 'secret', 'no-account', 'Account', '', 'a'.repeat(41), 'no account']) {
      assert.throws(() => standIn.nameNext('session', bad), TypeError, bad);
    }
  });
});
