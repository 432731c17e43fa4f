import { RelinkParamsError, RelinkSessionError } from './errors.js';
import { customerOf, idOf, isRecord, perRequestOptions, type PerRequestOptions } from './guards.js';
import type { RelinkAccount } from './types.js';
import { RELINK_API_VERSION } from './version.js';

/** The customer's billing details for the new payment method; Stripe requires a `name` for ACH. */
export interface ReplacementBillingDetails {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly address?: {
    readonly line1?: string;
    readonly line2?: string;
    readonly city?: string;
    readonly state?: string;
    readonly postal_code?: string;
    readonly country?: string;
  };
}

export interface ReplacementSetupIntentOptions {
  readonly billingDetails: ReplacementBillingDetails;
}

/** The create-SetupIntent parameters, in the order of the payments guide's request. */
export interface ReplacementSetupIntentParams {
  /** The account holder's Customer (`cus_...`). */
  customer?: string;
  /** The account holder's customer Account (Accounts v2), when it is held by one instead. */
  customer_account?: string;
  /**
   * The guide's `payment_method_types: ['us_bank_account']`, as Stripe spells it since
   * 2026-08-26.preview (and GA 2026-09-30): it removed `payment_method_types` from SetupIntent
   * creation, so this is the name `RELINK_API_VERSION` takes.
   */
  allowed_payment_method_types: ['us_bank_account'];
  payment_method_data: {
    type: 'us_bank_account';
    us_bank_account: { financial_connections_account: string };
    billing_details: ReplacementBillingDetails;
  };
}

const ADDRESS_FIELDS = ['line1', 'line2', 'city', 'state', 'postal_code', 'country'] as const;
/** Longer than any billing field Stripe takes; refused rather than sent. */
const MAX_FIELD_LENGTH = 5000;

function text(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_FIELD_LENGTH) {
    throw new RelinkParamsError('invalid_billing_details', `billingDetails.${field} must be a non-empty string${required ? '' : ' when given'}.`);
  }
  return value;
}

function billingDetailsParam(value: unknown): ReplacementBillingDetails {
  if (!isRecord(value)) {
    throw new RelinkParamsError('invalid_billing_details', 'options.billingDetails must be an object with at least a name.');
  }
  const details: { -readonly [K in keyof ReplacementBillingDetails]: ReplacementBillingDetails[K] } = { name: text(value['name'], 'name', true)! };
  const email = text(value['email'], 'email', false);
  if (email !== undefined) details.email = email;
  const phone = text(value['phone'], 'phone', false);
  if (phone !== undefined) details.phone = phone;
  const address = value['address'];
  if (address !== undefined) {
    if (!isRecord(address)) throw new RelinkParamsError('invalid_billing_details', 'billingDetails.address must be an object when given.');
    const copied: Record<string, string> = {};
    for (const field of ADDRESS_FIELDS) {
      const part = text(address[field], `address.${field}`, false);
      if (part !== undefined) copied[field] = part;
    }
    details.address = copied;
  }
  return details;
}

/**
 * The parameters of the SetupIntent that replaces a payment method after a relink ended on a new
 * account (SPEC section 9), exactly as the payments guide's request makes it: `customer` from
 * `account_holder.customer`, or `customer_account` when a customer Account (Accounts v2) holds it
 * (both left out when the account has no customer holder), only `us_bank_account` as the payment
 * method type (`allowed_payment_method_types`, the name Stripe gave the guide's
 * `payment_method_types` at `RELINK_API_VERSION`), and `payment_method_data` of type
 * `us_bank_account` for the account, with the billing details (a `name` is required). Pure.
 *
 * @param account - the Financial Connections account the new payment method is made from
 * @throws {RelinkParamsError} for an account without an id, or billing details without a name
 */
export function replacementSetupIntentParams(account: RelinkAccount, options: ReplacementSetupIntentOptions): ReplacementSetupIntentParams {
  if (!isRecord(account) || idOf(account.id) === null) {
    throw new RelinkParamsError('invalid_account', 'account must be a Financial Connections account object with an id.');
  }
  if (!isRecord(options)) {
    throw new RelinkParamsError('invalid_options', 'options must be an object with billingDetails.');
  }
  const billingDetails = billingDetailsParam(options.billingDetails);
  return {
    ...customerOf(account.account_holder),
    allowed_payment_method_types: ['us_bank_account'],
    payment_method_data: {
      type: 'us_bank_account',
      us_bank_account: { financial_connections_account: idOf(account.id)! },
      billing_details: billingDetails,
    },
  };
}

/** Per-request options of {@link createReplacementSetupIntent}. */
export type CreateReplacementSetupIntentOptions = ReplacementSetupIntentOptions & {
  /** Sent as `Idempotency-Key`. */
  readonly idempotencyKey?: string;
  /** Connect: the connected account (`acct_...`) the customer belongs to. */
  readonly stripeAccount?: string;
};

/** The part of a `stripe` client that {@link createReplacementSetupIntent} uses; `new Stripe(key)` fits as is. */
export interface ReplacementSetupIntentClient {
  readonly setupIntents: {
    create(
      params: ReplacementSetupIntentParams,
      options: PerRequestOptions & { apiVersion: string },
    ): PromiseLike<{ readonly id: string; readonly client_secret?: string | null }>;
  };
}

/** A created SetupIntent: only what the browser needs (`clientSecret` goes to `fetchSetupIntentSecret`). */
export interface ReplacementSetupIntent {
  id: string;
  clientSecret: string;
}

/**
 * Creates the SetupIntent of {@link replacementSetupIntentParams} with `stripe.setupIntents.create`,
 * at `RELINK_API_VERSION` for this request only (the parameters' names are that version's; your
 * client's own version may predate or postdate them).
 * Send `clientSecret` to the customer's browser (the element's `fetchSetupIntentSecret`), which
 * shows the ACH mandate and confirms it.
 *
 * @throws {RelinkParamsError} (as a rejection) for bad input, before any request is sent
 * @throws {RelinkSessionError} (as a rejection) when Stripe answers without an id or client secret
 * @throws Stripe's own errors unchanged
 */
export async function createReplacementSetupIntent(
  stripe: ReplacementSetupIntentClient,
  account: RelinkAccount,
  options: CreateReplacementSetupIntentOptions,
): Promise<ReplacementSetupIntent> {
  const params = replacementSetupIntentParams(account, options);
  const intent = await stripe.setupIntents.create(params, { apiVersion: RELINK_API_VERSION, ...perRequestOptions(options) });
  const id: unknown = intent?.id;
  const clientSecret: unknown = intent?.client_secret;
  if (typeof id !== 'string' || !id.startsWith('seti_') || typeof clientSecret !== 'string' || clientSecret === '') {
    throw new RelinkSessionError('invalid_response', 'Stripe answered the SetupIntent request without an id or client_secret.');
  }
  return { id, clientSecret };
}
