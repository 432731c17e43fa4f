/**
 * The demo server, as a Vite plugin: the same in `vite` (dev) and `vite preview`.
 *
 * - `POST /api/relink-session` (./relink-endpoint.ts): fake sessions always; real ones when the
 *   Stripe keys are set.
 * - `virtual:fc-relink/playground`: what the page needs to know (fake or real sessions, the
 *   publishable key in real mode, a notice when the keys are set but unusable). Never the secret
 *   key: it stays in this process.
 */
import Stripe from 'stripe';
import type { Logger, Plugin } from 'vite';
import type { PlaygroundEnv } from './env.js';
import { hostedEndpoint } from './hosted.js';
import { relinkSessionEndpoint, type StripeAccess } from './relink-endpoint.js';

export const PLAYGROUND_MODULE = 'virtual:fc-relink/playground';
const RESOLVED_MODULE = `\0${PLAYGROUND_MODULE}`;

function stripeAccess(env: PlaygroundEnv): StripeAccess {
  const { keys } = env;
  if (keys.kind !== 'ready') return keys;
  const client = new Stripe(keys.secretKey, {
    maxNetworkRetries: 1,
    telemetry: false,
    appInfo: { name: 'fc-relink playground' },
    ...(keys.api ?? {}),
  });
  return { kind: 'ready', client, secrets: [keys.secretKey, keys.publishableKey] };
}

/** One line at startup: which sessions and which Stripe.js, and any notice about the keys. */
function announce(env: PlaygroundEnv, logger: Logger): void {
  const sessions =
    env.page.sessions === 'stripe'
      ? `real relink sessions with your test-mode keys${env.keys.kind === 'ready' && env.keys.api ? ' (Stripe API: FC_RELINK_STRIPE_API)' : ''}`
      : 'fake relink sessions (set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY for real ones)';
  const stripeJs = env.stripeJs === 'fake' ? 'the fake Stripe.js' : 'Stripe.js from js.stripe.com';
  logger.info(`  fc-relink playground: ${sessions}, ${stripeJs}.`);
  if (env.page.notice) logger.warn(`  fc-relink playground: ${env.page.notice}`);
}

export function playgroundServer(env: PlaygroundEnv): Plugin {
  let endpoint: ReturnType<typeof relinkSessionEndpoint> | null = null;
  const middleware = (logger: Logger): ReturnType<typeof relinkSessionEndpoint> => {
    if (!endpoint) {
      const stripe = stripeAccess(env);
      const log = (line: string, level: 'info' | 'warn'): void => logger[level](`demo server: ${line}`, { timestamp: true });
      const sessions = relinkSessionEndpoint({ stripe, log });
      // The hosted relink (the "Stripe.js blocked" switch): its own routes, the same client.
      const hosted = hostedEndpoint({ stripe: stripe.kind === 'ready' ? (stripe.client as Stripe) : null, log });
      endpoint = (req, res, next) => hosted(req, res, () => sessions(req, res, next));
    }
    return endpoint;
  };
  return {
    name: 'fc-relink:playground-server',
    resolveId(id) {
      return id === PLAYGROUND_MODULE ? RESOLVED_MODULE : undefined;
    },
    load(id) {
      return id === RESOLVED_MODULE ? `export default ${JSON.stringify(env.page)};\n` : undefined;
    },
    configureServer(server) {
      announce(env, server.config.logger);
      server.middlewares.use(middleware(server.config.logger));
    },
    configurePreviewServer(server) {
      announce(env, server.config.logger);
      server.middlewares.use(middleware(server.config.logger));
    },
  };
}
