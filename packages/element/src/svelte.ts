/**
 * `<fc-relink>` for Svelte 5's templates: what `svelte-check` knows of the element once an app
 * references this entry (`/// <reference types="@fc-relink/element/svelte" />` in a `.d.ts` of
 * the app). Types only: it adds nothing at run time, and only a Svelte app needs `svelte`.
 *
 * Svelte 5 sets a property on a custom element that has one (the element must be defined before
 * Svelte renders it: import `@fc-relink/element` first), so the element's properties are typed
 * by their own names and types. `onfc-relink-success={...}` adds a listener for
 * `fc-relink-success`: each event attribute receives the element's typed event.
 *
 * @module
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { FcRelinkEventMap } from './events.js';
import type { FcRelinkElement, FcRelinkProperties } from './fc-relink.js';
import type { PROPERTIES } from './properties.js';

/** Svelte 5's event attribute for an event: `fc-relink-success` → `onfc-relink-success`. */
export type FcRelinkSvelteEventAttribute<E extends string> = `on${E}`;

/** A listener of `<fc-relink>`'s event `E`: its typed event, its `currentTarget` the element (as `svelte/elements` types `onclick`). */
export type FcRelinkSvelteEventHandler<E extends keyof FcRelinkEventMap> =
  | ((event: FcRelinkEventMap[E] & { currentTarget: EventTarget & FcRelinkElement }) => unknown)
  | null
  | undefined;

/**
 * The event attributes of `<fc-relink>`, one per event of `FcRelinkEventMap`, each receiving the
 * element's typed event; and the `on:fc-relink-*` directives of components in legacy mode.
 */
export type FcRelinkSvelteEvents = {
  [E in keyof FcRelinkEventMap as FcRelinkSvelteEventAttribute<E> | `on:${E}`]?: FcRelinkSvelteEventHandler<E>;
};

/** The element's settable properties (`FcRelinkProperties`); the read-only `state` is not one. */
export type FcRelinkSvelteProps = Partial<FcRelinkProperties>;

type Declared = typeof PROPERTIES;

/**
 * The element's attributes whose names are not its properties' (`publishable-key`,
 * `client-secret`, ...), as markup copied from HTML writes them: strings, as attributes are.
 */
export type FcRelinkSvelteAttributeNames = {
  [K in keyof Declared as Declared[K] extends { attribute: infer A extends string } ? A : never]?: string | null;
};

/**
 * Everything `<fc-relink>` takes in a Svelte template: its properties, its attributes
 * (`publishable-key`), its `onfc-relink-*` event attributes, and the usual HTML attributes and
 * native event attributes.
 */
export type FcRelinkSvelteAttributes = Omit<HTMLAttributes<FcRelinkElement>, keyof FcRelinkSvelteProps | keyof FcRelinkSvelteEvents> &
  FcRelinkSvelteProps &
  FcRelinkSvelteAttributeNames &
  FcRelinkSvelteEvents;

declare module 'svelte/elements' {
  interface SvelteHTMLElements {
    /** The `<fc-relink>` custom element, typed for templates by `@fc-relink/element/svelte`. */
    'fc-relink': FcRelinkSvelteAttributes;
  }
}
