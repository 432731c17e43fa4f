/**
 * The demo server's session endpoint (../server/relink-endpoint.ts, with ../server/http.ts) on a
 * plain node:http server, over real HTTP: fake sessions, the JSON errors of bad requests, and
 * the real-Stripe path through the official `stripe` SDK, pointed at the stand-in for
 * api.stripe.com (test-support/stripe-api.ts). Nothing leaves the machine.
 */
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, test, type TestContext } from 'node:test';
import { RELINK_API_VERSION } from '@fc-relink/core/interpret';
import { FAKE_IDS } from '@fc-relink/testing';
import {
  STAND_IN_ACCOUNTS,
  STAND_IN_CUSTOMER,
  STAND_IN_EXPIRES,
  STAND_IN_PUBLISHABLE_KEY,
  STAND_IN_SECRET_KEY,
  startStripeStandIn,
  stripeError,
  type StripeStandIn,
} from '../../test-support/stripe-api.js';
import { KEYS_MISSING_MESSAGE, readPlaygroundEnv } from '../server/env.js';
import { PLAYGROUND_BILLING_NAME, relinkSessionEndpoint, type RelinkEndpointOptions, type StripeAccess } from '../server/relink-endpoint.js';

const SESSION_PATH = '/api/relink-session';
const SETUP_PATH = '/api/setup-intent';
const STATUS_PATH = '/api/account-status';
/** Anything that looks like a key or a client secret. */
const SECRETISH = /(?:sk|rk|pk)_(?:test|live)_|_secret_/;
/** An account for which the stand-in, unlike Stripe, echoes the whole key in its 401. */
const ECHOES_KEY = 'fca_standInEchoesKey';

const NO_KEYS: StripeAccess = { kind: 'unavailable', code: 'stripe_keys_missing', message: KEYS_MISSING_MESSAGE };

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** The body parsed as JSON. */
  json: Record<string, unknown>;
}

