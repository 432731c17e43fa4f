import { expect } from '@open-wc/testing';
import { checkClientSecret, checkPublishableKey, isSecretKey, redact } from '@fc-relink/core';

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
  ];
  for (const [input, code] of table) {
    it(`${JSON.stringify(input) ?? 'undefined'} -> ${code ?? 'ok'}`, () => {
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
    ['fcsess_a_secret_b', 'invalid_publishable_key'],
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
});

describe('redact', () => {
  it('replaces client secrets and keys, and nothing else', () => {
    expect(redact('session fcsess_1Nab_secret_Xy9 failed with sk_live_abc and rk_test_x; see pk_test_y')).to.equal(
      'session [redacted] failed with [redacted] and [redacted]; see [redacted]',
    );
    expect(redact('seti_1_secret_2 and pi_3_secret_4 and whsec_5')).to.equal('[redacted] and [redacted] and [redacted]');
    expect(redact('Pass the client_secret of session fcsess_123.')).to.equal('Pass the client_secret of session fcsess_123.');
  });

  it('isSecretKey tells sk_/rk_ keys', () => {
    expect([isSecretKey('sk_test_1'), isSecretKey(' rk_live_1'), isSecretKey('pk_test_1'), isSecretKey(3)]).to.deep.equal([true, true, false, false]);
  });
});
