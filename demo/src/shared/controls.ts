/**
 * The playground's controls: which scenario the fake Stripe.js plays (grouped by relink mode) and
 * what confirming a new payment method plays or, with real sessions, which account to relink;
 * what that session looks like; and what the page tells the element (existing account ids,
 * whether it replaces the payment method, language). Plain DOM, so every page of the playground
 * can use it.
 */
import { FAKE_IDS, FAKE_SETUP_SCENARIOS, type FakeScenario, type FakeSetupScenario } from '@fc-relink/testing';
import { FAKE_DAYS_LEFT, FAKE_LINK_STATES, type FakeLinkState } from './api.js';
import { SESSIONS } from './config.js';
import { h } from './dom.js';
import { NEW_ACCOUNT_SCENARIOS, scenarioForRequest, setupScenarioForAttempt } from './fake-sessions.js';
import { jsonView } from './json-view.js';
import { MODES, SCENARIOS, modeInfo, scenarioInfo } from './scenarios.js';

export type PlaygroundLocale = 'en' | 'es' | 'ja' | 'de';

export interface PlaygroundSettings {
  /** Fake sessions: the scenario picked. */
  scenario: FakeScenario;
  /** Fake sessions: what confirming the new payment method's SetupIntent plays. */
  setupScenario: FakeSetupScenario;
  /** Fake sessions: the fake account's state, broken now or expected to stop soon. */
  link: FakeLinkState;
  /** Real sessions: the Financial Connections account to relink (`fca_...`), or `''`. */
  account: string;
  /** The ids the page knows. */
  existingAccountIds: string[];
  /** Whether the page passes them as `existingAccountIds` (else the element gets `null`). */
  passExistingIds: boolean;
  /** Whether the page replaces the payment method when a relink ends on a new account (`fetchSetupIntentSecret`). */
  replacePaymentMethod: boolean;
  /** Whether Stripe.js is blocked on the page (a blocker, a webview): the element then offers Stripe's hosted relink. */
  stripeBlocked: boolean;
  locale: PlaygroundLocale;
}

export const DEFAULT_SETTINGS: PlaygroundSettings = {
  scenario: 'account_relinked',
  setupScenario: 'setup_succeeded',
  link: 'inactive',
  account: '',
  // With real sessions the page starts knowing only the account it relinks (added when chosen).
  existingAccountIds: SESSIONS === 'fake' ? [FAKE_IDS.account, FAKE_IDS.otherAccount] : [],
  passExistingIds: true,
  replacePaymentMethod: true,
  stripeBlocked: false,
  locale: 'en',
};

/** Whether a value is one of the fake's setup outcomes. */
export function isSetupScenario(value: unknown): value is FakeSetupScenario {
  return typeof value === 'string' && (FAKE_SETUP_SCENARIOS as readonly string[]).includes(value);
}

/** What the playground calls each setup outcome, and what the customer sees. */
const SETUP_WORDS: Record<FakeSetupScenario, { title: string; story: string }> = {
  setup_succeeded: { title: 'Confirmed', story: 'Stripe confirms the SetupIntent: the new payment method works at once.' },
  setup_processing: { title: 'Processing', story: 'Stripe is still verifying the account: the payment method works once it is done.' },
  setup_failed: { title: 'Declined', story: 'Stripe refuses the confirmation: the mandate stays, and accepting again asks for a new SetupIntent.' },
};

/** A Financial Connections account id, as the account field accepts it. */
export function isAccountId(value: unknown): value is string {
  return typeof value === 'string' && /^fca_[A-Za-z0-9_]{1,251}$/.test(value);
}

/** The fake's own account ids, offered as suggestions (none with real sessions). */
const KNOWN_IDS = SESSIONS === 'fake' ? [FAKE_IDS.account, FAKE_IDS.otherAccount, FAKE_IDS.newAccount] : [];

const LOCALES: ReadonlyArray<{ value: PlaygroundLocale; label: string }> = [
  { value: 'en', label: 'English' },
  { value: 'es', label: 'Español' },
  { value: 'ja', label: '日本語' },
  { value: 'de', label: 'Deutsch' },
];

export interface Controls {
  /** The cards, to place in the page. */
  readonly element: HTMLElement;
  settings(): PlaygroundSettings;
}

