import { expect } from '@open-wc/testing';
import { checkClientSecret, checkPublishableKey, checkStripeAccount, checkStripeOptions, isSecretKey, redact } from '@fc-relink/core';

describe('checkClientSecret', () => {
  const table: Array<[unknown, string | null]> = [
    ['fcsess_1NabcDEF_secret_XyZ123', null],
    ['fcsess_client_secret_UsESkKYzeiRcivgDJZfxZRFh', null],
    ['  fcsess_abc_secret_def  ', null],
    ['', 'missing_configuration'],
    ['   ', 'missing_configuration'],
    [undefined, 'missing_configuration'],
    [42, 'missing_configuration'],
    ['sk_test_51Habc', 'secret_key_in_browser'],
    ['rk_live_abc', 'secret_key_in_browser'],
    ['pk_test_abc', 'invalid_client_secret'],
    ['seti_123_secret_456', 'invalid_client_secret'],
    ['pi_123_secret_456', 'invalid_client_secret'],
    ['fcsess_123', 'invalid_client_secret'],
    ['fcsess_abc_secret_', 'invalid_client_secret'],
    ['fcsess_a b_secret_c', 'invalid_client_secret'],
    ['SK_TEST_51Habc', 'secret_key_in_browser'],
    [`fcsess_${'a'.repeat(180_000)}_secret_b`, 'invalid_client_secret'],
    [`fcsess_${'a'.repeat(500)}_secret_b`, 'invalid_client_secret'],
    // A key glued inside a well-shaped secret, in any case, is a key.
    ['fcsess_abc_secret_sk_live_51Habc', 'secret_key_in_browser'],
    ['fcsess_abcRK_TEST_51H_secret_def', 'secret_key_in_browser'],
    ['fcsess_abc_secret_whsec_51Habc', 'secret_key_in_browser'],
  ];
  for (const [input, code] of table) {
    it(`${(JSON.stringify(input) ?? 'undefined').slice(0, 40)} -> ${code ?? 'ok'}`, () => {
      const error = checkClientSecret(input);
      expect(error?.code ?? null).to.equal(code);
      if (error && typeof input === 'string' && input.trim()) {
        expect(error.message).not.to.contain(input.trim());
        expect(error.retryable).to.equal(false);
      }
    });
  }

  it('says what a wrong value looks like without repeating it', () => {
    expect(checkClientSecret('seti_123_secret_456')?.message).to.contain('SetupIntent');
    expect(checkClientSecret('fcsess_123')?.message).to.contain('id, not its client_secret');
  });
});

describe('checkPublishableKey', () => {
  const table: Array<[unknown, string | null]> = [
    ['pk_test_51Habc', null],
    ['pk_live_51Habc', null],
    ['sk_test_51Habc', 'secret_key_in_browser'],
    ['rk_test_51Habc', 'secret_key_in_browser'],
    ['pk_51Habc', 'invalid_publishable_key'],
    ['fcsess_a_secret_b', 'secret_key_in_browser'],
    // A secret glued inside something shaped like a publishable key.
    ['pk_test_sk_live_51Habc', 'secret_key_in_browser'],
    ['pk_live_51HabcWHSEC_xyz', 'secret_key_in_browser'],
    ['pk_test_abc_secret_def', 'secret_key_in_browser'],
    ['', 'missing_configuration'],
    [null, 'missing_configuration'],
  ];
  for (const [input, code] of table) {
    it(`${JSON.stringify(input)} -> ${code ?? 'ok'}`, () => {
      const error = checkPublishableKey(input);
      expect(error?.code ?? null).to.equal(code);
      if (error && typeof input === 'string' && input) expect(error.message).not.to.contain(input);
    });
  }

  it('says what is wrong with the key as given: a placeholder, a bare prefix, stray characters, another prefix', () => {
    const message = (key: string): string => checkPublishableKey(key)?.message ?? '';
    expect(message('pk_test_...')).to.contain('placeholder');
    expect(message('pk_live_…')).to.contain('placeholder');
    expect(message('pk_test_')).to.contain('only a prefix');
    expect(message('pk_test_51H-abc')).to.contain('only letters, digits and _');
    expect(message('pk_51Habc')).to.contain('must start with pk_test_ or pk_live_');
    // None of them says the key must start with pk_test_ when it does.
    for (const key of ['pk_test_...', 'pk_test_', 'pk_test_51H-abc']) expect(message(key)).not.to.contain('must start with');
  });
});

