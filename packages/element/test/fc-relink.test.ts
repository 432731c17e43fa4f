import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { FcRelinkElement, type RelinkOutcome, type ClientSecretRequest, type FcRelinkPropertyName } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret, FAKE_IDS, type FakeScenario } from '@fc-relink/testing';
import { deferred, litWarnings } from '../../../test-support/browser.js';

async function relink(scenario: FakeScenario, setup: (el: FcRelinkElement) => void = () => {}) {
  const el = await fixture<FcRelinkElement>(html`<fc-relink></fc-relink>`);
  const fake = createFakeStripe();
  el.stripe = fake;
  el.clientSecret = fakeClientSecret(scenario);
  setup(el);
  await el.updateComplete;
  return { el, fake };
}

const trigger = (el: FcRelinkElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!;
const status = (el: FcRelinkElement) => el.shadowRoot!.querySelector('[part="status"]')!;
const fallbackButtons = (el: FcRelinkElement) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="fallback"]')].map((b) => b.dataset.fallback);

afterEach(() => {
  expect(litWarnings()).to.deep.equal([]);
});

describe('<fc-relink> registration and first render', () => {
  it('is defined by importing the package, as FcRelinkElement', () => {
    expect(customElements.get('fc-relink')).to.equal(FcRelinkElement);
    expect(document.createElement('fc-relink')).to.be.instanceOf(FcRelinkElement);
  });

  it('renders a real button trigger and a polite status region, and is accessible', async () => {
    const { el } = await relink('account_relinked');
    expect(trigger(el).tagName).to.equal('BUTTON');
    expect(trigger(el).textContent!.trim()).to.equal('Reconnect your bank');
    expect(status(el).getAttribute('role')).to.equal('status');
    expect(status(el).getAttribute('aria-live')).to.equal('polite');
    expect(el.state).to.equal('idle');
    await expect(el).to.be.accessible();
  });

  it('reflects only its state: never the client secret or a key', async () => {
    const { el } = await relink('account_relinked', (e) => (e.publishableKey = 'pk_test_not_reflected'));
    expect(el.getAttributeNames()).to.deep.equal(['state']);
    expect(el.getAttribute('state')).to.equal('idle');
  });

  it('uses a newly set stripe at once, and a new client secret as unused', async () => {
    const { el, fake } = await relink('no_authorization');
    await el.start();
    const next = createFakeStripe();
    el.stripe = next;
    el.clientSecret = fakeClientSecret('account_relinked');
    expect((await el.start()).type).to.equal('success');
    expect([fake.calls.length, next.calls.length]).to.deep.equal([1, 1]);
  });
});

