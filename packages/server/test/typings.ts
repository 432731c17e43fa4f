/**
 * Type tests: this file only has to compile (it is never run). Each `@ts-expect-error` fails the
 * build if the public types stop rejecting that misuse.
 */
import type Stripe from 'stripe';
import {
  createRelinkSession,
  createRelinkSessionForRequest,
  relinkEligibility,
  relinkSessionParams,
  relinkWebhookAction,
  type RelinkAccount,
  type RelinkSessionForRequestClient,
  type RelinkWebhookActionKind,
  type RelinkEligibilityReason,
  type RelinkSession,
  type RelinkStripeClient,
} from '@fc-relink/server';

export async function typeTests(stripe: Stripe, sdkAccount: Stripe.FinancialConnections.Account): Promise<void> {
  // The official SDK's client and account objects fit as they are, no casts.
  const client: RelinkStripeClient = stripe;
  const account: RelinkAccount = sdkAccount;
  const session: RelinkSession = await createRelinkSession(client, account, {
    purpose: 'payments',
    scope: 'institution',
    permissions: ['balances'],
    apiVersion: '2026-03-04.preview',
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
}
