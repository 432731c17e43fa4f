export type * from './outcome.js';
export type {
  CollectRelinkResult,
  RelinkOptions,
  RelinkResult,
  RelinkSession,
  StatusDetails,
  Stripe,
  StripeError,
  StripeLike,
} from './stripe-types.js';
export { interpretRelinkResult, fallbacksFor, RELINK_API_VERSION, type InterpretContext } from './interpret.js';
export { checkClientSecret, checkPublishableKey, isSecretKey } from './secrets.js';
export { redact } from './redact.js';
export { relinkError, isRelinkError } from './errors.js';
export { instanceSource, publishableKeySource, resetSharedStripe, type PublishableKeySource, type StripeSource } from './loader.js';
export { runRelinkAttempt, type RelinkAttemptOptions } from './attempt.js';
