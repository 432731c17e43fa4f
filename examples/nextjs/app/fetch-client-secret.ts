'use client';
// Functions for <FcRelink>'s function props. A Server Component cannot pass a function it
// defines to a client component, but it can pass one exported from a 'use client' module like
// this one: React sends a reference, and the browser calls this code.
import type { ClientSecretRequest } from '@fc-relink/react';

/**
 * `fetchClientSecret`: asks this app's route handler (app/api/relink-session/route.ts) for a new
 * relink session, for the first attempt and for every retry. The element's request goes along
 * (without its signal, which aborts the fetch when the element leaves the page).
 */
export async function fetchClientSecret({ signal, ...request }: ClientSecretRequest): Promise<string> {
  const response = await fetch('/api/relink-session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.ok) throw new Error(`The relink session endpoint answered ${response.status}.`);
  const { clientSecret } = (await response.json()) as { clientSecret?: unknown };
  if (typeof clientSecret !== 'string') throw new Error('The relink session endpoint gave no client secret.');
  return clientSecret;
}
