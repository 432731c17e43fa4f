// Writes the run's totals to <repo>/.reports/e2e.json as {"passed":N,"failed":N,"skipped":N},
// for the root test script to add up. A test that passed on a retry counts as passed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite } from '@playwright/test/reporter';

export interface CountReporterOptions {
  /** Absolute path of the JSON file to write. */
  outputFile: string;
}

export default class CountReporter implements Reporter {
  #root: Suite | null = null;
  readonly #file: string;

  constructor(options: CountReporterOptions) {
    this.#file = options.outputFile;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    this.#root = suite;
  }

  onEnd(result: FullResult): void {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    for (const test of this.#root?.allTests() ?? []) {
      const outcome = test.outcome();
      if (outcome === 'skipped') totals.skipped += 1;
      else if (outcome === 'expected' || outcome === 'flaky') totals.passed += 1;
      else totals.failed += 1;
    }
    // The run failed without a failing test (the web server did not start, a global error).
    if (result.status !== 'passed' && totals.failed === 0) totals.failed = 1;
    mkdirSync(dirname(this.#file), { recursive: true });
    writeFileSync(this.#file, `${JSON.stringify(totals)}\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
