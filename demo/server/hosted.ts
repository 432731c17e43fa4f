/**
 * The demo server's hosted relink (SPEC section 13), for the playground's "Stripe.js blocked"
 * switch:
 *
 * - `POST /api/hosted-relink` `{ account? }`: a hosted relink session. Fake sessions: one of the
 *   fake's, kept here, with `fakePage`, the fake's hosted page (`/fake-stripe/hosted/<id>`, a test
 *   double clearly labelled as one), which the page opens itself: the element follows only
 *   Stripe's own `https://` URLs. Real sessions: `createHostedRelinkSession` for the account typed
 *   in the page, and Stripe's `url`.
 * - `GET` and `POST /fake-stripe/hosted/<id>`: the fake hosted page, and the customer's choice of
 *   how the relink ends; then back to the session's `return_url`, as Stripe's page does.
 * - `POST /api/hosted-outcome` `{ sessionId }`: what the relink came to, for the return page:
 *   `hostedRelinkOutcome` of `@fc-relink/server` for real sessions; for the fake's, core's
 *   `interpretRelinkResult` of the session as it ended, the same decision table.
 *
 * A playground, not a pattern: a real server takes the account from its own records for the
 * signed-in customer (the example server of `@fc-relink/server` shows how).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { interpretRelinkResult, type RelinkOutcome } from '@fc-relink/core';
import { createHostedRelinkSession, hostedRelinkOutcome, RELINK_API_VERSION, type RelinkAccount } from '@fc-relink/server';
import { FAKE_IDS, fakeHostedCompletion, fakeHostedEndings, fakeHostedRelinkPage, type FakeHostedEnding } from '@fc-relink/testing';
import type Stripe from 'stripe';
import { isCrossOrigin, mediaType, readBody, sendJson } from './http.js';

export const HOSTED_RELINK_PATH = '/api/hosted-relink';
export const HOSTED_OUTCOME_PATH = '/api/hosted-outcome';
export const FAKE_HOSTED_PREFIX = '/fake-stripe/hosted/';
/** The playground's return page (`return_url`). */
export const RETURN_PAGE = '/relink-return.html';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

interface FakeHostedSession {
  relink_options: { authorization: string; account: string };
  return_url: string;
  ended: ReturnType<typeof fakeHostedCompletion> | null;
}

const SESSION_ID = /^fcsess_[A-Za-z0-9]{1,64}$/;
const ACCOUNT_ID = /^fca_[A-Za-z0-9]{1,64}$/;
/** The fake sessions kept at most (the oldest go first): a playground, not a store. */
const MAX_FAKE_SESSIONS = 200;

export interface HostedEndpointOptions {
  /** A real client when the playground has keys, else `null` (fake sessions only). */
  stripe: Stripe | null;
  log?: (line: string, level: 'info' | 'warn') => void;
}