interface Endpoint {
  logs: Array<{ line: string; level: 'info' | 'warn' }>;
  /** Sends exactly these bytes and headers (no content type unless given). */
  send(options: { method?: string; path?: string; body?: string | Buffer; headers?: Record<string, string> }): Promise<Answer>;
  /** POSTs `body` as JSON. */
  post(body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** POSTs `body` as JSON to the SetupIntent endpoint. */
  postSetup(body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** POSTs `body` as JSON to the account-status endpoint. */
  postStatus(body: unknown): Promise<Answer>;
}

/** Serves the endpoint on a free port for one test (no fake latency unless asked). */
async function serve(t: TestContext, stripe: StripeAccess, options: Partial<RelinkEndpointOptions> = {}): Promise<Endpoint> {
  const logs: Endpoint['logs'] = [];
  const handler = relinkSessionEndpoint({ stripe, fakeLatencyMs: 0, log: (line, level) => logs.push({ line, level }), ...options });
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('{"next":true}');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  t.after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const send: Endpoint['send'] = ({ method = 'POST', path = SESSION_PATH, body, headers = {} }) =>
    new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> = {};
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            // Not JSON: the assertions on `json` fail, `text` says what came.
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  return {
    logs,
    send,
    post: (body, headers = {}) => send({ body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
    postSetup: (body, headers = {}) => send({ path: SETUP_PATH, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } }),
    postStatus: (body) => send({ path: STATUS_PATH, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  };
}

/** Checks a JSON error answer, and returns its message. */
function expectError(answer: Answer, status: number, code: string): string {
  assert.equal(answer.status, status, answer.text);
  assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
  const error = answer.json.error as { code: string; message: string } | undefined;
  assert.deepEqual(Object.keys(answer.json), ['error']);
  assert.deepEqual(Object.keys(error ?? {}).sort(), ['code', 'message']);
  assert.equal(error?.code, code);
  assert.equal(typeof error?.message, 'string');
  assert.doesNotMatch(error!.message, SECRETISH);
  return error!.message;
}

/** The endpoint still hands out a fake session. */
async function expectAlive(endpoint: Endpoint): Promise<void> {
  const answer = await endpoint.post({ purpose: 'initial', scenario: 'account_relinked' });
  assert.equal(answer.status, 200);
  assert.deepEqual(Object.keys(answer.json).sort(), ['clientSecret', 'scenario']);
  assert.match(String(answer.json.clientSecret), /^fcsess_demo\d+_account_relinked_secret_/);
  assert.equal(answer.json.scenario, 'account_relinked');
}

describe('the endpoint without Stripe keys', () => {
  test('a real session is refused with 503 and what to set; the server keeps working', async (t) => {
    const endpoint = await serve(t, NO_KEYS);
    const message = expectError(await endpoint.post({ purpose: 'initial', authorization: null, account: 'fca_1Abc', previousSessionId: null }), 503, 'stripe_keys_missing');
    assert.ok(message.includes('Set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY'), message);
    // The same without an account: it is the keys that are missing, first.
    expectError(await endpoint.post({ purpose: 'authorization_retry' }), 503, 'stripe_keys_missing');
    await expectAlive(endpoint);
  });

  test('malformed JSON is a 400, and a later request still works', async (t) => {
    const endpoint = await serve(t, NO_KEYS);
    const json = { 'content-type': 'application/json' };
    expectError(await endpoint.send({ body: '{"purpose": "initial",', headers: json }), 400, 'invalid_json');
    expectError(await endpoint.send({ body: "{purpose: 'initial'}", headers: json }), 400, 'invalid_json');
    expectError(await endpoint.send({ body: '', headers: json }), 400, 'invalid_json');
    await expectAlive(endpoint);
  });

  test('every bad request gets a JSON error, never a crash', async (t) => {
    const endpoint = await serve(t, NO_KEYS);
    const cases: Array<[string, () => Promise<Answer>, number, string]> = [
      ['a GET', () => endpoint.send({ method: 'GET' }), 405, 'method_not_allowed'],
      ['a form post', () => endpoint.send({ body: 'purpose=initial', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type'],
      ['no content type', () => endpoint.send({ body: Buffer.from('{"purpose":"initial"}') }), 415, 'unsupported_media_type'],
      ['a body over 4 KiB', () => endpoint.post({ purpose: 'initial', scenario: 'hang', pad: 'x'.repeat(5000) }), 413, 'body_too_large'],
      ['an array', () => endpoint.post([1, 2]), 400, 'invalid_request'],
      ['null', () => endpoint.post(null), 400, 'invalid_request'],
      ['no purpose', () => endpoint.post({ scenario: 'no_account' }), 400, 'invalid_request'],
      ['an unknown purpose', () => endpoint.post({ purpose: 'again', scenario: 'no_account' }), 400, 'invalid_request'],
      ['an unknown scenario', () => endpoint.post({ purpose: 'initial', scenario: 'win' }), 400, 'invalid_request'],
      ['a number for an id', () => endpoint.post({ purpose: 'initial', scenario: 'no_account', authorization: 7 }), 400, 'invalid_request'],
      ['another site', () => endpoint.post({ purpose: 'initial', scenario: 'no_account' }, { origin: 'https://elsewhere.example' }), 403, 'cross_origin'],
      ['a cross-site fetch', () => endpoint.post({ purpose: 'initial', scenario: 'no_account' }, { 'sec-fetch-site': 'cross-site' }), 403, 'cross_origin'],
    ];
    for (const [name, send, status, code] of cases) {
      await t.test(name, async () => {
        expectError(await send(), status, code);
      });
    }
    assert.equal((await endpoint.send({ method: 'GET' })).headers.allow, 'POST');
    // The same page (Origin matching Host) and a content type with parameters are fine.
    const sameSite = await endpoint.send({
      body: JSON.stringify({ purpose: 'initial', scenario: 'no_account' }),
      headers: { 'content-type': 'Application/JSON; charset=utf-8', origin: 'http://HOST.example', host: 'host.example' },
    });
    assert.equal(sameSite.status, 200, sameSite.text);

    // A client secret where an id belongs is refused without being repeated.
    const leaked = 'fcsess_abc_secret_xyz';
    const message = expectError(await endpoint.post({ purpose: 'retry', scenario: 'no_account', previousSessionId: leaked }), 400, 'invalid_request');
    assert.equal(message, '"previousSessionId" must be null or an id starting with fcsess_.');
    await expectAlive(endpoint);
  });

  test('other paths go to the next handler', async (t) => {
    const endpoint = await serve(t, NO_KEYS);
    const other = await endpoint.send({ method: 'GET', path: '/api/other' });
    assert.equal(other.status, 404);
    assert.deepEqual(other.json, { next: true });
    // A query string is the same path.
    const withQuery = await endpoint.send({ path: `${SESSION_PATH}?x=1`, body: JSON.stringify({ purpose: 'initial', scenario: 'other' }), headers: { 'content-type': 'application/json' } });
    assert.equal(withQuery.status, 200);
  });

  test('fake sessions: the scenario picked first, then what each fallback plays', async (t) => {
    const endpoint = await serve(t, NO_KEYS);
    const plays = async (purpose: string, scenario: string): Promise<unknown> => {
      const answer = await endpoint.post({ purpose, authorization: null, account: null, previousSessionId: null, scenario });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['cache-control'], 'no-store');
      assert.deepEqual(Object.keys(answer.json).sort(), ['clientSecret', 'scenario']);
      assert.match(String(answer.json.clientSecret), new RegExp(`^fcsess_demo\\d+_${String(answer.json.scenario)}_secret_[a-z0-9]+$`));
      return answer.json.scenario;
    };
    assert.equal(await plays('initial', 'no_account'), 'no_account');
    assert.equal(await plays('authorization_retry', 'no_account'), 'new_account');
    assert.equal(await plays('retry', 'no_account'), 'account_relinked');
    assert.equal(await plays('retry', 'no_authorization'), 'account_relinked');
    assert.equal(await plays('retry', 'stripe_error'), 'stripe_error');
    assert.equal(await plays('initial', 'hang'), 'hang');
  });

  test('fake SetupIntents: the outcome picked, then a declined one gives way to a confirmed one on the next accept', async (t) => {
    const endpoint = await serve(t, NO_KEYS);
    const plays = async (setupScenario: string, attempt: number): Promise<unknown> => {
      const answer = await endpoint.postSetup({ account: FAKE_IDS.newAccount, sessionId: 'fcsess_demo1_new_account', attempt, setupScenario });
      assert.equal(answer.status, 200, answer.text);
      assert.equal(answer.headers['cache-control'], 'no-store');
      assert.deepEqual(Object.keys(answer.json).sort(), ['clientSecret', 'setupScenario']);
      assert.match(String(answer.json.clientSecret), new RegExp(`^seti_demo\\d+_${String(answer.json.setupScenario)}_secret_[a-z0-9]+$`));
      return answer.json.setupScenario;
    };
    assert.equal(await plays('setup_succeeded', 1), 'setup_succeeded');
    assert.equal(await plays('setup_processing', 1), 'setup_processing');
    assert.equal(await plays('setup_processing', 2), 'setup_processing');
    assert.equal(await plays('setup_failed', 1), 'setup_failed');
    assert.equal(await plays('setup_failed', 2), 'setup_succeeded');
    // A real one needs keys, like a real session.
    expectError(await endpoint.postSetup({ account: FAKE_IDS.newAccount, sessionId: 'fcsess_demo1', attempt: 1, relinking: FAKE_IDS.account }), 503, 'stripe_keys_missing');
  });

  test('every bad SetupIntent request gets a JSON error, and no secret is repeated', async (t) => {
    const endpoint = await serve(t, NO_KEYS);
    const good = { account: FAKE_IDS.newAccount, sessionId: 'fcsess_demo1', attempt: 1, setupScenario: 'setup_succeeded' };
    const cases: Array<[string, () => Promise<Answer>, number, string]> = [
      ['a GET', () => endpoint.send({ method: 'GET', path: SETUP_PATH }), 405, 'method_not_allowed'],
      ['no content type', () => endpoint.send({ path: SETUP_PATH, body: JSON.stringify(good) }), 415, 'unsupported_media_type'],
      ['malformed JSON', () => endpoint.send({ path: SETUP_PATH, body: '{"account":', headers: { 'content-type': 'application/json' } }), 400, 'invalid_json'],
      ['another site', () => endpoint.postSetup(good, { origin: 'https://elsewhere.example' }), 403, 'cross_origin'],
      ['an array', () => endpoint.postSetup([good]), 400, 'invalid_request'],
      ['no account', () => endpoint.postSetup({ ...good, account: null }), 400, 'invalid_request'],
      ['no session', () => endpoint.postSetup({ ...good, sessionId: undefined }), 400, 'invalid_request'],
      ['a session secret for the session', () => endpoint.postSetup({ ...good, sessionId: 'fcsess_abc_secret_xyz' }), 400, 'invalid_request'],
      ['attempt 0', () => endpoint.postSetup({ ...good, attempt: 0 }), 400, 'invalid_request'],
      ['attempt 1.5', () => endpoint.postSetup({ ...good, attempt: 1.5 }), 400, 'invalid_request'],
      ['an unknown outcome', () => endpoint.postSetup({ ...good, setupScenario: 'setup_maybe' }), 400, 'invalid_request'],
    ];
    for (const [name, send, status, code] of cases) {
      await t.test(name, async () => {
        const message = expectError(await send(), status, code);
        assert.ok(!message.includes('_secret_'), message);
      });
    }
    assert.equal((await endpoint.postSetup(good)).status, 200);
  });

  test("account status, fake: relinkEligibility of the fake account, broken now or expiring in 12 days", async (t) => {
    // 2026-12-02T15:30Z: the expiring account stops at midnight UTC, twelve days on.
    const endpoint = await serve(t, NO_KEYS, { now: () => Date.UTC(2026, 11, 2, 15, 30) });
    const inactive = await endpoint.postStatus({ link: 'inactive' });
    assert.equal(inactive.status, 200);
    assert.deepEqual(inactive.json, { eligibility: { relinkable: true, reason: 'relink_required', cause: 'access_expired', expectedDeactivationDate: null } });
    const expiring = await endpoint.postStatus({ link: 'expiring' });
    assert.deepEqual(expiring.json, {
      eligibility: { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: Date.UTC(2026, 11, 14) / 1000 },
    });
    // A real account needs keys; a body must ask for one or the other.
    expectError(await endpoint.postStatus({ account: FAKE_IDS.account }), 503, 'stripe_keys_missing');
    for (const body of [{}, { link: 'inactive', account: FAKE_IDS.account }, { link: 'broken' }, { account: 'fca_1_secret_x' }, []]) {
      expectError(await endpoint.postStatus(body), 400, 'invalid_request');
    }
  });

  test('a page that goes away during the simulated round trip: nothing is sent, the log says so', async (t) => {
    let abandoned!: () => void;
    const logged = new Promise<void>((resolve) => (abandoned = resolve));
    const logs: string[] = [];
    const handler = relinkSessionEndpoint({
      stripe: NO_KEYS,
      fakeLatencyMs: 60_000,
      log: (line) => {
        logs.push(line);
        if (line.includes('abandoned')) abandoned();
      },
    });
    const server = createServer((req, res) => handler(req, res, () => res.end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as AddressInfo;
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: SESSION_PATH, headers: { 'content-type': 'application/json' } });
    req.on('error', () => undefined);
    req.end(JSON.stringify({ purpose: 'initial', scenario: 'no_account' }));
    // Gone while the server "works": well before the 60 s round trip ends.
    setTimeout(() => req.destroy(), 100);
    await logged;
    assert.deepEqual(logs, [`POST ${SESSION_PATH} abandoned: the page went away`]);
  });
});

describe('the endpoint with Stripe keys (the stand-in for api.stripe.com)', () => {
  let standIn: StripeStandIn;
  let stripe: StripeAccess;
  beforeEach(async () => {
    standIn = await startStripeStandIn({
      // Stripe masks a key it refuses; for this account the stand-in repeats it whole.
      respond: ({ path, headers }) =>
        path === `/v1/financial_connections/accounts/${ECHOES_KEY}`
          ? stripeError(401, 'invalid_request_error', `Invalid API Key provided: ${(headers.authorization ?? '').replace(/^Bearer /, '')}`)
          : undefined,
    });
    stripe = { kind: 'ready', client: standIn.stripe(), secrets: [STAND_IN_SECRET_KEY, STAND_IN_PUBLISHABLE_KEY] };
  });
  afterEach(() => standIn.close());

  test('initial: retrieves the account on the preview version, creates an exact-account session, answers only the secret', async (t) => {
    const endpoint = await serve(t, stripe);
    const { status, json } = await endpoint.post({ purpose: 'initial', authorization: null, account: STAND_IN_ACCOUNTS.relinkable, previousSessionId: null });
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(json), ['clientSecret']);
    assert.match(String(json.clientSecret), /^fcsess_standIn\d+_no_account_secret_/);

    assert.deepEqual(
      standIn.requests.map((r) => `${r.method} ${r.path}`),
      [`GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`, 'POST /v1/financial_connections/sessions'],
    );
    for (const request of standIn.requests) {
      assert.equal(request.headers['stripe-version'], RELINK_API_VERSION);
      assert.equal(request.headers.authorization, `Bearer ${STAND_IN_SECRET_KEY}`);
    }
    assert.deepEqual(standIn.requests[1]!.params, {
      account_holder: { type: 'customer', customer: 'cus_standIn' },
      permissions: ['payment_method'],
      relink_options: { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable },
    });
    // The secret the endpoint answered is the one Stripe created.
    assert.equal(json.clientSecret, (standIn.requests[1]!.reply.body as { client_secret: string }).client_secret);
    assert.doesNotMatch(endpoint.logs.map((l) => l.line).join('\n'), SECRETISH);
  });

  test('authorization_retry: an authorization-only session for one checking or savings account at the bank', async (t) => {
    const endpoint = await serve(t, stripe);
    const { status, json } = await endpoint.post({
      purpose: 'authorization_retry',
      authorization: FAKE_IDS.authorization,
      account: STAND_IN_ACCOUNTS.relinkable,
      previousSessionId: 'fcsess_standIn1_no_account',
    });
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(json), ['clientSecret']);
    assert.match(String(json.clientSecret), /^fcsess_standIn\d+_new_account_secret_/);
    assert.deepEqual(standIn.requests.at(-1)!.params, {
      account_holder: { type: 'customer', customer: 'cus_standIn' },
      filters: { account_subcategories: ['checking', 'savings'] },
      limits: { accounts: '1' },
      permissions: ['payment_method'],
      relink_options: { authorization: FAKE_IDS.authorization },
    });
  });

  test('retry: the exact account again', async (t) => {
    const endpoint = await serve(t, stripe);
    const { status } = await endpoint.post({ purpose: 'retry', authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
    assert.equal(status, 200);
    assert.deepEqual(standIn.requests.at(-1)!.params.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
  });

  test('an active account Stripe expects to deactivate: a session ahead of time', async (t) => {
    const endpoint = await serve(t, stripe);
    const { status, json } = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.expiring });
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(json), ['clientSecret']);
    assert.deepEqual(standIn.requests.at(-1)!.params.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.expiring });
  });

  test('an account that cannot be relinked: 409 with the reason, and no session', async (t) => {
    const endpoint = await serve(t, stripe);
    const active = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.active });
    assert.equal(active.status, 409);
    assert.deepEqual(active.json, {
      error: {
        code: 'not_relinkable',
        message: `${STAND_IN_ACCOUNTS.active} is active: there is nothing to relink. Try an inactive account whose status_details.inactive.action is relink_required, or an active one whose status_details.active.action is.`,
        reason: 'active',
        cause: null,
      },
    });
    const closed = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.closed });
    assert.equal(closed.status, 409);
    assert.deepEqual(closed.json, {
      error: {
        code: 'not_relinkable',
        message: `${STAND_IN_ACCOUNTS.closed} cannot be repaired by a relink (account_closed): the customer has to link a new account.`,
        reason: 'not_repairable',
        cause: 'account_closed',
      },
    });
    assert.deepEqual(standIn.requests.filter((r) => r.method === 'POST'), []);
  });

  test("Stripe's errors: its status and message for the request's faults, 502 for the server's, keys redacted", async (t) => {
    const endpoint = await serve(t, stripe);
    const missing = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.missing });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, {
      error: {
        code: 'stripe_error',
        message: `Stripe: No such financialconnections.account: '${STAND_IN_ACCOUNTS.missing}'`,
        stripeType: 'invalid_request_error',
        stripeCode: 'resource_missing',
      },
    });

