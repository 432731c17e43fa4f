/**
 * The playground's stand-in for the page's server: `fetchClientSecret` answers with a secret that
 * makes the fake Stripe.js play a scenario. A real page asks its server, which creates a
 * Financial Connections Session with `relink_options` (see @fc-relink/server).
 *
 * The secret itself never leaves this module's return value: what gets reported to the page is
 * the request and the scenario it plays.
 */
import type { ClientSecretRequest } from '@fc-relink/element';
import { fakeClientSecret, type FakeScenario } from '@fc-relink/testing';

/** The scenarios a plain retry recovers into, for the failures of an exact-account relink. */
const RECOVERS_TO: Partial<Record<FakeScenario, FakeScenario>> = {
  no_account: 'account_relinked',
  no_authorization: 'account_relinked',
  other: 'account_relinked',
};

/**
 * The scenario a request plays: the chosen one first; after it, a widened `authorization_retry`
 * finds an account the page has never seen, and a plain `retry` of a failed exact-account relink
 * succeeds. Anything else plays the chosen scenario again.
 */
export function scenarioForRequest(chosen: FakeScenario, purpose: ClientSecretRequest['purpose']): FakeScenario {
  if (purpose === 'authorization_retry') return 'new_account';
  if (purpose === 'retry') return RECOVERS_TO[chosen] ?? chosen;
  return chosen;
}

/** What the playground reports about one `fetchClientSecret` call: everything but the secret. */
export interface SecretRequestReport {
  purpose: ClientSecretRequest['purpose'];
  authorization: string | null;
  account: string | null;
  previousSessionId: string | null;
  plays: FakeScenario;
}

export interface FakeSecretServerOptions {
  /** The scenario picked in the playground, read at each call. */
  scenario: () => FakeScenario;
  /** Told about each call (never the secret). */
  onRequest?: (report: SecretRequestReport) => void;
  /** Simulated round trip to the page's server, in milliseconds. */
  latency?: number;
}

/** A `fetchClientSecret` for `<fc-relink>` backed by the fake Stripe.js's scenarios. */
export function fakeSecretServer({ scenario, onRequest, latency = 250 }: FakeSecretServerOptions) {
  let sessions = 0;
  return (request: ClientSecretRequest): Promise<string> => {
    const plays = scenarioForRequest(scenario(), request.purpose);
    onRequest?.({
      purpose: request.purpose,
      authorization: request.authorization,
      account: request.account,
      previousSessionId: request.previousSessionId,
      plays,
    });
    sessions += 1;
    const secret = fakeClientSecret(plays, `demo${sessions}`);
    return new Promise<string>((resolve, reject) => {
      const { signal } = request;
      if (signal.aborted) return reject(signal.reason);
      const timer = setTimeout(() => resolve(secret), latency);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    });
  };
}
