// @ts-check
// POST /relink-session -> { clientSecret } for <fc-relink>'s fetchClientSecret, and
// POST /replacement-setup-intent -> { clientSecret } for its fetchSetupIntentSecret. Plain node:http.
// Run: STRIPE_SECRET_KEY=sk_test_... FC_ACCOUNT_ID=fca_... FC_CUSTOMER_ID=cus_... node relink-server.mjs
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import { createRelinkSession, createReplacementSetupIntent, relinkEligibility, RELINK_API_VERSION } from '@fc-relink/server';

/**
 * @param {Stripe} stripe
 * @param {(req: import('node:http').IncomingMessage) => Promise<string | null>} accountIdFor
 *   Your lookup: the Financial Connections account the signed-in customer may relink.
 *   Never take the account ID from the browser unchecked.
 * @param {(req: import('node:http').IncomingMessage) => Promise<{ id: string, name: string } | null>} customerFor
 *   Your lookup: the signed-in customer (`cus_...`) and the name on their bank account.
 * @returns {import('node:http').RequestListener}
 */
export function relinkSessionHandler(stripe, accountIdFor, customerFor) {
  return async (req, res) => {
    /** @param {number} status @param {object} body */
    const send = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const route = req.method === 'POST' ? req.url : null;
    if (route !== '/relink-session' && route !== '/replacement-setup-intent') return send(404, { error: 'not_found' });
    try {
      let body = '';
      for await (const chunk of req) {
        body += chunk;
        if (body.length > 1024) return send(413, { error: 'too_large' });
      }
      const request = readJson(body);
      if (route === '/replacement-setup-intent') {
        // After a relink to a new account: a SetupIntent for it, made only for its owner.
        const accountId = request?.['accountId'];
        if (typeof accountId !== 'string' || !accountId.startsWith('fca_')) return send(400, { error: 'bad_request' });
        const customer = await customerFor(req);
        if (!customer) return send(401, { error: 'not_signed_in' });
        const account = await stripe.financialConnections.accounts.retrieve(accountId, {}, { apiVersion: RELINK_API_VERSION });
        const holder = account.account_holder?.customer;
        if ((typeof holder === 'string' ? holder : holder?.id) !== customer.id) return send(403, { error: 'not_your_account' });
        const { clientSecret } = await createReplacementSetupIntent(stripe, account, { billingDetails: { name: customer.name } });
        return send(200, { clientSecret });
      }
      // The element asks with { purpose: 'initial' | 'retry' | 'authorization_retry' }.
      const purpose = request === null ? null : (request['purpose'] ?? 'initial');
      if (typeof purpose !== 'string') return send(400, { error: 'bad_request' });

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
      const what = route === '/relink-session' ? 'relink_session' : 'setup_intent';
      console.error(`${what} failed:`, detail);
      send(500, { error: `${what}_failed` });
    }
  };
}

/** @param {string} body @returns {Record<string, unknown> | null} an object, or null for anything else */
function readJson(body) {
  try {
    const value = JSON.parse(body || '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const key = process.env['STRIPE_SECRET_KEY'];
  if (!key) throw new Error('Set STRIPE_SECRET_KEY to a test-mode secret key.');
  const stripe = new Stripe(key);
  // Stand in for your database and sign-in.
  const accountId = process.env['FC_ACCOUNT_ID'] ?? null;
  const customerId = process.env['FC_CUSTOMER_ID'] ?? null;
  const customer = customerId ? { id: customerId, name: 'Jenny Rosen' } : null;
  createServer(relinkSessionHandler(stripe, async () => accountId, async () => customer)).listen(3000, () => {
    console.log('POST http://localhost:3000/relink-session and /replacement-setup-intent');
  });
}
