// `pnpm bench`: <fc-relink> against its baselines, each figure beside its baseline from the same
// run, in headless Chromium (CHROME_PATH, default /usr/bin/chromium). Timings are medians with
// min-max over REPS repetitions, and ratios are taken per repetition (ours / baseline in the same
// repetition) before their median. Not part of `pnpm test`: figures, not pass/fail. BENCHMARKS.md
// records a run. BENCH_REPS sets the repetitions; BENCH_ONLY=mount,click,requests,heap a subset.
//
//   1. bytes: what a page downloads before <fc-relink> renders (element + core, brotli; Lit and
//      Stripe.js are shared with the page and not counted), with a per-module breakdown, beside
//      react-plaid-link's hook and the @stripe/stripe-js loader;
//   2. mount: 1,000 elements, cold (a fresh page) and warm, beside a bare Lit element rendering
//      the same template (markup, bindings, styles) and doing nothing else;
//   3. click to Stripe: from a click to collectFinancialConnectionsAccounts, beside a hand-written
//      click handler, and whether the call stayed within the click's task;
//   4. Stripe.js requests for 20 elements, per preload mode, beside 20 calls of the loader;
//   5. heap per mount/unmount cycle over 10,000 cycles, beside the bare Lit element;
//   6. ready to open on a slow network: from navigation start until a click would call Stripe,
//      on an emulated Slow 4G link, beside the hand-written integration calling loadStripe at
//      module load (the same server, the same Stripe.js stand-in).
//
// Mount and click are guards (at most 1.3x the bare Lit element, at most 3x the hand-written
// handler), printed with their verdict; the slow-network figure is the one a person feels.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, totalmem } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { chromium } from 'playwright';
import { fakeStripeScriptFor } from '@fc-relink/testing';
import { routeFakeStripe } from '@fc-relink/testing/playwright';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const REPS = Number(process.env.BENCH_REPS ?? 9);
const MOUNTS = 1000;
const CLICKS = 500;
const CYCLES = 10_000;
/** BENCH_ONLY=mount,click runs those figures alone (bytes always print). */
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const wanted = (figure) => !ONLY || ONLY.has(figure);

