/**
 * The playground's signed-in customer: whom the example server's host hooks (`customerFor`,
 * `accountIdFor`) answer for. A real app signs its customers in and keeps their bank account on
 * file; the playground keeps one customer per browser (an HTTP-only cookie), signed in by the page
 * through one playground-only route (see ../src/shared/api.ts):
 *
 * `POST /playground/customer`, JSON, from the playground's own pages:
 * - fake Stripe: `{ "link": "inactive" | "expiring" }` signs in the stand-in's customer with its
 *   broken account (the fake's checking account) or with its account Stripe expects to deactivate.
 *   Only a state's name: never an account id.
 * - your keys: `{ "account": "fca_..." }` signs in the customer who holds that account in your
 *   Stripe account (its `account_holder.customer`), with that account on file. The account is
 *   read from Stripe first: only one Stripe knows goes on file.
 *
 * The answer is `200 { eligibility }`, what `relinkEligibility` reads from the account (broken, or
 * expected to stop on a date), for the page's card. Refusals are `{ error: code }`, with no text
 * from Stripe, and sign the browser out (with fake Stripe: back to the default, the broken link). The example server's own routes never take an account from the browser: they ask
 * these hooks.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { RELINK_API_VERSION, relinkEligibility } from '@fc-relink/server';
import Stripe from 'stripe';
import { STAND_IN_ACCOUNTS, STAND_IN_CUSTOMER } from '../../test-support/stripe-api.js';
import { FAKE_LINK_STATES, MAX_BODY_BYTES, type FakeLinkState } from '../src/shared/api.js';
import { isCrossOrigin, mediaType, readBody, sendJson } from './http.js';

/** A signed-in customer and the bank account on file for them. */
export interface SignedIn {
  accountId: string;
  /** `null` when the account's holder is not a Customer (nothing to make a payment method for). */
  customer: { id: string; name: string } | null;
}

/** The name on the playground customer's bank account (the replacement payment method's billing name). */
export const PLAYGROUND_CUSTOMER_NAME = 'Playground Customer';

/** The cookie that says which customer a browser signed in as. */
export const CUSTOMER_COOKIE = 'fc_relink_playground';

/** The customers kept at most (the oldest go first): a playground, not a store. */
const MAX_CUSTOMERS = 500;

const ACCOUNT_ID = /^fca_[A-Za-z0-9_]{1,251}$/;
const COOKIE_VALUE = /^[A-Za-z0-9_-]{22}$/;

/** The fake's customer, with the account a link in `state` is (the stand-in's accounts). */
export function fakeCustomer(state: FakeLinkState): SignedIn {
  return {
    accountId: state === 'expiring' ? STAND_IN_ACCOUNTS.expiring : STAND_IN_ACCOUNTS.relinkable,
    customer: { id: STAND_IN_CUSTOMER, name: PLAYGROUND_CUSTOMER_NAME },
  };
}

/** The Customer an account's `account_holder` names, or `null`. */
function holderCustomer(account: unknown): string | null {
  const customer = (account as { account_holder?: { customer?: unknown } | null } | null)?.account_holder?.customer;
  if (typeof customer === 'string') return customer;
  const id = (customer as { id?: unknown } | null | undefined)?.id;
  return typeof id === 'string' ? id : null;
}

function cookieOf(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, value] = part.trim().split('=', 2);
    if (name === CUSTOMER_COOKIE && value !== undefined && COOKIE_VALUE.test(value)) return value;
  }
  return null;
}

export interface Customers {
  /** The customer this request's browser signed in as; without one, the default (the fake's customer, or nobody with keys). */
  of(req: IncomingMessage): SignedIn | null;
  /** Answers `POST /playground/customer`. Never throws. */
  signIn(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface CustomersOptions {
  stripe: Stripe;
  /** `fake`: sign-in by a link state, the stand-in's customer; `stripe`: by an account of yours. */
  mode: 'fake' | 'stripe';
}

export function customers({ stripe, mode }: CustomersOptions): Customers {
  const signedIn = new Map<string, SignedIn>();
  const fallback = mode === 'fake' ? fakeCustomer('inactive') : null;

  /** The account `body` asks to sign in with, read from Stripe at the relink version. */
  async function choose(body: Record<string, unknown>): Promise<{ signedIn: SignedIn; account: unknown } | { status: number; error: string }> {
    if (mode === 'fake') {
      if (Object.keys(body).some((key) => key !== 'link') || !(FAKE_LINK_STATES as readonly unknown[]).includes(body.link)) return { status: 400, error: 'bad_request' };
      const chosen = fakeCustomer(body.link as FakeLinkState);
      return { signedIn: chosen, account: await stripe.financialConnections.accounts.retrieve(chosen.accountId, {}, { apiVersion: RELINK_API_VERSION }) };
    }
    if (Object.keys(body).some((key) => key !== 'account') || typeof body.account !== 'string' || !ACCOUNT_ID.test(body.account) || body.account.includes('_secret_')) {
      return { status: 400, error: 'bad_request' };
    }
    try {
      const account: unknown = await stripe.financialConnections.accounts.retrieve(body.account, {}, { apiVersion: RELINK_API_VERSION });
      const customer = holderCustomer(account);
      return { signedIn: { accountId: body.account, customer: customer === null ? null : { id: customer, name: PLAYGROUND_CUSTOMER_NAME } }, account };
    } catch (error) {
      if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing') return { status: 404, error: 'no_such_account' };
      throw error;
    }
  }

  return {
    of(req) {
      const id = cookieOf(req);
      return (id === null ? undefined : signedIn.get(id)) ?? fallback;
    },
    async signIn(req, res) {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'method_not_allowed' }, { allow: 'POST' });
      if (isCrossOrigin(req) || mediaType(req) !== 'application/json') return sendJson(res, 403, { error: 'forbidden' });
      // From here a sign-in that fails signs the browser out: the page never shows one account
      // while the server relinks another.
      const previous = cookieOf(req);
      if (previous !== null) signedIn.delete(previous);
      const read = await readBody(req, MAX_BODY_BYTES);
      if (!read.ok) return sendJson(res, read.reason === 'too_large' ? 413 : 400, { error: read.reason === 'too_large' ? 'too_large' : 'bad_request' });
      let body: unknown;
      try {
        body = JSON.parse(read.text);
      } catch {
        return sendJson(res, 400, { error: 'bad_request' });
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return sendJson(res, 400, { error: 'bad_request' });
      let chosen: Awaited<ReturnType<typeof choose>>;
      try {
        chosen = await choose(body as Record<string, unknown>);
      } catch (error) {
        // As the example server does: Stripe's type and request id for the terminal, nothing for the page.
        console.error('playground sign-in failed:', error instanceof Stripe.errors.StripeError ? `${error.type} ${error.requestId}` : String(error));
        return sendJson(res, 502, { error: 'sign_in_failed' });
      }
      if ('error' in chosen) return sendJson(res, chosen.status, { error: chosen.error });
      // A new id at every sign-in: never one the browser brought (another local app could have set it).
      const id = randomBytes(16).toString('base64url');
      signedIn.set(id, chosen.signedIn);
      if (signedIn.size > MAX_CUSTOMERS) signedIn.delete(signedIn.keys().next().value!);
      sendJson(res, 200, { eligibility: relinkEligibility(chosen.account) }, { 'set-cookie': `${CUSTOMER_COOKIE}=${id}; Path=/; HttpOnly; SameSite=Strict` });
    },
  };
}
