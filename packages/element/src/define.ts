import { FcRelinkElement } from './fc-relink.js';

if (!customElements.get('fc-relink')) customElements.define('fc-relink', FcRelinkElement);

declare global {
  interface HTMLElementTagNameMap {
    'fc-relink': FcRelinkElement;
  }
}