const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const spread = (values, digits = 2) =>
  `${median(values).toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
const table = (header, rows) => {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
};

// ── 1. Bytes ──────────────────────────────────────────────────────────────────────────────────
console.log(`fc-relink benchmarks · ${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB · Node ${process.versions.node}`);
const sized = spawnSync('node', ['scripts/size.mjs'], { cwd: root, encoding: 'utf8' });
if (sized.status !== 0) throw new Error(`scripts/size.mjs failed (run pnpm build first?):\n${sized.stderr}`);
const filesIn = (dir) => readdirSync(join(root, '.size', dir)).map((file) => readFileSync(join(root, '.size', dir, file)));
const firstRender = filesIn('first-render');

/** A module bundled alone, minified, with `external` left out; its brotli size. */
async function bundledSize(contents, external) {
  const result = await build({
    stdin: { contents, resolveDir: here, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external,
    logLevel: 'silent',
  });
  return brotli(result.outputFiles[0].contents);
}
const plaid = await bundledSize("export { usePlaidLink } from 'react-plaid-link';", ['react', 'react-dom']);
const loader = await bundledSize("export { loadStripe } from '@stripe/stripe-js/pure/index.mjs';", []);
const ours = firstRender.reduce((sum, file) => sum + brotli(file), 0);

console.log('\n1. Bytes before the first render (brotli, file by file as a server sends them; exact, so no repetitions)');
table(
  ['what', 'bytes', 'vs <fc-relink>'],
  [
    ['<fc-relink> first render: element + core (lit, Stripe.js external)', ours, '1.00x'],
    ['react-plaid-link usePlaidLink (react external)', plaid, `${(plaid / ours).toFixed(2)}x`],
    ['@stripe/stripe-js/pure loadStripe', loader, `${(loader / ours).toFixed(2)}x`],
  ],
);
const groups = JSON.parse(readFileSync(join(root, '.size/modules.json'), 'utf8'));
console.log('\n   Per module, minified bytes (before compression), first render:');
for (const [name, bytes] of groups['first-render'].sort((x, y) => y[1] - x[1])) console.log(`   ${String(bytes).padStart(6)}  ${name}`);
console.log('   Loaded later, minified bytes (and brotli, file by file):');
for (const group of Object.keys(groups).filter((name) => name !== 'first-render')) {
  const minified = groups[group].reduce((sum, [, bytes]) => sum + bytes, 0);
  const compressed = filesIn(group).reduce((sum, file) => sum + brotli(file), 0);
  console.log(`   ${String(minified).padStart(6)}  ${group} (${groups[group].length} modules; ${compressed} B brotli)`);
}

// ── The page ──────────────────────────────────────────────────────────────────────────────────
const bundle = await build({
  entryPoints: [join(here, 'browser/harness.js')],
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  outdir: '/bench',
  write: false,
  logLevel: 'warning',
});
const assets = new Map(bundle.outputFiles.map((file) => [file.path, file.contents]));
// The slow-network pages: each bundled as an app would ship it (code splitting kept), by the two
// bundlers apps ship with most: esbuild, which puts what the entry shares with a lazy chunk in a
// chunk of its own (one more request before the entry runs), and Vite (Rolldown), which keeps it
// in the entry.
const BUNDLERS = ['esbuild', 'vite'];
for (const name of ['ours', 'hand']) {
  const ready = await build({
    entryPoints: [join(here, `ready/${name}.js`)],
    bundle: true,
    splitting: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    outdir: `/ready-esbuild-${name}`,
    write: false,
    logLevel: 'warning',
  });
  for (const file of ready.outputFiles) assets.set(file.path, file.contents);
  const [vite] = [].concat(
    await viteBuild({
      configFile: false,
      root: here,
      base: `/ready-vite-${name}/`,
      logLevel: 'warn',
      build: {
        write: false,
        minify: true,
        modulePreload: { polyfill: false },
        rolldownOptions: { input: join(here, `ready/${name}.js`), output: { entryFileNames: `${name}.js`, chunkFileNames: '[name]-[hash].js' } },
      },
    }),
  );
  for (const file of vite.output) assets.set(`/ready-vite-${name}/${file.fileName}`, file.type === 'chunk' ? Buffer.from(file.code) : file.source);
}
/** Each asset compressed once, when first asked for: a server's cache, not a cost of the request. */
const compressedAssets = new Map();
function compressed(path, encoding) {
  const key = `${encoding} ${path}`;
  if (!compressedAssets.has(key)) compressedAssets.set(key, encoding === 'br' ? brotliCompressSync(assets.get(path)) : gzipSync(assets.get(path)));
  return compressedAssets.get(key);
}
const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fc-relink bench</title></head><body><script type="module" src="/bench/harness.js"></script></body></html>';
const readyPage = (bundler, name) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ready</title></head><body><script type="module" src="/ready-${bundler}-${name}/${name}.js"></script></body></html>`;
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  // The timing page is cross-origin isolated, for performance.now() at 5 µs.
  const isolated = path === '/timing.html' || path.startsWith('/bench/');
  const headers = isolated ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};
  if (path === '/timing.html' || path === '/plain.html') {
    res.writeHead(200, { 'content-type': 'text/html', ...headers }).end(PAGE);
  } else if (/^\/ready-(esbuild|vite)-(ours|hand)\.html$/.test(path)) {
    const [, bundler, name] = /^\/ready-(\w+)-(\w+)\.html$/.exec(path);
    res.writeHead(200, { 'content-type': 'text/html' }).end(readyPage(bundler, name));
  } else if (assets.has(path)) {
    // Compressed as a server sends scripts (brotli where the browser takes it, else gzip), for
    // both pages of the slow-network figure alike.
    const accepts = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
    const body = encoding ? compressed(path, encoding) : assets.get(path);
    res
      .writeHead(200, { 'content-type': extname(path) === '.js' ? 'text/javascript' : 'text/plain', ...(encoding ? { 'content-encoding': encoding } : {}), ...headers })
      .end(body);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--js-flags=--expose-gc'],
});

