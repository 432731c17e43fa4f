/**
 * How the demo server reads its environment (../server/env.ts): pure, so it is tested as a
 * table, in Node.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { STAND_IN_PUBLISHABLE_KEY, STAND_IN_SECRET_KEY } from '../../test-support/stripe-api.js';
import { KEYS_MISSING_MESSAGE, readPlaygroundEnv } from '../server/env.js';

const keys = { STRIPE_SECRET_KEY: STAND_IN_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: STAND_IN_PUBLISHABLE_KEY };

describe('the environment', () => {
  test('no keys: fake sessions and the fake Stripe.js, and no notice', () => {
    assert.deepEqual(readPlaygroundEnv({}), {
      stripeJs: 'fake',
      keys: { kind: 'unavailable', code: 'stripe_keys_missing', message: KEYS_MISSING_MESSAGE },
      page: { sessions: 'fake', publishableKey: null, notice: null },
    });
    // Empty and blank count as unset (the e2e web servers unset keys that way).
    const blank = readPlaygroundEnv({ STRIPE_SECRET_KEY: '', STRIPE_PUBLISHABLE_KEY: ' ', FC_RELINK_STRIPE: 'network' });
    assert.equal(blank.stripeJs, 'network');
    assert.equal(blank.page.sessions, 'fake');
    assert.equal(blank.page.notice, null);
  });

  test('both test keys: real sessions, Stripe.js from the network, and only the publishable key for the page', () => {
    const env = readPlaygroundEnv({ ...keys, FC_RELINK_STRIPE_API: 'http://127.0.0.1:12111' });
    assert.deepEqual(env, {
      stripeJs: 'network',
      keys: {
        kind: 'ready',
        secretKey: STAND_IN_SECRET_KEY,
        publishableKey: STAND_IN_PUBLISHABLE_KEY,
        api: { protocol: 'http', host: '127.0.0.1', port: 12111 },
        webhookSecret: null,
      },
      page: { sessions: 'stripe', publishableKey: STAND_IN_PUBLISHABLE_KEY, notice: null },
    });
    assert.ok(!JSON.stringify(env.page).includes(STAND_IN_SECRET_KEY));
    // A restricted key works as the secret one.
    assert.equal(readPlaygroundEnv({ ...keys, STRIPE_SECRET_KEY: 'rk_test_restricted1' }).page.sessions, 'stripe');
  });

  test('STRIPE_WEBHOOK_SECRET: the signing secret of the events Stripe sends, kept from the page', () => {
    const env = readPlaygroundEnv({ ...keys, STRIPE_WEBHOOK_SECRET: 'whsec_playground1' });
    assert.equal(env.keys.kind === 'ready' && env.keys.webhookSecret, 'whsec_playground1');
    assert.ok(!JSON.stringify(env.page).includes('whsec_'));
    assert.throws(() => readPlaygroundEnv({ ...keys, STRIPE_WEBHOOK_SECRET: 'sk_test_notOne' }), (error: Error) => {
      assert.equal(error.message, 'STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...).');
      return true;
    });
  });

  test('FC_RELINK_STRIPE_API: https and default ports; unset means api.stripe.com', () => {
    const api = (url: string) => {
      const read = readPlaygroundEnv({ ...keys, FC_RELINK_STRIPE_API: url }).keys;
      return read.kind === 'ready' ? read.api : 'unavailable';
    };
    assert.deepEqual(api('https://stripe-mock.example'), { protocol: 'https', host: 'stripe-mock.example', port: 443 });
    assert.deepEqual(api('http://localhost'), { protocol: 'http', host: 'localhost', port: 80 });
    assert.equal(api(''), null);
  });

  const refused: Array<[string, Record<string, string>, 'stripe_keys_missing' | 'stripe_keys_invalid' | 'stripe_disabled', RegExp]> = [
    ['only the secret key', { STRIPE_SECRET_KEY: keys.STRIPE_SECRET_KEY }, 'stripe_keys_missing', /STRIPE_PUBLISHABLE_KEY is not/],
    ['only the publishable key', { STRIPE_PUBLISHABLE_KEY: keys.STRIPE_PUBLISHABLE_KEY }, 'stripe_keys_missing', /STRIPE_SECRET_KEY is not/],
    ['a secret key in the publishable slot', { STRIPE_SECRET_KEY: keys.STRIPE_SECRET_KEY, STRIPE_PUBLISHABLE_KEY: 'sk_test_wrongSlot1' }, 'stripe_keys_invalid', /STRIPE_PUBLISHABLE_KEY holds a secret key/],
    ['a publishable key in the secret slot', { STRIPE_SECRET_KEY: 'pk_test_wrongSlot2', STRIPE_PUBLISHABLE_KEY: keys.STRIPE_PUBLISHABLE_KEY }, 'stripe_keys_invalid', /STRIPE_SECRET_KEY holds a publishable key/],
    ['swapped keys', { STRIPE_SECRET_KEY: keys.STRIPE_PUBLISHABLE_KEY, STRIPE_PUBLISHABLE_KEY: keys.STRIPE_SECRET_KEY }, 'stripe_keys_invalid', /holds a secret key/],
    ['live keys', { STRIPE_SECRET_KEY: 'sk_live_real1', STRIPE_PUBLISHABLE_KEY: 'pk_live_real1' }, 'stripe_keys_invalid', /test-mode keys only/],
    ['a key that is not one', { STRIPE_SECRET_KEY: 'hunter2', STRIPE_PUBLISHABLE_KEY: keys.STRIPE_PUBLISHABLE_KEY }, 'stripe_keys_invalid', /not a Stripe secret key/],
    ['FC_RELINK_STRIPE=fake', { ...keys, FC_RELINK_STRIPE: 'fake' }, 'stripe_disabled', /FC_RELINK_STRIPE=fake/],
  ];
  for (const [name, env, code, says] of refused) {
    test(`refused, with a notice and never the key: ${name}`, () => {
      const read = readPlaygroundEnv(env);
      assert.equal(read.keys.kind, 'unavailable');
      assert.deepEqual(Object.keys(read.keys).sort(), ['code', 'kind', 'message']);
      assert.equal(read.keys.kind === 'unavailable' && read.keys.code, code);
      assert.match(read.keys.kind === 'unavailable' ? read.keys.message : '', says);
      assert.deepEqual(Object.keys(read.page).sort(), ['notice', 'publishableKey', 'sessions']);
      assert.equal(read.page.sessions, 'fake');
      assert.equal(read.page.publishableKey, null);
      assert.match(read.page.notice ?? '', says);
      assert.equal(read.stripeJs, 'fake');
      const told = JSON.stringify(read);
      for (const value of Object.values(env)) if (value !== 'fake') assert.ok(!told.includes(value), `${name}: the environment's ${value} is repeated`);
    });
  }

  test('a malformed FC_RELINK_STRIPE or FC_RELINK_STRIPE_API stops the server at startup', () => {
    assert.throws(() => readPlaygroundEnv({ FC_RELINK_STRIPE: 'real' }), { message: 'FC_RELINK_STRIPE must be "fake" or "network", not "real".' });
    assert.throws(() => readPlaygroundEnv({ FC_RELINK_STRIPE: 'sk_test_oops' }), { message: /^FC_RELINK_STRIPE must be "fake" or "network", not that value\.$/ });
    assert.throws(() => readPlaygroundEnv({ FC_RELINK_STRIPE_API: 'ftp://example.com' }), { message: /FC_RELINK_STRIPE_API must be an http\(s\) URL/ });
    assert.throws(() => readPlaygroundEnv({ FC_RELINK_STRIPE_API: 'not a url' }), { message: /FC_RELINK_STRIPE_API must be an http\(s\) URL/ });
  });
});
