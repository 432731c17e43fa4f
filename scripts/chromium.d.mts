// Types of chromium.mjs, for the TypeScript that imports it (e2e/playwright.config.ts).

/** Debian's Chromium, or CHROME_PATH. */
export declare const chromiumPath: string;

/** The flags every test launches Chromium with. */
export declare const chromiumArgs: string[];

/** Playwright's launch options made of the two, headless. */
export declare const launchOptions: { executablePath: string; args: string[]; headless: boolean };
