/**
 * Where the playground's Stripe comes from. Today every session is played by the fake Stripe.js
 * (`fakeSecretServer` hands out secrets that name a scenario), so the key below is a made-up
 * test key that only has to look like one. The seam for real keys: the Vite config's
 * FC_RELINK_STRIPE=network leaves js.stripe.com alone; a real publishable key and a server that
 * creates sessions go here and in `secrets.ts`.
 */
export const PUBLISHABLE_KEY = 'pk_test_fcrelink_demo';

/** How Stripe.js reaches this page: the fake injected by the Vite config, or js.stripe.com. */
export function stripeSource(): 'fake' | 'network' {
  return document.querySelector('script[data-fc-relink-fake-stripe]') ? 'fake' : 'network';
}
