/**
 * Stripe-hosted relink (SPEC section 13): createHostedRelinkSession and hostedRelinkOutcome
 * through the real `stripe` SDK, against the stand-in for api.stripe.com
 * (test-support/stripe-api.ts), which answers hosted sessions as Stripe does at the version each
 * request names, emails the account holder for delivery `email`, and keeps Stripe's idempotency.
 * The session's end reaches the webhook helpers as Stripe's `financial_connections.session.updated`
 * event, signed and verified by the SDK.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import Stripe from 'stripe';
import type StripePreview from 'stripe-preview';
import { interpretRelinkResult } from '@fc-relink/core/interpret';
import {
  createHostedRelinkSession,
  hostedRelinkOutcome,
  RELINK_API_VERSION,
  RelinkParamsError,
  RelinkSessionError,
  relinkWebhookAction,
  resolveRelinkWebhookAction,
  type CreateHostedRelinkSessionOptions,
  type HostedRelinkOutcomeClient,
  type RelinkAccount,
  type RelinkOutcome,
} from '@fc-relink/server';
import { FAKE_IDS } from '@fc-relink/testing';
import {
  STAND_IN_ACCOUNTS,
  STAND_IN_CUSTOMER,
  STAND_IN_CUSTOMER_EMAIL,
  STAND_IN_SECRET_KEY,
  stripeError,
} from '../../../test-support/stripe-api.js';
import { SECRET, stripe as webhooks } from './events.js';
import { customerAccount, holderlessAccount } from './fixtures.js';
import { standInForFile } from './stand-in.js';

const api = standInForFile();

const RETURN_URL = 'https://example.com/relink-return';
const PAGE = /^https:\/\/connect\.stripe\.com\/\S+$/;
const SESSIONS = '/v1/financial_connections/sessions';

/** The stand-in's expiring account, as `RELINK_API_VERSION` renders it (a read the test itself makes). */
async function expiringAccount(): Promise<RelinkAccount> {
  const account = await api.stripe.financialConnections.accounts.retrieve(STAND_IN_ACCOUNTS.expiring, {}, { apiVersion: RELINK_API_VERSION });
  api.server.requests.length = 0;
  return account;
}

const hostedBy = (delivery: 'url' | 'email', extra: Partial<CreateHostedRelinkSessionOptions> = {}): CreateHostedRelinkSessionOptions =>
  ({ purpose: 'payments', scope: 'account', hosted: { delivery }, returnUrl: RETURN_URL, ...extra }) as CreateHostedRelinkSessionOptions;

/** What reached the stand-in, as `METHOD path version`. */
const wire = (): string[] => api.server.requests.map((r) => `${r.method} ${r.path} ${String(r.headers['stripe-version'])}`);

