/**
 * resolveRelinkWebhookAction (SPEC section 10): where the payload cannot say (a GA endpoint's
 * `deactivated` and `session.updated`, thin event notifications), it asks Stripe through the real
 * `stripe` SDK, at RELINK_API_VERSION, against the stand-in for api.stripe.com, which renders each
 * object as Stripe does at the version asked for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { RELINK_API_VERSION, relinkWebhookAction, resolveRelinkWebhookAction, type RelinkWebhookAction, type RelinkWebhookClient } from '@fc-relink/server';
import { FAKE_IDS } from '@fc-relink/testing';
import { STAND_IN_ACCOUNTS, STAND_IN_EXPIRES } from '../../../test-support/stripe-api.js';
import { GA, notification, verified } from './events.js';
import { standInForFile } from './stand-in.js';

const api = standInForFile();

/** What reached the stand-in, as `METHOD path version`. */
const wire = (): string[] => api.server.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])}`);
const retrieved = (id: string): string => `GET /v1/financial_connections/accounts/${id} ${RELINK_API_VERSION}`;

const onAccount = (id: string, fields: Partial<RelinkWebhookAction>): RelinkWebhookAction => ({
  action: 'none',
  object: 'account',
  id,
  authorization: FAKE_IDS.authorization,
  cause: null,
  expectedDeactivationDate: null,
  outcome: null,
  ...fields,
});

/** A GA endpoint's `deactivated` event: the account as a GA version renders it, without `inactive`. */
async function gaDeactivated(id: string): Promise<ReturnType<typeof verified>> {
  const ga: unknown = await api.stripe.financialConnections.accounts.retrieve(id, {}, { apiVersion: GA });
  api.server.requests.length = 0;
  return verified('financial_connections.account.deactivated', ga as Record<string, unknown>, GA);
}

describe('resolveRelinkWebhookAction: a GA endpoint\'s deactivated event', () => {
  test('the payload cannot say (unknown); the account read at RELINK_API_VERSION can: relink_now', async () => {
    const event = await gaDeactivated(STAND_IN_ACCOUNTS.relinkable);
    assert.equal(relinkWebhookAction(event).action, 'unknown');
    const resolved = await resolveRelinkWebhookAction(api.stripe, event);
    assert.deepEqual(resolved, onAccount(STAND_IN_ACCOUNTS.relinkable, { action: 'relink_now', cause: 'access_expired' }));
    assert.deepEqual(wire(), [retrieved(STAND_IN_ACCOUNTS.relinkable)]);
  });

  test('closed at the bank: replace_payment_method', async () => {
    const resolved = await resolveRelinkWebhookAction(api.stripe, await gaDeactivated(STAND_IN_ACCOUNTS.closed));
    assert.deepEqual(resolved, onAccount(STAND_IN_ACCOUNTS.closed, { action: 'replace_payment_method', cause: 'account_closed' }));
  });

  test('active again by the time it is read: none (its reactivated event follows)', async () => {
    const event = verified('financial_connections.account.deactivated', { id: STAND_IN_ACCOUNTS.active, object: 'financial_connections.account', status: 'inactive' }, GA);
    assert.deepEqual(await resolveRelinkWebhookAction(api.stripe, event), onAccount(STAND_IN_ACCOUNTS.active, {}));
  });

  test('a Connect event: the read goes to the connected account', async () => {
    const event = verified('financial_connections.account.deactivated', { id: STAND_IN_ACCOUNTS.relinkable, status: 'inactive' }, GA, { account: 'acct_1Connected' });
    assert.equal((await resolveRelinkWebhookAction(api.stripe, event)).action, 'relink_now');
    assert.equal(api.server.requests[0]!.headers['stripe-account'], 'acct_1Connected');
  });
});

describe('resolveRelinkWebhookAction: thin event notifications', () => {
  const rows: Array<[string, string, RelinkWebhookAction]> = [
    ['deactivated', STAND_IN_ACCOUNTS.relinkable, onAccount(STAND_IN_ACCOUNTS.relinkable, { action: 'relink_now', cause: 'access_expired' })],
    ['deactivated', STAND_IN_ACCOUNTS.closed, onAccount(STAND_IN_ACCOUNTS.closed, { action: 'replace_payment_method', cause: 'account_closed' })],
    ['disconnected', STAND_IN_ACCOUNTS.closed, onAccount(STAND_IN_ACCOUNTS.closed, { action: 'replace_payment_method', cause: 'account_closed' })],
    ['reactivated', STAND_IN_ACCOUNTS.active, onAccount(STAND_IN_ACCOUNTS.active, { action: 'relinked' })],
    [
      'upcoming_deactivation',
      STAND_IN_ACCOUNTS.expiring,
      onAccount(STAND_IN_ACCOUNTS.expiring, { action: 'relink_soon', cause: 'access_expired', expectedDeactivationDate: STAND_IN_EXPIRES }),
    ],
    [
      'expected_deactivation_date_updated',
      STAND_IN_ACCOUNTS.expiring,
      onAccount(STAND_IN_ACCOUNTS.expiring, { action: 'relink_soon', cause: 'access_expired', expectedDeactivationDate: STAND_IN_EXPIRES }),
    ],
    ['upcoming_deactivation', STAND_IN_ACCOUNTS.active, onAccount(STAND_IN_ACCOUNTS.active, {})],
  ];
  for (const [name, id, expected] of rows) {
    test(`v1.financial_connections.account.${name} for ${id}: one read at RELINK_API_VERSION, ${expected.action}`, async () => {
      const thin = notification(`v1.financial_connections.account.${name}`, id);
      assert.deepEqual(await resolveRelinkWebhookAction(api.stripe, thin), expected);
      assert.deepEqual(wire(), [retrieved(id)]);
    });
  }

  test('upcoming_account_number_expiry and supported_payment_method_types_updated read the retrieved account', async () => {
    const numbers = { ...(await api.stripe.financialConnections.accounts.retrieve(STAND_IN_ACCOUNTS.active, {}, { apiVersion: RELINK_API_VERSION })) };
    api.server.requests.length = 0;
    api.reply = (request) =>
      request.method === 'GET'
        ? {
            status: 200,
            body: {
              ...numbers,
              account_numbers: [{ expected_expiry_date: STAND_IN_EXPIRES, identifier_type: 'tokenized_account_number', status: 'transactable', supported_networks: ['ach'] }],
              supported_payment_method_types: ['link'],
            },
          }
        : undefined;
    const expiry = await resolveRelinkWebhookAction(api.stripe, notification('v1.financial_connections.account.upcoming_account_number_expiry', STAND_IN_ACCOUNTS.active));
    assert.deepEqual(expiry, onAccount(STAND_IN_ACCOUNTS.active, { action: 'relink_soon', expectedDeactivationDate: STAND_IN_EXPIRES }));
    const types = await resolveRelinkWebhookAction(api.stripe, notification('v1.financial_connections.account.supported_payment_method_types_updated', STAND_IN_ACCOUNTS.active));
    assert.deepEqual(types, onAccount(STAND_IN_ACCOUNTS.active, { action: 'replace_payment_method' }));
  });

  test('a thin notification the helpers do not read: none, and no request', async () => {
    assert.equal((await resolveRelinkWebhookAction(api.stripe, notification('v1.financial_connections.account.refreshed_balance', STAND_IN_ACCOUNTS.active))).action, 'none');
    assert.deepEqual(wire(), []);
  });
});

describe('resolveRelinkWebhookAction: a hosted relink\'s session.updated at a GA version', () => {
  test('reads the session at RELINK_API_VERSION: relinked, with the outcome', async () => {
    api.server.sessions.set('fcsess_hosted1', {
      id: 'fcsess_hosted1',
      object: 'financial_connections.session',
      accounts: { object: 'list', data: [{ id: STAND_IN_ACCOUNTS.relinkable, object: 'financial_connections.account' }], has_more: false },
      relink_options: { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.relinkable },
      relink_result: { account: STAND_IN_ACCOUNTS.relinkable, authorization: FAKE_IDS.authorization, failure_reason: null },
      status: 'succeeded',
      ui_mode: 'hosted',
    });
    const ga: unknown = await api.stripe.financialConnections.sessions.retrieve('fcsess_hosted1');
    assert.equal((ga as Record<string, unknown>)['relink_options'], undefined, 'a GA version renders no relink fields');
    api.server.requests.length = 0;
    const resolved = await resolveRelinkWebhookAction(api.stripe, verified('financial_connections.session.updated', ga as Record<string, unknown>, GA));
    assert.equal(resolved.action, 'relinked');
    assert.equal(resolved.object, 'session');
    assert.equal(resolved.authorization, FAKE_IDS.authorization);
    assert.equal(resolved.outcome?.type === 'success' && resolved.outcome.kind, 'account_relinked');
    assert.deepEqual(wire(), [`GET /v1/financial_connections/sessions/fcsess_hosted1 ${RELINK_API_VERSION}`]);
  });
});

describe('resolveRelinkWebhookAction: no request when the payload says, and never a throw', () => {
  test('an event whose payload says: answered as relinkWebhookAction, no request', async () => {
    const event = verified('financial_connections.account.reactivated', { id: 'fca_1', authorization: 'fcauthz_1', status: 'active' }, GA);
    assert.deepEqual(await resolveRelinkWebhookAction(api.stripe, event), relinkWebhookAction(event));
    assert.deepEqual(wire(), []);
  });

  test("an account Stripe does not know (404): unknown, as read, no throw", async () => {
    const thin = notification('v1.financial_connections.account.deactivated', STAND_IN_ACCOUNTS.missing);
    assert.deepEqual(await resolveRelinkWebhookAction(api.stripe, thin), relinkWebhookAction(thin));
    assert.equal((await resolveRelinkWebhookAction(api.stripe, thin)).action, 'unknown');
  });

  test('Stripe down (500), or a client that throws at once: unknown, no throw', async () => {
    api.reply = () => ({ status: 500, body: { error: { type: 'api_error', message: 'down' } } });
    const thin = notification('v1.financial_connections.account.deactivated', STAND_IN_ACCOUNTS.relinkable);
    assert.equal((await resolveRelinkWebhookAction(api.stripe, thin)).action, 'unknown');
    const throwing = {
      financialConnections: {
        accounts: { retrieve: () => { throw new Error('boom'); } },
        sessions: { retrieve: () => { throw new Error('boom'); } },
      },
    } satisfies RelinkWebhookClient;
    assert.equal((await resolveRelinkWebhookAction(throwing, thin)).action, 'unknown');
    // Not a client at all.
    for (const client of [null, undefined, {}, { financialConnections: 'x' }]) {
      assert.equal((await resolveRelinkWebhookAction(client as never, thin)).action, 'unknown');
    }
  });

  test('an id that is not an account id is never sent to Stripe', async () => {
    for (const id of ['fca_1/../../v1/customers', 'cus_1', '', 'fca_1?expand[]=x']) {
      const thin = { type: 'v1.financial_connections.account.deactivated', related_object: { id, type: 'financial_connections.account' } };
      assert.equal((await resolveRelinkWebhookAction(api.stripe, thin)).action, 'unknown', id);
    }
    assert.deepEqual(wire(), []);
  });

  test('a retrieve that answers another object: unknown', async () => {
    api.reply = () => ({ status: 200, body: { id: 'fca_other', object: 'financial_connections.account', status: 'inactive', status_details: { inactive: { action: 'relink_required' } } } });
    const thin = notification('v1.financial_connections.account.deactivated', STAND_IN_ACCOUNTS.relinkable);
    assert.equal((await resolveRelinkWebhookAction(api.stripe, thin)).action, 'unknown');
  });

  test('total: any input resolves, never rejects, and with no object to read sends nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (input) => {
        const read = await resolveRelinkWebhookAction(api.stripe, input);
        assert.ok(['relink_now', 'relink_soon', 'replace_payment_method', 'relinked', 'relink_failed', 'unknown', 'none'].includes(read.action));
      }),
      { numRuns: 300 },
    );
    assert.deepEqual(wire(), []);
  });
});
