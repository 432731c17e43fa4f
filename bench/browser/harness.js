// The page side of the benchmarks (bundled by ../run.mjs): <fc-relink> and its baselines, and
// the measurements run on them, on `window.bench`. Every figure is measured here, in the page,
// with performance.now() (5 µs resolution: the page is cross-origin isolated).
import '@fc-relink/element';
// The code <fc-relink> loads right after its first render, loaded here first, so it does not land
// inside a measurement: the figures are rendering, not that download.
import { Flow } from '../../packages/element/dist/flow.js';
import { createFakeStripe, fakeClientSecret } from '@fc-relink/testing';
import { html, LitElement, nothing } from 'lit';
// The element's own styles, so the baseline renders exactly what the element renders.
import { styles } from '../../packages/element/dist/styles.js';

/**
 * The baseline: a bare Lit element that renders what <fc-relink> renders when idle, the same way
 * (the same template: markup, attribute and text bindings, the trigger in a template of its own
 * as the element shows it only while it is the next step, a click listener on the trigger's slot,
 * the same styles), and does nothing else: no properties, no preload, no flow, no strings.
 * What <fc-relink> costs beyond it is its own.
 */
class BareRelink extends LitElement {
  static styles = styles;
  onClick() {}
  render() {
    const lang = 'en';
    const trigger = true;
    return html`
      ${trigger
        ? html`<slot name="trigger" @click=${this.onClick}>
            <button part="trigger" type="button" lang=${lang} ?disabled=${false} aria-busy=${'false'}>
              <slot>${'Reconnect your bank'}</slot>
            </button>
          </slot>`
        : nothing}
      <div part="status" role="status" aria-live="polite" lang=${lang} tabindex="-1">
        ${''}
      </div>
      ${nothing}
    `;
  }
}
customElements.define('bare-relink', BareRelink);

/** A macrotask boundary that the 4 ms timer clamp does not stretch. */
const nextTask = () =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Mounts `count` elements; returns the milliseconds until all have rendered and the page has
 * laid them out. No task boundary in between, so no frame (paint) falls into one measurement and
 * not another: the renders are microtasks, style and layout are forced at the end.
 */
async function mount(tag, count) {
  const host = document.createElement('div');
  document.body.append(host);
  // Garbage from earlier rounds is not this round's cost (Chromium runs with --expose-gc), nor is
  // the page's own work: the measurement starts once the browser is idle.
  globalThis.gc?.();
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
  await nextTask();
  const started = performance.now();
  const elements = [];
  for (let i = 0; i < count; i += 1) {
    const el = document.createElement(tag);
    el.publishableKey = 'pk_test_bench';
    host.append(el);
    elements.push(el);
  }
  // Lit renders each element a few microtasks after it connects: these hops let every render
  // run (checked below), whatever else an element's updateComplete waits for.
  for (let hop = 0; hop < 20; hop += 1) await null;
  void host.offsetHeight;
  const took = performance.now() - started;
  const rendered = elements.every((el) => el.shadowRoot?.querySelector('[part="trigger"]'));
  host.remove();
  if (!rendered) throw new Error(`${tag}: not every element rendered`);
  return took;
}

/** Mounts and removes one element `cycles` times, each time after it rendered. */
async function cycle(tag, cycles) {
  const host = document.createElement('div');
  document.body.append(host);
  for (let i = 0; i < cycles; i += 1) {
    const el = document.createElement(tag);
    el.publishableKey = 'pk_test_bench';
    host.append(el);
    await el.updateComplete;
    el.remove();
  }
  await nextTask();
  host.remove();
}

/**
 * Puts `count` fresh triggers of each kind on the page, all reaching one Stripe instance that
 * records when collectFinancialConnectionsAccounts is called: <fc-relink> elements, and the
 * hand-written integration of Stripe's docs (a button whose click handler opens the flow).
 */
async function prepareClicks(count) {
  const host = document.createElement('div');
  document.body.append(host);
  const stripe = createFakeStripe();
  const collect = stripe.collectFinancialConnectionsAccounts.bind(stripe);
  const record = { calledAt: 0 };
  stripe.collectFinancialConnectionsAccounts = (options) => {
    record.calledAt = performance.now();
    return collect(options);
  };
  const pairs = [];
  for (let i = 0; i < count; i += 1) {
    // As a page gets it from its server: parsed from JSON (a flat string, not a concatenation).
    const secret = () => JSON.parse(JSON.stringify({ clientSecret: fakeClientSecret('hang', `bench${i}`) })).clientSecret;
    const el = document.createElement('fc-relink');
    el.stripe = stripe;
    el.clientSecret = secret();
    host.append(el);
    await el.updateComplete;
    const button = document.createElement('button');
    const clientSecret = secret();
    button.textContent = 'Reconnect your bank';
    button.addEventListener('click', () => {
      void stripe.collectFinancialConnectionsAccounts({ clientSecret }).then(() => undefined);
    });
    host.append(button);
    pairs.push({ element: el.shadowRoot.querySelector('[part="trigger"]'), hand: button });
  }
  // As on a page, the person clicks once the browser has been idle: the element has warmed up
  // (its Stripe source ready, its secret checked), as the hand-written page has its Stripe instance.
  await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 }));
  await nextTask();
  return { host, pairs, record };
}

/** The mean of the fastest 90% of `times` (ms), in µs. */
function fastMean(times) {
  // A garbage collection that lands inside one click is the allocations' cost, not that click's.
  const kept = [...times].sort((a, b) => a - b).slice(0, Math.ceil(times.length * 0.9));
  return (kept.reduce((sum, t) => sum + t, 0) / kept.length) * 1000;
}

/** Clicks in a block: each kind's clicks come in blocks of this many, one task per block. */
const BLOCK = 50;

/**
 * Clicks `count` triggers of each kind, in blocks of {@link BLOCK} clicks of one kind, each block
 * a task of its own, the kinds in turn (which goes first alternates): whatever slows the machine
 * for a few milliseconds slows both alike. Returns the mean microseconds from a click to the
 * Stripe call (of the fastest 90%) of each kind, and whether every call happened within its
 * click's task (before click() returned).
 */
async function click(count) {
  const { host, pairs, record } = await prepareClicks(count);
  const times = { element: [], hand: [] };
  let inTask = true;
  for (let start = 0, block = 0; start < count; start += BLOCK, block += 1) {
    for (const kind of block % 2 ? ['hand', 'element'] : ['element', 'hand']) {
      for (const pair of pairs.slice(start, start + BLOCK)) {
        record.calledAt = 0;
        const started = performance.now();
        pair[kind].click();
        if (record.calledAt === 0) inTask = false;
        else times[kind].push(record.calledAt - started);
      }
      await nextTask();
    }
  }
  host.remove();
  return { element: fastMean(times.element), hand: fastMean(times.hand), inTask };
}

/** 20 elements on the page, loading Stripe.js as `preload` says; `act` is what the person does. */
function placeTwenty(preload) {
  for (let i = 0; i < 20; i += 1) {
    const el = document.createElement('fc-relink');
    el.preload = preload;
    el.publishableKey = 'pk_test_bench';
    document.body.append(el);
  }
}

/** The hand-written integration: 20 buttons, each loading Stripe.js with the official loader on click. */
async function loaderTwenty() {
  const { loadStripe } = await import('@stripe/stripe-js/pure/index.mjs');
  await Promise.all(Array.from({ length: 20 }, () => loadStripe('pk_test_bench').catch(() => null)));
}

void Flow;
window.bench = { mount, cycle, click, placeTwenty, loaderTwenty, ready: true };
