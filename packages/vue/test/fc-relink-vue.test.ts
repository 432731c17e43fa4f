// Vue's runtime-only build, as an app built with single-file components gets it. Written without
// templates or JSX: `h()` only.
import { expect, oneEvent } from '@open-wc/testing';
import { createApp, h, nextTick, ref, type App } from 'vue';
import { FcRelinkPlugin, isFcRelinkTag, withFcRelinkTags, type FcRelinkVueAttributes } from '@fc-relink/vue';
import {
  FcRelinkElement,
  FcRelinkErrorEvent,
  FcRelinkFailureEvent,
  FcRelinkFallbackEvent,
  FcRelinkStartEvent,
  FcRelinkSuccessEvent,
} from '@fc-relink/element';
import { FAKE_IDS, createFakeStripe, fakeClientSecret } from '@fc-relink/testing';
import { nextTask } from '../../../test-support/browser.js';
import { vueHarness } from './harness.js';

const existingAccountIds = [FAKE_IDS.account, FAKE_IDS.otherAccount];

const trigger = (el: FcRelinkElement) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!;

describe('@fc-relink/vue with h()', () => {
  const vue = vueHarness(createApp);
  /** Mounts an app rendering `render()` and returns the <fc-relink> it rendered. */
  const mount = (render: () => ReturnType<typeof h>, setup?: (app: App) => void) => vue.mount({ render }, setup);

  it("h('fc-relink', { clientSecret, stripe, onFcRelinkSuccess }) relinks, and the handler gets the typed event", async () => {
    const stripe = createFakeStripe({ scenario: 'authorization_relinked' });
    const clientSecret = fakeClientSecret('authorization_relinked');
    const successes: FcRelinkSuccessEvent[] = [];
    const onFcRelinkSuccess = (e: FcRelinkSuccessEvent) => void successes.push(e);
    const el = await mount(() => h('fc-relink', { clientSecret, stripe, existingAccountIds, onFcRelinkSuccess }));

    expect(el).to.be.an.instanceOf(FcRelinkElement);
    expect(el.clientSecret).to.equal(clientSecret);
    expect(el.stripe).to.equal(stripe);
    expect(el.existingAccountIds).to.equal(existingAccountIds);
    expect(el.hasAttribute('client-secret')).to.equal(false);

    const settled = oneEvent(el, 'fc-relink-success');
    trigger(el).click();
    await settled;
    await nextTask();
    expect(stripe.calls).to.have.length(1);
    expect(successes).to.have.length(1);
    expect(successes[0]).to.be.an.instanceOf(FcRelinkSuccessEvent);
    expect(successes[0]!.detail.kind).to.equal('authorization_relinked');
    expect(successes[0]!.detail.newAccountIds).to.deep.equal([]);
  });

  it('every onFcRelink* listener is called with its event', async () => {
    const stripe = createFakeStripe({ scenario: 'no_account' });
    const seen: Event[] = [];
    const listeners = {
      onFcRelinkStart: (e: FcRelinkStartEvent) => void seen.push(e),
      onFcRelinkFailure: (e: FcRelinkFailureEvent) => void seen.push(e),
      onFcRelinkFallback: (e: FcRelinkFallbackEvent) => void seen.push(e),
      onFcRelinkError: (e: FcRelinkErrorEvent) => void seen.push(e),
    } satisfies FcRelinkVueAttributes;
    const clientSecret = ref(fakeClientSecret('no_account'));
    const el = await mount(() => h('fc-relink', { stripe, clientSecret: clientSecret.value, ...listeners }));

    await el.start();
    await el.updateComplete;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-fallback="new_payment_method"]')!.click();
    clientSecret.value = 'not-a-client-secret';
    await nextTick();
    await el.start();

    expect(seen.map((e) => e.constructor)).to.deep.equal([
      FcRelinkStartEvent,
      FcRelinkFailureEvent,
      FcRelinkFallbackEvent,
      FcRelinkStartEvent,
      FcRelinkErrorEvent,
    ]);
    expect((seen[2] as FcRelinkFallbackEvent).detail.fallback).to.equal('new_payment_method');
    expect((seen[4] as FcRelinkErrorEvent).detail.code).to.equal('invalid_client_secret');
    expect(stripe.calls).to.have.length(1);
  });

  it('isFcRelinkTag accepts fc-relink only; withFcRelinkTags adds another predicate', () => {
    expect(isFcRelinkTag('fc-relink')).to.equal(true);
    for (const tag of ['div', 'FcRelink', 'fc-relink-x', 'x-fc-relink', '']) expect(isFcRelinkTag(tag), tag).to.equal(false);

    const either = withFcRelinkTags((tag) => tag.startsWith('ion-'));
    expect(['fc-relink', 'ion-button', 'div'].map(either)).to.deep.equal([true, true, false]);
    expect(['fc-relink', 'div'].map(withFcRelinkTags())).to.deep.equal([true, false]);
    expect(withFcRelinkTags(() => undefined)('div')).to.equal(false);
  });

  it('the plugin installs quietly in a build without the template compiler', async () => {
    const el = await mount(
      () => h('fc-relink'),
      (app) => app.use(FcRelinkPlugin),
    );
    expect(el).to.be.an.instanceOf(FcRelinkElement);
    // The afterEach hook checks that Vue did not warn about `compilerOptions`.
  });
});
