// Server side of the browser suites' network stand-in (sw.js). Each test page (web-test-runner
// session) has its own state, so suites pass alone and in any order:
// `executeServerCommand('stripe-network', { mode?, reset?, fail? })` sets how js.stripe.com answers
// for the calling page (and `fail`: the page's own paths, by their ending, that fail as a network
// error would, for code loaded later) and returns `{ mode, stripeRequests, requests }`. Pages
// start offline.
import { readFileSync } from 'node:fs';
import { fakeStripeScriptFor } from '@fc-relink/testing';

const SW_PATH = '/__stripe-network-sw.js';
const swSource = readFileSync(new URL('./sw.js', import.meta.url), 'utf8');

/** @type {Map<string, { mode: 'offline' | 'fake', stripeRequests: string[], requests: string[], fail: string[] }>} */
const sessions = new Map();
const stateOf = (id) => {
  let state = sessions.get(id);
  if (!state) sessions.set(id, (state = { mode: 'offline', stripeRequests: [], requests: [], fail: [] }));
  return state;
};

/** Tells the service worker to fail the request as a network error (sw.js reads the header). */
const refuse = (why) => ({ body: why, type: 'txt', headers: { 'x-stripe-network': 'refuse' } });

export function stripeNetworkPlugin() {
  return {
    name: 'stripe-network',
    serve(context) {
      if (context.path === SW_PATH) return { body: swSource, type: 'js', headers: { 'cache-control': 'no-store' } };
      if (context.path !== '/__stripe-network/request') return undefined;
      const url = context.URL.searchParams.get('url') ?? '';
      const state = stateOf(context.URL.searchParams.get('session') ?? '');
      state.requests.push(url);
      const { hostname, origin, pathname } = new URL(url);
      if (origin === context.URL.origin) {
        return state.fail.some((ending) => pathname.endsWith(ending)) ? refuse('failed by the test') : { body: 'pass', type: 'txt' };
      }
      if (hostname !== 'js.stripe.com') return refuse('no network in tests');
      state.stripeRequests.push(url);
      if (state.mode !== 'fake') return refuse('offline');
      return { body: fakeStripeScriptFor(url), type: 'txt', headers: { 'cache-control': 'no-store' } };
    },
    executeCommand({ command, payload, session }) {
      if (command !== 'stripe-network') return undefined;
      const state = stateOf(session.id);
      if (payload?.reset) {
        state.stripeRequests = [];
        state.requests = [];
      }
      if (payload?.mode) state.mode = payload.mode;
      if (payload?.fail) state.fail = [...payload.fail];
      return { mode: state.mode, stripeRequests: [...state.stripeRequests], requests: [...state.requests] };
    },
  };
}

/**
 * The test page: registers the service worker and waits until it controls the page, then loads
 * the test framework, so every request of the tests goes through it.
 */
export function testRunnerHtml(testFramework) {
  return `<!DOCTYPE html><html><head></head><body><script type="module">
const sw = navigator.serviceWorker;
await sw.register('${SW_PATH}', { scope: '/' });
await sw.ready;
if (!sw.controller) await new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
await import('${testFramework}');
</script></body></html>`;
}
