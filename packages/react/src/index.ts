'use client';
// A client module: React Server Components (Next.js App Router) may render <FcRelink> from a
// Server Component, which sends it to the browser as a client component. The directive must stay
// the first statement; tsc keeps it, and test-node/directive.test.ts checks the built file.
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
// Importing the element registers <fc-relink>.
import { FcRelinkElement, fcRelinkEventNames, type FcRelinkEventsByKey, type FcRelinkProperties } from '@fc-relink/element';

/** The React prop for an event key of `fcRelinkEventNames`: `start` → `onRelinkStart`. */
export type FcRelinkEventPropName<K extends string> = `onRelink${Capitalize<K>}`;

/**
 * The `events` option given to `@lit/react`: each `onRelink*` prop and the event it listens to,
 * branded with the event's class so the prop's handler receives that class.
 */
export type FcRelinkReactEvents = {
  [K in keyof FcRelinkEventsByKey as FcRelinkEventPropName<K>]: EventName<FcRelinkEventsByKey[K]>;
};

/** The `onRelink*` props: each handler receives the element's typed event (`e.detail` is typed). */
export type FcRelinkEventProps = {
  [K in keyof FcRelinkEventsByKey as FcRelinkEventPropName<K>]?: (event: FcRelinkEventsByKey[K]) => void;
};

/**
 * The element's settable properties, as React props (`FcRelinkProperties`: `clientSecret`,
 * `fetchClientSecret`, `publishableKey`, `stripeAccount`, `stripeOptions`, `stripe`,
 * `existingAccountIds`, `preload`, `disabled`, `locale`, `strings`, `fetchSetupIntentSecret`,
 * `businessName`, `fetchHostedRelinkUrl`). They are set as properties, never as attributes, so the client secret is
 * never written to the DOM. The read-only `state` is not a prop; read it from the `ref`.
 */
export type FcRelinkElementProps = Partial<FcRelinkProperties>;

/**
 * Props of {@link FcRelink}: the element's properties, the `onRelink*` event props, and the usual
 * HTML props (`id`, `className`, `style`, `aria-*`, `children` for the trigger's label, ...).
 */
export type FcRelinkProps = Omit<React.HTMLAttributes<FcRelinkElement>, keyof FcRelinkElementProps | keyof FcRelinkEventProps> &
  FcRelinkElementProps &
  FcRelinkEventProps;

/** The type of {@link FcRelink}: a component whose `ref` is the `FcRelinkElement`. */
export type FcRelinkComponent = React.ForwardRefExoticComponent<FcRelinkProps & React.RefAttributes<FcRelinkElement>>;

const capitalize = <K extends string>(key: K): Capitalize<K> => (key.charAt(0).toUpperCase() + key.slice(1)) as Capitalize<K>;

/** `start` → `onRelinkStart`. */
const eventPropName = <K extends string>(key: K): FcRelinkEventPropName<K> => `onRelink${capitalize(key)}`;

/** The `events` option, built from the element's one table of event names. */
const events = Object.fromEntries(
  (Object.keys(fcRelinkEventNames) as (keyof typeof fcRelinkEventNames)[]).map((key) => [eventPropName(key), fcRelinkEventNames[key]]),
) as FcRelinkReactEvents;

/**
 * `<fc-relink>` for React, made with `@lit/react`.
 *
 * Every property of the element is a prop (set as a DOM property); every event is an
 * `onRelink*` prop receiving the typed event: `onRelinkStart`, `onRelinkSuccess`,
 * `onRelinkFailure`, `onRelinkError`, `onRelinkFallback`, `onRelinkPaymentMethod`. The `ref` is the `FcRelinkElement`,
 * for `ref.current.start()` and `ref.current.chooseFallback()`.
 *
 * Each event has a single listener on the element whose handler follows the latest prop, so
 * re-renders and React's StrictMode never add a second one. An attempt still running when the
 * component unmounts still ends with exactly one outcome event, delivered to the handler that was
 * current then.
 *
 * @example
 * ```tsx
 * const ref = useRef<FcRelinkElement>(null);
 * <FcRelink
 *   ref={ref}
 *   publishableKey="pk_test_..."
 *   clientSecret={secret}
 *   onRelinkSuccess={(e) => save(e.detail.accounts)}
 *   onRelinkFailure={(e) => offer(e.detail.fallbacks)}
 * />
 * ```
 */
export const FcRelink: FcRelinkComponent = createComponent({
  react: React,
  tagName: 'fc-relink' satisfies keyof HTMLElementTagNameMap,
  elementClass: FcRelinkElement,
  events,
  displayName: 'FcRelink',
});

// The element's types (FcRelinkElement for refs, its event classes, outcomes), for handlers and refs.
export type * from '@fc-relink/element';
