// The payment-method step (SPEC section 9): after a relink that ends on a new account, the
// mandate, the SetupIntent confirmed in the accept click's task, and the new payment method.
import '@fc-relink/element';
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { FcRelinkElement, SetupIntentRequest } from '@fc-relink/element';
import {
  createFakeStripe,
  FAKE_IDS,
  FAKE_PAYMENT_METHOD,
  fakeClientSecret,
  fakeSetupIntentSecret,
  type FakeScenario,
  type FakeSetupScenario,
} from '@fc-relink/testing';
import { deferred, litWarnings } from '../../../test-support/browser.js';

const EXISTING = [FAKE_IDS.account, FAKE_IDS.otherAccount];

interface Setup {
  scenario?: FakeScenario;
  /** What each fetchSetupIntentSecret call answers, in order (the last one repeats). */
  answers?: Array<FakeSetupScenario | (() => Promise<string>)>;
  businessName?: string;
  gate?: Promise<unknown>;
  lang?: string;
}

async function relinked({ scenario = 'new_account', answers = ['setup_succeeded'], businessName = 'Rocket Rides', gate, lang }: Setup = {}) {
  const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none" lang=${lang ?? 'en'}></fc-relink>`);
  const stripe = createFakeStripe(gate ? { gate } : {});
  const requests: SetupIntentRequest[] = [];
  el.stripe = stripe;
  el.clientSecret = fakeClientSecret(scenario);
  el.existingAccountIds = EXISTING;
  el.businessName = businessName;
  el.fetchSetupIntentSecret = (request) => {
    requests.push(request);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    return typeof answer === 'function' ? answer() : Promise.resolve(fakeSetupIntentSecret(answer, `n${requests.length}`));
  };
  const events: string[] = [];
  for (const name of ['fc-relink-success', 'fc-relink-error', 'fc-relink-payment-method'] as const) el.addEventListener(name, () => events.push(name));
  await el.updateComplete;
  return { el, stripe, requests, events };
}

