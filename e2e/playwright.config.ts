// End-to-end tests: the built playground (demo/) served by `vite preview`, in Debian's Chromium.
// The demo is built with FC_RELINK_STRIPE=network, so the real @stripe/stripe-js loader requests
// https://js.stripe.com/...; every test answers that request with the fake (routeFakeStripe).
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

const PORT = 4319;
const baseURL = `http://127.0.0.1:${PORT}`;
/** Where the playground is built for the tests (relative to demo/, Vite's root). */
const OUT_DIR = '../e2e/.playground';
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
  webServer: {
    // Built into e2e/ rather than demo/dist, so this network build never replaces the playground's own.
    command:
      `pnpm --filter @fc-relink/demo run build --outDir ${OUT_DIR} && ` +
      `pnpm --filter @fc-relink/demo run preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    cwd: '..',
    env: { FC_RELINK_STRIPE: 'network' },
    url: baseURL,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
