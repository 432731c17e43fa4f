// The contract under misuse (SPEC section 3, "Behaviour the contract fixes"): what a careless or
// hostile page does to <fc-relink>, and what it must still get. Each test is one reproduction.
import '@fc-relink/element';
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { FcRelinkElement, RelinkOutcome } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret, type FakeScenario } from '@fc-relink/testing';
import { deferred, litWarnings, network } from '../../../test-support/browser.js';

async function mount(setup: (el: FcRelinkElement) => void): Promise<FcRelinkElement> {
  const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
  setup(el);
  await el.updateComplete;
  return el;
}

const shadow = (el: FcRelinkElement) => el.shadowRoot!;
const trigger = (el: FcRelinkElement) => shadow(el).querySelector<HTMLButtonElement>('[part="trigger"]');
const fallbackButton = (el: FcRelinkElement, f: string) => shadow(el).querySelector<HTMLButtonElement>(`[data-fallback="${f}"]`);

/** Every settling event the element dispatches, by name. */
function settlements(el: FcRelinkElement): string[] {
  const seen: string[] = [];
  for (const name of ['fc-relink-success', 'fc-relink-failure', 'fc-relink-error'] as const) el.addEventListener(name, () => seen.push(name));
  return seen;
}

/** A fake whose secrets play `scenario`, and a fresh secret for it. */
function failing(scenario: FakeScenario = 'no_authorization') {
  return { stripe: createFakeStripe(), clientSecret: fakeClientSecret(scenario) };
}

afterEach(() => {
  expect(litWarnings()).to.deep.equal([]);
});

describe('<fc-relink> a secret that reached Stripe is never sent again', () => {
  it('without fetchClientSecret, start() again after a failure settles client_secret_used, Stripe not called', async () => {
    const { stripe, clientSecret } = failing();
    const el = await mount((e) => ((e.stripe = stripe), (e.clientSecret = clientSecret)));
    expect((await el.start()).type).to.equal('failure');
    await el.updateComplete;
    // The fallbacks are the next step: no trigger invites the same dead end.
    expect(trigger(el)).to.equal(null);
    const again = await el.start();
    expect(again).to.deep.include({ type: 'error', code: 'client_secret_used', retryable: false });
    expect(stripe.calls.map((c) => c.clientSecret)).to.deep.equal([clientSecret]);
    // A new secret from the page is a fresh start.
    el.clientSecret = fakeClientSecret('account_relinked');
    expect((await el.start()).type).to.equal('success');
    expect(stripe.calls).to.have.length(2);
  });

  it('a fetchClientSecret that hands back a used secret is refused', async () => {
    const { stripe, clientSecret } = failing();
    const el = await mount((e) => ((e.stripe = stripe), (e.fetchClientSecret = () => Promise.resolve(clientSecret))));
    expect((await el.start()).type).to.equal('failure');
    expect(await el.chooseFallback('retry')).to.deep.include({ type: 'error', code: 'client_secret_used' });
    expect(stripe.calls).to.have.length(1);
  });
});

/** An element whose first attempt failed (`no_authorization`), with a fetchClientSecret that counts its calls. */
async function failedWithProvider() {
  const { stripe, clientSecret } = failing('no_authorization');
  let calls = 0;
  const el = await mount((e) => {
    e.stripe = stripe;
    e.clientSecret = clientSecret;
    e.fetchClientSecret = () => (calls++, Promise.resolve(fakeClientSecret('account_relinked')));
  });
  await el.start();
  return { el, stripe, fetched: () => calls };
}

