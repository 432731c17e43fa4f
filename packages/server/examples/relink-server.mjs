// @ts-check
// POST /relink-session -> { clientSecret } for <fc-relink>'s fetchClientSecret. Plain node:http.
// Run: STRIPE_SECRET_KEY=sk_test_... FC_ACCOUNT_ID=fca_... node relink-server.mjs
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import { createRelinkSession, relinkEligibility, RELINK_API_VERSION } from '@fc-relink/server';

/**
 * @param {Stripe} stripe
 * @param {(req: import('node:http').IncomingMessage) => Promise<string | null>} accountIdFor
 *   Your lookup: the Financial Connections account the signed-in customer may relink.
 *   Never take the account ID from the browser unchecked.
 * @returns {import('node:http').RequestListener}
 */
export function relinkSessionHandler(stripe, accountIdFor) {
  return async (req, res) => {
    /** @param {number} status @param {object} body */
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST' || req.url !== '/relink-session') return send(404, { error: 'not_found' });
    try {
      // The element asks with { purpose: 'initial' | 'retry' | 'authorization_retry' }.
      let body = '';
      for await (const chunk of req) {
        body += chunk;
        if (body.length > 1024) return send(413, { error: 'too_large' });
      }
      const purpose = readPurpose(body);
      if (purpose === null) return send(400, { error: 'bad_request' });

      const accountId = await accountIdFor(req);
      if (!accountId) return send(404, { error: 'no_account' });
      // Older API versions return neither `authorization` nor `status_details`.
      const account = await stripe.financialConnections.accounts.retrieve(
        accountId, {}, { apiVersion: RELINK_API_VERSION },
      );
      const eligibility = relinkEligibility(account);
      if (!eligibility.relinkable) {
        return send(409, { error: 'not_relinkable', reason: eligibility.reason, cause: eligibility.cause });
      }
      const { clientSecret } = await createRelinkSession(stripe, account, {
        purpose: 'payments',
        // That exact account; after a `no_account` failure, any checking or savings account there.
        scope: purpose === 'authorization_retry' ? 'institution' : 'account',
        permissions: ['payment_method'],
      });
      send(200, { clientSecret }); // The client secret only: no session ID, no account data, no logs.
    } catch (error) {
      // Log what failed and Stripe's request ID, not the error object with its request data.
      const detail = error instanceof Stripe.errors.StripeError ? `${error.type} ${error.requestId}` : String(error);
      console.error('relink session failed:', detail);
      send(500, { error: 'relink_session_failed' });
    }
  };
}

/** @param {string} body @returns {string | null} */
function readPurpose(body) {
  try {
    const { purpose = 'initial' } = JSON.parse(body || '{}') ?? {};
    return typeof purpose === 'string' ? purpose : null;
  } catch {
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const key = process.env['STRIPE_SECRET_KEY'];
  if (!key) throw new Error('Set STRIPE_SECRET_KEY to a test-mode secret key.');
  const stripe = new Stripe(key);
  const accountId = process.env['FC_ACCOUNT_ID'] ?? null; // stands in for your database
  createServer(relinkSessionHandler(stripe, async () => accountId)).listen(3000, () => {
    console.log('POST http://localhost:3000/relink-session');
  });
}
