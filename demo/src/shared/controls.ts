/**
 * The playground's controls: which scenario the fake Stripe.js plays (grouped by relink mode),
 * what that session looks like, and what the page tells the element (existing account ids,
 * language). Plain DOM, so every page of the playground can use it.
 */
import { FAKE_IDS, type FakeScenario } from '@fc-relink/testing';
import { h } from './dom.js';
import { jsonView } from './json-view.js';
import { MODES, SCENARIOS, modeInfo, scenarioInfo } from './scenarios.js';
import { scenarioForRequest } from './secrets.js';

export type PlaygroundLocale = 'en' | 'ja' | 'de';

export interface PlaygroundSettings {
  scenario: FakeScenario;
  /** The ids the page knows. */
  existingAccountIds: string[];
  /** Whether the page passes them as `existingAccountIds` (else the element gets `null`). */
  passExistingIds: boolean;
  locale: PlaygroundLocale;
}

export const DEFAULT_SETTINGS: PlaygroundSettings = {
  scenario: 'account_relinked',
  existingAccountIds: [FAKE_IDS.account, FAKE_IDS.otherAccount],
  passExistingIds: true,
  locale: 'en',
};

/** The fake's own account ids, offered as suggestions. */
const KNOWN_IDS = [FAKE_IDS.account, FAKE_IDS.otherAccount, FAKE_IDS.newAccount];

const LOCALES: ReadonlyArray<{ value: PlaygroundLocale; label: string }> = [
  { value: 'en', label: 'English' },
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

  // Scenario: one radio group, sectioned by the mode each scenario's session is created in.
  const sections = MODES.map((mode) => {
    const headingId = `mode-group-${mode.mode ?? 'none'}`;
    return h(
      'div',
      { class: 'scenario-section', role: 'group', 'aria-labelledby': headingId },
      h('h3', { id: headingId, class: 'scenario-section-title' }, mode.label),
      SCENARIOS.filter((s) => s.mode === mode.mode).map((s) =>
        h(
          'label',
          { class: 'scenario-option' },
          h('input', {
            type: 'radio',
            name: 'scenario',
            value: s.id,
            checked: s.id === settings.scenario,
            onchange: () => {
              settings.scenario = s.id;
              renderSession();
              changed('scenario');
            },
          }),
          h('span', { class: 'scenario-text' }, h('span', { class: 'scenario-title' }, s.title), h('code', { class: 'scenario-id' }, s.id)),
        ),
      ),
    );
  });
  const scenarioCard = h(
    'section',
    { class: 'card', 'aria-labelledby': 'scenario-title' },
    h('header', { class: 'card-header' }, h('div', {}, h('h2', { id: 'scenario-title', class: 'card-title' }, 'Scenario'), h('p', { class: 'card-lede' }, 'What the fake Stripe.js plays when the customer completes the bank login.'))),
    h('fieldset', { class: 'scenario-list' }, h('legend', { class: 'sr-only' }, 'Scenario'), sections),
  );

  // Session: the chosen scenario's mode, relink_options, expected outcome, and what retries play.
  const sessionBody = h('div', { class: 'session-body' });
  const renderSession = (): void => {
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
      ),
    );
  };
  renderSession();
  const sessionCard = h(
    'section',
    { class: 'card', 'aria-labelledby': 'session-title' },
    h('header', { class: 'card-header' }, h('div', {}, h('h2', { id: 'session-title', class: 'card-title' }, 'Session'), h('p', { class: 'card-lede' }, 'What the page’s server would create, and what comes back.'))),
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
  const passToggle = h('input', {
    type: 'checkbox',
    id: 'pass-ids',
    checked: settings.passExistingIds,
    onchange: () => {
      settings.passExistingIds = passToggle.checked;
      idsField.classList.toggle('is-off', !settings.passExistingIds);
      changed('passExistingIds');
    },
  });

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
    h('p', { class: 'field-hint' }, 'The fake’s accounts: ', KNOWN_IDS.map((id, i) => [i ? ', ' : '', h('code', {}, id)]), '. ', restore),
    h('label', { class: 'toggle' }, passToggle, h('span', {}, 'Pass them as ', h('code', {}, 'existingAccountIds'), h('span', { class: 'toggle-note' }, ' (off: the element gets null, so isNew is null)'))),
  );

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
    h('header', { class: 'card-header' }, h('div', {}, h('h2', { id: 'page-title', class: 'card-title' }, 'Page'), h('p', { class: 'card-lede' }, 'What the page tells the element.'))),
    idsField,
    h('div', { class: 'field' }, h('label', { for: 'locale', class: 'field-label' }, 'Language'), locale),
  );

  return {
    element: h('div', { class: 'controls' }, scenarioCard, sessionCard, pageCard),
    settings: () => ({ ...settings, existingAccountIds: [...settings.existingAccountIds] }),
  };
}
