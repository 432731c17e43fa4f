import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { launchOptions } from './scripts/chromium.mjs';
import { routeStripeNetwork, stripeNetworkPlugin } from './scripts/wtr-stripe-network.mjs';
import { countReporter } from './scripts/wtr-count-reporter.mjs';
import { bundlerShimsPlugin } from './scripts/wtr-bundler-shims.mjs';

export default {
  // Browser suites; @fc-relink/server's run on Node.
  files: ['packages/*/test/**/*.test.ts', '!packages/server/**'],
  // Lit's development build, so its warnings reach the tests (which fail on them).
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json' }), stripeNetworkPlugin(), bundlerShimsPlugin()],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions,
      async createPage({ context }) {
        const page = await context.newPage();
        await routeStripeNetwork(page);
        return page;
      },
    }),
  ],
  // One file at a time: the stripe-network mode is shared.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), countReporter('.reports/wtr.json')],
};
