export { relinkSessionParams } from './params.js';
export {
  createRelinkSession,
  RELINK_API_VERSION,
  type CreateRelinkSessionOptions,
  type RelinkRequestOptions,
  type RelinkSession,
  type RelinkStripeClient,
} from './session.js';
export {
  createHostedRelinkSession,
  hostedRelinkOutcome,
  type CreateHostedRelinkSessionOptions,
  type HostedRelinkOutcomeClient,
  type HostedRelinkOutcomeOptions,
  type HostedRelinkSession,
} from './hosted.js';
export {
  createRelinkSessionForRequest,
  relinkScopeForRequest,
  type CreateRelinkSessionForRequestOptions,
  type RelinkSessionForRequestClient,
  type RelinkSessionRequest,
} from './session-for-request.js';
export {
  createReplacementSetupIntent,
  replacementSetupIntentParams,
  type CreateReplacementSetupIntentOptions,
  type ReplacementBillingDetails,
  type ReplacementSetupIntent,
  type ReplacementSetupIntentClient,
  type ReplacementSetupIntentOptions,
  type ReplacementSetupIntentParams,
} from './setup-intent.js';
export { relinkEligibility, type RelinkEligibility, type RelinkEligibilityReason } from './eligibility.js';
export {
  relinkWebhookAction,
  RELINK_THIN_EVENT_TYPES,
  RELINK_WEBHOOK_EVENT_TYPES,
  type RelinkThinEventType,
  type RelinkWebhookAction,
  type RelinkWebhookActionKind,
  type RelinkWebhookEventType,
} from './webhook.js';
export { resolveRelinkWebhookAction, type RelinkWebhookClient } from './resolve.js';
export type { RelinkError, RelinkOutcome } from '@fc-relink/core/interpret';
export {
  RelinkParamsError,
  RelinkSessionError,
  type RelinkParamsErrorCode,
  type RelinkSessionErrorCode,
} from './errors.js';
export type {
  AccountSubcategory,
  DataRelinkOptions,
  Expandable,
  HostedRelinkDelivery,
  HostedRelinkOptions,
  PaymentsRelinkOptions,
  Permission,
  RelinkAccount,
  RelinkAccountHolder,
  RelinkAccountHolderParam,
  RelinkAuthorization,
  RelinkPurpose,
  RelinkScope,
  RelinkSessionCreateParams,
  RelinkSessionObject,
  RelinkSessionOptions,
  RelinkStatusDetails,
} from './types.js';
