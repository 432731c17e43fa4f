/**
 * relinkWebhookAction (SPEC section 10): every row of the table, on events signed with the
 * official SDK's `generateTestHeaderString` and read back through its `constructEvent` (snapshot
 * events) or its `parseEventNotification` (thin notifications), as a host's webhook endpoint
 * would; a signature the SDK rejects; and any input at all.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import Stripe from 'stripe';
import { RELINK_THIN_EVENT_TYPES, RELINK_WEBHOOK_EVENT_TYPES, relinkWebhookAction, type RelinkWebhookAction } from '@fc-relink/server';
import { verified, notification, GA, stripe, SECRET } from './events.js';
import { EXPIRES } from './fixtures.js';

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
    outcome: null,
    ...fields,
  });
const onAccount = about('account');
const onAuthorization = about('authorization');
const NOTHING: RelinkWebhookAction = { action: 'none', object: null, id: null, authorization: null, cause: null, expectedDeactivationDate: null, outcome: null };
/** A second date, before {@link EXPIRES}. */
const SOONER = EXPIRES - 86_400 * 10;

/** A relink session as `session.updated` renders it at a preview version. */
const session = (status: string, result: Record<string, unknown> | null, account: string | null = 'fca_1'): Record<string, unknown> => ({
  id: 'fcsess_1',
  object: 'financial_connections.session',
  accounts: { object: 'list', data: result?.['account'] ? [{ id: 'fca_1', object: 'financial_connections.account' }] : [], has_more: false },
  relink_options: { authorization: 'fcauthz_1', ...(account === null ? {} : { account }) },
  ...(result === null ? {} : { relink_result: result }),
  status,
  ui_mode: 'hosted',
});
const onSession = (fields: Partial<RelinkWebhookAction>): RelinkWebhookAction => ({ ...NOTHING, object: 'session', id: 'fcsess_1', authorization: 'fcauthz_1', ...fields });

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
      'deactivated without status_details.inactive (a GA version: every real webhook endpoint)',
      'financial_connections.account.deactivated',
      { id: 'fca_1', object: 'financial_connections.account', status: 'inactive', status_details: {} },
      onAccount({ action: 'unknown', authorization: null }),
    ],
    [
      'upcoming_account_number_expiry: relink before the earliest number expires',
      'financial_connections.account.upcoming_account_number_expiry',
      {
        ...account('active', {}),
        account_numbers: [
          { expected_expiry_date: EXPIRES, identifier_type: 'tokenized_account_number', status: 'transactable', supported_networks: ['ach'] },
          { expected_expiry_date: SOONER, identifier_type: 'tokenized_account_number', status: 'transactable', supported_networks: ['ach'] },
          { expected_expiry_date: null, identifier_type: 'account_number', status: 'transactable', supported_networks: ['ach'] },
        ],
      },
      onAccount({ action: 'relink_soon', expectedDeactivationDate: SOONER }),
    ],
    [
      'upcoming_account_number_expiry without dates: relink soon, date unknown',
      'financial_connections.account.upcoming_account_number_expiry',
      { ...account('active', {}), account_numbers: [{ expected_expiry_date: null }] },
      onAccount({ action: 'relink_soon' }),
    ],
    [
      'supported_payment_method_types_updated: no longer us_bank_account',
      'financial_connections.account.supported_payment_method_types_updated',
      { ...account('active', {}), supported_payment_method_types: ['link'] },
      onAccount({ action: 'replace_payment_method' }),
    ],
    [
      'supported_payment_method_types_updated: still us_bank_account',
      'financial_connections.account.supported_payment_method_types_updated',
      { ...account('active', {}), supported_payment_method_types: ['link', 'us_bank_account'] },
      onAccount({}),
    ],
    [
      'session.updated: a hosted relink that relinked the account',
      'financial_connections.session.updated',
      session('succeeded', { account: 'fca_1', authorization: 'fcauthz_1', failure_reason: null }),
      onSession({ action: 'relinked' }),
    ],
    [
      'session.updated: a hosted relink that did not find the account',
      'financial_connections.session.updated',
      session('failed', { account: null, authorization: null, failure_reason: 'no_account' }),
      onSession({ action: 'relink_failed' }),
    ],
    [
      'session.updated: a hosted relink the customer cancelled',
      'financial_connections.session.updated',
      session('cancelled', { account: null, authorization: null, failure_reason: 'other' }),
      onSession({ action: 'relink_failed' }),
    ],
    ['session.updated: still pending', 'financial_connections.session.updated', session('pending', null), onSession({})],
    [
      'session.updated: not a relink session',
      'financial_connections.session.updated',
      { id: 'fcsess_1', object: 'financial_connections.session', status: 'succeeded' },
      onSession({ authorization: null }),
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
    ['an account event the helpers do not read', 'financial_connections.account.refreshed_balance', account('active', expiring), NOTHING],
    ['another event altogether', 'customer.updated', { id: 'cus_1', object: 'customer' }, NOTHING],
    ['an event about a SetupIntent', 'setup_intent.succeeded', { id: 'seti_1', object: 'setup_intent', status: 'succeeded' }, NOTHING],
  ];
  for (const [name, type, object, expected] of rows) {
    test(name, () => {
      const read = relinkWebhookAction(verified(type, object));
      assert.deepEqual({ ...read, outcome: null }, expected);
      if (expected.object !== 'session' || expected.action === 'none') assert.equal(read.outcome, null);
    });
  }

  test('session.updated carries the outcome the element would give', () => {
    const relinked = relinkWebhookAction(verified('financial_connections.session.updated', session('succeeded', { account: 'fca_1', authorization: 'fcauthz_1', failure_reason: null })));
    assert.deepEqual(relinked.outcome && { type: relinked.outcome.type, kind: relinked.outcome.type === 'success' && relinked.outcome.kind }, { type: 'success', kind: 'account_relinked' });
    const failed = relinkWebhookAction(verified('financial_connections.session.updated', session('failed', { account: null, authorization: null, failure_reason: 'no_account' })));
    assert.deepEqual(failed.outcome?.type === 'failure' && [failed.outcome.reason, failed.outcome.fallbacks], ['no_account', ['authorization_retry', 'new_payment_method']]);
  });

  test('session.updated rendered at a GA version has no relink_options: only Stripe can say (unknown)', () => {
    const event = verified('financial_connections.session.updated', { id: 'fcsess_1', object: 'financial_connections.session' }, GA);
    assert.deepEqual(relinkWebhookAction(event), onSession({ action: 'unknown', authorization: null }));
  });

  test('thin notifications (v1.financial_connections.account.*) carry no object: unknown, with the account id', () => {
    for (const name of ['deactivated', 'disconnected', 'reactivated', 'upcoming_deactivation', 'expected_deactivation_date_updated', 'upcoming_account_number_expiry', 'supported_payment_method_types_updated']) {
      assert.deepEqual(relinkWebhookAction(notification(`v1.financial_connections.account.${name}`, 'fca_1')), { ...NOTHING, action: 'unknown', object: 'account', id: 'fca_1' }, name);
    }
    assert.deepEqual(relinkWebhookAction(notification('v1.financial_connections.account.refreshed_balance', 'fca_1')), NOTHING);
  });

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

  test('total: whatever it is given, one of the seven actions, the same keys, never a throw', () => {
    const types = fc.constantFrom(...RELINK_WEBHOOK_EVENT_TYPES, ...RELINK_THIN_EVENT_TYPES);
    const detail = fc.oneof(fc.record({ action: fc.oneof(fc.constantFrom('relink_required', 'none'), fc.anything()), cause: fc.anything(), expected_deactivation_date: fc.anything() }), fc.anything());
    const object = fc.oneof(
      fc.record({
        id: fc.anything(),
        authorization: fc.anything(),
        status: fc.oneof(fc.constantFrom('succeeded', 'failed', 'cancelled', 'active'), fc.anything()),
        status_details: fc.oneof(fc.record({ active: detail, inactive: detail }), fc.anything()),
        account_numbers: fc.oneof(fc.array(fc.record({ expected_expiry_date: fc.oneof(fc.integer(), fc.anything()) })), fc.anything()),
        supported_payment_method_types: fc.oneof(fc.array(fc.constantFrom('link', 'us_bank_account')), fc.anything()),
        relink_options: fc.oneof(fc.record({ authorization: fc.anything(), account: fc.anything() }), fc.anything()),
        relink_result: fc.oneof(fc.record({ account: fc.anything(), authorization: fc.anything(), failure_reason: fc.anything() }), fc.anything()),
      }),
      fc.anything(),
    );
    const event = fc.oneof(
      fc.record({ type: fc.oneof(types, fc.anything()), api_version: fc.anything(), data: fc.oneof(fc.record({ object }), fc.anything()), related_object: fc.anything() }),
      fc.anything(),
    );
    fc.assert(
      fc.property(event, (value) => {
        const read = relinkWebhookAction(value);
        assert.deepEqual(Object.keys(read), ['action', 'object', 'id', 'authorization', 'cause', 'expectedDeactivationDate', 'outcome']);
        assert.ok(['relink_now', 'relink_soon', 'replace_payment_method', 'relinked', 'relink_failed', 'unknown', 'none'].includes(read.action));
        assert.ok(read.outcome === null || read.object === 'session');
        assert.ok(read.expectedDeactivationDate === null || (read.action === 'relink_soon' && Number.isSafeInteger(read.expectedDeactivationDate)));
        for (const field of [read.id, read.authorization, read.cause]) assert.ok(field === null || (typeof field === 'string' && field !== ''));
      }),
      { numRuns: 3000 },
    );
  });
});
