/**
 * The playground's `fetchClientSecret`: it asks the demo server (`POST /api/relink-session`, see
 * api.ts) the way a real page asks its own server, with the element's `signal`, so a fallback
 * really fetches a new session. The server answers with a fake session for the scenario picked
 * in the page, or, with Stripe keys set, a real relink session for the account typed in it.
 *
 * The secret itself never leaves this module's return value: what gets reported to the page is
 * what was asked, and what the server said about it (the scenario it plays, or its error).
 */
import type { ClientSecretRequest } from '@fc-relink/element';
import type { FakeScenario } from '@fc-relink/testing';
import { RELINK_SESSION_PATH, type RelinkSessionRequestBody, type RelinkSessionResponse } from './api.js';

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

/** Why a call failed, as the element will read it (`client_secret_fetch_failed`). */
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads the server's answer; throws a {@link SessionRequestError} for anything but a secret. */
async function readAnswer(response: Response): Promise<{ clientSecret: string; scenario?: FakeScenario }> {
  let answer: unknown = null;
  try {
    answer = (await response.json()) as RelinkSessionResponse;
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
  return answer as { clientSecret: string; scenario?: FakeScenario };
}

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
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(sent),
        credentials: 'same-origin',
        cache: 'no-store',
        signal: request.signal,
      });
      const { clientSecret, scenario } = await readAnswer(response);
      onRequest?.(scenario ? { ...report, plays: scenario } : report);
      return clientSecret;
    } catch (thrown) {
      const error =
        thrown instanceof SessionRequestError
          ? thrown
          : request.signal.aborted
            ? new SessionRequestError(null, 'aborted', 'The element stopped waiting for the demo server.')
            : new SessionRequestError(null, 'network_error', 'The demo server could not be reached.');
      onRequest?.({ ...report, error: { status: error.status, code: error.code, message: error.message } });
      throw error;
    }
  };
}
