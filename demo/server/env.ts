/**
 * How the demo server is set up, read once from its environment:
 *
 * - `STRIPE_SECRET_KEY` and `STRIPE_PUBLISHABLE_KEY`: both set (test mode) → the example server
 *   talks to Stripe with your key, and the page loads the real Stripe.js. Neither → fake Stripe (the
 *   default): the stand-in for Stripe's API and the fake Stripe.js. Anything in between (one key,
 *   keys in the wrong slots, live keys) → fake Stripe, with a notice saying what is wrong. No
 *   message ever contains a key.
 * - `STRIPE_WEBHOOK_SECRET` (with the keys; optional): the signing secret (`whsec_...`) of the
 *   events Stripe sends to the example server's `POST /webhook` (`stripe listen --forward-to
 *   127.0.0.1:5173/webhook`). Without it, no event is accepted.
 * - `FC_RELINK_STRIPE`: where Stripe.js comes from, `fake` (served by the playground) or
 *   `network` (js.stripe.com). Unset, it follows the keys. `fake` with keys set keeps the fake
 *   and ignores the keys.
 * - `FC_RELINK_STRIPE_API`: an http(s) URL the `stripe` SDK sends its API requests to instead of
 *   api.stripe.com (stripe-mock, or the end-to-end tests' stand-in). Optional.
 *
 * Pure: it reads the object it is given, never `process.env` itself.
 */
import type { PlaygroundServerConfig } from '../src/shared/api.js';

export type StripeJsSource = 'fake' | 'network';

/** Where the SDK sends API requests, when not api.stripe.com. */
export interface StripeApiTarget {
  protocol: 'http' | 'https';
  host: string;
  port: number;
}

export type StripeKeys =
  | { kind: 'ready'; secretKey: string; publishableKey: string; api: StripeApiTarget | null; webhookSecret: string | null }
  | {
      kind: 'unavailable';
      code: 'stripe_keys_missing' | 'stripe_keys_invalid' | 'stripe_disabled';
      /** Why, for the terminal. */
      message: string;
    };

