// The Vue page: <fc-relink> in a Vue 3 single-file component (RelinkPreview.vue), in an app set
// up with FcRelinkPlugin. The rest of the page is the shared playground; Vue renders the element
// into its preview.
import { createApp, h, shallowRef, version } from 'vue';
import { FcRelinkPlugin } from '@fc-relink/vue';
import { fcRelinkEventNames } from '@fc-relink/element';
import { h as dom } from '../shared/dom.js';
import { mountPlayground, type RelinkSetup } from '../shared/playground.js';
import RelinkPreview from './RelinkPreview.vue';

const root = document.querySelector<HTMLElement>('#app');
if (!root) throw new Error('The playground needs an element with id "app".');

mountPlayground(root, {
  page: 'vue',
  flavor: `Vue ${version}`,
  about: [
    'This page renders ',
    dom('code', {}, '<fc-relink>'),
    ' in a Vue single-file component: kebab-case bindings set its properties, ',
    dom('code', {}, '@fc-relink-*'),
    ' listeners receive its typed events, and a template ref reaches the element.',
  ],
  // Template listeners are the event names with `@`.
  handlerNames: {
    start: `@${fcRelinkEventNames.start}`,
    success: `@${fcRelinkEventNames.success}`,
    failure: `@${fcRelinkEventNames.failure}`,
    error: `@${fcRelinkEventNames.error}`,
    fallback: `@${fcRelinkEventNames.fallback}`,
    paymentMethod: `@${fcRelinkEventNames.paymentMethod}`,
  },
  startCall: 'relink.value.start()',
  mountRelink(host, initial) {
    // The page's changes reach the component as a new `setup` prop.
    const setup = shallowRef<RelinkSetup>(initial);
    const preview = shallowRef<InstanceType<typeof RelinkPreview> | null>(null);
    const app = createApp({ render: () => h(RelinkPreview, { setup: setup.value, ref: preview }) });
    app.use(FcRelinkPlugin).mount(host);
    return {
      update: (next) => {
        setup.value = next;
      },
      start: () => preview.value?.start() ?? Promise.resolve(null),
      destroy: () => app.unmount(),
    };
  },
});
