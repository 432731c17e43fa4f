import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { checkClientSecret } from '@fc-relink/core';
import {
  FAKE_IDS,
  FAKE_SCENARIOS,
  fakeClientSecret,
  scenarioFromSecret,
  scenarioMode,
  type FakeScenario,
} from '../src/index.js';

describe('FAKE_SCENARIOS', () => {
  it('lists every scenario once, in the order of the SPEC table', () => {
    expect([...FAKE_SCENARIOS]).to.deep.equal([
      'account_relinked',
      'authorization_relinked',
      'new_authorization',
      'new_account',
      'no_account',
      'no_authorization',
      'other',
      'stripe_error',
      'relink_result_missing',
      'hang',
    ]);
  });

  it('cannot be changed by a test that pushes to it', () => {
    expect(() => (FAKE_SCENARIOS as FakeScenario[]).push('hang')).to.throw(TypeError);
    expect(FAKE_SCENARIOS).to.have.length(10);
  });
});

describe('FAKE_IDS', () => {
  it('has the stable ids pages can rely on', () => {
    expect({ ...FAKE_IDS }).to.deep.equal({
      authorization: 'fcauthz_fake_1',
      newAuthorization: 'fcauthz_fake_2',
      account: 'fca_fake_checking',
      otherAccount: 'fca_fake_savings',
      newAccount: 'fca_fake_new',
    });
    expect(Object.isFrozen(FAKE_IDS)).to.be.true;
  });
});

describe('scenarioMode', () => {
  const table: [FakeScenario, 'account' | 'authorization' | null][] = [
    ['account_relinked', 'account'],
    ['authorization_relinked', 'authorization'],
    ['new_authorization', 'authorization'],
    ['new_account', 'authorization'],
    ['no_account', 'account'],
    ['no_authorization', 'account'],
    ['other', 'account'],
    ['stripe_error', null],
    ['relink_result_missing', 'authorization'],
    ['hang', null],
  ];
  for (const [scenario, mode] of table) {
    it(`${scenario} is ${mode ?? 'without a mode'}`, () => {
      expect(scenarioMode(scenario)).to.equal(mode);
    });
  }

  it('gives null for names that are not scenarios, even inherited ones', () => {
    expect(scenarioMode('toString' as FakeScenario)).to.equal(null);
    expect(scenarioMode('__proto__' as FakeScenario)).to.equal(null);
  });
});

