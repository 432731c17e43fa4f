/**
 * axe-core in the real pages: {@link expectNoAxeViolations} injects axe.min.js into the page (once
 * per document), runs it on a part of the page or on all of it, and fails with every violation
 * spelled out: the rule, its impact, the node (through shadow roots), its HTML and what to fix.
 * The full results of a failing run are attached to the test as JSON.
 *
 * axe runs its default rules (WCAG A and AA, and its best practices; none of its experimental
 * ones). Results it cannot decide ("incomplete", e.g. the contrast of text over a background
 * image) are not failures, unless a check asks for them to be (`decideIn`); they are attached
 * when there are any, for a person to look at.
 */
import { createRequire } from 'node:module';
import { expect, test, type Page } from '@playwright/test';
import type { AxeResults, NodeResult, Result } from 'axe-core';

/** axe-core's browser build, from e2e's own dependency. */
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** What of a run comes back from the page: the results a test looks at, as plain data. */
export interface AxeRun {
  violations: Result[];
  incomplete: Result[];
  /** The ids of the rules that passed on at least one node. */
  passed: string[];
}

/** Puts axe on the page, unless this document already has it. */
export async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  await page.addScriptTag({ path: AXE_SCRIPT });
}

/** Runs axe on the elements matching `selector` (light DOM and their open shadow roots), or on the whole page. */
export async function runAxe(page: Page, selector?: string): Promise<AxeRun> {
  await injectAxe(page);
  return page.evaluate(async (include) => {
    const { axe } = window as unknown as { axe: { run(context: unknown, options: unknown): Promise<AxeResults> } };
    if (include !== null && document.querySelectorAll(include).length === 0) throw new Error(`axe: nothing on the page matches ${include}`);
    const results = await axe.run(include === null ? document : { include: [include] }, { resultTypes: ['violations', 'incomplete'] });
    // Plain data already (axe keeps no element references without `elementRef`).
    return { violations: results.violations, incomplete: results.incomplete, passed: results.passes.map((rule) => rule.id) };
  }, selector ?? null);
}

/** A node's selector, through shadow roots: `fc-relink >>> button[part="trigger"]`. */
function target(node: NodeResult): string {
  return node.target.map((step) => (Array.isArray(step) ? step.join(' >>> ') : String(step))).join(' | ');
}

/** Every violation, one block per node, for a person to read. */
export function describeViolations(violations: readonly Result[]): string {
  return violations
    .flatMap((rule) =>
      rule.nodes.map((node) =>
        [
          `• ${rule.id} (${node.impact ?? rule.impact ?? 'no impact given'}): ${rule.help}`,
          `  node: ${target(node)}`,
          `  html: ${node.html.replace(/\s+/g, ' ').slice(0, 300)}`,
          ...(node.failureSummary ?? '').split('\n').map((line) => `  ${line.trim()}`),
          `  rule: ${rule.helpUrl}`,
        ].join('\n'),
      ),
    )
    .join('\n');
}

export interface AxeCheck {
  /** What was checked, for the failure message and the attachments: `idle · preview`. */
  label: string;
  /** A CSS selector of the part of the page to check; the whole page without one. */
  selector?: string;
  /** Rules that must have passed on some node, so the check is known to have looked at something. */
  mustPass?: readonly string[];
  /**
   * Nodes whose selector contains this (e.g. `fc-relink`) must be decided: a result axe leaves
   * "incomplete" on them fails too, so a contrast axe cannot compute is not a silent pass.
   */
  decideIn?: string;
}

/** Runs axe and fails with a readable list of violations, if there are any. */
export async function expectNoAxeViolations(page: Page, { label, selector, mustPass = [], decideIn }: AxeCheck): Promise<AxeRun> {
  const run = await runAxe(page, selector);
  const file = label.replace(/[^\w-]+/g, '-');
  if (run.violations.length > 0) {
    await test.info().attach(`axe-${file}.json`, { body: JSON.stringify(run.violations, null, 2), contentType: 'application/json' });
  }
  if (run.incomplete.length > 0) {
    await test.info().attach(`axe-${file}-needs-review.json`, { body: JSON.stringify(run.incomplete, null, 2), contentType: 'application/json' });
  }
  const count = run.violations.reduce((sum, rule) => sum + rule.nodes.length, 0);
  expect(count, `axe found ${count} accessibility violation(s) in ${label}:\n${describeViolations(run.violations)}\n`).toBe(0);
  if (decideIn !== undefined) {
    const undecided = run.incomplete
      .map((rule) => ({ ...rule, nodes: rule.nodes.filter((node) => target(node).includes(decideIn)) }))
      .filter((rule) => rule.nodes.length > 0);
    expect(undecided.length, `axe could not decide these checks in ${decideIn}, in ${label}:\n${describeViolations(undecided)}\n`).toBe(0);
  }
  for (const rule of mustPass) expect(run.passed, `axe rule ${rule} checked nothing in ${label}`).toContain(rule);
  return run;
}
