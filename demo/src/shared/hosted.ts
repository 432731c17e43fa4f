/**
 * The playground's side of Stripe's hosted relink with fake Stripe (the "Stripe.js blocked"
 * switch). The example server's `POST /hosted-relink` answers with the hosted session's `url`, as
 * Stripe's API gives it: `https://connect.stripe.com/...` ending in the session's id. With fake
 * Stripe that page does not exist, so the page opens the fake's own hosted page for the same
 * session instead (demo/server/fake-hosted.ts), as a native app opens Stripe's page in the system
 * browser: the element would follow only Stripe's own URLs.
 */
import { FAKE_HOSTED_PREFIX } from './api.js';

/** The fake's hosted page for the session of a hosted-session `url` from the stand-in, or `null` for any other URL. */
export function fakeHostedPage(url: string): string | null {
  if (!URL.canParse(url)) return null;
  const { protocol, hostname, pathname } = new URL(url);
  const id = pathname.split('/').pop() ?? '';
  if (protocol !== 'https:' || hostname !== 'connect.stripe.com' || !/^fcsess_[A-Za-z0-9_]{1,200}$/.test(id)) return null;
  return `${FAKE_HOSTED_PREFIX}${id}`;
}