const part = (el: FcRelinkElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
const status = (el: FcRelinkElement) => part(el, 'status')!.textContent!.trim();

async function atMandate(el: FcRelinkElement): Promise<void> {
  await el.start();
  await waitUntil(() => el.state === 'mandate', 'the mandate appears');
  await el.updateComplete;
}

afterEach(() => {
  expect(litWarnings()).to.deep.equal([]);
});

describe('<fc-relink> payment-method step: when it is offered', () => {
  it('after new_account (a new account): success first, then the mandate, its SetupIntent asked for at once', async () => {
    const { el, requests, events } = await relinked();
    await atMandate(el);
    expect(events).to.deep.equal(['fc-relink-success']);
    expect(requests).to.have.length(1);
    expect(requests[0]!.account.id).to.equal(FAKE_IDS.newAccount);
    expect(requests[0]!.sessionId).to.match(/^fcsess_/);
    expect(requests[0]!.signal.aborted).to.equal(false);
    const mandate = part(el, 'mandate')!;
    expect(mandate.textContent).to.contain('Rocket Rides');
    expect(mandate.textContent).to.contain('ending in 1357');
    expect(part(el, 'confirm')!.tagName).to.equal('BUTTON');
    expect(status(el)).to.contain('accept the authorization');
    expect(el.shadowRoot!.activeElement).to.equal(mandate);
    await expect(el).to.be.accessible();
  });

  it('after new_authorization too', async () => {
    const { el } = await relinked({ scenario: 'new_authorization' });
    await atMandate(el);
    expect(el.getAttribute('state')).to.equal('mandate');
  });

  it('not after account_relinked, and not without fetchSetupIntentSecret', async () => {
    const { el, requests } = await relinked({ scenario: 'account_relinked' });
    await el.start();
    await aTimeout(20);
    expect([el.state, requests.length, part(el, 'mandate')]).to.deep.equal(['succeeded', 0, null]);

    const other = await relinked();
    other.el.fetchSetupIntentSecret = null;
    await other.el.start();
    await aTimeout(20);
    expect(other.el.state).to.equal('succeeded');
  });

  it('without businessName or slotted text: not offered, the page hears missing_configuration', async () => {
    const { el, requests } = await relinked({ businessName: '' });
    const heard = oneEvent(el, 'fc-relink-error');
    await el.start();
    expect((await heard).detail.code).to.equal('missing_configuration');
    expect([el.state, requests.length]).to.deep.equal(['succeeded', 0]);
  });

  it('the page\'s own mandate text in the mandate slot replaces the built-in one', async () => {
    const { el } = await relinked({ businessName: '' });
    const own = document.createElement('p');
    own.slot = 'mandate';
    own.textContent = 'Our reviewed ACH authorization.';
    el.append(own);
    await atMandate(el);
    const slot = part(el, 'mandate')!.querySelector('slot')!;
    expect(slot.assignedElements()).to.deep.equal([own]);
  });
});

describe('<fc-relink> payment-method step: accepting', () => {
  it('the accept click confirms within its own task; succeeded ends completed with fc-relink-payment-method', async () => {
    const { el, stripe, events } = await relinked();
    await atMandate(el);
    await aTimeout(0);
    const done = oneEvent(el, 'fc-relink-payment-method');
    part(el, 'confirm')!.click();
    expect(stripe.setupCalls).to.have.length(1);
    expect(el.state).to.equal('confirming');
    const { detail } = await done;
    expect(detail).to.deep.equal({ setupIntentId: 'seti_n1_setup_succeeded', paymentMethodId: FAKE_PAYMENT_METHOD, accountId: FAKE_IDS.newAccount, status: 'succeeded' });
    await el.updateComplete;
    expect(el.state).to.equal('completed');
    expect(status(el)).to.equal('Payment method updated.');
    expect(events).to.deep.equal(['fc-relink-success', 'fc-relink-payment-method']);
    expect(part(el, 'mandate')).to.equal(null);
    // Done: focus goes to what happened, and nothing invites the customer to do it again.
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'status'), 'focus on the status');
    expect(part(el, 'trigger')).to.equal(null);
  });

  it('no trigger while the mandate shows, nor once completed; reset() brings it back for another relink', async () => {
    const { el, stripe } = await relinked();
    await atMandate(el);
    expect(part(el, 'trigger')).to.equal(null);
    el.reset();
    expect(el.state).to.equal('mandate');
    await aTimeout(0);
    await el.confirmPaymentMethod();
    await el.updateComplete;
    expect(part(el, 'trigger')).to.equal(null);
    el.reset();
    expect(el.state).to.equal('idle');
    await el.updateComplete;
    el.clientSecret = fakeClientSecret('account_relinked');
    part(el, 'trigger')!.click();
    expect(stripe.calls).to.have.length(2);
  });

  it('processing ends completed too, with status processing', async () => {
    const { el } = await relinked({ answers: ['setup_processing'] });
    await atMandate(el);
    await aTimeout(0);
    expect(await el.confirmPaymentMethod()).to.deep.include({ status: 'processing' });
    expect(el.state).to.equal('completed');
  });

  it('aria-busy on the accept button while confirming', async () => {
    const answer = deferred();
    const { el } = await relinked({ answers: [() => answer.promise.then(() => fakeSetupIntentSecret())] });
    await atMandate(el);
    const confirming = el.confirmPaymentMethod();
    await el.updateComplete;
    expect(el.state).to.equal('confirming');
    expect(part(el, 'confirm')!.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'mandate')!.getAttribute('aria-busy')).to.equal(null);
    answer.resolve();
    expect(await confirming).to.deep.include({ status: 'succeeded' });
  });

  it('setup_failed: an error, back to the mandate with a fresh SetupIntent; accepting again completes, the relink kept', async () => {
    const { el, stripe, requests, events } = await relinked({ answers: ['setup_failed', 'setup_succeeded'] });
    await atMandate(el);
    await aTimeout(0);
    const failed = await el.confirmPaymentMethod();
    expect(failed).to.deep.include({ type: 'error', code: 'stripe_error' });
    await el.updateComplete;
    expect(el.state).to.equal('mandate');
    expect(status(el)).to.contain('accept again');
    await waitUntil(() => requests.length === 2, 'a new SetupIntent is asked for');
    await aTimeout(0);
    expect(await el.confirmPaymentMethod()).to.deep.include({ status: 'succeeded', setupIntentId: 'seti_n2_setup_succeeded' });
    expect(events).to.deep.equal(['fc-relink-success', 'fc-relink-error', 'fc-relink-payment-method']);
    // The customer never went through the bank again.
    expect(stripe.calls).to.have.length(1);
  });

  it('a wrong secret from the page (a PaymentIntent\'s, a session\'s, a key) never reaches Stripe', async () => {
    for (const wrong of ['pi_1_secret_2', fakeClientSecret('account_relinked'), 'sk_test_51NeverSent']) {
      const { el, stripe } = await relinked({ answers: [() => Promise.resolve(wrong)] });
      await atMandate(el);
      await aTimeout(0);
      const outcome = await el.confirmPaymentMethod();
      expect(outcome, wrong).to.deep.include({ type: 'error' });
      expect(['invalid_client_secret', 'secret_key_in_browser']).to.include((outcome as { code: string }).code);
      expect(stripe.setupCalls, wrong).to.have.length(0);
      expect(JSON.stringify(outcome)).not.to.contain(wrong);
      expect(el.state).to.equal('mandate');
    }
  });

  it('a failing fetchSetupIntentSecret: asked again on accept; if that fails too, setup_intent_fetch_failed and the mandate stays', async () => {
    let calls = 0;
    const { el, stripe } = await relinked({
      answers: [() => (++calls <= 2 ? Promise.reject(new Error('HTTP 500')) : Promise.resolve(fakeSetupIntentSecret()))],
    });
    await atMandate(el);
    await aTimeout(0);
    expect(await el.confirmPaymentMethod()).to.deep.include({ code: 'setup_intent_fetch_failed', retryable: true });
    expect(el.state).to.equal('mandate');
    expect(stripe.setupCalls).to.have.length(0);
    await aTimeout(0);
    expect(await el.confirmPaymentMethod()).to.deep.include({ status: 'succeeded' });
    expect([calls, stripe.setupCalls.length]).to.deep.equal([3, 1]);
  });

  it('confirmPaymentMethod() outside the mandate resolves null', async () => {
    const { el } = await relinked({ scenario: 'account_relinked' });
    expect(await el.confirmPaymentMethod()).to.equal(null);
    await el.start();
    expect(await el.confirmPaymentMethod()).to.equal(null);
  });

  it('no SetupIntent secret in the DOM, attributes or events', async () => {
    const { el } = await relinked();
    const details: unknown[] = [];
    for (const name of ['fc-relink-error', 'fc-relink-payment-method'] as const) el.addEventListener(name, (e) => details.push(e.detail));
    await atMandate(el);
    await aTimeout(0);
    await el.confirmPaymentMethod();
    const everything = [document.documentElement.outerHTML, el.shadowRoot!.innerHTML, JSON.stringify(details)].join('\n');
    expect(everything).not.to.match(/seti_\w*_secret_\w/);
  });

});

