// The browser suites' only stand-in for the network, the same in Chromium, Firefox and WebKit: a
// service worker that asks the test server (plugin.mjs) about every request the test page makes.
// The server records it for the page's session and decides: js.stripe.com is answered with the
// fake Stripe.js of @fc-relink/testing or refused (offline, blocked); any other origin is refused
// (the tests have no network); the test server's own files pass through, unless a test fails one.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function sessionOf(event) {
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  return client ? new URL(client.url).searchParams.get('wtr-session-id') : null;
}

async function answer(event) {
  const url = event.request.url;
  const ask = new URL('/__stripe-network/request', self.location.origin);
  ask.searchParams.set('session', (await sessionOf(event)) ?? '');
  ask.searchParams.set('url', url);
  const decision = await fetch(ask, { cache: 'no-store' });
  const refused = !decision.ok || decision.headers.get('x-stripe-network') === 'refuse';
  // The test server's own files pass, unless a test fails one (code the element loads later).
  if (new URL(url).origin === self.location.origin) return refused ? Response.error() : fetch(event.request);
  if (refused) return Response.error();
  return new Response(await decision.text(), { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.mode === 'navigate' || url.pathname.startsWith('/__stripe-network')) return;
  event.respondWith(answer(event));
});
