import type { RelinkOutcome } from '@fc-relink/core';

const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrOrNull = (v: unknown) => v === null || isStr(v);
const isStrArr = (v: unknown) => Array.isArray(v) && v.every(isStr);
const FALLBACKS = ['authorization_retry', 'retry', 'new_payment_method'];
const CODES = [
  'missing_configuration', 'invalid_client_secret', 'secret_key_in_browser', 'invalid_publishable_key',
  'stripe_load_failed', 'stripe_unavailable', 'client_secret_fetch_failed', 'stripe_error',
  'not_a_relink_session', 'relink_result_missing', 'client_secret_used', 'setup_intent_fetch_failed', 'unexpected',
];

/** Every problem that makes an outcome break the contract of SPEC section 2; empty when well-formed. */
export function outcomeProblems(o: RelinkOutcome): string[] {
  const p: string[] = [];
  const need = (ok: boolean, what: string) => ok || p.push(what);
  need(structuredClone(o) !== undefined && JSON.stringify(JSON.parse(JSON.stringify(o))) === JSON.stringify(o), 'plain data');
  if (o.type === 'success' || o.type === 'failure') {
    need(o.mode === 'account' || o.mode === 'authorization', 'mode');
    need(isStr(o.sessionId), 'sessionId');
    need(isStr(o.requestedAuthorization) && o.requestedAuthorization !== '', 'requestedAuthorization');
    need(isStrOrNull(o.requestedAccount), 'requestedAccount');
    need((o.mode === 'account') === (o.requestedAccount !== null), 'mode matches requestedAccount');
  }
  if (o.type === 'success') {
    need(['account_relinked', 'authorization_relinked', 'new_authorization'].includes(o.kind), 'kind');
    need(isStrOrNull(o.authorization) && isStrOrNull(o.account), 'authorization/account');
    need(o.kind !== 'account_relinked' || (o.mode === 'account' && o.account !== null), 'account_relinked needs account');
    need(o.kind !== 'authorization_relinked' || o.authorization === o.requestedAuthorization, 'same authorization');
    need(o.kind !== 'new_authorization' || (o.authorization !== null && o.authorization !== o.requestedAuthorization), 'new authorization');
    need(Array.isArray(o.accounts), 'accounts');
    for (const a of o.accounts) {
      need(isStr(a.id) && a.id !== '', 'account id');
      need(isStrOrNull(a.displayName) && isStrOrNull(a.institutionName) && isStrOrNull(a.last4), 'account fields');
      need(a.isNew === null || typeof a.isNew === 'boolean', 'isNew');
      // Unknown without existingAccountIds, except the account an account-mode session relinked: never new.
      const relinked = o.mode === 'account' && (a.id === o.account || a.id === o.requestedAccount);
      need(relinked ? a.isNew === false : (a.isNew === null) === (o.newAccountIds === null), 'isNew known with newAccountIds');
      need(a.isNew !== true || o.newAccountIds?.includes(a.id) === true, 'a new account is in newAccountIds');
    }
    need(o.newAccountIds === null || isStrArr(o.newAccountIds), 'newAccountIds');
    need(o.missingAccountIds === null || isStrArr(o.missingAccountIds), 'missingAccountIds');
    need((o.newAccountIds === null) === (o.missingAccountIds === null), 'both known or both unknown');
    const needs = o.kind === 'account_relinked' ? false : o.kind === 'new_authorization' ? true : (o.accounts[0]?.isNew ?? null);
    need(o.needsNewPaymentMethod === needs, 'needsNewPaymentMethod by the table');
  } else if (o.type === 'failure') {
    need(['no_account', 'no_authorization', 'other'].includes(o.reason), 'reason');
    need(isStrOrNull(o.rawReason), 'rawReason');
    need(o.fallbacks.length > 0 && o.fallbacks.every((f) => FALLBACKS.includes(f)), 'fallbacks');
  } else if (o.type === 'error') {
    need(CODES.includes(o.code), 'code');
    need(isStr(o.message) && o.message.length > 0, 'message');
    need(typeof o.retryable === 'boolean', 'retryable');
    if (o.stripeError !== null) {
      const e = o.stripeError;
      need(isStr(e.type) && isStrOrNull(e.code) && isStrOrNull(e.message) && isStrOrNull(e.docUrl), 'stripeError');
    }
  } else {
    p.push('type');
  }
  return p;
}
