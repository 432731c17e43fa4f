import { expect } from '@open-wc/testing';
import { publishableKeySource, isRelinkError, type StripeLike } from '@fc-relink/core';
import { network } from '../../../test-support/browser.js';

// Stripe.js loads successfully at most once in this file (the end of the failed-load test): after
// that, @stripe/stripe-js never requests it again in this page. The other tests load nothing.
describe('publishableKeySource', () => {
  beforeEach(() => network({ mode: 'offline', reset: true }));

  it('refuses a secret key before any request, and says so without repeating it', async () => {
    const source = publishableKeySource({ publishableKey: 'sk_test_never_sent' });
    expect(source.error?.code).to.equal('secret_key_in_browser');
    const loaded = await source.load();
    expect(isRelinkError(loaded) && loaded.code).to.equal('secret_key_in_browser');
    expect(JSON.stringify(loaded)).not.to.contain('sk_test_never_sent');
    expect((await network()).stripeRequests).to.deep.equal([]);
  });

  it('refuses a malformed key before any request', async () => {
    expect(publishableKeySource({ publishableKey: 'pk_nope' }).error?.code).to.equal('invalid_publishable_key');
    expect((await network()).stripeRequests).to.deep.equal([]);
  });

  it('reports a failed Stripe.js load as retryable, then loads on the next try', async () => {
    const source = publishableKeySource({ publishableKey: 'pk_test_loader' });
    const failed = await source.load();
    expect(isRelinkError(failed) && failed.code).to.equal('stripe_load_failed');
    expect(isRelinkError(failed) && failed.retryable).to.equal(true);
    expect(source.peek()).to.equal(undefined);
    const tried = (await network()).stripeRequests;
    expect(tried.length).to.be.greaterThan(0);
    expect(tried.every((url) => url.startsWith('https://js.stripe.com/'))).to.equal(true);

    await network({ mode: 'fake' });
    const loaded = await source.load();
    expect(isRelinkError(loaded)).to.equal(false);
    expect(typeof (loaded as StripeLike).collectFinancialConnectionsAccounts).to.equal('function');
    expect(source.peek() === loaded).to.equal(true);
  });
});
