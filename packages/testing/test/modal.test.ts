import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FAKE_IDS, createFakeStripe, fakeClientSecret, type FakeScenario } from '../src/index.js';
import { pressShiftTab } from '../../../test-support/browser.js';

function modals(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[data-fake-stripe-modal]')];
}

function theModal(): HTMLElement {
  const all = modals();
  expect(all, 'exactly one open modal').to.have.length(1);
  return all[0] as HTMLElement;
}

function action(dialog: HTMLElement, name: 'complete' | 'close'): HTMLButtonElement {
  const button = dialog.querySelector<HTMLButtonElement>(`[data-fake-stripe-action="${name}"]`);
  expect(button, `the ${name} button`).to.exist;
  return button as HTMLButtonElement;
}

function open(scenario: FakeScenario, secret = fakeClientSecret(scenario)) {
  const stripe = createFakeStripe({ ui: true });
  const result = stripe.collectFinancialConnectionsAccounts({ clientSecret: secret });
  return { stripe, result, dialog: theModal() };
}

afterEach(() => {
  for (const dialog of modals()) dialog.remove();
});

describe('ui: the modal', () => {
  it('opens within the call, as an accessible modal dialog on document.body', async () => {
    const { dialog } = open('account_relinked');
    expect(dialog.parentElement).to.equal(document.body);
    expect(dialog.getAttribute('role')).to.equal('dialog');
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    const title = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(title?.textContent).to.equal('Bank login');
    expect(dialog.contains(title)).to.be.true;
    expect(dialog.matches(':modal')).to.be.true;
    await expect(dialog).to.be.accessible();
  });

  it('names the institution and the scenario that will play', () => {
    const { dialog } = open('no_account');
    const description = document.getElementById(dialog.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).to.include('StripeBank');
    expect(description?.textContent).to.include('no_account');
    expect(action(dialog, 'complete').textContent).to.equal('Complete');
    expect(action(dialog, 'close').textContent).to.equal('Close');
  });

  it('never puts the client secret in the DOM', () => {
    const secret = fakeClientSecret('new_account', 'visible');
    open('new_account', secret);
    const page = document.documentElement.outerHTML;
    expect(page).not.to.include(secret);
    expect(page).not.to.include('visible');
    expect(page).not.to.include('_secret_');
  });

  it('moves focus to Complete and keeps Tab inside the dialog', async () => {
    const { dialog } = open('account_relinked');
    expect(document.activeElement).to.equal(action(dialog, 'complete'));
    await sendKeys({ press: 'Tab' });
    expect(dialog.contains(document.activeElement), 'after Tab').to.be.true;
    expect(document.activeElement).to.equal(action(dialog, 'close'));
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(action(dialog, 'complete'));
  });

  it('keeps Shift+Tab inside the dialog', async () => {
    const { dialog } = open('account_relinked');
    await pressShiftTab();
    expect(document.activeElement).to.equal(action(dialog, 'close'));
    await pressShiftTab();
    expect(document.activeElement).to.equal(action(dialog, 'complete'));
  });

  it('Complete settles with the scenario and removes the modal', async () => {
    const { stripe, result, dialog } = open('account_relinked');
    expect(stripe.calls[0]?.settled).to.be.false;
    action(dialog, 'complete').click();
    const settled = await result;
    expect(settled.financialConnectionsSession?.relink_result).to.deep.equal({
      account: FAKE_IDS.account,
      authorization: FAKE_IDS.authorization,
      failure_reason: null,
    });
    expect(dialog.isConnected).to.be.false;
    expect(modals()).to.have.length(0);
    expect(stripe.calls[0]?.settled).to.be.true;
  });

  it('Complete plays stripe_error as an error', async () => {
    const { result, dialog } = open('stripe_error');
    action(dialog, 'complete').click();
    expect((await result).error?.type).to.equal('invalid_request_error');
  });

  it('Close settles as the customer giving up, in an account-mode scenario’s mode', async () => {
    const { result, dialog } = open('account_relinked');
    action(dialog, 'close').click();
    const session = (await result).financialConnectionsSession;
    expect(session?.relink_options).to.deep.equal({ authorization: FAKE_IDS.authorization, account: FAKE_IDS.account });
    expect(session?.relink_result).to.deep.equal({ account: null, authorization: null, failure_reason: 'no_authorization' });
    expect(session?.accounts).to.deep.equal([]);
    expect(modals()).to.have.length(0);
  });

  it('Close settles in authorization mode for an authorization-mode scenario', async () => {
    const { result, dialog } = open('new_account');
    action(dialog, 'close').click();
    const session = (await result).financialConnectionsSession;
    expect(session?.relink_options).to.deep.equal({ authorization: FAKE_IDS.authorization });
    expect(session?.relink_result?.failure_reason).to.equal('no_authorization');
  });

  it('Escape is Close', async () => {
    const { result, dialog } = open('authorization_relinked');
    await sendKeys({ press: 'Escape' });
    const session = (await result).financialConnectionsSession;
    expect(session?.relink_result?.failure_reason).to.equal('no_authorization');
    expect(dialog.isConnected).to.be.false;
  });

  it('gives focus back to what had it when the modal closes', async () => {
    const trigger = await fixture<HTMLButtonElement>(html`<button>Relink</button>`);
    trigger.focus();
    const { result, dialog } = open('other');
    expect(document.activeElement).not.to.equal(trigger);
    action(dialog, 'complete').click();
    await result;
    expect(document.activeElement).to.equal(trigger);
  });

  it('keeps a hang open after Complete, says so, and lets Close end it', async () => {
    const { stripe, result, dialog } = open('hang');
    const status = dialog.querySelector('[role="status"]');
    expect(status?.textContent).to.equal('');
    action(dialog, 'complete').click();
    await aTimeout(50);
    expect(dialog.isConnected).to.be.true;
    expect(stripe.calls[0]?.settled).to.be.false;
    expect(status?.textContent).to.match(/never answers/);
    action(dialog, 'close').click();
    expect((await result).financialConnectionsSession?.relink_result?.failure_reason).to.equal('no_authorization');
    expect(dialog.isConnected).to.be.false;
  });

  it('opens one modal per call', async () => {
    const stripe = createFakeStripe({ ui: true, scenario: 'other' });
    const first = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    const second = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_c_secret_d' });
    const [a, b] = modals();
    expect(modals()).to.have.length(2);
    expect(a?.getAttribute('aria-labelledby')).not.to.equal(b?.getAttribute('aria-labelledby'));
    action(b as HTMLElement, 'complete').click();
    expect((await second).financialConnectionsSession?.id).to.equal('fcsess_c');
    expect(modals()).to.deep.equal([a]);
    action(a as HTMLElement, 'close').click();
    expect((await first).financialConnectionsSession?.id).to.equal('fcsess_a');
  });

  it('waits for the gate after the choice, not for the delay', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stripe = createFakeStripe({ ui: true, scenario: 'no_account', gate, delay: 60_000 });
    const result = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    action(theModal(), 'complete').click();
    await aTimeout(20);
    expect(stripe.calls[0]?.settled).to.be.false;
    release();
    expect((await result).financialConnectionsSession?.relink_result?.failure_reason).to.equal('no_account');
  });

  it('shows no modal when there is no scenario to play', async () => {
    const stripe = createFakeStripe({ ui: true });
    const result = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(modals()).to.have.length(0);
    expect((await result).error?.type).to.equal('invalid_request_error');
  });

  it('shows no modal without ui', async () => {
    const stripe = createFakeStripe({ scenario: 'account_relinked' });
    const result = stripe.collectFinancialConnectionsAccounts({ clientSecret: 'fcsess_a_secret_b' });
    expect(modals()).to.have.length(0);
    await result;
  });

  it('is closed as giving up when something else closes the dialog', async () => {
    const { result, dialog } = open('account_relinked');
    const closed = oneEvent(dialog, 'close');
    (dialog as HTMLDialogElement).close();
    await closed;
    expect((await result).financialConnectionsSession?.relink_result?.failure_reason).to.equal('no_authorization');
    expect(dialog.isConnected).to.be.false;
  });
});
