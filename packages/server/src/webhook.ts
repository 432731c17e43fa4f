import { deactivationDateOf, statusDetail, textOf } from './eligibility.js';
import { idOf, isRecord } from './guards.js';

/**
 * What a Financial Connections webhook asks of the host:
 * - `'relink_now'`: the account stopped working and a relink repairs it: offer `<fc-relink>`;
 * - `'relink_soon'`: it still works, but Stripe expects it to stop on `expectedDeactivationDate`:
 *   offer the relink before then, and nothing is interrupted;
 * - `'replace_payment_method'`: it stopped for good (disconnected, closed at the bank): a relink
 *   cannot help; ask the customer for a new payment method;
 * - `'relinked'`: it works again: stop asking the customer;
 * - `'unknown'`: a deactivation that does not say why (the endpoint's API version predates
 *   `status_details`): retrieve the account with 2026-01-28.preview or later and ask
 *   `relinkEligibility`;
 * - `'none'`: nothing to do.
 */
export type RelinkWebhookActionKind = 'relink_now' | 'relink_soon' | 'replace_payment_method' | 'relinked' | 'unknown' | 'none';

/** What {@link relinkWebhookAction} read from an event. */
export interface RelinkWebhookAction {
  action: RelinkWebhookActionKind;
  /** The kind of object the event is about; `null` for events that are not Financial Connections'. */
  object: 'account' | 'authorization' | null;
  /** The account's (`fca_...`) or authorization's (`fcauthz_...`) ID, or `null`. */
  id: string | null;
  /** The authorization: the account's `authorization`, or the authorization's own ID; `null` when absent. */
  authorization: string | null;
  /** Stripe's cause (`access_expired`, ...) from the status details the action was read from, or `null`. */
  cause: string | null;
  /** `relink_soon`: when Stripe expects the object to deactivate, unix seconds; otherwise `null`. */
  expectedDeactivationDate: number | null;
}

const ACCOUNT_EVENT = 'financial_connections.account.';
const AUTHORIZATION_EVENT = 'financial_connections.authorization.';
/** The events that announce a deactivation ahead of time, without the object prefix. */
const UPCOMING = new Set(['upcoming_deactivation', 'expected_deactivation_date_updated']);

/**
 * What the host should do about a Stripe event, by the table of SPEC section 10:
 *
 * | event | action |
 * | --- | --- |
 * | `financial_connections.account.deactivated`, `inactive.action: 'relink_required'` | `relink_now` |
 * | `financial_connections.account.deactivated`, `inactive.action: 'none'`; `financial_connections.account.disconnected` | `replace_payment_method` |
 * | `financial_connections.account.deactivated` without `status_details.inactive` | `unknown` |
 * | `...account.upcoming_deactivation`, `...account.expected_deactivation_date_updated`, `...authorization.upcoming_deactivation`, `...authorization.expected_deactivation_date_updated` | `relink_soon` when the object's `active.action` is `relink_required`, else `none` |
 * | `financial_connections.account.reactivated` | `relinked` |
 * | anything else | `none` |
 *
 * Give it an event verified with the official SDK's `stripe.webhooks.constructEvent`: this reads
 * the event, it does not authenticate it. Total: never throws, whatever it is given (an unread
 * field that throws makes the action `unknown`).
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
  const kind = type.startsWith(ACCOUNT_EVENT) ? 'account' : type.startsWith(AUTHORIZATION_EVENT) ? 'authorization' : null;
  if (kind === null) return result('none', null, null);
  const name = type.slice(kind === 'account' ? ACCOUNT_EVENT.length : AUTHORIZATION_EVENT.length);

  const data = event['data'];
  const object = isRecord(data) && isRecord(data['object']) ? data['object'] : {};
  const id = idOf(object['id']);
  const base = result('none', kind, id, kind === 'account' ? idOf(object['authorization']) : id);

  if (UPCOMING.has(name)) {
    const active = statusDetail(object, 'active');
    return active?.['action'] === 'relink_required'
      ? { ...base, action: 'relink_soon', cause: textOf(active, 'cause'), expectedDeactivationDate: deactivationDateOf(active) }
      : base;
  }
  if (kind !== 'account') return base;
  if (name === 'reactivated') return { ...base, action: 'relinked' };
  if (name === 'disconnected') return { ...base, action: 'replace_payment_method', cause: textOf(statusDetail(object, 'inactive'), 'cause') };
  if (name !== 'deactivated') return base;

  const inactive = statusDetail(object, 'inactive');
  const cause = textOf(inactive, 'cause');
  const action = inactive?.['action'];
  if (action === 'relink_required') return { ...base, action: 'relink_now', cause };
  if (action === 'none') return { ...base, action: 'replace_payment_method', cause };
  return { ...base, action: 'unknown', cause };
}

function result(action: RelinkWebhookActionKind, object: RelinkWebhookAction['object'], id: string | null, authorization: string | null = null): RelinkWebhookAction {
  return { action, object, id, authorization, cause: null, expectedDeactivationDate: null };
}