describe('<fc-relink> payment-method step: it lives as long as its relink', () => {
  it('taken off the page at the mandate and put back (tab panels, KeepAlive): still the mandate, and accepting completes', async () => {
    const { el, requests, events } = await relinked();
    await atMandate(el);
    const parent = el.parentElement!;
    el.remove();
    await aTimeout(10);
    expect(requests[0]!.signal.aborted).to.equal(false);
    parent.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('mandate');
    part(el, 'confirm')!.click();
    await waitUntil(() => el.state === 'completed', 'the payment method is replaced');
    expect(events).to.deep.equal(['fc-relink-success', 'fc-relink-payment-method']);
    expect(requests).to.have.length(1);
  });

  it('taken off the page while confirming: the confirmation still settles, heard on the detached element', async () => {
    const { el, events } = await relinked();
    await atMandate(el);
    const gate = deferred();
    const gated = createFakeStripe({ gate: gate.promise });
    el.stripe = gated;
    const confirming = el.confirmPaymentMethod();
    expect(el.state).to.equal('confirming');
    el.remove();
    await aTimeout(10);
    gate.resolve();
    expect(await confirming).to.deep.include({ status: 'succeeded', paymentMethodId: FAKE_PAYMENT_METHOD });
    expect(el.state).to.equal('completed');
    expect(events).to.deep.equal(['fc-relink-success', 'fc-relink-payment-method']);
  });

  it('taken off while confirming and put back before Stripe answers: one confirmation, completed where it is', async () => {
    const { el, events } = await relinked();
    await atMandate(el);
    const parent = el.parentElement!;
    const gate = deferred();
    const gated = createFakeStripe({ gate: gate.promise });
    el.stripe = gated;
    const confirming = el.confirmPaymentMethod();
    el.remove();
    await aTimeout(10);
    parent.append(el);
    await el.updateComplete;
    expect(el.state).to.equal('confirming');
    expect(part(el, 'confirm')!.getAttribute('aria-busy')).to.equal('true');
    gate.resolve();
    expect(await confirming).to.deep.include({ status: 'succeeded' });
    await el.updateComplete;
    expect(el.state).to.equal('completed');
    expect(status(el)).to.equal('Payment method updated.');
    expect(gated.setupCalls).to.have.length(1);
    expect(events).to.deep.equal(['fc-relink-success', 'fc-relink-payment-method']);
  });

  it('taken off before the mandate showed: the mandate is there when it comes back', async () => {
    const answer = deferred<string>();
    const { el, events } = await relinked({ answers: [() => answer.promise] });
    await el.start();
    el.remove();
    answer.resolve(fakeSetupIntentSecret('setup_succeeded', 'late'));
    await waitUntil(() => el.state === 'mandate', 'the mandate comes on the detached element');
    document.body.append(el);
    expect(await el.confirmPaymentMethod()).to.deep.include({ status: 'succeeded' });
    expect(events).to.deep.equal(['fc-relink-success', 'fc-relink-payment-method']);
    el.remove();
  });

  it('accepting while Stripe.js is unavailable: a retryable error, and no new SetupIntent asked', async () => {
    const { el, requests, events } = await relinked();
    await atMandate(el);
    el.stripe = Promise.resolve(null);
    for (let i = 0; i < 3; i += 1) {
      expect(await el.confirmPaymentMethod()).to.deep.include({ type: 'error', code: 'stripe_unavailable', retryable: true });
      expect(el.state).to.equal('mandate');
    }
    expect(requests).to.have.length(1);
    expect(events.filter((e) => e === 'fc-relink-error')).to.have.length(3);
  });
});

describe('<fc-relink> payment-method step in every locale', () => {
  for (const [lang, name] of [['es', 'termina en 1357'], ['ja', '末尾 1357'], ['de', 'Endung 1357']] as const) {
    it(`${lang}: the mandate in its language, accessible`, async () => {
      const { el } = await relinked({ lang });
      await atMandate(el);
      expect(part(el, 'mandate')!.textContent).to.contain(name);
      expect(part(el, 'mandate')!.getAttribute('lang')).to.equal(lang);
      await expect(el).to.be.accessible();
    });
  }
});
