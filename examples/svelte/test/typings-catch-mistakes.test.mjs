// The typings of @fc-relink/element/svelte must catch mistakes, not merely accept the example:
// svelte-check runs on test/mistakes, whose every wrong usage is marked by an `expect-error`
// comment on the line above it. Each marked line must be reported as an error, and nothing else.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { test } from 'node:test';

const fixtures = new URL('./mistakes/', import.meta.url).pathname;
const bin = join(dirname(createRequire(import.meta.url).resolve('svelte-check/package.json')), 'bin/svelte-check');

/** `file:line` (1-based) of each line under an `expect-error: why` comment, with its why. */
const expected = new Map();
for (const file of readdirSync(fixtures).filter((f) => /\.(svelte|ts)$/.test(f))) {
  readFileSync(join(fixtures, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const why = /expect-error: (.*?)\s*(?:-->)?$/.exec(line)?.[1];
      if (why) expected.set(`${file}:${i + 2}`, why);
    });
}

const run = spawnSync(process.execPath, [bin, '--workspace', fixtures, '--tsconfig', './tsconfig.json', '--output', 'machine'], {
  encoding: 'utf8',
});
/** `file:line` → svelte-check's messages there. */
const reported = new Map();
for (const [, file, line, message] of run.stdout.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ (".*")$/gm)) {
  const at = `${file}:${line}`;
  reported.set(at, [...(reported.get(at) ?? []), JSON.parse(message)]);
}

test('svelte-check ran to the end on the fixtures', () => {
  assert.match(run.stdout, /^\d+ COMPLETED \d+ FILES \d+ ERRORS/m, run.stdout + run.stderr);
  assert.ok(expected.size >= 8, `only ${expected.size} marked mistakes found`);
});

for (const [at, why] of expected) {
  test(`reports ${why} (${at})`, () => {
    assert.ok(reported.has(at), `svelte-check accepted ${at}; it reported:\n${run.stdout}`);
  });
}

test('reports nothing on a right usage', () => {
  const unexpected = [...reported].filter(([at]) => !expected.has(at));
  assert.deepEqual(unexpected, []);
});
