/**
 * The demo server's session endpoint over HTTP, as the e2e web server runs it: `vite preview`
 * with no Stripe keys (playwright.config.ts unsets them). A request for a real session gets a
 * clear 503; bad requests get a 4xx JSON error; nothing brings the server down.
 */
import { test as base, type APIRequestContext, type APIResponse } from '@playwright/test';
import { expect, SESSION_PATH, test } from './playground.js';

/** Anything that looks like a key or a client secret. */
const SECRETISH = /(?:sk|rk|pk)_(?:test|live)_|_secret_/;

function post(request: APIRequestContext, data: unknown, headers: Record<string, string> = {}): Promise<APIResponse> {
  return request.post(SESSION_PATH, {
    headers: { 'content-type': 'application/json', ...headers },
    // A Buffer goes as is (Playwright would re-encode a string that is not valid JSON).
    data: Buffer.from(typeof data === 'string' ? data : JSON.stringify(data)),
  });
}

async function expectError(response: APIResponse, status: number, code: string): Promise<string> {
  expect(response.status()).toBe(status);
  expect(response.headers()['content-type']).toBe('application/json; charset=utf-8');
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(body.error.message).not.toMatch(SECRETISH);
  return body.error.message;
}

/** The server still hands out a fake session. */
async function expectAlive(request: APIRequestContext): Promise<void> {
  const response = await post(request, { purpose: 'initial', scenario: 'account_relinked' });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ clientSecret: expect.stringMatching(/^fcsess_demo\d+_account_relinked_secret_/), scenario: 'account_relinked' });
}

base('without Stripe keys, a real session is refused with 503 and what to set; the server keeps working', async ({ request }) => {
  const response = await post(request, { purpose: 'initial', authorization: null, account: 'fca_1Abc', previousSessionId: null });
  const message = await expectError(response, 503, 'stripe_keys_missing');
  expect(message).toContain('Set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY');
  // The same without an account: it is the keys that are missing, first.
  await expectError(await post(request, { purpose: 'authorization_retry' }), 503, 'stripe_keys_missing');
  await expectAlive(request);
});

base('malformed JSON is a 400, and a later request still works', async ({ request }) => {
  await expectError(await post(request, '{"purpose": "initial",'), 400, 'invalid_json');
  await expectError(await post(request, "{purpose: 'initial'}"), 400, 'invalid_json');
  await expectError(await post(request, ''), 400, 'invalid_json');
  await expectAlive(request);
});

base('every bad request gets a JSON error, never a crash', async ({ request }) => {
  const cases: Array<[string, () => Promise<APIResponse>, number, string]> = [
    ['a GET', () => request.get(SESSION_PATH), 405, 'method_not_allowed'],
    ['a form post', () => request.post(SESSION_PATH, { form: { purpose: 'initial' } }), 415, 'unsupported_media_type'],
    ['no content type', () => request.post(SESSION_PATH, { data: Buffer.from('{"purpose":"initial"}') }), 415, 'unsupported_media_type'],
    ['a body over 4 KiB', () => post(request, { purpose: 'initial', scenario: 'hang', pad: 'x'.repeat(5000) }), 413, 'body_too_large'],
    ['an array', () => post(request, [1, 2]), 400, 'invalid_request'],
    ['null', () => post(request, 'null'), 400, 'invalid_request'],
    ['no purpose', () => post(request, { scenario: 'no_account' }), 400, 'invalid_request'],
    ['an unknown purpose', () => post(request, { purpose: 'again', scenario: 'no_account' }), 400, 'invalid_request'],
    ['an unknown scenario', () => post(request, { purpose: 'initial', scenario: 'win' }), 400, 'invalid_request'],
    ['a number for an id', () => post(request, { purpose: 'initial', scenario: 'no_account', authorization: 7 }), 400, 'invalid_request'],
    ['another site', () => post(request, { purpose: 'initial', scenario: 'no_account' }, { origin: 'https://elsewhere.example' }), 403, 'cross_origin'],
  ];
  for (const [name, send, status, code] of cases) {
    await base.step(name, async () => expectError(await send(), status, code));
  }
  expect((await request.get(SESSION_PATH)).headers().allow).toBe('POST');

  // A client secret where an id belongs is refused without being repeated.
  const leaked = 'fcsess_abc_secret_xyz';
  const message = await expectError(await post(request, { purpose: 'retry', scenario: 'no_account', previousSessionId: leaked }), 400, 'invalid_request');
  expect(message).toBe('"previousSessionId" must be null or an id starting with fcsess_.');
  await expectAlive(request);
});

base('fake sessions: the scenario picked first, then what each fallback plays', async ({ request }) => {
  const plays = async (purpose: string, scenario: string): Promise<unknown> => {
    const response = await post(request, { purpose, authorization: null, account: null, previousSessionId: null, scenario });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    const body = (await response.json()) as { clientSecret: string; scenario: string };
    expect(Object.keys(body).sort()).toEqual(['clientSecret', 'scenario']);
    expect(body.clientSecret).toMatch(new RegExp(`^fcsess_demo\\d+_${body.scenario}_secret_[a-z0-9]+$`));
    return body.scenario;
  };
  expect(await plays('initial', 'no_account')).toBe('no_account');
  expect(await plays('authorization_retry', 'no_account')).toBe('new_account');
  expect(await plays('retry', 'no_account')).toBe('account_relinked');
  expect(await plays('retry', 'no_authorization')).toBe('account_relinked');
  expect(await plays('retry', 'stripe_error')).toBe('stripe_error');
  expect(await plays('initial', 'hang')).toBe('hang');
});

test("the server's error reaches the element: a request without a scenario gets the 503, the page logs it", async ({ playground, page }) => {
  // Strip the scenario on the way out, as a page wired for real sessions would send.
  await page.route(`**${SESSION_PATH}`, async (route) => {
    const { scenario: _scenario, ...body } = route.request().postDataJSON() as Record<string, unknown>;
    await route.continue({ postData: JSON.stringify(body) });
  });
  await playground.goto('account_relinked');
  // The page expects this one: the request failed on purpose.
  const consoleErrors = playground.pageErrors.length;
  await playground.trigger.click();
  await playground.expectState('errored');
  await expect(playground.modal).toHaveCount(0);

  const events = await playground.events();
  expect(events.map((e) => e.name)).toEqual(['fc-relink-start', 'fc-relink-error']);
  expect(events[1]?.detail).toMatchObject({
    type: 'error',
    code: 'client_secret_fetch_failed',
    message: expect.stringContaining('The demo server answered 503 stripe_keys_missing: Real relink sessions need Stripe keys'),
  });
  expect(await playground.secretRequests()).toEqual([
    {
      purpose: 'initial',
      authorization: null,
      account: null,
      previousSessionId: null,
      error: { status: 503, code: 'stripe_keys_missing', message: expect.stringContaining('Set STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY') },
    },
  ]);
  await expect(playground.log.locator('li[data-kind="request"] .log-summary')).toHaveText('initial → 503 stripe_keys_missing');
  // The browser reports the failed fetch on its console; that is the only error.
  expect(playground.pageErrors.slice(consoleErrors).every((text) => text.includes('503'))).toBe(true);
  playground.pageErrors.length = consoleErrors;
});