describe('createHostedRelinkSession on the wire', () => {
  test("delivery url: ui_mode hosted, the delivery method and return_url at RELINK_API_VERSION; Stripe's page comes back", async () => {
    const account = await expiringAccount();
    const before = api.server.sessions.size;
    const session = await createHostedRelinkSession(api.stripe, account, hostedBy('url'));

    assert.deepEqual(wire(), [`POST ${SESSIONS} ${RELINK_API_VERSION}`]);
    const [request] = api.server.requests;
    assert.deepEqual(request!.form, [
      ['account_holder[type]', 'customer'],
      ['account_holder[customer]', STAND_IN_CUSTOMER],
      ['permissions[0]', 'payment_method'],
      ['relink_options[authorization]', FAKE_IDS.authorization],
      ['relink_options[account]', STAND_IN_ACCOUNTS.expiring],
      ['return_url', RETURN_URL],
      ['ui_mode', 'hosted'],
      ['hosted[delivery_method]', 'url'],
    ]);
    const created = request!.reply.body as { id: string; url: string; client_secret: string };
    assert.deepEqual(session, { id: created.id, url: created.url });
    assert.match(session.url!, PAGE);
    // Only the id and the page: never the client secret.
    assert.deepEqual(Object.keys(session), ['id', 'url']);
    assert.equal(api.server.sessions.size, before + 1);
    assert.deepEqual(api.server.emails, []);
  });

  test('delivery email: no url, and Stripe emails the account holder', async () => {
    const account = await expiringAccount();
    const emailsBefore = api.server.emails.length;
    const sentAfter = Math.floor(Date.now() / 1000);
    const session = await createHostedRelinkSession(api.stripe, account, hostedBy('email'));

    assert.equal(session.url, null);
    assert.match(session.id, /^fcsess_/);
    assert.deepEqual(api.server.requests[0]!.params['hosted'], { delivery_method: 'email' });
    const emails = api.server.emails.slice(emailsBefore);
    assert.equal(emails.length, 1);
    assert.deepEqual(emails[0]!.to, { holder: STAND_IN_CUSTOMER, email: STAND_IN_CUSTOMER_EMAIL });
    assert.equal(emails[0]!.session, session.id);
    assert.match(emails[0]!.link, PAGE);
    assert.ok(emails[0]!.sentAt >= sentAfter);
    // As Stripe renders it at the relink version: hosted, pending, no url.
    // Read as Stripe's preview SDK types it: the GA SDK has no hosted fields.
    const stored = (await api.stripe.financialConnections.sessions.retrieve(session.id, {}, { apiVersion: RELINK_API_VERSION })) as unknown as StripePreview.FinancialConnections.Session;
    assert.deepEqual(
      { ui_mode: stored.ui_mode, hosted: stored.hosted, url: stored.url, status: stored.status },
      { ui_mode: 'hosted', hosted: { delivery_method: 'email', return_url: RETURN_URL }, url: null, status: 'pending' },
    );
  });

  test('the same idempotency key twice (a webhook delivered twice): one session, one email, the same answer', async () => {
    const account = await expiringAccount();
    const sessionsBefore = api.server.sessions.size;
    const emailsBefore = api.server.emails.length;
    const options = hostedBy('email', { idempotencyKey: 'fc-relink-email-evt_twice' });
    const first = await createHostedRelinkSession(api.stripe, account, options);
    const second = await createHostedRelinkSession(api.stripe, account, options);

    assert.deepEqual(second, first);
    assert.equal(api.server.sessions.size, sessionsBefore + 1);
    assert.equal(api.server.emails.length, emailsBefore + 1);
    assert.deepEqual(api.server.requests.map((r) => r.headers['idempotency-key']), ['fc-relink-email-evt_twice', 'fc-relink-email-evt_twice']);
    assert.deepEqual(api.server.requests.map((r) => r.reply.headers?.['idempotent-replayed']), [undefined, 'true']);
  });

  test("the same key with other parameters: Stripe's idempotency_error, unchanged, and nothing made", async () => {
    const account = await expiringAccount();
    await createHostedRelinkSession(api.stripe, account, hostedBy('url', { idempotencyKey: 'fc-relink-reused' }));
    const sessions = api.server.sessions.size;
    await assert.rejects(createHostedRelinkSession(api.stripe, account, hostedBy('email', { idempotencyKey: 'fc-relink-reused' })), (error: unknown) => {
      assert.ok(error instanceof Stripe.errors.StripeIdempotencyError, String(error));
      assert.equal(error.rawType, 'idempotency_error');
      return true;
    });
    assert.equal(api.server.sessions.size, sessions);
  });

  test('a Connect account and a later preview go out with the request', async () => {
    const account = await expiringAccount();
    await createHostedRelinkSession(api.stripe, account, hostedBy('url', { stripeAccount: 'acct_1Connected', apiVersion: '2026-09-30.preview' }));
    assert.equal(api.server.requests[0]!.headers['stripe-account'], 'acct_1Connected');
    assert.equal(api.server.requests[0]!.headers['stripe-version'], '2026-09-30.preview');
  });

  test('bad input is refused before any request: no returnUrl, no hosted, another delivery, nobody to email', async () => {
    const refused: Array<[string, RelinkAccount, unknown, string]> = [
      ['no returnUrl', customerAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'url' } }, 'invalid_options'],
      ['no returnUrl, by email', customerAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'email' } }, 'invalid_options'],
      ['no hosted', customerAccount, { purpose: 'payments', scope: 'account', returnUrl: RETURN_URL }, 'invalid_options'],
      ['delivery sms', customerAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'sms' }, returnUrl: RETURN_URL }, 'invalid_options'],
      ['a javascript: returnUrl', customerAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'url' }, returnUrl: 'javascript:alert(1)' }, 'invalid_return_url'],
      ['email, and the account has no holder', holderlessAccount, { purpose: 'payments', scope: 'account', hosted: { delivery: 'email' }, returnUrl: RETURN_URL }, 'invalid_account_holder'],
      ['an old preview', customerAccount, { ...hostedBy('url'), apiVersion: '2026-03-25.preview' }, 'unsupported_api_version'],
      ['an empty idempotency key', customerAccount, { ...hostedBy('url'), idempotencyKey: '' }, 'invalid_options'],
      ['no options', customerAccount, undefined, 'invalid_options'],
    ];
    for (const [name, account, options, code] of refused) {
      await assert.rejects(createHostedRelinkSession(api.stripe, account, options as CreateHostedRelinkSessionOptions), (error: unknown) => {
        assert.ok(error instanceof RelinkParamsError, name);
        assert.equal(error.code, code, name);
        return true;
      });
    }
    assert.deepEqual(wire(), []);
  });

  test("Stripe's own refusal comes through unchanged: no email address on file for the holder", async () => {
    // customerAccount's holder, cus_1, has no email address at the stand-in's Stripe.
    await assert.rejects(createHostedRelinkSession(api.stripe, customerAccount, hostedBy('email')), (error: unknown) => {
      assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError, String(error));
      assert.match(error.message, /email/);
      return true;
    });
    assert.equal(api.server.requests[0]!.reply.status, 400);
  });

  test('an answer that is not the hosted session asked for is an error, not a URL to send a customer to', async () => {
    const account = await expiringAccount();
    const base = { id: 'fcsess_answered1', object: 'financial_connections.session', ui_mode: 'hosted', hosted: { delivery_method: 'url', return_url: RETURN_URL } };
    const answers: Array<[string, 'url' | 'email', Record<string, unknown>]> = [
      ['no url', 'url', { ...base, url: null }],
      ['an http url', 'url', { ...base, url: 'http://connect.stripe.com/x' }],
      ['another site', 'url', { ...base, url: 'https://connect.stripe.com.evil.example/x' }],
      ['credentials in the url', 'url', { ...base, url: 'https://user:pass@connect.stripe.com/x' }],
      ['a port', 'url', { ...base, url: 'https://connect.stripe.com:8443/x' }],
      ['a javascript: url', 'url', { ...base, url: 'javascript:alert(1)' }],
      ['not a string', 'url', { ...base, url: { href: 'https://connect.stripe.com/x' } }],
      ['no id', 'url', { ...base, id: undefined, url: 'https://connect.stripe.com/x' }],
      ['a secret for an id', 'email', { ...base, id: 'fcsess_1_secret_abc', url: null }],
      ['a modal session', 'email', { ...base, ui_mode: 'modal', url: null }],
      ['another delivery', 'email', { ...base, url: 'https://connect.stripe.com/x' }],
    ];
    for (const [name, delivery, body] of answers) {
      api.reply = () => ({ status: 200, body });
      await assert.rejects(createHostedRelinkSession(api.stripe, account, hostedBy(delivery)), (error: unknown) => {
        assert.ok(error instanceof RelinkSessionError, name);
        assert.equal(error.code, 'invalid_response', name);
        assert.ok(!error.message.includes('evil') && !error.message.includes('secret_abc'), error.message);
        return true;
      });
    }
    // Stripe's pages on any stripe.com host are Stripe's.
    api.reply = () => ({ status: 200, body: { ...base, url: 'https://stripe.com/relink/x' } });
    assert.deepEqual(await createHostedRelinkSession(api.stripe, account, hostedBy('url')), { id: 'fcsess_answered1', url: 'https://stripe.com/relink/x' });
  });
});

