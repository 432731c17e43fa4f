// `pnpm fuzz`: interpretRelinkResult on 1,000,000 generated inputs (FC_RELINK_FUZZ_RUNS to change
// it), in Node, with the generator and the checks of the browser property test
// (packages/core/test/relink-inputs.ts, 10,000 inputs there, in `pnpm test`). Prints how many
// inputs ran, how many threw or broke the contract, and how often each row of SPEC section 2's
// decision table was reached; fails unless every row was. Not part of `pnpm test`.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const runs = Number(process.env.FC_RELINK_FUZZ_RUNS ?? 1_000_000);
const out = 'node_modules/.cache/fc-relink/fuzz.mjs';
mkdirSync('node_modules/.cache/fc-relink', { recursive: true });
// @fc-relink/core from its source, so the fuzz needs no build.
await build({
  entryPoints: ['packages/core/test/relink-inputs.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  outfile: out,
  alias: { '@fc-relink/core': './packages/core/src/index.ts' },
  logLevel: 'warning',
});
const { checkInterpretation, ContractBroken, contextArb, DECISION_ROWS, resultArb } = await import(pathToFileURL(out).href);
const { default: fc } = await import('fast-check');

const seed = Number(process.env.FC_RELINK_FUZZ_SEED ?? Date.now() % 2 ** 31);
const rows = new Map(Object.keys(DECISION_ROWS).map((row) => [Number(row), 0]));
let threw = 0;
let broke = 0;
let firstProblem = null;
const started = performance.now();
// In batches, so a million inputs never sit in memory at once.
const BATCH = 10_000;
for (let done = 0, batch = 0; done < runs; done += BATCH, batch += 1) {
  const inputs = fc.sample(fc.tuple(resultArb, contextArb), { numRuns: Math.min(BATCH, runs - done), seed: seed + batch });
  for (const [result, context] of inputs) {
    try {
      const row = checkInterpretation(result, context);
      rows.set(row, rows.get(row) + 1);
    } catch (problem) {
      if (problem instanceof ContractBroken) broke += 1;
      else threw += 1;
      firstProblem ??= problem;
    }
  }
}
const seconds = (performance.now() - started) / 1000;

console.log(`fuzz: interpretRelinkResult on ${runs.toLocaleString('en')} inputs (seed ${seed}) in ${seconds.toFixed(1)} s: ${threw} throws, ${broke} outcomes breaking the contract`);
for (const [row, count] of rows) console.log(`  row ${row} (${DECISION_ROWS[row]}): ${count.toLocaleString('en')}`);
const unreached = [...rows].filter(([, count]) => count === 0).map(([row]) => row);
if (firstProblem) console.log(`first problem: ${firstProblem.message ?? firstProblem}`);
if (unreached.length) console.log(`rows never reached: ${unreached.join(', ')}`);
const ok = threw === 0 && broke === 0 && unreached.length === 0;
console.log(ok ? 'ok' : 'FAILED');
process.exitCode = ok ? 0 : 1;
