/**
 * The playground's server: the example server of `@fc-relink/server`
 * (packages/server/examples/relink-server.mjs, the one the READMEs show), given a Stripe client
 * and the playground's host hooks, plus only what a playground needs.
 *
 * - Fake Stripe (no keys, the default): Stripe's API is the stand-in the tests use
 *   (test-support/stripe-api.ts), started here on an ephemeral port and closed with the server.
 *   The example server gets `standIn.stripe()`, a real SDK client pointed at it. The signed-in
 *   customer is the stand-in's, with the fake's checking account on file (or the account Stripe
 *   expects to deactivate, when the page picks "expires soon").
 * - Your keys (`STRIPE_SECRET_KEY`, `STRIPE_PUBLISHABLE_KEY`; `FC_RELINK_STRIPE_API` to send the
 *   SDK elsewhere): the same example server with a real client; the signed-in customer is the
 *   holder of the account typed in the page.
 *
 * Playground only (see ../src/shared/api.ts): `POST /playground/customer` (./customers.ts), the
 * fake's hosted page (./fake-hosted.ts), and the scenario headers: with fake Stripe, a request
 * that names a scenario of the fake Stripe.js has the session (or SetupIntent) it creates named
 * after it, through the stand-in's one test hook (`nameNext`), so its client secret makes the fake
 * play it. The example server's requests run one at a time with fake Stripe, so a name reaches the
 * creation of the request that carried it and no other.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { finished } from 'node:stream/promises';
import type { RelinkWebhookAction } from '@fc-relink/server';
import { FAKE_SCENARIOS, FAKE_SETUP_SCENARIOS } from '@fc-relink/testing';
import Stripe from 'stripe';
import { relinkServer } from '../../packages/server/examples/relink-server.mjs';
import { standInAccounts, startStripeStandIn, type StripeStandIn } from '../../test-support/stripe-api.js';
import {
  CUSTOMER_PATH,
  EXAMPLE_SERVER_PATHS,
  FAKE_DAYS_LEFT,
  FAKE_HOSTED_PREFIX,
  RELINK_RETURN_PATH,
  SCENARIO_HEADER,
  SETUP_SCENARIO_HEADER,
} from '../src/shared/api.js';
import { customers } from './customers.js';
import type { PlaygroundEnv } from './env.js';
import { fakeHostedPage } from './fake-hosted.js';
import { sendJson } from './http.js';

export interface PlaygroundServerOptions {
  env: PlaygroundEnv;
  /** The playground's origin as the browser reaches it (`http://127.0.0.1:5173`): Stripe sends the customer back to its `/relink-return`. */
  origin: string;
  /** Told one line per event worth a line (never a key or a secret). */
  log: (line: string, level: 'info' | 'warn') => void;
  /** Fake Stripe: "now", in milliseconds, for the date the expiring account stops. Default `Date.now()`. */
  now?: number;
}

export interface PlaygroundServer {
  /** Answers a request for one of {@link isPlaygroundPath}'s paths. Never throws. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Fake Stripe: where the stand-in for Stripe's API listens; `null` with your keys. */
  readonly stripeApi: string | null;
  close(): Promise<void>;
}

const DAY_SECONDS = 86_400;

/** Whether the playground's server answers this path (the example server's routes, and the playground's own). */
export function isPlaygroundPath(url: string | undefined): boolean {
  const path = (url ?? '').split('?', 1)[0]!;
  return EXAMPLE_SERVER_PATHS.includes(path) || path === CUSTOMER_PATH || path.startsWith(FAKE_HOSTED_PREFIX);
}

/** A header's one value, or `null`. */
function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === 'string' ? value : null;
}

/** Starts the server: with fake Stripe, the stand-in first. */
export async function startPlaygroundServer({ env, origin, log, now = Date.now() }: PlaygroundServerOptions): Promise<PlaygroundServer> {
  const { keys } = env;
  let standIn: StripeStandIn | null = null;
  let stripe: Stripe;
  if (keys.kind === 'ready') {
    stripe = new Stripe(keys.secretKey, { maxNetworkRetries: 1, telemetry: false, appInfo: { name: 'fc-relink playground' }, ...(keys.api ?? {}) });
  } else {
    // The fake customer's expiring account stops FAKE_DAYS_LEFT days from today, midnight UTC.
    const expires = Math.floor(now / 1000 / DAY_SECONDS) * DAY_SECONDS + FAKE_DAYS_LEFT * DAY_SECONDS;
    standIn = await startStripeStandIn({ accounts: standInAccounts(expires) });
    stripe = standIn.stripe();
  }

  const signedIn = customers({ stripe, mode: standIn ? 'fake' : 'stripe' });
  const example = relinkServer(stripe, {
    accountIdFor: async (req) => signedIn.of(req)?.accountId ?? null,
    customerFor: async (req) => signedIn.of(req)?.customer ?? null,
    // With fake Stripe nothing signs events; with your keys, the secret of `stripe listen` or your endpoint.
    webhookSecret: (keys.kind === 'ready' ? keys.webhookSecret : null) ?? `whsec_${randomBytes(24).toString('hex')}`,
    onRelinkAction: async (action: RelinkWebhookAction) => log(`webhook: ${action.action} for ${action.id ?? 'nothing'}`, 'info'),
    returnUrl: `${origin}${RELINK_RETURN_PATH}`,
    backUrl: '/',
  });
  const hostedPage = standIn ? fakeHostedPage(standIn, (line) => log(line, 'info')) : null;

  /** With fake Stripe, the example server's requests, one at a time (see above). */
  let queue: Promise<void> = Promise.resolve();
  const oneAtATime = (run: () => Promise<void>): Promise<void> => {
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?', 1)[0]!;
    if (path === CUSTOMER_PATH) return signedIn.signIn(req, res);
    if (path.startsWith(FAKE_HOSTED_PREFIX)) {
      if (!hostedPage) return sendJson(res, 404, { error: 'not_found' });
      return hostedPage(req, res);
    }
    if (!standIn) {
      await example(req, res);
      return;
    }
    const scenario = header(req, SCENARIO_HEADER);
    const setupScenario = header(req, SETUP_SCENARIO_HEADER);
    if ((scenario !== null && !(FAKE_SCENARIOS as readonly string[]).includes(scenario)) || (setupScenario !== null && !(FAKE_SETUP_SCENARIOS as readonly string[]).includes(setupScenario))) {
      return sendJson(res, 400, { error: 'bad_scenario' });
    }
    const fake = standIn;
    await oneAtATime(async () => {
      fake.nameNext('session', scenario);
      fake.nameNext('setup_intent', setupScenario);
      try {
        // Until the example server's handler is done, not just its response: a request the page
        // abandoned ends its response early while the handler still talks to Stripe, and the next
        // request's name must not reach that creation.
        await Promise.all([example(req, res), finished(res).catch(() => undefined)]);
      } finally {
        fake.nameNext('session', null);
        fake.nameNext('setup_intent', null);
      }
    });
  }

  return {
    stripeApi: standIn?.url ?? null,
    handle(req, res) {
      answer(req, res).catch((error: unknown) => {
        log(`${req.method ?? ''} ${req.url ?? ''} failed: ${error instanceof Error ? error.name : typeof error}`, 'warn');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
        else res.destroy();
      });
    },
    close: async () => {
      await standIn?.close();
    },
  };
}
