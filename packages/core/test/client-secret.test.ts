import { expect } from '@open-wc/testing';
import { acceptFetchedSecret, chooseClientSecret, type ClientSecretChoiceInput } from '@fc-relink/core';

const FRESH = 'fcsess_fresh_secret_one';
const USED = 'fcsess_used_secret_two';
const used = new Set([USED]);

type Expected = 'send' | 'fetch' | `refuse:${string}`;

/** SPEC section 3 ("A secret that reached Stripe is never sent again"), one row per case. */
const table: Array<[ClientSecretChoiceInput['purpose'], unknown, boolean, Expected]> = [
  // purpose, page secret, fetchClientSecret, choice
  ['initial', FRESH, false, 'send'],
  ['initial', FRESH, true, 'send'],
  ['initial', `  ${FRESH}  `, false, 'send'],
  ['initial', USED, false, 'refuse:client_secret_used'],
  ['initial', USED, true, 'fetch'],
  ['initial', '', true, 'fetch'],
  ['initial', '', false, 'refuse:missing_configuration'],
  ['initial', 42, false, 'refuse:missing_configuration'],
  ['initial', 42, true, 'fetch'],
  ['initial', 'sk_test_51Habc', true, 'refuse:secret_key_in_browser'],
  ['initial', 'seti_1_secret_2', false, 'refuse:invalid_client_secret'],
  ['retry', FRESH, true, 'fetch'],
  ['retry', USED, true, 'fetch'],
  ['retry', '', true, 'fetch'],
  ['retry', FRESH, false, 'send'],
  ['retry', USED, false, 'refuse:client_secret_used'],
  ['retry', '', false, 'refuse:missing_configuration'],
  ['authorization_retry', FRESH, true, 'fetch'],
  ['authorization_retry', USED, true, 'fetch'],
  ['authorization_retry', FRESH, false, 'refuse:missing_configuration'],
  ['authorization_retry', USED, false, 'refuse:missing_configuration'],
];

describe('chooseClientSecret: which secret an attempt sends', () => {
  for (const [purpose, pageSecret, canFetch, expected] of table) {
    const label = `${purpose}, page secret ${pageSecret === FRESH ? 'fresh' : pageSecret === USED ? 'used' : JSON.stringify(pageSecret)}, ${canFetch ? 'with' : 'without'} fetchClientSecret -> ${expected}`;
    it(label, () => {
      const choice = chooseClientSecret({ purpose, pageSecret, used, canFetch });
      const got = choice.action === 'refuse' ? `refuse:${choice.error.code}` : choice.action;
      expect(got).to.equal(expected);
      if (choice.action === 'send') expect(choice.secret).to.equal(FRESH);
      if (choice.action === 'refuse') expect(choice.error.message).not.to.contain(String(pageSecret).trim() || '\u0000');
    });
  }

  it('never chooses to send a secret that reached Stripe, whatever the purpose', () => {
    for (const purpose of ['initial', 'retry', 'authorization_retry'] as const) {
      for (const canFetch of [true, false]) {
        const choice = chooseClientSecret({ purpose, pageSecret: USED, used, canFetch });
        expect(choice.action, `${purpose} ${canFetch}`).not.to.equal('send');
      }
    }
  });
});

describe('acceptFetchedSecret', () => {
  const table: Array<[unknown, string | null]> = [
    [FRESH, null],
    [` ${FRESH}\n`, null],
    [USED, 'client_secret_used'],
    [null, 'client_secret_fetch_failed'],
    [{ clientSecret: FRESH }, 'client_secret_fetch_failed'],
    ['sk_live_51Habc', 'secret_key_in_browser'],
    ['pi_1_secret_2', 'invalid_client_secret'],
    [`fcsess_${'x'.repeat(200_000)}_secret_y`, 'invalid_client_secret'],
  ];
  for (const [value, code] of table) {
    it(`${(JSON.stringify(value) ?? '').slice(0, 30)} -> ${code ?? 'accepted'}`, () => {
      const out = acceptFetchedSecret(value, used);
      if (code === null) expect(out).to.equal(FRESH);
      else expect(out).to.deep.include({ type: 'error', code });
    });
  }
});
