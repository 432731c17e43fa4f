// The React page: <FcRelink> from @fc-relink/react, rendered by React 19 inside <StrictMode>.
// The rest of the page is the shared playground; React renders the element into its preview.
import { createRef, StrictMode, version } from 'react';
import { createRoot } from 'react-dom/client';
import type { FcRelinkElement } from '@fc-relink/react';
import { h } from '../shared/dom.js';
import { mountPlayground, type RelinkSetup } from '../shared/playground.js';
import { RelinkPreview } from './RelinkPreview.js';

const root = document.querySelector<HTMLElement>('#app');
if (!root) throw new Error('The playground needs an element with id "app".');

/**
 * Whether StrictMode's checks run, as observed: a development build mounts every effect twice
 * under <StrictMode>; a production build keeps the wrapper but runs effects once.
 */
const strictMode = h('span', { class: 'badge badge-strict', 'data-strict-effects': 'pending' }, 'StrictMode');
function reportMountEffects(runs: number): void {
  const doubled = runs > 1;
  strictMode.dataset.strictEffects = doubled ? 'doubled' : 'single';
  strictMode.textContent = doubled ? 'StrictMode · effects run twice' : 'StrictMode · production build';
  strictMode.title = doubled
    ? 'React mounted the preview, unmounted it and mounted it again, as StrictMode does in development.'
    : 'StrictMode wraps the preview, but a production build of React runs its checks nowhere.';
}

mountPlayground(root, {
  page: 'react',
  flavor: [`React ${version} `, strictMode],
  about: [
    'This page renders ',
    h('code', {}, '<FcRelink>'),
    ' from ',
    h('code', {}, '@fc-relink/react'),
    ' in React’s ',
    h('code', {}, '<StrictMode>'),
    ': properties as props, events as typed ',
    h('code', {}, 'onRelink*'),
    ' props, and a ',
    h('code', {}, 'ref'),
    ' to the element.',
  ],
  handlerNames: {
    start: 'onRelinkStart',
    success: 'onRelinkSuccess',
    failure: 'onRelinkFailure',
    error: 'onRelinkError',
    fallback: 'onRelinkFallback',
    paymentMethod: 'onRelinkPaymentMethod',
  },
  startCall: 'ref.current.start()',
  mountRelink(host, setup) {
    const ref = createRef<FcRelinkElement>();
    const reactRoot = createRoot(host);
    const render = (next: RelinkSetup): void => {
      reactRoot.render(
        <StrictMode>
          <RelinkPreview setup={next} ref={ref} onMountEffect={reportMountEffects} />
        </StrictMode>,
      );
    };
    render(setup);
    return {
      update: render,
      start: () => ref.current?.start() ?? Promise.resolve(null),
      destroy: () => reactRoot.unmount(),
    };
  },
});
