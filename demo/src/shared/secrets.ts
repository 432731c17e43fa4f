/**
 * The playground's `fetchClientSecret` and `fetchSetupIntentSecret`: they ask the demo server
 * (`POST /api/relink-session` and `POST /api/setup-intent`, see api.ts) the way a real page asks
 * its own server, with the element's `signal`, so a fallback really fetches a new session. The
 * server answers with fake ones for the scenario picked in the page, or, with Stripe keys set,
 * real ones for the account typed in it.
 *
 * The secret itself never leaves this module's return value: what gets reported to the page is
 * what was asked, and what the server said about it (the scenario it plays, or its error).
 */
import type { ClientSecretRequest, SetupIntentRequest } from '@fc-relink/element';
import type { FakeScenario, FakeSetupScenario } from '@fc-relink/testing';
import { RELINK_SESSION_PATH, SETUP_INTENT_PATH, type RelinkSessionRequestBody, type SetupIntentRequestBody } from './api.js';

/** What the playground reports about one `fetchClientSecret` call: everything but the secret. */
export interface SecretRequestReport {
  purpose: ClientSecretRequest['purpose'];
  authorization: string | null;
  account: string | null;
  previousSessionId: string | null;
  /** Fake sessions: the scenario the server's session plays. */
  plays?: FakeScenario;
  /** The call failed: the server's status (`null` when none came) and error. */
  error?: { status: number | null; code: string; message: string };
}

/** What the playground reports about one `fetchSetupIntentSecret` call: everything but the secret. */
export interface SetupIntentRequestReport {
  account: string;
  sessionId: string;
  attempt: number;
  /** Fake SetupIntents: the outcome its confirmation plays. */
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

export interface SessionServerOptions {
  /** The body of one request: the element's request, plus the scenario or the account to relink. */
  body: (request: ClientSecretRequest) => RelinkSessionRequestBody;
  /** Told about each call once it settles (never the secret). */
  onRequest?: (report: SecretRequestReport) => void;
  /** Default {@link RELINK_SESSION_PATH}. */
  endpoint?: string;
}

/** POSTs `body` as JSON to the demo server, the page's own, uncached. */
export function postJson(endpoint: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
    cache: 'no-store',
    ...(signal ? { signal } : {}),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the server's answer; throws a {@link SessionRequestError} for anything but a secret. */
async function readAnswer(response: Response): Promise<Record<string, unknown> & { clientSecret: string }> {
  let answer: unknown = null;
  try {
    answer = await response.json();
  } catch {
    // Not JSON: reported below with the status.
  }
  if (isRecord(answer) && isRecord(answer.error)) {
    const code = typeof answer.error.code === 'string' ? answer.error.code : 'unknown';
    const message = typeof answer.error.message === 'string' ? answer.error.message : '';
    throw new SessionRequestError(response.status, code, `The demo server answered ${response.status} ${code}: ${message}`);
  }
  if (!response.ok || !isRecord(answer) || typeof answer.clientSecret !== 'string') {
    throw new SessionRequestError(response.status, 'bad_response', `The demo server answered ${response.status} without a client secret.`);
  }
  return answer as Record<string, unknown> & { clientSecret: string };
}

/**
 * POSTs `body` to the demo server and reads the secret it answers with. Anything else (a refusal,
 * no answer, the element giving up) rejects with a {@link SessionRequestError}.
 */
async function askDemoServer(endpoint: string, body: unknown, signal: AbortSignal): Promise<Record<string, unknown> & { clientSecret: string }> {
  try {
    return await readAnswer(await postJson(endpoint, body, signal));
  } catch (thrown) {
    if (thrown instanceof SessionRequestError) throw thrown;
    throw signal.aborted
      ? new SessionRequestError(null, 'aborted', 'The element stopped waiting for the demo server.')
      : new SessionRequestError(null, 'network_error', 'The demo server could not be reached.');
  }
}

const failureOf = (thrown: unknown): NonNullable<SecretRequestReport['error']> => {
  const error = thrown as SessionRequestError;
  return { status: error.status, code: error.code, message: error.message };
};

/** A `fetchClientSecret` for `<fc-relink>` that asks the demo server. */
export function sessionServer({ body, onRequest, endpoint = RELINK_SESSION_PATH }: SessionServerOptions) {
  return async (request: ClientSecretRequest): Promise<string> => {
    const sent = body(request);
    const report: SecretRequestReport = {
      purpose: sent.purpose,
      authorization: sent.authorization ?? null,
      account: sent.account ?? null,
      previousSessionId: sent.previousSessionId ?? null,
    };
    try {
      const answer = await askDemoServer(endpoint, sent, request.signal);
      onRequest?.(typeof answer.scenario === 'string' ? { ...report, plays: answer.scenario as FakeScenario } : report);
      return answer.clientSecret;
    } catch (thrown) {
      onRequest?.({ ...report, error: failureOf(thrown) });
      throw thrown;
    }
  };
}

export interface SetupIntentServerOptions {
  /** The body of one request, given the element's request and which of the step's requests it is (from 1). */
  body: (request: SetupIntentRequest, attempt: number) => SetupIntentRequestBody;
  onRequest?: (report: SetupIntentRequestReport) => void;
  /** Default {@link SETUP_INTENT_PATH}. */
  endpoint?: string;
}

/**
 * A `fetchSetupIntentSecret` for `<fc-relink>` that asks the demo server. It counts the requests
 * of each relink session, so the server knows a second SetupIntent (after a failed accept) from
 * the first.
 */
export function setupIntentServer({ body, onRequest, endpoint = SETUP_INTENT_PATH }: SetupIntentServerOptions) {
  const attempts = new Map<string, number>();
  return async (request: SetupIntentRequest): Promise<string> => {
    const attempt = (attempts.get(request.sessionId) ?? 0) + 1;
    attempts.set(request.sessionId, attempt);
    const sent = body(request, attempt);
    const report: SetupIntentRequestReport = { account: sent.account, sessionId: sent.sessionId, attempt };
    try {
      const answer = await askDemoServer(endpoint, sent, request.signal);
      onRequest?.(typeof answer.setupScenario === 'string' ? { ...report, plays: answer.setupScenario as FakeSetupScenario } : report);
      return answer.clientSecret;
    } catch (thrown) {
      onRequest?.({ ...report, error: failureOf(thrown) });
      throw thrown;
    }
  };
}
