// End-to-end tests: the built playground (demo/) served by `vite preview`, in Debian's Chromium.
// The demo is built with FC_RELINK_STRIPE=network, so the real @stripe/stripe-js loader requests
// https://js.stripe.com/...; every test answers that request with the fake (routeFakeStripe).
//
// Two playgrounds are served:
// - on PORT, without Stripe keys (whatever the developer's shell has): fake sessions from the
//   demo server. Most tests use this one.
// - on STRIPE_PORT, with made-up test keys and the `stripe` SDK pointed at a stand-in for
//   api.stripe.com (stripe-api.ts, started by global-setup.ts): the real-Stripe path, end to end
//   (tests/stripe-mode.spec.ts). Nothing leaves the machine either way.
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
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
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 900 },
        headless: true,
        launchOptions: {
          executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  globalSetup: './global-setup.ts',
  webServer: [
    {
      // Built into e2e/ rather than demo/dist, so this network build never replaces the playground's own.
      command: buildAndPreview(OUT_DIR, PORT),
      cwd: '..',
      // No Stripe keys, whatever the developer's shell has (empty counts as unset).
      env: { FC_RELINK_STRIPE: 'network', STRIPE_SECRET_KEY: '', STRIPE_PUBLISHABLE_KEY: '', FC_RELINK_STRIPE_API: '' },
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
      env: {
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
