/**
 * The React page's `<fc-relink>`: `FcRelink` from @fc-relink/react. The element's properties are
 * props, its events `onRelink*` props receiving the typed event, and `ref` reaches the element.
 */
import { useEffect, useRef, type Ref } from 'react';
import { FcRelink, type FcRelinkElement } from '@fc-relink/react';
import type { RelinkSetup } from '../shared/playground.js';

export interface RelinkPreviewProps {
  setup: RelinkSetup;
  /** The element, for `ref.current.start()` (a plain prop since React 19). */
  ref: Ref<FcRelinkElement>;
  /**
   * Told how often React has run this component's mount effect: once, or twice under
   * `<StrictMode>` in a development build (mount, unmount, mount again).
   */
  onMountEffect?: (runs: number) => void;
}

export function RelinkPreview({ setup, ref, onMountEffect }: RelinkPreviewProps) {
  const mountEffects = useRef(0);
  useEffect(() => {
    mountEffects.current += 1;
    onMountEffect?.(mountEffects.current);
  }, [onMountEffect]);

  const { handlers } = setup;
  // New arrow functions on every render, on purpose: the binding keeps one listener per event
  // and swaps the handler, so neither re-renders nor StrictMode add a second call.
  return (
    <FcRelink
      ref={ref}
      publishableKey={setup.publishableKey}
      fetchClientSecret={setup.fetchClientSecret}
      fetchSetupIntentSecret={setup.fetchSetupIntentSecret}
      fetchHostedRelinkUrl={setup.fetchHostedRelinkUrl}
      stripe={setup.stripe}
      businessName={setup.businessName}
      existingAccountIds={setup.existingAccountIds}
      locale={setup.locale}
      onRelinkStart={(event) => handlers.start(event)}
      onRelinkSuccess={(event) => handlers.success(event)}
      onRelinkFailure={(event) => handlers.failure(event)}
      onRelinkError={(event) => handlers.error(event)}
      onRelinkFallback={(event) => handlers.fallback(event)}
      onRelinkPaymentMethod={(event) => handlers.paymentMethod(event)}
    />
  );
}
