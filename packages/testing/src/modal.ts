/**
 * The fake's own "bank login" modal, shown with `ui: true` so a person clicking through a demo
 * sees the flow open and close. Plain DOM with inline styles, appended to `document.body`; no
 * client secret ever reaches it.
 */
import type { FakeScenario } from './scenarios.js';

/** What the person did: finished the bank login, or gave up. */
export type FakeModalChoice = 'complete' | 'close';

/** An open modal. */
export interface FakeModal {
  /** The dialog element (`[data-fake-stripe-modal]`). */
  readonly dialog: HTMLElement;
  /** Resolves with the person's choice. `hang` never resolves with `'complete'`. */
  readonly choice: Promise<FakeModalChoice>;
  /** Closes the modal and takes it out of the page. */
  remove(): void;
}

const PLAYS: Readonly<Record<FakeScenario, string>> = {
  account_relinked: 'the requested account is relinked.',
  authorization_relinked: 'the authorization is relinked with the existing accounts.',
  new_authorization: 'the customer links through a new authorization.',
  new_account: 'the customer shares an account the page has never seen.',
  no_account: 'the requested account is not found.',
  no_authorization: 'the customer does not authenticate.',
  other: 'the relink fails for another reason.',
  stripe_error: 'Stripe.js answers with an error.',
  relink_result_missing: 'the session comes back without relink_result.',
  hang: 'the bank never answers.',
};

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

let modalCount = 0;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  style: Partial<CSSStyleDeclaration>,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  // Through the CSSOM, not a style attribute, so a strict Content-Security-Policy allows it.
  Object.assign(node.style, style);
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(doc: Document, action: FakeModalChoice, label: string, primary: boolean): HTMLButtonElement {
  const node = el(doc, 'button', {
    font: 'inherit',
    fontWeight: '600',
    padding: '8px 16px',
    borderRadius: '6px',
    cursor: 'pointer',
    border: primary ? '1px solid #533afd' : '1px solid #c1c9d2',
    background: primary ? '#533afd' : '#ffffff',
    color: primary ? '#ffffff' : '#1a1f36',
  }, label);
  node.type = 'button';
  node.dataset.fakeStripeAction = action;
  return node;
}

const BACKDROP_CSS = '[data-fake-stripe-modal]::backdrop{background:rgba(10,37,64,.45)}';
const styledDocuments = new WeakSet<Document>();

/**
 * Styles the modal's `::backdrop`, which inline styles cannot reach, once per document: through a
 * constructed style sheet, which a strict Content-Security-Policy (no `'unsafe-inline'` styles)
 * allows, where the browser has them; a `<style>` element elsewhere.
 */
