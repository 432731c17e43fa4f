/**
 * The playground's server as Vite runs it (../server/plugin.ts): a real Vite dev server and a real
 * `vite preview` server, in Node, with the playground's plugin and nothing else. They mount the
 * example server of @fc-relink/server (with fake Stripe, on the stand-in for Stripe's API they
 * start at the first request and close with themselves), give the page its
 * `virtual:fc-relink/playground` module (never the secret key), and say at startup which Stripe
 * and which Stripe.js they use. With keys, requests go through the `stripe` SDK to the test's own
 * stand-in (test-support/stripe-api.ts).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { createServer, preview, type InlineConfig, type Logger } from 'vite';
import { RELINK_API_VERSION } from '@fc-relink/core/interpret';
import { FAKE_IDS } from '@fc-relink/testing';
import {
  STAND_IN_ACCOUNTS,
  STAND_IN_PUBLISHABLE_KEY,
  STAND_IN_SECRET_KEY,
  startStripeStandIn,
  type StripeStandIn,
} from '../../test-support/stripe-api.js';
import { readPlaygroundEnv, type PlaygroundEnv } from '../server/env.js';
import { PLAYGROUND_MODULE, playgroundServer } from '../server/plugin.js';

const keys = { STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_PUBLISHABLE_KEY };

type Logged = Array<{ level: 'info' | 'warn' | 'error'; message: string }>;

/** A Vite logger that keeps what it is told. */
function recordingLogger(logged: Logged): Logger {
  const logger: Logger = {
    hasWarned: false,
    info: (message) => logged.push({ level: 'info', message }),
    warn: (message) => {
      logger.hasWarned = true;
      logged.push({ level: 'warn', message });
    },
    warnOnce: (message) => logged.push({ level: 'warn', message }),
    error: (message) => logged.push({ level: 'error', message }),
    clearScreen: () => undefined,
    hasErrorLogged: () => false,
  };
  return logger;
}

/** A page root with one index.html, and the same as if built, in dist/ (what `vite preview` serves). */
let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'fc-relink-demo-plugin-'));
  await mkdir(join(root, 'dist'));
  for (const dir of ['', 'dist']) await writeFile(join(root, dir, 'index.html'), '<!doctype html><title>root</title><p>the page</p>\n');
});
after(() => rm(root, { recursive: true, force: true }));

function config(env: PlaygroundEnv, logged: Logged): InlineConfig {
  return {
    configFile: false,
    root,
    customLogger: recordingLogger(logged),
    plugins: [playgroundServer(env)],
    server: { host: '127.0.0.1', port: 0, watch: null, hmr: false },
    preview: { host: '127.0.0.1', port: 0 },
    build: { outDir: 'dist' },
    optimizeDeps: { noDiscovery: true, include: [] },
  };
}

interface Running {
  url: string;
  logged: Logged;
  /** `virtual:fc-relink/playground`'s default export (dev server only). */
  pageModule(): Promise<unknown>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; json: Record<string, unknown>; cookie: string | null }>;
  close(): Promise<void>;
}

