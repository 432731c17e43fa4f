// The vanilla page: <fc-relink> as a plain custom element, set up through its properties.
import '@fc-relink/element';
import './shared/playground.css';
import { mountPlayground, type RelinkSetup } from './shared/playground.js';

const root = document.querySelector<HTMLElement>('#app');
if (!root) throw new Error('The playground needs an element with id "app".');

mountPlayground(root, {
  flavor: 'Web component',
  mountRelink(host, setup) {
    const element = document.createElement('fc-relink');
    const apply = (next: RelinkSetup): void => {
      element.publishableKey = next.publishableKey;
      element.fetchClientSecret = next.fetchClientSecret;
      element.existingAccountIds = next.existingAccountIds;
      element.locale = next.locale;
    };
    apply(setup);
    host.append(element);
    return { update: apply, destroy: () => element.remove() };
  },
});
