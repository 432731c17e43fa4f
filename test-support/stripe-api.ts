/**
 * A stand-in for api.stripe.com on 127.0.0.1, the one every suite uses: the server package's
 * tests (packages/server/test), the demo server's (demo/test) and the real-Stripe playground of
 * the e2e run (e2e/global-setup.ts). The real `stripe` SDK talks to it over HTTP; it answers the
 * requests a relink needs the way Stripe does, and records each request as it arrived on the
 * wire, with its form body decoded by `qs`, the library the SDK encodes it with. Node only.
 *
 * Like Stripe, it refuses a request without its secret key (401), and it answers as Stripe does at
 * the API version each request names (`Stripe-Version`, else the SDK's own), so a request at the
 * wrong version fails a test instead of production:
 * - at a GA version (`YYYY-MM-DD.name`) an account has no `authorization` and no
 *   `status_details.inactive`, a session no `relink_options`, `relink_result`, `status`,
 *   `ui_mode`, `hosted` or `url`; creating a session with `relink_options`, `ui_mode` or `hosted`
 *   is Stripe's `invalid_request_error` ("Received unknown parameter"), and Authorizations cannot
 *   be retrieved;
 * - before 2026-06-24 (preview or GA) there is no `status_details.active`.
 *
 * Routes:
 * - `GET /v1/financial_connections/accounts/:id`: the account, from `options.accounts` (by
 *   default {@link STAND_IN_ACCOUNTS}' known ones); 404 `resource_missing` for others.
 * - `GET /v1/financial_connections/authorizations/:id`: the authorization, from
 *   {@link STAND_IN_AUTHORIZATIONS}' known ones; 404 `resource_missing` for others.
 * - `POST /v1/financial_connections/sessions`: a new session, numbered, echoing what was asked.
 *   Its id and client secret name a scenario of the fake Stripe.js (@fc-relink/testing), so the
 *   session plays coherently in a browser: `no_account` for an exact-account session
 *   (`relink_options.account` set), `new_account` for an authorization-only one.
 *   A hosted one (`ui_mode: 'hosted'`, preview versions only) needs `hosted` and `return_url`
 *   (else `parameter_missing`, as Stripe's API reference says: both are required for hosted), and
 *   delivery `url` or `email` needs `relink_options`. Delivery `url` renders the session's `url`,
 *   Stripe's page on connect.stripe.com; delivery `email` renders `url: null` and Stripe emails
 *   the account holder ({@link StripeStandIn.emails}); a holder without an email address on file
 *   ({@link StripeStandInOptions.holderEmails}) is refused, as Stripe's hosted relink requires one.
 * - `GET /v1/financial_connections/sessions/:id`: a session created here (`pending`), or one of
 *   `options.sessions`; a test ends one with {@link StripeStandIn.completeSession}, which also
 *   gives the `financial_connections.session.updated` event Stripe sends about it (or by writing
 *   its `status` and `relink_result` in {@link StripeStandIn.sessions}).
 * - `GET` / `DELETE` {@link RECORDINGS_PATH}: the recorded requests as JSON (DELETE forgets
 *   them first), for a test in another process. Not recorded itself.
 * - `POST /v1/setup_intents`: a new SetupIntent (`requires_confirmation`), numbered, echoing
 *   `customer`, `customer_account` and the payment method types; at 2026-08-26.preview, GA
 *   2026-09-30 and later `payment_method_types` is an unknown parameter (`allowed_payment_method_types`
 *   replaced it), and before 2026-07-29 `allowed_payment_method_types` is; its secret plays `setup_succeeded` in the fake.
 * - anything else: 404 `invalid_request_error`, as Stripe answers an unknown URL.
 *
 * Idempotency, as Stripe's: a `POST` with an `Idempotency-Key` (per connected account) that Stripe
 * began executing (a 200, or a 5xx) is saved; the same key again with the same method, path and
 * parameters gets that very answer back (`Idempotent-Replayed: true`) and nothing runs twice (no
 * second session, no second email); with anything else, `idempotency_error`. A request refused
 * before it ran (a 4xx) saves nothing.
 *
 * `options.respond` may answer any request first, for a test that needs Stripe to misbehave.
 *
 * One test hook, for pages that play the fake Stripe.js (the playground):
 * {@link StripeStandIn.nameNext} names the next session, or SetupIntent, after a scenario of the
 * fake (`fcsess_standIn<n>_<scenario>`, `seti_standIn<n>_<scenario>`), so that its client secret
 * makes the fake play it. Only the name changes: the checks, the object and its rendering are
 * Stripe's as for any other.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import { FAKE_IDS } from '@fc-relink/testing';
import qs from 'qs';
import Stripe from 'stripe';

/** The secret key the stand-in accepts (a test-mode key in the shape the demo server checks). */
export const STAND_IN_SECRET_KEY = 'sk_test_e2eStandIn51Keep0ut';
/** A publishable key to go with it, for pages that load Stripe.js. */
export const STAND_IN_PUBLISHABLE_KEY = 'pk_test_e2eStandIn51Public';
/** Where a test in another process reads what the stand-in received (GET), or forgets it (DELETE). */
export const RECORDINGS_PATH = '/__stand-in/requests';
/** The first day Stripe renders `status_details.active` (preview 2026-06-24.preview, GA 2026-06-24.dahlia). */
const ACTIVE_DETAILS_SINCE = '2026-06-24';
/** Session create parameters that exist at preview versions only. */
const PREVIEW_SESSION_PARAMS = ['relink_options', 'ui_mode', 'hosted'] as const;
/** A name {@link StripeStandIn.nameNext} accepts: a scenario of the fake, such as `account_relinked`. */
const SCENARIO_NAME = /^[a-z][a-z_]{0,39}$/;
/** Session fields Stripe renders at preview versions only. */
const PREVIEW_SESSION_FIELDS = ['relink_options', 'relink_result', 'status', 'status_details', 'ui_mode', 'hosted', 'url'] as const;

