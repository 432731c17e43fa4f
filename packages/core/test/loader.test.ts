import { expect } from '@open-wc/testing';
import { publishableKeySource, instanceSource, isRelinkError, resetSharedStripe, type StripeLike } from '@fc-relink/core';
import { network } from '../../../test-support/browser.js';

describe('publishableKeySource, once Stripe.js is reachable', () => {
  beforeEach(async () => {
    await network({ mode: 'fake', reset: true });
    resetSharedStripe();
  });

  it('shares one instance per key, account and options across sources', async () => {
    const a = await publishableKeySource({ publishableKey: 'pk_test_shared', stripeOptions: { locale: 'de', apiVersion: 'x' } }).load();
    const b = await publishableKeySource({ publishableKey: 'pk_test_shared', stripeOptions: { apiVersion: 'x', locale: 'de' } }).load();
    const c = await publishableKeySource({ publishableKey: 'pk_test_shared', stripeAccount: 'acct_1', stripeOptions: { locale: 'de', apiVersion: 'x' } }).load();
    const d = await publishableKeySource({ publishableKey: 'pk_test_other' }).load();
    // Compared by identity: a failed chai comparison of two Stripe instances would try to print them.
    expect([isRelinkError(a), a === b, c === a, d === a]).to.deep.equal([false, true, false, false]);
  });

  it('makes a new instance after resetSharedStripe()', async () => {
    const options = { publishableKey: 'pk_test_reset' };
    const first = await publishableKeySource(options).load();
    resetSharedStripe();
    const second = await publishableKeySource(options).load();
    expect([isRelinkError(first), isRelinkError(second), first === second]).to.deep.equal([false, false, false]);
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
