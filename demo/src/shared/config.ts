/**
 * Where the playground's sessions and Stripe come from, as the demo server says
 * (`virtual:fc-relink/playground`, from demo/server/plugin.ts):
 *
 * - `fake` (the default, no keys): the server hands out secrets that name a scenario of the fake
 *   Stripe.js, so the publishable key below is a made-up test key that only has to look like one.
 * - `stripe` (STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY set for the server): real sessions for
 *   the account typed in the page, and the real publishable key, for the real Stripe.js.
 */
import fromServer from 'virtual:fc-relink/playground';
import type { PlaygroundServerConfig, SessionSource } from './api.js';

const server = fromServer as PlaygroundServerConfig;

export const SESSIONS: SessionSource = server.sessions === 'stripe' && server.publishableKey ? 'stripe' : 'fake';

/** Why the keys set for the server are not used, or `null`. */
export const KEYS_NOTICE: string | null = server.notice;

/** Never a secret key: the server only ever sends a validated `pk_test_` key. */
export const PUBLISHABLE_KEY = SESSIONS === 'stripe' ? server.publishableKey! : 'pk_test_fcrelink_demo';

/** How Stripe.js reaches this page: the fake injected by the Vite config, or js.stripe.com. */
export function stripeSource(): 'fake' | 'network' {
  return document.querySelector('script[data-fc-relink-fake-stripe]') ? 'fake' : 'network';
}
