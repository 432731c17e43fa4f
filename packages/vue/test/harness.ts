import { expect } from '@open-wc/testing';
import type { App, Component } from 'vue';
import type { FcRelinkElement } from '@fc-relink/element';
import { litWarnings, watchConsole } from '../../../test-support/browser.js';

/**
 * Mounts Vue apps in a fresh container for each test of the calling suite, unmounts them after,
 * and fails a test on any Vue, Lit or element warning. `createApp` comes from the Vue build the
 * suite tests (runtime-only, or the full build that compiles templates).
 */
export function vueHarness(createApp: (root: Component) => App) {
  let container: HTMLElement;
  let app: App | null = null;
  let consoleWatch: ReturnType<typeof watchConsole>;

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    consoleWatch = watchConsole();
  });

  afterEach(() => {
    app?.unmount();
    app = null;
    container.remove();
    consoleWatch.stop();
    expect(consoleWatch.lines, 'Vue or the element wrote errors or warnings').to.deep.equal([]);
    expect(litWarnings()).to.deep.equal([]);
  });

  return {
    /** This test's container. */
    get container(): HTMLElement {
      return container;
    },
    /** The app mounted last in this test. */
    get app(): App | null {
      return app;
    },
    /** Mounts `root` (after `setup(app)`) and returns the <fc-relink> it rendered, updated. */
    async mount(root: Component, setup?: (app: App) => void): Promise<FcRelinkElement> {
      app = createApp(root);
      setup?.(app);
      app.mount(container);
      const el = container.querySelector('fc-relink')!;
      await el.updateComplete;
      return el;
    },
  };
}
