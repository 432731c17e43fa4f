import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { relinkEligibility, type RelinkEligibility } from '@fc-relink/server';
import { customerAccount, EXPIRES, expiringAccount } from './fixtures.js';

const inactive = (details: unknown) => ({ id: 'fca_1', status: 'inactive', status_details: details });

describe('relinkEligibility', () => {
  const cases: Array<[string, unknown, RelinkEligibility]> = [
    ['the guide\'s inactive account', customerAccount, { relinkable: true, reason: 'relink_required', cause: 'access_expired', expectedDeactivationDate: null }],
    [
      'inactive, relink required, institution requirement',
      inactive({ inactive: { action: 'relink_required', cause: 'institution_requirement' } }),
      { relinkable: true, reason: 'relink_required', cause: 'institution_requirement', expectedDeactivationDate: null },
    ],
    [
      'inactive, relink required, no cause',
      inactive({ inactive: { action: 'relink_required' } }),
      { relinkable: true, reason: 'relink_required', cause: null, expectedDeactivationDate: null },
    ],
    [
      'inactive, relink required, cause not a string',
      inactive({ inactive: { action: 'relink_required', cause: 3 } }),
      { relinkable: true, reason: 'relink_required', cause: null, expectedDeactivationDate: null },
    ],
    [
      'inactive, action none (a closed account)',
      inactive({ inactive: { action: 'none', cause: 'account_closed' } }),
      { relinkable: false, reason: 'not_repairable', cause: 'account_closed', expectedDeactivationDate: null },
    ],
    ['disconnected', { id: 'fca_1', status: 'disconnected' }, { relinkable: false, reason: 'not_repairable', cause: null, expectedDeactivationDate: null }],
    [
      'disconnected, with details',
      { status: 'disconnected', status_details: { inactive: { action: 'relink_required', cause: 'unspecified' } } },
      { relinkable: false, reason: 'not_repairable', cause: 'unspecified', expectedDeactivationDate: null },
    ],
    ['active', { id: 'fca_1', status: 'active', status_details: {} }, { relinkable: false, reason: 'active', cause: null, expectedDeactivationDate: null }],
    [
      'active, expected to deactivate: relink recommended, with the date',
      { status: 'active', status_details: { active: { action: 'relink_required', cause: 'access_expired', expected_deactivation_date: EXPIRES } } },
      { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: EXPIRES },
    ],
    [
      'active, relink recommended, no date or cause',
      { status: 'active', status_details: { active: { action: 'relink_required' } } },
      { relinkable: true, reason: 'relink_recommended', cause: null, expectedDeactivationDate: null },
    ],
    [
      'active, a date that is not unix seconds',
      { status: 'active', status_details: { active: { action: 'relink_required', expected_deactivation_date: '2027-01-15' } } },
      { relinkable: true, reason: 'relink_recommended', cause: null, expectedDeactivationDate: null },
    ],
    [
      'active, a negative or fractional date',
      { status: 'active', status_details: { active: { action: 'relink_required', expected_deactivation_date: -5.5 } } },
      { relinkable: true, reason: 'relink_recommended', cause: null, expectedDeactivationDate: null },
    ],
    [
      'active, action none: nothing a relink can do, the date kept',
      { status: 'active', status_details: { active: { action: 'none', cause: 'unspecified', expected_deactivation_date: EXPIRES } } },
      { relinkable: false, reason: 'active', cause: null, expectedDeactivationDate: EXPIRES },
    ],
    [
      'active, the SDK 23 shape of an account expiring soon',
      expiringAccount,
      { relinkable: true, reason: 'relink_recommended', cause: 'access_expired', expectedDeactivationDate: EXPIRES },
    ],
    [
      'an authorization expected to deactivate (no cause on authorizations)',
      { id: 'fcauthz_1', object: 'financial_connections.authorization', status: 'active', status_details: { active: { action: 'relink_required', expected_deactivation_date: EXPIRES } } },
      { relinkable: true, reason: 'relink_recommended', cause: null, expectedDeactivationDate: EXPIRES },
    ],
    [
      'an inactive authorization a relink repairs',
      { id: 'fcauthz_1', object: 'financial_connections.authorization', status: 'inactive', status_details: { inactive: { action: 'relink_required' } } },
      { relinkable: true, reason: 'relink_required', cause: null, expectedDeactivationDate: null },
    ],
    [
      'an inactive authorization a relink cannot repair',
      { id: 'fcauthz_1', object: 'financial_connections.authorization', status: 'inactive', status_details: { inactive: { action: 'none' } } },
      { relinkable: false, reason: 'not_repairable', cause: null, expectedDeactivationDate: null },
    ],
    [
      'an active authorization',
      { id: 'fcauthz_1', object: 'financial_connections.authorization', status: 'active', status_details: {} },
      { relinkable: false, reason: 'active', cause: null, expectedDeactivationDate: null },
    ],
    [
      'a getter that throws inside status_details.active',
      { status: 'active', status_details: { get active() { throw new Error('boom'); } } },
      { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null },
    ],
    [
      'active, with stray inactive details',
      { status: 'active', status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } } },
      { relinkable: false, reason: 'active', cause: null, expectedDeactivationDate: null },
    ],
    ['inactive, old API version: no status_details', { id: 'fca_1', status: 'inactive' }, { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['inactive, status_details null', inactive(null), { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['inactive, status_details empty', inactive({}), { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['inactive, inactive null', inactive({ inactive: null }), { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    [
      'inactive, unknown action keeps the cause',
      inactive({ inactive: { action: 'contact_support', cause: 'access_expired' } }),
      { relinkable: false, reason: 'unknown', cause: 'access_expired', expectedDeactivationDate: null },
    ],
    [
      'inactive, action in another case',
      inactive({ inactive: { action: 'RELINK_REQUIRED' } }),
      { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null },
    ],
    ['inactive, status_details a string', inactive('relink_required'), { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['inactive, status_details an array', inactive([{ inactive: { action: 'relink_required' } }]), { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    [
      'unknown status',
      { status: 'pending', status_details: { inactive: { action: 'relink_required' } } },
      { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null },
    ],
    ['no status', { id: 'fca_1' }, { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['status not a string', { status: ['inactive'] }, { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['null', null, { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['undefined', undefined, { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['a string', 'inactive', { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    ['an array', [customerAccount], { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null }],
    [
      'getters that throw',
      new Proxy({}, { get: () => { throw new Error('boom'); } }),
      { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null },
    ],
    [
      'a nested getter that throws',
      { status: 'inactive', status_details: { get inactive() { throw new Error('boom'); } } },
      { relinkable: false, reason: 'unknown', cause: null, expectedDeactivationDate: null },
    ],
  ];
  for (const [name, account, expected] of cases) {
    test(name, () => {
      assert.deepEqual(relinkEligibility(account), expected);
    });
  }

  test('total: any input gives one of the five reasons, never throws', () => {
    const action = fc.oneof(fc.constantFrom('relink_required', 'none'), fc.anything());
    const detail = fc.oneof(fc.record({ action, cause: fc.anything(), expected_deactivation_date: fc.oneof(fc.integer(), fc.anything()) }), fc.anything());
    const details = fc.oneof(fc.record({ inactive: detail, active: detail }, { requiredKeys: [] }), fc.anything());
    const account = fc.oneof(
      fc.record({ status: fc.oneof(fc.constantFrom('active', 'inactive', 'disconnected'), fc.anything()), status_details: details }),
      fc.anything(),
    );
    fc.assert(
      fc.property(account, (value) => {
        const eligibility = relinkEligibility(value);
        assert.deepEqual(Object.keys(eligibility), ['relinkable', 'reason', 'cause', 'expectedDeactivationDate']);
        assert.ok(['relink_required', 'relink_recommended', 'not_repairable', 'active', 'unknown'].includes(eligibility.reason));
        assert.equal(eligibility.relinkable, eligibility.reason === 'relink_required' || eligibility.reason === 'relink_recommended');
        assert.ok(eligibility.cause === null || (typeof eligibility.cause === 'string' && eligibility.cause !== ''));
        const date = eligibility.expectedDeactivationDate;
        assert.ok(date === null || (Number.isSafeInteger(date) && date > 0));
        // Only an active object has an expected deactivation date.
        if (date !== null) assert.ok(eligibility.reason === 'active' || eligibility.reason === 'relink_recommended');
      }),
      { numRuns: 2000 },
    );
  });

  test("Stripe's cause reaches a page bounded and redacted (SPEC section 5), as every text from Stripe", () => {
    const { cause } = relinkEligibility(inactive({ inactive: { action: 'relink_required', cause: `sk_live_51Leaked ${'x'.repeat(5000)}` } }));
    assert.ok(cause !== null && cause.length <= 300, `cause of ${cause?.length ?? 0} characters`);
    assert.ok(!cause.includes('sk_live_51Leaked'));
  });
});
