/**
 * Stripe's hosted relink, faked (SPEC section 13): the page a customer lands on from a hosted
 * session's `url` or Stripe's email, and what the session says once they are done. For the
 * playground and end-to-end tests, with the project's stand-in for Stripe's API holding the
 * sessions. Pure: no DOM, no network.
 */
import type { RelinkOptions, RelinkResult } from '@fc-relink/core';
import { FAKE_IDS, type FakeScenario } from './scenarios.js';
import { account, type FakeAccount } from './sessions.js';

/**
 * How a customer can leave the fake hosted page: a scenario a finished relink can play (not the
 * Stripe.js ones: an error, a session without its result, a modal left open), or `cancelled`
 * (they left without finishing).
 */
export type FakeHostedEnding = Exclude<FakeScenario, 'stripe_error' | 'relink_result_missing' | 'hang'> | 'cancelled';

/** What a session that ended says of itself, in the API's shape (as a retrieve at a preview version renders it). */
export interface FakeHostedCompletion {
  status: 'succeeded' | 'failed' | 'cancelled';
  relink_result: RelinkResult;
  accounts: { object: 'list'; data: FakeAccount[]; has_more: false; url: '/v1/financial_connections/accounts' };
}

const LABELS: Record<FakeHostedEnding, string> = {
  account_relinked: 'Reconnect the same account',
  authorization_relinked: 'Reconnect the bank, same accounts',
  new_authorization: 'Sign in again with a new connection',
  new_account: 'Reconnect and share a new account',
  no_account: 'Sign in, but do not share the account',
  no_authorization: 'Give up at the bank’s sign-in',
  other: 'Something goes wrong',
  cancelled: 'Leave without relinking',
};

/** The endings a session can have: account-mode sessions relink their account, the others any account at the bank. */
export function fakeHostedEndings(relinkOptions: RelinkOptions): FakeHostedEnding[] {
  return relinkOptions.account
    ? ['account_relinked', 'no_account', 'no_authorization', 'other', 'cancelled']
    : ['authorization_relinked', 'new_authorization', 'new_account', 'no_authorization', 'other', 'cancelled'];
}

/** What a hosted session with these `relink_options` says once the customer chose `ending`. */
export function fakeHostedCompletion(ending: FakeHostedEnding, relinkOptions: RelinkOptions): FakeHostedCompletion {
  const { authorization } = relinkOptions;
  const requested = relinkOptions.account ?? null;
  const list = (data: FakeAccount[]): FakeHostedCompletion['accounts'] => ({ object: 'list', data, has_more: false, url: '/v1/financial_connections/accounts' });
  const done = (data: FakeAccount[], result: Pick<RelinkResult, 'account' | 'authorization'>): FakeHostedCompletion => ({
    status: 'succeeded',
    relink_result: { ...result, failure_reason: null },
    accounts: list(data),
  });
  const failed = (failure_reason: 'no_account' | 'no_authorization' | 'other', authorized: string | null): FakeHostedCompletion => ({
    status: ending === 'cancelled' ? 'cancelled' : 'failed',
    relink_result: { account: null, authorization: authorized, failure_reason },
    accounts: list([]),
  });
  switch (ending) {
    case 'account_relinked':
      return done([{ ...account('checking'), id: requested ?? FAKE_IDS.account }], { account: requested, authorization });
    case 'authorization_relinked':
      return done([account('checking'), account('savings')], { account: null, authorization });
    case 'new_authorization':
      return done([account('fresh')], { account: null, authorization: FAKE_IDS.newAuthorization });
    case 'new_account':
      return done([account('fresh')], { account: null, authorization });
    case 'no_account':
      return failed('no_account', authorization);
    case 'no_authorization':
    case 'other':
      return failed(ending, null);
    case 'cancelled':
      return failed('no_authorization', null);
  }
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface FakeHostedPageOptions {
  /** Where the page's form posts the ending chosen (field `ending`). */
  action: string;
  /** The endings offered, as {@link fakeHostedEndings} gives them. */
  endings: readonly FakeHostedEnding[];
  /** The business the customer relinks for, shown as Stripe's hosted page would. */
  businessName?: string;
}

/**
 * The fake hosted relink page: HTML with no script and no inline style (it runs under the
 * strictest CSP), saying plainly that it is a test double and not Stripe, with one button per
 * ending. Its form posts `ending` to `options.action`; the server completes the session (with
 * {@link fakeHostedCompletion}) and sends the customer to the session's `return_url`.
 */
export function fakeHostedRelinkPage({ action, endings, businessName = 'the business' }: FakeHostedPageOptions): string {
  const buttons = endings
    .map((ending) => `<button type="submit" name="ending" value="${escape(ending)}">${escape(LABELS[ending])}</button>`)
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Fake Stripe-hosted relink (test double)</title>
  </head>
  <body>
    <main>
      <p><strong>Test double: this is not Stripe.</strong> A fake of Stripe’s hosted relink page, from @fc-relink/testing. Nothing here reaches a bank or Stripe.</p>
      <h1>Reconnect your bank for ${escape(businessName)}</h1>
      <p>Choose how the relink ends; you are then sent back to the site.</p>
      <form method="post" action="${escape(action)}">
      ${buttons}
      </form>
    </main>
  </body>
</html>
`;
}
