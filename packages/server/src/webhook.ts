import { interpretRelinkResult, type RelinkOutcome } from '@fc-relink/core/interpret';
import { deactivationDateOf, statusDetail, textOf, unixSecondsOf } from './eligibility.js';
import { idOf, isRecord } from './guards.js';

/**
 * What a Financial Connections webhook asks of the host:
 * - `'relink_now'`: the account stopped working and a relink repairs it: offer `<fc-relink>`;
 * - `'relink_soon'`: it still works, but stops on `expectedDeactivationDate` (its access, or its
 *   tokenized account number, expires): offer the relink before then, and nothing is interrupted;
 * - `'replace_payment_method'`: a relink cannot help (disconnected, closed at the bank, no longer
 *   debitable): ask the customer for a new payment method;
 * - `'relinked'`: it works again (reactivated, or a hosted relink succeeded): stop asking;
 * - `'relink_failed'`: a hosted relink ended without repairing it (`outcome` says why);
 * - `'unknown'`: the payload cannot say (a `deactivated` event rendered at a GA API version, a
 *   thin event notification): {@link resolveRelinkWebhookAction} asks Stripe;
 * - `'none'`: nothing to do.
 */
export type RelinkWebhookActionKind =
  | 'relink_now'
  | 'relink_soon'
  | 'replace_payment_method'
  | 'relinked'
  | 'relink_failed'
  | 'unknown'
  | 'none';

/** What {@link relinkWebhookAction} read from an event. */
export interface RelinkWebhookAction {
  action: RelinkWebhookActionKind;
  /** The kind of object the event is about; `null` for events that are not Financial Connections'. */
  object: 'account' | 'authorization' | 'session' | null;
  /** The account's (`fca_...`), authorization's (`fcauthz_...`) or session's (`fcsess_...`) ID, or `null`. */
  id: string | null;
  /**
   * The authorization: the account's `authorization`, the authorization's own ID, or a session's
   * `relink_options.authorization`; `null` when absent.
   */
  authorization: string | null;
  /** Stripe's cause (`access_expired`, ...) from the status details the action was read from, or `null`. */
  cause: string | null;
  /**
   * `relink_soon`: when Stripe expects the object to stop working, unix seconds (for an expiring
   * account number, the earliest `expected_expiry_date`); otherwise `null`.
   */
  expectedDeactivationDate: number | null;
  /** For a session event: `interpretRelinkResult` of the ended relink session; otherwise `null`. */
  outcome: RelinkOutcome | null;
}

/**
 * Every snapshot event type the helpers read (each one of the preview SDK's `Event.Type`, checked
 * by the type tests). Subscribe the webhook endpoint to these.
 */
export const RELINK_WEBHOOK_EVENT_TYPES = [
  'financial_connections.account.deactivated',
  'financial_connections.account.disconnected',
  'financial_connections.account.reactivated',
  'financial_connections.account.upcoming_deactivation',
  'financial_connections.account.expected_deactivation_date_updated',
  'financial_connections.account.upcoming_account_number_expiry',
  'financial_connections.account.supported_payment_method_types_updated',
  'financial_connections.authorization.upcoming_deactivation',
  'financial_connections.authorization.expected_deactivation_date_updated',
  'financial_connections.session.updated',
] as const;

/** A snapshot event type the helpers read. */
export type RelinkWebhookEventType = (typeof RELINK_WEBHOOK_EVENT_TYPES)[number];

/**
 * Every thin event notification type the helpers read (`v1.financial_connections.account.*` of
 * the GA SDK's `V2.Core.EventNotification`, checked by the type tests): the account's snapshot
 * events, sent to an event destination as notifications that carry only `related_object`.
 */
export const RELINK_THIN_EVENT_TYPES = [
  'v1.financial_connections.account.deactivated',
  'v1.financial_connections.account.disconnected',
  'v1.financial_connections.account.reactivated',
  'v1.financial_connections.account.upcoming_deactivation',
  'v1.financial_connections.account.expected_deactivation_date_updated',
  'v1.financial_connections.account.upcoming_account_number_expiry',
  'v1.financial_connections.account.supported_payment_method_types_updated',
] as const;

/** A thin event notification type the helpers read. */
export type RelinkThinEventType = (typeof RELINK_THIN_EVENT_TYPES)[number];

const SNAPSHOT_TYPES: ReadonlySet<string> = new Set(RELINK_WEBHOOK_EVENT_TYPES);
const THIN_TYPES: ReadonlySet<string> = new Set(RELINK_THIN_EVENT_TYPES);
/** A thin notification's type is `v1.` and the snapshot event's type. */
const THIN_PREFIX = 'v1.';
/** The session statuses of a relink that has ended. */
const ENDED: ReadonlySet<unknown> = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * What the host should do about a Stripe event, by the table of SPEC section 10:
 *
 * | event | action |
 * | --- | --- |
 * | `financial_connections.account.deactivated`, `inactive.action: 'relink_required'` | `relink_now` |
 * | `financial_connections.account.deactivated`, `inactive.action: 'none'`; `financial_connections.account.disconnected` | `replace_payment_method` |
 * | `financial_connections.account.deactivated` without `status_details.inactive` (a GA version's payload) | `unknown` |
 * | `...account.upcoming_account_number_expiry` | `relink_soon`, dated by the earliest `account_numbers[].expected_expiry_date` |
 * | `...account.supported_payment_method_types_updated` | `replace_payment_method` without `us_bank_account`, else `none` |
 * | `financial_connections.session.updated`, a relink session that ended | `relinked` or `relink_failed`, with `outcome` |
 * | `...account.upcoming_deactivation`, `...account.expected_deactivation_date_updated`, `...authorization.upcoming_deactivation`, `...authorization.expected_deactivation_date_updated` | `relink_soon` when the object's `active.action` is `relink_required`, else `none` |
 * | `financial_connections.account.reactivated` | `relinked` |
 * | a thin notification of those account events (`v1.financial_connections.account.*`) | `unknown` |
 * | anything else | `none` |
 *
 * Give it an event verified with the official SDK's `stripe.webhooks.constructEvent` (or a thin
 * notification from `stripe.parseEventNotification`): this reads the event, it does not
 * authenticate it. Total: never throws, whatever it is given (an unread field that throws makes
 * the action `unknown`).
 *
 * @param event - a Stripe event (`{ type, data: { object } }`), or anything
 * @returns a fresh result object
 *
 * @example
 * ```ts
 * const event = stripe.webhooks.constructEvent(rawBody, signature, endpointSecret);
 * const { action, id } = relinkWebhookAction(event);
 * if (action === 'relink_now' || action === 'relink_soon') await markNeedsRelink(id);
 * ```
 */
