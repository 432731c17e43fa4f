// End-to-end tests in Debian's Chromium, through the real @stripe/stripe-js loader: every test
// answers its page's request for https://js.stripe.com/... with @fc-relink/testing's fake
// (routeFakeStripe). Nothing leaves the machine. Chromium only: Playwright cannot drive this
// machine's Firefox and WebKit builds (the unit tests run in all three, web-test-runner.config.mjs).
//
// Three projects:
// - `library` (tests/library/): the library's behaviour, on the smallest pages that use the
//   packages as a host would (fixtures/: the element, React, Vue), built in development mode so
//   React's <StrictMode> checks run and React's, Vue's and Lit's warnings reach the console, where
//   the tests fail on them. The tests play the pages' server.
// - `nextjs` (tests/nextjs/): the Next.js App Router example (examples/nextjs), production-built
//   once by `next build` and served by `next start`: a Server Component page renders <FcRelink>.
// - `playground` (tests/playground/): a smoke test of the playground (demo/), served twice, each
//   with its three pages:
//   - on FAKE_PLAYGROUND_PORT, without Stripe keys (whatever the developer's shell has): fake
//     sessions from the demo server. A development build, like the fixtures.
//   - on STRIPE_PLAYGROUND_PORT, a production build with made-up test keys and the `stripe` SDK
//     pointed at the stand-in for api.stripe.com (test-support/stripe-api.ts, started by
//     global-setup.ts): the real-Stripe path, end to end (tests/playground/stripe-mode.spec.ts).
//
// Results: the `list` reporter for people, and JUnit XML in <repo>/.reports/e2e.xml.
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { launchOptions } from '../scripts/chromium.mjs';
import { STAND_IN_PUBLISHABLE_KEY, STAND_IN_SECRET_KEY } from '../test-support/stripe-api.js';
import {
  FAKE_PLAYGROUND_PORT,
  FAKE_PLAYGROUND_URL,
  FIXTURES_PORT,
  FIXTURES_URL,
  NEXTJS_PORT,
  NEXTJS_URL,
  STAND_IN_URL,
  STRIPE_PLAYGROUND_PORT,
  STRIPE_PLAYGROUND_URL,
} from './servers.js';

/** Where the playgrounds are built for the tests (relative to demo/, Vite's root). */
const OUT_DIR = '../e2e/.playground/fake';
const STRIPE_OUT_DIR = '../e2e/.playground/stripe';
const FIXTURES_CONFIG = 'e2e/fixtures/vite.config.ts';

/** Builds the playground into `outDir` and previews it on `port`. */
const buildAndPreview = (outDir: string, port: number): string =>
  `pnpm --filter @fc-relink/demo run build --outDir ${outDir} && ` +
  `pnpm --filter @fc-relink/demo run preview --outDir ${outDir} --port ${port} --strictPort`;

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 900 },
  // Debian's Chromium with the project's flags, shared with the unit tests.
  launchOptions,
};

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: true,
  retries: 0,
  // A 2-core machine: the preview servers and two browsers.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['junit', { outputFile: fileURLToPath(new URL('../.reports/e2e.xml', import.meta.url)) }]],
  use: {
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'library', testDir: './tests/library', use: { ...chromium, baseURL: FIXTURES_URL } },
    { name: 'playground', testDir: './tests/playground', use: { ...chromium, baseURL: FAKE_PLAYGROUND_URL } },
    { name: 'nextjs', testDir: './tests/nextjs', use: { ...chromium, baseURL: NEXTJS_URL } },
  ],
  globalSetup: './global-setup.ts',
  webServer: [
    {
      command:
        `pnpm exec vite build --config ${FIXTURES_CONFIG} --logLevel warn && ` +
        `pnpm exec vite preview --config ${FIXTURES_CONFIG} --port ${FIXTURES_PORT} --strictPort`,
      cwd: '..',
      env: { NODE_ENV: 'development' },
      url: FIXTURES_URL + '/element.html',
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // Built into e2e/ rather than demo/dist, so this network build never replaces the playground's own.
      command: buildAndPreview(OUT_DIR, FAKE_PLAYGROUND_PORT),
      cwd: '..',
      // No Stripe keys, whatever the developer's shell has (empty counts as unset); React, Vue and
      // Lit in their development builds.
      env: { NODE_ENV: 'development', FC_RELINK_STRIPE: 'network', STRIPE_SECRET_KEY: '', STRIPE_PUBLISHABLE_KEY: '', FC_RELINK_STRIPE_API: '' },
      url: FAKE_PLAYGROUND_URL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: buildAndPreview(STRIPE_OUT_DIR, STRIPE_PLAYGROUND_PORT),
      cwd: '..',
      // Keys make it real: Stripe.js from the network, sessions through the SDK, to the stand-in.
      // A production build, as the playground is deployed.
      env: {
        NODE_ENV: 'production',
        FC_RELINK_STRIPE: '',
        STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY,
        STRIPE_PUBLISHABLE_KEY: STAND_IN_PUBLISHABLE_KEY,
        FC_RELINK_STRIPE_API: STAND_IN_URL,
      },
      url: STRIPE_PLAYGROUND_URL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // `next build` (which also type-checks the example) once per run, then `next start`.
      command:
        `pnpm --filter @fc-relink/example-nextjs run build && ` +
        `pnpm --filter @fc-relink/example-nextjs run start --hostname 127.0.0.1 --port ${NEXTJS_PORT}`,
      cwd: '..',
      // A production build, as a host deploys it; no telemetry (nothing leaves the machine).
      env: { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      url: NEXTJS_URL,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
