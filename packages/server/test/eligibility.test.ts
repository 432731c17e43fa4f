import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { relinkEligibility, type RelinkEligibility } from '@fc-relink/server';
import { customerAccount } from './fixtures.js';

const inactive = (details: unknown) => ({ id: 'fca_1', status: 'inactive', status_details: details });

describe('relinkEligibility', () => {
  const cases: Array<[string, unknown, RelinkEligibility]> = [
    ['the guide\'s inactive account', customerAccount, { relinkable: true, reason: 'relink_required', cause: 'access_expired' }],
    [
      'inactive, relink required, institution requirement',
      inactive({ inactive: { action: 'relink_required', cause: 'institution_requirement' } }),
      { relinkable: true, reason: 'relink_required', cause: 'institution_requirement' },
    ],
    [
      'inactive, relink required, no cause',
      inactive({ inactive: { action: 'relink_required' } }),
      { relinkable: true, reason: 'relink_required', cause: null },
    ],
    [
      'inactive, relink required, cause not a string',
      inactive({ inactive: { action: 'relink_required', cause: 3 } }),
      { relinkable: true, reason: 'relink_required', cause: null },
    ],
    [
      'inactive, action none (a closed account)',
      inactive({ inactive: { action: 'none', cause: 'account_closed' } }),
      { relinkable: false, reason: 'not_repairable', cause: 'account_closed' },
    ],
    ['disconnected', { id: 'fca_1', status: 'disconnected' }, { relinkable: false, reason: 'not_repairable', cause: null }],
    [
      'disconnected, with details',
      { status: 'disconnected', status_details: { inactive: { action: 'relink_required', cause: 'unspecified' } } },
      { relinkable: false, reason: 'not_repairable', cause: 'unspecified' },
    ],
    ['active', { id: 'fca_1', status: 'active', status_details: {} }, { relinkable: false, reason: 'active', cause: null }],
    [
      'active, with a proactive-relink hint',
      { status: 'active', status_details: { active: { action: 'relink_required', cause: 'access_expired' } } },
      { relinkable: false, reason: 'active', cause: null },
    ],
    [
      'active, with stray inactive details',
      { status: 'active', status_details: { inactive: { action: 'relink_required', cause: 'access_expired' } } },
      { relinkable: false, reason: 'active', cause: null },
    ],
    ['inactive, old API version: no status_details', { id: 'fca_1', status: 'inactive' }, { relinkable: false, reason: 'unknown', cause: null }],
    ['inactive, status_details null', inactive(null), { relinkable: false, reason: 'unknown', cause: null }],
    ['inactive, status_details empty', inactive({}), { relinkable: false, reason: 'unknown', cause: null }],
    ['inactive, inactive null', inactive({ inactive: null }), { relinkable: false, reason: 'unknown', cause: null }],
    [
      'inactive, unknown action keeps the cause',
      inactive({ inactive: { action: 'contact_support', cause: 'access_expired' } }),
      { relinkable: false, reason: 'unknown', cause: 'access_expired' },
    ],
    [
      'inactive, action in another case',
      inactive({ inactive: { action: 'RELINK_REQUIRED' } }),
      { relinkable: false, reason: 'unknown', cause: null },
    ],
    ['inactive, status_details a string', inactive('relink_required'), { relinkable: false, reason: 'unknown', cause: null }],
    ['inactive, status_details an array', inactive([{ inactive: { action: 'relink_required' } }]), { relinkable: false, reason: 'unknown', cause: null }],
    [
      'unknown status',
      { status: 'pending', status_details: { inactive: { action: 'relink_required' } } },
      { relinkable: false, reason: 'unknown', cause: null },
    ],
    ['no status', { id: 'fca_1' }, { relinkable: false, reason: 'unknown', cause: null }],
    ['status not a string', { status: ['inactive'] }, { relinkable: false, reason: 'unknown', cause: null }],
    ['null', null, { relinkable: false, reason: 'unknown', cause: null }],
    ['undefined', undefined, { relinkable: false, reason: 'unknown', cause: null }],
    ['a string', 'inactive', { relinkable: false, reason: 'unknown', cause: null }],
    ['an array', [customerAccount], { relinkable: false, reason: 'unknown', cause: null }],
    [
      'getters that throw',
      new Proxy({}, { get: () => { throw new Error('boom'); } }),
      { relinkable: false, reason: 'unknown', cause: null },
    ],
    [
      'a nested getter that throws',
      { status: 'inactive', status_details: { get inactive() { throw new Error('boom'); } } },
      { relinkable: false, reason: 'unknown', cause: null },
    ],
  ];
  for (const [name, account, expected] of cases) {
    test(name, () => {
      assert.deepEqual(relinkEligibility(account), expected);
    });
  }

  test('total: any input gives one of the four reasons, never throws', () => {
    const action = fc.oneof(fc.constantFrom('relink_required', 'none'), fc.anything());
    const details = fc.oneof(fc.record({ inactive: fc.oneof(fc.record({ action, cause: fc.anything() }), fc.anything()) }), fc.anything());
    const account = fc.oneof(
      fc.record({ status: fc.oneof(fc.constantFrom('active', 'inactive', 'disconnected'), fc.anything()), status_details: details }),
      fc.anything(),
    );
    fc.assert(
      fc.property(account, (value) => {
        const eligibility = relinkEligibility(value);
        assert.deepEqual(Object.keys(eligibility), ['relinkable', 'reason', 'cause']);
        assert.ok(['relink_required', 'not_repairable', 'active', 'unknown'].includes(eligibility.reason));
        assert.equal(eligibility.relinkable, eligibility.reason === 'relink_required');
        assert.ok(eligibility.cause === null || (typeof eligibility.cause === 'string' && eligibility.cause !== ''));
      }),
      { numRuns: 2000 },
    );
  });
});
