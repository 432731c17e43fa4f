// The size budget, part one: bundles @fc-relink/element with @fc-relink/core as a page ships
// them (minified ES modules, split where the element loads code later), without lit and
// @stripe/stripe-js, which pages share with others, and sorts the files by when a page downloads
// them. Part two is size-limit (.size-limit.json), which measures each group, brotli-compressed
// file by file as a server sends them, against its budget:
//
//   .size/first-render/   the entry and every chunk it imports statically: all a page downloads
//                         before the element can render
//   .size/flow/           what the element asks for right after (the code that runs a relink)
//   .size/payment-step/   the payment-method step, when a relink first ends on a new account
//   .size/locale-<xx>/    a built-in language other than English, when first spoken
//
// Each later group holds only what is new at that point: the flow's chunks are already in when
// the payment step loads.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const OUT = '.size';

const result = await build({
  entryPoints: ['packages/element/dist/index.js'],
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  outdir: OUT,
  write: false,
  metafile: true,
  external: ['lit', 'lit/*', '@lit/*', '@stripe/stripe-js', '@stripe/stripe-js/*'],
  charset: 'utf8',
  logLevel: 'warning',
});

const outputs = result.metafile.outputs;
const contents = new Map(result.outputFiles.map((file) => [file.path.slice(file.path.lastIndexOf(`${OUT}/`)), file.contents]));

/** A chunk and every chunk it imports statically: what must be there before it runs. */
function staticClosure(path, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  for (const imported of outputs[path].imports) if (imported.kind === 'import-statement' && outputs[imported.path]) staticClosure(imported.path, seen);
  return seen;
}

/** The chunk a source module ends up in (its own name, e.g. `flow.js`). */
const chunkOf = (source) => Object.keys(outputs).find((path) => Object.keys(outputs[path].inputs).some((input) => input.endsWith(`/dist/${source}`)));

const groups = [];
const loaded = new Set();
const group = (name, path) => {
  const files = [...staticClosure(path)].filter((file) => !loaded.has(file));
  for (const file of files) loaded.add(file);
  groups.push({ name, files });
};

group('first-render', Object.keys(outputs).find((path) => outputs[path].entryPoint));
group('flow', chunkOf('flow.js'));
group('payment-step', chunkOf('mandate.js'));
group('locale-es', chunkOf('locales/es.js'));
group('locale-ja', chunkOf('locales/ja.js'));
group('locale-de', chunkOf('locales/de.js'));

const unsorted = Object.keys(outputs).filter((path) => path.endsWith('.js') && !loaded.has(path));
if (unsorted.length > 0) {
  console.error(`size: chunks no group holds (a new lazy part needs a budget): ${unsorted.join(', ')}`);
  process.exitCode = 1;
}

rmSync(OUT, { recursive: true, force: true });
for (const { name, files } of groups) {
  mkdirSync(join(OUT, name), { recursive: true });
  for (const file of files) writeFileSync(join(OUT, name, basename(file)), contents.get(file));
  console.log(`size: ${name}: ${files.map((file) => basename(file)).join(', ')}`);
}
// Which source modules each group holds, and their minified bytes (for pnpm bench's breakdown).
const modules = Object.fromEntries(
  groups.map(({ name, files }) => [
    name,
    files.flatMap((file) => Object.entries(outputs[file].inputs).filter(([, input]) => input.bytesInOutput > 0).map(([input, { bytesInOutput }]) => [input, bytesInOutput])),
  ]),
);
writeFileSync(join(OUT, 'modules.json'), `${JSON.stringify(modules, null, 2)}\n`);
