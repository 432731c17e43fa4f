// Written without JSX: the test runner transforms TypeScript only.
import { expect, oneEvent } from '@open-wc/testing';
import { StrictMode, act, createElement, createRef, useEffect, type ReactNode, type RefAttributes } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { FcRelink, type FcRelinkProps } from '@fc-relink/react';
import {
  FcRelinkElement,
  FcRelinkErrorEvent,
  FcRelinkFailureEvent,
  FcRelinkFallbackEvent,
  FcRelinkStartEvent,
  FcRelinkSuccessEvent,
  type ClientSecretRequest,
} from '@fc-relink/element';
import { FAKE_IDS, createFakeStripe, fakeClientSecret, type FakeScenario } from '@fc-relink/testing';
import { deferred, litWarnings, nextTask, watchConsole } from '../../../test-support/browser.js';

// Lets `act` flush React's work (and tells React this is a test).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const existingAccountIds = [FAKE_IDS.account, FAKE_IDS.otherAccount];

let container: HTMLElement;
let root: Root | null;
let consoleWatch: ReturnType<typeof watchConsole>;

/** Renders `node` inside <StrictMode>, as an app would in development. */
async function render(node: ReactNode): Promise<void> {
  await act(async () => root!.render(createElement(StrictMode, null, node)));
}

async function unmount(): Promise<void> {
  await act(async () => root?.unmount());
  root = null;
}

/** Renders <FcRelink> with a fake Stripe playing `scenario`, and returns the element. */
async function renderRelink(props: FcRelinkProps & RefAttributes<FcRelinkElement>): Promise<FcRelinkElement> {
  await render(createElement(FcRelink, props));
  const el = container.querySelector('fc-relink')!;
  await el.updateComplete;
  return el;
}

const fakeFor = (scenario: FakeScenario, gate?: Promise<void>) => ({
  stripe: createFakeStripe(gate ? { scenario, gate } : { scenario }),
  clientSecret: fakeClientSecret(scenario),
});

