// The Stripe API stand-in (test-support/stripe-api.ts) for one node:test file: started before
// its tests, its recordings and any special answer cleared before each, closed after them.
import { after, before, beforeEach } from 'node:test';
import type Stripe from 'stripe';
import { startStripeStandIn, type Responder, type StripeStandIn } from '../../../test-support/stripe-api.js';

export interface StandInForFile {
  /** The running stand-in (after `before`). */
  readonly server: StripeStandIn;
  /** A real `stripe` client pointed at it. */
  readonly stripe: Stripe;
  /** Lets one test answer differently; cleared before each test. */
  reply: Responder | undefined;
}

export function standInForFile(): StandInForFile {
  let server: StripeStandIn | undefined;
  let stripe: Stripe | undefined;
  const api: StandInForFile = {
    get server() {
      return server!;
    },
    get stripe() {
      return stripe!;
    },
    reply: undefined,
  };
  before(async () => {
    server = await startStripeStandIn({ respond: (request) => api.reply?.(request) });
    stripe = server.stripe();
  });
  beforeEach(() => {
    server!.requests.length = 0;
    api.reply = undefined;
  });
  after(() => server!.close());
  return api;
}
