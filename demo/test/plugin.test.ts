/**
 * The demo server as Vite runs it (../server/plugin.ts): a real Vite dev server and a real
 * `vite preview` server, in Node, with the playground's plugin and nothing else. They answer the
 * session endpoint, give the page its `virtual:fc-relink/playground` module (never the secret
 * key), and say at startup which sessions and which Stripe.js they use. With keys, sessions go
 * through the `stripe` SDK to the stand-in for api.stripe.com (test-support/stripe-api.ts).
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

const SESSION_PATH = '/api/relink-session';
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
  post(body: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
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
    async post(body) {
      const response = await fetch(url + SESSION_PATH, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
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

    test('no keys: fake sessions on the endpoint, a 503 for real ones, the rest of the site untouched', async () => {
      server = await running(kind, readPlaygroundEnv({}));
      assert.deepEqual(
        server.logged.filter((l) => l.message.includes('fc-relink playground')).map((l) => [l.level, l.message.trim()]),
        [['info', 'fc-relink playground: fake relink sessions (set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY for real ones), the fake Stripe.js.']],
      );

      const fake = await server.post({ purpose: 'initial', scenario: 'no_account' });
      assert.equal(fake.status, 200);
      assert.equal(fake.json.scenario, 'no_account');
      assert.match(String(fake.json.clientSecret), /^fcsess_demo1_no_account_secret_/);
      // One endpoint for the server's life: its sessions are numbered across requests.
      assert.match(String((await server.post({ purpose: 'retry', scenario: 'no_account' })).json.clientSecret), /^fcsess_demo2_account_relinked_secret_/);
      const real = await server.post({ purpose: 'initial', account: STAND_IN_ACCOUNTS.relinkable });
      assert.equal(real.status, 503);
      assert.equal((real.json.error as { code: string }).code, 'stripe_keys_missing');
      // Each answer is logged through Vite's logger.
      assert.match(said(server.logged), /demo server: POST \/api\/relink-session 200 \(fake, plays no_account\)/);
      assert.match(said(server.logged), /demo server: POST \/api\/relink-session 503 stripe_keys_missing/);

      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /the page/);
      assert.deepEqual(standIn.requests, []);
    });

    test('test keys: real sessions through the stripe SDK, sent where FC_RELINK_STRIPE_API says', async () => {
      server = await running(kind, readPlaygroundEnv({ ...keys, FC_RELINK_STRIPE_API: standIn.url }));
      assert.match(
        said(server.logged),
        /fc-relink playground: real relink sessions with your test-mode keys \(Stripe API: FC_RELINK_STRIPE_API\), Stripe\.js from js\.stripe\.com\./,
      );

      const initial = await server.post({ purpose: 'initial', authorization: null, account: STAND_IN_ACCOUNTS.relinkable, previousSessionId: null });
      assert.equal(initial.status, 200);
      assert.deepEqual(Object.keys(initial.json), ['clientSecret']);
      assert.equal(initial.json.clientSecret, (standIn.requests[1]?.reply.body as { client_secret?: string } | undefined)?.client_secret);
      assert.deepEqual(
        standIn.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])} ${String(r.headers.authorization)}`),
        [
          `GET /v1/financial_connections/accounts/${STAND_IN_ACCOUNTS.relinkable} ${RELINK_API_VERSION} Bearer ${STAND_IN_SECRET_KEY}`,
          `POST /v1/financial_connections/sessions ${RELINK_API_VERSION} Bearer ${STAND_IN_SECRET_KEY}`,
        ],
      );
      assert.deepEqual(standIn.requests[1]!.params.relink_options, { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable });
      // The client identifies itself as the playground.
      assert.match(String(standIn.requests[0]!.headers['user-agent']), /fc-relink playground/);
      assert.ok(!said(server.logged).includes(STAND_IN_SECRET_KEY));
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
