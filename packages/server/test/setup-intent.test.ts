/**
 * replacementSetupIntentParams and createReplacementSetupIntent (SPEC section 9) through the real
 * `stripe` SDK, against the stand-in for api.stripe.com: the payments guide's request, on the wire.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Stripe from 'stripe';
import {
  RELINK_API_VERSION,
  createReplacementSetupIntent,
  RelinkParamsError,
  RelinkSessionError,
  replacementSetupIntentParams,
  type RelinkAccount,
} from '@fc-relink/server';
import { customerAccount, customerAccountSetupIntentRequest, holderlessAccount } from './fixtures.js';
import { standInForFile } from './stand-in.js';

const api = standInForFile();

const billingDetails = { name: 'Jenny Rosen' };


describe('replacementSetupIntentParams', () => {
  test('the guide\'s request: customer, us_bank_account only, the account and the billing details', () => {
    assert.deepEqual(replacementSetupIntentParams(customerAccount, { billingDetails }), customerAccountSetupIntentRequest);
  });

  test('no customer holder: customer left out; an expanded customer becomes its id', () => {
    assert.equal('customer' in replacementSetupIntentParams(holderlessAccount, { billingDetails }), false);
    const connected = { ...customerAccount, account_holder: { type: 'account', account: 'acct_1' } };
    assert.equal('customer' in replacementSetupIntentParams(connected, { billingDetails }), false);
    const expanded = { ...customerAccount, account_holder: { type: 'customer', customer: { id: 'cus_9' } } };
    assert.equal(replacementSetupIntentParams(expanded, { billingDetails }).customer, 'cus_9');
  });

  test('a customer Account (Accounts v2) holds it: customer_account instead of customer', () => {
    const v2 = { ...customerAccount, account_holder: { type: 'customer', customer_account: 'acct_1CustomerV2' } };
    const params = replacementSetupIntentParams(v2, { billingDetails });
    assert.equal(params.customer_account, 'acct_1CustomerV2');
    assert.equal('customer' in params, false);
    // A v1 Customer wins when a holder names both, as the session's own copy does.
    const both = { ...customerAccount, account_holder: { type: 'customer', customer: 'cus_1', customer_account: 'acct_1CustomerV2' } };
    assert.deepEqual(Object.keys(replacementSetupIntentParams(both, { billingDetails })).slice(0, 1), ['customer']);
    assert.equal('customer_account' in replacementSetupIntentParams(both, { billingDetails }), false);
  });

  test('copies the optional billing fields it knows, and nothing else', () => {
    const params = replacementSetupIntentParams(customerAccount, {
      billingDetails: { name: 'J', email: 'j@example.com', phone: '+1 555', address: { line1: '1 Main', country: 'US', extra: 'x' } as never, extra: 1 } as never,
    });
    assert.deepEqual(params.payment_method_data.billing_details, { name: 'J', email: 'j@example.com', phone: '+1 555', address: { line1: '1 Main', country: 'US' } });
  });

  test('bad input throws RelinkParamsError naming the field, never echoing it', () => {
    const cases: Array<[unknown, unknown, string]> = [
      [customerAccount, {}, 'invalid_billing_details'],
      [customerAccount, { billingDetails: {} }, 'invalid_billing_details'],
      [customerAccount, { billingDetails: { name: '  ' } }, 'invalid_billing_details'],
      [customerAccount, { billingDetails: { name: 'x'.repeat(10_000) } }, 'invalid_billing_details'],
      [customerAccount, { billingDetails: { name: 'J', email: 5 } }, 'invalid_billing_details'],
      [customerAccount, { billingDetails: { name: 'J', address: 'nowhere' } }, 'invalid_billing_details'],
      [customerAccount, null, 'invalid_options'],
      [{ ...customerAccount, id: '' }, { billingDetails }, 'invalid_account'],
      ['fca_1', { billingDetails }, 'invalid_account'],
    ];
    for (const [account, options, code] of cases) {
      assert.throws(
        () => replacementSetupIntentParams(account as RelinkAccount, options as never),
        (error: unknown) => error instanceof RelinkParamsError && error.code === code && !error.message.includes('xxxxxxxx'),
        code,
      );
    }
  });
});

describe('createReplacementSetupIntent on the wire', () => {
  test('sends the guide\'s request with setupIntents.create and returns only the id and client secret', async () => {
    const created = await createReplacementSetupIntent(api.stripe, customerAccount, { billingDetails, idempotencyKey: 'replace-fca_exact_1' });
    assert.deepEqual(created, { id: 'seti_standIn1', clientSecret: 'seti_standIn1_secret_standIn1' });
    assert.equal(api.server.requests.length, 1);
    const request = api.server.requests[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.path, '/v1/setup_intents');
    assert.equal(request.headers['idempotency-key'], 'replace-fca_exact_1');
    assert.deepEqual(request.params, customerAccountSetupIntentRequest);
    assert.equal(request.headers['stripe-version'], RELINK_API_VERSION);
  });

  test("the guide's own spelling, payment_method_types, is what Stripe now refuses: the reason this sends its version", async () => {
    const { allowed_payment_method_types: types, ...rest } = customerAccountSetupIntentRequest;
    for (const apiVersion of [RELINK_API_VERSION, Stripe.API_VERSION]) {
      await assert.rejects(api.stripe.setupIntents.create({ ...rest, payment_method_types: types } as Stripe.SetupIntentCreateParams, { apiVersion }), {
        type: 'StripeInvalidRequestError',
        message: 'Received unknown parameter: payment_method_types',
      });
    }
  });

  test('customer_account reaches Stripe for an account a customer Account holds', async () => {
    const v2 = { ...customerAccount, account_holder: { type: 'customer', customer_account: 'acct_1CustomerV2' } };
    await createReplacementSetupIntent(api.stripe, v2, { billingDetails });
    const request = api.server.requests[0]!;
    assert.equal(request.params['customer_account'], 'acct_1CustomerV2');
    assert.equal(request.params['customer'], undefined);
    assert.equal((request.reply.body as { customer_account: unknown }).customer_account, 'acct_1CustomerV2');
  });

  test('Connect: the connected account goes in the Stripe-Account header', async () => {
    await createReplacementSetupIntent(api.stripe, holderlessAccount, { billingDetails, stripeAccount: 'acct_connected' });
    assert.equal(api.server.requests[0]!.headers['stripe-account'], 'acct_connected');
  });

  test('bad input rejects before any request', async () => {
    await assert.rejects(createReplacementSetupIntent(api.stripe, customerAccount, { billingDetails: { name: '' } }), RelinkParamsError);
    await assert.rejects(createReplacementSetupIntent(api.stripe, customerAccount, { billingDetails, idempotencyKey: '' }), RelinkParamsError);
    assert.equal(api.server.requests.length, 0);
  });

  test('Stripe\'s errors pass through; an answer without a client secret is a RelinkSessionError', async () => {
    api.reply = () => ({ status: 400, body: { error: { type: 'invalid_request_error', message: 'No such customer' } } });
    await assert.rejects(createReplacementSetupIntent(api.stripe, customerAccount, { billingDetails }), /No such customer/);
    api.reply = () => ({ status: 200, body: { id: 'seti_1', object: 'setup_intent' } });
    await assert.rejects(
      createReplacementSetupIntent(api.stripe, customerAccount, { billingDetails }),
      (error: unknown) => error instanceof RelinkSessionError && error.code === 'invalid_response',
    );
  });
});
