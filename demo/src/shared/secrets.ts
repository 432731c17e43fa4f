/**
 * The playground's `fetchClientSecret`, `fetchSetupIntentSecret` and `fetchHostedRelinkUrl`: they
 * ask the example server of `@fc-relink/server` (`POST /relink-session`,
 * `/replacement-setup-intent`, `/hosted-relink`; see api.ts) the way a real page asks its own
 * server, with the element's `signal`, so a fallback really fetches a new session. The server
 * relinks the signed-in customer's account of record: the page sends the element's request and
 * nothing about which account. With fake Stripe, a playground-only header names the scenario the
 * fake Stripe.js plays for the session (or SetupIntent) the request creates.
 *
 * The secret itself never leaves this module's return value: what gets reported to the page is
 * what was asked, and what the server said about it (the scenario its secret plays, or its
 * refusal). A refusal is a code; the words are the page's own (Stripe's never reach the page).
 */
import type { ClientSecretRequest, SetupIntentRequest } from '@fc-relink/element';
import { scenarioFromSecret, setupScenarioFromSecret, type FakeScenario, type FakeSetupScenario } from '@fc-relink/testing';
import {
  HOSTED_RELINK_PATH,
  RELINK_SESSION_PATH,
  SCENARIO_HEADER,
  SETUP_INTENT_PATH,
  SETUP_SCENARIO_HEADER,
  type HostedRelinkRequestBody,
  type RelinkSessionRequestBody,
  type SetupIntentRequestBody,
} from './api.js';

/** What the playground reports about one `fetchClientSecret` call: everything but the secret. */
export interface SecretRequestReport {
  purpose: ClientSecretRequest['purpose'];
  authorization: string | null;
  account: string | null;
  previousSessionId: string | null;
  /** Fake Stripe: the scenario the session's secret makes the fake Stripe.js play. */
  plays?: FakeScenario;
  /** The call failed: the server's status (`null` when none came), its code, and what it means. */
  error?: { status: number | null; code: string; message: string };
}

/** What the playground reports about one `fetchSetupIntentSecret` call: everything but the secret. */
export interface SetupIntentRequestReport {
  account: string;
  sessionId: string;
  attempt: number;
  /** Fake Stripe: the outcome the SetupIntent's secret makes the fake's confirmation play. */
  plays?: FakeSetupScenario;
  error?: SecretRequestReport['error'];
}

/** Why a call failed, as the element will read it (`client_secret_fetch_failed`, `setup_intent_fetch_failed`). */
export class SessionRequestError extends Error {
  constructor(
    readonly status: number | null,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SessionRequestError';
  }
}

/** What each of the server's refusals means, in the page's words. */
const MEANS: Record<string, string> = {
  no_account: 'no bank account is on file for the signed-in customer. Choose one first.',
  not_signed_in: 'no customer is signed in. Choose an account first.',
  no_such_account: 'the account is not one of the signed-in customer’s, or Stripe does not know it.',
  forbidden: 'it answers the playground’s own pages only, with a JSON body.',
  bad_request: 'it could not read the request.',
  bad_scenario: 'the fake Stripe.js has no such scenario.',
  too_large: 'the request was too large.',
  not_found: 'it has no such route.',
};

/** What a `not_relinkable` account said, in the page's words. */
const NOT_RELINKABLE: Record<string, string> = {
  active: 'the account is active: there is nothing to relink.',
  not_repairable: 'a relink cannot repair the account: the customer has to link a new one.',
  unknown: 'Stripe did not say whether the account can be relinked.',
};

