// POST /api/relink-session: a client secret for <FcRelink>'s fetchClientSecret
// (app/fetch-client-secret.ts), as JSON: { clientSecret }.
//
// This example runs offline: it answers with a fake session from @fc-relink/testing, which the
// fake Stripe.js plays (the end-to-end test serves it for js.stripe.com). A real host creates the
// session with Stripe instead, for the account of the signed-in customer:
//
//   import Stripe from 'stripe';
//   import { createRelinkSessionForRequest, RelinkParamsError } from '@fc-relink/server';
//
//   const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);
//   // From your records for the signed-in customer, never from the browser.
//   const accountId = await accountIdOfSignedInCustomer();
//   try {
//     const { clientSecret } = await createRelinkSessionForRequest(stripe, accountId, body, { purpose: 'payments' });
//     return json({ clientSecret });
//   } catch (error) {
//     // not_relinkable: the link cannot be repaired; ask for a new payment method instead.
//     if (error instanceof RelinkParamsError) return json({ error: error.code }, 409);
//     throw error;
//   }
import { fakeClientSecret } from '@fc-relink/testing';

const PURPOSES = new Set(['initial', 'retry', 'authorization_retry']);

export async function POST(request: Request): Promise<Response> {
  // Your own page only: a JSON body (which a cross-site form cannot send without asking first)
  // from this origin.
  if (isCrossSite(request) || mediaType(request) !== 'application/json') return json({ error: 'forbidden' }, 403);
  const body = await readJson(request);
  if (body === null || typeof body.purpose !== 'string' || !PURPOSES.has(body.purpose)) return json({ error: 'bad_request' }, 400);
  // The fake's scenario: the exact account comes back; a retry at the bank ('authorization_retry')
  // keeps the authorization.
  const clientSecret = fakeClientSecret(body.purpose === 'authorization_retry' ? 'authorization_relinked' : 'account_relinked', 'example');
  return json({ clientSecret });
}

function json(body: object, status = 200): Response {
  // A client secret is for this response only: never stored by a cache.
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

/** Whether the browser says the request comes from another site. */
function isCrossSite(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  return !URL.canParse(origin) || new URL(origin).host !== request.headers.get('host');
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
}

/** The body as a JSON object, or `null` (not JSON, not an object, or longer than the element ever sends). */
async function readJson(request: Request): Promise<Record<string, unknown> | null> {
  const text = await request.text();
  if (text.length > 1024) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