    // Stripe (here) echoes the whole key back: it reaches neither the page nor the log.
    const echoed = await endpoint.post({ purpose: 'initial', account: ECHOES_KEY });
    assert.ok(JSON.stringify(standIn.requests.at(-1)!.reply).includes(STAND_IN_SECRET_KEY), 'the stand-in did echo the key');
    assert.equal(echoed.status, 502);
    assert.deepEqual(echoed.json, {
      error: { code: 'stripe_error', message: 'Stripe: Invalid API Key provided: [redacted]', stripeType: 'invalid_request_error', stripeCode: null },
    });
    assert.equal(endpoint.logs.at(-1)?.level, 'warn');
    const everything = JSON.stringify([missing.json, echoed.json, endpoint.logs]);
    assert.ok(!everything.includes(STAND_IN_SECRET_KEY));
    assert.doesNotMatch(everything, SECRETISH);
  });

  test('a real request needs an account id; a fake one still works', async (t) => {
    const endpoint = await serve(t, stripe);
    const none = await endpoint.post({ purpose: 'initial' });
    assert.equal(expectError(none, 400, 'invalid_account').includes('"account"'), true);
    const wrong = await endpoint.post({ purpose: 'initial', account: 'acct_123' });
    assert.equal(wrong.status, 400);
    assert.equal((wrong.json.error as { code: string }).code, 'invalid_request');
    const fake = await endpoint.post({ purpose: 'initial', scenario: 'no_account' });
    assert.equal(fake.status, 200);
    assert.deepEqual(Object.keys(fake.json).sort(), ['clientSecret', 'scenario']);
    assert.match(String(fake.json.clientSecret), /^fcsess_demo\d+_no_account_secret_/);
    assert.equal(fake.json.scenario, 'no_account');
    assert.deepEqual(standIn.requests, []);
  });

  test('without usable keys: 503 with what to set, and Stripe is never called', async (t) => {
    const cases: StripeAccess[] = [
      NO_KEYS,
      readPlaygroundEnv({ STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_SECRET_KEY }).keys as StripeAccess,
    ];
    for (const access of cases) {
      const endpoint = await serve(t, access);
      const answer = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.relinkable });
      const message = expectError(answer, 503, access.kind === 'unavailable' ? access.code : '');
      assert.ok(message.includes('STRIPE_SECRET_KEY'), message);
      assert.ok(!answer.text.includes(STAND_IN_SECRET_KEY));
    }
    assert.deepEqual(standIn.requests, []);
  });

  test("a SetupIntent for the customer's new account: both accounts retrieved, the guide's request, only the secret answered", async (t) => {
    const endpoint = await serve(t, stripe);
    const sessionId = 'fcsess_standIn2_new_account';
    const { status, json } = await endpoint.postSetup({ account: STAND_IN_ACCOUNTS.fresh, sessionId, attempt: 1, relinking: STAND_IN_ACCOUNTS.relinkable });
    assert.equal(status, 200);
    assert.deepEqual(Object.keys(json), ['clientSecret']);
    assert.match(String(json.clientSecret), /^seti_standIn\d+_secret_/);
    assert.deepEqual(
      standIn.requests.map((r) => `${r.method} ${r.path}`).sort(),
      [
        `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.fresh}`,
        `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
        'POST /v1/setup_intents',
      ].sort(),
    );
    const created = standIn.requests.find((r) => r.path === '/v1/setup_intents')!;
    assert.deepEqual(created.params, {
      customer: STAND_IN_CUSTOMER,
      allowed_payment_method_types: ['us_bank_account'],
      payment_method_data: {
        type: 'us_bank_account',
        us_bank_account: { financial_connections_account: STAND_IN_ACCOUNTS.fresh },
        billing_details: { name: PLAYGROUND_BILLING_NAME },
      },
    });
    // One SetupIntent per accept: a retried request is not a second one.
    assert.equal(created.headers['idempotency-key'], `fc-relink-playground-${sessionId}-${STAND_IN_ACCOUNTS.fresh}-1`);
    assert.equal(json.clientSecret, (created.reply.body as { client_secret: string }).client_secret);
    assert.doesNotMatch(endpoint.logs.map((l) => l.line).join('\n'), SECRETISH);
  });

  test("another customer's account, or none to compare with: refused, and no SetupIntent is made", async (t) => {
    const endpoint = await serve(t, stripe);
    const stranger = await endpoint.postSetup({ account: STAND_IN_ACCOUNTS.stranger, sessionId: 'fcsess_standIn2', attempt: 1, relinking: STAND_IN_ACCOUNTS.relinkable });
    const message = expectError(stranger, 403, 'not_your_account');
    assert.equal(message, `${STAND_IN_ACCOUNTS.stranger} does not belong to the customer of ${STAND_IN_ACCOUNTS.relinkable}: no SetupIntent was made.`);
    expectError(await endpoint.postSetup({ account: STAND_IN_ACCOUNTS.fresh, sessionId: 'fcsess_standIn2', attempt: 1 }), 400, 'invalid_account');
    const missing = await endpoint.postSetup({ account: STAND_IN_ACCOUNTS.missing, sessionId: 'fcsess_standIn2', attempt: 1, relinking: STAND_IN_ACCOUNTS.relinkable });
    assert.equal(missing.status, 404);
    assert.deepEqual(standIn.requests.filter((r) => r.method === 'POST'), []);
  });

  test("account status, real: each account's relinkEligibility, the expiring one with Stripe's date", async (t) => {
    const endpoint = await serve(t, stripe);
    const read = async (account: string): Promise<unknown> => {
      const answer = await endpoint.postStatus({ account });
      assert.equal(answer.status, 200, answer.text);
      return answer.json.eligibility;
    };
    assert.deepEqual(await read(STAND_IN_ACCOUNTS.expiring), { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: STAND_IN_EXPIRES });
    assert.deepEqual(await read(STAND_IN_ACCOUNTS.relinkable), { relinkable: true, reason: 'relink_required', cause: 'access_expired', expectedDeactivationDate: null });
    assert.deepEqual(await read(STAND_IN_ACCOUNTS.active), { relinkable: false, reason: 'active', cause: null, expectedDeactivationDate: null });
    assert.deepEqual(standIn.requests.map((r) => r.headers['stripe-version']), [RELINK_API_VERSION, RELINK_API_VERSION, RELINK_API_VERSION]);
    assert.equal((await endpoint.postStatus({ account: STAND_IN_ACCOUNTS.missing })).status, 404);
  });
});
