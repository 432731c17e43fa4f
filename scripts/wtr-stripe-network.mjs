// The unit tests' only stand-in for the network: requests to js.stripe.com are either refused
// (as offline, or behind a blocker) or answered with @fc-relink/testing's fake Stripe.js, so the
// real @stripe/stripe-js loader runs unchanged. Tests switch it with the `stripe-network` command.
import { routeFakeStripe } from '@fc-relink/testing/playwright';

const state = { mode: 'offline', stripeRequests: [], requests: [] };

/** Routes js.stripe.com for a page and records every request URL it makes. */
export async function routeStripeNetwork(page) {
  page.on('request', (request) => state.requests.push(request.url()));
  // Playwright asks the route registered last first: ours refuses or falls back to the fake.
  await routeFakeStripe(page);
  await page.route('https://js.stripe.com/**', (route) => {
    state.stripeRequests.push(route.request().url());
    return state.mode === 'fake' ? route.fallback() : route.abort('internetdisconnected');
  });
}

/**
 * `executeServerCommand('stripe-network', { mode?, reset? })` sets the mode and answers with
 * what was requested so far: `{ mode, stripeRequests, requests }`.
 */
export function stripeNetworkPlugin() {
  return {
    name: 'stripe-network',
    executeCommand({ command, payload }) {
      if (command !== 'stripe-network') return undefined;
      if (payload?.reset) {
        state.stripeRequests = [];
        state.requests = [];
      }
      if (payload?.mode) state.mode = payload.mode;
      return { mode: state.mode, stripeRequests: [...state.stripeRequests], requests: [...state.requests] };
    },
  };
}
