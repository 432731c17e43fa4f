/**
 * The playground page around `<fc-relink>`: header, controls, a preview where the page puts the
 * element, its live `state`, and the event log. Each page (vanilla today; React and Vue later)
 * calls `mountPlayground` with one function that renders the element its own way.
 */
import type { ClientSecretRequest } from '@fc-relink/element';
import { PUBLISHABLE_KEY, stripeSource } from './config.js';
import { DEFAULT_SETTINGS, createControls, type PlaygroundSettings } from './controls.js';
import { append, h, icon, ICONS } from './dom.js';
import { createEventLog } from './event-log.js';
import { isScenario, modeInfo, scenarioInfo } from './scenarios.js';
import { fakeSecretServer } from './secrets.js';
import { createStateView } from './state-view.js';

/** What a page gives its `<fc-relink>`. */
export interface RelinkSetup {
  publishableKey: string;
  fetchClientSecret: (request: ClientSecretRequest) => Promise<string>;
  existingAccountIds: string[] | null;
  locale: string;
}

/** A rendered `<fc-relink>`, as a page controls it. */
export interface RelinkMount {
  update(setup: RelinkSetup): void;
  destroy(): void;
}

export interface PlaygroundOptions {
  /** How this page renders the element, e.g. "Web component". */
  flavor: string;
  /** Renders a fresh `<fc-relink>` into `host`. Called again (after `destroy`) on every reset. */
  mountRelink(host: HTMLElement, setup: RelinkSetup): RelinkMount;
}

function settingsFromUrl(): PlaygroundSettings {
  const scenario = new URLSearchParams(location.search).get('scenario');
  return { ...DEFAULT_SETTINGS, scenario: isScenario(scenario) ? scenario : DEFAULT_SETTINGS.scenario };
}

function rememberScenario(settings: PlaygroundSettings): void {
  const url = new URL(location.href);
  url.searchParams.set('scenario', settings.scenario);
  history.replaceState(null, '', url);
}

export function mountPlayground(root: HTMLElement, options: PlaygroundOptions): void {
  const log = createEventLog();
  const stateView = createStateView();
  let settings = settingsFromUrl();

  const fetchClientSecret = fakeSecretServer({
    scenario: () => settings.scenario,
    onRequest: (report) => log.request(report),
  });
  const setup = (): RelinkSetup => ({
    publishableKey: PUBLISHABLE_KEY,
    fetchClientSecret,
    existingAccountIds: settings.passExistingIds ? [...settings.existingAccountIds] : null,
    locale: settings.locale,
  });

  // The preview: a billing page's bank account that needs repairing, and the element.
  const linkStatus = h('span', { class: 'badge badge-warning', 'data-link-status': 'broken' }, 'Needs reconnecting');
  const relinkHost = h('div', { class: 'relink-host' });
  // A live region that is always there, so filling it is announced.
  const notice = h('div', { class: 'host-notice', role: 'status' });
  const showNotice = (shown: boolean): void => {
    notice.replaceChildren(
      ...(shown
        ? [
            h('strong', {}, 'The page takes over. '),
            'Choosing a different payment method has no default action in the element: this is where a page would collect one, for example with Stripe’s Payment Element.',
          ]
        : []),
    );
  };
  const reset = h(
    'button',
    { type: 'button', class: 'button button-quiet', 'data-action': 'reset', onclick: () => remount('Element reset') },
    icon(ICONS.reset),
    'Reset',
  );
  const preview = h(
    'section',
    { class: 'card preview-card', 'aria-labelledby': 'preview-title' },
    h(
      'header',
      { class: 'card-header' },
      h('div', {}, h('h2', { id: 'preview-title', class: 'card-title', tabindex: '-1' }, 'Preview'), h('p', { class: 'card-lede' }, h('code', {}, '<fc-relink>'), ` · ${options.flavor}`)),
      reset,
    ),
    h(
      'div',
      { class: 'stage' },
      h(
        'div',
        { class: 'account-row' },
        h('span', { class: 'account-icon' }, icon(ICONS.bank)),
        h('div', { class: 'account-text' }, h('strong', {}, 'StripeBank · Everyday Checking ••6789'), h('span', {}, 'Pays your invoices by bank transfer')),
        linkStatus,
      ),
      h('p', { class: 'stage-copy' }, 'We lost access to this bank account. Reconnect it to keep paying by bank.'),
      relinkHost,
      notice,
    ),
    h('footer', { class: 'stage-footer' }, stateView.element),
  );

  const setLinkStatus = (status: 'broken' | 'repaired'): void => {
    linkStatus.dataset.linkStatus = status;
    linkStatus.className = `badge ${status === 'repaired' ? 'badge-success' : 'badge-warning'}`;
    linkStatus.textContent = status === 'repaired' ? 'Connected' : 'Needs reconnecting';
  };

  // The page's own reactions to the element's events (the log records them separately).
  relinkHost.addEventListener('fc-relink-start', () => showNotice(false));
  relinkHost.addEventListener('fc-relink-success', () => setLinkStatus('repaired'));
  relinkHost.addEventListener('fc-relink-fallback', (event) => {
    if (event.detail.fallback === 'new_payment_method') showNotice(true);
  });
  log.listen(relinkHost);
  stateView.watch(relinkHost);

  let mounted: RelinkMount | null = null;
  function remount(reason?: string): void {
    mounted?.destroy();
    relinkHost.replaceChildren();
    showNotice(false);
    setLinkStatus('broken');
    mounted = options.mountRelink(relinkHost, setup());
    if (reason) log.mark(reason);
  }

  const controls = createControls(settings, (next, changed) => {
    settings = next;
    if (changed === 'scenario') {
      rememberScenario(settings);
      const info = scenarioInfo(settings.scenario);
      remount(`Scenario ${info.id} · ${modeInfo(info.mode).label}`);
    } else {
      mounted?.update(setup());
    }
  });

  const source = stripeSource();
  append(root, [
    h('a', { class: 'skip-link', href: '#preview-title' }, 'Skip to the preview'),
    h(
      'header',
      { class: 'topbar' },
      h(
        'div',
        { class: 'topbar-inner' },
        h('a', { class: 'brand', href: './' }, h('span', { class: 'brand-mark' }, icon(ICONS.link)), h('span', { class: 'brand-name' }, 'fc-relink'), h('span', { class: 'brand-sub' }, 'Playground')),
        h(
          'div',
          { class: 'topbar-meta' },
          h('span', { class: 'badge badge-test' }, 'Test mode'),
          h('span', { class: 'badge badge-outline', 'data-stripe-source': source }, source === 'fake' ? 'Fake Stripe.js · served locally' : 'Stripe.js · js.stripe.com'),
        ),
      ),
    ),
    h(
      'main',
      { class: 'page' },
      h(
        'div',
        { class: 'hero' },
        h('h1', {}, 'Repair a broken bank link'),
        h(
          'p',
          {},
          'Pick what the fake Stripe.js plays, press the button in the preview and finish the bank login. ',
          'The element’s state and every event it fires show up live. ',
          source === 'fake' ? 'No keys, no network.' : 'Stripe.js comes from js.stripe.com.',
        ),
      ),
      h('div', { class: 'layout' }, h('div', { class: 'col-controls' }, controls.element), h('div', { class: 'col-stage' }, preview, log.element)),
    ),
    h(
      'footer',
      { class: 'page-footer' },
      'The log prints each event’s ',
      h('code', {}, 'detail'),
      ' exactly as dispatched: client secrets never appear in it, nor anywhere on this page.',
    ),
  ]);
  remount();
}
