import type { PropertyDeclarations } from 'lit';

/**
 * The properties a page sets on `<fc-relink>`, with their attributes: the one declaration of
 * them. `FcRelinkElement.properties` is this object; the names' type, the bindings and the
 * manifest follow it.
 */
export const PROPERTIES = {
  clientSecret: { attribute: 'client-secret' },
  fetchClientSecret: { attribute: false },
  publishableKey: { attribute: 'publishable-key' },
  stripeAccount: { attribute: 'stripe-account' },
  stripeOptions: { attribute: false },
  stripe: { attribute: false },
  existingAccountIds: { attribute: false },
  preload: {},
  disabled: { type: Boolean },
  locale: {},
  strings: { attribute: false },
  fetchSetupIntentSecret: { attribute: false },
  fetchHostedRelinkUrl: { attribute: false },
  businessName: { attribute: 'business-name' },
} as const satisfies PropertyDeclarations;
