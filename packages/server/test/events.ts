// Events as a host's endpoint receives them, signed by the official SDK and read back by it.
import Stripe from 'stripe';
import { RELINK_API_VERSION } from '@fc-relink/server';

export const stripe = new Stripe('sk_test_webhookTests', { telemetry: false });
export const SECRET = 'whsec_fcRelinkWebhookTests';
/** The version a webhook endpoint renders at: a GA one, the SDK's own. */
export const GA = Stripe.API_VERSION;

/**
 * An event as Stripe sends it, signed and verified by the SDK: what `constructEvent` gives a host.
 * Rendered at `apiVersion`: the preview fields (`status_details.inactive`, `relink_options`) exist
 * only at a preview version.
 */
export function verified(type: string, object: Record<string, unknown>, apiVersion: string = RELINK_API_VERSION, extra: Record<string, unknown> = {}): Stripe.Event {
  const payload = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    api_version: apiVersion,
    created: 1_799_000_000,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    ...extra,
  });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return stripe.webhooks.constructEvent(payload, header, SECRET);
}

/**
 * A thin event notification as an event destination receives it, signed and parsed by the GA
 * SDK's `parseEventNotification`: only `related_object`, no object.
 */
export function notification(type: string, id: string, extra: Record<string, unknown> = {}): Stripe.V2.Core.EventNotification {
  const payload = JSON.stringify({
    id: 'evt_thin_1',
    object: 'v2.core.event',
    type,
    created: '2026-12-01T00:00:00.000Z',
    livemode: false,
    related_object: { id, type: 'financial_connections.account', url: `/v1/financial_connections/accounts/${id}` },
    ...extra,
  });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return stripe.parseEventNotification(payload, header, SECRET);
}

