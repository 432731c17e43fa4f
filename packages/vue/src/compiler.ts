// Options for Vue's template compiler. This module imports nothing, so a Vite config (Node) can
// import it from `@fc-relink/vue/compiler` without loading the element.

/** The tags of fc-relink's elements. */
export const fcRelinkTagNames = ['fc-relink'] as const;

/**
 * The element's settable properties. In a template, a binding with the kebab-case form of one of
 * these names (`:existing-account-ids`) is compiled to set the property by
 * {@link fcRelinkPropsTransform}.
 */
export const fcRelinkPropertyNames = [
  'clientSecret',
  'fetchClientSecret',
  'publishableKey',
  'stripeAccount',
  'stripeOptions',
  'stripe',
  'existingAccountIds',
  'preload',
  'disabled',
  'locale',
  'strings',
  'fetchSetupIntentSecret',
  'businessName',
  'fetchHostedRelinkUrl',
] as const;

/**
 * `true` for `fc-relink`: the `isCustomElement` option of Vue's template compiler, so Vue leaves
 * `<fc-relink>` to the browser instead of resolving a Vue component of that name.
 */
export function isFcRelinkTag(tag: string): boolean {
  return (fcRelinkTagNames as readonly string[]).includes(tag);
}

/**
 * An `isCustomElement` option that accepts fc-relink's tags and whatever `other` accepts, for
 * apps that use other custom elements too.
 *
 * @example
 * ```ts
 * isCustomElement: withFcRelinkTags((tag) => tag.startsWith('ion-'))
 * ```
 */
export function withFcRelinkTags(other?: ((tag: string) => boolean | undefined) | null): (tag: string) => boolean {
  return (tag) => isFcRelinkTag(tag) || Boolean(other?.(tag));
}

/** The part of a node of Vue's template AST (`@vue/compiler-core`) that {@link fcRelinkPropsTransform} reads. */
export interface FcRelinkTemplateNode {
  type: number;
  tag?: string;
  props?: Array<{
    type: number;
    name: string;
    arg?: { type: number; content?: string; isStatic?: boolean } | undefined;
    modifiers?: Array<string | { content: string }>;
  }>;
}

const ELEMENT = 1;
const DIRECTIVE = 7;
const SIMPLE_EXPRESSION = 4;
const camelize = (name: string): string => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

/**
 * A node transform for Vue's template compiler: on `<fc-relink>`, a binding written in kebab-case
 * (`:existing-account-ids="ids"`, `:fetch-client-secret="fetchSecret"`) sets the element's
 * property (`existingAccountIds`) as `:existingAccountIds` would.
 *
 * Without it Vue sets a kebab-case binding as an attribute, which the element ignores for its
 * object and function properties, and which would write the client secret into the DOM. A
 * binding with the `.attr` modifier is left alone.
 */
export function fcRelinkPropsTransform(node: FcRelinkTemplateNode): void {
  if (node.type !== ELEMENT || !node.tag || !isFcRelinkTag(node.tag)) return;
  for (const prop of node.props ?? []) {
    const arg = prop.arg;
    if (prop.type !== DIRECTIVE || prop.name !== 'bind' || arg?.type !== SIMPLE_EXPRESSION || !arg.isStatic || !arg.content) continue;
    if (prop.modifiers?.some((m) => (typeof m === 'string' ? m : m.content) === 'attr')) continue;
    const name = camelize(arg.content);
    if (name !== arg.content && (fcRelinkPropertyNames as readonly string[]).includes(name)) arg.content = name;
  }
}

/**
 * The options fc-relink needs from Vue's template compiler: `<fc-relink>` is a custom element, and
 * kebab-case bindings on it set its properties. Give them to `@vitejs/plugin-vue` (or
 * vue-loader); to combine with options of your own, use {@link withFcRelinkTags} and
 * {@link fcRelinkPropsTransform}.
 *
 * @example
 * ```ts
 * // vite.config.ts
 * import vue from '@vitejs/plugin-vue';
 * import { fcRelinkCompilerOptions } from '@fc-relink/vue/compiler';
 *
 * export default { plugins: [vue({ template: { compilerOptions: fcRelinkCompilerOptions } })] };
 * ```
 */
export const fcRelinkCompilerOptions: {
  isCustomElement: (tag: string) => boolean;
  nodeTransforms: Array<(node: FcRelinkTemplateNode) => void>;
} = {
  isCustomElement: isFcRelinkTag,
  nodeTransforms: [fcRelinkPropsTransform],
};
