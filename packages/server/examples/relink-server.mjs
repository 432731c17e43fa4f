// @ts-check
// The server side of a relink, in plain node:http:
//   POST /relink-session            -> { clientSecret } for <fc-relink>'s fetchClientSecret
//   POST /replacement-setup-intent  -> { clientSecret } for its fetchSetupIntentSecret
//   POST /webhook                   <- Stripe's events, snapshot or thin: whose bank link broke, or soon will
// Run: STRIPE_SECRET_KEY=sk_test_... STRIPE_WEBHOOK_SECRET=whsec_... FC_ACCOUNT_ID=fca_... FC_CUSTOMER_ID=cus_... node relink-server.mjs
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import {
  createRelinkSessionForRequest,
  createReplacementSetupIntent,
  RELINK_API_VERSION,
  RelinkParamsError,
  resolveRelinkWebhookAction,
} from '@fc-relink/server';

/**
 * What only your app knows.
 * @typedef {object} Host
 * @property {(req: import('node:http').IncomingMessage) => Promise<string | null>} accountIdFor
 *   The Financial Connections account the signed-in customer may relink, from your records.
 *   Never take the account ID from the browser unchecked.
 * @property {(req: import('node:http').IncomingMessage) => Promise<{ id: string, name: string } | null>} customerFor
 *   The signed-in customer (`cus_...`) and the name on their bank account.
 * @property {string} webhookSecret The signing secret (`whsec_...`) of the endpoint that gets snapshot events.
 * @property {string} [thinWebhookSecret] The signing secret of an event destination that sends thin
 *   events (`v1.financial_connections.account.*`), if you use one; default `webhookSecret`.
 * @property {(action: import('@fc-relink/server').RelinkWebhookAction) => Promise<void>} onRelinkAction
 *   Your storage: what a verified Stripe event asks of you (see the webhook route below).
 */

const ROUTES = new Set(['/relink-session', '/replacement-setup-intent', '/webhook']);
const ACCOUNT_ID = /^fca_\w{1,200}$/;

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
    // The browser's routes answer your own pages only: a JSON body (which a cross-site form cannot
    // send without asking first) from your own origin.
    if (route !== '/webhook' && (isCrossSite(req) || mediaType(req) !== 'application/json')) {
      return send(403, { error: 'forbidden' });
    }
    try {
      // The webhook needs the raw bytes to check Stripe's signature; the browser's bodies are small.
      const raw = await readBody(req, route === '/webhook' ? 256 * 1024 : 1024);
      if (raw === null) return send(413, { error: 'too_large' });

      if (route === '/webhook') {
        const signature = req.headers['stripe-signature'] ?? '';
        let event;
        try {
          // A thin notification (an event destination's) or a snapshot event (a webhook endpoint's),
          // each checked with its own secret before anything in it is read.
          event = isThin(raw)
            ? stripe.parseEventNotification(raw, signature, host.thinWebhookSecret ?? host.webhookSecret)
            : stripe.webhooks.constructEvent(raw, signature, host.webhookSecret);
        } catch {
          return send(400); // Not from Stripe, or altered: no detail, and nothing else runs.
        }
        // Endpoints render events at a GA API version, which has no status_details.inactive, and
        // thin events have no object: for those it reads the account at RELINK_API_VERSION.
        const action = await resolveRelinkWebhookAction(stripe, event);
        // Stripe could not be asked: answer 503 and Stripe delivers the event again later.
        if (action.action === 'unknown') return send(503, { error: 'retry_later' });
        // ── Your storage ─────────────────────────────────────────────────────────────────────
        // relink_now: action.id stopped working, a relink repairs it: show the customer <fc-relink>.
        // relink_soon: it stops on action.expectedDeactivationDate (unix seconds): offer it before.
        // relinked: it works again: stop asking. replace_payment_method: a relink cannot help: ask
        // for a new payment method. relink_failed: a hosted relink did not repair it (action.outcome).
        if (action.action !== 'none') await host.onRelinkAction(action);
        return send(200, { received: true });
      }

      const request = readJson(raw.toString('utf8'));
      if (request === null) return send(400, { error: 'bad_request' });
      if (route === '/replacement-setup-intent') {
        // After a relink to a new account: a SetupIntent for it, made only for its owner.
        const accountId = request['accountId'];
        if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) return send(400, { error: 'bad_request' });
        const customer = await host.customerFor(req);
        if (!customer) return send(401, { error: 'not_signed_in' });
        const account = await stripe.financialConnections.accounts
          .retrieve(accountId, {}, { apiVersion: RELINK_API_VERSION })
          .catch((error) => {
            if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
            throw error;
          });
        const holder = account?.account_holder?.customer;
        // An account Stripe does not know and someone else's get the same answer: which accounts
        // exist is not the browser's business.
        if (!account || (typeof holder === 'string' ? holder : holder?.id) !== customer.id) return send(404, { error: 'no_such_account' });
        const { clientSecret } = await createReplacementSetupIntent(stripe, account, { billingDetails: { name: customer.name } });
        return send(200, { clientSecret });
      }

      // The element asks with { purpose: 'initial' | 'retry' | 'authorization_retry', account }.
      const accountId = await host.accountIdFor(req);
      if (!accountId) return send(404, { error: 'no_account' });
      try {
        // Retrieves the account, checks it can be relinked (now, or ahead of an expected
        // deactivation), and makes the session: that exact account, or after `no_account` (and
        // for a retry of that) any checking or savings account at the bank.
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
 * Whether a browser says the request comes from another site: `Sec-Fetch-Site` other than
 * same-origin, or an `Origin` whose host is not this request's `Host`.
 * @param {import('node:http').IncomingMessage} req @returns {boolean}
 */
function isCrossSite(req) {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  return URL.canParse(origin) ? new URL(origin).host !== req.headers.host : true;
}

/** @param {import('node:http').IncomingMessage} req @returns {string} the body's media type, lower case */
function mediaType(req) {
  return (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase() ?? '';
}

/** @param {Buffer} raw @returns {boolean} whether the body is a thin event notification (v2 event) */
function isThin(raw) {
  return readJson(raw.toString('utf8'))?.['object'] === 'v2.core.event';
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
    thinWebhookSecret: process.env['STRIPE_THIN_WEBHOOK_SECRET'],
    /** @param {import('@fc-relink/server').RelinkWebhookAction} action */
    onRelinkAction: async (action) => console.log('relink action:', action.action, action.id),
  };
  createServer(relinkServer(stripe, host)).listen(3000, () => {
    console.log('POST http://localhost:3000/relink-session, /replacement-setup-intent and /webhook');
  });
}