describe('<fc-relink> properties and attributes', () => {
  // Every settable property, once: a name missing here, or one that is not a property, fails to compile.
  const settable: Record<FcRelinkPropertyName, true> = {
    clientSecret: true,
    fetchClientSecret: true,
    publishableKey: true,
    stripeAccount: true,
    stripeOptions: true,
    stripe: true,
    existingAccountIds: true,
    preload: true,
    disabled: true,
    locale: true,
    strings: true,
    fetchSetupIntentSecret: true,
    businessName: true,
    fetchHostedRelinkUrl: true,
  };

  it('has a setter for exactly the properties FcRelinkPropertyName names', () => {
    const setters = Object.entries(Object.getOwnPropertyDescriptors(FcRelinkElement.prototype))
      .filter(([, descriptor]) => descriptor.set)
      .map(([name]) => name);
    expect(setters.sort()).to.deep.equal(Object.keys(settable).sort());
  });

  it('answers each default until set, and treats null as the default', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink></fc-relink>`);
    expect([el.clientSecret, el.publishableKey, el.stripeAccount, el.locale, el.businessName]).to.deep.equal(['', '', '', '', '']);
    expect([el.fetchClientSecret, el.stripeOptions, el.stripe, el.existingAccountIds, el.strings, el.fetchSetupIntentSecret, el.fetchHostedRelinkUrl]).to.deep.equal([
      null, null, null, null, null, null, null,
    ]);
    expect([el.preload, el.disabled]).to.deep.equal(['idle', false]);
    el.locale = 'de';
    await el.updateComplete;
    expect(trigger(el).lang).to.equal('de');
    el.locale = null as never;
    el.preload = null as never;
    await el.updateComplete;
    expect(trigger(el).lang).to.equal('en');
  });

  it('reads its attributes into properties, and a removed attribute gives the default back', async () => {
    const el = await fixture<FcRelinkElement>(
      html`<fc-relink preload="none" publishable-key="pk_test_attr" stripe-account="acct_1" locale="ja" business-name="Rocket Rides" disabled></fc-relink>`,
    );
    expect([el.publishableKey, el.stripeAccount, el.locale, el.businessName, el.preload, el.disabled]).to.deep.equal([
      'pk_test_attr', 'acct_1', 'ja', 'Rocket Rides', 'none', true,
    ]);
    expect(trigger(el).disabled).to.equal(true);
    expect(trigger(el).lang).to.equal('ja');
    el.removeAttribute('disabled');
    el.removeAttribute('locale');
    el.removeAttribute('preload');
    await el.updateComplete;
    // Lit's own conversions: a removed attribute is null (false for a boolean), read as the default.
    expect([el.disabled, el.locale, el.preload]).to.deep.equal([false, null, null]);
    expect(trigger(el).disabled).to.equal(false);
    expect(trigger(el).lang).to.equal('en');
  });

  it('a subclass\'s own Lit properties still read their attributes, whatever they are called', async () => {
    class Labelled extends FcRelinkElement {
      // `constructor` is a name every object answers to: it is still the subclass's attribute.
      static override properties = { note: {}, label: { attribute: 'constructor' } };
      declare note: string;
      declare label: string;
    }
    customElements.define('fc-relink-labelled', Labelled);
    const el = document.createElement('fc-relink-labelled') as Labelled;
    el.preload = 'none';
    el.setAttribute('note', 'hello');
    el.setAttribute('locale', 'de');
    el.setAttribute('constructor', 'x');
    document.body.append(el);
    await el.updateComplete;
    expect([el.note, el.locale, el.label]).to.deep.equal(['hello', 'de', 'x']);
    expect(el.constructor).to.equal(Labelled);
    el.remove();
  });

  it('keeps properties a page set before the element was defined, and still reacts to them', async () => {
    const tag = 'fc-relink-defined-late';
    const el = document.createElement(tag) as FcRelinkElement;
    Object.assign(el, { preload: 'none', locale: 'de', disabled: true });
    document.body.append(el);
    customElements.define(tag, class extends FcRelinkElement {});
    await el.updateComplete;
    expect([el.locale, el.disabled]).to.deep.equal(['de', true]);
    expect(Object.hasOwn(el, 'locale')).to.equal(false);
    expect(trigger(el).lang).to.equal('de');
    expect(trigger(el).disabled).to.equal(true);
    el.disabled = false;
    await el.updateComplete;
    expect(trigger(el).disabled).to.equal(false);
    el.remove();

    // Not in a document: upgraded by customElements.upgrade, then connected.
    const detached = document.createElement('fc-relink-upgraded-detached') as FcRelinkElement;
    detached.setAttribute('preload', 'none');
    Object.assign(detached, { locale: 'ja' });
    customElements.define('fc-relink-upgraded-detached', class extends FcRelinkElement {});
    customElements.upgrade(detached);
    expect(Object.hasOwn(detached, 'locale')).to.equal(false);
    document.body.append(detached);
    await detached.updateComplete;
    expect(trigger(detached).lang).to.equal('ja');
    detached.remove();
  });
});

describe('<fc-relink> outcomes', () => {
  const cases: Array<[FakeScenario, string, string, Partial<RelinkOutcome>]> = [
    ['account_relinked', 'fc-relink-success', 'succeeded', { type: 'success', kind: 'account_relinked', mode: 'account' }],
    ['authorization_relinked', 'fc-relink-success', 'succeeded', { type: 'success', kind: 'authorization_relinked' }],
    ['new_authorization', 'fc-relink-success', 'succeeded', { type: 'success', kind: 'new_authorization' }],
    ['new_account', 'fc-relink-success', 'succeeded', { type: 'success', kind: 'authorization_relinked' }],
    ['no_account', 'fc-relink-failure', 'failed', { type: 'failure', reason: 'no_account', mode: 'account' }],
    ['no_authorization', 'fc-relink-failure', 'failed', { type: 'failure', reason: 'no_authorization' }],
    ['other', 'fc-relink-failure', 'failed', { type: 'failure', reason: 'other' }],
    ['stripe_error', 'fc-relink-error', 'errored', { type: 'error', code: 'stripe_error' }],
    ['relink_result_missing', 'fc-relink-error', 'errored', { type: 'error', code: 'relink_result_missing' }],
  ];
  for (const [scenario, eventName, state, expected] of cases) {
    it(`${scenario}: ${eventName}, state ${state}, start() resolves with the event's detail`, async () => {
      const { el } = await relink(scenario);
      const events: string[] = [];
      for (const name of ['fc-relink-success', 'fc-relink-failure', 'fc-relink-error']) {
        el.addEventListener(name, () => events.push(name));
      }
      const settled = oneEvent(el, eventName);
      const outcome = await el.start();
      const event = (await settled) as CustomEvent<RelinkOutcome>;
      expect(event.detail).to.equal(outcome);
      expect(outcome).to.deep.include(expected);
      expect(events).to.deep.equal([eventName]);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.cancelable).to.equal(false);
      expect(el.state).to.equal(state);
      expect(el.getAttribute('state')).to.equal(state);
      await el.updateComplete;
      expect(status(el).textContent!.trim()).not.to.equal('');
      await expect(el).to.be.accessible();
    });
  }

  it('tells new accounts from existing ones with existingAccountIds', async () => {
    const { el } = await relink('new_account', (e) => (e.existingAccountIds = [FAKE_IDS.account, FAKE_IDS.otherAccount]));
    const outcome = await el.start();
    expect(outcome).to.deep.include({ newAccountIds: [FAKE_IDS.newAccount] });
    expect(outcome.type === 'success' && outcome.accounts.every((a) => a.isNew)).to.equal(true);
  });

  it('leaves isNew unknown when the page gives no existingAccountIds', async () => {
    const { el } = await relink('new_account');
    expect(await el.start()).to.deep.include({ newAccountIds: null, missingAccountIds: null });
  });

  it('fires fc-relink-start with the attempt number and purpose first', async () => {
    const { el } = await relink('other');
    const started = oneEvent(el, 'fc-relink-start');
    const settled = el.start();
    expect((await started).detail).to.deep.equal({ attempt: 1, purpose: 'initial' });
    await settled;
  });
});

