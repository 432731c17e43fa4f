// Lets the browser tests import npm packages that expect a bundler, as Vite's dev server does:
// CommonJS-only packages (React 19 ships no ES modules) are served as ES modules, bundled by
// esbuild into one shared module so that react-dom and the tests share one React, in development
// mode (StrictMode checks on). What other npm packages read (`process.env.NODE_ENV`, Vue's
// feature flags) is defined by @rollup/plugin-replace in web-test-runner.config.mjs.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const defines = { 'process.env.NODE_ENV': JSON.stringify('development') };
const PREFIX = '/__commonjs__/';

/**
 * @param {{ packages?: string[], root?: string }} [options] `packages`: the bare specifiers to
 *   serve as ES modules, resolved from `root` (default: the working directory).
 */
export function bundlerShimsPlugin({
  packages = ['react', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'react-dom', 'react-dom/client'],
  root = process.cwd(),
} = {}) {
  const ids = new Map(packages.map((specifier, i) => [specifier, `m${i}`]));
  /** @type {Promise<string> | undefined} */
  let shared;
  const sharedModule = () =>
    (shared ??= build({
      stdin: {
        contents: packages.map((s) => `export { default as ${ids.get(s)} } from ${JSON.stringify(s)};`).join('\n'),
        resolveDir: root,
      },
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      define: defines,
      logLevel: 'silent',
    }).then((result) => result.outputFiles[0].text));

  /** The names a CommonJS package exports, read in a child process (React's development build patches the console). */
  const exportNames = (specifier) =>
    JSON.parse(
      execFileSync(process.execPath, ['-p', `JSON.stringify(Object.keys(require(${JSON.stringify(specifier)})))`], {
        cwd: root,
        encoding: 'utf8',
      }),
    ).filter((name) => name !== 'default' && /^[A-Za-z_$][\w$]*$/.test(name));

  /** A module exporting the package's `module.exports` as `default` and each of its names. */
  const facade = (specifier) => {
    const names = exportNames(specifier);
    return [
      `import { ${ids.get(specifier)} as m } from '${PREFIX}shared.js';`,
      'export default m;',
      names.length ? `export const { ${names.join(', ')} } = m;` : '',
    ].join('\n');
  };

  return {
    name: 'bundler-shims',
    resolveImport({ source }) {
      return ids.has(source) ? `${PREFIX}${source}.js` : undefined;
    },
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const specifier = context.path.slice(PREFIX.length, -'.js'.length);
      if (specifier === 'shared') return { body: await sharedModule(), type: 'js' };
      return ids.has(specifier) ? { body: facade(specifier), type: 'js' } : undefined;
    },
  };
}