describe('<fc-relink> fallbacks run only as offered', () => {
  it('chooseFallback() of a fallback the failure did not offer, or of no fallback at all, resolves null and dispatches nothing', async () => {
    const { el, stripe, fetched } = await failedWithProvider(); // offers retry, new_payment_method
    const events: string[] = [];
    for (const name of ['fc-relink-fallback', 'fc-relink-start'] as const) el.addEventListener(name, () => events.push(name));
    expect(await el.chooseFallback('authorization_retry')).to.equal(null);
    expect(await el.chooseFallback('bogus' as never)).to.equal(null);
    expect(await el.chooseFallback(undefined as never)).to.equal(null);
    expect(events).to.deep.equal([]);
    expect([fetched(), stripe.calls.length, el.state]).to.deep.equal([0, 1, 'failed']);
  });

  it('disabled after a failure: the fallback buttons are disabled and a click on one runs nothing', async () => {
    const { el, stripe, fetched } = await failedWithProvider();
    el.disabled = true;
    await el.updateComplete;
    const retry = fallbackButton(el, 'retry')!;
    expect([retry.disabled, fallbackButton(el, 'new_payment_method')!.disabled, trigger(el)]).to.deep.equal([true, true, null]);
    const heard: string[] = [];
    el.addEventListener('fc-relink-fallback', () => heard.push('fallback'));
    retry.click();
    retry.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    await aTimeout(0);
    expect([heard, fetched(), stripe.calls.length, el.state]).to.deep.equal([[], 0, 1, 'failed']);
  });
});

describe('<fc-relink> properties tolerate any value', () => {
  it('stripeOptions with a throwing getter: start() does not throw and settles as an error', async () => {
    const el = await mount((e) => {
      e.clientSecret = fakeClientSecret('account_relinked');
      e.publishableKey = 'pk_test_throwing';
      e.stripeOptions = { get locale(): never { throw new Error('getter'); } } as never;
    });
    let outcome: RelinkOutcome | null = null;
    expect(() => void el.start().then((o) => (outcome = o))).not.to.throw();
    await aTimeout(0);
    expect(outcome).to.deep.include({ type: 'error', code: 'missing_configuration' });
    expect(el.state).to.equal('errored');
  });

  it('a property that throws when read at start: read as unset, the attempt settles as a typed error, never stuck in loading', async () => {
    const el = await mount((e) => (e.clientSecret = fakeClientSecret('account_relinked')));
    Object.defineProperty(el, 'stripe', { configurable: true, get: () => { throw new Error('stripe getter'); } });
    const outcome = await el.start();
    expect(outcome).to.deep.include({ type: 'error', code: 'missing_configuration' });
    expect(el.state).to.equal('errored');
  });

  it('a disabled that throws when read: the element still renders, and start() still settles', async () => {
    const el = await mount((e) => ((e.stripe = createFakeStripe()), (e.clientSecret = fakeClientSecret('account_relinked'))));
    Object.defineProperty(el, 'disabled', { configurable: true, get: () => { throw new Error('disabled getter'); } });
    el.requestUpdate();
    await el.updateComplete;
    expect(trigger(el)!.disabled).to.equal(false);
    expect((await el.start()).type).to.equal('success');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="status"]')!.textContent!.trim()).to.equal('Your bank account is reconnected.');
  });

  it('locale = 42 (or any non-string): English, and the trigger still renders', async () => {
    for (const locale of [42, {}, null, ['de'], 'x'.repeat(1_000_000)]) {
      const el = await mount((e) => (e.locale = locale as never));
      expect(trigger(el), String(locale).slice(0, 10)).to.exist;
      expect(trigger(el)!.textContent!.trim()).to.equal('Reconnect your bank');
    }
  });

  it('strings that are a huge string, an array or markup: ignored or shown as text, never markup', async () => {
    for (const strings of ['x'.repeat(1_000_000), ['a'], 42, { trigger: 5 }]) {
      const el = await mount((e) => (e.strings = strings as never));
      expect(trigger(el)!.textContent!.trim()).to.equal('Reconnect your bank');
    }
    const el = await mount((e) => (e.strings = { trigger: '<img src=x onerror=alert(1)>', loading: 'y'.repeat(100_000) }));
    expect(trigger(el)!.textContent!.trim()).to.equal('<img src=x onerror=alert(1)>');
    expect(shadow(el).querySelector('img')).to.equal(null);
  });

  it('stripeOptions or stripeAccount holding a secret key: refused before Stripe.js loads', async () => {
    await network({ mode: 'fake', reset: true });
    const key = 'sk_test_51NeverHandedToStripe';
    const cases: Array<(e: FcRelinkElement) => void> = [
      (e) => (e.stripeAccount = key),
      (e) => (e.stripeOptions = { stripeAccount: key } as never),
      (e) => (e.stripeOptions = { betas: [`x_${key}`] } as never),
    ];
    for (const set of cases) {
      const el = await mount((e) => {
        e.clientSecret = fakeClientSecret('account_relinked');
        e.publishableKey = 'pk_test_keyInOptions';
        set(e);
      });
      const outcome = await el.start();
      expect(outcome).to.deep.include({ type: 'error', code: 'secret_key_in_browser' });
      expect(JSON.stringify(outcome)).not.to.contain('NeverHanded');
    }
    expect((await network()).stripeRequests).to.deep.equal([]);
    await network({ mode: 'offline' });
  });

  it('a 1 MB stripeOptions string is refused as configuration, not passed on', async () => {
    const el = await mount((e) => {
      e.clientSecret = fakeClientSecret('account_relinked');
      e.publishableKey = 'pk_test_hugeOptions';
      e.stripeOptions = 'x'.repeat(1_000_000) as never;
    });
    const outcome = await el.start();
    expect(outcome).to.deep.include({ type: 'error', code: 'missing_configuration' });
    expect(outcome.type === 'error' && outcome.message.length).to.be.below(300);
  });

  it('the read-only state attribute: a page that writes it gets it put back', async () => {
    const el = await mount(() => {});
    el.setAttribute('state', 'succeeded');
    expect(el.getAttribute('state')).to.equal('idle');
    el.removeAttribute('state');
    expect(el.getAttribute('state')).to.equal('idle');
    expect(el.state).to.equal('idle');
  });
});

