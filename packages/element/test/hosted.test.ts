import '@fc-relink/element';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { ClientSecretRequest, FcRelinkElement, FcRelinkFallbackEvent, RelinkError } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret } from '@fc-relink/testing';

// SPEC section 13: when Stripe.js cannot run on the page, the element offers Stripe's hosted
// relink. (Following a URL navigates the page away, which the end-to-end suite walks; here every
// answer the element must not follow, and everything around it.)
const SECRET = fakeClientSecret('account_relinked');
const URL_TOKEN = 'tok_hosted_private_123';

const shadow = (el: FcRelinkElement) => el.shadowRoot!;
const part = (el: FcRelinkElement, name: string) => shadow(el).querySelectorAll<HTMLElement>(`[part="${name}"]`);
const hostedButton = (el: FcRelinkElement) => shadow(el).querySelector<HTMLButtonElement>('[part="fallback"][data-fallback="hosted"]');

/** Stripe.js cannot be had: the page's own stripe promise rejects (a blocker, a CSP); a thenable, so it rejects only once asked. */
const blocked = () => ({ then: (_: unknown, reject: (reason: unknown) => void) => reject(new Error('blocked by the page')) }) as unknown as Promise<null>;

async function mount(setup: (el: FcRelinkElement) => void): Promise<FcRelinkElement> {
  const el = await fixture<FcRelinkElement>(html`<fc-relink preload="none"></fc-relink>`);
  el.clientSecret = SECRET;
  setup(el);
  await el.updateComplete;
  return el;
}

/** An element whose attempt could not open Stripe's window, and which can send the page to Stripe. */
async function erroredWithHosted(fetchHostedRelinkUrl: (request: ClientSecretRequest) => Promise<string>): Promise<[FcRelinkElement, RelinkError]> {
  const el = await mount((e) => {
    e.stripe = blocked();
    e.fetchHostedRelinkUrl = fetchHostedRelinkUrl;
  });
  const outcome = await el.start();
  await el.updateComplete;
  return [el, outcome as RelinkError];
}