export interface PlaygroundEnv {
  stripeJs: StripeJsSource;
  keys: StripeKeys;
  /** What the page is told. */
  page: PlaygroundServerConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

const SECRET_KEY = /^(?:sk|rk)_test_[A-Za-z0-9]+$/;
const PUBLISHABLE_KEY = /^pk_test_[A-Za-z0-9]+$/;

const HOW =
  'Set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY to the secret and publishable keys of a Stripe ' +
  'account in test mode, then restart the demo server.';

export const KEYS_MISSING_MESSAGE =
  `Real relink sessions need Stripe keys, and the demo server has none. ${HOW} ` +
  'Without them the playground plays fake Stripe.';

function value(env: Env, name: string): string {
  return (env[name] ?? '').trim();
}

/** Names what is wrong with the keys, or `null` when they are a usable test-mode pair. Never echoes a key. */
function keysProblem(secret: string, publishable: string): string | null {
  if (secret === '' || publishable === '') {
    const missing = secret === '' ? 'STRIPE_SECRET_KEY' : 'STRIPE_PUBLISHABLE_KEY';
    const set = secret === '' ? 'STRIPE_PUBLISHABLE_KEY' : 'STRIPE_SECRET_KEY';
    return `${set} is set but ${missing} is not. ${HOW}`;
  }
  if (/^(?:sk|rk)_/.test(publishable)) {
    return (
      'STRIPE_PUBLISHABLE_KEY holds a secret key. It was not used, and is never sent to the page: put the ' +
      `publishable key there and the secret key in STRIPE_SECRET_KEY. ${HOW}`
    );
  }
  if (secret.startsWith('pk_')) {
    return `STRIPE_SECRET_KEY holds a publishable key: put the secret key there. ${HOW}`;
  }
  if (/^(?:sk|rk|pk)_live_/.test(secret) || /^(?:sk|rk|pk)_live_/.test(publishable)) {
    return (
      'The playground uses test-mode keys only, and a live-mode key is set: live sessions would relink ' +
      `real bank accounts. ${HOW}`
    );
  }
  if (!SECRET_KEY.test(secret)) {
    return `STRIPE_SECRET_KEY is not a Stripe secret key (nor a restricted key) in test mode. ${HOW}`;
  }
  if (!PUBLISHABLE_KEY.test(publishable)) {
    return `STRIPE_PUBLISHABLE_KEY is not a Stripe publishable key in test mode. ${HOW}`;
  }
  return null;
}

function stripeJsRequested(env: Env): StripeJsSource | null {
  const requested = value(env, 'FC_RELINK_STRIPE').toLowerCase();
  if (requested === '') return null;
  if (requested === 'fake' || requested === 'network') return requested;
  // Safe to echo: it is not a key (and refusing names the variable only when it looks like one).
  const shown = /^[a-z]{1,20}$/.test(requested) ? ` "${requested}"` : '';
  throw new Error(`FC_RELINK_STRIPE must be "fake" or "network", not${shown || ' that value'}.`);
}

function stripeApi(env: Env): StripeApiTarget | null {
  const raw = value(env, 'FC_RELINK_STRIPE_API');
  if (raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error('FC_RELINK_STRIPE_API must be an http(s) URL, such as http://127.0.0.1:12111.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error('FC_RELINK_STRIPE_API must be an http(s) URL, such as http://127.0.0.1:12111.');
  }
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { protocol, host: url.hostname, port: url.port ? Number(url.port) : protocol === 'http' ? 80 : 443 };
}

/** The webhook signing secret, when set; never echoed. */
function webhookSecret(env: Env): string | null {
  const raw = value(env, 'STRIPE_WEBHOOK_SECRET');
  if (raw === '') return null;
  if (!/^whsec_[A-Za-z0-9]+$/.test(raw)) throw new Error('STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...).');
  return raw;
}

/**
 * Reads the demo server's setup. Throws (at startup, with a message naming the variable) only for
 * a malformed `FC_RELINK_STRIPE`, `FC_RELINK_STRIPE_API` or `STRIPE_WEBHOOK_SECRET`; key problems
 * never throw.
 */
export function readPlaygroundEnv(env: Env): PlaygroundEnv {
  const requested = stripeJsRequested(env);
  const api = stripeApi(env);
  const signing = webhookSecret(env);
  const secret = value(env, 'STRIPE_SECRET_KEY');
  const publishable = value(env, 'STRIPE_PUBLISHABLE_KEY');

  let keys: StripeKeys;
  let notice: string | null = null;
  if (secret === '' && publishable === '') {
    keys = { kind: 'unavailable', code: 'stripe_keys_missing', message: KEYS_MISSING_MESSAGE };
  } else {
    const problem = keysProblem(secret, publishable);
    if (problem !== null) {
      const code = secret === '' || publishable === '' ? 'stripe_keys_missing' : 'stripe_keys_invalid';
      keys = { kind: 'unavailable', code, message: problem };
      notice = `The Stripe keys are not used: ${problem}`;
    } else if (requested === 'fake') {
      const message =
        'FC_RELINK_STRIPE=fake: the playground plays the fake Stripe.js and leaves STRIPE_SECRET_KEY and ' +
        'STRIPE_PUBLISHABLE_KEY unused. Unset FC_RELINK_STRIPE and restart the demo server to create real sessions.';
      keys = { kind: 'unavailable', code: 'stripe_disabled', message };
      notice = message;
    } else {
      keys = { kind: 'ready', secretKey: secret, publishableKey: publishable, api, webhookSecret: signing };
    }
  }

  const real = keys.kind === 'ready';
  return {
    stripeJs: requested ?? (real ? 'network' : 'fake'),
    keys,
    page: {
      sessions: real ? 'stripe' : 'fake',
      publishableKey: keys.kind === 'ready' ? keys.publishableKey : null,
      notice,
    },
  };
}
