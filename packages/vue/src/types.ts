import type { HTMLAttributes, ReservedProps } from 'vue';
import type { FcRelinkElement, FcRelinkEventMap, FcRelinkProperties } from '@fc-relink/element';

/** `fc-relink-success` → `fcRelinkSuccess`. */
type Camelize<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camelize<Tail>>}` : S;

/** Vue's listener prop for an event: `fc-relink-success` → `onFcRelinkSuccess` (what `@fc-relink-success` compiles to). */
export type FcRelinkVueListenerName<E extends string> = `on${Capitalize<Camelize<E>>}`;

/**
 * The listener props of `<fc-relink>`, one per event of `FcRelinkEventMap`, each receiving the
 * element's typed event: `@fc-relink-success="(e) => e.detail.kind"` in a template,
 * `{ onFcRelinkSuccess: (e) => ... }` with `h()`.
 */
export type FcRelinkVueEvents = {
  [E in keyof FcRelinkEventMap as FcRelinkVueListenerName<E>]?: (event: FcRelinkEventMap[E]) => void;
};

/**
 * The element's settable properties (`FcRelinkProperties`). The read-only `state` is not one;
 * read it from a template ref.
 */
export type FcRelinkVueProps = Partial<FcRelinkProperties>;

/**
 * Everything `<fc-relink>` accepts in a template or in `h('fc-relink', props)`: its properties,
 * its `onFcRelink*` listeners, and the usual HTML attributes and native listeners.
 *
 * @example
 * ```ts
 * h('fc-relink', { clientSecret, onFcRelinkSuccess: (e) => save(e.detail) } satisfies FcRelinkVueAttributes);
 * ```
 */
export type FcRelinkVueAttributes = Omit<HTMLAttributes, keyof FcRelinkVueProps | keyof FcRelinkVueEvents> &
  FcRelinkVueProps &
  FcRelinkVueEvents;

/**
 * How templates see `<fc-relink>`: a constructor of the element whose `$props` are
 * {@link FcRelinkVueAttributes}, so `vue-tsc` checks its bindings and the types of its
 * `@fc-relink-*` handlers, and a template ref is the `FcRelinkElement` itself. At run time it
 * stays the custom element (see `isFcRelinkTag`).
 */
export type FcRelinkVueComponent = new () => FcRelinkElement & { $props: FcRelinkVueAttributes & ReservedProps };

declare module 'vue' {
  interface GlobalComponents {
    /** The `<fc-relink>` custom element, typed for templates by `@fc-relink/vue`. */
    'fc-relink': FcRelinkVueComponent;
  }
}
