/**
 * The playground's side of Stripe's hosted relink (the "Stripe.js blocked" switch): asks the demo
 * server for a hosted session, remembers it for the return page (Stripe sends the customer back
 * to `return_url` as it is), and reads what it came to.
 */
import type { RelinkOutcome } from '@fc-relink/element';

const HOSTED_RELINK_PATH = '/api/hosted-relink';
const HOSTED_OUTCOME_PATH = '/api/hosted-outcome';
/** Where the page keeps the session it sent the customer to: its id is no secret. */
const REMEMBERED = 'fc-relink-playground:hosted';

interface HostedAnswer {
  sessionId: string;
  /** Stripe's page (real sessions), or `null`. */
  url: string | null;
  /** The fake's hosted page (fake sessions), or `null`. */
  fakePage: string | null;
}

async function post<T>(path: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: signal ?? null });
  const json = (await response.json()) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(json.error?.message ?? `HTTP ${response.status}`);
  return json;
}

/** A hosted session for the account typed (real sessions) or the fake's (`account` null); remembered for the return page. */
export async function createHostedSession(account: string | null, signal?: AbortSignal): Promise<HostedAnswer> {
  const answer = await post<HostedAnswer>(HOSTED_RELINK_PATH, account ? { account } : {}, signal);
  sessionStorage.setItem(REMEMBERED, JSON.stringify({ sessionId: answer.sessionId, back: location.pathname + location.search }));
  return answer;
}

/** The session the customer went to, and the page they left, once they are back. */
export function rememberedHostedSession(): { sessionId: string; back: string } | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(REMEMBERED) ?? 'null') as { sessionId?: unknown; back?: unknown } | null;
    if (typeof value?.sessionId !== 'string') return null;
    // Only a page of this playground: the stored path begins with one slash.
    const back = typeof value.back === 'string' && /^\/(?!\/)/.test(value.back) ? value.back : '/';
    return { sessionId: value.sessionId, back };
  } catch {
    return null;
  }
}

export async function hostedOutcome(sessionId: string): Promise<RelinkOutcome> {
  return (await post<{ outcome: RelinkOutcome }>(HOSTED_OUTCOME_PATH, { sessionId })).outcome;
}