describe("the stand-in answers hosted sessions as Stripe does (the SDK's own calls)", () => {
  const params = (extra: Record<string, unknown>): Stripe.FinancialConnections.SessionCreateParams =>
    ({
      account_holder: { type: 'customer', customer: STAND_IN_CUSTOMER },
      permissions: ['payment_method'],
      relink_options: { authorization: FAKE_IDS.authorization, account: STAND_IN_ACCOUNTS.expiring },
      ...extra,
    }) as Stripe.FinancialConnections.SessionCreateParams;
  const refusal = async (extra: Record<string, unknown>, apiVersion: string): Promise<Stripe.errors.StripeError> => {
    const error: unknown = await api.stripe.financialConnections.sessions.create(params(extra), { apiVersion }).then(
      () => assert.fail('created'),
      (thrown: unknown) => thrown,
    );
    assert.ok(error instanceof Stripe.errors.StripeInvalidRequestError, String(error));
    return error;
  };

  test('at a GA version, ui_mode and hosted are unknown parameters', async () => {
    for (const extra of [{ ui_mode: 'hosted' }, { hosted: { delivery_method: 'email' } }]) {
      const error = await refusal({ ...extra, return_url: RETURN_URL, relink_options: undefined }, Stripe.API_VERSION);
      assert.equal(error.code, 'parameter_unknown');
    }
  });

  test('hosted without return_url or without hosted: parameter_missing', async () => {
    assert.equal((await refusal({ ui_mode: 'hosted', hosted: { delivery_method: 'url' } }, RELINK_API_VERSION)).param, 'return_url');
    assert.equal((await refusal({ ui_mode: 'hosted', return_url: RETURN_URL }, RELINK_API_VERSION)).param, 'hosted');
  });

  test('delivery url or email only with relink_options; no other delivery', async () => {
    await refusal({ ui_mode: 'hosted', hosted: { delivery_method: 'url' }, return_url: RETURN_URL, relink_options: undefined }, RELINK_API_VERSION);
    await refusal({ ui_mode: 'hosted', hosted: { delivery_method: 'sms' }, return_url: RETURN_URL }, RELINK_API_VERSION);
    assert.equal(api.server.sessions.size > 0, true);
    assert.deepEqual(api.server.requests.map((r) => r.reply.status), [400, 400]);
  });

  test('a GA read of a hosted session shows none of its preview fields', async () => {
    const session = await createHostedRelinkSession(api.stripe, await expiringAccount(), hostedBy('url'));
    const ga = (await api.stripe.financialConnections.sessions.retrieve(session.id)) as unknown as Record<string, unknown>;
    for (const field of ['ui_mode', 'hosted', 'url', 'relink_options', 'status']) assert.equal(ga[field], undefined, field);
    assert.equal(ga['return_url'], RETURN_URL);
  });
});

