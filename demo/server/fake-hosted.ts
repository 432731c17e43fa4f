/**
 * The fake's hosted relink page, for the playground's "Stripe.js blocked" switch with fake Stripe.
 *
 * The example server's `POST /hosted-relink` creates a hosted session on the stand-in for
 * Stripe's API, whose `url` is Stripe's page on connect.stripe.com, like a real one. That page
 * does not exist, and the element follows only Stripe's own https URLs, so the playground's page
 * takes over (its `fc-relink-fallback` handler) and opens this test double instead, at
 * `/fake-stripe/hosted/<session id>`:
 *
 * - `GET`: `fakeHostedRelinkPage` of @fc-relink/testing (labelled as a test double, no script),
 *   for a hosted session of the stand-in that is still `pending`.
 * - `POST` (`ending=...`, the page's form): the customer's choice; the session ends in the
 *   stand-in as Stripe's would (`completeSession`, with `fakeHostedCompletion`), and the customer
 *   goes to its `return_url`, with `session_id`: the example server's `GET /relink-return`, which
 *   reads the outcome from "Stripe" (`hostedRelinkOutcome`). Stripe's preview documentation does
 *   not say whether its page adds `session_id`; the example server reads it when it is there.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RelinkOptions } from '@fc-relink/core';
import { fakeHostedCompletion, fakeHostedEndings, fakeHostedRelinkPage, type FakeHostedEnding } from '@fc-relink/testing';
import type { StripeStandIn } from '../../test-support/stripe-api.js';
import { FAKE_HOSTED_PREFIX } from '../src/shared/api.js';
import { readBody } from './http.js';

const SESSION_ID = /^fcsess_[A-Za-z0-9_]{1,200}$/;

/** The business the fake's page names. */
const BUSINESS_NAME = 'Playground Billing';

/** A hosted session of the stand-in that a customer can still finish, with what it asks to relink. */
function openSession(standIn: StripeStandIn, id: string): { relinkOptions: RelinkOptions; returnUrl: string } | null {
  if (!SESSION_ID.test(id)) return null;
  const session = standIn.sessions.get(id);
  const options = session?.['relink_options'] as { authorization?: unknown; account?: unknown } | null | undefined;
  if (!session || session['ui_mode'] !== 'hosted' || session['status'] !== 'pending' || typeof session['return_url'] !== 'string') return null;
  if (typeof options?.authorization !== 'string') return null;
  const relinkOptions: RelinkOptions = { authorization: options.authorization, ...(typeof options.account === 'string' ? { account: options.account } : {}) };
  return { relinkOptions, returnUrl: session['return_url'] };
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** Answers `GET` and `POST /fake-stripe/hosted/<id>`. Never throws. */
export function fakeHostedPage(standIn: StripeStandIn, log: (line: string) => void): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    // A session id is letters, digits and _: nothing to decode, and no malformed escape to throw on.
    const id = (req.url ?? '').split('?', 1)[0]!.slice(FAKE_HOSTED_PREFIX.length);
    const session = openSession(standIn, id);
    if (!session) return sendText(res, 404, 'This fake hosted session is unknown or has ended.');
    const endings = fakeHostedEndings(session.relinkOptions);
    if (req.method === 'GET') {
      const html = fakeHostedRelinkPage({ action: `${FAKE_HOSTED_PREFIX}${id}`, endings, businessName: BUSINESS_NAME });
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; form-action 'self'",
      });
      return void res.end(html);
    }
    if (req.method !== 'POST') return sendText(res, 405, 'GET the page, or POST the ending chosen.');
    const read = await readBody(req, 1024);
    const ending = read.ok ? new URLSearchParams(read.text).get('ending') : null;
    if (!endings.includes(ending as FakeHostedEnding)) return sendText(res, 400, 'Choose one of the page’s buttons.');
    const end = fakeHostedCompletion(ending as FakeHostedEnding, session.relinkOptions);
    standIn.completeSession(id, { status: end.status, relink_result: end.relink_result, accounts: end.accounts.data.map((account) => account.id) });
    log(`fake hosted page: ${id} ended (${String(ending)})`);
    const back = new URL(session.returnUrl);
    back.searchParams.set('session_id', id);
    res.writeHead(303, { location: back.href, 'cache-control': 'no-store' });
    res.end();
  };
}
