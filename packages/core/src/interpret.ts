import type {
  RelinkError,
  RelinkFailure,
  RelinkFailureReason,
  RelinkFallback,
  RelinkMode,
  RelinkOutcome,
  RelinkStripeError,
  RelinkSuccess,
  RelinkedAccount,
} from './outcome.js';
import { describeThrown, relinkError } from './errors.js';
import { cut, MAX_MESSAGE_LENGTH, redact } from './redact.js';
import { RELINK_API_VERSION } from './version.js';

export interface InterpretContext {
  /** The account ids the page already knows, to tell new accounts from existing ones. */
  existingAccountIds?: readonly string[];
}

/** An object read field by field, whatever Stripe (or a fake) put in it. */
export type Dict = Record<string, unknown>;

const RETRYABLE_STRIPE_ERRORS: ReadonlySet<string> = new Set(['api_connection_error', 'rate_limit_error']);
const FAILURE_REASONS: ReadonlySet<string> = new Set<RelinkFailureReason>(['no_account', 'no_authorization', 'other']);

/** Whether `value` can be read field by field (any non-null object). */
export function isDict(value: unknown): value is Dict {
  return typeof value === 'object' && value !== null;
}

/** A non-empty string, or `null` for anything else. */
function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Longer than any id or name Stripe gives: cut there. */
const MAX_FIELD_LENGTH = 255;
/** More accounts than one session links: the rest are not read. */
const MAX_ACCOUNTS = 100;

/**
 * A text from Stripe (a field of a session or of an error) as it may reach the page: non-empty,
 * cut to a length no Stripe field needs, and redacted (SPEC section 5); else `null`.
 */
export function stripeText(value: unknown, max = MAX_FIELD_LENGTH): string | null {
  const read = str(value);
  return read === null ? null : redact(cut(read, max));
}

/** Stripe.js gives `accounts` as an array; the server API as a list object `{ data: [...] }`. */
function accountList(value: unknown): Dict[] {
  const list: unknown[] = Array.isArray(value) ? value : isDict(value) && Array.isArray(value.data) ? value.data : [];
  return list.slice(0, MAX_ACCOUNTS).filter((item): item is Dict => isDict(item) && str(item.id) !== null);
}

/**
 * The most `existingAccountIds` read: far more bank accounts than one customer links, and few
 * enough that any list a page sets is read in well under a millisecond.
 */
export const MAX_EXISTING_ACCOUNT_IDS = 1000;

function knownIds(ids: unknown): string[] | null {
  if (!Array.isArray(ids)) return null;
  return ids.slice(0, MAX_EXISTING_ACCOUNT_IDS).filter((id): id is string => typeof id === 'string');
}

/** The longest `rawReason`: Stripe's reasons are a word; anything longer is cut, then redacted. */
const MAX_RAW_REASON_LENGTH = 200;

/**
 * The fallbacks to offer after a failure, most recommended first. Only an exact-account
 * session that found the bank but not the account can usefully widen to the whole
 * authorization; every other failure is worth one plain retry.
 */
export function fallbacksFor(mode: RelinkMode, reason: RelinkFailureReason): RelinkFallback[] {
  return mode === 'account' && reason === 'no_account'
    ? ['authorization_retry', 'new_payment_method']
    : ['retry', 'new_payment_method'];
}

function stripeErrorOutcome(error: unknown): RelinkError {
  const source: Dict = isDict(error) ? error : {};
  const stripeError: RelinkStripeError = {
    type: stripeText(source.type, 100) ?? 'unknown',
    code: stripeText(source.code, 100),
    message: stripeText(source.message, MAX_MESSAGE_LENGTH) ?? stripeText(error, MAX_MESSAGE_LENGTH),
    docUrl: stripeText(source.doc_url, 300),
  };
  const label = stripeError.code ? `${stripeError.type}/${stripeError.code}` : stripeError.type;
  return relinkError(
    'stripe_error',
    `Stripe.js returned an error (${label})${stripeError.message ? `: ${stripeError.message}` : '.'}`,
    { retryable: RETRYABLE_STRIPE_ERRORS.has(stripeError.type), stripeError },
  );
}

