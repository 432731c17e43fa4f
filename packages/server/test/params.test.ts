import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  relinkSessionParams,
  RelinkParamsError,
  type RelinkParamsErrorCode,
  type RelinkSessionCreateParams,
  type RelinkSessionOptions,
} from '@fc-relink/server';
import { customerAccount, holderlessAccount } from './fixtures.js';

describe('relinkSessionParams', () => {
  const cases: Array<[string, unknown, RelinkSessionOptions, RelinkSessionCreateParams]> = [
    [
      'payments, exact account',
      customerAccount,
      { purpose: 'payments', scope: 'account', permissions: ['payment_method', 'balances'] },
      {
        account_holder: { type: 'customer', customer: 'cus_1' },
        permissions: ['payment_method', 'balances'],
        relink_options: { authorization: 'fcauth_1', account: 'fca_exact_1' },
      },
    ],
    [
      'payments without permissions: payment_method only',
      customerAccount,
      { purpose: 'payments', scope: 'account' },
      {
        account_holder: { type: 'customer', customer: 'cus_1' },
        permissions: ['payment_method'],
        relink_options: { authorization: 'fcauth_1', account: 'fca_exact_1' },
      },
    ],
    [
      'payments, any account at the institution',
      customerAccount,
      { purpose: 'payments', scope: 'institution', permissions: ['balances'] },
      {
        account_holder: { type: 'customer', customer: 'cus_1' },
        filters: { account_subcategories: ['checking', 'savings'] },
        limits: { accounts: 1 },
        permissions: ['balances', 'payment_method'],
        relink_options: { authorization: 'fcauth_1' },
      },
    ],
    [
      'data, the authorization',
      customerAccount,
      { purpose: 'data', scope: 'institution', permissions: ['balances'] },
      {
        account_holder: { type: 'customer', customer: 'cus_1' },
        permissions: ['balances'],
        relink_options: { authorization: 'fcauth_1' },
      },
    ],
    [
      'data, exact account, filtered: permissions exactly as given',
      customerAccount,
      {
        purpose: 'data',
        scope: 'account',
        permissions: ['transactions', 'balances', 'transactions'],
        accountSubcategories: ['savings', 'savings', 'mortgage'],
      },
      {
        account_holder: { type: 'customer', customer: 'cus_1' },
        filters: { account_subcategories: ['savings', 'mortgage'] },
        permissions: ['transactions', 'balances', 'transactions'],
        relink_options: { authorization: 'fcauth_1', account: 'fca_exact_1' },
      },
    ],
    [
      'no account holder: null',
      holderlessAccount,
      { purpose: 'payments', scope: 'account', permissions: [] },
      {
        account_holder: null,
        permissions: ['payment_method'],
        relink_options: { authorization: 'fcauth_1', account: 'fca_holderless_1' },
      },
    ],
    [
      'account holder field missing: null',
      { id: 'fca_2', authorization: 'fcauth_2' },
      { purpose: 'data', scope: 'institution', permissions: ['ownership'] },
      { account_holder: null, permissions: ['ownership'], relink_options: { authorization: 'fcauth_2' } },
    ],
    [
      'expanded customer and expanded authorization become IDs',
      {
        id: 'fca_3',
        authorization: { id: 'fcauth_3', object: 'financial_connections.authorization' },
        account_holder: { type: 'customer', customer: { id: 'cus_3', object: 'customer', email: 'a@b.c' } },
      },
      { purpose: 'payments', scope: 'account', permissions: ['payment_method'] },
      {
        account_holder: { type: 'customer', customer: 'cus_3' },
        permissions: ['payment_method'],
        relink_options: { authorization: 'fcauth_3', account: 'fca_3' },
      },
    ],
    [
      'customer represented by an Account (customer_account)',
      { id: 'fca_4', authorization: 'fcauth_4', account_holder: { type: 'customer', customer_account: 'acct_4' } },
      { purpose: 'data', scope: 'institution', permissions: ['balances'] },
      {
        account_holder: { type: 'customer', customer_account: 'acct_4' },
        permissions: ['balances'],
        relink_options: { authorization: 'fcauth_4' },
      },
    ],
    [
      'connected account holder',
      { id: 'fca_5', authorization: 'fcauth_5', account_holder: { type: 'account', account: 'acct_5' } },
      { purpose: 'payments', scope: 'institution', permissions: ['payment_method'] },
      {
        account_holder: { type: 'account', account: 'acct_5' },
        filters: { account_subcategories: ['checking', 'savings'] },
        limits: { accounts: 1 },
        permissions: ['payment_method'],
        relink_options: { authorization: 'fcauth_5' },
      },
    ],
  ];
  for (const [name, account, options, expected] of cases) {
    test(name, () => {
      assert.deepEqual(relinkSessionParams(account as never, options), expected);
    });
  }

  test('key order follows the guides', () => {
    const params = relinkSessionParams(customerAccount, { purpose: 'payments', scope: 'institution', permissions: [] });
    assert.deepEqual(Object.keys(params), ['account_holder', 'filters', 'limits', 'permissions', 'relink_options']);
  });

  test('does not share or mutate its inputs', () => {
    const permissions = ['balances'] as const;
    const params = relinkSessionParams(customerAccount, { purpose: 'payments', scope: 'account', permissions });
    params.permissions.push('ownership');
    assert.deepEqual(permissions, ['balances']);
    assert.deepEqual(customerAccount.account_holder, { type: 'customer', customer: 'cus_1' });
  });
});

