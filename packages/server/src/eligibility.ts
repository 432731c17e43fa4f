import { isRecord } from './guards.js';

/**
 * Why an account is or is not relinkable:
 * - `'relink_required'`: inactive, and the customer can repair it in a relink flow;
 * - `'not_repairable'`: disconnected, or inactive with `action: 'none'` (a closed account, say);
 * - `'active'`: nothing to repair;
 * - `'unknown'`: the object does not say (for example it was retrieved with an API version older
 *   than 2026-01-28.preview, which has no `status_details`), or is not an account at all.
 */
export type RelinkEligibilityReason = 'relink_required' | 'not_repairable' | 'active' | 'unknown';

/**
 * What {@link relinkEligibility} concluded.
 */
export interface RelinkEligibility {
  /** `true` only for `reason: 'relink_required'`. */
  relinkable: boolean;
  reason: RelinkEligibilityReason;
  /**
   * `status_details.inactive.cause` as Stripe sent it (`access_expired`, ...), or `null`.
   * Always `null` for an active account.
   */
  cause: string | null;
}

/**
 * Whether a Financial Connections account can be repaired with a relink session, read from its
 * `status` and `status_details.inactive` exactly as the relink guides describe:
 *
 * | status | `status_details.inactive.action` | reason |
 * | --- | --- | --- |
 * | `active` | (not read) | `active` |
 * | `inactive` | `relink_required` | `relink_required` (relinkable) |
 * | `inactive` | `none` | `not_repairable` |
 * | `disconnected` | (any) | `not_repairable` |
 * | anything else, or missing | | `unknown` |
 *
 * Total: never throws, whatever it is given (a webhook's `event.data.object`, `null`, a proxy
 * whose getters throw). Retrieve the account with API version 2026-01-28.preview or later, or the
 * answer for an inactive account is `unknown`.
 *
 * @param account - a Financial Connections account object, or anything
 * @returns a fresh result object
 *
 * @example
 * ```ts
 * relinkEligibility({ status: 'inactive', status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } } });
 * // { relinkable: true, reason: 'relink_required', cause: 'access_expired' }
 * ```
 */
export function relinkEligibility(account: unknown): RelinkEligibility {
  try {
    return decide(account);
  } catch {
    return result('unknown', null);
  }
}

function decide(account: unknown): RelinkEligibility {
  if (!isRecord(account)) return result('unknown', null);
  const status = account['status'];
  if (status === 'active') return result('active', null);

  const details = account['status_details'];
  const inactive = isRecord(details) ? details['inactive'] : undefined;
  const action = isRecord(inactive) ? inactive['action'] : undefined;
  const rawCause = isRecord(inactive) ? inactive['cause'] : undefined;
  const cause = typeof rawCause === 'string' && rawCause !== '' ? rawCause : null;

  if (status === 'disconnected') return result('not_repairable', cause);
  if (status === 'inactive' && action === 'relink_required') return result('relink_required', cause);
  if (status === 'inactive' && action === 'none') return result('not_repairable', cause);
  return result('unknown', cause);
}

function result(reason: RelinkEligibilityReason, cause: string | null): RelinkEligibility {
  return { relinkable: reason === 'relink_required', reason, cause };
}
