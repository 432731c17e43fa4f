/**
 * The playground's pages: one per way of rendering `<fc-relink>`, each an HTML entry of the Vite
 * build (vite.config.ts) and a tab in the header. No DOM here, so the end-to-end tests read the
 * same table.
 */

export type PlaygroundPageId = 'html' | 'react' | 'vue';

export interface PlaygroundPage {
  id: PlaygroundPageId;
  /** The tab's label. */
  label: string;
  /** Its HTML file in demo/. */
  file: string;
  /** The page's path from the playground's root. */
  path: string;
}

export const PLAYGROUND_PAGES: readonly PlaygroundPage[] = [
  { id: 'html', label: 'HTML', file: 'index.html', path: '/' },
  { id: 'react', label: 'React', file: 'react.html', path: '/react.html' },
  { id: 'vue', label: 'Vue', file: 'vue.html', path: '/vue.html' },
];

export function playgroundPage(id: PlaygroundPageId): PlaygroundPage {
  return PLAYGROUND_PAGES.find((page) => page.id === id)!;
}