async function running(kind: 'dev' | 'preview', env: PlaygroundEnv): Promise<Running> {
  const logged: Logged = [];
  let url: string;
  let close: () => Promise<void>;
  let pageModule: Running['pageModule'];
  if (kind === 'dev') {
    const server = await createServer(config(env, logged));
    await server.listen();
    url = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
    close = () => server.close();
    pageModule = async () => ((await server.ssrLoadModule(PLAYGROUND_MODULE)) as { default: unknown }).default;
  } else {
    const server = await preview(config(env, logged));
    url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
    close = () => server.close();
    pageModule = () => Promise.reject(new Error('vite preview serves the built page, not its modules'));
  }
  return {
    url,
    logged,
    pageModule,
    close,
    async post(path, body, headers = {}) {
      const response = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      const cookie = /^([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1] ?? null;
      return { status: response.status, json: (await response.json()) as Record<string, unknown>, cookie };
    },
  };
}

/** Everything a server said, as one string. */
const said = (logged: Logged): string => logged.map((l) => l.message).join('\n');

for (const kind of ['dev', 'preview'] as const) {
  describe(`vite ${kind === 'dev' ? '(dev)' : 'preview'} with the playground's plugin`, () => {
    let server: Running | undefined;
    let standIn: StripeStandIn;
    beforeEach(async () => {
      standIn = await startStripeStandIn();
    });
    afterEach(async () => {
      await server?.close();
      server = undefined;
      await standIn.close();
    });

    test('no keys: the example server on fake Stripe, started at the first request and closed with Vite; the rest of the site untouched', async () => {
      server = await running(kind, readPlaygroundEnv({}));
      assert.deepEqual(
        server.logged.filter((l) => l.message.includes('fc-relink playground')).map((l) => [l.level, l.message.trim()]),
        [['info', 'fc-relink playground: the example server of @fc-relink/server with fake Stripe (set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY for yours), the fake Stripe.js.']],
      );
      assert.doesNotMatch(said(server.logged), /stand-in/);

      const session = await server.post('/relink-session', { purpose: 'initial' }, { 'fc-relink-scenario': 'new_authorization' });
      assert.equal(session.status, 200);
      assert.match(String(session.json.clientSecret), /^fcsess_standIn1_new_authorization_secret_/);
      const stripeApi = /fake Stripe's API \(the stand-in\) on (http:\/\/127\.0\.0\.1:\d+)/.exec(said(server.logged))?.[1];
      assert.ok(stripeApi, said(server.logged));
      // Each answer is logged through Vite's logger.
      assert.match(said(server.logged), /playground server: POST \/relink-session 200/);
      // The playground's own route, and the example server's return page.
      assert.equal((await server.post('/playground/customer', { link: 'expiring' })).status, 200);
      assert.equal((await fetch(`${server.url}/relink-return`)).status, 200);

      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /the page/);
      // The test's own stand-in heard nothing: fake Stripe is the server's.
      assert.deepEqual(standIn.requests, []);

      assert.equal((await fetch(`${stripeApi}/__stand-in/requests`)).status, 200);
      await server.close();
      server = undefined;
      await assert.rejects(fetch(`${stripeApi}/__stand-in/requests`));
    });

    test('test keys: the example server through the stripe SDK, sent where FC_RELINK_STRIPE_API says, for the account signed in', async () => {
      server = await running(kind, readPlaygroundEnv({ ...keys, FC_RELINK_STRIPE_API: standIn.url }));
      assert.match(
        said(server.logged),
        /fc-relink playground: the example server of @fc-relink\/server with your test-mode keys \(Stripe API: FC_RELINK_STRIPE_API\), Stripe\.js from js\.stripe\.com\./,
      );

      const { cookie } = await server.post('/playground/customer', { account: STAND_IN_ACCOUNTS.relinkable });
      assert.ok(cookie);
      const initial = await server.post('/relink-session', { purpose: 'initial', authorization: null, account: null, previousSessionId: null }, { cookie });
      assert.equal(initial.status, 200);
      assert.deepEqual(Object.keys(initial.json), ['clientSecret']);
      assert.equal(initial.json.clientSecret, (standIn.requests[2]?.reply.body as { client_secret?: string } | undefined)?.client_secret);
      assert.deepEqual(
        standIn.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])} ${String(r.headers.authorization)}`),
        [
          `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable} ${RELINK_API_VERSION} Bearer ${STAND_IN_SECRET_KEY}`,
          `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable} ${RELINK_API_VERSION} Bearer ${STAND_IN_SECRET_KEY}`,
          `POST /v1/financial_connections/sessions ${RELINK_API_VERSION} Bearer ${STAND_IN_SECRET_KEY}`,
        ],
      );
      assert.deepEqual(standIn.requests[2]!.params.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
      // Stripe sends the customer back to this very server's return page.
      const hosted = await server.post('/hosted-relink', { purpose: 'initial' }, { cookie });
      assert.equal(hosted.status, 200);
      assert.equal(standIn.requests.at(-1)!.params.return_url, `${server.url}/relink-return`);
      // The client identifies itself as the playground.
      assert.match(String(standIn.requests[0]!.headers['user-agent']), /fc-relink playground/);
      assert.ok(!said(server.logged).includes(STAND_IN_SECRET_KEY));
      assert.doesNotMatch(said(server.logged), /stand-in\) on/);
    });

    if (kind === 'dev') {
      test('the page module: what the page is told, and never the secret key', async () => {
        const cases: Array<[Record<string, string>, unknown]> = [
          [{}, { sessions: 'fake', publishableKey: null, notice: null }],
          [keys, { sessions: 'stripe', publishableKey: STAND_IN_PUBLISHABLE_KEY, notice: null }],
        ];
        for (const [env, page] of cases) {
          server = await running(kind, readPlaygroundEnv(env));
          assert.deepEqual(await server.pageModule(), page);
          await server.close();
          server = undefined;
        }
      });

      test('unusable keys: a warning at startup and a notice for the page, neither with the key', async () => {
        const env = readPlaygroundEnv({ STRIPE_SECRET_KEY: STAND_IN_PUBLISHABLE_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_SECRET_KEY });
        server = await running(kind, env);
        const warnings = server.logged.filter((l) => l.level === 'warn').map((l) => l.message.trim());
        assert.deepEqual(warnings, [`fc-relink playground: ${env.page.notice ?? ''}`]);
        assert.match(warnings[0]!, /STRIPE_PUBLISHABLE_KEY holds a secret key/);
        const page = (await server.pageModule()) as { notice: string };
        assert.equal(page.notice, env.page.notice);
        const everything = JSON.stringify([page, server.logged]);
        assert.ok(!everything.includes(STAND_IN_SECRET_KEY));
        assert.ok(!everything.includes(STAND_IN_PUBLISHABLE_KEY));
      });
    }
  });
}