describe('<fc-relink> states and the in-flight guard', () => {
  it('opens Stripe within the same task as the click when Stripe is at hand', async () => {
    const gate = deferred();
    const { el } = await relink('account_relinked', (e) => (e.stripe = createFakeStripe({ gate: gate.promise })));
    const fake = el.stripe as ReturnType<typeof createFakeStripe>;
    trigger(el).click();
    expect(fake.calls.length).to.equal(1);
    expect(el.state).to.equal('open');
    await el.updateComplete;
    expect(trigger(el).getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    gate.resolve();
    await oneEvent(el, 'fc-relink-success');
    await el.updateComplete;
    // Relinked: nothing left to press.
    expect(trigger(el)).to.equal(null);
  });

  it('is loading while the stripe promise is pending, then open', async () => {
    const stripe = deferred<ReturnType<typeof createFakeStripe>>();
    const gate = deferred();
    const { el } = await relink('account_relinked', (e) => {
      e.stripe = stripe.promise;
    });
    const pending = el.start();
    expect(el.state).to.equal('loading');
    expect(el.getAttribute('state')).to.equal('loading');
    stripe.resolve(createFakeStripe({ gate: gate.promise }));
    await waitUntil(() => el.state === 'open');
    gate.resolve();
    expect((await pending).type).to.equal('success');
  });

  it('calls Stripe once and returns the same promise for a second start()', async () => {
    const gate = deferred();
    const fake = createFakeStripe({ gate: gate.promise });
    const { el } = await relink('account_relinked', (e) => (e.stripe = fake));
    const first = el.start();
    const second = el.start();
    trigger(el).click();
    expect(second).to.equal(first);
    expect(fake.calls.length).to.equal(1);
    gate.resolve();
    await first;
  });

  it('a start listener that calls start() joins the running attempt', async () => {
    const { el, fake } = await relink('account_relinked');
    let inner: Promise<RelinkOutcome> | null = null;
    el.addEventListener('fc-relink-start', () => {
      inner ??= el.start();
    });
    const outer = el.start();
    expect(inner === outer).to.equal(true);
    await outer;
    expect(fake.calls).to.have.length(1);
  });

  it("removed while Stripe is open: Stripe's real answer settles the attempt on the detached element, exactly once", async () => {
    const gate = deferred();
    const fake = createFakeStripe({ gate: gate.promise });
    const { el } = await relink('account_relinked', (e) => (e.stripe = fake));
    const seen: string[] = [];
    for (const name of ['fc-relink-success', 'fc-relink-failure', 'fc-relink-error']) el.addEventListener(name, () => seen.push(name));
    const pending = el.start();
    expect(el.state).to.equal('open');
    el.remove();
    await aTimeout(0);
    // The window is Stripe's: the customer may still finish there.
    expect(seen).to.deep.equal([]);
    expect(el.state).to.equal('open');
    gate.resolve();
    const outcome = await pending;
    expect(el.isConnected).to.equal(false);
    expect(outcome).to.deep.include({ type: 'success', kind: 'account_relinked' });
    expect(seen).to.deep.equal(['fc-relink-success']);
    expect(el.state).to.equal('succeeded');
    // The secret was used: a new start on the element added back asks for another.
    document.body.append(el);
    expect(await el.start()).to.deep.include({ type: 'error', code: 'client_secret_used' });
    el.remove();
  });


  it('ignores clicks while disabled, but start() still runs', async () => {
    const { el, fake } = await relink('account_relinked', (e) => (e.disabled = true));
    trigger(el).click();
    expect(fake.calls.length).to.equal(0);
    expect(trigger(el).disabled).to.equal(true);
    expect((await el.start()).type).to.equal('success');
  });

  it('lets the page replace the trigger through the trigger slot', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink><button slot="trigger">Fix my bank</button></fc-relink>`);
    const fake = createFakeStripe();
    el.stripe = fake;
    el.clientSecret = fakeClientSecret('account_relinked');
    const mine = el.querySelector('button')!;
    expect(mine.assignedSlot?.name).to.equal('trigger');
    mine.focus();
    mine.click();
    expect(fake.calls.length).to.equal(1);
    await oneEvent(el, 'fc-relink-success');
    await el.updateComplete;
    // Done: the page's trigger is not shown either, and focus goes to what happened.
    expect(mine.assignedSlot).to.equal(null);
    await waitUntil(() => el.shadowRoot!.activeElement === status(el), 'focus on the status');
  });

  it("puts focus back on the page's own trigger when a retry is the next step", async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink><button slot="trigger">Fix my bank</button></fc-relink>`);
    el.stripe = createFakeStripe();
    el.fetchClientSecret = () => Promise.reject(new Error('offline'));
    const mine = el.querySelector('button')!;
    mine.focus();
    mine.click();
    await oneEvent(el, 'fc-relink-error');
    await el.updateComplete;
    await waitUntil(() => document.activeElement === mine, 'focus back on the page\'s trigger');
  });

  it('takes the trigger label from its default slot', async () => {
    const el = await fixture<FcRelinkElement>(html`<fc-relink>Reconnect Chase</fc-relink>`);
    const slot = trigger(el).querySelector('slot')!;
    expect(slot.assignedNodes().map((n) => n.textContent).join('')).to.equal('Reconnect Chase');
  });

  it('leaves focus alone when Stripe never opened', async () => {
    const { el } = await relink('account_relinked', (e) => (e.clientSecret = 'not-a-secret'));
    (document.activeElement as HTMLElement | null)?.blur();
    expect((await el.start()).type).to.equal('error');
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(document.activeElement).to.equal(document.body);
  });

  it('puts focus back on the trigger when the flow ends', async () => {
    const gate = deferred();
    const { el } = await relink('account_relinked', (e) => (e.stripe = createFakeStripe({ gate: gate.promise })));
    trigger(el).focus();
    trigger(el).click();
    trigger(el).blur();
    expect(document.activeElement).to.equal(document.body);
    gate.resolve();
    await oneEvent(el, 'fc-relink-success');
    await waitUntil(() => el.shadowRoot!.activeElement === trigger(el));
  });
});

