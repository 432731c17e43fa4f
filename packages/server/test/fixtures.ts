import type { RelinkAccount } from '@fc-relink/server';
import type Stripe from 'stripe';

/** An inactive account as the guide's retrieve example shows it, with a customer holder. */
export const customerAccount = {
  id: 'fca_exact_1',
  object: 'financial_connections.account',
  authorization: 'fcauth_1',
  account_holder: { type: 'customer', customer: 'cus_1' },
  institution_name: 'StripeBank',
  status: 'inactive',
  status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } },
} satisfies RelinkAccount & Record<string, unknown>;

/** A deactivation date Stripe expects: 2027-01-15T00:00:00Z, in unix seconds. */
export const EXPIRES = 1_799_971_200;

/** An active account Stripe expects to deactivate: typed by stripe-node 23's own `Account` type. */
export const expiringAccount = {
  ...customerAccount,
  id: 'fca_expiring_1',
  status: 'active',
  status_details: { active: { action: 'relink_required', cause: 'access_expired', expected_deactivation_date: EXPIRES } },
} satisfies Pick<Stripe.FinancialConnections.Account, 'id' | 'status' | 'status_details'> & Record<string, unknown>;

/** The payments guide's create-SetupIntent request for {@link customerAccount}, billed to Jenny Rosen. */
export const customerAccountSetupIntentRequest = {
  customer: 'cus_1',
  allowed_payment_method_types: ['us_bank_account'],
  payment_method_data: {
    type: 'us_bank_account',
    us_bank_account: { financial_connections_account: 'fca_exact_1' },
    billing_details: { name: 'Jenny Rosen' },
  },
};

/** The same account collected before an Intent existed: no account holder. */
export const holderlessAccount = { ...customerAccount, id: 'fca_holderless_1', account_holder: null };
