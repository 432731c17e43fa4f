/**
 * A stand-in for api.stripe.com on 127.0.0.1: the real `stripe` SDK talks to it over HTTP, it
 * answers the way Stripe would, and it records every request as it arrived on the wire.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** One request as the server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/financial_connections/sessions`. */
  path: string;
  /** Header names in lower case, as Node gives them. */
  headers: IncomingHttpHeaders;
  /** The raw form body. */
  body: string;
  /** The form body decoded to `[name, value]` pairs, in order. */
  form: Array<[string, string]>;
  /** The form body decoded to nested objects and arrays, the way Stripe reads it. */
  params: Record<string, unknown>;
}

/** What the server answers. */
export interface Reply {
  status: number;
  body: unknown;
}

export type Responder = (request: RecordedRequest) => Reply | undefined;

export interface RecordingServer {
  port: number;
  requests: RecordedRequest[];
  /** A real SDK client pointed at this server. */
  stripe(): Stripe;
  close(): Promise<void>;
}

export const FAKE_SECRET_KEY = 'sk_test_fake_recording_server_key';
export const SESSION_ID = 'fcsess_recorded_1';
export const SESSION_CLIENT_SECRET = 'fcsess_client_secret_recorded_1';

/**
 * Starts the server on a random port. `respond` may answer a request itself; when it returns
 * `undefined`, the server answers like Stripe: a created session for
 * `POST /v1/financial_connections/sessions`, a 404 `invalid_request_error` for anything else.
 */
export async function startRecordingServer(respond: Responder = () => undefined): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const form = [...new URLSearchParams(body)];
      const request: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body,
        form,
        params: decodeForm(form),
      };
      requests.push(request);
      const reply = respond(request) ?? stripeLikeReply(request);
      res.writeHead(reply.status, { 'content-type': 'application/json', 'request-id': `req_${requests.length}` });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    stripe: () =>
      new Stripe(FAKE_SECRET_KEY, {
        host: '127.0.0.1',
        port,
        protocol: 'http',
        maxNetworkRetries: 0,
        telemetry: false,
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A Stripe-shaped error body. */
export function stripeError(status: number, type: string, message: string): Reply {
  return { status, body: { error: { type, message } } };
}

function stripeLikeReply(request: RecordedRequest): Reply {
  if (request.method === 'POST' && request.path === '/v1/financial_connections/sessions') {
    const { params } = request;
    return {
      status: 200,
      body: {
        id: SESSION_ID,
        object: 'financial_connections.session',
        livemode: false,
        account_holder: params['account_holder'] || null,
        accounts: { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/accounts' },
        client_secret: SESSION_CLIENT_SECRET,
        filters: params['filters'] ?? null,
        limits: params['limits'] ?? null,
        permissions: params['permissions'],
        relink_options: params['relink_options'],
      },
    };
  }
  return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${request.method}: ${request.path}).`);
}

/**
 * Decodes `a[b][0]=x` pairs to `{ a: { b: ['x'] } }`. Numeric and empty brackets make arrays.
 * An empty value stays `''`: that is how a form says "null" to Stripe.
 */
export function decodeForm(pairs: Array<[string, string]>): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of pairs) {
    const head = name.split('[', 1)[0]!;
    const path = [head, ...[...name.slice(head.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
    let node: Record<string, unknown> | unknown[] = root;
    path.forEach((segment, i) => {
      const last = i === path.length - 1;
      const container = node as Record<string, unknown>;
      const key = Array.isArray(node) && segment === '' ? String(node.length) : segment;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsArray = /^\d*$/.test(path[i + 1]!);
      container[key] ??= nextIsArray ? [] : {};
      node = container[key] as Record<string, unknown> | unknown[];
    });
  }
  return root;
}