export function relinkWebhookAction(event: unknown): RelinkWebhookAction {
  try {
    return decide(event);
  } catch {
    return result('unknown', null, null);
  }
}

function decide(event: unknown): RelinkWebhookAction {
  if (!isRecord(event)) return result('none', null, null);
  const type = event['type'];
  if (typeof type !== 'string') return result('none', null, null);
  if (THIN_TYPES.has(type)) {
    const related = event['related_object'];
    return result('unknown', 'account', isRecord(related) ? idOf(related['id']) : null);
  }
  if (!SNAPSHOT_TYPES.has(type)) return result('none', null, null);
  const data = event['data'];
  const object = isRecord(data) && isRecord(data['object']) ? data['object'] : {};
  return judge(type as RelinkWebhookEventType, object, event['api_version']);
}

/**
 * The action for an event of `type` about `object` (the payload's, or one retrieved at the relink
 * API version); `apiVersion` is the version the payload was rendered at, when known.
 */
export function judge(type: RelinkWebhookEventType, object: Record<string, unknown>, apiVersion?: unknown): RelinkWebhookAction {
  const id = idOf(object['id']);
  if (type === 'financial_connections.session.updated') return sessionAction(object, id, apiVersion);

  const kind = type.startsWith('financial_connections.account.') ? 'account' : 'authorization';
  const name = type.slice(type.lastIndexOf('.') + 1);
  const base = result('none', kind, id, kind === 'account' ? idOf(object['authorization']) : id);

  if (name === 'upcoming_deactivation' || name === 'expected_deactivation_date_updated') {
    const active = statusDetail(object, 'active');
    return active?.['action'] === 'relink_required'
      ? { ...base, action: 'relink_soon', cause: textOf(active, 'cause'), expectedDeactivationDate: deactivationDateOf(active) }
      : base;
  }
  if (name === 'upcoming_account_number_expiry') {
    return { ...base, action: 'relink_soon', expectedDeactivationDate: earliestExpiry(object['account_numbers']) };
  }
  if (name === 'supported_payment_method_types_updated') {
    const types = object['supported_payment_method_types'];
    return Array.isArray(types) && !types.includes('us_bank_account') ? { ...base, action: 'replace_payment_method' } : base;
  }
  if (name === 'reactivated') return { ...base, action: 'relinked' };
  if (name === 'disconnected') return { ...base, action: 'replace_payment_method', cause: textOf(statusDetail(object, 'inactive'), 'cause') };

  // deactivated
  const inactive = statusDetail(object, 'inactive');
  const cause = textOf(inactive, 'cause');
  const action = inactive?.['action'];
  if (action === 'relink_required') return { ...base, action: 'relink_now', cause };
  if (action === 'none') return { ...base, action: 'replace_payment_method', cause };
  return { ...base, action: 'unknown', cause };
}

/** A session event: what a relink session that ended (a hosted one) came to. */
function sessionAction(session: Record<string, unknown>, id: string | null, apiVersion: unknown): RelinkWebhookAction {
  const options = session['relink_options'];
  if (!isRecord(options)) {
    // A GA version renders no relink_options: whether this was a relink, only Stripe can say.
    const gaPayload = typeof apiVersion === 'string' && !apiVersion.endsWith('.preview');
    return result(gaPayload && options === undefined ? 'unknown' : 'none', 'session', id);
  }
  const base = result('none', 'session', id, idOf(options['authorization']));
  if (!ENDED.has(session['status'])) return base;
  const outcome = interpretRelinkResult({ financialConnectionsSession: session });
  return { ...base, action: outcome.type === 'success' ? 'relinked' : 'relink_failed', outcome };
}

/** The earliest plausible `expected_expiry_date` of the account's numbers, or `null`. */
function earliestExpiry(numbers: unknown): number | null {
  if (!Array.isArray(numbers)) return null;
  let earliest: number | null = null;
  for (const number of numbers.slice(0, 100)) {
    const date = isRecord(number) ? unixSecondsOf(number['expected_expiry_date']) : null;
    if (date !== null && (earliest === null || date < earliest)) earliest = date;
  }
  return earliest;
}

/** The snapshot event type a thin notification stands for, when it is one the helpers read. */
export function snapshotTypeOf(thinType: string): RelinkWebhookEventType | null {
  return THIN_TYPES.has(thinType) ? (thinType.slice(THIN_PREFIX.length) as RelinkWebhookEventType) : null;
}

function result(
  action: RelinkWebhookActionKind,
  object: RelinkWebhookAction['object'],
  id: string | null,
  authorization: string | null = null,
): RelinkWebhookAction {
  return { action, object, id, authorization, cause: null, expectedDeactivationDate: null, outcome: null };
}
