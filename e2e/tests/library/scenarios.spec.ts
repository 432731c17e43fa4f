/**
 * One test per scenario of the fake Stripe.js (SPEC section 6), on the element fixture page:
 * the page's server hands out a session that plays it, the customer presses the trigger and
 * completes the bank login, and the test checks what the element shows, its state, and the
 * events the page's handlers received. The React and Vue pages run an error of them too.
 */
import { RELINK_API_VERSION } from '@fc-relink/core/interpret';
import { FAKE_IDS, type FakeScenario } from '@fc-relink/testing';
import { expect, FRAMEWORK_PAGES, test } from './fixture.js';

type Settled = 'fc-relink-success' | 'fc-relink-failure' | 'fc-relink-error';

interface Expectation {
  state: 'succeeded' | 'failed' | 'errored';
  /** The element's status text (English strings). */
  status: string;
  event: Settled;
  detail: Record<string, unknown>;
  /** The fallback buttons the element offers, in order. */
  fallbacks?: string[];
}

/** The page's first session plays the scenario (fixture.ts numbers the sessions it hands out). */
const sessionId = (scenario: FakeScenario): string => `fcsess_fixture1_${scenario}`;

const checking = { id: FAKE_IDS.account, displayName: 'Everyday Checking', institutionName: 'StripeBank', last4: '6789', isNew: false };
const savings = { id: FAKE_IDS.otherAccount, displayName: 'High Yield Savings', institutionName: 'StripeBank', last4: '4321', isNew: false };
const fresh = { id: FAKE_IDS.newAccount, displayName: 'New Checking', institutionName: 'StripeBank', last4: '1357', isNew: true };

/** The accounts the page already knows. */
const EXISTING = [FAKE_IDS.account, FAKE_IDS.otherAccount];

const EXPECTED: Record<Exclude<FakeScenario, 'hang'>, Expectation> = {
  account_relinked: {
    state: 'succeeded',
    status: 'Your bank account is reconnected.',
    event: 'fc-relink-success',
    detail: {
      type: 'success',
      kind: 'account_relinked',
      mode: 'account',
      sessionId: sessionId('account_relinked'),
      requestedAuthorization: FAKE_IDS.authorization,
      requestedAccount: FAKE_IDS.account,
      authorization: FAKE_IDS.authorization,
      account: FAKE_IDS.account,
      accounts: [checking],
      newAccountIds: [],
      missingAccountIds: [FAKE_IDS.otherAccount],
    },
  },
  authorization_relinked: {
    state: 'succeeded',
    status: 'Your bank is reconnected.',
    event: 'fc-relink-success',
    detail: {
      type: 'success',
      kind: 'authorization_relinked',
      mode: 'authorization',
      sessionId: sessionId('authorization_relinked'),
      requestedAuthorization: FAKE_IDS.authorization,
      requestedAccount: null,
      authorization: FAKE_IDS.authorization,
      account: null,
      accounts: [checking, savings],
      newAccountIds: [],
      missingAccountIds: [],
    },
  },
  new_authorization: {
    state: 'succeeded',
    status: 'Your bank is connected.',
    event: 'fc-relink-success',
    detail: {
      type: 'success',
      kind: 'new_authorization',
      mode: 'authorization',
      requestedAuthorization: FAKE_IDS.authorization,
      authorization: FAKE_IDS.newAuthorization,
      accounts: [fresh],
      newAccountIds: [FAKE_IDS.newAccount],
      missingAccountIds: [FAKE_IDS.account, FAKE_IDS.otherAccount],
    },
  },
  new_account: {
    state: 'succeeded',
    status: 'Your bank is reconnected.',
    event: 'fc-relink-success',
    detail: {
      type: 'success',
      kind: 'authorization_relinked',
      mode: 'authorization',
      authorization: FAKE_IDS.authorization,
      accounts: [fresh],
      newAccountIds: [FAKE_IDS.newAccount],
      missingAccountIds: [FAKE_IDS.account, FAKE_IDS.otherAccount],
    },
  },
  no_account: {
    state: 'failed',
    status: 'You signed in, but the account we needed wasn’t chosen.',
    event: 'fc-relink-failure',
    detail: {
      type: 'failure',
      mode: 'account',
      sessionId: sessionId('no_account'),
      requestedAuthorization: FAKE_IDS.authorization,
      requestedAccount: FAKE_IDS.account,
      reason: 'no_account',
      rawReason: 'no_account',
      fallbacks: ['authorization_retry', 'new_payment_method'],
    },
    fallbacks: ['authorization_retry', 'new_payment_method'],
  },
  no_authorization: {
    state: 'failed',
    status: 'Signing in to your bank wasn’t finished.',
    event: 'fc-relink-failure',
    detail: {
      type: 'failure',
      mode: 'account',
      reason: 'no_authorization',
      rawReason: 'no_authorization',
      fallbacks: ['retry', 'new_payment_method'],
    },
    fallbacks: ['retry', 'new_payment_method'],
  },
  other: {
    state: 'failed',
    status: 'Something went wrong while reconnecting.',
    event: 'fc-relink-failure',
    detail: { type: 'failure', mode: 'account', reason: 'other', rawReason: 'other', fallbacks: ['retry', 'new_payment_method'] },
    fallbacks: ['retry', 'new_payment_method'],
  },
  stripe_error: {
    state: 'errored',
    status: 'Reconnecting isn’t available right now.',
    event: 'fc-relink-error',
    detail: {
      type: 'error',
      code: 'stripe_error',
      retryable: false,
      stripeError: { type: 'invalid_request_error', code: 'resource_missing' },
    },
  },
  relink_result_missing: {
    state: 'errored',
    status: 'Reconnecting isn’t available right now.',
    event: 'fc-relink-error',
    detail: { type: 'error', code: 'relink_result_missing', retryable: false, stripeError: null },
  },
};