/** Builds the controls; `onChange` hears every change with the setting that changed. */
export function createControls(
  initial: PlaygroundSettings,
  onChange: (settings: PlaygroundSettings, changed: keyof PlaygroundSettings) => void,
): Controls {
  const settings: PlaygroundSettings = { ...initial, existingAccountIds: [...initial.existingAccountIds] };
  const changed = (key: keyof PlaygroundSettings): void => onChange({ ...settings, existingAccountIds: [...settings.existingAccountIds] }, key);

  /** One radio button of a setting: selecting it applies `select`, then tells `onChange`. */
  const choice = (setting: keyof PlaygroundSettings, value: string, current: string, select: () => void, name: string = setting): HTMLInputElement =>
    h('input', {
      type: 'radio',
      name,
      value,
      checked: value === current,
      onchange: () => {
        select();
        changed(setting);
      },
    });

  /** The checkbox of a yes/no setting: a change applies it, runs `then`, then tells `onChange`. */
  const checkbox = (setting: 'passExistingIds' | 'replacePaymentMethod' | 'stripeBlocked', id: string, then?: () => void): HTMLInputElement => {
    const input = h('input', {
      type: 'checkbox',
      id,
      checked: settings[setting],
      onchange: () => {
        settings[setting] = input.checked;
        then?.();
        changed(setting);
      },
    });
    return input;
  };

  // Scenario: one radio group, sectioned by the mode each scenario's session is created in.
  const sections = (SESSIONS === 'fake' ? MODES : []).map((mode) => {
    const headingId = `mode-group-${mode.mode ?? 'none'}`;
    return h(
      'div',
      { class: 'scenario-section', role: 'group', 'aria-labelledby': headingId },
      h('h3', { id: headingId, class: 'scenario-section-title' }, mode.label),
      SCENARIOS.filter((s) => s.mode === mode.mode).map((s) =>
        h(
          'label',
          { class: 'scenario-option' },
          choice('scenario', s.id, settings.scenario, () => {
            settings.scenario = s.id;
            renderSession();
          }),
          h('span', { class: 'scenario-text' }, h('span', { class: 'scenario-title' }, s.title), h('code', { class: 'scenario-id' }, s.id)),
        ),
      ),
    );
  });
  // The new payment method's confirmation: one more radio group, for the relinks that end on a new account.
  const setupSection = h(
    'div',
    { class: 'scenario-section', role: 'group', 'aria-labelledby': 'setup-group-title', 'aria-describedby': 'setup-group-hint' },
    h('h3', { id: 'setup-group-title', class: 'scenario-section-title' }, 'New payment method'),
    h('p', { id: 'setup-group-hint', class: 'field-hint' }, 'After a relink that ends on a new account, what confirming its SetupIntent plays.'),
    FAKE_SETUP_SCENARIOS.map((id) =>
      h(
        'label',
        { class: 'scenario-option' },
        choice('setupScenario', id, settings.setupScenario, () => {
          settings.setupScenario = id;
          renderSession();
        }, 'setup-scenario'),
        h('span', { class: 'scenario-text' }, h('span', { class: 'scenario-title' }, SETUP_WORDS[id].title), h('code', { class: 'scenario-id' }, id)),
      ),
    ),
  );
  const scenarioCard = SESSIONS === 'fake' ? h(
    'section',
    { class: 'card', 'aria-labelledby': 'scenario-title' },
    h('header', { class: 'card-header' }, h('div', {}, h('h2', { id: 'scenario-title', class: 'card-title' }, 'Scenario'), h('p', { class: 'card-lede' }, 'What the fake Stripe.js plays when the customer completes the bank login.'))),
    h('fieldset', { class: 'scenario-list' }, h('legend', { class: 'sr-only' }, 'Scenario'), sections),
    h('fieldset', { class: 'scenario-list' }, h('legend', { class: 'sr-only' }, 'New payment method'), setupSection),
  ) : null;

  // Account (real sessions): the account on file for the signed-in customer, whom the server relinks.
  const accountInput = h('input', {
    id: 'relink-account',
    class: 'input',
    type: 'text',
    value: settings.account,
    placeholder: 'fca_…',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'relink-account-hint relink-account-error',
  });
  const accountError = h('p', { id: 'relink-account-error', class: 'field-error', 'aria-live': 'polite' });
  const useAccount = (event: Event): void => {
    event.preventDefault();
    const id = accountInput.value.trim();
    let error = '';
    if (!id) error = 'Type an account id first.';
    else if (!isAccountId(id)) error = 'A Financial Connections account id is fca_ followed by letters, digits and “_”.';
    accountError.textContent = error;
    accountInput.setAttribute('aria-invalid', String(Boolean(error)));
    if (error || id === settings.account) return;
    settings.account = id;
    // The page knows the account it relinks, so the element can tell new accounts from it.
    if (!settings.existingAccountIds.includes(id)) {
      settings.existingAccountIds.push(id);
      renderChips();
    }
    renderSession();
    changed('account');
  };
  const accountCard = SESSIONS === 'stripe' ? h(
    'section',
    { class: 'card', 'aria-labelledby': 'account-title' },
    h('header', { class: 'card-header' }, h('div', {}, h('h2', { id: 'account-title', class: 'card-title' }, 'Account'), h('p', { class: 'card-lede' }, 'The Financial Connections account to repair, in test mode.'))),
    h(
      'form',
      { class: 'field', onsubmit: useAccount },
      h('label', { for: 'relink-account', class: 'field-label' }, 'Financial Connections account id'),
      h('div', { class: 'add-id' }, accountInput, h('button', { type: 'submit', class: 'button' }, 'Use')),
      accountError,
      h(
        'p',
        { id: 'relink-account-hint', class: 'field-hint' },
        'An inactive account whose ',
        h('code', {}, 'status_details.inactive.action'),
        ' is ',
        h('code', {}, 'relink_required'),
        ', or one that expires soon: still active, with ',
        h('code', {}, 'status_details.active.action'),
        ' ',
        h('code', {}, 'relink_required'),
        ' and an ',
        h('code', {}, 'expected_deactivation_date'),
        '. The server signs you in as the customer who holds it, and relinks it for that customer: it retrieves the account with its secret key and creates the session; only the client secret comes back.',
      ),
    ),
  ) : null;

  // Session: the chosen scenario's mode, relink_options, expected outcome, and what retries play.
  const sessionBody = h('div', { class: 'session-body' });
  const renderSession = (): void => {
    if (SESSIONS === 'stripe') {
      renderStripeSession();
      return;
    }
    const info = scenarioInfo(settings.scenario);
    const mode = modeInfo(info.mode);
    const retry = scenarioForRequest(settings.scenario, 'retry');
    const widened = scenarioForRequest(settings.scenario, 'authorization_retry');
    sessionBody.replaceChildren(
      h('p', { class: 'session-story' }, info.story),
      h(
        'dl',
        { class: 'facts' },
        h('div', { class: 'fact' }, h('dt', {}, 'Mode'), h('dd', {}, h('span', { class: `mode-badge mode-${info.mode ?? 'none'}`, 'data-mode': info.mode ?? 'none', id: 'mode-value' }, mode.label), h('span', { class: 'fact-note' }, mode.explain))),
        h('div', { class: 'fact' }, h('dt', {}, 'relink_options'), h('dd', {}, mode.relinkOptions ? jsonView(mode.relinkOptions, 'json json-inline') : h('span', { class: 'fact-note' }, '—'))),
        h('div', { class: 'fact' }, h('dt', {}, 'Expect'), h('dd', {}, h('code', { class: 'expect' }, info.expect))),
        h(
          'div',
          { class: 'fact' },
          h('dt', {}, 'Retries'),
          h('dd', {}, h('p', { class: 'fact-note' }, 'A plain retry plays ', h('code', {}, retry), '; choosing any account at this bank plays ', h('code', {}, widened), '.')),
        ),
        h('div', { class: 'fact' }, h('dt', {}, 'Payment method'), h('dd', {}, h('p', { class: 'fact-note', id: 'payment-method-plan' }, paymentMethodPlan()))),
      ),
    );
  };
  /** What happens to the payment method after the chosen scenario (and its retries). */
  const paymentMethodPlan = (): Array<string | HTMLElement> => {
    if (!settings.replacePaymentMethod) return ['The page does not replace payment methods (', h('code', {}, 'fetchSetupIntentSecret'), ' is off): a new account ends at ', h('code', {}, 'succeeded'), '.'];
    const setup = settings.setupScenario;
    const then = setupScenarioForAttempt(setup, 2);
    const confirm = ['the mandate follows; confirming plays ', h('code', {}, setup), then === setup ? '' : [', accepting again plays ', h('code', {}, then)], '. ', SETUP_WORDS[setup].story].flat();
    if (NEW_ACCOUNT_SCENARIOS.includes(settings.scenario)) return ['A new account: ', ...confirm];
    return ['The same account: its payment method keeps working. After choosing any account at this bank, ', ...confirm];
  };
  const renderStripeSession = (): void => {
    const account = settings.account;
    const exact = modeInfo('account');
    sessionBody.replaceChildren(
      h(
        'p',
        { class: 'session-story' },
        account ? ['The demo server creates a session that relinks ', h('code', {}, account), '. What happens in Stripe’s window is up to the customer.'] : 'Choose an account first: the demo server needs one to create a session.',
      ),
      h(
        'dl',
        { class: 'facts' },
        h('div', { class: 'fact' }, h('dt', {}, 'Mode'), h('dd', {}, h('span', { class: 'mode-badge mode-account', 'data-mode': 'account', id: 'mode-value' }, exact.label), h('span', { class: 'fact-note' }, 'relink_options.account is set: only that account coming back counts as repaired.'))),
        h('div', { class: 'fact' }, h('dt', {}, 'relink_options'), h('dd', {}, jsonView({ authorization: 'the account’s authorization', account: account || 'fca_…' }, 'json json-inline'))),
        h(
          'div',
          { class: 'fact' },
          h('dt', {}, 'Retries'),
          h(
            'dd',
            {},
            h(
              'p',
              { class: 'fact-note' },
              'A plain retry asks for the same exact-account session; choosing any account at this bank asks for an authorization-only one (',
              h('code', {}, 'relink_options.authorization'),
              ', one checking or savings account).',
            ),
          ),
        ),
        h(
          'div',
          { class: 'fact' },
          h('dt', {}, 'Payment method'),
          h(
            'dd',
            {},
            h(
              'p',
              { class: 'fact-note', id: 'payment-method-plan' },
              settings.replacePaymentMethod
                ? ['When the customer picks a new account, the server makes a SetupIntent for it (only for an account of the signed-in customer, who holds ', h('code', {}, account || 'fca_…'), ') and the mandate follows.']
                : ['The page does not replace payment methods (', h('code', {}, 'fetchSetupIntentSecret'), ' is off).'],
            ),
          ),
        ),
      ),
    );
  };
  renderSession();
  const sessionCard = h(
    'section',
    { class: 'card', 'aria-labelledby': 'session-title' },
    h('header', { class: 'card-header' }, h('div', {}, h('h2', { id: 'session-title', class: 'card-title' }, 'Session'), h('p', { class: 'card-lede' }, SESSIONS === 'fake' ? 'What the fake Stripe.js plays for each session the server makes, and what comes back.' : 'What the server creates with Stripe.'))),
    sessionBody,
  );

  // Page: the ids the page already knows, and the element's language.
  const chips = h('ul', { class: 'chips', 'aria-labelledby': 'ids-label' });
  const addInput = h('input', {
    id: 'add-id',
    class: 'input',
    type: 'text',
    placeholder: 'fca_…',
    autocomplete: 'off',
    spellcheck: 'false',
    list: 'known-ids',
  });
  const addError = h('p', { id: 'add-id-error', class: 'field-error', 'aria-live': 'polite' });
  const passToggle = checkbox('passExistingIds', 'pass-ids', () => idsField.classList.toggle('is-off', !settings.passExistingIds));

  const renderChips = (): void => {
    chips.replaceChildren(
      ...settings.existingAccountIds.map((id, index) =>
        h(
          'li',
          { class: 'chip' },
          h('code', {}, id),
          h(
            'button',
            {
              type: 'button',
              class: 'chip-remove',
              'aria-label': `Remove ${id}`,
              onclick: () => {
                settings.existingAccountIds.splice(index, 1);
                renderChips();
                changed('existingAccountIds');
                // Keep keyboard users in the list: focus the next chip, or the input.
                const next = chips.querySelectorAll<HTMLButtonElement>('.chip-remove')[Math.min(index, settings.existingAccountIds.length - 1)];
                (next ?? addInput).focus();
              },
            },
            '×',
          ),
        ),
      ),
    );
    if (settings.existingAccountIds.length === 0) chips.append(h('li', { class: 'chip-empty' }, 'None: every account counts as new.'));
  };
  renderChips();

  const addId = (event: Event): void => {
    event.preventDefault();
    const id = addInput.value.trim();
    let error = '';
    if (!id) error = 'Type an account id first.';
    else if (!/^[A-Za-z0-9_]+$/.test(id)) error = 'Account ids are letters, digits and “_”.';
    else if (settings.existingAccountIds.includes(id)) error = `${id} is already in the list.`;
    addError.textContent = error;
    addInput.setAttribute('aria-invalid', String(Boolean(error)));
    if (error) return;
    settings.existingAccountIds.push(id);
    addInput.value = '';
    renderChips();
    changed('existingAccountIds');
  };
  addInput.setAttribute('aria-describedby', 'add-id-error');

  const restore = h(
    'button',
    {
      type: 'button',
      class: 'link-button',
      onclick: () => {
        settings.existingAccountIds = [...DEFAULT_SETTINGS.existingAccountIds];
        if (settings.account) settings.existingAccountIds.push(settings.account);
        addError.textContent = '';
        renderChips();
        changed('existingAccountIds');
      },
    },
    'Restore the defaults',
  );

  const idsField = h(
    'div',
    { class: `field${settings.passExistingIds ? '' : ' is-off'}` },
    h('span', { id: 'ids-label', class: 'field-label' }, 'Existing account ids'),
    h('p', { class: 'field-hint' }, 'Accounts the page already has, so the element can tell new ones apart (', h('code', {}, 'isNew'), ', ', h('code', {}, 'newAccountIds'), ').'),
    chips,
    h(
      'form',
      { class: 'add-id', onsubmit: addId },
      h('label', { for: 'add-id', class: 'sr-only' }, 'Add an account id'),
      addInput,
      h('button', { type: 'submit', class: 'button' }, 'Add'),
    ),
    addError,
    h('datalist', { id: 'known-ids' }, KNOWN_IDS.map((id) => h('option', { value: id }))),
    KNOWN_IDS.length
      ? h('p', { class: 'field-hint' }, 'The fake’s accounts: ', KNOWN_IDS.map((id, i) => [i ? ', ' : '', h('code', {}, id)]), '. ', restore)
      : h('p', { class: 'field-hint' }, restore),
    h('label', { class: 'toggle' }, passToggle, h('span', {}, 'Pass them as ', h('code', {}, 'existingAccountIds'), h('span', { class: 'toggle-note' }, ' (off: the element gets null, so isNew is null)'))),
  );

  // The fake customer's bank link (fake sessions): which of their accounts is on file, as relinkEligibility reads it.
  const LINK_WORDS: Record<FakeLinkState, { title: string; note: string }> = {
    inactive: { title: 'Broken now', note: 'status inactive, relink required' },
    expiring: { title: 'Expires soon', note: `still active; Stripe expects it to stop in ${FAKE_DAYS_LEFT} days` },
  };
  const linkField =
    SESSIONS === 'fake'
      ? h(
          'fieldset',
          { class: 'field link-field' },
          h('legend', { class: 'field-label' }, 'Bank link'),
          FAKE_LINK_STATES.map((state) =>
            h(
              'label',
              { class: 'toggle' },
              choice('link', state, settings.link, () => {
                settings.link = state;
              }),
              h('span', {}, LINK_WORDS[state].title, h('span', { class: 'toggle-note' }, ` (${LINK_WORDS[state].note})`)),
            ),
          ),
        )
      : null;

  const replaceToggle = checkbox('replacePaymentMethod', 'replace-payment-method', () => renderSession());
  const blockedToggle = checkbox('stripeBlocked', 'stripe-blocked');

  const locale = h(
    'select',
    {
      id: 'locale',
      class: 'input',
      onchange: () => {
        settings.locale = locale.value as PlaygroundLocale;
        changed('locale');
      },
    },
    LOCALES.map((l) => h('option', { value: l.value, lang: l.value, selected: l.value === settings.locale }, l.label)),
  );

  const pageCard = h(
    'section',
    { class: 'card', 'aria-labelledby': 'page-title' },
    h('header', { class: 'card-header' }, h('div', {}, h('h2', { id: 'page-title', class: 'card-title' }, 'Page'), h('p', { class: 'card-lede' }, 'What the page knows, and tells the element.'))),
    linkField,
    idsField,
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { class: 'toggle' },
        replaceToggle,
        h('span', {}, 'Replace the payment method on a new account', h('span', { class: 'toggle-note' }, ' (sets ', h('code', {}, 'fetchSetupIntentSecret'), ' and ', h('code', {}, 'businessName'), ')')),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h(
        'label',
        { class: 'toggle' },
        blockedToggle,
        h('span', {}, 'Stripe.js blocked', h('span', { class: 'toggle-note' }, ' (a blocker or a webview: the element offers Stripe’s hosted relink, through ', h('code', {}, 'fetchHostedRelinkUrl'), ')')),
      ),
    ),
    h('div', { class: 'field' }, h('label', { for: 'locale', class: 'field-label' }, 'Language'), locale),
  );

  return {
    element: h('div', { class: 'controls' }, scenarioCard, accountCard, sessionCard, pageCard),
    settings: () => ({ ...settings, existingAccountIds: [...settings.existingAccountIds] }),
  };
}
