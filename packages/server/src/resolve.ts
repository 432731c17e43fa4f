import { relinkEligibility, type RelinkEligibilityReason } from './eligibility.js';
import { isConnectedAccountId, isRecord } from './guards.js';
import { RELINK_API_VERSION } from './version.js';
import {
  judge,
  relinkWebhookAction,
  snapshotTypeOf,
  type RelinkWebhookAction,
  type RelinkWebhookActionKind,
  type RelinkWebhookEventType,
} from './webhook.js';

/** The request options of a retrieve: the relink API version, and the connected account if any. */
interface RetrieveOptions {
  apiVersion: string;
  stripeAccount?: string;
}

/**
 * The part of a `stripe` client that {@link resolveRelinkWebhookAction} uses; `new Stripe(key)`
 * fits as is. What comes back is read as `unknown`: the GA SDK's types lack the preview fields.
 */
export interface RelinkWebhookClient {
  readonly financialConnections: {
    readonly accounts: {
      retrieve(id: string, params: Record<string, never>, options: RetrieveOptions): PromiseLike<unknown>;
    };
    readonly sessions: {
      retrieve(id: string, params: Record<string, never>, options: RetrieveOptions): PromiseLike<unknown>;
    };
  };
}

/** A deactivated account, judged from what it is now. */
const AFTER_DEACTIVATION: Record<RelinkEligibilityReason, RelinkWebhookActionKind> = {
  relink_required: 'relink_now',
  relink_recommended: 'relink_soon',
  not_repairable: 'replace_payment_method',
  // Reactivated since: its own `reactivated` event says so.
  active: 'none',
  unknown: 'unknown',
};

const RETRIEVABLE_ID = /^(?:fca|fcsess)_[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*$/;

/**
 * {@link relinkWebhookAction}, also where the payload cannot say: Stripe renders
 * `status_details.inactive` and `relink_options` at preview API versions only, and a webhook
 * endpoint is on a GA version, so its `financial_connections.account.deactivated` (and a hosted
 * relink's `financial_connections.session.updated`) never says what to do; a thin event
 * notification (`v1.financial_connections.account.*`, from the GA SDK's
 * `stripe.parseEventNotification`) carries no object at all. For those it retrieves the object at
 * `RELINK_API_VERSION` (one request, with the event's connected account) and judges it: a
 * deactivated account by {@link relinkEligibility}, anything else by the same table. Every other
 * event is answered without a request.
 *
 * Never throws and never rejects: a failed retrieve leaves the action `unknown` (Stripe retries
 * the delivery; answer it with a non-2xx to be asked again).
 *
 * @param stripe - a client of the official `stripe` SDK
 * @param event - an event from `stripe.webhooks.constructEvent`, or a thin notification from
 *   `stripe.parseEventNotification`, or anything
 * @returns a fresh result object
 *
 * @example
 * ```ts
 * const notification = stripe.parseEventNotification(rawBody, signature, destinationSecret);
 * const { action, id } = await resolveRelinkWebhookAction(stripe, notification);
 * ```
 */
export async function resolveRelinkWebhookAction(stripe: RelinkWebhookClient, event: unknown): Promise<RelinkWebhookAction> {
  const read = relinkWebhookAction(event);
  if (read.action !== 'unknown' || read.id === null || !RETRIEVABLE_ID.test(read.id)) return read;
  try {
    const type = snapshotType(event);
    if (type === null) return read;
    const stripeAccount = connectedAccount(event);
    const options: RetrieveOptions = stripeAccount === null ? { apiVersion: RELINK_API_VERSION } : { apiVersion: RELINK_API_VERSION, stripeAccount };
    const resources = stripe.financialConnections;
    const object: unknown = await (read.object === 'session' ? resources.sessions : resources.accounts).retrieve(read.id, {}, options);
    if (!isRecord(object) || object['id'] !== read.id) return read;

    const judged = judge(type, object, RELINK_API_VERSION);
    if (type !== 'financial_connections.account.deactivated') return judged;
    const eligibility = relinkEligibility(object);
    return {
      ...judged,
      action: AFTER_DEACTIVATION[eligibility.reason],
      cause: eligibility.cause,
      expectedDeactivationDate: eligibility.expectedDeactivationDate,
    };
  } catch {
    return read;
  }
}

/** The snapshot event type of an event, or of the event a thin notification stands for. */
function snapshotType(event: unknown): RelinkWebhookEventType | null {
  const type = isRecord(event) ? event['type'] : null;
  if (typeof type !== 'string') return null;
  return snapshotTypeOf(type) ?? (type as RelinkWebhookEventType);
}

/** The connected account an event is about: a snapshot event's `account`, a thin one's `context`. */
function connectedAccount(event: unknown): string | null {
  if (!isRecord(event)) return null;
  const account = event['account'] ?? event['context'];
  const text = typeof account === 'string' ? account : isRecord(account) ? String(account) : '';
  return isConnectedAccountId(text) ? text : null;
}