/** On the framework pages too: an error, through their error handlers. (Their successes and failures run in frameworks.spec.ts and fallbacks.spec.ts.) */
const ON_FRAMEWORK_PAGES: ReadonlyArray<Exclude<FakeScenario, 'hang'>> = ['stripe_error'];

function scenarioTest(scenario: Exclude<FakeScenario, 'hang'>, expected: Expectation): void {
  test(`${scenario}: ${expected.event.replace('fc-relink-', '')}`, async ({ fixture }) => {
    await fixture.open(scenario, { existing: EXISTING });
    await fixture.expectElementState('idle');

    await fixture.runWithMouse();

    await fixture.expectElementState(expected.state);
    await expect(fixture.status).toHaveText(expected.status);
    const events = await fixture.handled();
    expect(events.map((e) => e.name)).toEqual(['fc-relink-start', expected.event]);
    expect(events[0]?.detail).toEqual({ attempt: 1, purpose: 'initial' });
    expect(events[1]?.detail).toMatchObject(expected.detail);
    // The same events bubbled to the document, once each.
    expect(await fixture.heard()).toEqual(events);
    if (expected.event === 'fc-relink-error') {
      const { message } = events[1]!.detail as { message: unknown };
      expect(typeof message).toBe('string');
      if (scenario === 'relink_result_missing') expect(message).toContain(RELINK_API_VERSION);
    }

    expect(await fixture.fallbacks()).toEqual(expected.fallbacks ?? []);
    expect(await fixture.stripeCalls()).toEqual([{ scenario, settled: true }]);
    // The real @stripe/stripe-js loader fetched Stripe.js (answered by the fake).
    expect(fixture.watch.externalRequests).toContain('https://js.stripe.com/endive/stripe.js');

    await fixture.screenshot(`scenario-${scenario}`);
  });
}

for (const [scenario, expected] of Object.entries(EXPECTED) as Array<[Exclude<FakeScenario, 'hang'>, Expectation]>) {
  scenarioTest(scenario, expected);
}
for (const { id, label } of FRAMEWORK_PAGES) {
  test.describe(label, () => {
    test.use({ fixturePage: id });
    for (const scenario of ON_FRAMEWORK_PAGES) scenarioTest(scenario, EXPECTED[scenario]);
  });
}

test('hang: the flow stays open until the customer closes it', async ({ fixture }) => {
  await fixture.open('hang');

  await fixture.trigger.click();
  await expect(fixture.modal).toBeVisible();
  await fixture.complete.click();
  await expect(fixture.modal).toContainText('never answers');
  await fixture.expectElementState('open');
  await expect(fixture.status).toHaveText('Continue in the Stripe window to sign in to your bank.');
  expect(await fixture.handledNames()).toEqual(['fc-relink-start']);
  await fixture.screenshot('scenario-hang');

  await fixture.close.click();
  await expect(fixture.modal).toHaveCount(0);
  await fixture.expectElementState('failed');
  const events = await fixture.handled();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure']);
  expect(events[1]?.detail).toMatchObject({ reason: 'no_authorization', fallbacks: ['retry', 'new_payment_method'] });
});