describe('<fc-relink> bounded inputs', () => {
  it('fetchClientSecret rejecting with a 100,000-character message: the message is cut and redacted', async () => {
    const secret = 'fcsess_1Ab-cd_secret_Leak';
    const el = await mount((e) => {
      e.stripe = createFakeStripe();
      e.fetchClientSecret = () => Promise.reject(new Error(`${secret} ${'a'.repeat(100_000)}`));
    });
    const outcome = await el.start();
    expect(outcome).to.deep.include({ type: 'error', code: 'client_secret_fetch_failed' });
    expect(outcome.type === 'error' && outcome.message.length).to.be.at.most(2001);
    expect(JSON.stringify(outcome)).not.to.contain('secret_Leak');
  });

  it('a 180 KB clientSecret is refused as invalid, without reaching Stripe', async () => {
    const stripe = createFakeStripe();
    const el = await mount((e) => ((e.stripe = stripe), (e.clientSecret = `fcsess_${'a'.repeat(180_000)}_secret_b`)));
    expect(await el.start()).to.deep.include({ type: 'error', code: 'invalid_client_secret' });
    expect(stripe.calls).to.have.length(0);
  });

  it('keys and secrets of every shape are redacted from what the page hears', async () => {
    for (const leak of ['key_sk_test_51Leak', 'xsk_live_51Leak', 'SK_TEST_51LEAK', 'fcsess_a-b_secret_c-Leak']) {
      const el = await mount((e) => {
        e.stripe = createFakeStripe();
        e.fetchClientSecret = () => Promise.reject(new Error(`server said ${leak}.`));
      });
      const heard = oneEvent(el, 'fc-relink-error');
      await el.start();
      const detail = (await heard).detail;
      expect(JSON.stringify(detail).toLowerCase(), leak).not.to.contain('51leak');
      expect(JSON.stringify(detail).toLowerCase(), leak).not.to.contain('c-leak');
      expect(detail.message).to.contain('server said [redacted].');
    }
  });
});

