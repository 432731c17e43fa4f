// The plain HTML page: <fc-relink> as a custom element, created with the DOM and set up through
// its properties; the page's handlers are event listeners on it.
import { fcRelinkEventNames } from '@fc-relink/element';
import { h } from './shared/dom.js';
import { mountPlayground, type RelinkSetup } from './shared/playground.js';

const root = document.querySelector<HTMLElement>('#app');
if (!root) throw new Error('The playground needs an element with id "app".');

mountPlayground(root, {
  page: 'html',
  flavor: 'Web component',
  about: [
    'This page creates the element with ',
    h('code', {}, 'document.createElement'),
    ', sets its properties and listens to its ',
    h('code', {}, 'fc-relink-*'),
    ' events.',
  ],
  handlerNames: fcRelinkEventNames,
  startCall: 'element.start()',
  mountRelink(host, setup) {
    const element = document.createElement('fc-relink');
    const apply = (next: RelinkSetup): void => {
      element.publishableKey = next.publishableKey;
      element.fetchClientSecret = next.fetchClientSecret;
      element.fetchSetupIntentSecret = next.fetchSetupIntentSecret;
      element.fetchHostedRelinkUrl = next.fetchHostedRelinkUrl;
      element.stripe = next.stripe;
      element.businessName = next.businessName;
      element.existingAccountIds = next.existingAccountIds;
      element.locale = next.locale;
    };
    apply(setup);
    // The handlers are the same object for the life of this element.
    const { handlers } = setup;
    element.addEventListener('fc-relink-start', handlers.start);
    element.addEventListener('fc-relink-success', handlers.success);
    element.addEventListener('fc-relink-failure', handlers.failure);
    element.addEventListener('fc-relink-error', handlers.error);
    element.addEventListener('fc-relink-fallback', handlers.fallback);
    element.addEventListener('fc-relink-payment-method', handlers.paymentMethod);
    host.append(element);
    return { update: apply, start: () => element.start(), destroy: () => element.remove() };
  },
});