describe('hostedRelinkOutcome: the page at return_url', () => {
  const hostedSession = async (delivery: 'url' | 'email' = 'url'): Promise<string> => {
    const { id } = await createHostedRelinkSession(api.stripe, await expiringAccount(), hostedBy(delivery));
    api.server.requests.length = 0;
    return id;
  };

  test('still pending: relink_result_missing, retryable, after one read at RELINK_API_VERSION', async () => {
    const id = await hostedSession();
    const outcome = await hostedRelinkOutcome(api.stripe, id);
    assert.equal(outcome.type, 'error');
    assert.ok(outcome.type === 'error');
    assert.equal(outcome.code, 'relink_result_missing');
    assert.equal(outcome.retryable, true);
    assert.deepEqual(outcome.fallbacks, []);
    assert.match(outcome.message, /pending/);
    assert.deepEqual(wire(), [`GET ${SESSIONS}/${id} ${RELINK_API_VERSION}`]);
  });

  test("succeeded: the element's own outcome, account_relinked", async () => {
    const id = await hostedSession('email');
    api.server.completeSession(id, { status: 'succeeded' });
    const outcome = await hostedRelinkOutcome(api.stripe, id, { existingAccountIds: [STAND_IN_ACCOUNTS.expiring] });
    assert.ok(outcome.type === 'success', JSON.stringify(outcome));
    assert.equal(outcome.kind, 'account_relinked');
    assert.equal(outcome.sessionId, id);
    assert.equal(outcome.account, STAND_IN_ACCOUNTS.expiring);
    assert.equal(outcome.needsNewPaymentMethod, false);
    assert.deepEqual(outcome.accounts.map((a) => [a.id, a.isNew]), [[STAND_IN_ACCOUNTS.expiring, false]]);
    // The very outcome interpretRelinkResult gives for the session Stripe holds.
    const stored = await api.stripe.financialConnections.sessions.retrieve(id, {}, { apiVersion: RELINK_API_VERSION });
    assert.deepEqual(outcome, interpretRelinkResult({ financialConnectionsSession: stored }, { existingAccountIds: [STAND_IN_ACCOUNTS.expiring] }));
  });

  test('failed and cancelled: failures with what to offer next', async () => {
    const failed = await hostedSession();
    api.server.completeSession(failed, { status: 'failed', relink_result: { account: null, authorization: null, failure_reason: 'no_account' } });
    const cancelled = await hostedSession();
    api.server.completeSession(cancelled, { status: 'cancelled' });
    const [one, two] = [await hostedRelinkOutcome(api.stripe, failed), await hostedRelinkOutcome(api.stripe, cancelled)];
    assert.ok(one.type === 'failure' && two.type === 'failure');
    assert.deepEqual([one.reason, one.fallbacks], ['no_account', ['authorization_retry', 'new_payment_method']]);
    assert.deepEqual([two.reason, two.fallbacks], ['other', ['retry', 'new_payment_method']]);
  });

  test('a malformed session id: a typed error, nothing sent, the input never echoed', async () => {
    const malformed: unknown[] = [
      '',
      'fca_1',
      'FCSESS_1',
      'fcsess_',
      'fcsess_1/../../v1/customers',
      'fcsess_1?expand[]=accounts',
      'fcsess_abc_secret_xyz',
      'fcsess_abc_SECRET_xyz',
      ` fcsess_1`,
      `fcsess_${'a'.repeat(300)}`,
      'sk_test_51LeakMe0000',
      42,
      null,
      undefined,
      { id: 'fcsess_1' },
    ];
    const messages = new Set<string>();
    for (const id of malformed) {
      const outcome = await hostedRelinkOutcome(api.stripe, id as string);
      assert.ok(outcome.type === 'error', String(id));
      assert.equal(outcome.code, 'unexpected');
      assert.equal(outcome.retryable, false);
      assert.equal(outcome.stripeError, null);
      messages.add(outcome.message);
    }
    // One message whatever came in: nothing of the input is echoed.
    assert.equal(messages.size, 1);
    assert.ok(![...messages][0]!.includes('secret'));
    assert.deepEqual(wire(), []);
  });

  test("a session Stripe does not know: stripe_error with Stripe's error, not retryable", async () => {
    const outcome = await hostedRelinkOutcome(api.stripe, 'fcsess_nobodys1');
    assert.ok(outcome.type === 'error');
    assert.equal(outcome.code, 'stripe_error');
    assert.equal(outcome.retryable, false);
    assert.deepEqual(outcome.stripeError && [outcome.stripeError.type, outcome.stripeError.code], ['invalid_request_error', 'resource_missing']);
    assert.match(outcome.message, /^Stripe could not retrieve the session \(invalid_request_error\/resource_missing\): No such/);
  });

  test('a rate limit (429) and a Stripe outage (500) are retryable; what Stripe says is redacted', async () => {
    const leak = 'sk_live_51LeakedKey00000000 and fcsess_1_secret_abc';
    api.reply = () => stripeError(429, 'invalid_request_error', `Too many requests. ${leak}`, 'rate_limit');
    const limited = await hostedRelinkOutcome(api.stripe, 'fcsess_limited1');
    assert.ok(limited.type === 'error');
    assert.deepEqual([limited.code, limited.retryable, limited.stripeError?.type], ['stripe_error', true, 'rate_limit_error']);
    api.reply = () => stripeError(500, 'api_error', `Something went wrong. ${leak}`);
    const down = await hostedRelinkOutcome(api.stripe, 'fcsess_down1');
    assert.ok(down.type === 'error');
    assert.deepEqual([down.code, down.retryable, down.stripeError?.type], ['stripe_error', true, 'api_error']);
    for (const outcome of [limited, down]) {
      const said = JSON.stringify(outcome);
      assert.ok(!said.includes('sk_live_51') && !said.includes('secret_abc'), said);
      assert.ok(said.includes('[redacted]'), said);
    }
  });

  test('Stripe cannot be reached: stripe_error api_connection_error, retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = new Stripe(STAND_IN_SECRET_KEY, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries: 0, telemetry: false });
    const outcome = await hostedRelinkOutcome(unreachable, 'fcsess_unreachable1');
    assert.ok(outcome.type === 'error');
    assert.deepEqual([outcome.code, outcome.retryable, outcome.stripeError?.type], ['stripe_error', true, 'api_connection_error']);
  });

  test('a session that is no relink, and an answer about another session: typed errors', async () => {
    api.reply = () => ({ status: 200, body: { id: 'fcsess_plain1', object: 'financial_connections.session', status: 'succeeded' } });
    const plain = await hostedRelinkOutcome(api.stripe, 'fcsess_plain1');
    assert.ok(plain.type === 'error' && plain.code === 'not_a_relink_session');
    const other = await hostedRelinkOutcome(api.stripe, 'fcsess_asked1');
    assert.ok(other.type === 'error' && other.code === 'unexpected' && !other.retryable);
  });

  test('Connect: the read goes to the connected account; a bad one is refused before any request', async () => {
    const id = await hostedSession();
    await hostedRelinkOutcome(api.stripe, id, { stripeAccount: 'acct_1Connected' });
    assert.equal(api.server.requests[0]!.headers['stripe-account'], 'acct_1Connected');
    api.server.requests.length = 0;
    for (const stripeAccount of ['', 'sk_test_51LeakMe0000', 'acct_1/../x', 7]) {
      const outcome = await hostedRelinkOutcome(api.stripe, id, { stripeAccount: stripeAccount as string });
      assert.ok(outcome.type === 'error' && outcome.code === 'unexpected', String(stripeAccount));
      assert.ok(!outcome.message.includes('sk_test_51'));
    }
    assert.deepEqual(wire(), []);
  });

  test('total: any client, any id, any options: resolves with an outcome, never throws', async () => {
    const clients = fc.constantFrom<unknown>(
      null,
      undefined,
      {},
      { financialConnections: null },
      { financialConnections: { sessions: { retrieve: () => { throw new Error('sk_test_51Boom0000 exploded'); } } } },
      { financialConnections: { sessions: { retrieve: () => Promise.reject(Object.assign(new Error('x'), { type: 'StripeAPIError', statusCode: 503 })) } } },
      { financialConnections: { sessions: { retrieve: () => Promise.resolve(new Proxy({}, { get: () => { throw new Error('boom'); } })) } } },
      { financialConnections: { sessions: { retrieve: (id: string) => Promise.resolve({ id, relink_options: { authorization: 'fcauthz_1' }, status: 'pending' }) } } },
    );
    const ids = fc.oneof(fc.constantFrom('fcsess_1', 'fcsess_a_b'), fc.string(), fc.anything());
    await fc.assert(
      fc.asyncProperty(clients, ids, fc.anything(), async (client, id, options) => {
        const outcome: RelinkOutcome = await hostedRelinkOutcome(client as HostedRelinkOutcomeClient, id as string, options as never);
        assert.ok(['success', 'failure', 'error'].includes(outcome.type));
        assert.ok(!JSON.stringify(outcome).includes('sk_test_51Boom'));
      }),
      { numRuns: 500 },
    );
  });
});

