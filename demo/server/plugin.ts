/**
 * The playground's server, as a Vite plugin: the same in `vite` (dev) and `vite preview`.
 *
 * - The example server of `@fc-relink/server` and the playground's own routes
 *   (./playground-server.ts), started at the first request they get (with fake Stripe, the
 *   stand-in for Stripe's API with it) and closed with Vite's server.
 * - `virtual:fc-relink/playground`: what the page needs to know (fake or real Stripe, the
 *   publishable key with your keys, a notice when the keys are set but unusable). Never the secret
 *   key: it stays in this process.
 */
import type { Connect, Logger, Plugin, ResolvedServerUrls } from 'vite';
import type { Server } from 'node:http';
import type { PlaygroundEnv } from './env.js';
import { isPlaygroundPath, startPlaygroundServer, type PlaygroundServer } from './playground-server.js';

export const PLAYGROUND_MODULE = 'virtual:fc-relink/playground';
const RESOLVED_MODULE = `\0${PLAYGROUND_MODULE}`;

/** One line at startup: which Stripe, which Stripe.js, and any notice about the keys. */
function announce(env: PlaygroundEnv, logger: Logger): void {
  const stripe =
    env.page.sessions === 'stripe'
      ? `the example server of @fc-relink/server with your test-mode keys${env.keys.kind === 'ready' && env.keys.api ? ' (Stripe API: FC_RELINK_STRIPE_API)' : ''}`
      : 'the example server of @fc-relink/server with fake Stripe (set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY for yours)';
  const stripeJs = env.stripeJs === 'fake' ? 'the fake Stripe.js' : 'Stripe.js from js.stripe.com';
  logger.info(`  fc-relink playground: ${stripe}, ${stripeJs}.`);
  if (env.page.notice) logger.warn(`  fc-relink playground: ${env.page.notice}`);
}

interface Host {
  middlewares: Connect.Server;
  httpServer: Server | null;
  resolvedUrls: ResolvedServerUrls | null;
  logger: Logger;
}

/** Mounts the playground's server on a Vite server (dev or preview). */
function mount(env: PlaygroundEnv, host: Host): void {
  let started: Promise<PlaygroundServer> | null = null;
  let closed = false;
  const log = (line: string, level: 'info' | 'warn'): void => host.logger[level](`playground server: ${line}`, { timestamp: true });
  const start = (req: Connect.IncomingMessage): Promise<PlaygroundServer> => {
    // Where the browser reaches Vite, as Vite says once listening (else as this request came).
    const origin = (host.resolvedUrls?.local[0] ?? `http://${req.headers.host ?? '127.0.0.1'}/`).replace(/\/$/, '');
    started ??= startPlaygroundServer({ env, origin, log }).then((server) => {
      if (server.stripeApi) log(`fake Stripe's API (the stand-in) on ${server.stripeApi}`, 'info');
      return server;
    });
    return started;
  };
  host.httpServer?.once('close', () => {
    closed = true;
    void started?.then((server) => server.close());
  });
  host.middlewares.use((req, res, next) => {
    if (closed || !isPlaygroundPath(req.url)) return next();
    res.once('finish', () => {
      log(`${req.method ?? ''} ${(req.url ?? '').split('?', 1)[0]} ${res.statusCode}`, res.statusCode >= 500 ? 'warn' : 'info');
    });
    start(req).then(
      (server) => server.handle(req, res),
      (error: unknown) => {
        log(`could not start: ${error instanceof Error ? error.message : String(error)}`, 'warn');
        res.statusCode = 503;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ error: 'server_unavailable' }));
      },
    );
  });
}

export function playgroundServer(env: PlaygroundEnv): Plugin {
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
      mount(env, { middlewares: server.middlewares, httpServer: server.httpServer as Server | null, get resolvedUrls() { return server.resolvedUrls; }, logger: server.config.logger });
    },
    configurePreviewServer(server) {
      announce(env, server.config.logger);
      mount(env, { middlewares: server.middlewares, httpServer: server.httpServer as Server, get resolvedUrls() { return server.resolvedUrls; }, logger: server.config.logger });
    },
  };
}
