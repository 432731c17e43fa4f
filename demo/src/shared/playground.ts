/**
 * The playground page around `<fc-relink>`: header, controls, a preview where the page puts the
 * element, its live `state`, and the event log. Each page (plain HTML, React, Vue) calls
 * `mountPlayground` with one function that renders the element its own way; everything else is
 * this shared, framework-free code.
 *
 * Every `fetchClientSecret` call goes to the demo server (secrets.ts): fake sessions for the
 * scenario picked, or real ones for the account typed when the server has Stripe keys.
 */
import type { ClientSecretRequest, FcRelinkEventsByKey, RelinkOutcome } from '@fc-relink/element';
import './playground.css';
import type { RelinkSessionRequestBody } from './api.js';
import { KEYS_NOTICE, PUBLISHABLE_KEY, SESSIONS, stripeSource } from './config.js';
import { DEFAULT_SETTINGS, createControls, isAccountId, type PlaygroundSettings } from './controls.js';
import { append, h, icon, ICONS, type Child } from './dom.js';
import { createEventLog } from './event-log.js';
import { createHandlerView, type RelinkEventKey } from './handler-view.js';
import { PLAYGROUND_PAGES, type PlaygroundPageId } from './pages.js';
import { isScenario, modeInfo, scenarioInfo } from './scenarios.js';
import { sessionServer } from './secrets.js';
import { createStateView } from './state-view.js';

/**
 * The page's own reactions to the element's events, by the keys of `fcRelinkEventNames`. Each
 * page wires them its own way: `addEventListener`, React's `onRelink*` props, Vue's
 * `@fc-relink-*` listeners.
 */
export type RelinkHandlers = { [K in RelinkEventKey]: (event: FcRelinkEventsByKey[K]) => void };

/** What a page gives its `<fc-relink>`. */
export interface RelinkSetup {
  publishableKey: string;
  fetchClientSecret: (request: ClientSecretRequest) => Promise<string>;
  existingAccountIds: string[] | null;
  locale: string;
  /** The same object for the life of one mount. */
  handlers: RelinkHandlers;
}

/** A rendered `<fc-relink>`, as a page controls it. */
export interface RelinkMount {
  update(setup: RelinkSetup): void;
  /** Calls the element's `start()` through the page's own reference to it; `null` without one. */
  start(): Promise<RelinkOutcome | null>;
  destroy(): void;
}

export interface PlaygroundOptions {
  /** Which page this is: its tab is marked current in the header. */
  page: PlaygroundPageId;
  /** How this page renders the element, e.g. "Web component", after `<fc-relink> ·` in the preview. */
  flavor: Child;
  /** One sentence on how this page renders the element, under the title. */
  about: Child;
  /** What this page calls each event's handler, e.g. `onRelinkSuccess`. */
  handlerNames: Readonly<Record<RelinkEventKey, string>>;
  /** How this page calls `start()`, e.g. `ref.current.start()`: the label of the preview's button. */
  startCall: string;
  /** Renders a fresh `<fc-relink>` into `host`. Called again (after `destroy`) on every reset. */
  mountRelink(host: HTMLElement, setup: RelinkSetup): RelinkMount;
}

function settingsFromUrl(): PlaygroundSettings {
  const params = new URLSearchParams(location.search);
  const scenario = params.get('scenario');
  const account = params.get('account');
  const settings = { ...DEFAULT_SETTINGS, existingAccountIds: [...DEFAULT_SETTINGS.existingAccountIds] };
  if (SESSIONS === 'fake' && isScenario(scenario)) settings.scenario = scenario;
  if (SESSIONS === 'stripe' && isAccountId(account)) {
    settings.account = account;
    settings.existingAccountIds.push(account);
  }
  return settings;
}

/** Keeps the scenario (or the account to relink) in the URL, so a link reopens it. */
function rememberChoice(settings: PlaygroundSettings): void {
  const url = new URL(location.href);
  if (SESSIONS === 'fake') url.searchParams.set('scenario', settings.scenario);
  else if (settings.account) url.searchParams.set('account', settings.account);
  history.replaceState(null, '', url);
}

