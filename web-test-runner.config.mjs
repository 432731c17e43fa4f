import { defaultReporter } from '@web/test-runner';
import { junitReporter } from '@web/test-runner-junit-reporter';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import rollupReplace from '@rollup/plugin-replace';
import { browsers } from './scripts/browsers.mjs';
import { bundlerShimsPlugin } from './scripts/wtr-bundler-shims.mjs';
import { stripeNetworkPlugin, testRunnerHtml } from './test-support/stripe-network/plugin.mjs';

const replace = fromRollup(rollupReplace);

// Browser suites in Chromium, Firefox and WebKit (scripts/browsers.mjs); @fc-relink/server's
// run on Node. FC_RELINK_BROWSERS=firefox (or a comma-separated list) runs fewer engines.
export default {
  files: ['packages/*/test/**/*.test.ts', '!packages/server/**'],
  // Lit's development build, so its warnings reach the tests (which fail on them).
  nodeResolve: { exportConditions: ['development', 'browser'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.base.json' }),
    // What a bundler defines for npm packages: Vue reads process.env.NODE_ENV and its feature
    // flags. Development mode: Vue's warnings stay on.
    replace({
      preventAssignment: true,
      include: ['**/node_modules/**'],
      values: {
        'process.env.NODE_ENV': JSON.stringify('development'),
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    }),
    // React 19 ships CommonJS whose names sit inside a development-only closure, which the
    // CommonJS plugin cannot read one file at a time: it is still served through esbuild.
    bundlerShimsPlugin(),
    stripeNetworkPlugin(),
  ],
  testRunnerHtml,
  browsers: browsers(),
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), junitReporter({ outputPath: '.reports/wtr.xml', reportLogs: false })],
};
