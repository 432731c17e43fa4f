/**
 * A stand-in for api.stripe.com on 127.0.0.1, for the demo server's real-Stripe path: the real
 * `stripe` SDK talks to it over HTTP (the demo server's FC_RELINK_STRIPE_API points there), it
 * answers the two requests a relink needs the way Stripe does, and it records what arrived.
 *
 * Its accounts reuse the fake Stripe.js's ids, so the sessions it creates play coherently in the
 * browser: the client secrets it hands out name a scenario of the fake (`no_account` for an
 * exact-account session, `new_account` for an authorization-only one).
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FAKE_IDS } from '@fc-relink/testing';

export const STAND_IN_SECRET_KEY = 'sk_test_e2eStandIn51Keep0ut';
export const STAND_IN_PUBLISHABLE_KEY = 'pk_test_e2eStandIn51Public';
/** The fixed port the real-Stripe playground of the e2e run is pointed at. */
export const STAND_IN_PORT = 4321;
/** Where a test reads what the stand-in received (GET), or forgets it (DELETE). */
export const RECORDINGS_PATH = '/__stand-in/requests';

/** The accounts the stand-in knows. */
export const STAND_IN_ACCOUNTS = {
  /** Inactive, `relink_required`: the fake's checking account. */
  relinkable: FAKE_IDS.account,
  active: 'fca_standInActive',
  /** Inactive with `action: 'none'`: not repairable. */
  closed: 'fca_standInClosed',
  /** Stripe answers 401 and, unlike Stripe, echoes the whole key in its message. */
  echoesKey: 'fca_standInEchoesKey',
  /** Unknown: 404 `resource_missing`. */
  missing: 'fca_standInMissing',
} as const;

export interface RecordedStripeRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The form body, decoded the way Stripe reads it (indexed keys become arrays). */
  params: Record<string, unknown>;
}

export interface StripeStandIn {
  port: number;
  requests: RecordedStripeRequest[];
  close(): Promise<void>;
}

interface Reply {
  status: number;
  body: unknown;
}

const error = (status: number, message: string, code?: string): Reply => ({
  status,
  body: { error: { type: 'invalid_request_error', message, ...(code ? { code } : {}) } },
});

/** Turns objects whose keys are 0..n-1 into arrays, all the way down. */
function arrays(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, arrays(v)] as const);
  const indexed = entries.length > 0 && entries.every(([k], i) => k === String(i));
  return indexed ? entries.map(([, v]) => v) : Object.fromEntries(entries);
}

/** Decodes `a[b][0]=x&a[c]=` to `{ a: { b: ['x'], c: '' } }`. */
export function decodeStripeForm(body: string): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const [name, value] of new URLSearchParams(body)) {
    const keys = name.replace(/\]/g, '').split('[');
    let node = root;
    keys.forEach((key, i) => {
      if (i === keys.length - 1) node[key] = value;
      else node = (node[key] ??= {}) as Record<string, unknown>;
    });
  }
  return arrays(root) as Record<string, unknown>;
}

function account(id: string, status: string, inactive: { action: string; cause: string } | null): Record<string, unknown> {
  return {
    id,
    object: 'financial_connections.account',
    account_holder: { type: 'customer', customer: 'cus_standIn' },
    authorization: FAKE_IDS.authorization,
    category: 'cash',
    display_name: 'Everyday Checking',
    institution_name: 'StripeBank',
    last4: '6789',
    livemode: false,
    status,
    status_details: inactive ? { inactive } : {},
    subcategory: 'checking',
  };
}

const ACCOUNTS: Record<string, Record<string, unknown>> = {
  [STAND_IN_ACCOUNTS.relinkable]: account(STAND_IN_ACCOUNTS.relinkable, 'inactive', { action: 'relink_required', cause: 'access_expired' }),
  [STAND_IN_ACCOUNTS.active]: account(STAND_IN_ACCOUNTS.active, 'active', null),
  [STAND_IN_ACCOUNTS.closed]: account(STAND_IN_ACCOUNTS.closed, 'inactive', { action: 'none', cause: 'account_closed' }),
};

/**
 * Starts the stand-in (`port` 0: any free port). It checks the key and the preview API version
 * on every request, as Stripe would refuse them.
 */
export async function startStripeStandIn(port = 0): Promise<StripeStandIn> {
  const requests: RecordedStripeRequest[] = [];
  let sessions = 0;

  const reply = (request: RecordedStripeRequest): Reply => {
    const key = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (key !== STAND_IN_SECRET_KEY) return error(401, `Invalid API Key provided: ${key}`);
    if (request.headers['stripe-version'] !== '2026-01-28.preview') {
      return error(400, 'The stand-in answers Stripe-Version 2026-01-28.preview only.');
    }
    const accountMatch = /^\/v1\/financial_connections\/accounts\/([^/?]+)$/.exec(request.path);
    if (request.method === 'GET' && accountMatch) {
      const id = decodeURIComponent(accountMatch[1]!);
      if (id === STAND_IN_ACCOUNTS.echoesKey) return error(401, `Invalid API Key provided: ${key}`);
      const found = ACCOUNTS[id];
      return found ? { status: 200, body: found } : error(404, `No such financialconnections.account: '${id}'`, 'resource_missing');
    }
    if (request.method === 'POST' && request.path === '/v1/financial_connections/sessions') {
      const relink = request.params.relink_options as Record<string, unknown> | undefined;
      const scenario = typeof relink?.account === 'string' && relink.account !== '' ? 'no_account' : 'new_account';
      sessions += 1;
      const id = `fcsess_standIn${sessions}_${scenario}`;
      return {
        status: 200,
        body: {
          id,
          object: 'financial_connections.session',
          client_secret: `${id}_secret_standIn${sessions}`,
          livemode: false,
          relink_options: relink ?? null,
        },
      };
    }
    return error(404, `Unrecognized request URL (${request.method}: ${request.path}).`);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = ({ status, body }: Reply): void => {
        res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_standIn${requests.length}` });
        res.end(JSON.stringify(body));
      };
      const path = req.url ?? '';
      if (path === RECORDINGS_PATH) {
        if (req.method === 'DELETE') requests.length = 0;
        return send({ status: 200, body: requests });
      }
      const request: RecordedStripeRequest = {
        method: req.method ?? '',
        path,
        headers: req.headers,
        params: decodeStripeForm(Buffer.concat(chunks).toString('utf8')),
      };
      requests.push(request);
      send(reply(request));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((thrown) => (thrown ? reject(thrown) : resolve()));
      }),
  };
}