/** The page's sentence for a refusal: its status, its code, and what it means. Never the server's text. */
export function refusalMessage(status: number, code: string, reason: unknown): string {
  const means =
    code === 'not_relinkable'
      ? (NOT_RELINKABLE[String(reason)] ?? 'the account cannot be relinked.')
      : code.endsWith('_failed')
        ? 'Stripe could not be asked just now; the playground’s terminal says why.'
        : (MEANS[code] ?? 'it did not give a client secret.');
  return `The server answered ${status} ${code}: ${means}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** POSTs `body` as JSON to the playground's server, the page's own origin, uncached. */
export function postJson(path: string, body: unknown, options: { signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

/**
 * POSTs to the server and reads `field` (a secret or a URL) from its answer. Anything else (a
 * refusal, no answer, the element giving up) rejects with a {@link SessionRequestError}.
 */
async function ask(path: string, body: unknown, field: 'clientSecret' | 'url', signal: AbortSignal, headers: Record<string, string> = {}): Promise<string> {
  let response: Response;
  try {
    response = await postJson(path, body, { signal, headers });
  } catch {
    throw signal.aborted
      ? new SessionRequestError(null, 'aborted', 'The element stopped waiting for the server.')
      : new SessionRequestError(null, 'network_error', 'The server could not be reached.');
  }
  const answer: unknown = await response.json().catch(() => null);
  const value = isRecord(answer) ? answer[field] : undefined;
  if (response.ok && typeof value === 'string') return value;
  const code = isRecord(answer) && typeof answer.error === 'string' && /^[a-z_]{1,40}$/.test(answer.error) ? answer.error : 'bad_response';
  throw new SessionRequestError(response.status, code, refusalMessage(response.status, code, isRecord(answer) ? answer.reason : null));
}

const failureOf = (thrown: unknown): NonNullable<SecretRequestReport['error']> => {
  const error = thrown instanceof SessionRequestError ? thrown : new SessionRequestError(null, 'unexpected', String(thrown));
  return { status: error.status, code: error.code, message: error.message };
};

export interface SessionServerOptions {
  /** Fake Stripe: the scenario the session made for this request plays; `null` with your keys. */
  scenario: (request: ClientSecretRequest) => FakeScenario | null;
  /** Before each request: what must be done first (the page signing its customer in). */
  ready?: () => Promise<unknown>;
  /** Told about each call once it settles (never the secret). */
  onRequest?: (report: SecretRequestReport) => void;
}

/** A `fetchClientSecret` for `<fc-relink>` that asks the example server's `POST /relink-session`. */
export function sessionServer({ scenario, ready, onRequest }: SessionServerOptions) {
  return async (request: ClientSecretRequest): Promise<string> => {
    const sent: RelinkSessionRequestBody = {
      purpose: request.purpose,
      authorization: request.authorization,
      account: request.account,
      previousSessionId: request.previousSessionId,
    };
    const plays = scenario(request);
    const report: SecretRequestReport = { ...sent };
    try {
      await ready?.();
      const secret = await ask(RELINK_SESSION_PATH, sent, 'clientSecret', request.signal, plays ? { [SCENARIO_HEADER]: plays } : {});
      // What the fake Stripe.js will play, read from the secret itself.
      const named = plays ? scenarioFromSecret(secret) : null;
      onRequest?.(named ? { ...report, plays: named } : report);
      return secret;
    } catch (thrown) {
      onRequest?.({ ...report, error: failureOf(thrown) });
      throw thrown;
    }
  };
}

export interface SetupIntentServerOptions {
  /** Fake Stripe: what confirming the SetupIntent plays, given which of the step's requests it is (from 1); `null` with your keys. */
  setupScenario: (request: SetupIntentRequest, attempt: number) => FakeSetupScenario | null;
  ready?: () => Promise<unknown>;
  onRequest?: (report: SetupIntentRequestReport) => void;
}

/**
 * A `fetchSetupIntentSecret` for `<fc-relink>` that asks the example server's
 * `POST /replacement-setup-intent`. It counts the requests of each relink session, so a second
 * SetupIntent (after a failed accept) is told from the first.
 */
export function setupIntentServer({ setupScenario, ready, onRequest }: SetupIntentServerOptions) {
  const attempts = new Map<string, number>();
  return async (request: SetupIntentRequest): Promise<string> => {
    const attempt = (attempts.get(request.sessionId) ?? 0) + 1;
    attempts.set(request.sessionId, attempt);
    const sent: SetupIntentRequestBody = { accountId: request.account.id };
    const plays = setupScenario(request, attempt);
    const report: SetupIntentRequestReport = { account: request.account.id, sessionId: request.sessionId, attempt };
    try {
      await ready?.();
      const secret = await ask(SETUP_INTENT_PATH, sent, 'clientSecret', request.signal, plays ? { [SETUP_SCENARIO_HEADER]: plays } : {});
      const named = plays ? setupScenarioFromSecret(secret) : null;
      onRequest?.(named ? { ...report, plays: named } : report);
      return secret;
    } catch (thrown) {
      onRequest?.({ ...report, error: failureOf(thrown) });
      throw thrown;
    }
  };
}

/** Stripe's hosted relink page for the signed-in customer, from the example server's `POST /hosted-relink`. */
export async function hostedRelinkUrl(
  { purpose, account, authorization }: Pick<ClientSecretRequest, 'purpose' | 'account' | 'authorization'>,
  signal: AbortSignal,
  ready?: () => Promise<unknown>,
): Promise<string> {
  await ready?.();
  const body: HostedRelinkRequestBody = { purpose, account, authorization };
  return ask(HOSTED_RELINK_PATH, body, 'url', signal);
}
