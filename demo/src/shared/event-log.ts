/**
 * The live event log: every `fc-relink-*` event with its `detail`, newest first, exactly as the
 * element dispatched it (nothing is redacted here, so a leak would show). It listens on any
 * ancestor of the element (the events bubble and are composed), so it survives the element
 * being replaced and works the same under React or Vue.
 */
import { fcRelinkEventNames, type FcRelinkEventMap } from '@fc-relink/element';
import type { SecretRequestReport, SetupIntentRequestReport } from './secrets.js';
import { h, icon, ICONS } from './dom.js';
import { jsonView } from './json-view.js';

export type RelinkEventName = keyof FcRelinkEventMap;

/** Every event `<fc-relink>` dispatches, in the order they can happen (the element's own table). */
export const RELINK_EVENTS: readonly RelinkEventName[] = Object.values(fcRelinkEventNames);

/** A one-line reading of an event's detail, for scanning the log. */
export function summarize(name: RelinkEventName, detail: unknown): string {
  const d = (detail ?? {}) as Record<string, unknown>;
  const list = (value: unknown): string => (Array.isArray(value) ? value.join(', ') : '');
  switch (name) {
    case 'fc-relink-start':
      return `attempt ${String(d.attempt)} · ${String(d.purpose)}`;
    case 'fc-relink-success': {
      const target = d.account ?? d.authorization;
      const fresh = Array.isArray(d.newAccountIds) && d.newAccountIds.length ? ` · new: ${list(d.newAccountIds)}` : '';
      return `${String(d.kind)}${target ? ` · ${String(target)}` : ''}${fresh}`;
    }
    case 'fc-relink-failure':
      return `${String(d.reason)} → ${list(d.fallbacks)}`;
    case 'fc-relink-error':
      return `${String(d.code)}${d.retryable ? ' · retryable' : ''}`;
    case 'fc-relink-fallback': {
      const failure = (d.failure ?? {}) as Record<string, unknown>;
      return `${String(d.fallback)} after ${String(failure.reason)}`;
    }
    case 'fc-relink-payment-method':
      return `${String(d.status)} · ${String(d.paymentMethodId)} from ${String(d.accountId)}`;
  }
}

const TONE: Record<RelinkEventName, string> = {
  'fc-relink-start': 'info',
  'fc-relink-success': 'success',
  'fc-relink-failure': 'warning',
  'fc-relink-error': 'danger',
  'fc-relink-fallback': 'accent',
  'fc-relink-payment-method': 'success',
};

function clock(date: Date): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

export interface EventLog {
  /** The log's card, to place in the page. */
  readonly element: HTMLElement;
  /** Logs every `fc-relink-*` event reaching `target`. Returns a function that stops listening. */
  listen(target: EventTarget): () => void;
  /** Logs one element event. */
  record(name: RelinkEventName, detail: unknown): void;
  /** Logs a settled `fetchClientSecret` call: what was asked and what the demo server said (never the secret). */
  request(report: SecretRequestReport): void;
  /** Logs a settled `fetchSetupIntentSecret` call, the same way. */
  setupRequest(report: SetupIntentRequestReport): void;
  /** A divider, e.g. when the scenario changes. */
  mark(label: string): void;
  clear(): void;
}

/** Caps the log so a long session stays fast. */
const MAX_ENTRIES = 200;

export function createEventLog(): EventLog {
  const list = h('ol', { class: 'log-list', 'aria-label': 'Events, newest first' });
  const empty = h(
    'p',
    { class: 'log-empty' },
    'No events yet. Press the button in the preview and finish the bank login: every event the element fires shows up here.',
  );
  const count = h('span', { class: 'count' }, '0');
  const clear = h(
    'button',
    { type: 'button', class: 'button button-quiet', 'data-action': 'clear-log', onclick: () => api.clear() },
    icon(ICONS.trash),
    'Clear',
  );
  const element = h(
    'section',
    { class: 'card log-card', 'aria-labelledby': 'log-title' },
    h(
      'header',
      { class: 'card-header' },
      h('div', {}, h('h2', { id: 'log-title', class: 'card-title' }, 'Event log ', count), h('p', { class: 'card-lede' }, 'Each event’s detail, as the element dispatched it.')),
      clear,
    ),
    h('div', { class: 'log-body' }, empty, list),
  );

  let events = 0;

  const add = (entry: HTMLLIElement): void => {
    list.prepend(entry);
    while (list.childElementCount > MAX_ENTRIES) list.lastElementChild?.remove();
    empty.hidden = true;
  };

  // Each entry is a disclosure: the summary line, then the detail as JSON.
  const entry = (kind: string, name: string, tone: string, summary: string, detail: unknown): HTMLLIElement => {
    const now = new Date();
    // A long detail scrolls (.log-json has a max-height): focusable, so a keyboard can scroll it too.
    const json = jsonView(detail, 'json log-json');
    json.tabIndex = 0;
    return h(
      'li',
      { class: `log-entry tone-${tone}`, 'data-kind': kind, 'data-event': kind === 'event' ? name : null },
      h(
        'details',
        // The page's own fetchClientSecret calls start folded: the element's events come first.
        { open: kind === 'event' },
        h(
          'summary',
          { class: 'log-head' },
          h('code', { class: 'log-name' }, name),
          h('span', { class: 'log-summary' }, summary),
          h('time', { class: 'log-time', datetime: now.toISOString() }, clock(now)),
        ),
        json,
      ),
    );
  };

  const api: EventLog = {
    element,
    listen(target) {
      const handler = (event: Event): void => api.record(event.type as RelinkEventName, (event as CustomEvent<unknown>).detail);
      for (const name of RELINK_EVENTS) target.addEventListener(name, handler);
      return () => {
        for (const name of RELINK_EVENTS) target.removeEventListener(name, handler);
      };
    },
    record(name, detail) {
      events += 1;
      count.textContent = String(events);
      add(entry('event', name, TONE[name], summarize(name, detail), detail));
    },
    request(report) {
      const summary = report.error
        ? `${report.purpose} → ${report.error.status ?? 'no answer'} ${report.error.code}`
        : `${report.purpose} → ${report.plays ? `plays ${report.plays}` : 'session created'}`;
      add(entry('request', 'fetchClientSecret()', report.error ? 'danger' : 'muted', summary, report));
    },
    setupRequest(report) {
      const summary = report.error
        ? `${report.account} #${report.attempt} → ${report.error.status ?? 'no answer'} ${report.error.code}`
        : `${report.account} #${report.attempt} → ${report.plays ? `plays ${report.plays}` : 'SetupIntent created'}`;
      add(entry('setup-request', 'fetchSetupIntentSecret()', report.error ? 'danger' : 'muted', summary, report));
    },
    mark(label) {
      add(h('li', { class: 'log-mark', 'data-kind': 'mark' }, h('span', {}, label)));
    },
    clear() {
      list.replaceChildren();
      events = 0;
      count.textContent = '0';
      empty.hidden = false;
    },
  };
  return api;
}
