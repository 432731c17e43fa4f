// Starts the stand-in for api.stripe.com (test-support/stripe-api.ts) that the real-Stripe
// playground (STRIPE_PLAYGROUND_PORT) sends its API requests to, for the whole run; and prints
// the fault matrix (tests/library/faults.spec.ts) as a table when the run ends.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { startStripeStandIn } from '../test-support/stripe-api.js';
import { FAULT_MATRIX_DIR, STAND_IN_PORT } from './servers.js';

interface FaultRow {
  group: string;
  name: string;
  starts: number;
  settlements: number;
  calls: number;
  unhandled: number;
  pageErrors: number;
  leaks: number;
  outcome: string;
}

/** The rows the fault matrix wrote in this run, as a table; nothing when it did not run. */
function printFaultMatrix(): void {
  let files: string[];
  try {
    files = readdirSync(FAULT_MATRIX_DIR).filter((file) => file.endsWith('.json'));
  } catch {
    return;
  }
  if (files.length === 0) return;
  const rows = files.map((file) => JSON.parse(readFileSync(`${FAULT_MATRIX_DIR}${file}`, 'utf8')) as FaultRow);
  rows.sort((a, b) => `${a.group} ${a.name}`.localeCompare(`${b.group} ${b.name}`));
  const header = ['fault', 'attempts', 'settled', 'Stripe calls', 'unhandled', 'page errors', 'secrets seen', 'holds', 'outcomes'];
  const lines = rows.map((r) => {
    const holds = r.starts > 0 && r.settlements === r.starts && r.calls <= r.starts && r.unhandled + r.pageErrors + r.leaks === 0;
    return [`${r.group}: ${r.name}`, r.starts, r.settlements, r.calls, r.unhandled, r.pageErrors, r.leaks, holds ? 'yes' : 'NO', r.outcome].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const format = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(`\nFault matrix (${rows.length} rows):\n${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const line of lines) console.log(format(line));
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  rmSync(FAULT_MATRIX_DIR, { recursive: true, force: true });
  const standIn = await startStripeStandIn({ port: STAND_IN_PORT });
  return async () => {
    await standIn.close();
    printFaultMatrix();
  };
}
