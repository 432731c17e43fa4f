// The playground's Vite config (demo/). `pnpm --filter @fc-relink/demo dev|build|preview` runs it.
//
// Where Stripe.js comes from (FC_RELINK_STRIPE):
// - unset or `fake` (default): the fake Stripe.js of @fc-relink/testing is served at
//   /fake-stripe.js and loaded by a classic <script> ahead of the app, so `window.Stripe` is the
//   fake by the time @stripe/stripe-js looks for it. No keys, no network.
// - `network`: nothing is injected; @stripe/stripe-js requests https://js.stripe.com for real
//   (the end-to-end tests build this way and answer that request with the fake).
//
// Only types come from 'vite' (this file sits at the workspace root, where vite is not installed).
import { fileURLToPath } from 'node:url';
import type { Plugin, UserConfig } from 'vite';

/** Where the fake Stripe.js is served, in dev and in the built playground. */
const FAKE_STRIPE_PATH = '/fake-stripe.js';

type StripeSource = 'fake' | 'network';

function stripeSource(): StripeSource {
  const value = (process.env.FC_RELINK_STRIPE ?? 'fake').trim().toLowerCase();
  if (value === 'fake' || value === '') return 'fake';
  if (value === 'network') return 'network';
  throw new Error(`FC_RELINK_STRIPE must be "fake" or "network", not "${value}".`);
}

/** The fake's script source, from the built @fc-relink/testing. */
async function fakeStripeSource(): Promise<string> {
  try {
    const { fakeStripeScript } = await import('@fc-relink/testing');
    return fakeStripeScript({ ui: true });
  } catch (cause) {
    throw new Error('The playground serves the fake Stripe.js from @fc-relink/testing, which is not built: run `pnpm build` first.', { cause });
  }
}

/** Serves the fake Stripe.js (with its "Bank login" modal) and loads it before the app. */
function fakeStripe(script: string): Plugin {
  const source = (): string => script;
  return {
    name: 'fc-relink:fake-stripe',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (req.url?.split('?')[0] !== FAKE_STRIPE_PATH) return next();
        res.setHeader('content-type', 'text/javascript; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(source());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: FAKE_STRIPE_PATH.slice(1), source: source() });
    },
    transformIndexHtml() {
      // A classic, parser-blocking script: it runs before any module script of the page.
      return [
        {
          tag: 'script',
          attrs: { src: FAKE_STRIPE_PATH, 'data-fc-relink-fake-stripe': '' },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}

const host = '127.0.0.1';

export default {
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  plugins: stripeSource() === 'fake' ? [fakeStripe(await fakeStripeSource())] : [],
  server: { host, port: 5173 },
  preview: { host, port: 4173 },
  build: { target: 'es2022', emptyOutDir: true },
} satisfies UserConfig;
