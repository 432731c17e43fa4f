// The three engines the browser suites run in, as Debian ships them (no browser downloads here):
// Chromium through Playwright, firefox-esr through puppeteer-core over WebDriver BiDi, and WebKit
// (WebKitGTK's MiniBrowser, Safari's engine) through WebKitWebDriver under Xvfb. The Firefox and
// WebKit launchers are web-test-runner's own; this file only starts what they connect to.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { chromeLauncher } from '@web/test-runner-chrome';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { launchOptions } from './chromium.mjs';

export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const webkitDriverPath = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
export const miniBrowserPath = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What each engine needs on this machine, for a clear message when it is missing. */
export const engineNeeds = {
  chromium: [[launchOptions.executablePath, 'chromium']],
  firefox: [[firefoxPath, 'firefox-esr']],
  webkit: [
    [webkitDriverPath, 'webkit2gtk-driver'],
    [miniBrowserPath, 'webkit2gtk-driver'],
  ],
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Resolves once something listens on the port. */
async function listening(port, child, what) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    const ok = await new Promise((resolve) => {
      const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on port ${port}`);
}

/** WebKit: starts Xvfb (when there is no display) and WebKitWebDriver, stops both with the run. */
class WebkitLauncher extends WebdriverLauncher {
  #children = [];

  constructor() {
    super({ hostname: '127.0.0.1', port: 0, path: '/', logLevel: 'error', capabilities: { browserName: 'MiniBrowser' } });
  }

  async initialize(config, testFiles) {
    const env = { ...process.env };
    if (!env.DISPLAY) {
      const display = `:${90 + Math.floor(Math.random() * 400)}`;
      this.#children.push(spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
      env.DISPLAY = display;
    }
    const port = await freePort();
    const driver = spawn(webkitDriverPath, [`--port=${port}`], { stdio: 'ignore', env });
    this.#children.push(driver);
    await listening(port, driver, 'WebKitWebDriver');
    this.options.port = port;
    this.options.capabilities = {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: miniBrowserPath, args: ['--automation'] },
    };
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async stop() {
    await super.stop();
    for (const child of this.#children) child.kill();
  }
}

const launchers = {
  chromium: () => playwrightLauncher({ product: 'chromium', launchOptions }),
  firefox: () =>
    chromeLauncher({
      puppeteer,
      launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true },
    }),
  webkit: () => new WebkitLauncher(),
};

export const ENGINES = Object.keys(launchers);

/**
 * Launchers for the engines named in FC_RELINK_BROWSERS (comma-separated: chromium, firefox,
 * webkit; default all three). An engine whose browser is missing stops the run with what to install.
 */
export function browsers(names = process.env.FC_RELINK_BROWSERS) {
  const wanted = names ? names.split(',').map((n) => n.trim().toLowerCase()).filter(Boolean) : ENGINES;
  return wanted.map((name) => {
    if (!launchers[name]) throw new Error(`Unknown engine "${name}": use ${ENGINES.join(', ')}.`);
    const missing = engineNeeds[name].filter(([path]) => !existsSync(path));
    if (missing.length) {
      throw new Error(`${name}: ${missing.map(([p]) => p).join(', ')} missing. Install Debian's ${missing.map(([, pkg]) => pkg).join(', ')} (.ci/run does).`);
    }
    return launchers[name]();
  });
}
