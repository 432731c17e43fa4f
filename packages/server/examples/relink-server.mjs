// @ts-check
// The server side of a relink, in plain node:http:
//   POST /relink-session            -> { clientSecret } for <fc-relink>'s fetchClientSecret
//   POST /replacement-setup-intent  -> { clientSecret } for its fetchSetupIntentSecret
//   POST /webhook                   <- Stripe's events: whose bank link broke, or soon will
// Run: STRIPE_SECRET_KEY=sk_test_... STRIPE_WEBHOOK_SECRET=whsec_... FC_ACCOUNT_ID=fca_... FC_CUSTOMER_ID=cus_... node relink-server.mjs
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import {
  createRelinkSessionForRequest,
  createReplacementSetupIntent,
  RELINK_API_VERSION,
  RelinkParamsError,
  relinkWebhookAction,
} from '@fc-relink/server';

/**
 * What only your app knows.
 * @typedef {object} Host
 * @property {(req: import('node:http').IncomingMessage) => Promise<string | null>} accountIdFor
 *   The Financial Connections account the signed-in customer may relink, from your records.
 *   Never take the account ID from the browser unchecked.
 * @property {(req: import('node:http').IncomingMessage) => Promise<{ id: string, name: string } | null>} customerFor
 *   The signed-in customer (`cus_...`) and the name on their bank account.
 * @property {string} webhookSecret The webhook endpoint's signing secret (`whsec_...`).
 * @property {(action: import('@fc-relink/server').RelinkWebhookAction) => Promise<void>} onRelinkAction
 *   Your storage: what a verified Stripe event asks of you (see the webhook route below).
 */

const ROUTES = new Set(['/relink-session', '/replacement-setup-intent', '/webhook']);

/**
 * @param {Stripe} stripe
 * @param {Host} host
 * @returns {import('node:http').RequestListener}
 */
export function relinkServer(stripe, host) {
  return async (req, res) => {
    /** @param {number} status @param {object} [body] */
    const send = (status, body) => {
      res.writeHead(status, body ? { 'content-type': 'application/json', 'cache-control': 'no-store' } : {});
      res.end(body ? JSON.stringify(body) : undefined);
    };
    const route = req.method === 'POST' ? (req.url ?? '') : '';
    if (!ROUTES.has(route)) return send(404, { error: 'not_found' });
    try {
      // The webhook needs the raw bytes to check Stripe's signature; the browser's bodies are small.
      const raw = await readBody(req, route === '/webhook' ? 256 * 1024 : 1024);
      if (raw === null) return send(413, { error: 'too_large' });

      if (route === '/webhook') {
        let event;
        try {
          event = stripe.webhooks.constructEvent(raw, req.headers['stripe-signature'] ?? '', host.webhookSecret);
        } catch {
          return send(400); // Not from Stripe, or altered: no detail, and nothing else runs.
        }
        const action = relinkWebhookAction(event);
        // ── Your storage ─────────────────────────────────────────────────────────────────────
        // relink_now: action.id stopped working, a relink repairs it: show the customer <fc-relink>.
        // relink_soon: it stops on action.expectedDeactivationDate (unix seconds): offer it before.
        // relinked: it works again: stop asking. replace_payment_method: a relink cannot help: ask
        // for a new payment method. unknown: retrieve the account and ask relinkEligibility.
        if (action.action !== 'none') await host.onRelinkAction(action);
        return send(200, { received: true });
      }

      const request = readJson(raw.toString('utf8'));
      if (request === null) return send(400, { error: 'bad_request' });
      if (route === '/replacement-setup-intent') {
        // After a relink to a new account: a SetupIntent for it, made only for its owner.
        const accountId = request['accountId'];
        if (typeof accountId !== 'string' || !accountId.startsWith('fca_')) return send(400, { error: 'bad_request' });
        const customer = await host.customerFor(req);
        if (!customer) return send(401, { error: 'not_signed_in' });
        const account = await stripe.financialConnections.accounts.retrieve(accountId, {}, { apiVersion: RELINK_API_VERSION });
        const holder = account.account_holder?.customer;
        if ((typeof holder === 'string' ? holder : holder?.id) !== customer.id) return send(403, { error: 'not_your_account' });
        const { clientSecret } = await createReplacementSetupIntent(stripe, account, { billingDetails: { name: customer.name } });
        return send(200, { clientSecret });
      }

      // The element asks with { purpose: 'initial' | 'retry' | 'authorization_retry' }.
      const accountId = await host.accountIdFor(req);
      if (!accountId) return send(404, { error: 'no_account' });
      try {
        // Retrieves the account, checks it can be relinked (now, or ahead of an expected
        // deactivation), and makes the session: that exact account, or after `no_account` any
        // checking or savings account at the bank.
        const { clientSecret } = await createRelinkSessionForRequest(stripe, accountId, request, { purpose: 'payments' });
        return send(200, { clientSecret }); // The client secret only: no session ID, no account data, no logs.
      } catch (error) {
        if (!(error instanceof RelinkParamsError)) throw error;
        if (error.code !== 'not_relinkable') return send(400, { error: 'bad_request' });
        return send(409, { error: 'not_relinkable', reason: error.reason, cause: error.eligibility?.cause ?? null });
      }
    } catch (error) {
      // Log what failed and Stripe's request ID, not the error object with its request data.
      const detail = error instanceof Stripe.errors.StripeError ? `${error.type} ${error.requestId}` : String(error);
      const what = route.slice(1).replaceAll('-', '_');
      console.error(`${what} failed:`, detail);
      send(500, { error: `${what}_failed` });
    }
  };
}

/**
 * The request's body, or `null` when it is longer than `limit` bytes.
 * @param {import('node:http').IncomingMessage} req @param {number} limit @returns {Promise<Buffer | null>}
 */
async function readBody(req, limit) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
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
  const host = {
    accountIdFor: async () => accountId,
    customerFor: async () => customer,
    webhookSecret: process.env['STRIPE_WEBHOOK_SECRET'] ?? '',
    /** @param {import('@fc-relink/server').RelinkWebhookAction} action */
    onRelinkAction: async (action) => console.log('relink action:', action.action, action.id),
  };
  createServer(relinkServer(stripe, host)).listen(3000, () => {
    console.log('POST http://localhost:3000/relink-session, /replacement-setup-intent and /webhook');
  });
}
