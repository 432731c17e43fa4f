import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { loadStripe } from '@stripe/stripe-js/pure';
import { FAKE_IDS, fakeClientSecret, fakeStripeScript, type FakeScenario, type FakeStripeConstructor } from '../src/index.js';

type WithStripe = { Stripe?: FakeStripeConstructor };
const win = window as unknown as WithStripe;

/** Runs the source as a classic inline script, the way a page would. */
function inject(source: string): void {
  const script = document.createElement('script');
  script.textContent = source;
  document.head.append(script);
  script.remove();
}

afterEach(() => {
  delete win.Stripe;
});

describe('fakeStripeScript', () => {
  it('is a classic script: no module syntax', () => {
    const source = fakeStripeScript();
    expect(source).not.to.match(/^\s*(import|export)\s/m);
    expect(() => new Function(source)).not.to.throw();
  });

  it('defines window.Stripe and nothing else', () => {
    const before = new Set(Object.getOwnPropertyNames(window));
    inject(fakeStripeScript());
    const added = Object.getOwnPropertyNames(window).filter((name) => !before.has(name));
    expect(added).to.deep.equal(['Stripe']);
    expect(win.Stripe).to.be.a('function');
    expect(win.Stripe?.name).to.equal('Stripe');
  });

  it('gives the constructor the default release, or the one asked for', () => {
    inject(fakeStripeScript());
    expect(win.Stripe?.version).to.equal('endive');
    inject(fakeStripeScript({ version: 'basil' }));
    expect(win.Stripe?.version).to.equal('basil');
  });

  it('makes working fakes, with or without new, that read the scenario from the secret', async () => {
    inject(fakeStripeScript());
    const Stripe = win.Stripe as FakeStripeConstructor;
    for (const stripe of [Stripe('pk_test_123'), new Stripe('pk_test_123', { locale: 'en' })]) {
      const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('account_relinked') });
      expect(result.financialConnectionsSession?.relink_result?.account).to.equal(FAKE_IDS.account);
      expect(stripe.calls).to.have.length(1);
    }
  });

  it('carries the options into the page', async () => {
    inject(fakeStripeScript({ scenario: 'no_account', delay: 80 }));
    const stripe = (win.Stripe as FakeStripeConstructor)('pk_test_123');
    const started = performance.now();
    const result = await stripe.collectFinancialConnectionsAccounts({ clientSecret: fakeClientSecret('account_relinked') });
    expect(performance.now() - started).to.be.at.least(75);
    expect(result.financialConnectionsSession?.relink_result?.failure_reason).to.equal('no_account');
  });

  it('records what the page passed to the Stripe constructor, as a copy', () => {
    inject(fakeStripeScript());
    const options = { stripeAccount: 'acct_123', locale: 'de' };
    win.Stripe!('pk_test_recorded', options);
    options.locale = 'changed later';
    new win.Stripe!('pk_test_second');
    expect(win.Stripe!.constructions).to.deep.equal([
      { publishableKey: 'pk_test_recorded', options: { stripeAccount: 'acct_123', locale: 'de' } },
      { publishableKey: 'pk_test_second', options: undefined },
    ]);
  });

  it('carries ui into the page', async () => {
    inject(fakeStripeScript({ ui: true, scenario: 'new_authorization' }));
    const stripe = (win.Stripe as FakeStripeConstructor)('pk_test_123');
    const result = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    const dialog = document.querySelector('[data-fake-stripe-modal]');
    expect(dialog).to.exist;
    dialog?.querySelector<HTMLButtonElement>('[data-fake-stripe-action="complete"]')?.click();
    expect((await result).financialConnectionsSession?.relink_result?.authorization).to.equal(FAKE_IDS.newAuthorization);
  });

  it('keeps strings that look like markup from ending an inline script', () => {
    const version = '</script><script>window.hacked=1</script>';
    const source = fakeStripeScript({ version });
    expect(source).not.to.include('</script>');
    inject(source);
    expect(win.Stripe?.version).to.equal(version);
    expect((window as unknown as { hacked?: number }).hacked).to.equal(undefined);
  });

  it('refuses an unknown scenario in Node, before any page runs it', () => {
    expect(() => fakeStripeScript({ scenario: 'nope' as FakeScenario })).to.throw(TypeError, /hang/);
  });

  it('is what the real @stripe/stripe-js loader gets from js.stripe.com, without a version warning', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      await executeServerCommand('stripe-network', { mode: 'fake', reset: true });
      const stripe = await loadStripe('pk_test_123');
      const network = (await executeServerCommand('stripe-network', {})) as { stripeRequests: string[] };
      expect(network.stripeRequests).to.have.length(1);
      expect(network.stripeRequests[0]).to.match(/^https:\/\/js\.stripe\.com\/[a-z0-9]+\/stripe\.js/);
      expect(stripe).to.exist;
      const result = (await stripe!.collectFinancialConnectionsAccounts({
        clientSecret: fakeClientSecret('authorization_relinked'),
      })) as { financialConnectionsSession?: { accounts: { id: string }[] } };
      expect(result.financialConnectionsSession?.accounts.map((a) => a.id)).to.deep.equal([FAKE_IDS.account, FAKE_IDS.otherAccount]);
      expect(warnings).to.deep.equal([]);
    } finally {
      console.warn = warn;
      await executeServerCommand('stripe-network', { mode: 'offline', reset: true });
    }
  });
});
