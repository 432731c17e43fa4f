/**
 * Type tests: this file only has to compile (it is never run). Each `@ts-expect-error` fails the
 * build if the public types stop rejecting that misuse.
 */
import type Stripe from 'stripe';
import StripePreview from 'stripe-preview';
import {
  createHostedRelinkSession,
  createRelinkSession,
  hostedRelinkOutcome,
  createRelinkSessionForRequest,
  RELINK_API_VERSION,
  RELINK_WEBHOOK_EVENT_TYPES,
  relinkEligibility,
  relinkSessionParams,
  relinkWebhookAction,
  replacementSetupIntentParams,
  resolveRelinkWebhookAction,
  type HostedRelinkDelivery,
  type HostedRelinkOutcomeClient,
  type HostedRelinkSession,
  type RelinkAccount,
  type RelinkAuthorization,
  type RelinkOutcome,
  type RelinkSessionCreateParams,
  type RelinkSessionForRequestClient,
  type RelinkSessionObject,
  type RelinkThinEventType,
  type RelinkWebhookAction,
  type RelinkWebhookActionKind,
  type RelinkWebhookClient,
  type RelinkWebhookEventType,
  type RelinkEligibilityReason,
  type RelinkSession,
  type RelinkStripeClient,
  type ReplacementSetupIntentParams,
} from '@fc-relink/server';

export async function typeTests(stripe: Stripe, sdkAccount: Stripe.FinancialConnections.Account): Promise<void> {
  // The official SDK's client and account objects fit as they are, no casts.
  const client: RelinkStripeClient = stripe;
  const account: RelinkAccount = sdkAccount;
  const session: RelinkSession = await createRelinkSession(client, account, {
    purpose: 'payments',
    scope: 'institution',
    permissions: ['balances'],
    apiVersion: '2026-09-30.preview',
  });
  // Only the ID and the secret come back.
  // @ts-expect-error no other field
  void session.relink_options;

  // The SDK's client fits the one-call endpoint helper too; its event type fits the webhook reader.
  const forRequest: RelinkSessionForRequestClient = stripe;
  await createRelinkSessionForRequest(forRequest, 'fca_1', { purpose: 'authorization_retry' }, { purpose: 'payments' });
  await createRelinkSessionForRequest(stripe, 'fca_1', {}, { purpose: 'data', permissions: ['transactions'] });
  // @ts-expect-error data needs permissions
  await createRelinkSessionForRequest(stripe, 'fca_1', {}, { purpose: 'data' });
  // @ts-expect-error the request decides the scope
  await createRelinkSessionForRequest(stripe, 'fca_1', {}, { purpose: 'payments', scope: 'account' });
  // @ts-expect-error not a purpose the element sends
  await createRelinkSessionForRequest(stripe, 'fca_1', { purpose: 'again' }, { purpose: 'payments' });
  const event = stripe.webhooks.constructEvent('{}', 't=1,v1=x', 'whsec_x');
  const kind: RelinkWebhookActionKind = relinkWebhookAction(event).action;
  void kind;
  const date: number | null = relinkEligibility(sdkAccount).expectedDeactivationDate;
  void date;

  const reason: RelinkEligibilityReason = relinkEligibility(sdkAccount).reason;
  void reason;
  relinkEligibility(undefined);

  const params = relinkSessionParams(sdkAccount, { purpose: 'data', scope: 'account', permissions: ['transactions'], accountSubcategories: ['checking'] });
  const authorization: string = params.relink_options.authorization;
  void authorization;

  // @ts-expect-error accountSubcategories is for purpose 'data' only
  relinkSessionParams(sdkAccount, { purpose: 'payments', scope: 'account', permissions: [], accountSubcategories: ['checking'] });
  // @ts-expect-error unknown permission
  relinkSessionParams(sdkAccount, { purpose: 'data', scope: 'account', permissions: ['balance'] });
  // @ts-expect-error unknown scope
  relinkSessionParams(sdkAccount, { purpose: 'data', scope: 'authorization', permissions: ['balances'] });
  // @ts-expect-error unknown purpose
  relinkSessionParams(sdkAccount, { purpose: 'payouts', scope: 'account', permissions: [] });
  // Payments default to ['payment_method']; data must say which data it reads.
  relinkSessionParams(sdkAccount, { purpose: 'payments', scope: 'account' });
  // @ts-expect-error permissions are required for data
  relinkSessionParams(sdkAccount, { purpose: 'data', scope: 'account' });
  // @ts-expect-error unknown subcategory
  relinkSessionParams(sdkAccount, { purpose: 'data', scope: 'account', permissions: ['balances'], accountSubcategories: ['brokerage'] });
  // @ts-expect-error an account needs an id
  relinkSessionParams({ authorization: 'fcauth_1' }, { purpose: 'data', scope: 'account', permissions: ['balances'] });

  // Hosted relink (SPEC section 13): the GA SDK's client and account fit, no casts.
  const hosted: HostedRelinkSession = await createHostedRelinkSession(stripe, sdkAccount, {
    purpose: 'payments',
    scope: 'account',
    hosted: { delivery: 'email' },
    returnUrl: 'https://example.com/relink-return',
    idempotencyKey: 'fc-relink-email-evt_1',
  });
  const page: string | null = hosted.url;
  void page;
  // @ts-expect-error only the id and the page come back: no client secret
  void hosted.clientSecret;
  // @ts-expect-error a hosted session needs a returnUrl
  await createHostedRelinkSession(stripe, sdkAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'url' } });
  // @ts-expect-error and a hosted delivery
  await createHostedRelinkSession(stripe, sdkAccount, { purpose: 'payments', scope: 'account', returnUrl: 'https://example.com/relink-return' });
  // @ts-expect-error 'url' or 'email' only
  relinkSessionParams(sdkAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'sms' }, returnUrl: 'https://example.com/r' });
  // @ts-expect-error a session for the element's Stripe.js is not hosted
  await createRelinkSession(stripe, sdkAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'url' }, returnUrl: 'https://example.com/r' });
  // @ts-expect-error nor is the one-call endpoint helper's
  await createRelinkSessionForRequest(stripe, 'fca_1', {}, { purpose: 'payments', hosted: { delivery: 'url' }, returnUrl: 'https://example.com/r' });
  const outcomeClient: HostedRelinkOutcomeClient = stripe;
  const returned: RelinkOutcome = await hostedRelinkOutcome(outcomeClient, 'fcsess_1', { stripeAccount: 'acct_1', existingAccountIds: ['fca_1'] });
  void returned;
}

