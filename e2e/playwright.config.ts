// End-to-end tests: the built playground (demo/) served by `vite preview`, in Debian's Chromium.
// The demo is built with FC_RELINK_STRIPE=network, so the real @stripe/stripe-js loader requests
// https://js.stripe.com/...; every test answers that request with the fake (routeFakeStripe).
//
// Two playgrounds are served, each with its three pages (HTML, React, Vue):
// - on PORT, without Stripe keys (whatever the developer's shell has): fake sessions from the
//   demo server. Most tests use this one. It is a development build (NODE_ENV=development), so
//   React's <StrictMode> really mounts effects twice, and React's, Vue's and Lit's warnings reach
//   the console, where the tests' fixture fails on them (tests/playground.ts).
// - on STRIPE_PORT, a production build with made-up test keys and the `stripe` SDK pointed at a
//   stand-in for api.stripe.com (stripe-api.ts, started by global-setup.ts): the real-Stripe
//   path, end to end (tests/stripe-mode.spec.ts). Nothing leaves the machine either way.
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from '../scripts/chromium.mjs';
import { FAKE_PLAYGROUND_PORT as PORT, STRIPE_PLAYGROUND_PORT as STRIPE_PORT, STRIPE_PLAYGROUND_URL } from './servers.js';
import { STAND_IN_PORT, STAND_IN_PUBLISHABLE_KEY, STAND_IN_SECRET_KEY } from './stripe-api.js';

const baseURL = `http://127.0.0.1:${PORT}`;
/** Where the playgrounds are built for the tests (relative to demo/, Vite's root). */
const OUT_DIR = '../e2e/.playground/fake';
const STRIPE_OUT_DIR = '../e2e/.playground/stripe';

/** Builds the playground into `outDir` and previews it on `port`. */
const buildAndPreview = (outDir: string, port: number): string =>
  `pnpm --filter @fc-relink/demo run build --outDir ${outDir} && ` +
  `pnpm --filter @fc-relink/demo run preview --outDir ${outDir} --port ${port} --strictPort`;
/** Totals for the root test script: <repo>/.reports/e2e.json. */
const countsFile = fileURLToPath(new URL('../.reports/e2e.json', import.meta.url));

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // A 2-core machine: the preview server and two browsers.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['./count-reporter.ts', { outputFile: countsFile }]],
  use: {
    baseURL,
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        // Debian's Chromium with the project's flags, shared with the unit tests.
        launchOptions,
      },
    },
  ],
  globalSetup: './global-setup.ts',
  webServer: [
    {
      // Built into e2e/ rather than demo/dist, so this network build never replaces the playground's own.
      command: buildAndPreview(OUT_DIR, PORT),
      cwd: '..',
      // No Stripe keys, whatever the developer's shell has (empty counts as unset); React, Vue and
      // Lit in their development builds.
      env: { NODE_ENV: 'development', FC_RELINK_STRIPE: 'network', STRIPE_SECRET_KEY: '', STRIPE_PUBLISHABLE_KEY: '', FC_RELINK_STRIPE_API: '' },
      url: baseURL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: buildAndPreview(STRIPE_OUT_DIR, STRIPE_PORT),
      cwd: '..',
      // Keys make it real: Stripe.js from the network, sessions through the SDK, to the stand-in.
      // A production build, as the playground is deployed.
      env: {
        NODE_ENV: 'production',
        FC_RELINK_STRIPE: '',
        STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY,
        STRIPE_PUBLISHABLE_KEY: STAND_IN_PUBLISHABLE_KEY,
        FC_RELINK_STRIPE_API: `http://127.0.0.1:${STAND_IN_PORT}`,
      },
      url: STRIPE_PLAYGROUND_URL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