/** Lets a closed page's renderer finish going away, so its teardown does not land in the next page's figure. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

/** A fresh page on `path`, with the harness ready. */
async function open(path, prepare) {
  const page = await browser.newPage();
  await prepare?.(page);
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => window.bench?.ready === true);
  return page;
}

try {
  // ── 2. Mount ────────────────────────────────────────────────────────────────────────────────
  if (wanted('mount')) {
  const mounts = { cold: { ours: [], bare: [], ratio: [] }, warm: { ours: [], bare: [], ratio: [] } };
  for (let rep = 0; rep < REPS; rep += 1) {
    // Cold: each element class's first 1,000 in a fresh page, 9 pages of each (taking turns,
    // alternating which goes first). A fresh page's figure now and then takes a hiccup of the
    // machine of up to +100 ms, on either side: the repetition compares the median page of each
    // (the median of per-pair ratios would meet a hiccup on either side of any pair).
    const coldTimes = { 'fc-relink': [], 'bare-relink': [] };
    for (let round = 0; round < 9; round += 1) {
      for (const tag of (rep + round) % 2 ? ['bare-relink', 'fc-relink'] : ['fc-relink', 'bare-relink']) {
        const page = await open('/timing.html');
        coldTimes[tag].push(await page.evaluate(([t, n]) => window.bench.mount(t, n), [tag, MOUNTS]));
        await page.close();
        await settle();
      }
    }
    const cold = { 'fc-relink': median(coldTimes['fc-relink']), 'bare-relink': median(coldTimes['bare-relink']) };
    // Warm: the same page, after a first round of both; then 9 rounds, alternating which goes
    // first. A round's ratio compares the two mounts made side by side; the repetition keeps the
    // median round.
    const page = await open('/timing.html');
    for (const tag of ['fc-relink', 'bare-relink']) await page.evaluate(([t, n]) => window.bench.mount(t, n), [tag, MOUNTS]);
    const rounds = [];
    for (let round = 0; round < 9; round += 1) {
      const pair = {};
      for (const tag of (rep + round) % 2 ? ['bare-relink', 'fc-relink'] : ['fc-relink', 'bare-relink']) {
        pair[tag] = await page.evaluate(([t, n]) => window.bench.mount(t, n), [tag, MOUNTS]);
      }
      rounds.push(pair);
    }
    rounds.sort((a, b) => a['fc-relink'] / a['bare-relink'] - b['fc-relink'] / b['bare-relink']);
    const warm = rounds[rounds.length >> 1];
    await page.close();
    for (const [kind, measured] of Object.entries({ cold, warm })) {
      mounts[kind].ours.push(measured['fc-relink']);
      mounts[kind].bare.push(measured['bare-relink']);
      mounts[kind].ratio.push(measured['fc-relink'] / measured['bare-relink']);
    }
  }
  console.log(
    `\n2. Mount ${MOUNTS.toLocaleString('en')} elements until rendered and laid out, ms: median (min–max) of ${REPS} repetitions ` +
      '(cold: the first 1,000 in a fresh page, the median of 9 pages of each; warm: the median of 9 side-by-side rounds in one page); ratio per repetition',
  );
  table(
    ['', '<fc-relink>', 'bare Lit, same markup', 'ratio', 'guard: at most 1.3x'],
    Object.entries(mounts).map(([kind, m]) => [kind, spread(m.ours), spread(m.bare), `${spread(m.ratio)}x`, median(m.ratio) <= 1.3 ? 'within' : 'PAST THE GUARD']),
  );

  }

  // ── 3. Click to Stripe ──────────────────────────────────────────────────────────────────────
  if (wanted('click')) {
  const clicks = { ours: [], hand: [], ratio: [], inTask: true };
  {
    const page = await open('/timing.html');
    // A first round, not counted: the flow's code, the templates, the JIT.
    await page.evaluate((n) => window.bench.click(n), 20);
    for (let rep = 0; rep < REPS; rep += 1) {
      // 5 batches of clicks, element and hand-written in blocks in turn; the repetition keeps the
      // median batch.
      const batches = [];
      for (let round = 0; round < 5; round += 1) {
        const batch = await page.evaluate((n) => window.bench.click(n), CLICKS);
        clicks.inTask &&= batch.inTask;
        batches.push(batch);
      }
      batches.sort((a, b) => a.element / a.hand - b.element / b.hand);
      const { element, hand } = batches[batches.length >> 1];
      clicks.ours.push(element);
      clicks.hand.push(hand);
      clicks.ratio.push(element / hand);
    }
    await page.close();
  }
  console.log(
    `\n3. Click to collectFinancialConnectionsAccounts, µs, mean of the fastest 90% of ${CLICKS} clicks of each, in blocks of 50 in turn, ` +
      `the median of 5 batches: median (min–max) of ${REPS} repetitions; ratio per repetition`,
  );
  table(
    ['<fc-relink>', 'hand-written handler', 'ratio', 'guard: at most 3x', "within the click's task"],
    [[spread(clicks.ours, 1), spread(clicks.hand, 1), `${spread(clicks.ratio)}x`, median(clicks.ratio) <= 3 ? 'within' : 'PAST THE GUARD', clicks.inTask ? 'yes, every click' : 'NO']],
  );

  }

  // ── 4. Stripe.js requests ───────────────────────────────────────────────────────────────────
  if (wanted('requests')) {
  /** How many requests js.stripe.com got once things settled. */
  async function stripeRequests(act) {
    let requests = 0;
    const page = await open('/plain.html', async (p) => {
      await routeFakeStripe(p);
      p.on('request', (request) => {
        if (request.url().startsWith('https://js.stripe.com/')) requests += 1;
      });
    });
    await act(page);
    // Idle preloads wait for the browser to be idle (at most 2 s).
    await page.waitForTimeout(2500);
    await page.close();
    return requests;
  }
  const modes = {
    'idle (default)': (page) => page.evaluate(() => window.bench.placeTwenty('idle')),
    eager: (page) => page.evaluate(() => window.bench.placeTwenty('eager')),
    'intent, one hovered': async (page) => {
      await page.evaluate(() => window.bench.placeTwenty('intent'));
      await page.locator('fc-relink').first().hover();
    },
    'none, nothing clicked': (page) => page.evaluate(() => window.bench.placeTwenty('none')),
    'baseline: loadStripe() 20 times': (page) => page.evaluate(() => window.bench.loaderTwenty()),
  };
  const counted = {};
  for (const [mode, act] of Object.entries(modes)) {
    counted[mode] = [];
    for (let rep = 0; rep < Math.min(REPS, 5); rep += 1) counted[mode].push(await stripeRequests(act));
  }
  console.log(`\n4. Stripe.js requests for 20 elements on a page, per preload mode (${Math.min(REPS, 5)} page loads each: median (min–max))`);
  table(['preload', 'requests to js.stripe.com'], Object.entries(counted).map(([mode, n]) => [mode, spread(n, 0)]));

  }

  // ── 5. Heap per cycle ───────────────────────────────────────────────────────────────────────
  if (wanted('heap')) {
  const heap = { ours: [], bare: [], ratio: [] };
  for (let rep = 0; rep < REPS; rep += 1) {
    const page = await open('/timing.html');
    const cdp = await page.context().newCDPSession(page);
    const used = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const perCycle = {};
    for (const tag of ['fc-relink', 'bare-relink']) {
      // A first round not counted: code, templates and styles that stay for the page's life.
      await page.evaluate(([t, n]) => window.bench.cycle(t, n), [tag, 200]);
      const before = await used();
      await page.evaluate(([t, n]) => window.bench.cycle(t, n), [tag, CYCLES]);
      perCycle[tag] = ((await used()) - before) / CYCLES;
    }
    await page.close();
    heap.ours.push(perCycle['fc-relink']);
    heap.bare.push(perCycle['bare-relink']);
    heap.ratio.push(perCycle['bare-relink'] === 0 ? 1 : perCycle['fc-relink'] / perCycle['bare-relink']);
  }
  console.log(`\n5. Heap left per mount/unmount cycle after ${CYCLES.toLocaleString('en')} cycles and a full GC, bytes: median (min–max) of ${REPS}`);
  table(['<fc-relink>', 'bare Lit, same markup'], [[spread(heap.ours, 1), spread(heap.bare, 1)]]);
  }

  // ── 6. Ready to open on a slow network ─────────────────────────────────────────────────────
  if (wanted('ready')) {
    // Chromium DevTools' "Slow 4G": 562.5 ms round trip, 1.6 Mbit/s down, 750 kbit/s up.
    const RTT = 562.5;
    const DOWN = 1.6e6 / 8;
    const UP = 750e3 / 8;
    const stripeJs = fakeStripeScriptFor('https://js.stripe.com/v3/stripe.js');
    /** Milliseconds from navigation start until a click would call Stripe, in a fresh context (empty cache). */
    async function readyAt(bundler, name) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT, downloadThroughput: DOWN, uploadThroughput: UP });
      // Stripe.js from the stand-in, as slow as the link: a round trip, then its bytes.
      await page.route('https://js.stripe.com/**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, RTT + (stripeJs.length / DOWN) * 1000));
        await route.fulfill({ status: 200, contentType: 'application/javascript', body: stripeJs });
      });
      // When Stripe.js makes its instance (Stripe(key)), for both pages alike.
      await page.addInitScript(() => {
        let made;
        Object.defineProperty(window, 'Stripe', {
          configurable: true,
          get: () => made,
          set: (constructor) => {
            made = new Proxy(constructor, { apply: (target, self, args) => ((window.__stripeMade = performance.now()), Reflect.apply(target, self, args)) });
          },
        });
      });
      await page.goto(`${origin}/ready-${bundler}-${name}.html`);
      const at = await page.evaluate(() => window.bench.ready);
      if (process.env.BENCH_READY_TRACE) console.log(bundler, name, Math.round(at), JSON.stringify(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => [e.name.replace(/^.*\//, ''), Math.round(e.startTime), Math.round(e.responseEnd)]))));
      await context.close();
      return at;
    }
    const rows = [];
    for (const bundler of BUNDLERS) {
      const ready = { ours: [], hand: [], behind: [] };
      for (let rep = 0; rep < Math.min(REPS, 5); rep += 1) {
        const [first, second] = rep % 2 ? ['hand', 'ours'] : ['ours', 'hand'];
        const times = { [first]: await readyAt(bundler, first), [second]: await readyAt(bundler, second) };
        ready.ours.push(times.ours);
        ready.hand.push(times.hand);
        ready.behind.push(times.ours - times.hand);
      }
      rows.push([bundler === 'vite' ? 'Vite 8 (Rolldown)' : 'esbuild', spread(ready.ours, 0), spread(ready.hand, 0), spread(ready.behind, 0), median(ready.behind) <= RTT ? 'yes' : 'NO']);
    }
    console.log(
      `\n6. Ready to open on a slow network (Slow 4G: ${RTT} ms round trip, 1.6 Mbit/s): ms from navigation start until a click would call Stripe, ` +
        `median (min–max) of ${Math.min(REPS, 5)} fresh page loads each, both pages bundled by the same bundler and served compressed; goal: within one round trip of the hand-written integration`,
    );
    table(['bundled by', '<fc-relink>', 'hand-written, loadStripe at module load', 'behind by', 'within one round trip'], rows);
  }
} finally {
  await browser.close();
  server.close();
}