// ── Stripe's own preview SDK is the judge (SPEC section 12) ────────────────────────────────────
// `stripe-preview` is stripe@22.7.0-beta.1, which pins RELINK_API_VERSION and types every preview
// field. Each check below fails the build when a parameter we send or a field we read is not
// Stripe's (rename one in src/types.ts and see), or when our type stops accepting Stripe's.

/** The fields of `T`, whichever member of a union has them (`string | Customer` has `id`). */
type KeysOf<T> = T extends object ? keyof T : never;
type FieldOf<T, K> = T extends object ? (K extends keyof T ? T[K] : never) : never;
type Prefixed<K extends string, S> = [S] extends [never] ? never : `${K}.${S & string}`;
/**
 * The paths of every field of `Ours` (deeply, through arrays and unions) that `Theirs` does not
 * have: `never` when all of ours are Stripe's.
 */
type StrayFields<Ours, Theirs> = Ours extends readonly (infer E)[]
  ? StrayFields<E, Theirs extends readonly (infer F)[] ? F : never>
  : Ours extends string | number | boolean | null | undefined
    ? never
    : Ours extends object
      ? { [K in keyof Ours & string]-?: K extends KeysOf<NonNullable<Theirs>> ? Prefixed<K, StrayFields<Ours[K], FieldOf<NonNullable<Theirs>, K>>> : K }[keyof Ours & string]
      : never;
/** Compiles only for `never`; otherwise the error names the stray path. */
type NoStrayFields<T extends never> = T;
/** The named members of one of the SDK's open unions (`'a' | 'b' | (string & {})`): `'a' | 'b'`. */
type Named<T> = T extends string ? (string extends T ? never : T) : never;

// Parameters we send: every one is a parameter of Stripe's create calls.
export type SessionParamsAreStripes = NoStrayFields<StrayFields<RelinkSessionCreateParams, StripePreview.FinancialConnections.SessionCreateParams>>;
export type SetupIntentParamsAreStripes = NoStrayFields<StrayFields<ReplacementSetupIntentParams, StripePreview.SetupIntentCreateParams>>;
// Objects we read: every field is one of Stripe's objects'.
export type AccountFieldsAreStripes = NoStrayFields<StrayFields<RelinkAccount, StripePreview.FinancialConnections.Account>>;
export type AuthorizationFieldsAreStripes = NoStrayFields<StrayFields<RelinkAuthorization, StripePreview.FinancialConnections.Authorization>>;
export type SessionFieldsAreStripes = NoStrayFields<StrayFields<RelinkSessionObject, StripePreview.FinancialConnections.Session>>;
// The hosted deliveries are exactly Stripe's, both ways.
type StripesDeliveries = Named<StripePreview.FinancialConnections.SessionCreateParams.Hosted.DeliveryMethod>;
export type HostedDeliveriesAreStripes = NoStrayFields<Exclude<HostedRelinkDelivery, StripesDeliveries> | Exclude<StripesDeliveries, HostedRelinkDelivery>>;
// Events we handle: every snapshot type is one of the preview SDK's, every thin one the GA SDK's.
export type EventTypesAreStripes = NoStrayFields<Exclude<RelinkWebhookEventType, StripePreview.Event.Type>>;
export type ThinEventTypesAreStripes = NoStrayFields<Exclude<RelinkThinEventType, Stripe.V2.Core.EventNotification['type']>>;