function styleBackdrop(doc: Document): void {
  if (styledDocuments.has(doc)) return;
  styledDocuments.add(doc);
  const view = doc.defaultView as (Window & typeof globalThis) | null;
  if (view && 'adoptedStyleSheets' in doc && typeof view.CSSStyleSheet === 'function') {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(BACKDROP_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  } else {
    const style = doc.createElement('style');
    style.textContent = BACKDROP_CSS;
    (doc.head ?? doc.documentElement).append(style);
  }
}

/**
 * Opens a modal for one call. Focus moves to its "Complete" button and Tab cycles within it;
 * Escape and "Close" mean the person gave up.
 */
export function openFakeModal(scenario: FakeScenario, doc: Document = document): FakeModal {
  modalCount += 1;
  const titleId = `fake-stripe-title-${modalCount}`;
  const descriptionId = `fake-stripe-description-${modalCount}`;

  const dialog = el(doc, 'dialog', {
    boxSizing: 'border-box',
    width: 'min(360px, calc(100vw - 32px))',
    margin: 'auto',
    padding: '24px',
    border: 'none',
    borderRadius: '12px',
    background: '#ffffff',
    color: '#1a1f36',
    boxShadow: '0 24px 60px rgba(10, 37, 64, 0.35), 0 0 0 1px rgba(10, 37, 64, 0.08)',
    font: `14px/1.5 ${FONT}`,
    textAlign: 'start',
  });
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.setAttribute('aria-labelledby', titleId);
  dialog.setAttribute('aria-describedby', descriptionId);
  dialog.dataset.fakeStripeModal = '';
  dialog.dataset.fakeStripeScenario = scenario;

  styleBackdrop(doc);

  const brand = el(doc, 'div', { display: 'flex', alignItems: 'center', gap: '10px' });
  const logo = el(doc, 'span', {
    display: 'inline-grid',
    placeItems: 'center',
    width: '32px',
    height: '32px',
    borderRadius: '8px',
    background: '#0a2540',
    color: '#ffffff',
    fontWeight: '700',
    fontSize: '13px',
  }, 'SB');
  logo.setAttribute('aria-hidden', 'true');
  const badge = el(doc, 'span', {
    marginInlineStart: 'auto',
    padding: '2px 8px',
    borderRadius: '999px',
    background: '#fff4e5',
    color: '#7a3e00',
    fontSize: '12px',
    fontWeight: '600',
  }, 'Test mode');
  brand.append(logo, el(doc, 'span', { fontWeight: '600' }, 'StripeBank'), badge);

  const title = el(doc, 'h2', { margin: '16px 0 4px', fontSize: '18px', lineHeight: '1.3', fontWeight: '600' }, 'Bank login');
  title.id = titleId;

  const description = el(doc, 'p', { margin: '0', color: '#425466' });
  description.id = descriptionId;
  const scenarioName = el(doc, 'code', {
    font: `12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace`,
    padding: '1px 4px',
    borderRadius: '4px',
    background: '#f0f3f7',
    color: '#1a1f36',
  }, scenario);
  description.append(`Fake Stripe.js at StripeBank, playing `, scenarioName, `: ${PLAYS[scenario]}`);

  const status = el(doc, 'p', { margin: '8px 0 0', minHeight: '1.5em', color: '#425466', fontSize: '13px' });
  status.setAttribute('role', 'status');

  const close = button(doc, 'close', 'Close', false);
  const complete = button(doc, 'complete', 'Complete', true);
  const actions = el(doc, 'div', { display: 'flex', justifyContent: 'flex-end', gap: '8px', marginTop: '16px' });
  actions.append(close, complete);

  dialog.append(brand, title, description, status, actions);

  let choose!: (choice: FakeModalChoice) => void;
  let chosen = false;
  const choice = new Promise<FakeModalChoice>((resolve) => {
    choose = (value) => {
      if (chosen) return;
      if (value === 'complete' && scenario === 'hang') {
        status.textContent = 'Waiting for StripeBank… it never answers in this scenario. Close gives up.';
        return;
      }
      chosen = true;
      resolve(value);
    };
  });

  complete.addEventListener('click', () => choose('complete'));
  close.addEventListener('click', () => choose('close'));
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    choose('close');
  });
  // Closed some other way (dialog.close(), a form): the person gave up.
  dialog.addEventListener('close', () => choose('close'));
  dialog.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      choose('close');
      return;
    }
    // WebKitGTK reports Shift+Tab as key "Unidentified" (GTK's ISO_Left_Tab); its code is Tab.
    if (event.key !== 'Tab' && event.code !== 'Tab') return;
    // Keep focus in the dialog: wrap around at both ends.
    const focusable = [close, complete].filter((node) => !node.disabled);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = doc.activeElement;
    if (event.shiftKey && (active === first || !dialog.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });

  (doc.body ?? doc.documentElement).append(dialog);
  try {
    // Modal: the top layer, the page behind inert, focus restored when it closes.
    (dialog as HTMLDialogElement).showModal();
  } catch {
    // No showModal (an old DOM implementation) or it was refused: show it in place.
    dialog.setAttribute('open', '');
  }
  complete.focus();

  return {
    dialog,
    choice,
    remove() {
      chosen = true;
      const native = dialog as HTMLDialogElement;
      if (typeof native.close === 'function' && native.open) native.close();
      dialog.remove();
    },
  };
}
