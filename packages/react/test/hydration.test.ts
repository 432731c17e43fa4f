// Written without JSX: the test runner transforms TypeScript only.
// What a server-rendered page (Next.js App Router, or any React SSR) does in the browser: the
// server sent the markup that test-node/server.test.ts checks, the page's script defined
// <fc-relink> (so the element upgraded and rendered its trigger), and then React hydrates it.
import { expect } from '@open-wc/testing';
import { act, createElement, StrictMode } from 'react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { FcRelink } from '@fc-relink/react';
import { createFakeStripe, fakeClientSecret } from '@fc-relink/testing';
import { litWarnings, watchConsole } from '../../../test-support/browser.js';

// Lets `act` flush React's work (and tells React this is a test).
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** What the server renders for the props below (test-node/server.test.ts). */
const SERVER_HTML = '<fc-relink id="relink" class="bank">Reconnect your bank</fc-relink>';

describe('@fc-relink/react hydrating server-rendered markup', () => {
  let container: HTMLElement;
  let root: Root | null = null;

  beforeEach(() => {
    container = document.createElement('div');
    container.innerHTML = SERVER_HTML;
    document.body.append(container);
  });

  afterEach(async () => {
    await act(async () => root?.unmount());
    root = null;
    container.remove();
  });

  it('hydrates the element the server rendered without a warning, then gives it its properties', async () => {
    const el = container.querySelector('fc-relink')!;
    // Upgraded before React hydrates: the element reflected its state onto the server's markup.
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('idle');

    const stripe = createFakeStripe({ scenario: 'account_relinked' });
    const fetchClientSecret = async () => fakeClientSecret('account_relinked');
    const recoverable: unknown[] = [];
    const warnings = watchConsole();
    try {
      await act(async () => {
        root = hydrateRoot(
          container,
          createElement(
            StrictMode,
            null,
            createElement(FcRelink, { id: 'relink', className: 'bank', stripe, fetchClientSecret, publishableKey: 'pk_test_hydrated' }, 'Reconnect your bank'),
          ),
          { onRecoverableError: (error) => recoverable.push(error) },
        );
      });
    } finally {
      warnings.stop();
    }
    expect(warnings.lines, 'React warned while hydrating').to.deep.equal([]);
    expect(recoverable, 'React gave up hydrating and rendered anew').to.deep.equal([]);
    expect(litWarnings()).to.deep.equal([]);
    // The same element, hydrated in place, now with the properties the server never wrote.
    expect(container.querySelector('fc-relink')).to.equal(el);
    expect(el.stripe).to.equal(stripe);
    expect(el.fetchClientSecret).to.equal(fetchClientSecret);
    expect(el.publishableKey).to.equal('pk_test_hydrated');
    expect((await el.start()).type).to.equal('success');
  });
});
