// What svelte-check knows of <fc-relink>, compared with the element's own declarations: every
// settable property and no other, the read-only `state` left out, one event attribute per event
// name, each receiving that event's class. Any difference is an error this fixture does not expect.
import type { SvelteHTMLElements } from 'svelte/elements';
import type { FcRelinkEventsByKey, FcRelinkPropertyName, fcRelinkEventNames } from '@fc-relink/element';

type Attributes = SvelteHTMLElements['fc-relink'];
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Names = typeof fcRelinkEventNames;
type Handled<K extends keyof Names> = Parameters<NonNullable<Attributes[`on${Names[K]}`]>>[0];

export const everyProperty: Equal<Extract<keyof Attributes, FcRelinkPropertyName | 'state'>, FcRelinkPropertyName> = true;
// The attributes HTML writes (`publishable-key="pk_test_..."`) are known too, as strings.
export const attributeNames: Equal<Extract<keyof Attributes, 'publishable-key' | 'client-secret' | 'stripe-account' | 'business-name'>, 'publishable-key' | 'client-secret' | 'stripe-account' | 'business-name'> = true;
export const attributesAreStrings: Equal<Attributes['publishable-key'], string | null | undefined> = true;
export const everyEvent: Equal<Extract<keyof Attributes, `onfc-relink-${string}`>, `on${Names[keyof Names]}`> = true;
export const eachEventItsClass: { [K in keyof Names]: Handled<K> extends FcRelinkEventsByKey[K] ? true : false } = {
  start: true,
  success: true,
  failure: true,
  error: true,
  fallback: true,
  paymentMethod: true,
};