describe('<fc-relink> hosted fallback (SPEC section 13)', () => {
  it('is offered when Stripe.js failed to load and the page can fetch a hosted URL', async () => {
    const el = await mount((e) => {
      e.stripe = blocked();
      e.fetchHostedRelinkUrl = () => Promise.resolve('https://connect.stripe.com/x');
    });
    const heard = oneEvent(el, 'fc-relink-error');
    const outcome = await el.start();
    expect((await heard).detail).to.equal(outcome);
    expect(outcome).to.deep.include({ type: 'error', code: 'stripe_load_failed', fallbacks: ['hosted'] });
    await el.updateComplete;
    expect(el.state).to.equal('errored');
    // The one next step: Stripe's site, not a retry of what cannot load here.
    expect(hostedButton(el)?.textContent?.trim()).to.equal('Continue on Stripe’s site');
    expect(part(el, 'trigger').length).to.equal(0);
    expect(part(el, 'status')[0]!.textContent!.trim()).to.equal('Stripe can’t open on this page. You can reconnect on Stripe’s site instead.');
  });

  it('is offered when Stripe.js ran but gave no usable Stripe (stripe_unavailable)', async () => {
    const el = await mount((e) => {
      e.stripe = Promise.resolve(null);
      e.fetchHostedRelinkUrl = () => Promise.resolve('https://connect.stripe.com/x');
    });
    expect(await el.start()).to.deep.include({ code: 'stripe_unavailable', fallbacks: ['hosted'] });
    await el.updateComplete;
    expect(hostedButton(el)).not.to.equal(null);
  });

  it('is not offered without fetchHostedRelinkUrl, nor for errors Stripe.js was not the cause of', async () => {
    const plain = await mount((e) => {
      e.stripe = blocked();
    });
    expect(await plain.start()).to.deep.include({ code: 'stripe_load_failed', fallbacks: [] });
    await plain.updateComplete;
    expect(hostedButton(plain)).to.equal(null);

    const other = await mount((e) => {
      e.clientSecret = 'seti_1_secret_2';
      e.stripe = createFakeStripe();
      e.fetchHostedRelinkUrl = () => Promise.resolve('https://connect.stripe.com/x');
    });
    expect(await other.start()).to.deep.include({ code: 'invalid_client_secret', fallbacks: [] });
    await other.updateComplete;
    expect(hostedButton(other)).to.equal(null);
    // chooseFallback runs only what the last outcome offered: nothing asked, nothing heard.
    let asked = 0;
    other.fetchHostedRelinkUrl = () => (asked++, Promise.resolve('https://connect.stripe.com/x'));
    let heard = 0;
    other.addEventListener('fc-relink-fallback', () => heard++);
    expect(await other.chooseFallback('hosted')).to.equal(null);
    expect([asked, heard]).to.deep.equal([0, 0]);
  });

  it('refuses every URL that is not https on stripe.com, and never repeats it', async () => {
    const refused = [
      'http://connect.stripe.com/x',
      `https://example.com/relink?${URL_TOKEN}`,
      'https://connect.stripe.com.example.com/x',
      'javascript:alert(1)',
      '/relink-here',
      42,
      { url: 'https://connect.stripe.com/x' },
    ];
    for (const answer of refused) {
      const [el] = await erroredWithHosted(() => Promise.resolve(answer as string));
      const heard = oneEvent(el, 'fc-relink-error');
      const outcome = await el.chooseFallback('hosted');
      expect((await heard).detail).to.equal(outcome);
      expect(outcome).to.deep.include({ type: 'error', code: 'invalid_hosted_url', retryable: false, fallbacks: [] });
      expect(JSON.stringify(outcome)).not.to.contain(URL_TOKEN);
      await el.updateComplete;
      // Still on this page; a mistake of the page's server shows no button to repeat it.
      expect(el.state).to.equal('errored');
      expect(hostedButton(el)).to.equal(null);
      expect(shadow(el).innerHTML).not.to.contain(URL_TOKEN);
    }
  });

  it('asks fetchHostedRelinkUrl for what the failed attempt would have relinked', async () => {
    const requests: ClientSecretRequest[] = [];
    const [el] = await erroredWithHosted((request) => (requests.push(request), Promise.resolve('http://not-followed.example')));
    await el.chooseFallback('hosted');
    expect(requests).to.have.length(1);
    const { signal, ...rest } = requests[0]!;
    expect(rest).to.deep.equal({ purpose: 'initial', authorization: null, account: null, previousSessionId: null });
    expect(signal).to.be.instanceOf(AbortSignal);
  });

  it('a provider that rejects is client_secret_fetch_failed: said as a retryable error, the hosted button still there, focus kept', async () => {
    const [el] = await erroredWithHosted(() => Promise.reject(new Error(`HTTP 500 ${SECRET}`)));
    hostedButton(el)!.focus();
    const heard = oneEvent(el, 'fc-relink-error');
    hostedButton(el)!.click();
    const { detail: outcome } = await heard;
    expect(outcome).to.deep.include({ code: 'client_secret_fetch_failed', retryable: true, fallbacks: ['hosted'] });
    expect(JSON.stringify(outcome)).not.to.contain(SECRET);
    await el.updateComplete;
    expect(hostedButton(el)).not.to.equal(null);
    // A retryable error keeps its retry beside the other way on; the status says something changed.
    expect(part(el, 'trigger')[0]!.textContent!.trim()).to.equal('Try again');
    expect(part(el, 'status')[0]!.textContent!.trim()).to.equal('We couldn’t reach Stripe. Please try again.');
    await waitUntil(() => el.shadowRoot!.activeElement !== null, 'focus back inside the element');
    expect(el.shadowRoot!.activeElement === part(el, 'trigger')[0]).to.equal(true);
  });

  it('a new attempt or reset() while the URL is asked for: the answer is dropped, nothing is followed or heard', async () => {
    for (const moveOn of [(el: FcRelinkElement) => el.reset(), (el: FcRelinkElement) => void el.start()]) {
      let answer!: (url: string) => void;
      const [el] = await erroredWithHosted(() => new Promise<string>((resolve) => (answer = resolve)));
      const chosen = el.chooseFallback('hosted');
      await el.updateComplete;
      el.stripe = createFakeStripe();
      moveOn(el);
      let heard = 0;
      el.addEventListener('fc-relink-error', () => heard++);
      answer('ftp://not-followed.example');
      expect(await chosen).to.equal(null);
      await el.updateComplete;
      expect(heard).to.equal(0);
      expect(el.state).not.to.equal('errored');
      expect(hostedButton(el)).to.equal(null);
    }
  });

  it('fetchHostedRelinkUrl unset after the error: no hosted button, no event, and the status no longer points to Stripe’s site', async () => {
    const [el] = await erroredWithHosted(() => Promise.resolve('https://connect.stripe.com/x'));
    el.fetchHostedRelinkUrl = null;
    await el.updateComplete;
    let heard = 0;
    el.addEventListener('fc-relink-fallback', () => heard++);
    expect(await el.chooseFallback('hosted')).to.equal(null);
    expect(heard).to.equal(0);
    expect(hostedButton(el)).to.equal(null);
    expect(part(el, 'status')[0]!.textContent!.trim()).to.equal('Reconnecting isn’t available right now.');
  });

  it('dispatches the cancelable fc-relink-fallback first: prevented, nothing is asked', async () => {
    let asked = 0;
    const [el, error] = await erroredWithHosted(() => (asked++, Promise.resolve('https://connect.stripe.com/x')));
    el.addEventListener('fc-relink-fallback', (event: FcRelinkFallbackEvent) => event.preventDefault(), { once: true });
    const fallback = oneEvent(el, 'fc-relink-fallback');
    hostedButton(el)!.click();
    const { detail } = await fallback;
    expect(detail.fallback).to.equal('hosted');
    expect(detail.failure).to.equal(error);
    await el.updateComplete;
    expect(asked).to.equal(0);
    expect(el.state).to.equal('errored');
    expect(hostedButton(el)!.disabled).to.equal(false);
  });

  it('is busy while the URL is asked for, and runs once however often it is chosen', async () => {
    let answer!: (url: string) => void;
    let asked = 0;
    const [el] = await erroredWithHosted(() => (asked++, new Promise<string>((resolve) => (answer = resolve))));
    const first = el.chooseFallback('hosted');
    await el.updateComplete;
    const button = hostedButton(el)!;
    expect([button.disabled, button.getAttribute('aria-busy')]).to.deep.equal([true, 'true']);
    button.click();
    expect(await el.chooseFallback('hosted')).to.equal(null);
    expect(asked).to.equal(1);
    answer('ftp://connect.stripe.com/x');
    expect(await first).to.deep.include({ code: 'invalid_hosted_url' });
  });

  it('disabled applies to the hosted button', async () => {
    const [el] = await erroredWithHosted(() => Promise.resolve('https://connect.stripe.com/x'));
    el.disabled = true;
    await el.updateComplete;
    expect(hostedButton(el)!.disabled).to.equal(true);
  });

  it('removed while the URL is asked for: the signal aborts, nothing is followed, the page hears why', async () => {
    let answer!: (url: string) => void;
    let signal: AbortSignal | undefined;
    const [el] = await erroredWithHosted((request) => ((signal = request.signal), new Promise<string>((resolve) => (answer = resolve))));
    const chosen = el.chooseFallback('hosted');
    await waitUntil(() => signal);
    const heard = oneEvent(el, 'fc-relink-error');
    el.remove();
    await waitUntil(() => signal!.aborted, 'the signal aborts');
    answer('https://connect.stripe.com/x');
    const outcome = await chosen;
    expect((await heard).detail).to.equal(outcome);
    expect(outcome).to.deep.include({ code: 'unexpected', retryable: true });
  });
});
