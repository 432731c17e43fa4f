import { RelinkParamsError } from './errors.js';

/** Whether a value is a plain non-null, non-array object whose fields can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An ID from a field the API returns as an ID or, expanded, as the object; `null` when absent or empty. */
export function idOf(value: unknown): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (isRecord(value) && typeof value['id'] === 'string' && value['id'] !== '') return value['id'];
  return null;
}

/**
 * The customer an `account_holder` of type `'customer'` names: its Customer (`cus_...`), or else
 * its customer Account (Accounts v2); `null` for any other holder, or one that names neither.
 */
export function customerOf(holder: unknown): { customer: string } | { customer_account: string } | null {
  if (!isRecord(holder) || holder['type'] !== 'customer') return null;
  const customer = idOf(holder['customer']);
  if (customer !== null) return { customer };
  const customerAccount = idOf(holder['customer_account']);
  return customerAccount === null ? null : { customer_account: customerAccount };
}

/** Whether a value is a connected account's ID (`acct_...`, letters and digits only). */
export function isConnectedAccountId(value: unknown): value is string {
  return typeof value === 'string' && /^acct_[A-Za-z0-9]+$/.test(value);
}

/** The per-request options every helper takes: each a non-empty string when given. */
export interface PerRequestOptions {
  idempotencyKey?: string;
  stripeAccount?: string;
}

/** `idempotencyKey` and `stripeAccount` from a helper's options, checked before any request. */
export function perRequestOptions(options: Readonly<Partial<Record<'idempotencyKey' | 'stripeAccount', unknown>>>): PerRequestOptions {
  const picked: PerRequestOptions = {};
  for (const name of ['idempotencyKey', 'stripeAccount'] as const) {
    const value = options[name];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value === '') {
      throw new RelinkParamsError('invalid_options', `options.${name} must be a non-empty string when given.`);
    }
    picked[name] = value;
  }
  return picked;
}
