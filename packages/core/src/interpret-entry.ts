/**
 * `@fc-relink/core/interpret`: what a server reads from a relink session, with no DOM and no
 * Stripe.js: the decision table of `interpretRelinkResult`, its outcome types and the API version
 * that renders what it reads, the check of a hosted relink URL (SPEC section 13) and the redaction
 * of what Stripe says. `@fc-relink/server` builds on this entry.
 */
export type * from './outcome.js';
export { interpretRelinkResult, fallbacksFor, stripeText, type InterpretContext } from './interpret.js';
export { RELINK_API_VERSION } from './version.js';
export { checkHostedRelinkUrl, MAX_HOSTED_URL_LENGTH } from './hosted.js';
export { redact } from './redact.js';
