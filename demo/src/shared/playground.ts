/**
 * The playground page around `<fc-relink>`: header, controls, a preview where the page puts the
 * element, its live `state`, and the event log. Each page (plain HTML, React, Vue) calls
 * `mountPlayground` with one function that renders the element its own way; everything else is
 * this shared, framework-free code.
 *
 * Every `fetchClientSecret`, `fetchSetupIntentSecret` and `fetchHostedRelinkUrl` call goes to
 * the example server of `@fc-relink/server` (secrets.ts), which relinks the signed-in customer's
 * account: with fake Stripe, the stand-in's customer, the scenarios picked named in a header;
 * with keys, the holder of the account typed (the page signs them in, api.ts).
 */
import type { ClientSecretRequest, FcRelinkEventsByKey, RelinkOutcome, SetupIntentRequest } from '@fc-relink/element';
import './playground.css';
import { CUSTOMER_PATH, FAKE_LINK_STATES, type AccountEligibility, type CustomerRequestBody, type FakeLinkState } from './api.js';
import { KEYS_NOTICE, PUBLISHABLE_KEY, SESSIONS, stripeSource } from './config.js';
import { DEFAULT_SETTINGS, createControls, isAccountId, isSetupScenario, type PlaygroundSettings } from './controls.js';
import { append, h, icon, ICONS, type Child } from './dom.js';
import { createEventLog } from './event-log.js';
import { createHandlerView, type RelinkEventKey } from './handler-view.js';
import { PLAYGROUND_PAGES, type PlaygroundPageId } from './pages.js';
import { isScenario, modeInfo, scenarioInfo } from './scenarios.js';
import { scenarioForRequest, setupScenarioForAttempt } from './fake-sessions.js';
import { hostedRelinkUrl, postJson, sessionServer, setupIntentServer } from './secrets.js';
import { createStateView } from './state-view.js';
import { fakeHostedPage } from './hosted.js';
import { renderCard, type CardParts, type CardState, type LinkStatus } from './card.js';

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
  /** Set when the page replaces the payment method after a relink that ends on a new account. */
  fetchSetupIntentSecret: ((request: SetupIntentRequest) => Promise<string>) | null;
  /** Named in the built-in mandate text. */
  businessName: string;
  /** With "Stripe.js blocked": a Stripe.js that never loads (the element's `stripe`); else `null`. */
  stripe: Promise<null> | null;
  /** Where Stripe's hosted relink is, when Stripe.js cannot run: offered as the `hosted` fallback. */
  fetchHostedRelinkUrl: (request: ClientSecretRequest) => Promise<string>;
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

/** Stripe.js as a blocker leaves it: a load that failed (the element's `stripe`). */
function blockedStripe(): Promise<null> {
  const failed = Promise.reject(new Error('Failed to load Stripe.js: blocked (the playground’s switch)'));
  // The element reads the rejection when it needs Stripe; until then it is no unhandled one.
  failed.catch(() => undefined);
  return failed;
}

function settingsFromUrl(): PlaygroundSettings {
  const params = new URLSearchParams(location.search);
  const scenario = params.get('scenario');
  const setupScenario = params.get('setup');
  const link = params.get('link');
  const account = params.get('account');
  const settings = { ...DEFAULT_SETTINGS, existingAccountIds: [...DEFAULT_SETTINGS.existingAccountIds] };
  if (SESSIONS === 'fake' && isScenario(scenario)) settings.scenario = scenario;
  if (SESSIONS === 'fake' && isSetupScenario(setupScenario)) settings.setupScenario = setupScenario;
  if (SESSIONS === 'fake' && (FAKE_LINK_STATES as readonly unknown[]).includes(link)) settings.link = link as FakeLinkState;
  if (SESSIONS === 'stripe' && isAccountId(account)) {
    settings.account = account;
    settings.existingAccountIds.push(account);
  }
  return settings;
}

/** Keeps the scenarios (or the account to relink) in the URL, so a link reopens them. */
function rememberChoice(settings: PlaygroundSettings): void {
  const url = new URL(location.href);
  if (SESSIONS === 'fake') {
    url.searchParams.set('scenario', settings.scenario);
    // The setup outcome only when it is not the default, so most links stay short.
    if (settings.setupScenario === DEFAULT_SETTINGS.setupScenario) url.searchParams.delete('setup');
    else url.searchParams.set('setup', settings.setupScenario);
    if (settings.link === DEFAULT_SETTINGS.link) url.searchParams.delete('link');
    else url.searchParams.set('link', settings.link);
  } else if (settings.account) url.searchParams.set('account', settings.account);
  history.replaceState(null, '', url);
}

