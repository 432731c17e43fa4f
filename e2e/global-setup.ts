// Starts the stand-in for api.stripe.com (test-support/stripe-api.ts) that the real-Stripe
// playground (STRIPE_PLAYGROUND_PORT) sends its API requests to, for the whole run.
import { startStripeStandIn } from '../test-support/stripe-api.js';
import { STAND_IN_PORT } from './servers.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const standIn = await startStripeStandIn({ port: STAND_IN_PORT });
  return () => standIn.close();
}
