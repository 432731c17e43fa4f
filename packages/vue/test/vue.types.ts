// Type tests: this file compiles (`tsc -p tsconfig.test.json`) only when the public types are
// right. Each `@ts-expect-error` asserts that a wrong usage is rejected. It is never run.
// Templates are checked by vue-tsc, in ./vue-tsc.
import { createApp, h, type GlobalComponents } from 'vue';
import type { CompilerOptions } from 'vue/compiler-sfc';
import {
  FcRelinkPlugin,
  fcRelinkCompilerOptions,
  type fcRelinkPropertyNames,
  fcRelinkPropsTransform,
  isFcRelinkTag,
  withFcRelinkTags,
  type FcRelinkVueAttributes,
  type FcRelinkVueComponent,
  type FcRelinkVueEvents,
  type FcRelinkVueProps,
} from '@fc-relink/vue';
import type * as compiler from '@fc-relink/vue/compiler';
import type {
  FcRelinkErrorEvent,
  FcRelinkFailureEvent,
  FcRelinkFallbackEvent,
  FcRelinkPaymentMethodEvent,
  FcRelinkStartEvent,
  FcRelinkSuccessEvent,
} from '@fc-relink/element';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when `T` is `true`. */
const assert = <T extends true>(): T | void => undefined;

// ── Templates see <fc-relink> as a component with these props ──────────────────────────────

assert<Equal<GlobalComponents['fc-relink'], FcRelinkVueComponent>>();

// Exactly the element's settable properties, also listed for the compiler transform.
assert<Equal<keyof FcRelinkVueProps, (typeof fcRelinkPropertyNames)[number]>>();
assert<Equal<FcRelinkVueProps['clientSecret'], string | undefined>>();
assert<Equal<FcRelinkVueProps['existingAccountIds'], string[] | null | undefined>>();

// One listener per event, named as Vue compiles `@fc-relink-*`, receiving the event's class.
assert<
  Equal<keyof FcRelinkVueEvents, 'onFcRelinkStart' | 'onFcRelinkSuccess' | 'onFcRelinkFailure' | 'onFcRelinkError' | 'onFcRelinkFallback' | 'onFcRelinkPaymentMethod'>
>();
assert<Equal<Parameters<NonNullable<FcRelinkVueEvents['onFcRelinkPaymentMethod']>>, [event: FcRelinkPaymentMethodEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkVueEvents['onFcRelinkStart']>>, [event: FcRelinkStartEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkVueEvents['onFcRelinkSuccess']>>, [event: FcRelinkSuccessEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkVueEvents['onFcRelinkFailure']>>, [event: FcRelinkFailureEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkVueEvents['onFcRelinkError']>>, [event: FcRelinkErrorEvent]>>();
assert<Equal<Parameters<NonNullable<FcRelinkVueEvents['onFcRelinkFallback']>>, [event: FcRelinkFallbackEvent]>>();

// ── h('fc-relink', ...) ───────────────────────────────────────────────────────────────────

h('fc-relink', {
  clientSecret: 'fcsess_123_secret_456',
  existingAccountIds: ['fca_1'],
  class: 'relink',
  onClick: (e: MouseEvent) => e.clientX,
  onFcRelinkSuccess: (e) => e.detail.kind,
  onFcRelinkFailure: (e) => e.detail.fallbacks,
} satisfies FcRelinkVueAttributes);

h('fc-relink', {
  // @ts-expect-error clientSecret is a string
  clientSecret: 42,
} satisfies FcRelinkVueAttributes);

h('fc-relink', {
  // @ts-expect-error a success has no fallbacks
  onFcRelinkSuccess: (e) => e.detail.fallbacks,
} satisfies FcRelinkVueAttributes);

h('fc-relink', {
  // @ts-expect-error the read-only state is not a prop
  state: 'idle',
} satisfies FcRelinkVueAttributes);

// ── Compiler options and the plugin ───────────────────────────────────────────────────────

// What @vitejs/plugin-vue and vue-loader take as `template.compilerOptions`.
const options: CompilerOptions = fcRelinkCompilerOptions;
const combined: CompilerOptions = { isCustomElement: withFcRelinkTags(isFcRelinkTag), nodeTransforms: [fcRelinkPropsTransform] };
const app = createApp({});
app.config.compilerOptions.isCustomElement = isFcRelinkTag;
app.config.compilerOptions.isCustomElement = withFcRelinkTags(app.config.compilerOptions.isCustomElement);
app.use(FcRelinkPlugin);
// The Node-safe entry has the same helpers.
assert<Equal<typeof compiler.isFcRelinkTag, typeof isFcRelinkTag>>();
// @ts-expect-error the predicate takes a tag name
withFcRelinkTags((tag: number) => tag > 0);

export { options, combined };
