// Helpers shared by the browser suites of every package (web-test-runner in Chromium).
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

export interface Network {
  mode: 'offline' | 'fake';
  /** Every request to js.stripe.com, by URL. */
  stripeRequests: string[];
  /** Every request the page made, by URL. */
  requests: string[];
}

/**
 * Switches how js.stripe.com answers (see stripe-network/plugin.mjs) and reports requests; `fail`
 * names the page's own paths, by their ending, that fail as a network error would.
 */
export const network = (payload: { mode?: Network['mode']; reset?: boolean; fail?: string[] } = {}) =>
  executeServerCommand<Network, typeof payload>('stripe-network', payload);

/** Lit's development-mode warnings issued so far, less the notice that dev mode is on. */
export function litWarnings(): string[] {
  const issued = (globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ?? new Set<string>();
  return [...issued].filter((w) => w !== 'dev-mode' && !/dev mode/i.test(w));
}

/** Records everything written to the console while `run` runs. */
export async function recordConsole<T>(run: () => Promise<T>): Promise<{ value: T; lines: string[] }> {
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((m) => console[m]);
  const lines: string[] = [];
  methods.forEach((m, i) => {
    console[m] = (...args: unknown[]) => {
      lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
      originals[i]!.apply(console, args);
    };
  });
  try {
    return { value: await run(), lines };
  } finally {
    methods.forEach((m, i) => (console[m] = originals[i]!));
  }
}

/**
 * Collects what is written to `console.error` and `console.warn` (React and Vue report their
 * warnings there) until `stop()`; the messages still reach the console.
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

/** A promise the test settles by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** WebDriver's key codes (W3C WebDriver, "Keyboard actions") for Shift and Tab. */
const WEBDRIVER_SHIFT_TAB = '\uE008\uE004';

/**
 * Presses Shift+Tab in every launcher. Playwright and puppeteer hold Shift with `down`/`up`;
 * web-test-runner's WebDriver launcher (WebKit here) refuses `down` and sends only `press`, but
 * hands the pressed string to WebDriver as a key sequence it holds down together, so the two
 * WebDriver key codes in one `press` are Shift+Tab there.
 */
export async function pressShiftTab(): Promise<void> {
  try {
    await sendKeys({ down: 'Shift' });
  } catch {
    await sendKeys({ press: WEBDRIVER_SHIFT_TAB });
    return;
  }
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
