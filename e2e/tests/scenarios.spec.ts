/**
 * One test per scenario of the fake Stripe.js (SPEC section 6): pick it in the playground, press
 * the trigger, complete the bank login, and check what the element shows, its state, and the
 * events in the log. The React and Vue pages run an error of them too.
 */
import { FAKE_IDS, FAKE_SCENARIOS, type FakeScenario } from '@fc-relink/testing';
import { expect, FRAMEWORK_PAGES, test, type HandlerKey } from './playground.js';

interface Expectation {
  /** The mode the page shows for the scenario. */
  mode: 'Exact account' | 'Whole authorization' | 'No session';
  state: 'succeeded' | 'failed' | 'errored';
  /** The element's status text (English strings). */
  status: string;
  event: 'fc-relink-success' | 'fc-relink-failure' | 'fc-relink-error';
  detail: Record<string, unknown>;
  /** The fallback buttons the element offers, in order. */
  fallbacks?: string[];
}

/** The demo server numbers its fake sessions across every page it serves. */
const sessionId = (scenario: FakeScenario): unknown => expect.stringMatching(new RegExp(`^fcsess_demo\\d+_${scenario}$`));

const checking = { id: FAKE_IDS.account, displayName: 'Everyday Checking', institutionName: 'StripeBank', last4: '6789', isNew: false };
const savings = { id: FAKE_IDS.otherAccount, displayName: 'High Yield Savings', institutionName: 'StripeBank', last4: '4321', isNew: false };
const fresh = { id: FAKE_IDS.newAccount, displayName: 'New Checking', institutionName: 'StripeBank', last4: '1357', isNew: true };

const EXPECTED: Record<Exclude<FakeScenario, 'hang'>, Expectation> = {
  account_relinked: {
    mode: 'Exact account',
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
    mode: 'Whole authorization',
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
    mode: 'Whole authorization',
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
    mode: 'Whole authorization',
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
    mode: 'Exact account',
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
    mode: 'Exact account',
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
    mode: 'Exact account',
    state: 'failed',
    status: 'Something went wrong while reconnecting.',
    event: 'fc-relink-failure',
    detail: { type: 'failure', mode: 'account', reason: 'other', rawReason: 'other', fallbacks: ['retry', 'new_payment_method'] },
    fallbacks: ['retry', 'new_payment_method'],
  },
  stripe_error: {
    mode: 'No session',
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
    mode: 'Whole authorization',
    state: 'errored',
    status: 'Reconnecting isn’t available right now.',
    event: 'fc-relink-error',
    detail: { type: 'error', code: 'relink_result_missing', retryable: false, stripeError: null },
  },
};

test('the playground offers every scenario of the fake', async ({ playground }) => {
  await playground.goto();
  const offered = await playground.page.locator('input[name="scenario"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  expect([...offered].sort()).toEqual([...FAKE_SCENARIOS].sort());
  // Built with FC_RELINK_STRIPE=network: nothing injected, Stripe.js comes from js.stripe.com.
  await expect(playground.page.locator('[data-stripe-source]')).toHaveAttribute('data-stripe-source', 'network');
  await expect(playground.page.locator('script[data-fc-relink-fake-stripe]')).toHaveCount(0);
});

/**
 * On the framework pages too: an error, through their error handlers. (Their successes and
 * failures run in frameworks.spec.ts and fallbacks.spec.ts.)
 */
const ON_FRAMEWORK_PAGES: ReadonlyArray<Exclude<FakeScenario, 'hang'>> = ['stripe_error'];

function scenarioTest(scenario: Exclude<FakeScenario, 'hang'>, expected: Expectation): void {
  test(`${scenario}: ${expected.event.replace('fc-relink-', '')}`, async ({ playground, page }) => {
    await playground.goto();
    await playground.scenarioRadio(scenario).check();
    await expect(playground.mode).toHaveText(expected.mode);
    await playground.expectState('idle');

    await playground.runWithMouse();

    await playground.expectState(expected.state);
    await expect(playground.status).toHaveText(expected.status);
    const events = await playground.events();
    expect(events.map((e) => e.name)).toEqual(['fc-relink-start', expected.event]);
    expect(events[0]?.detail).toEqual({ attempt: 1, purpose: 'initial' });
    expect(events[1]?.detail).toMatchObject(expected.detail);
    // The page's own handlers heard the same, once each.
    const settled = expected.event.replace('fc-relink-', '') as HandlerKey;
    expect(await playground.handlerCounts()).toEqual({ start: 1, success: 0, failure: 0, error: 0, fallback: 0, [settled]: 1 });
    if (expected.event === 'fc-relink-error') {
      expect(typeof events[1]?.detail.message).toBe('string');
      if (scenario === 'relink_result_missing') expect(events[1]?.detail.message).toContain('2026-01-28.preview');
    }

    const fallbacks = await playground.element.locator('[part="fallback"]').evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.fallback));
    expect(fallbacks).toEqual(expected.fallbacks ?? []);
    await expect(page.locator('[data-link-status]')).toHaveText(expected.state === 'succeeded' ? 'Connected' : 'Needs reconnecting');
    // The real @stripe/stripe-js loader fetched Stripe.js (answered by the fake).
    expect(playground.externalRequests).toContain('https://js.stripe.com/endive/stripe.js');

    await playground.screenshot(`scenario-${scenario}`);
  });
}

for (const [scenario, expected] of Object.entries(EXPECTED) as Array<[Exclude<FakeScenario, 'hang'>, Expectation]>) {
  scenarioTest(scenario, expected);
}
for (const { id, label } of FRAMEWORK_PAGES) {
  test.describe(label, () => {
    test.use({ playgroundPage: id });
    for (const scenario of ON_FRAMEWORK_PAGES) scenarioTest(scenario, EXPECTED[scenario]);
  });
}

test('hang: the flow stays open until the customer closes it', async ({ playground }) => {
  await playground.goto();
  await playground.scenarioRadio('hang').check();
  await expect(playground.mode).toHaveText('No session');

  await playground.trigger.click();
  await expect(playground.modal).toBeVisible();
  await playground.complete.click();
  await expect(playground.modal).toContainText('never answers');
  await playground.expectState('open');
  await expect(playground.status).toHaveText('Continue in the Stripe window to sign in to your bank.');
  expect((await playground.events()).map((e) => e.name)).toEqual(['fc-relink-start']);
  await playground.screenshot('scenario-hang');

  await playground.close.click();
  await expect(playground.modal).toHaveCount(0);
  await playground.expectState('failed');
  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-failure']);
  expect(events[1]?.detail).toMatchObject({ reason: 'no_authorization', fallbacks: ['retry', 'new_payment_method'] });
});
