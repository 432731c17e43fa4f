// How every test launches Chromium on this project's machines: Debian's build, no downloads,
// and no background traffic (the sandbox has no network beyond the package registries).
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const launchOptions = { executablePath: chromiumPath, args: chromiumArgs, headless: true };