/** The choice in this page's URL, for the links to the other pages (`?scenario=...`, or `''`). */
function choiceQuery(): string {
  const current = new URLSearchParams(location.search);
  const kept = new URLSearchParams();
  for (const key of ['scenario', 'setup', 'link', 'account']) {
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

/** The business the playground's mandate names. */
export const BUSINESS_NAME = 'Playground Billing';

/**
 * Signs the page in as the playground's customer (`POST /playground/customer`): with fake Stripe
 * the stand-in's customer, their bank link in the state picked; with keys the holder of the
 * account typed. Answers whether that bank link needs a relink, as `relinkEligibility` reads it;
 * `null` when there is no one to sign in or the server could not say. Never rejects.
 */
async function signIn(settings: PlaygroundSettings): Promise<AccountEligibility | null> {
  const body: CustomerRequestBody | null = SESSIONS === 'fake' ? { link: settings.link } : settings.account ? { account: settings.account } : null;
  if (body === null) return null;
  try {
    const response = await postJson(CUSTOMER_PATH, body);
    const answer = (await response.json()) as { eligibility?: AccountEligibility };
    return response.ok && answer.eligibility ? answer.eligibility : null;
  } catch {
    return null;
  }
}

export function mountPlayground(root: HTMLElement, options: PlaygroundOptions): void {
  const log = createEventLog();
  const stateView = createStateView();
  const handlerView = createHandlerView(options.handlerNames);
  const tabs = pageTabs(options.page);
  let settings = settingsFromUrl();
  let handlers: RelinkHandlers;

  /** The customer's sign-in in flight: each request to the server waits for it. */
  let signedIn: Promise<AccountEligibility | null> = Promise.resolve(null);
  const ready = (): Promise<unknown> => signedIn;
  const fetchClientSecret = sessionServer({
    // Fake Stripe: the scenario picked, or what a retry of it plays (fake-sessions.ts).
    scenario: (request) => (SESSIONS === 'fake' ? scenarioForRequest(settings.scenario, request.purpose) : null),
    ready,
    onRequest: (report) => log.request(report),
  });
  const fetchSetupIntentSecret = setupIntentServer({
    setupScenario: (_request, attempt) => (SESSIONS === 'fake' ? setupScenarioForAttempt(settings.setupScenario, attempt) : null),
    ready,
    onRequest: (report) => log.setupRequest(report),
  });
  // With keys: Stripe's hosted page, which the element follows itself. (With fake Stripe the
  // fake's hosted page is not on stripe.com, so the page opens it; see the fallback handler.)
  const fetchHostedRelinkUrl = async (request: ClientSecretRequest): Promise<string> => {
    if (SESSIONS === 'fake') throw new Error('The fake’s hosted page is opened by the page itself.');
    return hostedRelinkUrl(request, request.signal, ready);
  };
  const setup = (): RelinkSetup => ({
    publishableKey: PUBLISHABLE_KEY,
    stripe: settings.stripeBlocked ? blockedStripe() : null,
    fetchHostedRelinkUrl,
    fetchClientSecret,
    fetchSetupIntentSecret: settings.replacePaymentMethod ? fetchSetupIntentSecret : null,
    businessName: BUSINESS_NAME,
    existingAccountIds: settings.passExistingIds ? [...settings.existingAccountIds] : null,
    locale: settings.locale,
    handlers,
  });

  // The preview: a billing page's bank account that needs repairing, and the element. The card is
  // the page's own text: one state, drawn whole, in the element's language.
  const parts: CardParts = {
    root: h('div', { class: 'stage-card' }),
    badge: h('span', { class: 'badge badge-warning', 'data-link-status': 'broken' }),
    name: h('strong', {}),
    note: h('span', {}),
    copy: h('p', { class: 'stage-copy' }),
  };
  /** What the demo server last said about the link, and which answer is current. */
  let eligibility: AccountEligibility | null = null;
  let statusReads = 0;
  /** The card's status before the customer does anything: broken, or expiring soon. */
  const linkAtRest = (): LinkStatus => (eligibility?.reason === 'relink_recommended' ? 'expiring' : 'broken');
  const card: CardState = { status: 'broken', account: null, expires: null, typedAccount: null };
  const drawCard = (next: Partial<CardState> = {}): void => {
    Object.assign(card, next, { typedAccount: SESSIONS === 'fake' ? null : settings.account });
    renderCard(parts, card, settings.locale);
  };
  /** Back to the link as it is before any relink: broken, or expiring on its date. */
  const drawAtRest = (): void =>
    drawCard({ status: linkAtRest(), account: null, expires: eligibility?.reason === 'relink_recommended' ? eligibility.expectedDeactivationDate : null });
  /** Signs the customer in and shows their link as the server reads it (a later sign-in wins over an earlier one). */
  const refreshStatus = async (): Promise<void> => {
    const read = ++statusReads;
    signedIn = signIn(settings);
    const answer = await signedIn;
    if (read !== statusReads) return;
    eligibility = answer;
    // Only a card still at rest follows it: a relink the customer finished stays on the card.
    if (card.status === 'broken' || card.status === 'expiring') drawAtRest();
  };
  drawAtRest();
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
  append(parts.root, [
    h('div', { class: 'account-row' }, h('span', { class: 'account-icon' }, icon(ICONS.bank)), h('div', { class: 'account-text' }, parts.name, parts.note), parts.badge),
    parts.copy,
  ]);
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
      parts.root,
      relinkHost,
      notice,
    ),
    h('footer', { class: 'stage-footer' }, stateView.element, handlerView.element),
  );

  /** Why the element last asked for a session: a hosted relink asks the server for the same. */
  let lastPurpose: ClientSecretRequest['purpose'] = 'initial';
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
      start: counted('start', (event) => {
        lastPurpose = event.detail.purpose;
        showNotice(false);
      }),
      success: counted('success', (event) => {
        const [account] = event.detail.accounts;
        // A new account and a page that replaces the payment method: the element shows the mandate next.
        if (event.detail.needsNewPaymentMethod === true && account && settings.replacePaymentMethod) drawCard({ status: 'mandate', account, expires: null });
        else drawCard({ status: 'repaired', account: account ?? null, expires: null });
      }),
      failure: counted('failure'),
      error: counted('error'),
      fallback: counted('fallback', (event) => {
        if (event.detail.fallback === 'new_payment_method') showNotice(true);
        // The fake's hosted page lives on this server, not on stripe.com, where the element would
        // go: the page takes over, as a native app opening Stripe's page in the system browser would.
        if (event.detail.fallback === 'hosted' && SESSIONS === 'fake') {
          event.preventDefault();
          // Stripe.js never opened, so no session of this attempt says more than its purpose.
          void hostedRelinkUrl({ purpose: lastPurpose, account: null, authorization: null }, new AbortController().signal, ready).then(
            (url) => {
              const page = fakeHostedPage(url);
              if (page) location.assign(page);
            },
            () => showNotice(false),
          );
        }
      }),
      paymentMethod: counted('paymentMethod', (event) => {
        drawCard({ status: event.detail.status === 'succeeded' ? 'replaced' : 'processing' });
      }),
    };
  };
  log.listen(relinkHost);
  stateView.watch(relinkHost);
  // The imperative start() follows the element's own rule: nothing here redoes a finished repair
  // or stands beside the fallbacks; Reset starts over.
  const followState = (): void => {
    const state = relinkHost.querySelector('fc-relink')?.getAttribute('state') ?? 'idle';
    start.disabled = state !== 'idle' && state !== 'errored';
  };
  new MutationObserver(followState).observe(relinkHost, { subtree: true, childList: true, attributes: true, attributeFilter: ['state'] });

  let mounted: RelinkMount | null = null;
  let generation = 0;
  function remount(reason?: string): void {
    mounted?.destroy();
    relinkHost.replaceChildren();
    showNotice(false);
    drawAtRest();
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
    } else if (changed === 'setupScenario') {
      // Read when the element next asks for a SetupIntent: the element on the page stays.
      rememberChoice(settings);
      tabs.refresh();
    } else if (changed === 'link') {
      rememberChoice(settings);
      tabs.refresh();
      remount(`Bank link ${settings.link === 'expiring' ? 'expires soon' : 'broken'}`);
      void refreshStatus();
    } else if (changed === 'stripeBlocked') {
      remount(settings.stripeBlocked ? 'Stripe.js blocked' : 'Stripe.js loads again');
    } else if (changed === 'account') {
      rememberChoice(settings);
      tabs.refresh();
      eligibility = null;
      remount(`Account ${settings.account}`);
      void refreshStatus();
    } else {
      mounted?.update(setup());
      // The expiry date is written the way the element's language writes dates.
      if (changed === 'locale') drawCard();
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
  void refreshStatus();
}
