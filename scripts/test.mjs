#!/usr/bin/env node
// Every check of the project, in order, ending with one line `N passed, N failed` that sums
// every suite. `pnpm test` runs it; so does .ci/run (which installs the browsers first: this
// script installs nothing). The runners write JUnit XML to .reports/; this script only adds up
// the counts in it, one line per browser engine for the browser suites.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.reports');
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(title, command, args, options = {}) {
  console.log(`\n━━ ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

/** Adds a suite's counts; a runner that failed without counting a failure counts as one. */
function record(suite, ok, counts) {
  const c = counts ?? { passed: 0, failed: 0, skipped: 0 };
  if (!ok && c.failed === 0) c.failed = 1;
  totals.passed += c.passed;
  totals.failed += c.failed;
  totals.skipped += c.skipped;
  lines.push(`${suite.padEnd(32)} ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
}

function finish() {
  console.log('\n━━ summary');
  for (const line of lines) console.log(`  ${line}`);
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  process.exit(totals.failed === 0 ? 0 : 1);
}

/**
 * The test cases of a JUnit XML report, grouped by a key of the <testsuite> that opens last
 * before each (default: one group, `all`). Each <testcase> counts once: failed if it holds
 * <failure> or <error>, skipped if <skipped>, else passed. Cases outside any suite (node:test's
 * top-level tests) and in nested suites count alike.
 */
function junitCounts(file, groupBy = () => 'all') {
  if (!existsSync(file)) return null;
  const xml = readFileSync(file, 'utf8');
  const groups = new Map();
  let suite = {};
  for (const tag of xml.matchAll(/<testsuite\b([^>]*)>|<testcase\b[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    if (tag[0].startsWith('<testsuite')) {
      suite = Object.fromEntries([...tag[1].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
      continue;
    }
    const key = groupBy(suite);
    const c = groups.get(key) ?? { passed: 0, failed: 0, skipped: 0 };
    const body = tag[2] ?? '';
    if (/<(failure|error)\b/.test(body)) c.failed += 1;
    else if (/<skipped\b/.test(body)) c.skipped += 1;
    else c.passed += 1;
    groups.set(key, c);
  }
  return groups;
}

rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

if (!run('build', 'pnpm', ['build'])) {
  record('build', false);
  finish();
}
/** A check that passes or fails as a whole counts as one test. */
function check(title, command, args, options) {
  const ok = run(title, command, args, options);
  record(title, ok, { passed: ok ? 1 : 0, failed: 0, skipped: 0 });
}

check('type-check tests', 'pnpm', ['exec', 'tsc', '-p', 'tsconfig.test.json']);
check('eslint', 'pnpm', ['exec', 'eslint', '.', '--max-warnings=0']);
check('vue-tsc templates', 'pnpm', ['exec', 'vue-tsc', '-p', 'packages/vue/test/vue-tsc/tsconfig.json', '--noEmit']);
check('vue-tsc playground', 'pnpm', ['exec', 'vue-tsc', '-p', 'demo/tsconfig.vue.json', '--noEmit']);
check('svelte-check example', 'pnpm', ['--filter', '@fc-relink/example-svelte', 'test']);
check('type-check playground', 'pnpm', ['exec', 'tsc', '-p', 'demo']);
check('type-check e2e', 'pnpm', ['exec', 'tsc', '-p', 'e2e']);
check('lit-analyzer', 'pnpm', ['exec', 'lit-analyzer', 'packages/element/src', '--strict']);
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  check(`publint @fc-relink/${dir}`, 'pnpm', ['exec', 'publint', '--strict'], { cwd: join(root, 'packages', dir) });
}

// Browser suites: one web-test-runner run in Chromium, Firefox and WebKit; a line per engine.
const wtrOk = run('browser tests (Chromium, Firefox, WebKit)', 'pnpm', ['exec', 'wtr']);
const engines = junitCounts(join(reports, 'wtr.xml'), (suite) => suite.name?.split(/[_\s]/)[0] || 'browser');
if (!engines || engines.size === 0) record('browser tests', false);
else for (const [engine, counts] of [...engines].sort()) record(`browser tests (${engine})`, wtrOk, counts);

// Node suites (@fc-relink/server, the playground's server), compiled to .test-dist first.
const built = run('node tests: build', 'pnpm', ['-r', '--if-present', 'run', 'test:build']);
const nodeFiles = (dir) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.test.js')).map((f) => join(dir, f)) : [];
const files = [...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, '.test-dist')), join(root, 'demo/.test-dist')].flatMap(nodeFiles);
const nodeOk =
  built &&
  files.length > 0 &&
  run('node tests', 'node', [
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    `--test-reporter-destination=${join(reports, 'node.xml')}`,
    ...files,
  ]);
record('node tests', nodeOk, junitCounts(join(reports, 'node.xml'))?.get('all') ?? null);

const e2eOk = run('end-to-end tests (Playwright, Chromium)', 'pnpm', ['--filter', '@fc-relink/e2e', 'test']);
record('end-to-end tests (Chromium)', e2eOk, junitCounts(join(reports, 'e2e.xml'))?.get('all') ?? null);

// Size budget: the bundle as a page downloads it (scripts/size.mjs), then size-limit checks each
// part against .size-limit.json; every part is one test.
const bundled = run('size budget: bundle', 'node', ['scripts/size.mjs']);
console.log('\n━━ size budget: pnpm exec size-limit');
const limits = bundled ? spawnSync('pnpm', ['exec', 'size-limit', '--json'], { cwd: root, encoding: 'utf8' }) : null;
let parts = null;
try {
  parts = limits ? JSON.parse(limits.stdout) : null;
} catch {
  console.log(limits?.stdout, limits?.stderr);
}
if (Array.isArray(parts) && parts.length > 0) {
  for (const part of parts) console.log(`  ${part.passed ? 'ok  ' : 'OVER'} ${part.name}: ${part.size} B`);
  const over = parts.filter((part) => !part.passed).length;
  record('size budget (size-limit)', over === 0, { passed: parts.length - over, failed: over, skipped: 0 });
} else {
  record('size budget (size-limit)', false);
}

finish();
