import { expect } from '@open-wc/testing';
import { interpretRelinkResult } from '@fc-relink/core';
import { FAKE_IDS, fakeHostedCompletion, fakeHostedEndings, fakeHostedRelinkPage, type FakeHostedEnding } from '@fc-relink/testing';

const accountMode = { authorization: 'fcauthz_host_1', account: 'fca_host_1' };
const authorizationMode = { authorization: 'fcauthz_host_1' };

/** A session as Stripe's retrieve renders it once the customer chose `ending`: what interpretRelinkResult reads. */
function ended(ending: FakeHostedEnding, relink_options: { authorization: string; account?: string }) {
  const { accounts, ...rest } = fakeHostedCompletion(ending, relink_options);
  return { id: 'fcsess_hosted_1', relink_options, ...rest, accounts: accounts.data };
}

describe('the fake hosted relink', () => {
  it('offers the endings a session of each mode can have', () => {
    expect(fakeHostedEndings(accountMode)).to.deep.equal(['account_relinked', 'no_account', 'no_authorization', 'other', 'cancelled']);
    expect(fakeHostedEndings(authorizationMode)).to.include.members(['authorization_relinked', 'new_account', 'cancelled']);
    expect(fakeHostedEndings(authorizationMode)).not.to.include('account_relinked');
  });

  it('ends each session as core reads it, with the session’s own relink_options', () => {
    const table: Array<[FakeHostedEnding, typeof accountMode | typeof authorizationMode, string, string]> = [
      ['account_relinked', accountMode, 'succeeded', 'success:account_relinked'],
      ['no_account', accountMode, 'failed', 'failure:no_account'],
      ['no_authorization', accountMode, 'failed', 'failure:no_authorization'],
      ['other', authorizationMode, 'failed', 'failure:other'],
      ['cancelled', accountMode, 'cancelled', 'failure:no_authorization'],
      ['authorization_relinked', authorizationMode, 'succeeded', 'success:authorization_relinked'],
      ['new_authorization', authorizationMode, 'succeeded', 'success:new_authorization'],
      ['new_account', authorizationMode, 'succeeded', 'success:authorization_relinked'],
    ];
    for (const [ending, options, status, expected] of table) {
      const session = ended(ending, options);
      expect(session.status, ending).to.equal(status);
      const outcome = interpretRelinkResult({ financialConnectionsSession: session }, { existingAccountIds: [FAKE_IDS.account, FAKE_IDS.otherAccount] });
      const seen = outcome.type === 'success' ? `success:${outcome.kind}` : outcome.type === 'failure' ? `failure:${outcome.reason}` : `error:${outcome.code}`;
      expect(seen, ending).to.equal(expected);
      if (outcome.type === 'success' && ending === 'account_relinked') expect(outcome.account).to.equal('fca_host_1');
      if (outcome.type === 'success' && ending === 'new_account') expect(outcome.needsNewPaymentMethod).to.equal(true);
    }
  });

  it('says on the page that it is a test double, runs no script, and escapes what it is given', () => {
    const page = fakeHostedRelinkPage({ action: '/done?a=1&b="2"', endings: ['account_relinked', 'cancelled'], businessName: '<img src=x onerror=alert(1)>' });
    expect(page).to.contain('Test double: this is not Stripe.');
    expect(page).not.to.match(/<script|style=|<img/i);
    expect(page).to.contain('&lt;img src=x');
    expect(page).to.contain('action="/done?a=1&amp;b=&quot;2&quot;"');
    expect(page.match(/name="ending"/g)).to.have.length(2);
  });
});
