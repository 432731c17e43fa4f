/**
 * Shows the `state` of the `<fc-relink>` inside a container, live. It watches the reflected
 * `state` attribute, so it works whichever framework rendered the element, and keeps working
 * when the element is replaced.
 */
import type { FcRelinkState } from '@fc-relink/element';
import { h } from './dom.js';

const MEANING: Record<FcRelinkState, string> = {
  idle: 'Waiting for the customer.',
  loading: 'Getting Stripe.js and a client secret.',
  open: 'Stripe’s window is open.',
  succeeded: 'The link is repaired.',
  failed: 'Not repaired: fallbacks are offered.',
  errored: 'Something stopped the flow.',
  mandate: 'A new account: the mandate for its payment method is showing.',
  confirming: 'Stripe is confirming the new payment method.',
  completed: 'The link is repaired and the payment method replaced.',
};

const STATES = Object.keys(MEANING) as FcRelinkState[];

function readState(el: Element | null): FcRelinkState {
  const value = el?.getAttribute('state') ?? (el as { state?: unknown } | null)?.state;
  return STATES.includes(value as FcRelinkState) ? (value as FcRelinkState) : 'idle';
}

export interface StateView {
  readonly element: HTMLElement;
  /** Follows the `<fc-relink>` in `container`. Returns a function that stops watching. */
  watch(container: Element): () => void;
}

export function createStateView(): StateView {
  const pill = h('code', { class: 'state-pill', 'data-state': 'idle' }, 'idle');
  const meaning = h('span', { class: 'state-meaning' }, MEANING.idle);
  const element = h(
    'div',
    { class: 'state-view' },
    h('span', { class: 'state-label' }, 'state'),
    pill,
    meaning,
  );

  const show = (state: FcRelinkState): void => {
    if (pill.dataset.state === state && pill.textContent === state) return;
    pill.dataset.state = state;
    pill.textContent = state;
    meaning.textContent = MEANING[state];
  };

  return {
    element,
    watch(container) {
      const update = (): void => show(readState(container.querySelector('fc-relink')));
      const observer = new MutationObserver(update);
      observer.observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['state'] });
      update();
      return () => observer.disconnect();
    },
  };
}
