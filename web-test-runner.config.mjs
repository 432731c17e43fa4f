import { defaultReporter } from '@web/test-runner';
import { junitReporter } from '@web/test-runner-junit-reporter';
import c2k from 'koa-connect';
import { createServer } from 'vite';
import { browsers } from './scripts/browsers.mjs';
import { stripeNetworkPlugin, testRunnerHtml } from './test-support/stripe-network/plugin.mjs';

// Browser suites in Chromium, Firefox and WebKit (scripts/browsers.mjs); @fc-relink/server's
// run on Node. FC_RELINK_BROWSERS=firefox (or a comma-separated list) runs fewer engines.
const files = ['packages/*/test/**/*.test.ts', '!packages/server/**'];

// What a bundler defines for npm packages: Vue's feature flags (its warnings stay on, as does
// React's: Vite serves dependencies in development mode).
const define = {
  __VUE_OPTIONS_API__: 'true',
  __VUE_PROD_DEVTOOLS__: 'false',
  __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
};

// Vite serves every module, as it does for the playground: TypeScript (per each package's
// tsconfig), React's CommonJS pre-bundled once so react-dom and the tests share one React, and
// Lit's development build, whose warnings reach the tests (which fail on them). web-test-runner
// keeps its own modules (/__web-dev-server*), its browsers and its reporters.
const vite = await createServer({
  configFile: false,
  root: process.cwd(),
  cacheDir: 'node_modules/.vite-wtr',
  logLevel: 'warn',
  appType: 'custom',
  server: { middlewareMode: true, hmr: false, ws: false },
  define,
  optimizeDeps: {
    entries: files,
    exclude: ['@web/test-runner-commands'],
    rolldownOptions: { transform: { define } },
  },
  plugins: [
    {
      name: 'web-test-runner-modules',
      resolveId: (id) => (id.startsWith('/__web-dev-server') ? { id, external: true } : undefined),
    },
  ],
});

export default {
  files,
  middleware: [c2k(vite.middlewares)],
  plugins: [stripeNetworkPlugin(), { name: 'vite', serverStop: () => vite.close() }],
  testRunnerHtml,
  browsers: browsers(),
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), junitReporter({ outputPath: '.reports/wtr.xml', reportLogs: false })],
};
