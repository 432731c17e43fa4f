import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { publishableKeySource, instanceSource, isRelinkError, type StripeLike } from '@fc-relink/core';

interface Network {
  mode: 'offline' | 'fake';
  stripeRequests: string[];
  requests: string[];
}
const network = (payload: { mode?: Network['mode']; reset?: boolean } = {}) =>
  executeServerCommand<Network, typeof payload>('stripe-network', payload);

// Order matters in this file: the failing load must come before Stripe.js has ever loaded here.
describe('publishableKeySource', () => {
  before(() => network({ mode: 'offline', reset: true }));

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

  it('shares one instance per key, account and options across sources', async () => {
    const a = await publishableKeySource({ publishableKey: 'pk_test_shared', stripeOptions: { locale: 'de', apiVersion: 'x' } }).load();
    const b = await publishableKeySource({ publishableKey: 'pk_test_shared', stripeOptions: { apiVersion: 'x', locale: 'de' } }).load();
    const c = await publishableKeySource({ publishableKey: 'pk_test_shared', stripeAccount: 'acct_1', stripeOptions: { locale: 'de', apiVersion: 'x' } }).load();
    const d = await publishableKeySource({ publishableKey: 'pk_test_other' }).load();
    // Compared by identity: a failed chai comparison of two Stripe instances would try to print them.
    expect([isRelinkError(a), a === b, c === a, d === a]).to.deep.equal([false, true, false, false]);
  });
});

describe('instanceSource', () => {
  const fake: StripeLike = { collectFinancialConnectionsAccounts: () => Promise.resolve({}) };

  it('peeks an instance at once', () => {
    expect(instanceSource(fake).peek() === fake).to.equal(true);
  });

  it('peeks a promised instance once it resolves', async () => {
    let resolve!: (s: StripeLike) => void;
    const source = instanceSource(new Promise<StripeLike>((r) => (resolve = r)));
    expect(source.peek()).to.equal(undefined);
    resolve(fake);
    expect((await source.load()) === fake).to.equal(true);
    expect(source.peek() === fake).to.equal(true);
  });

  it('turns null, a rejection and an object without the method into typed errors', async () => {
    const results = await Promise.all([
      instanceSource(null).load(),
      instanceSource(Promise.resolve(null)).load(),
      instanceSource(Promise.reject(new Error('Failed to load Stripe.js'))).load(),
      instanceSource({} as StripeLike).load(),
    ]);
    expect(results.map((r) => (isRelinkError(r) ? r.code : 'instance'))).to.deep.equal([
      'stripe_unavailable',
      'stripe_unavailable',
      'stripe_load_failed',
      'stripe_unavailable',
    ]);
  });
});