export function previewTypeTests(
  preview: StripePreview,
  account: StripePreview.FinancialConnections.Account,
  authorization: StripePreview.FinancialConnections.Authorization,
  session: StripePreview.FinancialConnections.Session,
): void {
  // The version: the one the beta SDK pins, literally.
  const pinned: typeof StripePreview.API_VERSION = RELINK_API_VERSION;
  const ours: typeof RELINK_API_VERSION = StripePreview.API_VERSION;
  void [pinned, ours];

  // Stripe's objects are what the helpers take, no casts.
  const read: RelinkAccount = account;
  const readAuthorization: RelinkAuthorization = authorization;
  const readSession: RelinkSessionObject = session;
  relinkEligibility(authorization);
  void [read, readAuthorization, readSession];

  // What the helpers build is what Stripe's create calls take, value for value. The guide's
  // `account_holder: null` (an account collected before an Intent) is the one thing the SDK's
  // type has no spelling for: its form encoding sends it as an empty value, which Stripe reads as null.
  const params = relinkSessionParams(account, { purpose: 'payments', scope: 'institution', returnUrl: 'myapp://relinked' });
  const sessionParams: StripePreview.FinancialConnections.SessionCreateParams = { ...params, account_holder: params.account_holder ?? undefined };
  void preview.financialConnections.sessions.create(sessionParams, { apiVersion: RELINK_API_VERSION });
  // A hosted session's parameters, each delivery: `ui_mode`, `hosted.delivery_method`, `return_url`.
  for (const delivery of ['url', 'email'] as const) {
    const hostedParams = relinkSessionParams(account, { purpose: 'data', scope: 'account', permissions: ['balances'], hosted: { delivery }, returnUrl: 'https://example.com/relink-return' });
    const asStripes: StripePreview.FinancialConnections.SessionCreateParams = { ...hostedParams, account_holder: hostedParams.account_holder ?? undefined };
    const uiMode: StripePreview.FinancialConnections.SessionCreateParams.UiMode | undefined = hostedParams.ui_mode;
    void [asStripes, uiMode];
  }
  // What createHostedRelinkSession reads of Stripe's session is the preview SDK's own: its page and
  // how it is hosted.
  const url: RelinkSessionObject['url'] = session.url;
  const uiModeRead: RelinkSessionObject['ui_mode'] = session.ui_mode;
  const hostedRead: RelinkSessionObject['hosted'] = session.hosted;
  void [url, uiModeRead, hostedRead];
  const setupParams: StripePreview.SetupIntentCreateParams = replacementSetupIntentParams(account, { billingDetails: { name: 'Jenny Rosen' } });
  void preview.setupIntents.create(setupParams);

  // The beta SDK's client fits every helper, as the GA one does.
  const client: RelinkStripeClient = preview;
  const forRequest: RelinkSessionForRequestClient = preview;
  const forWebhooks: RelinkWebhookClient = preview;
  const forReturnPage: HostedRelinkOutcomeClient = preview;
  void [client, forRequest, forWebhooks, forReturnPage];
}

export async function webhookTypeTests(stripe: Stripe, notification: Stripe.V2.Core.EventNotification): Promise<void> {
  // The GA SDK's client and its thin notifications fit the resolver as they are.
  const action: RelinkWebhookAction = await resolveRelinkWebhookAction(stripe, notification);
  const outcome: RelinkOutcome | null = action.outcome;
  void outcome;
  // @ts-expect-error the action kinds are a closed set
  const wrong: RelinkWebhookAction['action'] = 'relink_later';
  void wrong;
  const subscribed: readonly Stripe.Event.Type[] = RELINK_WEBHOOK_EVENT_TYPES.filter((type) => type !== 'financial_connections.session.updated');
  void subscribed;
}