/** The default accounts' ids. */
export const STAND_IN_ACCOUNTS = {
  /** Inactive, `relink_required`: the fake Stripe.js's checking account. */
  relinkable: FAKE_IDS.account,
  active: 'fca_standInActive',
  /** Inactive with `action: 'none'`: not repairable. */
  closed: 'fca_standInClosed',
  /** Active, but Stripe expects it to deactivate on {@link STAND_IN_EXPIRES}: relink recommended. */
  expiring: 'fca_standInExpiring',
  /** Active, the same customer's: the fake Stripe.js's new account, that a widened relink links. */
  fresh: FAKE_IDS.newAccount,
  /** Active, another customer's. */
  stranger: 'fca_standInStranger',
  /** Unknown to the stand-in: 404 `resource_missing`. */
  missing: 'fca_standInMissing',
} as const;

/** The authorizations' ids (`GET /v1/financial_connections/authorizations/:id`). */
export const STAND_IN_AUTHORIZATIONS = {
  /** Active, but Stripe expects it to deactivate on {@link STAND_IN_EXPIRES}. */
  expiring: 'fcauthz_standInExpiring',
  /** Inactive, a relink repairs it. */
  inactive: 'fcauthz_standInInactive',
} as const;

/** What the stand-in answers. */
export interface Reply {
  status: number;
  body: unknown;
  /** Extra response headers (`idempotent-replayed`). */
  headers?: Record<string, string>;
}

/** One request as it arrived. */
export interface StripeRequest {
  method: string;
  /** Path and query, e.g. `/v1/financial_connections/sessions`. */
  path: string;
  /** Header names in lower case, as Node gives them. */
  headers: IncomingHttpHeaders;
  /** The raw form body. */
  body: string;
  /** The form body as `[name, value]` pairs, in the order sent. */
  form: Array<[string, string]>;
  /** The form body decoded by `qs` (`a[b][0]=x` → `{ a: { b: ['x'] } }`; an empty value stays `''`). */
  params: Record<string, unknown>;
}

/** One request and the stand-in's answer to it. */
export interface RecordedStripeRequest extends StripeRequest {
  reply: Reply;
}

/** Answers a request itself, or returns `undefined` to let the stand-in answer as Stripe. */
export type Responder = (request: StripeRequest) => Reply | undefined;

export interface StripeStandInOptions {
  /** Default 0: any free port. */
  port?: number;
  /** The accounts `GET /v1/financial_connections/accounts/:id` knows, by id. Default: the stand-in's own. */
  accounts?: Readonly<Record<string, unknown>>;
  /** Sessions `GET /v1/financial_connections/sessions/:id` knows from the start, by id, as a preview version renders them. */
  sessions?: Readonly<Record<string, Record<string, unknown>>>;
  /** Asked first about every request. */
  respond?: Responder;
  /**
   * The email address Stripe has for each account holder (a Customer `cus_...`, a customer
   * Account or a connected account `acct_...`), by id: where a hosted relink of delivery `email`
   * goes. Default: {@link STAND_IN_CUSTOMER}'s, {@link STAND_IN_CUSTOMER_EMAIL}.
   */
  holderEmails?: Readonly<Record<string, string>>;
}