describe('<fc-relink> what a person sees after an attempt: one clear next step (SPEC section 3)', () => {
  const fallbackGroup = (el: FcRelinkElement) => el.shadowRoot!.querySelector('[part="fallbacks"]');

  it('succeeded: the outcome, and no trigger that would redo the repair; reset() brings it back', async () => {
    const { el } = await relink('account_relinked');
    el.focus();
    trigger(el).focus();
    await el.start();
    await el.updateComplete;
    expect(trigger(el)).to.equal(null);
    expect(status(el).textContent!.trim()).to.equal('Your bank account is reconnected.');
    // Focus was on the trigger, which is gone: it lands on what happened.
    await waitUntil(() => el.shadowRoot!.activeElement === status(el), 'focus on the status');
    await expect(el).to.be.accessible();
    // A new secret does not invite the person to do it again; the page's reset() does.
    el.clientSecret = fakeClientSecret('account_relinked');
    await el.updateComplete;
    expect(trigger(el)).to.equal(null);
    el.reset();
    expect(el.state).to.equal('idle');
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('Reconnect your bank');
    expect(status(el).textContent!.trim()).to.equal('');
  });

  it('failed: the fallbacks are the next step, and no trigger beside them', async () => {
    const { el } = await relink('no_authorization', (e) => (e.fetchClientSecret = async () => fakeClientSecret('account_relinked')));
    trigger(el).focus();
    await el.start();
    await el.updateComplete;
    expect(trigger(el)).to.equal(null);
    expect(fallbackButtons(el)).to.deep.equal(['retry', 'new_payment_method']);
    await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-fallback') === 'retry', 'focus on the first fallback');
    await expect(el).to.be.accessible();
  });

  it('errored, retryable: the trigger, labelled as a retry; final: the message and no trigger', async () => {
    const { el } = await relink('account_relinked', (e) => {
      e.clientSecret = '';
      e.fetchClientSecret = () => Promise.reject(new Error('offline'));
    });
    expect(await el.start()).to.deep.include({ code: 'client_secret_fetch_failed', retryable: true });
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('Try again');
    expect(fallbackGroup(el)).to.equal(null);

    const final = await relink('stripe_error');
    expect(await final.el.start()).to.deep.include({ code: 'stripe_error', retryable: false });
    await final.el.updateComplete;
    expect(trigger(final.el)).to.equal(null);
    expect(status(final.el).textContent!.trim()).to.equal('Reconnecting isn’t available right now.');
    await expect(final.el).to.be.accessible();
  });

  it('reset() does nothing while an attempt runs, and start() needs no reset()', async () => {
    const gate = deferred();
    const { el } = await relink('account_relinked', (e) => (e.stripe = createFakeStripe({ gate: gate.promise })));
    const pending = el.start();
    el.reset();
    expect(el.state).to.equal('open');
    gate.resolve();
    await pending;
    expect(el.state).to.equal('succeeded');
    el.clientSecret = fakeClientSecret('no_account');
    expect(await el.start()).to.deep.include({ type: 'failure' });
  });
});

