import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { BUILT_IN_LANGUAGES, loadBuiltInStrings, type BuiltInLanguage, type FcRelinkElement, type FcRelinkStrings } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret, type FakeScenario } from '@fc-relink/testing';
import { deferred, litWarnings } from '../../../test-support/browser.js';

type Locale = BuiltInLanguage;
const LOCALES = [...BUILT_IN_LANGUAGES];
// Japanese and German load on demand; the tests read them once, up front.
const builtInStrings = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => [l, await loadBuiltInStrings(l)]))) as Record<Locale, FcRelinkStrings>;

const text = (el: FcRelinkElement, selector: string) =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? null;

async function inLang(lang: Locale, setup: (el: FcRelinkElement) => void) {
  const wrapper = await fixture<HTMLElement>(html`<section lang=${lang}><fc-relink></fc-relink></section>`);
  const el = wrapper.querySelector('fc-relink')!;
  el.fetchClientSecret = async () => fakeClientSecret('account_relinked');
  setup(el);
  await el.updateComplete;
  return el;
}

async function settle(lang: Locale, scenario: FakeScenario) {
  const el = await inLang(lang, (e) => {
    e.stripe = createFakeStripe();
    e.clientSecret = fakeClientSecret(scenario);
  });
  await el.start();
  await el.updateComplete;
  return el;
}

afterEach(() => expect(litWarnings()).to.deep.equal([]));

describe('<fc-relink> in every locale and every state', () => {
  it('renders a Spanish, Japanese or German page in its language from the first render, its strings loaded on demand', async () => {
    for (const lang of ['es', 'ja', 'de'] as const) {
      const el = await inLang(lang, () => {});
      expect(text(el, '[part="trigger"]'), lang).to.equal(builtInStrings[lang].trigger);
    }
  });

  it('ships the same keys, all non-empty, for en, es, ja and de', () => {
    const keys = Object.keys(builtInStrings.en).sort();
    for (const locale of LOCALES) {
      expect(Object.keys(builtInStrings[locale]).sort(), locale).to.deep.equal(keys);
      for (const key of keys) expect(builtInStrings[locale][key as keyof FcRelinkStrings], `${locale}.${key}`).to.match(/\S/);
    }
    // Translated, not copied: no key but the brand-free ones may read the same as English.
    for (const locale of ['es', 'ja', 'de'] as const) {
      for (const key of keys) expect(builtInStrings[locale][key as keyof FcRelinkStrings], `${locale}.${key}`).not.to.equal(builtInStrings.en[key as keyof FcRelinkStrings]);
    }
  });

  for (const lang of LOCALES) {
    const s = builtInStrings[lang];

    describe(lang, () => {
      it('idle: the trigger label, an empty status, accessible', async () => {
        const el = await inLang(lang, () => {});
        expect(text(el, '[part="trigger"]')).to.equal(s.trigger);
        expect(text(el, '[part="status"]')).to.equal('');
        await expect(el).to.be.accessible();
      });

      it('loading and open: announced, busy, accessible', async () => {
        const stripe = deferred<ReturnType<typeof createFakeStripe>>();
        const gate = deferred();
        const el = await inLang(lang, (e) => {
          e.stripe = stripe.promise;
          e.clientSecret = fakeClientSecret('account_relinked');
        });
        const done = el.start();
        await el.updateComplete;
        expect(text(el, '[part="status"]')).to.equal(s.loading);
        expect(el.shadowRoot!.querySelector('[part="trigger"]')!.getAttribute('aria-busy')).to.equal('true');
        await expect(el).to.be.accessible();
        stripe.resolve(createFakeStripe({ gate: gate.promise }));
        await waitUntil(() => el.state === 'open');
        await el.updateComplete;
        expect(text(el, '[part="status"]')).to.equal(s.open);
        await expect(el).to.be.accessible();
        gate.resolve();
        await done;
      });

      for (const [scenario, key] of [
        ['account_relinked', 'account_relinked'],
        ['authorization_relinked', 'authorization_relinked'],
        ['new_authorization', 'new_authorization'],
      ] as const) {
        it(`succeeded (${scenario}): announced, no trigger to redo it, accessible`, async () => {
          const el = await settle(lang, scenario);
          expect(el.state).to.equal('succeeded');
          expect(text(el, '[part="status"]')).to.equal(s[key]);
          expect(el.shadowRoot!.querySelector('[part="trigger"]')).to.equal(null);
          await expect(el).to.be.accessible();
        });
      }

      for (const reason of ['no_account', 'no_authorization', 'other'] as const) {
        it(`failed (${reason}): announced, fallbacks labelled, accessible`, async () => {
          const el = await settle(lang, reason);
          expect(el.state).to.equal('failed');
          expect(text(el, '[part="status"]')).to.equal(s[reason]);
          expect(el.shadowRoot!.querySelector('[part="fallbacks"]')!.getAttribute('aria-label')).to.equal(s.fallbacks);
          const labels = [...el.shadowRoot!.querySelectorAll('[part="fallback"]')].map((b) => b.textContent!.trim());
          const expected = reason === 'no_account' ? [s.authorization_retry, s.new_payment_method] : [s.retry, s.new_payment_method];
          expect(labels).to.deep.equal(expected);
          await expect(el).to.be.accessible();
        });
      }

      it('errored: announced, accessible; a final error shows no trigger, a retryable one a retry', async () => {
        const el = await settle(lang, 'stripe_error');
        expect(el.state).to.equal('errored');
        expect(text(el, '[part="status"]')).to.equal(s.error);
        expect(el.shadowRoot!.querySelector('[part="trigger"]')).to.equal(null);
        await expect(el).to.be.accessible();

        const retryable = await inLang(lang, (e) => {
          e.stripe = createFakeStripe();
          e.fetchClientSecret = () => Promise.reject(new Error('offline'));
        });
        expect(await retryable.start()).to.deep.include({ code: 'client_secret_fetch_failed', retryable: true });
        await retryable.updateComplete;
        expect(text(retryable, '[part="status"]')).to.equal(s.error_retryable);
        expect(text(retryable, '[part="trigger"]')).to.equal(s.retry);
        await expect(retryable).to.be.accessible();
      });
    });
  }

  it('marks its text with the language it is in, when that differs from the page', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en"><fc-relink locale="ja"></fc-relink></div>`);
    const el = wrapper.querySelector('fc-relink')!;
    el.stripe = createFakeStripe();
    el.clientSecret = fakeClientSecret('no_account');
    el.fetchClientSecret = async () => fakeClientSecret('account_relinked');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="trigger"]')!.getAttribute('lang')).to.equal('ja');
    await el.start();
    await el.updateComplete;
    const langs = [...el.shadowRoot!.querySelectorAll('[part="status"], [part="fallbacks"]')].map((n) => n.getAttribute('lang'));
    expect(langs).to.deep.equal(['ja', 'ja']);
    // A page in a language the element does not ship: its English text says so.
    const french = await inLang('fr' as Locale, () => {});
    expect(french.shadowRoot!.querySelector('[part="trigger"]')!.getAttribute('lang')).to.equal('en');
  });

  it('a page can override any string, in any locale', async () => {
    const el = await settle('de', 'no_account');
    el.strings = { no_account: 'Falsches Konto.', new_payment_method: 'Karte nutzen' };
    await el.updateComplete;
    expect(text(el, '[part="status"]')).to.equal('Falsches Konto.');
    expect(text(el, '[data-fallback="new_payment_method"]')).to.equal('Karte nutzen');
    expect(text(el, '[data-fallback="authorization_retry"]')).to.equal(builtInStrings.de.authorization_retry);
  });
});
