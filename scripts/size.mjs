// The size budget: @fc-relink/element with @fc-relink/core, as a page would ship it (minified,
// brotli-compressed), without lit and @stripe/stripe-js, which pages share with others.
import { build } from 'esbuild';
import { brotliCompressSync, constants } from 'node:zlib';

const BUDGET = 6 * 1024;

const result = await build({
  entryPoints: ['packages/element/dist/index.js'],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  external: ['lit', 'lit/*', '@lit/*', '@stripe/stripe-js', '@stripe/stripe-js/*'],
  charset: 'utf8',
  logLevel: 'warning',
});
const code = result.outputFiles[0].contents;
const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const ok = brotli <= BUDGET;
console.log(
  `size: @fc-relink/element + core: ${(code.length / 1024).toFixed(2)} KB minified, ` +
    `${(brotli / 1024).toFixed(2)} KB brotli (${brotli} B; budget ${BUDGET / 1024} KB) ${ok ? 'ok' : 'OVER BUDGET'}`,
);
process.exitCode = ok ? 0 : 1;
