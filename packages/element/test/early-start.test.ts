import '@fc-relink/element';
import { expect } from '@open-wc/testing';
import type { FcRelinkElement } from '@fc-relink/element';
import { createFakeStripe, fakeClientSecret } from '@fc-relink/testing';

// Alone in its file: it needs a page where the code that runs a relink has not arrived yet.
describe('<fc-relink> start() before the relink code has arrived', () => {
  it('the element leaves the page meanwhile: the attempt ends at once, and Stripe is never called', async () => {
    const stripe = createFakeStripe();
    const el = document.createElement('fc-relink') as FcRelinkElement;
    el.preload = 'none';
    el.stripe = stripe;
    el.clientSecret = fakeClientSecret('hang');
    document.body.append(el);
    const events: string[] = [];
    for (const name of ['fc-relink-start', 'fc-relink-success', 'fc-relink-failure', 'fc-relink-error']) el.addEventListener(name, () => events.push(name));
    const pending = el.start();
    el.remove();
    const outcome = await pending;
    expect(outcome).to.deep.include({ type: 'error', code: 'unexpected', retryable: true });
    expect(outcome.type === 'error' && outcome.message).to.contain('Nothing was sent to Stripe');
    expect(events).to.deep.equal(['fc-relink-start', 'fc-relink-error']);
    expect(stripe.calls).to.have.length(0);
    expect(el.state).to.equal('errored');
  });
});
