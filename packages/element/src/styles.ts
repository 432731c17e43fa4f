import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--fc-relink-gap, 0.5rem);
    font: var(--fc-relink-font, inherit);
    color: var(--fc-relink-color, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: var(--fc-relink-radius, 0.5rem);
    padding: var(--fc-relink-padding, 0.55rem 1rem);
    border: 1px solid var(--fc-relink-accent, #4f46e5);
  }
  [part='trigger'],
  [part='confirm'] {
    background: var(--fc-relink-accent, #4f46e5);
    color: var(--fc-relink-accent-text, #fff);
    font-weight: 600;
  }
  [part='fallback'] {
    background: transparent;
    color: var(--fc-relink-accent, #4f46e5);
  }
  button:focus-visible,
  [part='mandate']:focus-visible,
  [part='status']:focus-visible {
    outline: 2px solid var(--fc-relink-focus, var(--fc-relink-accent, #4f46e5));
    outline-offset: 2px;
  }
  /* Focus moved there by the element (to read on from): one ring style, ours, and none for a pointer. */
  [part='mandate']:focus:not(:focus-visible),
  [part='status']:focus:not(:focus-visible) {
    outline: none;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  [part='trigger'][aria-busy='true'] {
    cursor: progress;
  }
  [part='mandate'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--fc-relink-gap, 0.5rem);
    max-width: 40rem;
  }
  [part='mandate'] p {
    margin: 0;
  }
  [part='confirm'][aria-busy='true'] {
    cursor: progress;
  }
  [part='fallbacks'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fc-relink-gap, 0.5rem);
  }
`;
