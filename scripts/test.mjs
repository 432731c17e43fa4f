#!/usr/bin/env node
// Every check of the project, in order, ending with one line `N passed, N failed` that sums
// every suite. `pnpm test` runs it; so does .ci/run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath } from './chromium.mjs';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.reports');
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(title, command, args, options = {}) {
  console.log(`\n━━ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function readCounts(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8').trim().split('\n').pop());
  } catch {
    return null;
  }
}

/** Adds a suite's counts; a runner that failed without counting a failure counts as one. */
function record(suite, ok, counts) {
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  if (!ok && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped ?? 0;
  lines.push(`${suite.padEnd(28)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
}

function finish() {
  console.log('\n━━ summary');
  for (const line of lines) console.log(`  ${line}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

function ensureChromium() {
  if (existsSync(chromiumPath)) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0) {
    return run('install Chromium', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
  }
  console.error(`No Chromium at ${chromiumPath}. Install Debian's chromium, or set CHROME_PATH.`);
  return false;
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

if (!ensureChromium()) {
  record('chromium', false);
  finish();
}
if (!run('build', 'pnpm', ['build'])) {
  record('build', false);
  finish();
}
/** A check that passes or fails as a whole counts as one test. */
function check(title, command, args, options) {
  const ok = run(title, command, args, options);
  record(title, ok, { passed: ok ? 1 : 0, failed: 0 });
}

check('type-check tests', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.test.json']);
check('eslint', 'pnpm', ['exec', 'eslint', '.', '--max-warnings=0']);
check('vue-tsc templates', 'pnpm', ['exec', 'vue-tsc', '-p', 'packages/vue/test/vue-tsc/tsconfig.json', '--noEmit']);
check('vue-tsc playground', 'pnpm', ['exec', 'vue-tsc', '-p', 'demo/tsconfig.vue.json', '--noEmit']);
check('type-check playground', 'pnpm', ['exec', 'tsc', '-p', 'demo']);
check('type-check e2e', 'pnpm', ['exec', 'tsc', '-p', 'e2e']);
check('lit-analyzer', 'pnpm', ['exec', 'lit-analyzer', 'packages/element/src', '--strict']);
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  check(`publint @fc-relink/${dir}`, 'pnpm', ['exec', 'publint', '--strict'], { cwd: join(root, 'packages', dir) });
}

const wtrOk = run('unit tests (Chromium)', 'pnpm', ['exec', 'wtr']);
record('unit tests (Chromium)', wtrOk, readCounts(join(reports, 'wtr.json')));

const server = join(root, 'packages/server');
const serverBuilt = run('server tests: build', 'pnpm', ['--filter', '@fc-relink/server', 'run', 'test:build']);
const serverFiles = serverBuilt
  ? readdirSync(join(server, '.test-dist/test')).filter((f) => f.endsWith('.test.js')).map((f) => `.test-dist/test/${f}`)
  : [];
const nodeOk =
  serverBuilt &&
  run(
    'server tests (Node)',
    'node',
    [
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts/node-test-count.mjs')}`,
      `--test-reporter-destination=${join(reports, 'node.json')}`,
      ...serverFiles,
    ],
    { cwd: server },
  );
record('server tests (Node)', nodeOk, readCounts(join(reports, 'node.json')));

const e2eOk = run('end-to-end tests (Playwright)', 'pnpm', ['--filter', '@fc-relink/e2e', 'test']);
record('end-to-end tests (Playwright)', e2eOk, readCounts(join(reports, 'e2e.json')));

check('size budget', 'node', ['scripts/size.mjs']);

finish();
