// @ts-check
// A payments relink, end to end, in the browser: <fc-relink> repairs the bank link through your
// server (@fc-relink/server's examples/relink-server.mjs) and, when the customer ends up on a new
// account, shows the ACH mandate and replaces the payment method made from the old one.
// The page: <fc-relink publishable-key="pk_test_..." business-name="Rocket Rides" data-account="fca_...">
import '@fc-relink/element';

const relink = /** @type {import('@fc-relink/element').FcRelinkElement} */ (document.querySelector('fc-relink'));
const billing = /** @type {HTMLElement} */ (document.querySelector('#billing-status'));

/**
 * POSTs JSON to your server and returns its `clientSecret`. A throw becomes the element's typed
 * error (`client_secret_fetch_failed`, `setup_intent_fetch_failed`), never an exception.
 * @param {string} path @param {object} body @param {AbortSignal} signal
 */
async function secretFrom(path, body, signal) {
  const res = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return (await res.json()).clientSecret;
}

// The account this page pays from, so the element can tell a new account from it.
relink.existingAccountIds = relink.dataset['account'] ? [relink.dataset['account']] : [];
// Every attempt gets a new session: the exact account first, any account at the bank after
// `no_account` (purpose `authorization_retry`, the "Try any account at this bank" button), and a
// retry keeps the scope of what it retries (the server reads `account` and `authorization` for it).
/** @param {import('@fc-relink/element').ClientSecretRequest} request */
relink.fetchClientSecret = ({ purpose, account, authorization, signal }) => secretFrom('/relink-session', { purpose, account, authorization }, signal);
// A new account: a SetupIntent for it, asked as soon as the mandate shows.
/** @param {import('@fc-relink/element').SetupIntentRequest} request */
relink.fetchSetupIntentSecret = ({ account, signal }) => secretFrom('/replacement-setup-intent', { accountId: account.id }, signal);

relink.addEventListener('fc-relink-success', (e) => {
  // The same account: its payment method works again. A new one: the mandate comes next.
  if (!e.detail.needsNewPaymentMethod) billing.textContent = 'Paying by bank from your reconnected account.';
});
relink.addEventListener('fc-relink-payment-method', (e) => {
  // Store the new payment method on your server from Stripe's setup_intent.succeeded webhook,
  // where a page cannot fake it, and stop charging the old one; the page only says so.
  const { status, accountId } = e.detail;
  billing.textContent = status === 'succeeded' ? `Paying by bank from ${accountId}.` : `Paying by bank from ${accountId} once your bank confirms it.`;
});
relink.addEventListener('fc-relink-fallback', (e) => {
  if (e.detail.fallback === 'new_payment_method') location.assign('/payment-methods/new');
});