/** An email Stripe sent for a hosted relink of delivery `email`. */
export interface StandInEmail {
  /** The account holder it went to, as the session names it, and the address Stripe has for it. */
  to: { holder: string; email: string };
  /** The session it invites the customer to. */
  session: string;
  /** The link in it: Stripe's hosted page for that session. */
  link: string;
  /** When it was sent, unix seconds. */
  sentAt: number;
}

/** How a test ends a session: what the customer did on Stripe's page. */
export interface SessionEnd {
  status: 'succeeded' | 'failed' | 'cancelled';
  /**
   * Default: for `succeeded`, the requested account (or, without one, the same authorization)
   * relinked; for `failed` and `cancelled`, nothing relinked, `failure_reason: 'other'`.
   */
  relink_result?: { account: string | null; authorization: string | null; failure_reason: string | null };
  /** The accounts the session linked. Default: `relink_result.account`, if any. */
  accounts?: readonly string[];
}

export interface StripeStandIn {
  port: number;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Every request so far, oldest first; empty it to forget them. */
  requests: RecordedStripeRequest[];
  /** Every session it knows, by id, as a preview version renders it: change one to end it. */
  sessions: Map<string, Record<string, unknown>>;
  /** Every email Stripe sent for a hosted relink, oldest first. */
  emails: StandInEmail[];
  /**
   * Ends a session as the customer's visit to Stripe's page would (its `status`, `relink_result`
   * and `accounts`; a hosted session's `url` is gone) and returns the
   * `financial_connections.session.updated` event Stripe then sends, rendered at `apiVersion`
   * (default: the SDK's own GA version, as a webhook endpoint renders it), unsigned: sign its JSON
   * with `stripe.webhooks.generateTestHeaderString`. Throws for a session it does not know.
   */
  completeSession(id: string, end: SessionEnd, apiVersion?: string): Record<string, unknown>;
  /**
   * The test hook: the next session (`'session'`) or SetupIntent (`'setup_intent'`) created is
   * named after `scenario`, a scenario of the fake Stripe.js (@fc-relink/testing), instead of the
   * default (`no_account` or `new_account` for a session, by its `relink_options`; nothing for a
   * SetupIntent). Its id is `fcsess_standIn<n>_<scenario>` (`seti_standIn<n>_<scenario>`), and its
   * client secret that id's. Used by one creation (a request Stripe refuses uses nothing); `null`
   * forgets a name not used yet. Throws a `TypeError` for a name that is not lower-case letters
   * and `_` (at most 40) or that has a `secret` part, so an id and its secret keep their shape.
   */
  nameNext(object: 'session' | 'setup_intent', scenario: string | null): void;
  /** A real SDK client with {@link STAND_IN_SECRET_KEY}, pointed at the stand-in, never retrying. */
  stripe(): Stripe;
  close(): Promise<void>;
}

/** A Stripe-shaped error answer. */
export function stripeError(status: number, type: string, message: string, code?: string): Reply {
  return { status, body: { error: { type, message, ...(code === undefined ? {} : { code }) } } };
}

/** Decodes a form body as Stripe reads it (and as the SDK's `qs.stringify` wrote it). */
function decodeForm(body: string): Record<string, unknown> {
  return qs.parse(body) as Record<string, unknown>;
}

/** When the stand-in's expiring account is expected to stop working: 2027-01-15T00:00:00Z, unix seconds. */
export const STAND_IN_EXPIRES = 1_799_971_200;

/** The customer that holds the stand-in's accounts (all but {@link STAND_IN_ACCOUNTS}' `stranger`). */
export const STAND_IN_CUSTOMER = 'cus_standIn';
/** {@link STAND_IN_CUSTOMER}'s email address. */
export const STAND_IN_CUSTOMER_EMAIL = 'jenny.rosen@example.com';