/** The choice in this page's URL, for the links to the other pages (`?scenario=...`, or `''`). */
function choiceQuery(): string {
  const current = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const key of ['scenario', 'account']) {
    const value = current.get(key);
    if (value) kept.set(key, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : '';
}

/** The header's tabs: one link per page, the current one marked. */
function pageTabs(current: PlaygroundPageId): { element: HTMLElement; refresh(): void } {
  const links = PLAYGROUND_PAGES.map((page) =>
    h('a', { class: 'page-tab', href: `.${page.path}`, 'data-page': page.id, 'aria-current': page.id === current ? 'page' : null }, page.label),
  );
  const refresh = (): void => {
    const query = choiceQuery();
    PLAYGROUND_PAGES.forEach((page, i) => links[i]!.setAttribute('href', `.${page.path}${query}`));
  };
  refresh();
  return {
    element: h('nav', { class: 'page-tabs', 'aria-label': 'Playground pages' }, h('ul', {}, links.map((link) => h('li', {}, link)))),
    refresh,
  };
}

/** What the page sends the demo server for one request of the element. */
function requestBody(request: ClientSecretRequest, settings: PlaygroundSettings): RelinkSessionRequestBody {
  const asked = { purpose: request.purpose, authorization: request.authorization, previousSessionId: request.previousSessionId };
  // Real sessions: the account to relink, whatever the purpose (the server widens the scope for
  // an authorization_retry). Fake ones: the element's own request, and the scenario picked.
  return SESSIONS === 'stripe'
    ? { ...asked, account: settings.account || null }
    : { ...asked, account: request.account, scenario: settings.scenario };
}

export function mountPlayground(root: HTMLElement, options: PlaygroundOptions): void {
  const log = createEventLog();
  const stateView = createStateView();
  const handlerView = createHandlerView(options.handlerNames);
  const tabs = pageTabs(options.page);
  let settings = settingsFromUrl();
  let handlers: RelinkHandlers;

  const fetchClientSecret = sessionServer({
    body: (request) => requestBody(request, settings),
    onRequest: (report) => log.request(report),
  });
  const setup = (): RelinkSetup => ({
    publishableKey: PUBLISHABLE_KEY,
    fetchClientSecret,
    existingAccountIds: settings.passExistingIds ? [...settings.existingAccountIds] : null,
    locale: settings.locale,
    handlers,
  });

  // The preview: a billing page's bank account that needs repairing, and the element.
  const linkStatus = h('span', { class: 'badge badge-warning', 'data-link-status': 'broken' }, 'Needs reconnecting');
  const accountName = h('strong', {});
  const accountNote = h('span', {});
  const renderAccount = (): void => {
    if (SESSIONS === 'fake') {
      accountName.textContent = 'StripeBank · Everyday Checking ••6789';
      accountNote.textContent = 'Pays your invoices by bank transfer';
    } else {
      accountName.textContent = settings.account || 'No account chosen yet';
      accountNote.textContent = settings.account ? 'A Financial Connections account in test mode' : 'Type its id under Account';
    }
  };
  renderAccount();
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
  // The imperative API, through the page's own reference to the element.
  const start = h(
    'button',
    {
      type: 'button',
      class: 'button button-quiet',
      'data-action': 'start',
      onclick: () => {
        const calledOn = mounted;
        // start() never rejects: a click handler has nothing to wait for but the log line.
        void calledOn?.start().then((outcome) => {
          if (calledOn === mounted) log.mark(`${options.startCall} resolved: ${outcome ? outcome.type : 'no element'}`);
        });
      },
    },
    icon(ICONS.play),
    h('code', {}, options.startCall),
  );
  const preview = h(
    'section',
    { class: 'card preview-card', 'aria-labelledby': 'preview-title' },
    h(
      'header',
      { class: 'card-header' },
      h('div', {}, h('h2', { id: 'preview-title', class: 'card-title', tabindex: '-1' }, 'Preview'), h('p', { class: 'card-lede' }, h('code', {}, '<fc-relink>'), ' · ', options.flavor)),
      h('div', { class: 'card-actions' }, start, reset),
    ),
    h(
      'div',
      { class: 'stage' },
      h(
        'div',
        { class: 'account-row' },
        h('span', { class: 'account-icon' }, icon(ICONS.bank)),
        h('div', { class: 'account-text' }, accountName, accountNote),
        linkStatus,
      ),
      h('p', { class: 'stage-copy' }, 'We lost access to this bank account. Reconnect it to keep paying by bank.'),
      relinkHost,
      notice,
    ),
    h('footer', { class: 'stage-footer' }, stateView.element, handlerView.element),
  );

  const setLinkStatus = (status: 'broken' | 'repaired'): void => {
    linkStatus.dataset.linkStatus = status;
    linkStatus.className = `badge ${status === 'repaired' ? 'badge-success' : 'badge-warning'}`;
    linkStatus.textContent = status === 'repaired' ? 'Connected' : 'Needs reconnecting';
  };

  // The page's own reactions to the element's events, handed to the page to wire its way. The log
  // records the events separately, from an ancestor. An element removed by a reset still settles
  // its attempt (SPEC section 3): its handlers then no longer speak for the page.
  const handlersFor = (isCurrent: () => boolean): RelinkHandlers => {
    const counted =
      <K extends RelinkEventKey>(key: K, react?: (event: FcRelinkEventsByKey[K]) => void) =>
      (event: FcRelinkEventsByKey[K]): void => {
        if (!isCurrent()) return;
        handlerView.count(key);
        react?.(event);
      };
    return {
      start: counted('start', () => showNotice(false)),
      success: counted('success', () => setLinkStatus('repaired')),
      failure: counted('failure'),
      error: counted('error'),
      fallback: counted('fallback', (event) => {
        if (event.detail.fallback === 'new_payment_method') showNotice(true);
      }),
      paymentMethod: counted('paymentMethod'),
    };
  };
  log.listen(relinkHost);
  stateView.watch(relinkHost);

  let mounted: RelinkMount | null = null;
  let generation = 0;
  function remount(reason?: string): void {
    mounted?.destroy();
    relinkHost.replaceChildren();
    showNotice(false);
    setLinkStatus('broken');
    handlerView.reset();
    const current = ++generation;
    handlers = handlersFor(() => current === generation);
    mounted = options.mountRelink(relinkHost, setup());
    if (reason) log.mark(reason);
  }

  const controls = createControls(settings, (next, changed) => {
    settings = next;
    if (changed === 'scenario') {
      rememberChoice(settings);
      tabs.refresh();
      const info = scenarioInfo(settings.scenario);
      remount(`Scenario ${info.id} · ${modeInfo(info.mode).label}`);
    } else if (changed === 'account') {
      rememberChoice(settings);
      tabs.refresh();
      renderAccount();
      remount(`Account ${settings.account}`);
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
        tabs.element,
        h(
          'div',
          { class: 'topbar-meta' },
          h('span', { class: 'badge badge-test' }, 'Test mode'),
          h('span', { class: 'badge badge-outline', 'data-sessions': SESSIONS }, SESSIONS === 'fake' ? 'Fake sessions' : 'Real sessions · your test keys'),
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
        SESSIONS === 'fake'
          ? h(
              'p',
              {},
              'Pick what the fake Stripe.js plays, press the button in the preview and finish the bank login. ',
              'The element’s state and every event it fires show up live. ',
              source === 'fake' ? 'No keys, no network.' : 'Stripe.js comes from js.stripe.com.',
            )
          : h(
              'p',
              {},
              'Type the id of an inactive Financial Connections account, press the button in the preview and finish the bank login in Stripe’s window. ',
              'The demo server creates each session with your test-mode keys; the element’s state and every event it fires show up live.',
            ),
        h('p', { class: 'hero-about' }, options.about),
        KEYS_NOTICE ? h('p', { class: 'keys-notice', role: 'note' }, h('strong', {}, 'Fake sessions. '), KEYS_NOTICE) : null,
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
