// After `tsc`: minifies the element's CSS in dist/styles.js (the one css`...` template, which has
// no interpolations), so pages download it without the source's indentation and newlines.
import { readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'esbuild';

const file = new URL('../dist/styles.js', import.meta.url);
const source = readFileSync(file, 'utf8');
const match = /css\s*`([^`$]*)`/.exec(source);
if (!match) throw new Error('dist/styles.js: no css`...` template without interpolations to minify.');
const { code } = await transform(match[1], { loader: 'css', minify: true });
writeFileSync(file, source.replace(match[0], `css\`${code.trim()}\``));
