/**
 * @fc-relink/react on a server: its built entry is a client module (React Server Components and
 * Next.js read the directive in the file they import, dist/index.js), importing it in Node (no
 * DOM) works, and server rendering gives the bare element with its label, which the browser
 * hydrates and then gives its properties (test/hydration.test.ts hydrates this very markup).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { FcRelink } from '@fc-relink/react';

test("the built entry starts with the 'use client' directive", async () => {
  // The file that `import '@fc-relink/react'` resolves to, as a bundler reads it.
  const entry = await readFile(new URL(import.meta.resolve('@fc-relink/react')), 'utf8');
  assert.match(entry, /^(['"])use client\1;?\r?\n/, 'dist/index.js must begin with the directive, before any import or comment');
});

test('importing it in Node defines the component and touches no window or document', () => {
  assert.equal(typeof FcRelink, 'object'); // a forwardRef component
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
});

test('server rendering gives the element and its label, and no property as an attribute', () => {
  const html = renderToString(
    createElement(
      FcRelink,
      {
        id: 'relink',
        className: 'bank',
        clientSecret: 'fcsess_server_account_relinked_secret_abc',
        publishableKey: 'pk_test_fcrelink_server',
        existingAccountIds: ['fca_1'],
        fetchClientSecret: async () => 'fcsess_server_account_relinked_secret_def',
        onRelinkSuccess: () => {},
      },
      'Reconnect your bank',
    ),
  );
  // Properties are set in the browser after hydration: neither the secret nor the key is in the HTML.
  assert.equal(html, '<fc-relink id="relink" class="bank">Reconnect your bank</fc-relink>');
});
