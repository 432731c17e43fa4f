import { FcRelinkElement } from './fc-relink.js';

// Not in a runtime without a registry (Node without Lit's server shims): importing must not throw there.
if (typeof customElements !== 'undefined' && !customElements.get('fc-relink')) customElements.define('fc-relink', FcRelinkElement);

declare global {
  interface HTMLElementTagNameMap {
    'fc-relink': FcRelinkElement;
  }
}
