// The unit tests' only stand-in for the network: requests to js.stripe.com are either refused
// (as offline, or behind a blocker) or answered with @fc-relink/testing's fake Stripe.js, so the
// real @stripe/stripe-js loader runs unchanged. Tests switch it with the `stripe-network` command.
import { fakeStripeScript } from '@fc-relink/testing';

const state = { mode: 'offline', stripeRequests: [], requests: [] };

/** Routes js.stripe.com for a page and records every request URL it makes. */
export async function routeStripeNetwork(page) {
  page.on('request', (request) => state.requests.push(request.url()));
  await page.route('https://js.stripe.com/**', (route) => {
    const url = route.request().url();
    state.stripeRequests.push(url);
    if (state.mode !== 'fake') return route.abort('internetdisconnected');
    const version = new URL(url).pathname.split('/')[1];
    return route.fulfill({
      status: 200,
      contentType: 'application/javascript',
      body: fakeStripeScript({ version }),
    });
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