function interpret(result: unknown, context: InterpretContext | undefined): RelinkOutcome {
  if (isDict(result) && result.error !== undefined && result.error !== null) {
    return stripeErrorOutcome(result.error);
  }
  const session = isDict(result) ? result.financialConnectionsSession : undefined;
  if (!isDict(session)) {
    return relinkError(
      'unexpected',
      'collectFinancialConnectionsAccounts resolved with neither a session nor an error.',
    );
  }
  const options = isDict(session.relink_options) ? session.relink_options : null;
  const requestedAuthorization = options ? stripeText(options.authorization) : null;
  if (!options || requestedAuthorization === null) {
    return relinkError(
      'not_a_relink_session',
      'The session has no relink_options.authorization: create it with relink_options.',
    );
  }
  const relinkResult = session.relink_result;
  if (!isDict(relinkResult)) {
    return relinkError(
      'relink_result_missing',
      `The session has relink_options but no relink_result: create it with Stripe API version ${RELINK_API_VERSION} (RELINK_API_VERSION).`,
    );
  }

  const requestedAccount = stripeText(options.account);
  const mode: RelinkMode = requestedAccount === null ? 'authorization' : 'account';
  const sessionId = stripeText(session.id) ?? '';
  const account = stripeText(relinkResult.account);
  const authorization = stripeText(relinkResult.authorization);

  let kind: RelinkSuccess['kind'] | null = null;
  if (mode === 'account') {
    if (account !== null) kind = 'account_relinked';
  } else if (authorization !== null) {
    kind = authorization === requestedAuthorization ? 'authorization_relinked' : 'new_authorization';
  }

  if (kind === null) {
    const received = typeof relinkResult.failure_reason === 'string' ? relinkResult.failure_reason : null;
    const reason = received !== null && FAILURE_REASONS.has(received) ? (received as RelinkFailureReason) : 'other';
    // As received, but bounded and redacted like every text from Stripe (SPEC section 5).
    const rawReason = received === null ? null : redact(cut(received, MAX_RAW_REASON_LENGTH));
    const failure: RelinkFailure = {
      type: 'failure',
      mode,
      sessionId,
      requestedAuthorization,
      requestedAccount,
      reason,
      rawReason,
      fallbacks: fallbacksFor(mode, reason),
    };
    return failure;
  }

  const existing = knownIds(context?.existingAccountIds);
  const known = new Set(existing);
  const sessionAccounts = accountList(session.accounts);
  // In account mode the relinked account is the very account the page asked for: never new.
  const neverNew = new Set([requestedAccount, account].filter((id): id is string => id !== null && mode === 'account'));
  const accounts: RelinkedAccount[] = sessionAccounts.map((item) => {
    const id = stripeText(item.id)!;
    return {
      id,
      displayName: stripeText(item.display_name),
      institutionName: stripeText(item.institution_name),
      last4: stripeText(item.last4, 4),
      isNew: neverNew.has(id) ? false : existing === null ? null : !known.has(id),
    };
  });
  const ids = accounts.map((a) => a.id);
  const success: RelinkSuccess = {
    type: 'success',
    kind,
    mode,
    sessionId,
    requestedAuthorization,
    requestedAccount,
    authorization,
    account,
    accounts,
    newAccountIds: existing === null ? null : accounts.filter((a) => a.isNew).map((a) => a.id),
    missingAccountIds: existing === null ? null : [...known].filter((id) => !ids.includes(id)),
    needsNewPaymentMethod: kind === 'account_relinked' ? false : kind === 'new_authorization' ? true : (accounts[0]?.isNew ?? null),
  };
  return success;
}

/**
 * Tells what a `collectFinancialConnectionsAccounts` result means for a relink session, and
 * what to offer next. Total: it returns an outcome for any input and never throws.
 */
export function interpretRelinkResult(result: unknown, context?: InterpretContext): RelinkOutcome {
  try {
    return interpret(result, context);
  } catch (thrown) {
    return relinkError('unexpected', `The result could not be read: ${describeThrown(thrown)}`);
  }
}
