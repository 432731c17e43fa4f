// The playground's Vite config (demo/). `pnpm --filter @fc-relink/demo dev|build|preview` runs it.
//
// Three pages render the same playground, each its own way: index.html (plain HTML, the custom
// element), react.html (React 19 in <StrictMode>, through @fc-relink/react) and vue.html (a Vue 3
// single-file component; Vue's template compiler gets fcRelinkCompilerOptions below).
//
// Stripe and Stripe.js (read once from the environment by demo/server/env.ts):
// - No keys (default): fake Stripe. The server's Stripe API is the stand-in the tests use, and the
//   fake Stripe.js of @fc-relink/testing is served at /fake-stripe.js and loaded by a classic
//   <script> ahead of the app, so `window.Stripe` is the fake by the time @stripe/stripe-js looks
//   for it. No network.
// - STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY (test mode): the server talks to Stripe with your
//   key for the account typed in the page, nothing fake is injected, and the element loads
//   Stripe.js from js.stripe.com with the publishable key. The secret key never leaves the server.
// - FC_RELINK_STRIPE=network: no fake Stripe.js even without keys (the end-to-end tests build
//   this way and answer the js.stripe.com request with the fake). FC_RELINK_STRIPE=fake keeps
//   the fake even with keys set.
//
// The server (demo/server/plugin.ts) is the example server of @fc-relink/server
// (POST /relink-session, ...) plus the playground's own routes, in dev and `vite preview` alike.
//
// Vite and its framework plugins are dev dependencies of the workspace root, where this file
// sits; demo/'s scripts run the root's `vite` (pnpm puts the root's node_modules/.bin on PATH).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import vue from '@vitejs/plugin-vue';
import { fcRelinkCompilerOptions } from '@fc-relink/vue/compiler';
import type { Plugin, UserConfig } from 'vite';
import { readPlaygroundEnv } from './demo/server/env.js';
import { playgroundServer } from './demo/server/plugin.js';
import { PLAYGROUND_PAGES } from './demo/src/shared/pages.js';

/** Where the fake Stripe.js is served, in dev and in the built playground. */
const FAKE_STRIPE_PATH = '/fake-stripe.js';

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
const env = readPlaygroundEnv(process.env);
const demoFile = (file: string): string => fileURLToPath(new URL(`./demo/${file}`, import.meta.url));

export default {
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  plugins: [
    playgroundServer(env),
    ...(env.stripeJs === 'fake' ? [fakeStripe(await fakeStripeSource())] : []),
    react(),
    // <fc-relink> is a custom element, and its kebab-case bindings set its properties.
    vue({ template: { compilerOptions: fcRelinkCompilerOptions } }),
  ],
  server: { host, port: 5173 },
  preview: { host, port: 4173 },
  build: {
    target: 'es2022',
    emptyOutDir: true,
    // One HTML entry per page of the playground (the tabs in its header).
    rolldownOptions: {
      input: Object.fromEntries(PLAYGROUND_PAGES.map((page) => [page.id, demoFile(page.file)])),
    },
  },
} satisfies UserConfig;
