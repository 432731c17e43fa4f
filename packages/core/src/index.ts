export type * from './outcome.js';
export type {
  CollectRelinkResult,
  ConfirmedSetupIntent,
  ConfirmSetupResult,
  RelinkOptions,
  RelinkResult,
  RelinkSession,
  StatusDetails,
  Stripe,
  StripeError,
  StripeLike,
} from './stripe-types.js';
export { interpretRelinkResult, fallbacksFor, type InterpretContext } from './interpret.js';
export { RELINK_API_VERSION } from './version.js';
export { checkClientSecret, checkPublishableKey, checkSetupIntentSecret, checkStripeAccount, checkStripeOptions, isSecretKey } from './secrets.js';
export {
  acceptFetchedSecret,
  chooseClientSecret,
  type ClientSecretChoice,
  type ClientSecretChoiceInput,
  type ClientSecretPurpose,
} from './client-secret.js';
export { checkHostedRelinkUrl, MAX_HOSTED_URL_LENGTH } from './hosted.js';
export { isPlainPublishableKey, loadStripeJsScript, STRIPE_JS_URL, TRUSTED_TYPES_POLICY, type StripeScriptLoad } from './stripe-script.js';
export { redact } from './redact.js';
export { describeThrown, relinkError, isRelinkError } from './errors.js';
export { instanceSource, publishableKeySource, resetSharedStripe, type PublishableKeySource, type StripeSource } from './loader.js';
export { runRelinkAttempt, type RelinkAttemptOptions } from './attempt.js';