describe("a hosted relink's end, as Stripe's webhook tells it", () => {
  /** The event as a webhook endpoint gets it: signed by Stripe, verified by the SDK. */
  const delivered = (event: Record<string, unknown>): Stripe.Event => {
    const payload = JSON.stringify(event);
    return webhooks.webhooks.constructEvent(payload, webhooks.webhooks.generateTestHeaderString({ payload, secret: SECRET }), SECRET);
  };

  test('succeeded, at a GA endpoint: unknown from the payload; resolved by one read: relinked, object session', async () => {
    const { id } = await createHostedRelinkSession(api.stripe, await expiringAccount(), hostedBy('email'));
    const event = delivered(api.server.completeSession(id, { status: 'succeeded' }));
    api.server.requests.length = 0;
    assert.equal(event.api_version, Stripe.API_VERSION);
    assert.equal(relinkWebhookAction(event).action, 'unknown');
    const resolved = await resolveRelinkWebhookAction(api.stripe, event);
    assert.deepEqual({ ...resolved, outcome: null }, {
      action: 'relinked',
      object: 'session',
      id,
      authorization: FAKE_IDS.authorization,
      cause: null,
      expectedDeactivationDate: null,
      outcome: null,
    });
    assert.deepEqual(resolved.outcome, await hostedRelinkOutcome(api.stripe, id));
    assert.deepEqual(wire(), [`GET ${SESSIONS}/${id} ${RELINK_API_VERSION}`, `GET ${SESSIONS}/${id} ${RELINK_API_VERSION}`]);
  });

  test('failed and cancelled, rendered at the relink version: relink_failed from the payload alone', async () => {
    for (const status of ['failed', 'cancelled'] as const) {
      const { id } = await createHostedRelinkSession(api.stripe, await expiringAccount(), hostedBy('url'));
      const event = delivered(api.server.completeSession(id, { status }, RELINK_API_VERSION));
      const read = relinkWebhookAction(event);
      assert.equal(read.action, 'relink_failed', status);
      assert.equal(read.object, 'session');
      assert.equal(read.outcome?.type, 'failure');
      assert.equal(event.data.object && (event.data.object as { url?: unknown }).url, null, 'the page is gone once the session ended');
    }
  });
});