describe('<fc-relink> fallbacks', () => {
  function withFetch(el: FcRelinkElement, requests: ClientSecretRequest[], next: FakeScenario[]) {
    el.fetchClientSecret = async (request) => {
      requests.push(request);
      return fakeClientSecret(next.shift() ?? 'account_relinked');
    };
  }

  it('shows the recommended fallbacks, without retries when there is no fetchClientSecret', async () => {
    const { el } = await relink('no_account');
    await el.start();
    await el.updateComplete;
    expect(fallbackButtons(el)).to.deep.equal(['new_payment_method']);
  });

  it('after no_account, authorization_retry asks for an authorization-only secret and runs it', async () => {
    const requests: ClientSecretRequest[] = [];
    const { el, fake } = await relink('no_account', (e) => withFetch(e, requests, ['new_account']));
    const failure = await el.start();
    expect(requests).to.deep.equal([]);
    await el.updateComplete;
    expect(fallbackButtons(el)).to.deep.equal(['authorization_retry', 'new_payment_method']);
    await expect(el).to.be.accessible();

    const chosen = oneEvent(el, 'fc-relink-fallback');
    const started = oneEvent(el, 'fc-relink-start');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-fallback="authorization_retry"]')!.click();
    const event = await chosen;
    expect(event.cancelable).to.equal(true);
    expect(event.detail).to.deep.equal({ fallback: 'authorization_retry', failure });
    expect((await started).detail).to.deep.equal({ attempt: 2, purpose: 'authorization_retry' });
    const outcome = await oneEvent(el, 'fc-relink-success');
    expect(outcome.detail.kind).to.equal('authorization_relinked');
    expect(requests).to.have.length(1);
    expect(requests[0]).to.deep.include({
      purpose: 'authorization_retry',
      authorization: FAKE_IDS.authorization,
      account: null,
      previousSessionId: failure.type === 'failure' ? failure.sessionId : 'x',
    });
    expect(requests[0]!.signal).to.be.instanceOf(AbortSignal);
    expect(fake.calls.map((c) => c.scenario)).to.deep.equal(['no_account', 'new_account']);
  });

  it('retry asks for a secret for the same account, and never reuses the used one', async () => {
    const requests: ClientSecretRequest[] = [];
    const { el, fake } = await relink('no_authorization', (e) => withFetch(e, requests, ['account_relinked']));
    await el.start();
    const outcome = await el.chooseFallback('retry');
    expect(outcome?.type).to.equal('success');
    expect(requests[0]).to.deep.include({ purpose: 'retry', authorization: FAKE_IDS.authorization, account: FAKE_IDS.account });
    expect(new Set(fake.calls.map((c) => c.clientSecret)).size).to.equal(2);
  });

  it('a fallback listener that starts an attempt itself gets the only one', async () => {
    const requests: ClientSecretRequest[] = [];
    const { el, fake } = await relink('no_authorization', (e) => withFetch(e, requests, ['account_relinked', 'account_relinked']));
    await el.start();
    let own: Promise<RelinkOutcome> | null = null;
    el.addEventListener('fc-relink-fallback', () => {
      own = el.start();
    });
    expect(await el.chooseFallback('retry')).to.equal(null);
    expect((await own!).type).to.equal('success');
    expect(fake.calls).to.have.length(2);
    expect(requests.map((r) => r.purpose)).to.deep.equal(['retry']);
  });

  it('chooseFallback while an attempt runs resolves null and dispatches nothing', async () => {
    const gate = deferred();
    const requests: ClientSecretRequest[] = [];
    const { el } = await relink('no_authorization', (e) => withFetch(e, requests, ['account_relinked']));
    await el.start();
    el.stripe = createFakeStripe({ gate: gate.promise });
    const retry = el.chooseFallback('retry');
    let fired = 0;
    el.addEventListener('fc-relink-fallback', () => (fired += 1));
    expect(await el.chooseFallback('new_payment_method')).to.equal(null);
    expect(fired).to.equal(0);
    gate.resolve();
    expect((await retry)?.type).to.equal('success');
  });

  it('a retry asks fetchClientSecret even when the page has set another clientSecret', async () => {
    const requests: ClientSecretRequest[] = [];
    const { el, fake } = await relink('no_authorization', (e) => withFetch(e, requests, ['account_relinked']));
    await el.start();
    el.clientSecret = fakeClientSecret('other');
    expect((await el.chooseFallback('retry'))?.type).to.equal('success');
    expect(requests.map((r) => r.purpose)).to.deep.equal(['retry']);
    expect(fake.calls.map((c) => c.scenario)).to.deep.equal(['no_authorization', 'account_relinked']);
  });

  it('a prevented fallback runs nothing', async () => {
    const requests: ClientSecretRequest[] = [];
    const { el, fake } = await relink('no_account', (e) => withFetch(e, requests, []));
    await el.start();
    el.addEventListener('fc-relink-fallback', (e) => e.preventDefault());
    expect(await el.chooseFallback('authorization_retry')).to.equal(null);
    expect(requests).to.deep.equal([]);
    expect(fake.calls).to.have.length(1);
  });

  it('new_payment_method only tells the page', async () => {
    const requests: ClientSecretRequest[] = [];
    const { el } = await relink('other', (e) => withFetch(e, requests, []));
    await el.start();
    const chosen = oneEvent(el, 'fc-relink-fallback');
    expect(await el.chooseFallback('new_payment_method')).to.equal(null);
    expect((await chosen).detail.fallback).to.equal('new_payment_method');
    expect(requests).to.deep.equal([]);
  });

  it('chooseFallback without a failure to fall back from does nothing', async () => {
    const { el } = await relink('account_relinked');
    let fired = false;
    el.addEventListener('fc-relink-fallback', () => (fired = true));
    expect(await el.chooseFallback('retry')).to.equal(null);
    await el.start();
    expect(await el.chooseFallback('retry')).to.equal(null);
    expect(fired).to.equal(false);
  });
});

