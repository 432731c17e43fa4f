// Starts the stand-in for api.stripe.com that the real-Stripe playground (STRIPE_PORT in
// playwright.config.ts) sends its API requests to, for the whole run.
import { STAND_IN_PORT, startStripeStandIn } from './stripe-api.js';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const standIn = await startStripeStandIn(STAND_IN_PORT);
  return () => standIn.close();
}
