/**
 * relinkWebhookAction (SPEC section 10): every row of the table, on events signed with the
 * official SDK's `generateTestHeaderString` and read back through its `constructEvent`, as a
 * host's webhook endpoint would; a signature the SDK rejects; and any input at all.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import Stripe from 'stripe';
import { relinkWebhookAction, type RelinkWebhookAction } from '@fc-relink/server';
import { EXPIRES } from './fixtures.js';

const stripe = new Stripe('sk_test_webhookTests', { telemetry: false });
const SECRET = 'whsec_fcRelinkWebhookTests';

/** An event as Stripe sends it, signed and verified by the SDK: what `constructEvent` gives a host. */
function verified(type: string, object: Record<string, unknown>): Stripe.Event {
  const payload = JSON.stringify({
    id: 'evt_1',
    object: 'event',
    api_version: '2026-01-28.preview',
    created: 1_799_000_000,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  });
  const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return stripe.webhooks.constructEvent(payload, header, SECRET);
}

const account = (status: string, details: Record<string, unknown>): Record<string, unknown> => ({
  id: 'fca_1',
  object: 'financial_connections.account',
  authorization: 'fcauthz_1',
  status,
  status_details: details,
});
const authorization = (status: string, details: Record<string, unknown>): Record<string, unknown> => ({
  id: 'fcauthz_2',
  object: 'financial_connections.authorization',
  institution_name: 'StripeBank',
  status,
  status_details: details,
});

const expiring = { active: { action: 'relink_required', cause: 'access_expired', expected_deactivation_date: EXPIRES } };
const quiet = { active: { action: 'none', cause: 'unspecified', expected_deactivation_date: EXPIRES } };

/** What relinkWebhookAction reads from an event about `account()` or `authorization()` above. */
const about =
  (object: 'account' | 'authorization') =>
  (fields: Partial<RelinkWebhookAction>): RelinkWebhookAction => ({
    action: 'none',
    object,
    id: object === 'account' ? 'fca_1' : 'fcauthz_2',
    authorization: object === 'account' ? 'fcauthz_1' : 'fcauthz_2',
    cause: null,
    expectedDeactivationDate: null,
    ...fields,
  });
const onAccount = about('account');
const onAuthorization = about('authorization');
const NOTHING: RelinkWebhookAction = { action: 'none', object: null, id: null, authorization: null, cause: null, expectedDeactivationDate: null };

describe('relinkWebhookAction: the table of SPEC section 10, on SDK-verified events', () => {
  const rows: Array<[string, string, Record<string, unknown>, RelinkWebhookAction]> = [
    [
      'deactivated, relink required',
      'financial_connections.account.deactivated',
      account('inactive', { inactive: { action: 'relink_required', cause: 'access_expired' } }),
      onAccount({ action: 'relink_now', cause: 'access_expired' }),
    ],
    [
      'deactivated, action none (closed at the bank)',
      'financial_connections.account.deactivated',
      account('inactive', { inactive: { action: 'none', cause: 'account_closed' } }),
      onAccount({ action: 'replace_payment_method', cause: 'account_closed' }),
    ],
    ['disconnected', 'financial_connections.account.disconnected', account('disconnected', {}), onAccount({ action: 'replace_payment_method' })],
    [
      'deactivated without status_details.inactive (an older API version)',
      'financial_connections.account.deactivated',
      { id: 'fca_1', object: 'financial_connections.account', authorization: 'fcauthz_1', status: 'inactive' },
      onAccount({ action: 'unknown' }),
    ],
    [
      'deactivated, an action Stripe may add later',
      'financial_connections.account.deactivated',
      account('inactive', { inactive: { action: 'contact_support', cause: 'unspecified' } }),
      onAccount({ action: 'unknown', cause: 'unspecified' }),
    ],
    [
      'account upcoming_deactivation, relink required',
      'financial_connections.account.upcoming_deactivation',
      account('active', expiring),
      onAccount({ action: 'relink_soon', cause: 'access_expired', expectedDeactivationDate: EXPIRES }),
    ],
    [
      'account expected_deactivation_date_updated, relink required',
      'financial_connections.account.expected_deactivation_date_updated',
      account('active', expiring),
      onAccount({ action: 'relink_soon', cause: 'access_expired', expectedDeactivationDate: EXPIRES }),
    ],
    ['account upcoming_deactivation, action none', 'financial_connections.account.upcoming_deactivation', account('active', quiet), onAccount({})],
    [
      'account expected_deactivation_date_updated, no active details',
      'financial_connections.account.expected_deactivation_date_updated',
      account('active', {}),
      onAccount({}),
    ],
    [
      'authorization upcoming_deactivation, relink required',
      'financial_connections.authorization.upcoming_deactivation',
      authorization('active', { active: { action: 'relink_required', expected_deactivation_date: EXPIRES } }),
      onAuthorization({ action: 'relink_soon', expectedDeactivationDate: EXPIRES }),
    ],
    [
      'authorization expected_deactivation_date_updated, relink required',
      'financial_connections.authorization.expected_deactivation_date_updated',
      authorization('active', { active: { action: 'relink_required', expected_deactivation_date: EXPIRES } }),
      onAuthorization({ action: 'relink_soon', expectedDeactivationDate: EXPIRES }),
    ],
    [
      'authorization upcoming_deactivation, action none',
      'financial_connections.authorization.upcoming_deactivation',
      authorization('active', { active: { action: 'none', expected_deactivation_date: EXPIRES } }),
      onAuthorization({}),
    ],
    ['reactivated', 'financial_connections.account.reactivated', account('active', {}), onAccount({ action: 'relinked' })],
    ['another account event', 'financial_connections.account.refreshed_balance', account('active', expiring), onAccount({})],
    ['another event altogether', 'customer.updated', { id: 'cus_1', object: 'customer' }, NOTHING],
    ['an event about a SetupIntent', 'setup_intent.succeeded', { id: 'seti_1', object: 'setup_intent', status: 'succeeded' }, NOTHING],
  ];
  for (const [name, type, object, expected] of rows) {
    test(name, () => {
      assert.deepEqual(relinkWebhookAction(verified(type, object)), expected);
    });
  }

  test('an expanded authorization on the account gives its id', () => {
    const event = verified('financial_connections.account.deactivated', {
      ...account('inactive', { inactive: { action: 'relink_required', cause: 'access_expired' } }),
      authorization: { id: 'fcauthz_9', object: 'financial_connections.authorization' },
    });
    assert.equal(relinkWebhookAction(event).authorization, 'fcauthz_9');
  });

  test('a signature the SDK rejects never becomes an event: wrong secret, tampered payload, old timestamp', () => {
    const payload = JSON.stringify({ id: 'evt_1', object: 'event', type: 'financial_connections.account.deactivated', data: { object: account('inactive', {}) } });
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const rejects = (run: () => unknown): void => assert.throws(run, Stripe.errors.StripeSignatureVerificationError);
    rejects(() => stripe.webhooks.constructEvent(payload, header, 'whsec_someoneElse'));
    rejects(() => stripe.webhooks.constructEvent(payload.replace('deactivated', 'reactivated'), header, SECRET));
    rejects(() => stripe.webhooks.constructEvent(payload, 't=1,v1=00', SECRET));
    const old = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 });
    rejects(() => stripe.webhooks.constructEvent(payload, old, SECRET));
  });
});