function standInAccount(id: string, status: string, details: Record<string, unknown> | null, customer = STAND_IN_CUSTOMER): Record<string, unknown> {
  return {
    id,
    object: 'financial_connections.account',
    account_holder: { type: 'customer', customer },
    authorization: FAKE_IDS.authorization,
    category: 'cash',
    display_name: 'Everyday Checking',
    institution_name: 'StripeBank',
    last4: '6789',
    livemode: false,
    status,
    status_details: details ?? {},
    subcategory: 'checking',
  };
}

/**
 * The stand-in's own accounts ({@link STAND_IN_ACCOUNTS}), as new objects, for
 * `options.accounts`: its `expiring` one expected to deactivate on `expires` (unix seconds;
 * default {@link STAND_IN_EXPIRES}), for a page that shows a date ahead of today.
 */
export function standInAccounts(expires: number = STAND_IN_EXPIRES): Record<string, unknown> {
  return {
    [STAND_IN_ACCOUNTS.relinkable]: standInAccount(STAND_IN_ACCOUNTS.relinkable, 'inactive', { inactive: { action: 'relink_required', cause: 'access_expired' } }),
    [STAND_IN_ACCOUNTS.active]: standInAccount(STAND_IN_ACCOUNTS.active, 'active', null),
    [STAND_IN_ACCOUNTS.closed]: standInAccount(STAND_IN_ACCOUNTS.closed, 'inactive', { inactive: { action: 'none', cause: 'account_closed' } }),
    [STAND_IN_ACCOUNTS.expiring]: standInAccount(STAND_IN_ACCOUNTS.expiring, 'active', {
      active: { action: 'relink_required', cause: 'access_expired', expected_deactivation_date: expires },
    }),
    [STAND_IN_ACCOUNTS.fresh]: standInAccount(STAND_IN_ACCOUNTS.fresh, 'active', null),
    [STAND_IN_ACCOUNTS.stranger]: standInAccount(STAND_IN_ACCOUNTS.stranger, 'active', null, 'cus_standInStranger'),
  };
}

const DEFAULT_ACCOUNTS: Readonly<Record<string, unknown>> = standInAccounts();

function standInAuthorization(id: string, status: string, details: Record<string, unknown>): Record<string, unknown> {
  return { id, object: 'financial_connections.authorization', institution_name: 'StripeBank', livemode: false, status, status_details: details };
}

const AUTHORIZATIONS: Readonly<Record<string, unknown>> = {
  [STAND_IN_AUTHORIZATIONS.expiring]: standInAuthorization(STAND_IN_AUTHORIZATIONS.expiring, 'active', {
    active: { action: 'relink_required', expected_deactivation_date: STAND_IN_EXPIRES },
  }),
  [STAND_IN_AUTHORIZATIONS.inactive]: standInAuthorization(STAND_IN_AUTHORIZATIONS.inactive, 'inactive', { inactive: { action: 'relink_required' } }),
};

/** An API version as the stand-in reads it: its date, and whether it is a preview. */
interface ApiVersion {
  date: string;
  preview: boolean;
}

/** The `Stripe-Version` a request names; without one, the version the SDK itself pins (an account's default). */
function apiVersionOf(header: string | string[] | undefined): ApiVersion | null {
  const version = typeof header === 'string' ? header : Stripe.API_VERSION;
  const match = /^(\d{4}-\d{2}-\d{2})\.([a-z]+)$/.exec(version);
  return match ? { date: match[1]!, preview: match[2] === 'preview' } : null;
}

/** An account or authorization as Stripe renders it at `version`. */
function renderStatusObject(object: unknown, version: ApiVersion): unknown {
  if (!isPlainObject(object)) return object;
  const rendered = { ...object };
  if (!version.preview) delete rendered['authorization'];
  const details = isPlainObject(rendered['status_details']) ? { ...rendered['status_details'] } : null;
  if (details !== null) {
    if (!version.preview) delete details['inactive'];
    if (version.date < ACTIVE_DETAILS_SINCE) delete details['active'];
    rendered['status_details'] = details;
  }
  return rendered;
}

