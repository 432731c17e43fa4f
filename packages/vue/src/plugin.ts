import type { App, Plugin } from 'vue';
import { fcRelinkPropsTransform, withFcRelinkTags } from './compiler.js';

/**
 * A Vue plugin for `<fc-relink>`. Installing it (its module registers the element):
 * - keeps the element registered however your bundler shakes imports;
 * - for templates compiled in the browser (Vue's full build), adds fc-relink's compiler options to
 *   `app.config.compilerOptions`. Templates compiled at build time (single-file components) get
 *   them from the build instead: see `fcRelinkCompilerOptions`.
 *
 * @example
 * ```ts
 * import { createApp } from 'vue';
 * import { FcRelinkPlugin } from '@fc-relink/vue';
 *
 * createApp(App).use(FcRelinkPlugin).mount('#app');
 * ```
 */
export const FcRelinkPlugin: Plugin = {
  install(app: App) {
    // Development builds without the compiler turn `compilerOptions` into a getter that warns
    // it is ignored; there is nothing to do then, and no reason to trigger the warning.
    const descriptor = Object.getOwnPropertyDescriptor(app.config, 'compilerOptions');
    if (!descriptor || !('value' in descriptor)) return;
    const options = app.config.compilerOptions as typeof app.config.compilerOptions & { nodeTransforms?: unknown[] };
    options.isCustomElement = withFcRelinkTags(options.isCustomElement);
    options.nodeTransforms = [...(options.nodeTransforms ?? []), fcRelinkPropsTransform];
  },
};
