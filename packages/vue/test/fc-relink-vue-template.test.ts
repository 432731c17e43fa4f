// Templates compiled in the browser by Vue's full build: the compiler options of
// @fc-relink/vue at work, through the plugin and directly.
import { expect, oneEvent } from '@open-wc/testing';
import { createApp } from 'vue/dist/vue.esm-bundler.js';
import { FcRelinkPlugin, fcRelinkCompilerOptions, isFcRelinkTag } from '@fc-relink/vue';
import { FcRelinkSuccessEvent } from '@fc-relink/element';
import { FAKE_IDS, createFakeStripe, fakeClientSecret } from '@fc-relink/testing';
import { nextTask } from '../../../test-support/browser.js';
import { vueHarness } from './harness.js';

const template = `
  <fc-relink
    :client-secret="clientSecret"
    :stripe="stripe"
    :existing-account-ids="ids"
    :fetch-client-secret="fetchSecret"
    preload="none"
    @fc-relink-success="onSuccess"
  >Repair</fc-relink>`;

function relinkComponent() {
  const stripe = createFakeStripe({ scenario: 'new_account' });
  const successes: FcRelinkSuccessEvent[] = [];
  const data = {
    clientSecret: fakeClientSecret('new_account'),
    stripe,
    ids: [FAKE_IDS.account, FAKE_IDS.otherAccount],
    fetchSecret: async () => fakeClientSecret('new_account'),
  };
  const component = { template, setup: () => ({ ...data, onSuccess: (e: FcRelinkSuccessEvent) => successes.push(e) }) };
  return { component, data, stripe, successes };
}

describe('@fc-relink/vue in templates compiled by Vue', () => {
  const vue = vueHarness(createApp);

  it('with the plugin, kebab-case bindings set properties and @fc-relink-success gets the event', async () => {
    const { component, data, stripe, successes } = relinkComponent();
    const el = await vue.mount(component, (app) => app.use(FcRelinkPlugin));

    expect(el.clientSecret).to.equal(data.clientSecret);
    expect(el.stripe).to.equal(stripe);
    expect(el.existingAccountIds).to.equal(data.ids);
    expect(el.fetchClientSecret).to.equal(data.fetchSecret);
    expect(el.preload).to.equal('none');
    // Properties, not attributes: the secret is not written into the DOM.
    expect(el.getAttributeNames()).to.deep.equal(['state']);

    const settled = oneEvent(el, 'fc-relink-success');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="trigger"]')!.click();
    await settled;
    await nextTask();
    expect(stripe.calls).to.have.length(1);
    expect(successes).to.have.length(1);
    expect(successes[0]).to.be.an.instanceOf(FcRelinkSuccessEvent);
    expect(successes[0]!.detail.newAccountIds).to.deep.equal([FAKE_IDS.newAccount]);
  });

  it('the plugin keeps the app’s own isCustomElement', async () => {
    const { component } = relinkComponent();
    await vue.mount({ template: `<div><x-other></x-other>${template}</div>`, setup: component.setup }, (app) => {
      app.config.compilerOptions.isCustomElement = (tag) => tag === 'x-other';
      app.use(FcRelinkPlugin);
    });
    expect(vue.app!.config.compilerOptions.isCustomElement!('x-other')).to.equal(true);
    expect(vue.app!.config.compilerOptions.isCustomElement!('fc-relink')).to.equal(true);
    expect(vue.app!.config.compilerOptions.isCustomElement!('div')).to.equal(false);
    // No "Failed to resolve component" warning for either (checked after each test).
  });

  it('fcRelinkCompilerOptions given to the compiler do the same', async () => {
    const { component, data } = relinkComponent();
    const el = await vue.mount(component, (app) => Object.assign(app.config.compilerOptions, fcRelinkCompilerOptions));
    expect(el.existingAccountIds).to.equal(data.ids);
    expect(el.fetchClientSecret).to.equal(data.fetchSecret);
    expect(el.hasAttribute('client-secret')).to.equal(false);
  });

  it('without the transform, Vue sets kebab-case bindings as attributes (what the transform is for)', async () => {
    const { component, data } = relinkComponent();
    const el = await vue.mount(component, (app) => {
      app.config.compilerOptions.isCustomElement = isFcRelinkTag;
    });
    expect(el.existingAccountIds).to.equal(null);
    expect(el.getAttribute('existing-account-ids')).to.equal(data.ids.join(','));
  });

  it('the transform leaves .attr bindings, other elements and non-properties alone', async () => {
    const stripe = createFakeStripe({ scenario: 'account_relinked' });
    await vue.mount(
      {
        template: `<div>
          <fc-relink :stripe="stripe" :publishable-key.attr="key" :data-test-id="'a'" :aria-label="'Relink'"></fc-relink>
          <p :existing-account-ids="'kept'"></p>
        </div>`,
        setup: () => ({ stripe, key: 'pk_test_attr' }),
      },
      (app) => app.use(FcRelinkPlugin),
    );
    const el = vue.container.querySelector('fc-relink')!;
    expect(el.getAttribute('publishable-key')).to.equal('pk_test_attr');
    expect(el.getAttribute('data-test-id')).to.equal('a');
    expect(el.getAttribute('aria-label')).to.equal('Relink');
    expect(vue.container.querySelector('p')!.getAttribute('existing-account-ids')).to.equal('kept');
  });
});
