/**
 * The demo server in Node, no browser: how it reads its environment, and its endpoint's real
 * Stripe path through the official `stripe` SDK, pointed at a stand-in for api.stripe.com on
 * 127.0.0.1 (nothing leaves the machine). The endpoint runs on a plain node:http server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as base, expect } from '@playwright/test';
import { FAKE_IDS } from '@fc-relink/testing';
import Stripe from 'stripe';
import { KEYS_MISSING_MESSAGE, readPlaygroundEnv } from '../../demo/server/env.js';
import { relinkSessionEndpoint, type StripeAccess } from '../../demo/server/relink-endpoint.js';
import { STAND_IN_ACCOUNTS, STAND_IN_PUBLISHABLE_KEY, STAND_IN_SECRET_KEY, startStripeStandIn, type StripeStandIn } from '../stripe-api.js';

/** Anything that looks like a key or a client secret. */
const SECRETISH = /(?:sk|rk|pk)_(?:test|live)_|_secret_/;

interface Endpoint {
  url: string;
  logs: string[];
  post(body: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
}

/** Serves the endpoint (no fake latency) on a free port for one test. */
async function serve(stripe: StripeAccess, use: (endpoint: Endpoint) => Promise<void>): Promise<void> {
  const logs: string[] = [];
  const handler = relinkSessionEndpoint({ stripe, fakeLatencyMs: 0, log: (line) => logs.push(line) });
  const server: Server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/relink-session`;
  try {
    await use({
      url,
      logs,
      async post(body) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return { status: response.status, json: (await response.json()) as Record<string, unknown> };
      },
    });
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

const test = base.extend<{ standIn: StripeStandIn; stripe: StripeAccess }>({
  standIn: async ({}, use) => {
    const standIn = await startStripeStandIn();
    await use(standIn);
    await standIn.close();
  },
  stripe: async ({ standIn }, use) => {
    const client = new Stripe(STAND_IN_SECRET_KEY, {
      host: '127.0.0.1',
      port: standIn.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
    await use({ kind: 'ready', client, secrets: [STAND_IN_SECRET_KEY, STAND_IN_PUBLISHABLE_KEY] });
  },
});

test.describe('the environment', () => {
  const keys = { STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_PUBLISHABLE_KEY };

  test('no keys: fake sessions and the fake Stripe.js, and no notice', () => {
    expect(readPlaygroundEnv({})).toEqual({
      stripeJs: 'fake',
      keys: { kind: 'unavailable', code: 'stripe_keys_missing', message: KEYS_MISSING_MESSAGE },
      page: { sessions: 'fake', publishableKey: null, notice: null },
    });
    // Empty and blank count as unset (the e2e web servers unset keys that way).
    expect(readPlaygroundEnv({ STRIPE_SECRET_KEY: '', STRIPE_PUBLISHABLE_KEY: ' ', FC_RELINK_STRIPE: 'network' })).toMatchObject({
      stripeJs: 'network',
      page: { sessions: 'fake', notice: null },
    });
  });

  test('both test keys: real sessions, Stripe.js from the network, and only the publishable key for the page', () => {
    const env = readPlaygroundEnv({ ...keys, FC_RELINK_STRIPE_API: 'http://127.0.0.1:12111' });
    expect(env).toEqual({
      stripeJs: 'network',
      keys: {
        kind: 'ready',
        secretKey: STAND_IN_SECRET_KEY,
        publishableKey: STAND_IN_PUBLISHABLE_KEY,
        api: { protocol: 'http', host: '127.0.0.1', port: 12111 },
      },
      page: { sessions: 'stripe', publishableKey: STAND_IN_PUBLISHABLE_KEY, notice: null },
    });
    expect(JSON.stringify(env.page)).not.toContain(STAND_IN_SECRET_KEY);
    // A restricted key works as the secret one.
    expect(readPlaygroundEnv({ ...keys, STRIPE_SECRET_KEY: 'rk_test_restricted1' }).page.sessions).toBe('stripe');
  });

  const refused: Array<[string, Record<string, string>, 'stripe_keys_missing' | 'stripe_keys_invalid' | 'stripe_disabled', RegExp]> = [
    ['only the secret key', { STRIPE_SECRET_KEY: keys.STRIPE_SECRET_KEY }, 'stripe_keys_missing', /STRIPE_PUBLISHABLE_KEY is not/],
    ['only the publishable key', { STRIPE_PUBLISHABLE_KEY: keys.STRIPE_PUBLISHABLE_KEY }, 'stripe_keys_missing', /STRIPE_SECRET_KEY is not/],
    ['a secret key in the publishable slot', { STRIPE_SECRET_KEY: keys.STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: 'sk_test_wrongSlot1' }, 'stripe_keys_invalid', /STRIPE_PUBLISHABLE_KEY holds a secret key/],
    ['a publishable key in the secret slot', { STRIPE_SECRET_KEY: 'pk_test_wrongSlot2', STRIPE_PUBLISHABLE_KEY: keys.STRIPE_PUBLISHABLE_KEY }, 'stripe_keys_invalid', /STRIPE_SECRET_KEY holds a publishable key/],
    ['swapped keys', { STRIPE_SECRET_KEY: keys.STRIPE_PUBLISHABLE_KEY, STRIPE_PUBLISHABLE_KEY: keys.STRIPE_SECRET_KEY }, 'stripe_keys_invalid', /holds a secret key/],
    ['live keys', { STRIPE_SECRET_KEY: 'sk_live_real1', STRIPE_PUBLISHABLE_KEY: 'pk_live_real1' }, 'stripe_keys_invalid', /test-mode keys only/],
    ['a key that is not one', { STRIPE_SECRET_KEY: 'hunter2', STRIPE_PUBLISHABLE_KEY: keys.STRIPE_PUBLISHABLE_KEY }, 'stripe_keys_invalid', /not a Stripe secret key/],
    ['FC_RELINK_STRIPE=fake', { ...keys, FC_RELINK_STRIPE: 'fake' }, 'stripe_disabled', /FC_RELINK_STRIPE=fake/],
  ];
  for (const [name, env, code, says] of refused) {
    test(`refused, with a notice and never the key: ${name}`, () => {
      const read = readPlaygroundEnv(env);
      expect(read.keys).toEqual({ kind: 'unavailable', code, message: expect.stringMatching(says) });
      expect(read.page).toEqual({ sessions: 'fake', publishableKey: null, notice: expect.stringMatching(says) });
      expect(read.stripeJs).toBe('fake');
      const told = JSON.stringify(read);
      for (const value of Object.values(env)) if (value !== 'fake') expect(told).not.toContain(value);
    });
  }

  test('a malformed FC_RELINK_STRIPE or FC_RELINK_STRIPE_API stops the server at startup', () => {
    expect(() => readPlaygroundEnv({ FC_RELINK_STRIPE: 'real' })).toThrow('FC_RELINK_STRIPE must be "fake" or "network", not "real".');
    expect(() => readPlaygroundEnv({ FC_RELINK_STRIPE: 'sk_test_oops' })).toThrow(/^FC_RELINK_STRIPE must be "fake" or "network", not that value\.$/);
    expect(() => readPlaygroundEnv({ FC_RELINK_STRIPE_API: 'ftp://example.com' })).toThrow(/FC_RELINK_STRIPE_API must be an http\(s\) URL/);
  });
});

test.describe('the endpoint with Stripe keys (a stand-in for api.stripe.com)', () => {
  test('initial: retrieves the account on the preview version, creates an exact-account session, answers only the secret', async ({ stripe, standIn }) => {
    await serve(stripe, async (endpoint) => {
      const { status, json } = await endpoint.post({ purpose: 'initial', authorization: null, account: STAND_IN_ACCOUNTS.relinkable, previousSessionId: null });
      expect(status).toBe(200);
      expect(Object.keys(json)).toEqual(['clientSecret']);
      expect(json.clientSecret).toMatch(/^fcsess_standIn\d+_no_account_secret_/);

      expect(standIn.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable}`,
        'POST /v1/financial_connections/sessions',
      ]);
      for (const request of standIn.requests) {
        expect(request.headers['stripe-version']).toBe('2026-01-28.preview');
        expect(request.headers.authorization).toBe(`Bearer ${STAND_IN_SECRET_KEY}`);
      }
      expect(standIn.requests[1]!.params).toEqual({
        account_holder: { type: 'customer', customer: 'cus_standIn' },
        permissions: ['payment_method'],
        relink_options: { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable },
      });
      expect(endpoint.logs.join('\n')).not.toMatch(SECRETISH);
    });
  });

  test('authorization_retry: an authorization-only session for one checking or savings account at the bank', async ({ stripe, standIn }) => {
    await serve(stripe, async (endpoint) => {
      const { status, json } = await endpoint.post({
        purpose: 'authorization_retry',
        authorization: FAKE_IDS.authorization,
        account: STAND_IN_ACCOUNTS.relinkable,
        previousSessionId: 'fcsess_standIn1_no_account',
      });
      expect(status).toBe(200);
      expect(json).toEqual({ clientSecret: expect.stringMatching(/^fcsess_standIn\d+_new_account_secret_/) });
      expect(standIn.requests.at(-1)!.params).toEqual({
        account_holder: { type: 'customer', customer: 'cus_standIn' },
        filters: { account_subcategories: ['checking', 'savings'] },
        limits: { accounts: '1' },
        permissions: ['payment_method'],
        relink_options: { authorization: FAKE_IDS.authorization },
      });
    });
  });

  test('retry: the exact account again', async ({ stripe, standIn }) => {
    await serve(stripe, async (endpoint) => {
      const { status } = await endpoint.post({ purpose: 'retry', authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
      expect(status).toBe(200);
      expect(standIn.requests.at(-1)!.params.relink_options).toEqual({ authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
    });
  });

  test('an account that cannot be relinked: 409 with the reason, and no session', async ({ stripe, standIn }) => {
    await serve(stripe, async (endpoint) => {
      const active = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.active });
      expect(active).toEqual({
        status: 409,
        json: { error: { code: 'not_relinkable', message: expect.stringContaining('is active: there is nothing to relink'), reason: 'active', cause: null } },
      });
      const closed = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.closed });
      expect(closed).toEqual({
        status: 409,
        json: { error: { code: 'not_relinkable', message: expect.stringContaining('(account_closed)'), reason: 'not_repairable', cause: 'account_closed' } },
      });
      expect(standIn.requests.filter((r) => r.method === 'POST')).toEqual([]);
    });
  });

  test("Stripe's errors: its status and message for the request's faults, 502 for the server's, keys redacted", async ({ stripe }) => {
    await serve(stripe, async (endpoint) => {
      const missing = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.missing });
      expect(missing).toEqual({
        status: 404,
        json: {
          error: {
            code: 'stripe_error',
            message: `Stripe: No such financialconnections.account: '${STAND_IN_ACCOUNTS.missing}'`,
            stripeType: 'invalid_request_error',
            stripeCode: 'resource_missing',
          },
        },
      });

      // Stripe (here) echoes the whole key back: it reaches neither the page nor the log.
      const echoed = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.echoesKey });
      expect(echoed.status).toBe(502);
      expect(echoed.json).toEqual({
        error: { code: 'stripe_error', message: 'Stripe: Invalid API Key provided: [redacted]', stripeType: 'invalid_request_error', stripeCode: null },
      });
      const everything = JSON.stringify([missing, echoed, endpoint.logs]);
      expect(everything).not.toContain(STAND_IN_SECRET_KEY);
      expect(everything).not.toMatch(SECRETISH);
    });
  });

  test('a real request needs an account id; a fake one still works', async ({ stripe }) => {
    await serve(stripe, async (endpoint) => {
      expect(await endpoint.post({ purpose: 'initial' })).toEqual({
        status: 400,
        json: { error: { code: 'invalid_account', message: expect.stringContaining('"account"') } },
      });
      expect(await endpoint.post({ purpose: 'initial', account: 'acct_123' })).toMatchObject({ status: 400, json: { error: { code: 'invalid_request' } } });
      const fake = await endpoint.post({ purpose: 'initial', scenario: 'no_account' });
      expect(fake).toEqual({ status: 200, json: { clientSecret: expect.stringMatching(/^fcsess_demo\d+_no_account_secret_/), scenario: 'no_account' } });
    });
  });

  test('without usable keys: 503 with what to set, and Stripe is never called', async ({ standIn }) => {
    const cases: StripeAccess[] = [
      { kind: 'unavailable', code: 'stripe_keys_missing', message: KEYS_MISSING_MESSAGE },
      readPlaygroundEnv({ STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_SECRET_KEY }).keys as StripeAccess,
    ];
    for (const stripe of cases) {
      await serve(stripe, async (endpoint) => {
        const { status, json } = await endpoint.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.relinkable });
        expect(status).toBe(503);
        expect(json).toEqual({ error: { code: stripe.kind === 'unavailable' ? stripe.code : '', message: expect.stringContaining('STRIPE_SECRET_KEY') } });
        expect(JSON.stringify(json)).not.toContain(STAND_IN_SECRET_KEY);
      });
    }
    expect(standIn.requests).toEqual([]);
  });
});