const trigger = (el: FcRelinkElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!;

/** Counts the mounts of its effect: two under StrictMode in development, one otherwise. */
let effectRuns = 0;
function EffectProbe(): null {
  useEffect(() => {
    effectRuns++;
  }, []);
  return null;
}

describe('@fc-relink/react <FcRelink>', () => {
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    consoleWatch = watchConsole();
  });

  afterEach(async () => {
    await unmount();
    container.remove();
    consoleWatch.stop();
    expect(consoleWatch.lines, 'React or the element wrote errors or warnings').to.deep.equal([]);
    expect(litWarnings()).to.deep.equal([]);
  });

  it('is a StrictMode-safe wrapper of the registered element', async () => {
    effectRuns = 0;
    await render([createElement(EffectProbe, { key: 'probe' }), createElement(FcRelink, { key: 'relink' })]);
    // The tests below run under StrictMode's double effects, as they would in development.
    expect(effectRuns).to.equal(2);
    expect(FcRelink.displayName).to.equal('FcRelink');
    expect(customElements.get('fc-relink')).to.equal(FcRelinkElement);
    expect(container.querySelector('fc-relink')).to.be.an.instanceOf(FcRelinkElement);
  });

  it('sets every prop as a property of the element, never as an attribute', async () => {
    const { stripe, clientSecret } = fakeFor('account_relinked');
    const fetchClientSecret = async () => fakeClientSecret('account_relinked');
    const stripeOptions = { locale: 'de' as const };
    const strings = { trigger: 'Fix the link' };
    const el = await renderRelink({
      stripe,
      clientSecret,
      fetchClientSecret,
      existingAccountIds,
      publishableKey: 'pk_test_123',
      stripeAccount: 'acct_123',
      stripeOptions,
      preload: 'none',
      disabled: true,
      locale: 'ja',
      strings,
      id: 'relink',
      className: 'wide',
    });
    expect(el.stripe).to.equal(stripe);
    expect(el.clientSecret).to.equal(clientSecret);
    expect(el.fetchClientSecret).to.equal(fetchClientSecret);
    expect(el.existingAccountIds).to.equal(existingAccountIds);
    expect(el.publishableKey).to.equal('pk_test_123');
    expect(el.stripeAccount).to.equal('acct_123');
    expect(el.stripeOptions).to.equal(stripeOptions);
    expect(el.preload).to.equal('none');
    expect(el.disabled).to.equal(true);
    expect(el.locale).to.equal('ja');
    expect(el.strings).to.equal(strings);
    expect(trigger(el).disabled).to.equal(true);
    expect(trigger(el).textContent!.trim()).to.equal('Fix the link');
    // Only the HTML props and the element's own `state` are attributes: no secret, no key.
    expect(el.getAttributeNames().sort()).to.deep.equal(['class', 'id', 'state']);
    expect(el.className).to.equal('wide');
    expect(el.outerHTML).not.to.contain(clientSecret);
  });

  it('passes children to the trigger slot', async () => {
    const el = await renderRelink({ children: 'Repair Chase' });
    expect(el.textContent).to.equal('Repair Chase');
    const slot = trigger(el).querySelector('slot')!;
    expect(slot.assignedNodes().map((n) => n.textContent)).to.deep.equal(['Repair Chase']);
  });

  it('one click: one Stripe call, one onRelinkStart, one onRelinkSuccess with the typed event', async () => {
    const { stripe, clientSecret } = fakeFor('account_relinked');
    const starts: FcRelinkStartEvent[] = [];
    const successes: FcRelinkSuccessEvent[] = [];
    const el = await renderRelink({
      stripe,
      clientSecret,
      existingAccountIds,
      onRelinkStart: (e) => starts.push(e),
      onRelinkSuccess: (e) => successes.push(e),
    });
    const settled = oneEvent(el, 'fc-relink-success');
    trigger(el).click();
    // Within the click's task: popup blockers and user activation.
    expect(stripe.calls).to.have.length(1);
    await settled;
    await nextTask();

    expect(stripe.calls).to.have.length(1);
    expect(starts).to.have.length(1);
    expect(starts[0]).to.be.an.instanceOf(FcRelinkStartEvent);
    expect(starts[0]!.detail).to.deep.equal({ attempt: 1, purpose: 'initial' });
    expect(successes).to.have.length(1);
    const [success] = successes;
    expect(success).to.be.an.instanceOf(FcRelinkSuccessEvent);
    expect(success!.detail.kind).to.equal('account_relinked');
    expect(success!.detail.account).to.equal(FAKE_IDS.account);
    expect(success!.detail.accounts.map((a) => [a.id, a.isNew])).to.deep.equal([[FAKE_IDS.account, false]]);
    expect(el.state).to.equal('succeeded');
  });

  it('onRelinkFailure gets the failure; onRelinkFallback gets the fallback and can prevent the retry', async () => {
    const { stripe, clientSecret } = fakeFor('no_account');
    const requests: ClientSecretRequest[] = [];
    const failures: FcRelinkFailureEvent[] = [];
    const fallbacks: FcRelinkFallbackEvent[] = [];
    const el = await renderRelink({
      stripe,
      clientSecret,
      fetchClientSecret: async (request) => {
        requests.push(request);
        return fakeClientSecret('authorization_relinked');
      },
      onRelinkFailure: (e) => failures.push(e),
      onRelinkFallback: (e) => {
        fallbacks.push(e);
        e.preventDefault();
      },
    });
    const failed = oneEvent(el, 'fc-relink-failure');
    trigger(el).click();
    await failed;
    await el.updateComplete;

    expect(failures).to.have.length(1);
    expect(failures[0]).to.be.an.instanceOf(FcRelinkFailureEvent);
    expect(failures[0]!.detail.reason).to.equal('no_account');
    expect(failures[0]!.detail.fallbacks).to.deep.equal(['authorization_retry', 'new_payment_method']);

    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-fallback="authorization_retry"]')!.click();
    await nextTask();
    expect(fallbacks).to.have.length(1);
    expect(fallbacks[0]).to.be.an.instanceOf(FcRelinkFallbackEvent);
    expect(fallbacks[0]!.detail.fallback).to.equal('authorization_retry');
    expect(fallbacks[0]!.detail.failure).to.equal(failures[0]!.detail);
    // The handler ran within the dispatch, so its preventDefault() stopped the element's retry.
    expect(fallbacks[0]!.defaultPrevented).to.equal(true);
    expect(requests).to.deep.equal([]);
    expect(stripe.calls).to.have.length(1);
    expect(el.state).to.equal('failed');
  });

  it('onRelinkError gets the error, and Stripe is never called with a bad secret', async () => {
    const { stripe } = fakeFor('account_relinked');
    const errors: FcRelinkErrorEvent[] = [];
    const el = await renderRelink({ stripe, clientSecret: 'not-a-client-secret', onRelinkError: (e) => errors.push(e) });
    const errored = oneEvent(el, 'fc-relink-error');
    trigger(el).click();
    await errored;
    expect(errors).to.have.length(1);
    expect(errors[0]).to.be.an.instanceOf(FcRelinkErrorEvent);
    expect(errors[0]!.detail.code).to.equal('invalid_client_secret');
    expect(stripe.calls).to.have.length(0);
  });

  it('a ref reaches the element, and ref.current.start() relinks once', async () => {
    const { stripe, clientSecret } = fakeFor('authorization_relinked');
    const ref = createRef<FcRelinkElement>();
    const successes: FcRelinkSuccessEvent[] = [];
    const el = await renderRelink({ ref, stripe, clientSecret, existingAccountIds, onRelinkSuccess: (e) => successes.push(e) });
    expect(ref.current).to.equal(el);
    expect(ref.current).to.be.an.instanceOf(FcRelinkElement);

    const outcome = await ref.current!.start();
    await nextTask();
    expect(outcome.type).to.equal('success');
    expect(successes).to.have.length(1);
    expect(successes[0]!.detail).to.equal(outcome);
    expect(stripe.calls).to.have.length(1);
  });

  it('a callback ref gets the element, and null on unmount', async () => {
    const nodes: (FcRelinkElement | null)[] = [];
    const el = await renderRelink({ ref: (node: FcRelinkElement | null) => void nodes.push(node) });
    expect(nodes.at(-1)).to.equal(el);
    await unmount();
    expect(nodes.at(-1)).to.equal(null);
  });

  it('handlers follow re-renders without adding listeners', async () => {
    const { stripe, clientSecret } = fakeFor('account_relinked');
    const first: FcRelinkSuccessEvent[] = [];
    const second: FcRelinkSuccessEvent[] = [];
    const el = await renderRelink({ stripe, clientSecret, onRelinkSuccess: (e) => first.push(e) });
    await renderRelink({ stripe, clientSecret, onRelinkSuccess: (e) => second.push(e) });
    await el.start();
    expect([first.length, second.length]).to.deep.equal([0, 1]);

    // Without the prop, nothing listens any more. (A new session: a used secret is never sent again.)
    await renderRelink({ stripe, clientSecret: fakeClientSecret('account_relinked') });
    await el.start();
    expect([first.length, second.length]).to.deep.equal([0, 1]);
    expect(stripe.calls).to.have.length(2);
  });

  it('prop changes reach the element; a removed prop is unset, back to its default', async () => {
    const { stripe, clientSecret } = fakeFor('account_relinked');
    const el = await renderRelink({ stripe, clientSecret, existingAccountIds });
    const next = fakeClientSecret('no_account');
    expect(await renderRelink({ stripe, clientSecret: next })).to.equal(el);
    expect(el.clientSecret).to.equal(next);
    // @lit/react sets a removed prop to undefined, which the element reads as its default: no known accounts.
    expect(el.existingAccountIds).to.equal(undefined);
    el.clientSecret = fakeClientSecret('new_account');
    expect(await el.start()).to.deep.include({ type: 'success', newAccountIds: null });
  });

  it("unmounting while Stripe's window is open: Stripe's answer still reaches the handler current at unmount, once", async () => {
    const gate = deferred();
    const { stripe, clientSecret } = fakeFor('account_relinked', gate.promise);
    const ref = createRef<FcRelinkElement>();
    const outcomes: string[] = [];
    const el = await renderRelink({
      ref,
      stripe,
      clientSecret,
      onRelinkSuccess: () => outcomes.push('success'),
      onRelinkError: (e) => outcomes.push(`error:${e.detail.code}`),
    });
    const settled = oneEvent(el, 'fc-relink-success');
    trigger(el).click();
    expect(el.state).to.equal('open');

    await unmount();
    expect(container.childNodes).to.have.length(0);
    expect(el.isConnected).to.equal(false);
    expect(ref.current).to.equal(null);
    await nextTask();
    expect(outcomes).to.deep.equal([]);

    // The customer finished in Stripe's window: the relink succeeded, and the app hears it.
    gate.resolve();
    expect((await settled).detail.kind).to.equal('account_relinked');
    await nextTask();
    expect(outcomes).to.deep.equal(['success']);
    expect(stripe.calls).to.have.length(1);
  });
});