describe('relinkWebhookAction: any input', () => {
  const junk: Array<[string, unknown, RelinkWebhookAction['action']]> = [
    ['undefined', undefined, 'none'],
    ['null', null, 'none'],
    ['a string', 'financial_connections.account.deactivated', 'none'],
    ['an array', [{ type: 'financial_connections.account.deactivated' }], 'none'],
    ['no type', { data: { object: account('inactive', {}) } }, 'none'],
    ['a type that is not a string', { type: 7 }, 'none'],
    ['no data', { type: 'financial_connections.account.deactivated' }, 'unknown'],
    ['data.object a string', { type: 'financial_connections.account.deactivated', data: { object: 'fca_1' } }, 'unknown'],
    ['a type in another case', { type: 'FINANCIAL_CONNECTIONS.ACCOUNT.DEACTIVATED', data: { object: account('inactive', { inactive: { action: 'relink_required' } }) } }, 'none'],
    ['a proxy whose getters throw', new Proxy({}, { get: () => { throw new Error('boom'); } }), 'unknown'],
    [
      'a getter that throws deep inside',
      { type: 'financial_connections.account.deactivated', data: { object: { id: 'fca_1', status_details: { get inactive() { throw new Error('boom'); } } } } },
      'unknown',
    ],
  ];
  for (const [name, input, action] of junk) {
    test(name, () => {
      assert.equal(relinkWebhookAction(input).action, action);
    });
  }

  test('total: whatever it is given, one of the six actions, the same keys, never a throw', () => {
    const types = fc.constantFrom(
      'financial_connections.account.deactivated',
      'financial_connections.account.disconnected',
      'financial_connections.account.reactivated',
      'financial_connections.account.upcoming_deactivation',
      'financial_connections.account.expected_deactivation_date_updated',
      'financial_connections.authorization.upcoming_deactivation',
      'financial_connections.authorization.expected_deactivation_date_updated',
    );
    const detail = fc.oneof(fc.record({ action: fc.oneof(fc.constantFrom('relink_required', 'none'), fc.anything()), cause: fc.anything(), expected_deactivation_date: fc.anything() }), fc.anything());
    const object = fc.oneof(fc.record({ id: fc.anything(), authorization: fc.anything(), status_details: fc.oneof(fc.record({ active: detail, inactive: detail }), fc.anything()) }), fc.anything());
    const event = fc.oneof(fc.record({ type: fc.oneof(types, fc.anything()), data: fc.oneof(fc.record({ object }), fc.anything()) }), fc.anything());
    fc.assert(
      fc.property(event, (value) => {
        const read = relinkWebhookAction(value);
        assert.deepEqual(Object.keys(read), ['action', 'object', 'id', 'authorization', 'cause', 'expectedDeactivationDate']);
        assert.ok(['relink_now', 'relink_soon', 'replace_payment_method', 'relinked', 'unknown', 'none'].includes(read.action));
        assert.ok(read.expectedDeactivationDate === null || (read.action === 'relink_soon' && Number.isSafeInteger(read.expectedDeactivationDate)));
        for (const field of [read.id, read.authorization, read.cause]) assert.ok(field === null || (typeof field === 'string' && field !== ''));
      }),
      { numRuns: 3000 },
    );
  });
});