describe('redact', () => {
  it('replaces client secrets and keys, and nothing else', () => {
    expect(redact('session fcsess_1Nab_secret_Xy9 failed with sk_live_abc and rk_test_x; see pk_test_y')).to.equal(
      'session [redacted] failed with [redacted] and [redacted]; see [redacted]',
    );
    expect(redact('seti_1_secret_2 and pi_3_secret_4 and whsec_5')).to.equal('[redacted] and [redacted] and [redacted]');
    expect(redact('Pass the client_secret of session fcsess_123.')).to.equal('Pass the client_secret of session fcsess_123.');
  });

  const shapes: Array<[string, string]> = [
    ['key_sk_test_51Habc', 'a key glued to a word'],
    ['xsk_live_51Habc', 'a key glued to letters'],
    ['SK_TEST_51HABC', 'a key in capitals'],
    ['Rk_Live_51Habc', 'a key in mixed case'],
    ['sk_4eC39HqLyjWDarjtT1zdp7dc', 'a legacy key without test/live'],
    ['fcsess_1Ab-cd_secret_Ef-gh', 'a secret containing -'],
    ['FCSESS_1AB_SECRET_CD', 'a secret in capitals'],
    ['whsec_abc123', 'a webhook secret'],
  ];
  for (const [secret, what] of shapes) {
    it(`catches ${what}, whatever surrounds it`, () => {
      for (const text of [secret, `(${secret})`, `"${secret}".`, `x=${secret}&y=1`, `<b>${secret}</b>`, `\n${secret}\t`]) {
        const out = redact(text);
        expect(out, text).to.contain('[redacted]');
        expect(out, text).not.to.contain(secret.slice(-4));
      }
    });
  }

  it('leaves our own wording about keys and secrets alone', () => {
    for (const text of [
      'publishableKey is not a Stripe publishable key: it must start with pk_test_ or pk_live_.',
      'Not a Financial Connections Session client secret (fcsess_..._secret_...).',
      'A secret or restricted API key (sk_/rk_) was given.',
      'Pass the client_secret, not the session id fcsess_123.',
    ]) {
      expect(redact(text)).to.equal(text);
    }
  });

  it('cuts a text longer than any message before reading it, and redacts what is left', () => {
    const out = redact(`${'a'.repeat(99_990)} fcsess_1_secret_2 ${'b'.repeat(100_000)}`);
    expect(out.length).to.equal(2001);
    expect(out.endsWith('…')).to.equal(true);
    expect(redact(`sk_live_abc ${'c'.repeat(100_000)}`).startsWith('[redacted] ccc')).to.equal(true);
  });

  it('isSecretKey tells sk_/rk_ keys', () => {
    expect([isSecretKey('sk_test_1'), isSecretKey(' rk_live_1'), isSecretKey('pk_test_1'), isSecretKey(3)]).to.deep.equal([true, true, false, false]);
  });
});

describe('checkStripeAccount and checkStripeOptions', () => {
  it('passes a Connect account, and treats empty or non-strings as none', () => {
    expect(checkStripeAccount(' acct_123 ')).to.deep.equal({ stripeAccount: 'acct_123' });
    for (const none of ['', '  ', null, undefined, 42, {}]) expect(checkStripeAccount(none)).to.deep.equal({ stripeAccount: undefined });
  });

  it('refuses a key as the account, before anything loads', () => {
    for (const key of ['sk_test_51Habc', 'xsk_live_51Habc', 'RK_TEST_abc', 'acct_1whsec_abc', 'acct_1_secret_abc']) {
      const refused = checkStripeAccount(key);
      expect(refused).to.deep.include({ type: 'error', code: 'secret_key_in_browser' });
      expect(JSON.stringify(refused)).not.to.contain(key);
    }
    expect(checkStripeAccount(`acct_${'a'.repeat(1_000_000)}`)).to.deep.include({ code: 'missing_configuration' });
  });

  it('copies the options as plain data, keys sorted', () => {
    const options = { locale: 'de', betas: ['x'], apiVersion: '2026-01-28.preview' };
    const checked = checkStripeOptions(options);
    if ('type' in checked) throw new Error(checked.message);
    expect(checked.stripeOptions).to.deep.equal(options);
    expect(checked.stripeOptions).not.to.equal(options);
    expect(checked.json).to.equal('{"apiVersion":"2026-01-28.preview","betas":["x"],"locale":"de"}');
    expect(checkStripeOptions(null)).to.deep.equal({ stripeOptions: {}, json: '{}' });
  });

  it('refuses a key anywhere inside, huge options, non-objects and throwing getters, without throwing', () => {
    const throwing = { get locale(): string { throw new Error('getter sk_test_51Hzz'); } };
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: Array<[unknown, string]> = [
      [{ nested: { deeper: ['fine', 'sk_live_51Habc'] } }, 'secret_key_in_browser'],
      [{ stripeAccount: 'sk_test_51Habc' }, 'secret_key_in_browser'],
      [{ betas: ['beta_1whsec_abc'] }, 'secret_key_in_browser'],
      [{ note: 'fcsess_1_secret_abc' }, 'secret_key_in_browser'],
      [{ note: 'SK_LIVE_51Habc' }, 'secret_key_in_browser'],
      [{ locale: 'x'.repeat(1_000_000) }, 'missing_configuration'],
      ['x'.repeat(1_000_000), 'missing_configuration'],
      [[1, 2], 'missing_configuration'],
      [42, 'missing_configuration'],
      [throwing, 'missing_configuration'],
      [cyclic, 'missing_configuration'],
    ];
    for (const [input, code] of cases) {
      const out = checkStripeOptions(input);
      expect(out, code).to.deep.include({ type: 'error', code });
      expect(JSON.stringify(out)).not.to.match(/sk_(?:test|live)_51/);
      expect(JSON.stringify(out).length).to.be.below(3000);
    }
  });
});
