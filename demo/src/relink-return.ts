// The page Stripe's hosted relink sends the customer back to (`return_url`): what the relink
// came to, read by the demo server (`hostedRelinkOutcome`, or for the fake's sessions the same
// decision table), in plain words, and the way back.
import type { RelinkOutcome } from '@fc-relink/element';
import './shared/playground.css';
import { h } from './shared/dom.js';
import { hostedOutcome, rememberedHostedSession } from './shared/hosted.js';

const root = document.querySelector<HTMLElement>('#app')!;

function words(outcome: RelinkOutcome): { title: string; text: string } {
  if (outcome.type === 'success') {
    const account = outcome.accounts[0];
    const named = account ? ` ${[account.institutionName, account.displayName].filter(Boolean).join(' · ')}${account.last4 ? ` ••${account.last4}` : ''}` : '';
    return outcome.needsNewPaymentMethod
      ? { title: 'Your bank is connected', text: `You connected${named}. To pay from it, add it as your payment method.` }
      : { title: 'Your bank account is reconnected', text: `Payments from${named || ' your account'} continue as before.` };
  }
  if (outcome.type === 'failure') {
    return { title: 'Not reconnected', text: outcome.reason === 'no_account' ? 'You signed in, but the account we needed wasn’t chosen.' : 'Reconnecting wasn’t finished. You can try again.' };
  }
  return outcome.code === 'relink_result_missing'
    ? { title: 'Still finishing', text: 'Stripe has not finished this relink yet. Refresh in a moment.' }
    : { title: 'We couldn’t tell', text: 'We couldn’t read how the relink ended. Try again from the playground.' };
}

async function show(): Promise<void> {
  const remembered = rememberedHostedSession();
  const status = h('p', { role: 'status', 'data-hosted-outcome': 'loading' }, 'Reading what your relink came to…');
  const title = h('h1', { class: 'card-title' }, 'Back from Stripe');
  const back = h('a', { class: 'button', href: remembered?.back ?? '/', 'data-back': '' }, 'Back to the playground');
  root.replaceChildren(h('main', { class: 'page return-page' }, h('section', { class: 'card' }, title, status, h('p', {}, back))));
  if (!remembered) {
    status.dataset.hostedOutcome = 'unknown';
    status.textContent = 'This page shows a hosted relink’s outcome; none was started from the playground in this tab.';
    return;
  }
  try {
    const outcome = await hostedOutcome(remembered.sessionId);
    const { title: heading, text } = words(outcome);
    title.textContent = heading;
    status.textContent = text;
    status.dataset.hostedOutcome = outcome.type === 'success' ? `success:${outcome.kind}` : outcome.type === 'failure' ? `failure:${outcome.reason}` : `error:${outcome.code}`;
  } catch {
    status.dataset.hostedOutcome = 'unavailable';
    status.textContent = 'The demo server could not be asked. Refresh to try again.';
  }
}

void show();