describe('<fc-relink> every attempt settles exactly once', () => {
  it('fetchClientSecret that ignores its signal, then removal: settles at once, nothing sent; re-added, it starts afresh', async () => {
    const stripe = createFakeStripe();
    const never = deferred<string>();
    const el = await mount((e) => ((e.stripe = stripe), (e.fetchClientSecret = () => never.promise)));
    const seen = settlements(el);
    const pending = el.start();
    await aTimeout(0);
    el.remove();
    const outcome = await pending;
    expect(outcome).to.deep.include({ type: 'error', code: 'unexpected', retryable: true });
    expect(outcome.type === 'error' && outcome.message).to.contain('Nothing was sent to Stripe');
    expect(seen).to.deep.equal(['fc-relink-error']);
    // The page's late answer changes nothing.
    never.resolve(fakeClientSecret('account_relinked'));
    await aTimeout(0);
    expect([seen.length, stripe.calls.length]).to.deep.equal([1, 0]);
    document.body.append(el);
    const next = el.start();
    expect(next).not.to.equal(pending);
    el.remove();
    expect((await next).type).to.equal('error');
  });

  it('a Stripe.js that never answers, then removal: settles at once', async () => {
    const el = await mount((e) => {
      e.clientSecret = fakeClientSecret('account_relinked');
      e.stripe = new Promise(() => {});
    });
    const seen = settlements(el);
    const pending = el.start();
    await aTimeout(0);
    expect(el.state).to.equal('loading');
    el.remove();
    expect(await pending).to.deep.include({ type: 'error', code: 'unexpected' });
    expect(seen).to.deep.equal(['fc-relink-error']);
  });

  it('a stripe promise from the page that rejected is not retryable, until the page sets stripe again', async () => {
    const el = await mount((e) => {
      e.clientSecret = fakeClientSecret('account_relinked');
      e.stripe = Promise.reject(new Error('blocked'));
    });
    expect(await el.start()).to.deep.include({ type: 'error', code: 'stripe_load_failed', retryable: false });
    el.stripe = createFakeStripe();
    expect((await el.start()).type).to.equal('success');
  });
});

describe('<fc-relink> focus', () => {
  it('a fallback whose new secret fetch fails: focus goes back to the trigger, not <body>', async () => {
    const { stripe, clientSecret } = failing();
    const el = await mount((e) => {
      e.stripe = stripe;
      e.clientSecret = clientSecret;
      e.fetchClientSecret = () => Promise.reject(new Error('HTTP 503'));
    });
    await el.start();
    await el.updateComplete;
    const retry = fallbackButton(el, 'retry')!;
    retry.focus();
    expect(shadow(el).activeElement).to.equal(retry);
    const settled = oneEvent(el, 'fc-relink-error');
    retry.click();
    await settled;
    await el.updateComplete;
    await aTimeout(0);
    expect(document.activeElement).to.equal(el);
    expect(shadow(el).activeElement).to.equal(trigger(el));
  });

  it('focus elsewhere on the page stays where the page put it', async () => {
    const outside = await fixture<HTMLButtonElement>(html`<button>elsewhere</button>`);
    const { stripe, clientSecret } = failing();
    const el = await mount((e) => ((e.stripe = stripe), (e.clientSecret = clientSecret)));
    outside.focus();
    await el.start();
    await el.updateComplete;
    expect(document.activeElement).to.equal(outside);
  });
});

describe('<fc-relink> storms', () => {
  it('100 clicks and 50 concurrent start() calls: one attempt, one Stripe call, one settlement', async () => {
    const gate = deferred();
    const stripe = createFakeStripe({ gate: gate.promise });
    const el = await mount((e) => ((e.stripe = stripe), (e.clientSecret = fakeClientSecret('account_relinked'))));
    const seen = settlements(el);
    for (let i = 0; i < 100; i++) trigger(el)!.click();
    const promises = Array.from({ length: 50 }, () => el.start());
    expect(new Set(promises).size).to.equal(1);
    gate.resolve();
    await promises[0];
    expect([stripe.calls.length, seen]).to.deep.equal([1, ['fc-relink-success']]);
  });
});
