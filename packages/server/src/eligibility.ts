import { stripeText } from '@fc-relink/core/interpret';
import { isRecord } from './guards.js';

/**
 * Why an account or authorization is or is not relinkable:
 * - `'relink_required'`: inactive, and the customer can repair it in a relink flow;
 * - `'relink_recommended'`: still active, but Stripe expects it to deactivate
 *   (`status_details.active.action: 'relink_required'`): relink it before
 *   `expectedDeactivationDate` and nothing is interrupted;
 * - `'not_repairable'`: disconnected, or inactive with `action: 'none'` (a closed account, say);
 * - `'active'`: nothing to repair;
 * - `'unknown'`: the object does not say (an inactive account read at a GA API version, which
 *   renders no `status_details.inactive`), or is not an account at all.
 */
export type RelinkEligibilityReason = 'relink_required' | 'relink_recommended' | 'not_repairable' | 'active' | 'unknown';

/**
 * What {@link relinkEligibility} concluded.
 */
export interface RelinkEligibility {
  /** `true` for `reason` `'relink_required'` and `'relink_recommended'`. */
  relinkable: boolean;
  reason: RelinkEligibilityReason;
  /**
   * Stripe's cause (`access_expired`, `institution_requirement`, ...): `status_details.inactive.cause`
   * of an inactive account, `status_details.active.cause` of one expected to deactivate, or `null`
   * (authorizations carry none).
   */
  cause: string | null;
  /**
   * `status_details.active.expected_deactivation_date` of an active object: when Stripe expects
   * it to stop working, in unix seconds; `null` when it gave none.
   */
  expectedDeactivationDate: number | null;
}

/**
 * Whether a Financial Connections account, or an authorization, can be repaired with a relink
 * session, read from its `status` and `status_details` as the relink guides describe:
 *
 * | status | `status_details` | reason |
 * | --- | --- | --- |
 * | `active` | `active.action: 'relink_required'` | `relink_recommended` (relinkable) |
 * | `active` | anything else | `active` |
 * | `inactive` | `inactive.action: 'relink_required'` | `relink_required` (relinkable) |
 * | `inactive` | `inactive.action: 'none'` | `not_repairable` |
 * | `disconnected` | (any) | `not_repairable` |
 * | anything else, or missing | | `unknown` |
 *
 * Total: never throws, whatever it is given (a webhook's `event.data.object`, `null`, a proxy
 * whose getters throw). Retrieve the object at `RELINK_API_VERSION`: at a GA version an inactive
 * account is `unknown`, and before 2026-06-24 one expected to deactivate looks merely `active`.
 *
 * @param object - a Financial Connections account or authorization object, or anything
 * @returns a fresh result object
 *
 * @example
 * ```ts
 * relinkEligibility({ status: 'inactive', status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } } });
 * // { relinkable: true, reason: 'relink_required', cause: 'access_expired', expectedDeactivationDate: null }
 * relinkEligibility({ status: 'active', status_details: { active: { action: 'relink_required', cause: 'access_expired', expected_deactivation_date: 1798761600 } } });
 * // { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: 1798761600 }
 * ```
 */
export function relinkEligibility(object: unknown): RelinkEligibility {
  try {
    return decide(object);
  } catch {
    return result('unknown', null);
  }
}

/** `status_details.active` or `.inactive` of an object, when it is an object. */
export function statusDetail(object: Record<string, unknown>, which: 'active' | 'inactive'): Record<string, unknown> | null {
  const details = object['status_details'];
  const detail = isRecord(details) ? details[which] : undefined;
  return isRecord(detail) ? detail : null;
}

/** A non-empty string field, or `null`. */
export function textOf(record: Record<string, unknown> | null, field: string): string | null {
  // Stripe's text as it may reach a page (a cause shown to the customer's browser): bounded and
  // redacted by core's one rule (SPEC section 5).
  return stripeText(record?.[field]);
}

/** A plausible unix time in seconds (a date Stripe gives), else `null`. */
export function unixSecondsOf(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
}

/** `expected_deactivation_date` when it is a plausible unix time in seconds, else `null`. */
export function deactivationDateOf(active: Record<string, unknown> | null): number | null {
  return unixSecondsOf(active?.['expected_deactivation_date']);
}

function decide(object: unknown): RelinkEligibility {
  if (!isRecord(object)) return result('unknown', null);
  const status = object['status'];
  if (status === 'active') {
    const active = statusDetail(object, 'active');
    const date = deactivationDateOf(active);
    return active?.['action'] === 'relink_required'
      ? result('relink_recommended', textOf(active, 'cause'), date)
      : result('active', null, date);
  }

  const inactive = statusDetail(object, 'inactive');
  const action = inactive?.['action'];
  const cause = textOf(inactive, 'cause');

  if (status === 'disconnected') return result('not_repairable', cause);
  if (status === 'inactive' && action === 'relink_required') return result('relink_required', cause);
  if (status === 'inactive' && action === 'none') return result('not_repairable', cause);
  return result('unknown', cause);
}

function result(reason: RelinkEligibilityReason, cause: string | null, expectedDeactivationDate: number | null = null): RelinkEligibility {
  return { relinkable: reason === 'relink_required' || reason === 'relink_recommended', reason, cause, expectedDeactivationDate };
}
