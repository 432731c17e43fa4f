import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { interpretRelinkResult } from '@fc-relink/core';
import { checkInterpretation, contextArb, DECISION_ROWS, resultArb } from './relink-inputs.js';

const RUNS = 10_000;
const id = fc.constantFrom<string>('fca_1', 'fca_2', 'fca_3', '', 'x');

describe('interpretRelinkResult: properties', () => {
  it(`is total and always well-formed over ${RUNS} generated inputs, never leaking a secret`, () => {
    const rows = new Set<number>();
    fc.assert(
      fc.property(resultArb, contextArb, (result, context) => {
        rows.add(checkInterpretation(result, context));
      }),
      { numRuns: RUNS },
    );
    // The generator must reach every row of the decision table, or the property proves little.
    expect([...rows].sort()).to.deep.equal(Object.keys(DECISION_ROWS).map(Number));
  });

  it('an account is new exactly when the existing ids do not include it (outside account mode)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id.filter((v) => v !== ''), { maxLength: 3 }), fc.uniqueArray(id.filter((v) => v !== ''), { maxLength: 3 }), (ids, existing) => {
        const o = interpretRelinkResult(
          { financialConnectionsSession: { id: 's', accounts: ids.map((i) => ({ id: i })), relink_options: { authorization: 'a' }, relink_result: { authorization: 'a' } } },
          { existingAccountIds: existing },
        );
        if (o.type !== 'success') throw new Error(o.type);
        for (const a of o.accounts) if (a.isNew !== !existing.includes(a.id)) throw new Error(a.id);
      }),
      { numRuns: 2000 },
    );
  });
});
