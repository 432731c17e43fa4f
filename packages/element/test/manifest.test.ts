import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FcRelinkElement, fcRelinkEventNames } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret, fakeSetupIntentSecret } from '@fc-relink/testing';

interface Declaration {
  tagName?: string;
  attributes?: Array<{ name: string }>;
  events?: Array<{ name: string; type?: { text: string } }>;
  cssParts?: Array<{ name: string }>;
  cssProperties?: Array<{ name: string }>;
  slots?: Array<{ name: string }>;
  members?: Array<{ name: string; kind: string }>;
}

async function declaration(): Promise<Declaration> {
  const manifest = await (await fetch('/packages/element/custom-elements.json')).json();
  const all: Declaration[] = manifest.modules.flatMap((m: { declarations?: Declaration[] }) => m.declarations ?? []);
  const found = all.filter((d) => d.tagName === 'fc-relink');
  expect(found).to.have.length(1);
  return found[0]!;
}

const names = (list?: Array<{ name: string }>) => (list ?? []).map((x) => x.name).sort();

describe('custom-elements.json (generated from the JSDoc)', () => {
  it('lists every attribute the element observes, the read-only state included', async () => {
    const decl = await declaration();
    const observed = [...((FcRelinkElement as unknown as { observedAttributes: string[] }).observedAttributes)];
    expect(names(decl.attributes)).to.deep.equal([...new Set(observed)].sort());
    expect(observed).to.include('state');
    expect(observed).to.include.members(['client-secret', 'publishable-key', 'stripe-account', 'preload', 'disabled', 'locale']);
  });

  it('lists every event with its class', async () => {
    const decl = await declaration();
    expect(names(decl.events)).to.deep.equal(Object.values(fcRelinkEventNames).sort());
    expect(decl.events!.every((e) => /^FcRelink\w+Event$/.test(e.type?.text ?? ''))).to.equal(true);
  });

  it('lists every part and slot the element renders', async () => {
    const decl = await declaration();
    const el = await fixture<FcRelinkElement>(html`<fc-relink></fc-relink>`);
    const rendered = (selector: string, attr: string) =>
      [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.getAttribute(attr) ?? '');
    expect(names(decl.slots)).to.include.members(rendered('slot', 'name'));
    expect(names(decl.cssParts)).to.include.members(rendered('[part]', 'part'));
    expect(names(decl.cssParts)).to.include.members(['trigger', 'status', 'fallbacks', 'fallback']);
    expect(names(decl.cssProperties).every((p) => p.startsWith('--fc-relink-'))).to.equal(true);
  });

  it('lists the parts and slot of the payment-method step, as rendered at the mandate', async () => {
    const decl = await declaration();
    const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none" business-name="Rocket Rides"></fc-relink>`);
    el.stripe = createFakeStripe();
    el.clientSecret = fakeClientSecret('new_authorization');
    el.fetchSetupIntentSecret = () => Promise.resolve(fakeSetupIntentSecret());
    await el.start();
    await waitUntil(() => el.state === 'mandate', 'the mandate appears');
    await el.updateComplete;
    const rendered = (selector: string, attr: string) =>
      [...el.shadowRoot!.querySelectorAll(selector)].map((n) => n.getAttribute(attr) ?? '');
    expect(rendered('[part]', 'part')).to.include.members(['mandate', 'confirm']);
    expect(names(decl.cssParts)).to.include.members(rendered('[part]', 'part'));
    expect(names(decl.slots)).to.include.members(rendered('slot', 'name'));
    expect(names(decl.slots)).to.include('mandate');
  });

  it('documents the public API only', async () => {
    const decl = await declaration();
    const members = names(decl.members);
    expect(members).to.include.members([
      'clientSecret', 'fetchClientSecret', 'publishableKey', 'stripe', 'state', 'start', 'chooseFallback',
      'fetchSetupIntentSecret', 'businessName', 'confirmPaymentMethod',
    ]);
    expect(members.filter((m) => m.startsWith('_') || m.startsWith('#'))).to.deep.equal([]);
  });
});
