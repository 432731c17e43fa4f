// @ts-check
// The server side of a relink, in plain node:http:
//   POST /relink-session            -> { clientSecret } for <fc-relink>'s fetchClientSecret
//   POST /replacement-setup-intent  -> { clientSecret } for its fetchSetupIntentSecret
//   POST /hosted-relink             -> { url } of Stripe's own relink page, for its fetchHostedRelinkUrl
//   GET  /relink-return             <- the customer, back from Stripe's page: what came of it, in words
//   POST /webhook                   <- Stripe's events, snapshot or thin: whose bank link broke, or soon will
// Run: STRIPE_SECRET_KEY=sk_test_... STRIPE_WEBHOOK_SECRET=whsec_... FC_ACCOUNT_ID=fca_... FC_CUSTOMER_ID=cus_... node relink-server.mjs
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import Stripe from 'stripe';
import {
  createHostedRelinkSession,
  createRelinkSessionForRequest,
  relinkScopeForRequest,
  createReplacementSetupIntent,
  hostedRelinkOutcome,
  RELINK_API_VERSION,
  relinkEligibility,
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
 * @property {string} [returnUrl] Where Stripe's hosted relink page sends the customer back: this
 *   server's `GET /relink-return`, as the customer's browser reaches it
 *   (`https://example.com/relink-return`). Without it, `/hosted-relink` and `/relink-return` are off.
 * @property {string} [backUrl] The page `/relink-return` links back to (your billing page); default `/`.
 * @property {boolean} [emailHostedRelinks] The switch: when `true`, a `relink_soon` for an account
 *   has Stripe email its holder a hosted relink (needs `returnUrl`), so a relink reaches customers
 *   before the link breaks, without their visiting a page. Default off.
 */

const ROUTES = new Set(['POST /relink-session', 'POST /replacement-setup-intent', 'POST /hosted-relink', 'GET /relink-return', 'POST /webhook']);
const ACCOUNT_ID = /^fca_\w{1,200}$/;

/**
 * @param {Stripe} stripe
 * @param {Host} host
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 *   a request listener for node:http, settled once the request is handled (it never rejects)
 */
export function relinkServer(stripe, host) {
  if (host.emailHostedRelinks && !host.returnUrl) throw new Error('emailHostedRelinks needs returnUrl: where Stripe sends the customer back.');
  return async (req, res) => {
    /** @param {number} status @param {object} [body] */
    const send = (status, body) => {
      res.writeHead(status, body ? { 'content-type': 'application/json', 'cache-control': 'no-store' } : {});
      res.end(body ? JSON.stringify(body) : undefined);
    };
    const target = req.url ?? '';
    const path = target.split('?', 1)[0] ?? '';
    const route = `${req.method} ${path}`;
    if (!ROUTES.has(route)) return send(404, { error: 'not_found' });
    // The hosted routes are on when the host says where Stripe sends the customer back.
    if ((route === 'POST /hosted-relink' || route === 'GET /relink-return') && !host.returnUrl) return send(404, { error: 'not_found' });
    // The browser's routes answer your own pages only: a JSON body (which a cross-site form cannot
    // send without asking first) from your own origin. The return page is a plain link: Stripe's
    // page (another site) sends the customer there, and it changes nothing.
    if (req.method === 'POST' && route !== 'POST /webhook' && (isCrossSite(req) || mediaType(req) !== 'application/json')) {
      return send(403, { error: 'forbidden' });
    }
    try {
      if (route === 'GET /relink-return') {
        const sessionId = new URLSearchParams(target.slice(path.length + 1)).get('session_id');
        // The account on record tells a relink of it from a new account, which needs a new payment method.
        const known = sessionId === null ? null : await host.accountIdFor(req);
        const outcome = sessionId === null ? null : await hostedRelinkOutcome(stripe, sessionId, known ? { existingAccountIds: [known] } : {});
        return sendPage(res, outcome, host.backUrl ?? '/');
      }
      // The webhook needs the raw bytes to check Stripe's signature; the browser's bodies are small.
      const raw = await readBody(req, route === 'POST /webhook' ? 256 * 1024 : 1024);
      if (raw === null) return send(413, { error: 'too_large' });

      if (route === 'POST /webhook') {
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
        // Stripe delivers an event at least once: store each action so that a second one changes nothing.
        if (action.action !== 'none') await host.onRelinkAction(action);
        if (action.action === 'relink_soon' && action.object === 'account' && action.id && host.emailHostedRelinks) {
          // Stripe could not be reached: 503, and Stripe delivers the event again later.
          const emailed = await emailHostedRelink(stripe, action.id, event, /** @type {string} */ (host.returnUrl));
          if (emailed === 'retry') return send(503, { error: 'retry_later' });
        }
        return send(200, { received: true });
      }

      const request = readJson(raw.toString('utf8'));
      if (request === null) return send(400, { error: 'bad_request' });
      if (route === 'POST /replacement-setup-intent') {
        // After a relink to a new account: a SetupIntent for it, made only for its owner.
        const accountId = request['accountId'];
        if (typeof accountId !== 'string' || !ACCOUNT_ID.test(accountId)) return send(400, { error: 'bad_request' });
        const customer = await host.customerFor(req);
        if (!customer) return send(401, { error: 'not_signed_in' });
        const account = await ownAccount(stripe, accountId, customer.id);
        // An account Stripe does not know and someone else's get the same answer: which accounts
        // exist is not the browser's business.
        if (!account) return send(404, { error: 'no_such_account' });
        const { clientSecret } = await createReplacementSetupIntent(stripe, account, { billingDetails: { name: customer.name } });
        return send(200, { clientSecret });
      }

      if (route === 'POST /hosted-relink') {
        // Stripe.js cannot run on the page (a blocker, a webview): Stripe hosts the relink itself.
        // The element asks with what the failed attempt would have relinked ({ purpose, account,
        // authorization }): the same scope as that attempt, as for the element's own retries.
        const customer = await host.customerFor(req);
        if (!customer) return send(401, { error: 'not_signed_in' });
        const accountId = await host.accountIdFor(req);
        const account = accountId ? await ownAccount(stripe, accountId, customer.id) : null;
        if (!account) return send(404, { error: 'no_such_account' });
        const { relinkable, reason, cause } = relinkEligibility(account);
        if (!relinkable) return send(409, { error: 'not_relinkable', reason, cause });
        const { url } = await createHostedRelinkSession(stripe, account, {
          purpose: 'payments',
          scope: relinkScopeForRequest(request),
          hosted: { delivery: 'url' },
          returnUrl: /** @type {string} */ (host.returnUrl),
        });
        return send(200, { url }); // Stripe's page for this customer: no session ID, no account data.
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
      const what = path.slice(1).replaceAll('-', '_');
      console.error(`${what} failed:`, detail);
      send(500, { error: `${what}_failed` });
    }
  };
}

/**
 * The account, read at RELINK_API_VERSION, when `customerId` holds it; `null` for someone else's
 * and for one Stripe does not know.
 * @param {Stripe} stripe @param {string} accountId @param {string} customerId
 */
async function ownAccount(stripe, accountId, customerId) {
  const account = await stripe.financialConnections.accounts
    .retrieve(accountId, {}, { apiVersion: RELINK_API_VERSION })
    .catch((error) => {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return null;
      throw error;
    });
  const holder = account?.account_holder?.customer;
  return account && (typeof holder === 'string' ? holder : holder?.id) === customerId ? account : null;
}

/**
 * `relink_soon`, with `emailHostedRelinks`: Stripe emails the account's holder a hosted relink.
 * Stripe delivers webhooks at least once and in any order, so:
 * - one warning makes one session and one email: the idempotency key is the account and the day
 *   Stripe expects it to stop (Stripe keeps a key at least 24 hours; a warning delivered again
 *   later than that can email again);
 * - a `relinked` that came first is not undone: the account is judged as it is now, read at
 *   RELINK_API_VERSION, and the email goes only while Stripe still expects it to deactivate
 *   (`relink_recommended`). An account relinked since is `active`: no email.
 * Resolves `'retry'` when Stripe could not be reached (the delivery is answered 503), else
 * `'done'`: an email sent, or not needed, or one Stripe refused (logged; your storage heard
 * relink_soon and your page offers the relink).
 * @param {Stripe} stripe @param {string} accountId @param {{ id: string }} event @param {string} returnUrl
 * @returns {Promise<'done' | 'retry'>}
 */
async function emailHostedRelink(stripe, accountId, event, returnUrl) {
  const connected = connectedAccountOf(event);
  try {
    const account = await stripe.financialConnections.accounts.retrieve(accountId, {}, { apiVersion: RELINK_API_VERSION, ...connected });
    const { reason, expectedDeactivationDate } = relinkEligibility(account);
    // Nobody to email (an account collected without a holder), or nothing to relink any more.
    if (reason !== 'relink_recommended' || !account.account_holder) return 'done';
    await createHostedRelinkSession(stripe, account, {
      purpose: 'payments',
      scope: 'account',
      hosted: { delivery: 'email' },
      returnUrl,
      idempotencyKey: `fc-relink-email-${account.id}-${expectedDeactivationDate ?? event.id}`,
      ...connected,
    });
    return 'done';
  } catch (error) {
    const again = error instanceof Stripe.errors.StripeConnectionError || error instanceof Stripe.errors.StripeRateLimitError || error instanceof Stripe.errors.StripeAPIError;
    console.error(again ? 'hosted relink email: Stripe could not be reached' : 'hosted relink email not sent:', error instanceof Stripe.errors.StripeError ? `${error.type} ${error.requestId}` : String(error));
    return again ? 'retry' : 'done';
  }
}

/**
 * Connect: the connected account an event is about (a snapshot event's `account`, a thin one's `context`).
 * @param {object} event @returns {{ stripeAccount?: string }}
 */
function connectedAccountOf(event) {
  const account = 'account' in event ? event.account : 'context' in event ? event.context : undefined;
  return typeof account === 'string' && /^acct_\w+$/.test(account) ? { stripeAccount: account } : {};
}

/** What the return page says, by outcome: plain words only, never an id or Stripe's own text. */
const PAGES = {
  relinked: { status: 200, title: 'Your bank account is connected again', text: 'Nothing else to do: payments go on as before.' },
  newAccount: { status: 200, title: 'Your bank account is connected', text: 'One more step: go back to your account and confirm the bank account you connected for payments.' },
  notRelinked: { status: 200, title: 'Your bank account was not reconnected', text: 'Nothing was changed. You can try again from your account.' },
  pending: { status: 200, title: 'Still finishing', text: 'Stripe is still finishing your bank connection. Refresh this page in a moment.' },
  noSession: { status: 200, title: 'Thanks, you are back', text: "If you finished on Stripe's page, your bank connection shows as repaired shortly." },
  later: { status: 503, title: 'We could not check just now', text: 'Refresh this page in a moment.' },
  unreadable: { status: 400, title: 'We could not read this link', text: 'Go back to your account to see your bank connection.' },
};

/**
 * The return page: HTML with no script and no inline style (a strict CSP allows it), every text escaped.
 * @param {import('node:http').ServerResponse} res
 * @param {import('@fc-relink/server').RelinkOutcome | null} outcome `null`: no session in the URL
 * @param {string} backUrl
 */
function sendPage(res, outcome, backUrl) {
  const { status, title, text } =
    outcome === null ? PAGES.noSession
    : outcome.type === 'success' ? (outcome.needsNewPaymentMethod === false ? PAGES.relinked : PAGES.newAccount)
    : outcome.type === 'failure' ? PAGES.notRelinked
    : outcome.code === 'relink_result_missing' && outcome.retryable ? PAGES.pending
    : outcome.retryable ? PAGES.later
    : PAGES.unreadable;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'referrer-policy': 'no-referrer', // The URL names the session: it goes nowhere else.
    'x-content-type-options': 'nosniff',
  });
  res.end(
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>\n` +
      `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p><p><a href="${escapeHtml(backUrl)}">Back to your account</a></p></main></body>\n</html>\n`,
  );
}

/** @param {string} text @returns {string} `text` safe in HTML text and in a quoted attribute */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
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
    returnUrl: 'http://localhost:3000/relink-return',
    emailHostedRelinks: process.env['FC_EMAIL_HOSTED_RELINKS'] === '1',
    /** @param {import('@fc-relink/server').RelinkWebhookAction} action */
    onRelinkAction: async (action) => console.log('relink action:', action.action, action.id),
  };
  createServer(relinkServer(stripe, host)).listen(3000, () => {
    console.log('POST http://localhost:3000/relink-session, /replacement-setup-intent, /hosted-relink and /webhook; GET /relink-return');
  });
}