describe('relinkSessionParams errors', () => {
  const ok = { purpose: 'payments', scope: 'account', permissions: ['payment_method'] };
  const secret = 'sk_test_should_never_be_echoed';
  const cases: Array<[string, unknown, unknown, RelinkParamsErrorCode]> = [
    ['no authorization', { ...customerAccount, authorization: undefined }, ok, 'missing_authorization'],
    ['null authorization (old API version)', { ...customerAccount, authorization: null }, ok, 'missing_authorization'],
    ['empty authorization', { ...customerAccount, authorization: '' }, ok, 'missing_authorization'],
    ['authorization not a string', { ...customerAccount, authorization: 7 }, ok, 'missing_authorization'],
    ['expanded authorization without id', { ...customerAccount, authorization: {} }, ok, 'missing_authorization'],
    ['account is null', null, ok, 'invalid_account'],
    ['account is a string', 'fca_1', ok, 'invalid_account'],
    ['account is an array', [customerAccount], ok, 'invalid_account'],
    ['scope account without id', { ...customerAccount, id: undefined }, ok, 'invalid_account'],
    ['options missing', customerAccount, undefined, 'invalid_options'],
    ['options null', customerAccount, null, 'invalid_options'],
    ['unknown purpose', customerAccount, { ...ok, purpose: 'payouts' }, 'invalid_purpose'],
    ['purpose missing', customerAccount, { ...ok, purpose: undefined }, 'invalid_purpose'],
    ['purpose is a secret', customerAccount, { ...ok, purpose: secret }, 'invalid_purpose'],
    ['unknown scope', customerAccount, { ...ok, scope: 'authorization' }, 'invalid_scope'],
    ['scope missing', customerAccount, { ...ok, scope: undefined }, 'invalid_scope'],
    ['data without permissions', customerAccount, { ...ok, purpose: 'data', permissions: undefined }, 'invalid_permissions'],
    ['payments with permissions null', customerAccount, { ...ok, permissions: null }, 'invalid_permissions'],
    ['permissions a string', customerAccount, { ...ok, permissions: 'balances' }, 'invalid_permissions'],
    ['unknown permission', customerAccount, { ...ok, permissions: ['balance'] }, 'invalid_permissions'],
    ['permission is a secret', customerAccount, { ...ok, permissions: [secret] }, 'invalid_permissions'],
    ['permission not a string', customerAccount, { ...ok, permissions: [1] }, 'invalid_permissions'],
    ['data with no permissions', customerAccount, { ...ok, purpose: 'data', permissions: [] }, 'invalid_permissions'],
    ['payments with subcategories', customerAccount, { ...ok, accountSubcategories: ['checking'] }, 'invalid_account_subcategories'],
    ['data with empty subcategories', customerAccount, { ...ok, purpose: 'data', accountSubcategories: [] }, 'invalid_account_subcategories'],
    ['data with unknown subcategory', customerAccount, { ...ok, purpose: 'data', accountSubcategories: ['brokerage'] }, 'invalid_account_subcategories'],
    ['data with subcategories not an array', customerAccount, { ...ok, purpose: 'data', accountSubcategories: 'checking' }, 'invalid_account_subcategories'],
    ['holder without type', { ...customerAccount, account_holder: { customer: 'cus_1' } }, ok, 'invalid_account_holder'],
    ['holder of unknown type', { ...customerAccount, account_holder: { type: 'individual' } }, ok, 'invalid_account_holder'],
    ['customer holder without customer', { ...customerAccount, account_holder: { type: 'customer' } }, ok, 'invalid_account_holder'],
    ['customer holder with empty customer', { ...customerAccount, account_holder: { type: 'customer', customer: '' } }, ok, 'invalid_account_holder'],
    ['account holder without account', { ...customerAccount, account_holder: { type: 'account', account: null } }, ok, 'invalid_account_holder'],
    ['holder is a string', { ...customerAccount, account_holder: 'cus_1' }, ok, 'invalid_account_holder'],
    ['returnUrl over plain http', customerAccount, { ...ok, returnUrl: 'http://example.com/back' }, 'invalid_return_url'],
    ['returnUrl javascript:', customerAccount, { ...ok, returnUrl: 'javascript:alert(1)' }, 'invalid_return_url'],
    ['returnUrl data:', customerAccount, { ...ok, returnUrl: 'data:text/html,hi' }, 'invalid_return_url'],
    ['returnUrl relative', customerAccount, { ...ok, returnUrl: '/relinked' }, 'invalid_return_url'],
    ['returnUrl with a space', customerAccount, { ...ok, returnUrl: 'https://example.com/a b' }, 'invalid_return_url'],
    ['returnUrl over 2048 characters', customerAccount, { ...ok, returnUrl: `https://example.com/${'a'.repeat(2048)}` }, 'invalid_return_url'],
    ['returnUrl not a string', customerAccount, { ...ok, returnUrl: 42 }, 'invalid_return_url'],
    ['returnUrl empty', customerAccount, { ...ok, returnUrl: '' }, 'invalid_return_url'],
    ['returnUrl a secret', customerAccount, { ...ok, returnUrl: secret }, 'invalid_return_url'],
    ['hosted without returnUrl', customerAccount, { ...ok, hosted: { delivery: 'url' } }, 'invalid_options'],
    ['hosted email without returnUrl', customerAccount, { ...ok, hosted: { delivery: 'email' } }, 'invalid_options'],
    ['hosted with a bad returnUrl: the returnUrl check first', customerAccount, { ...ok, hosted: { delivery: 'url' }, returnUrl: 'javascript:alert(1)' }, 'invalid_return_url'],
    ['hosted delivery sms', customerAccount, { ...ok, hosted: { delivery: 'sms' }, returnUrl: 'https://example.com/back' }, 'invalid_options'],
    ['hosted delivery in another case', customerAccount, { ...ok, hosted: { delivery: 'URL' }, returnUrl: 'https://example.com/back' }, 'invalid_options'],
    ['hosted delivery missing', customerAccount, { ...ok, hosted: {}, returnUrl: 'https://example.com/back' }, 'invalid_options'],
    ['hosted delivery a secret', customerAccount, { ...ok, hosted: { delivery: secret }, returnUrl: 'https://example.com/back' }, 'invalid_options'],
    ['hosted a string', customerAccount, { ...ok, hosted: 'email', returnUrl: 'https://example.com/back' }, 'invalid_options'],
    ['hosted null', customerAccount, { ...ok, hosted: null, returnUrl: 'https://example.com/back' }, 'invalid_options'],
    ['hosted email for an account with no holder: nobody to email', holderlessAccount, { ...ok, hosted: { delivery: 'email' }, returnUrl: 'https://example.com/back' }, 'invalid_account_holder'],
  ];
  for (const [name, account, options, code] of cases) {
    test(name, () => {
      assert.throws(
        () => relinkSessionParams(account as never, options as never),
        (error: unknown) => {
          assert.ok(error instanceof RelinkParamsError, `expected RelinkParamsError, got ${String(error)}`);
          assert.equal(error.name, 'RelinkParamsError');
          assert.equal(error.code, code);
          assert.ok(error.message.length > 10);
          assert.ok(!error.message.includes(secret), error.message);
          return true;
        },
      );
    });
  }

  test('returnUrl: https, http on localhost and an app scheme become return_url, unchanged', () => {
    for (const returnUrl of ['https://example.com/relinked?from=bank', 'http://localhost:3000/back', 'http://127.0.0.1/back', 'myapp://relinked', 'com.example.app:/oauth']) {
      assert.equal(relinkSessionParams(customerAccount, { ...ok, returnUrl } as never).return_url, returnUrl, returnUrl);
    }
    assert.equal('return_url' in relinkSessionParams(customerAccount, ok as never), false);
  });

  test("hosted: ui_mode 'hosted', the delivery method and return_url, after the guide's parameters", () => {
    for (const delivery of ['url', 'email'] as const) {
      const params = relinkSessionParams(customerAccount, { ...ok, hosted: { delivery }, returnUrl: 'https://example.com/relink-return' } as never);
      assert.deepEqual(params, {
        account_holder: { type: 'customer', customer: 'cus_1' },
        permissions: ['payment_method'],
        relink_options: { authorization: 'fcauth_1', account: 'fca_exact_1' },
        return_url: 'https://example.com/relink-return',
        ui_mode: 'hosted',
        hosted: { delivery_method: delivery },
      });
      assert.deepEqual(Object.keys(params), ['account_holder', 'permissions', 'relink_options', 'return_url', 'ui_mode', 'hosted']);
    }
    // A link needs no holder to email: an account collected before an Intent can relink by url.
    const holderless = relinkSessionParams(holderlessAccount, { ...ok, hosted: { delivery: 'url' }, returnUrl: 'myapp://relinked' } as never);
    assert.equal(holderless.account_holder, null);
    assert.deepEqual(holderless.hosted, { delivery_method: 'url' });
    // Not hosted: none of the hosted fields.
    assert.deepEqual(Object.keys(relinkSessionParams(customerAccount, { ...ok, returnUrl: 'myapp://relinked' } as never)), ['account_holder', 'permissions', 'relink_options', 'return_url']);
  });

  test('for any input, it returns or throws RelinkParamsError, nothing else', () => {
    const purpose = fc.oneof(fc.constantFrom('payments', 'data'), fc.anything());
    const scope = fc.oneof(fc.constantFrom('account', 'institution'), fc.anything());
    const permissions = fc.oneof(fc.array(fc.constantFrom('balances', 'ownership', 'payment_method', 'transactions')), fc.anything());
    const returnUrl = fc.oneof(fc.webUrl(), fc.string(), fc.anything());
    const hosted = fc.oneof(fc.record({ delivery: fc.oneof(fc.constantFrom('url', 'email'), fc.anything()) }), fc.anything());
    const options = fc.oneof(fc.record({ purpose, scope, permissions, accountSubcategories: fc.anything(), returnUrl, hosted }, { requiredKeys: ['purpose', 'scope', 'permissions'] }), fc.anything());
    const account = fc.oneof(
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.anything()),
          authorization: fc.oneof(fc.string(), fc.anything()),
          account_holder: fc.oneof(
            fc.record({ type: fc.constantFrom('customer', 'account'), customer: fc.anything(), account: fc.anything(), customer_account: fc.anything() }),
            fc.anything(),
          ),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    );
    fc.assert(
      fc.property(account, options, (a, o) => {
        try {
          const params = relinkSessionParams(a as never, o as never);
          assert.ok(typeof params.relink_options.authorization === 'string' && params.relink_options.authorization !== '');
          assert.ok(params.permissions.length > 0);
          // Hosted only as asked, and never without a return_url.
          assert.equal(params.ui_mode === 'hosted', params.hosted !== undefined);
          if (params.hosted !== undefined) assert.ok(typeof params.return_url === 'string' && ['url', 'email'].includes(params.hosted.delivery_method));
        } catch (error) {
          if (!(error instanceof RelinkParamsError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