/** A session as Stripe renders it at `version`. */
function renderSession(session: Record<string, unknown>, version: ApiVersion): Record<string, unknown> {
  const rendered = { ...session };
  if (!version.preview) for (const field of PREVIEW_SESSION_FIELDS) delete rendered[field];
  return rendered;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** As Stripe shows a key it refuses: its prefix and last four characters. */
function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}` : '*'.repeat(key.length);
}

/** Stripe's answer to a URL it does not know (at that version). */
function unrecognizedUrl(request: StripeRequest): Reply {
  return stripeError(404, 'invalid_request_error', `Unrecognized request URL (${request.method}: ${request.path}).`);
}

/** Stripe's answer to a required parameter that is missing. */
function missingParam(name: string): Reply {
  return { status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_missing', param: name, message: `Missing required param: ${name}.` } } };
}

/** The id of the account holder a session's `account_holder` names, or `null`. */
function holderOf(holder: unknown): string | null {
  if (!isPlainObject(holder)) return null;
  for (const field of ['customer', 'customer_account', 'account']) {
    if (typeof holder[field] === 'string' && holder[field] !== '') return holder[field];
  }
  return null;
}

/** An `Idempotency-Key`'s first request and Stripe's answer to it. */
interface SavedRequest {
  method: string;
  path: string;
  params: Record<string, unknown>;
  reply: Reply;
}

/** Starts the stand-in. */
export async function startStripeStandIn(options: StripeStandInOptions = {}): Promise<StripeStandIn> {
  const { port: wanted = 0, accounts = DEFAULT_ACCOUNTS, respond = () => undefined } = options;
  const holderEmails: Readonly<Record<string, string>> = options.holderEmails ?? { [STAND_IN_CUSTOMER]: STAND_IN_CUSTOMER_EMAIL };
  const requests: RecordedStripeRequest[] = [];
  const sessions = new Map<string, Record<string, unknown>>(Object.entries(options.sessions ?? {}));
  const emails: StandInEmail[] = [];
  const idempotent = new Map<string, SavedRequest>();
  let sessionCount = 0;
  let setupIntents = 0;
  let events = 0;
  /** {@link StripeStandIn.nameNext}'s names, until a creation uses them. */
  const nextNames: { session: string | null; setup_intent: string | null } = { session: null, setup_intent: null };
  const nameNext = (object: 'session' | 'setup_intent', scenario: string | null): void => {
    if (object !== 'session' && object !== 'setup_intent') throw new TypeError("nameNext names a 'session' or a 'setup_intent'.");
    if (scenario !== null && (typeof scenario !== 'string' || !SCENARIO_NAME.test(scenario) || /(?:^|_)secret(?:_|$)/.test(scenario))) {
      throw new TypeError('nameNext takes a scenario name: lower-case letters and "_", at most 40, and no "secret" part.');
    }
    nextNames[object] = scenario;
  };

  /** A hosted session's checks, as Stripe makes them; `undefined` when it may be created. */
  const refuseHosted = (params: Record<string, unknown>): Reply | undefined => {
    const uiMode = params.ui_mode ?? 'modal';
    if (uiMode !== 'modal' && uiMode !== 'hosted') {
      return stripeError(400, 'invalid_request_error', 'Invalid ui_mode: must be one of modal or hosted', 'parameter_invalid_string');
    }
    if (uiMode !== 'hosted') return undefined;
    if (!isPlainObject(params.hosted)) return missingParam('hosted');
    if (typeof params.return_url !== 'string' || params.return_url === '') return missingParam('return_url');
    const delivery = params.hosted.delivery_method ?? 'url';
    if (delivery !== 'url' && delivery !== 'email') {
      return stripeError(400, 'invalid_request_error', 'Invalid hosted[delivery_method]: must be one of email or url', 'parameter_invalid_string');
    }
    if (!isPlainObject(params.relink_options)) {
      return stripeError(400, 'invalid_request_error', 'You can only use the values `email` and `url` for hosted[delivery_method] if you provide `relink_options`.');
    }
    if (delivery === 'email') {
      const holder = holderOf(params.account_holder);
      if (holder === null || !Object.hasOwn(holderEmails, holder)) {
        return stripeError(400, 'invalid_request_error', 'Stripe can only email an account holder with an email address: add one to the account holder, or use hosted[delivery_method]=url.');
      }
    }
    return undefined;
  };

  const completeSession = (id: string, end: SessionEnd, apiVersion: string = Stripe.API_VERSION): Record<string, unknown> => {
    const session = sessions.get(id);
    const version = apiVersionOf(apiVersion);
    if (session === undefined || version === null) throw new Error(`The stand-in knows no session ${id} (or version ${apiVersion}).`);
    const asked = isPlainObject(session['relink_options']) ? session['relink_options'] : {};
    const requested = typeof asked['account'] === 'string' ? asked['account'] : null;
    const authorization = typeof asked['authorization'] === 'string' ? asked['authorization'] : null;
    const result =
      end.relink_result ??
      (end.status === 'succeeded'
        ? { account: requested, authorization, failure_reason: null }
        : { account: null, authorization: null, failure_reason: 'other' });
    const linked = end.accounts ?? (result.account === null ? [] : [result.account]);
    session['status'] = end.status;
    session['relink_result'] = result;
    session['accounts'] = { object: 'list', data: linked.map((account) => ({ id: account, object: 'financial_connections.account' })), has_more: false, url: '/v1/financial_connections/accounts' };
    // Stripe renders a hosted session's `url` only while the session is active.
    if (session['ui_mode'] === 'hosted') session['url'] = null;
    events += 1;
    return {
      id: `evt_standIn${events}`,
      object: 'event',
      api_version: apiVersion,
      created: Math.floor(Date.now() / 1000),
      data: { object: renderSession(session, version) },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: 'financial_connections.session.updated',
    };
  };

  const answer = (request: StripeRequest): Reply => {
    const key = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    if (key !== STAND_IN_SECRET_KEY) return stripeError(401, 'invalid_request_error', `Invalid API Key provided: ${maskKey(key)}`);
    const version = apiVersionOf(request.headers['stripe-version']);
    if (version === null) return stripeError(400, 'invalid_request_error', 'Invalid Stripe API version.');
    const accountPath = /^\/v1\/financial_connections\/accounts\/([^/?]+)$/.exec(request.path);
    if (request.method === 'GET' && accountPath) {
      const id = decodeURIComponent(accountPath[1]!);
      const found = Object.hasOwn(accounts, id) ? accounts[id] : undefined;
      return found === undefined
        ? stripeError(404, 'invalid_request_error', `No such financialconnections.account: '${id}'`, 'resource_missing')
        : { status: 200, body: renderStatusObject(found, version) };
    }
    const authorizationPath = /^\/v1\/financial_connections\/authorizations\/([^/?]+)$/.exec(request.path);
    if (request.method === 'GET' && authorizationPath) {
      if (!version.preview) return unrecognizedUrl(request);
      const id = decodeURIComponent(authorizationPath[1]!);
      const found = Object.hasOwn(AUTHORIZATIONS, id) ? AUTHORIZATIONS[id] : undefined;
      return found === undefined
        ? stripeError(404, 'invalid_request_error', `No such financialconnections.authorization: '${id}'`, 'resource_missing')
        : { status: 200, body: renderStatusObject(found, version) };
    }
    const sessionPath = /^\/v1\/financial_connections\/sessions\/([^/?]+)$/.exec(request.path);
    if (request.method === 'GET' && sessionPath) {
      const id = decodeURIComponent(sessionPath[1]!);
      const found = sessions.get(id);
      return found === undefined
        ? stripeError(404, 'invalid_request_error', `No such financialconnections.session: '${id}'`, 'resource_missing')
        : { status: 200, body: renderSession(found, version) };
    }
    if (request.method === 'POST' && request.path === '/v1/financial_connections/sessions') {
      const { params } = request;
      const previewOnly = version.preview ? undefined : PREVIEW_SESSION_PARAMS.find((name) => params[name] !== undefined);
      if (previewOnly !== undefined) {
        return stripeError(400, 'invalid_request_error', `Received unknown parameter: ${previewOnly}`, 'parameter_unknown');
      }
      const refused = refuseHosted(params);
      if (refused !== undefined) return refused;
      const relink = params.relink_options as Record<string, unknown> | undefined;
      const scenario = nextNames.session ?? (typeof relink?.account === 'string' && relink.account !== '' ? 'no_account' : 'new_account');
      nextNames.session = null;
      sessionCount += 1;
      const id = `fcsess_standIn${sessionCount}_${scenario}`;
      const hosted = params.ui_mode === 'hosted' ? (params.hosted as Record<string, unknown>) : null;
      const delivery = hosted === null ? null : (hosted.delivery_method ?? 'url');
      const page = `https://connect.stripe.com/hosted/relink/${id}`;
      const session: Record<string, unknown> = {
        id,
        object: 'financial_connections.session',
        livemode: false,
        account_holder: params.account_holder || null,
        accounts: { object: 'list', data: [], has_more: false, url: '/v1/financial_connections/accounts' },
        client_secret: `${id}_secret_standIn${sessionCount}`,
        filters: params.filters ?? null,
        limits: params.limits ?? null,
        permissions: params.permissions,
        relink_options: relink ?? null,
        return_url: params.return_url ?? null,
        status: 'pending',
        ui_mode: params.ui_mode ?? 'modal',
        hosted: hosted === null ? null : { delivery_method: delivery, return_url: params.return_url },
        url: delivery === 'url' ? page : null,
      };
      sessions.set(id, session);
      if (delivery === 'email') {
        const holder = holderOf(params.account_holder)!;
        emails.push({ to: { holder, email: holderEmails[holder]! }, session: id, link: page, sentAt: Math.floor(Date.now() / 1000) });
      }
      return { status: 200, body: renderSession(session, version) };
    }
    if (request.method === 'POST' && request.path === '/v1/setup_intents') {
      const { params } = request;
      // `allowed_payment_method_types` came at 2026-07-29; it replaced `payment_method_types` at
      // 2026-08-26.preview and GA 2026-09-30.
      const replaced = version.date >= (version.preview ? '2026-08-26' : '2026-09-30');
      const unknownParam = replaced
        ? ['payment_method_types'].find((name) => params[name] !== undefined)
        : version.date < '2026-07-29' ? ['allowed_payment_method_types'].find((name) => params[name] !== undefined) : undefined;
      if (unknownParam !== undefined) {
        return stripeError(400, 'invalid_request_error', `Received unknown parameter: ${unknownParam}`, 'parameter_unknown');
      }
      setupIntents += 1;
      const named = nextNames.setup_intent;
      nextNames.setup_intent = null;
      const id = `seti_standIn${setupIntents}${named === null ? '' : `_${named}`}`;
      return {
        status: 200,
        body: {
          id,
          object: 'setup_intent',
          livemode: false,
          client_secret: `${id}_secret_standIn${setupIntents}`,
          customer: params.customer ?? null,
          customer_account: params.customer_account ?? null,
          payment_method: null,
          allowed_payment_method_types: params.allowed_payment_method_types ?? null,
          payment_method_types: params.payment_method_types ?? params.allowed_payment_method_types,
          status: 'requires_confirmation',
          usage: params.usage ?? 'off_session',
        },
      };
    }
    return unrecognizedUrl(request);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const send = ({ status, body, headers = {} }: Reply): void => {
        res.writeHead(status, { ...headers, 'content-type': 'application/json', 'request-id': `req_${requests.length}` });
        res.end(JSON.stringify(body));
      };
      const path = req.url ?? '';
      if (path === RECORDINGS_PATH) {
        if (req.method === 'DELETE') requests.length = 0;
        send({ status: 200, body: requests });
        return;
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const request: StripeRequest = {
        method: req.method ?? '',
        path,
        headers: req.headers,
        body,
        form: [...new URLSearchParams(body)],
        params: decodeForm(body),
      };
      const reply = idempotently(request, () => respond(request) ?? answer(request));
      requests.push({ ...request, reply });
      send(reply);
    });
  });
  /**
   * Stripe's idempotency: a POST's key (per connected account) replays the first answer to the
   * same request, and refuses a different one; an answer to a request refused before it ran (4xx)
   * is not saved.
   */
  function idempotently(request: StripeRequest, run: () => Reply): Reply {
    const key = request.headers['idempotency-key'];
    // Stripe authenticates first: a request without the key replays nothing.
    const authenticated = request.headers.authorization === `Bearer ${STAND_IN_SECRET_KEY}`;
    if (request.method !== 'POST' || typeof key !== 'string' || key === '' || !authenticated) return run();
    const scope = `${String(request.headers['stripe-account'] ?? '')} ${key}`;
    const saved = idempotent.get(scope);
    if (saved === undefined) {
      const reply = run();
      if (reply.status < 400 || reply.status >= 500) idempotent.set(scope, { method: request.method, path: request.path, params: request.params, reply });
      return reply;
    }
    if (saved.method === request.method && saved.path === request.path && isDeepStrictEqual(saved.params, request.params)) {
      return { ...saved.reply, headers: { ...saved.reply.headers, 'idempotent-replayed': 'true' } };
    }
    return stripeError(
      400,
      'idempotency_error',
      `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    requests,
    sessions,
    emails,
    completeSession,
    nameNext,
    stripe: () =>
      new Stripe(STAND_IN_SECRET_KEY, {
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
