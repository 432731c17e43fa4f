/**
 * How often each of the page's own handlers ran, under the names this page gives them
 * (`fc-relink-success` listeners, React's `onRelinkSuccess`, Vue's `@fc-relink-success`). The
 * event log hears every event on an ancestor of the element, whatever rendered it; these counts
 * come through the framework's binding, so the two side by side show a binding that drops an
 * event or delivers it twice.
 */
import { fcRelinkEventNames, type FcRelinkEventsByKey } from '@fc-relink/element';
import { h } from './dom.js';

export type RelinkEventKey = keyof FcRelinkEventsByKey;

/** In the element's own order, from its one table of event names. */
export const RELINK_EVENT_KEYS = Object.keys(fcRelinkEventNames) as readonly RelinkEventKey[];

export interface HandlerView {
  readonly element: HTMLElement;
  /** Counts one call of the handler for `key`. */
  count(key: RelinkEventKey): void;
  /** Back to zero, for a fresh element. */
  reset(): void;
}

export function createHandlerView(names: Readonly<Record<RelinkEventKey, string>>): HandlerView {
  const counts = new Map<RelinkEventKey, number>();
  const items = new Map<RelinkEventKey, { item: HTMLLIElement; value: HTMLElement }>();
  const list = h('ul', { class: 'handler-list', 'aria-labelledby': 'handlers-label' });
  for (const key of RELINK_EVENT_KEYS) {
    const value = h('span', { class: 'handler-count' }, '0');
    const item = h('li', { class: 'handler', 'data-handler': key, 'data-count': '0' }, h('code', { class: 'handler-name' }, names[key]), value);
    items.set(key, { item, value });
    list.append(item);
  }
  const show = (key: RelinkEventKey): void => {
    const n = counts.get(key) ?? 0;
    const entry = items.get(key)!;
    entry.item.dataset.count = String(n);
    entry.value.textContent = String(n);
  };
  return {
    element: h('div', { class: 'handler-view' }, h('span', { id: 'handlers-label', class: 'state-label' }, 'handlers'), list),
    count(key) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      show(key);
    },
    reset() {
      counts.clear();
      for (const key of RELINK_EVENT_KEYS) show(key);
    },
  };
}