describe('scenarioFromSecret', () => {
  const table: [string, FakeScenario | null][] = [
    ['fcsess_abc_account_relinked_secret_xyz', 'account_relinked'],
    ['fcsess_abc_authorization_relinked_secret_xyz', 'authorization_relinked'],
    ['fcsess_abc_new_authorization_secret_xyz', 'new_authorization'],
    ['fcsess_abc_new_account_secret_xyz', 'new_account'],
    ['fcsess_abc_no_account_secret_xyz', 'no_account'],
    ['fcsess_abc_no_authorization_secret_xyz', 'no_authorization'],
    ['fcsess_abc_other_secret_xyz', 'other'],
    // <anything> may itself contain `_secret_`.
    ['fcsess_a_secret_b_other_secret_c', 'other'],
    ['fcsess_a_secret_b_no_account_secret_c_secret_d', 'no_account'],
    ['fcsess_abc_stripe_error_secret_xyz', 'stripe_error'],
    ['fcsess_abc_relink_result_missing_secret_xyz', 'relink_result_missing'],
    ['fcsess_abc_hang_secret_xyz', 'hang'],
    // The scenario may be the whole middle part.
    ['fcsess_hang_secret_xyz', 'hang'],
    ['fcsess_no_account_secret_1', 'no_account'],
    // Anything before it, underscores included.
    ['fcsess_a_b_c_other_secret_xyz', 'other'],
    ['fcsess_1MxYz_new_account_secret_AbC123', 'new_account'],
    // Surrounding white space is ignored, as the element ignores it.
    ['  fcsess_abc_hang_secret_xyz\n', 'hang'],
    // Of several `_secret_`, the first that ends a scenario's name decides.
    ['fcsess_abc_hang_secret_other_secret_x', 'hang'],
    // Not preceded by `_`: a different word.
    ['fcsess_abchang_secret_xyz', null],
    ['fcsess_xother_secret_xyz', null],
    // Real secrets name no scenario.
    ['fcsess_1MxYzAbCdEf_secret_GhIjKlMn', null],
    // The scenario must end the middle part.
    ['fcsess_hang_abc_secret_xyz', null],
    ['fcsess_abc_secret_hang', null],
    // Not a session secret.
    ['seti_abc_hang_secret_xyz', null],
    ['FCSESS_abc_hang_secret_xyz', null],
    ['fcsess_abc_hang', null],
    ['fcsess_abc_HANG_secret_xyz', null],
    ['fcsess__secret_x', null],
    ['fcsess_secret_x', null],
    ['sk_test_abc_hang_secret_xyz', null],
    ['', null],
  ];
  for (const [secret, scenario] of table) {
    it(`${JSON.stringify(secret)} names ${scenario ?? 'no scenario'}`, () => {
      expect(scenarioFromSecret(secret)).to.equal(scenario);
    });
  }

  it('gives null for junk of every type', () => {
    const throwing = {
      toString() {
        throw new Error('should not be called');
      },
    };
    const junk: unknown[] = [
      undefined,
      null,
      0,
      Number.NaN,
      42n,
      true,
      Symbol('fcsess_a_hang_secret_b'),
      ['fcsess_a_hang_secret_b'],
      { clientSecret: 'fcsess_a_hang_secret_b' },
      () => 'fcsess_a_hang_secret_b',
      throwing,
      new Proxy({}, { get: () => { throw new Error('trap'); } }),
      Object.create(null),
      new String('fcsess_a_hang_secret_b'),
    ];
    for (const value of junk) expect(scenarioFromSecret(value)).to.equal(null);
  });

  it('never throws and only ever answers a scenario or null (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.string(), fc.string().map((s) => `fcsess_${s}_secret_${s}`)), (value) => {
        const scenario = scenarioFromSecret(value);
        return scenario === null || FAKE_SCENARIOS.includes(scenario);
      }),
    );
  });

  it('finds the scenario after any prefix (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FAKE_SCENARIOS),
        fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
        fc.stringMatching(/^[A-Za-z0-9]{1,12}$/),
        (scenario, id, tail) => scenarioFromSecret(`fcsess_${id}_${scenario}_secret_${tail}`) === scenario,
      ),
    );
  });
});

describe('fakeClientSecret', () => {
  for (const scenario of FAKE_SCENARIOS) {
    it(`round-trips ${scenario}`, () => {
      const secret = fakeClientSecret(scenario);
      expect(secret).to.match(new RegExp(`^fcsess_fake_${scenario}_secret_[0-9a-z]+$`));
      expect(scenarioFromSecret(secret)).to.equal(scenario);
      // It passes the element's own client secret check.
      expect(checkClientSecret(secret)).to.equal(null);
    });
  }

  it('puts the given id in the session part', () => {
    const secret = fakeClientSecret('no_account', 'order_42');
    expect(secret.startsWith('fcsess_order_42_no_account_secret_')).to.be.true;
    expect(scenarioFromSecret(secret)).to.equal('no_account');
  });

  it('round-trips for any id it accepts (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FAKE_SCENARIOS), fc.stringMatching(/^[A-Za-z0-9_]{1,20}$/), (scenario, id) => {
        let secret: string;
        try {
          secret = fakeClientSecret(scenario, id);
        } catch {
          // Only ids with a `secret` part are refused.
          return /(?:^|_)secret(?:_|$)/.test(id);
        }
        return scenarioFromSecret(secret) === scenario && checkClientSecret(secret) === null;
      }),
    );
  });

  it('differs from call to call', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => fakeClientSecret('hang')));
    expect(secrets.size).to.equal(50);
  });

  it('refuses unknown scenarios and ids that would break the shape', () => {
    expect(() => fakeClientSecret('nope' as FakeScenario)).to.throw(TypeError, /unknown scenario/);
    expect(() => fakeClientSecret('hang', 'a b')).to.throw(TypeError);
    expect(() => fakeClientSecret('hang', '')).to.throw(TypeError);
    expect(() => fakeClientSecret('hang', 'x_secret_y')).to.throw(TypeError);
    expect(() => fakeClientSecret('hang', 'secret')).to.throw(TypeError);
    expect(() => fakeClientSecret('hang', 'secretary')).not.to.throw();
  });
});
