// A Server Component (no 'use client'), as App Router pages are by default. It renders <FcRelink>
// directly: @fc-relink/react's entry is a client module, so Next.js sends the element to the
// browser, where it gets its properties and runs. On the server it renders as an empty
// <fc-relink> holding the label, which the browser hydrates without a mismatch.
import { FcRelink } from '@fc-relink/react';
import { fetchClientSecret } from './fetch-client-secret';

// Your Stripe publishable key (pk_live_... or pk_test_...). This placeholder works only with the
// fake Stripe.js that the example's end-to-end test serves for js.stripe.com.
const PUBLISHABLE_KEY = 'pk_test_fcrelink_example';

export default function Page() {
  return (
    <main>
      <h1>Your bank connection needs attention</h1>
      <p>Your bank asked you to sign in again. Reconnect it to keep payments from your account working.</p>
      {/* Only serializable props, and functions exported from a 'use client' module. */}
      <FcRelink publishableKey={PUBLISHABLE_KEY} fetchClientSecret={fetchClientSecret}>
        Reconnect your bank
      </FcRelink>
    </main>
  );
}
