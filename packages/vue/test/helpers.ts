/** Lit's development-mode warnings issued so far, less the notice that dev mode is on. */
export function litWarnings(): string[] {
  const issued = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ?? new Set<string>();
  return [...issued].filter((w) => w !== 'dev-mode' && !/dev mode/i.test(w));
}

/**
 * Collects what is written to `console.error` and `console.warn` (React reports its warnings
 * there) until `stop()`; the messages still reach the console.
 */
export function watchConsole(): { lines: string[]; stop: () => void } {
  const methods = ['error', 'warn'] as const;
  const originals = methods.map((m) => console[m]);
  const lines: string[] = [];
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
      originals[i]!.apply(console, args);
    };
  });
  return { lines, stop: () => methods.forEach((m, i) => (console[m] = originals[i]!)) };
}

/** Resolves after the current task, so anything queued by it (microtasks, Lit updates) has run. */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve));