/** The page's origin, as the browser sees it (for `return_url`). */
function originOf(req: IncomingMessage): string {
  const host = req.headers.host ?? 'localhost';
  return `http://${host}`;
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  if (req.method !== 'POST' || isCrossOrigin(req) || mediaType(req) !== 'application/json') return null;
  const read = await readBody(req, 1024);
  if (!read.ok) return null;
  try {
    const value = JSON.parse(read.text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function hostedEndpoint({ stripe, log = () => undefined }: HostedEndpointOptions): Middleware {
  const fakes = new Map<string, FakeHostedSession>();
  let made = 0;

  async function create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req);
    if (!body) return sendJson(res, 400, { error: { code: 'invalid_request', message: 'POST JSON from the playground page itself.' } });
    const returnUrl = `${originOf(req)}${RETURN_PAGE}`;
    if (body.account === undefined || body.account === null) {
      made += 1;
      const id = `fcsess_demoHosted${made}`;
      fakes.set(id, { relink_options: { authorization: FAKE_IDS.authorization, account: FAKE_IDS.account }, return_url: returnUrl, ended: null });
      if (fakes.size > MAX_FAKE_SESSIONS) fakes.delete(fakes.keys().next().value!);
      log(`POST ${HOSTED_RELINK_PATH} 200 (fake hosted session ${id})`, 'info');
      return sendJson(res, 200, { sessionId: id, url: null, fakePage: `${FAKE_HOSTED_PREFIX}${id}` });
    }
    if (!stripe) return sendJson(res, 503, { error: { code: 'stripe_keys_missing', message: 'Set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY for real hosted sessions.' } });
    if (typeof body.account !== 'string' || !ACCOUNT_ID.test(body.account)) {
      return sendJson(res, 400, { error: { code: 'invalid_account', message: 'Send the id of the Financial Connections account (fca_...) as "account".' } });
    }
    try {
      const account = (await stripe.financialConnections.accounts.retrieve(body.account, {}, { apiVersion: RELINK_API_VERSION })) as unknown as RelinkAccount;
      const session = await createHostedRelinkSession(stripe, account, { purpose: 'payments', scope: 'account', hosted: { delivery: 'url' }, returnUrl });
      log(`POST ${HOSTED_RELINK_PATH} 200 (stripe hosted session ${session.id})`, 'info');
      return sendJson(res, 200, { sessionId: session.id, url: session.url, fakePage: null });
    } catch (thrown) {
      log(`POST ${HOSTED_RELINK_PATH} 502 (${thrown instanceof Error ? thrown.name : typeof thrown})`, 'warn');
      return sendJson(res, 502, { error: { code: 'stripe_error', message: 'Stripe could not make the hosted session; the terminal says why.' } });
    }
  }

  async function outcome(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await jsonBody(req);
    const id = body?.sessionId;
    if (typeof id !== 'string' || !SESSION_ID.test(id)) return sendJson(res, 400, { error: { code: 'invalid_request', message: 'Send { "sessionId": "fcsess_..." }.' } });
    const fake = fakes.get(id);
    let answer: RelinkOutcome;
    if (fake) {
      const session = fake.ended ? { id, relink_options: fake.relink_options, ...fake.ended, accounts: fake.ended.accounts.data } : { id, relink_options: fake.relink_options, accounts: [] };
      answer = interpretRelinkResult({ financialConnectionsSession: session }, { existingAccountIds: [FAKE_IDS.account, FAKE_IDS.otherAccount] });
    } else if (stripe) {
      answer = await hostedRelinkOutcome(stripe, id);
    } else {
      return sendJson(res, 404, { error: { code: 'not_found', message: 'No such hosted session here.' } });
    }
    return sendJson(res, 200, { outcome: answer });
  }

  async function fakePage(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const fake = fakes.get(id);
    if (!fake || fake.ended) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('This fake hosted session is unknown or has ended.');
    }
    if (req.method === 'POST') {
      const read = await readBody(req, 1024);
      const ending = read.ok ? new URLSearchParams(read.text).get('ending') : null;
      const endings = fakeHostedEndings(fake.relink_options);
      if (!endings.includes(ending as FakeHostedEnding)) {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        return void res.end('Choose one of the page’s buttons.');
      }
      fake.ended = fakeHostedCompletion(ending as FakeHostedEnding, fake.relink_options);
      log(`POST ${FAKE_HOSTED_PREFIX}${id} 303 (ended: ${ending})`, 'info');
      res.writeHead(303, { location: fake.return_url, 'cache-control': 'no-store' });
      return void res.end();
    }
    const html = fakeHostedRelinkPage({ action: `${FAKE_HOSTED_PREFIX}${id}`, endings: fakeHostedEndings(fake.relink_options), businessName: 'Rocket Rides' });
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; form-action 'self'" });
    res.end(html);
  }

  return (req, res, next) => {
    const route = (req.url ?? '').split('?', 1)[0]!;
    const run =
      route === HOSTED_RELINK_PATH
        ? create(req, res)
        : route === HOSTED_OUTCOME_PATH
          ? outcome(req, res)
          : route.startsWith(FAKE_HOSTED_PREFIX)
            ? fakePage(req, res, route.slice(FAKE_HOSTED_PREFIX.length))
            : null;
    if (!run) return next();
    run.catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal_error', message: 'The demo server failed; its terminal says why.' } });
    });
  };
}
