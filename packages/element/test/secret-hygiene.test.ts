import '@fc-relink/element';
import { expect, fixture, html } from '@open-wc/testing';
import type { FcRelinkElement } from '@fc-relink/element';
import { fakeClientSecret } from '@fc-relink/testing';
import { network, recordConsole } from '../../../test-support/browser.js';

// A file of its own: it loads Stripe.js, after which no test in the same page could see a failed load.
describe('<fc-relink> secret hygiene (SPEC section 5)', () => {
  it('keeps the client secret out of the DOM, attributes, events, outcomes, console and URLs', async () => {
    await network({ mode: 'fake', reset: true });
    const { value: details, lines } = await recordConsole(async () => {
      const collected: unknown[] = [];
      for (const scenario of ['account_relinked', 'no_account', 'stripe_error', 'relink_result_missing'] as const) {
        const secret = fakeClientSecret(scenario, 'hygiene');
        const el = await fixture<FcRelinkElement>(html`<fc-relink></fc-relink>`);
        for (const name of ['fc-relink-start', 'fc-relink-success', 'fc-relink-failure', 'fc-relink-error']) {
          el.addEventListener(name, (e) => collected.push((e as CustomEvent).detail));
        }
        el.publishableKey = 'pk_test_hygiene';
        el.clientSecret = secret;
        collected.push(await el.start());
        await el.updateComplete;
        collected.push(el.outerHTML, el.shadowRoot!.innerHTML, document.documentElement.outerHTML, el.getAttributeNames().map((n) => el.getAttribute(n)));
      }
      return collected;
    });
    const everything = JSON.stringify(details) + lines.join('\n') + (await network()).requests.join('\n');
    expect(everything).to.contain('fcsess_hygiene'); // the scan sees session ids, so it would see a secret
    expect(everything).not.to.match(/_secret_/);
    expect(everything).not.to.contain('pk_test_hygiene');
  });
});
