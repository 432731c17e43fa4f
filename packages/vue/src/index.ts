// Registers <fc-relink>, so `h('fc-relink', ...)` and templates render the element.
import '@fc-relink/element';

export * from './compiler.js';
export { FcRelinkPlugin } from './plugin.js';
export type * from './types.js';
// The element's types (FcRelinkElement, its event classes, outcomes), so templates and handlers can name them.
export type * from '@fc-relink/element';