describe('<fc-relink> fetchClientSecret', () => {
  it('asks for a retry when the trigger is pressed again after Stripe opened', async () => {
    const purposes: string[] = [];
    const { el, fake } = await relink('no_authorization', (e) => {
      e.clientSecret = '';
      e.fetchClientSecret = async (r) => (purposes.push(r.purpose), fakeClientSecret(purposes.length === 1 ? 'no_authorization' : 'account_relinked'));
    });
    await el.start();
    const started = oneEvent(el, 'fc-relink-start');
    const outcome = el.start();
    expect((await started).detail).to.deep.equal({ attempt: 2, purpose: 'retry' });
    expect((await outcome).type).to.equal('success');
    expect(purposes).to.deep.equal(['initial', 'retry']);
    expect(fake.calls).to.have.length(2);
  });

  it('starts over with purpose initial when the page sets a new secret', async () => {
    const { el } = await relink('no_authorization', (e) => (e.fetchClientSecret = async () => fakeClientSecret('account_relinked')));
    await el.start();
    el.clientSecret = fakeClientSecret('authorization_relinked');
    const started = oneEvent(el, 'fc-relink-start');
    const outcome = el.start();
    expect((await started).detail.purpose).to.equal('initial');
    expect(await outcome).to.deep.include({ kind: 'authorization_relinked' });
  });

  it('asks for the initial secret when clientSecret is empty', async () => {
    const requests: ClientSecretRequest[] = [];
    const { el } = await relink('account_relinked', (e) => {
      e.clientSecret = '';
      e.fetchClientSecret = async (r) => (requests.push(r), fakeClientSecret('account_relinked'));
    });
    expect((await el.start()).type).to.equal('success');
    expect(requests[0]).to.deep.include({ purpose: 'initial', authorization: null, account: null, previousSessionId: null });
  });

  it('aborts the request when the element leaves the page, but not when it moves', async () => {
    const secret = deferred<string>();
    let signal: AbortSignal | null = null;
    const { el, fake } = await relink('account_relinked', (e) => {
      e.clientSecret = '';
      e.fetchClientSecret = (r) => ((signal = r.signal), secret.promise);
    });
    const pending = el.start();
    const parent = el.parentElement!;
    parent.append(el); // a move: disconnect and connect in one go
    await Promise.resolve();
    expect(signal!.aborted).to.equal(false);
    el.remove();
    await waitUntil(() => signal!.aborted);
    secret.resolve(fakeClientSecret('account_relinked'));
    const outcome = await pending;
    expect(outcome.type).to.equal('error');
    expect(fake.calls).to.have.length(0);
  });
});

describe('<fc-relink> locales', () => {
  it('follows the nearest lang, the locale property, and page overrides', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ja-JP"><fc-relink></fc-relink></div>`);
    const el = wrapper.querySelector('fc-relink')!;
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('銀行口座を再接続');
    el.locale = 'de';
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('Bankverbindung erneuern');
    el.strings = { trigger: 'Konto reparieren' };
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('Konto reparieren');
    el.locale = 'xx';
    el.strings = null;
    await el.updateComplete;
    expect(trigger(el).textContent!.trim()).to.equal('Reconnect your bank');
  });
});
