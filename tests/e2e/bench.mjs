// Benchmark: prints size and speed figures for the built dashboard (dist/) in headless Chromium,
// and the native core on synthetic datasets, each target of issues 12 and 21 next to its figure.
// Figures come from the app's own performance marks (`filter-change` when a control changes the
// view state, `<chart>-drawn` after a repaint, `data-fetch-start`, `data-fetched`, `data-parsed`,
// `data-ready` around loading), from the DevTools protocol (bytes as transferred), from Resource
// Timing (when the data request started), from the server's log (every byte a visit transferred,
// files transferred twice) and from a script the page runs first (a pre-rendered chart on screen,
// layout shifts).
//
//   node bench.mjs [--runs 5] [--changes 1000] [--sizes 1000,10000,100000] [--quick] [--phone-only]
// --phone-only: sizes and the phone profile alone (about a minute); --quick: fewer runs and sizes.
// Targets are judged on the best delivery the build supports (pre-compressed brotli); the phone
// is also measured with gzip only, for hosts without brotli.
// `make bench` builds dist/ first and runs this.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { serve, timesServed } from './lib/server.mjs';
import { launch, DIST, ROOT } from './lib/browser.mjs';
import { gz, br } from './size.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const quick = process.argv.includes('--quick');
const phoneOnly = process.argv.includes('--phone-only');
const RUNS = arg('--runs', quick ? 3 : 5);
const CHANGES = arg('--changes', quick ? 200 : 1000);
const SIZES = process.argv.includes('--sizes')
  ? process.argv[process.argv.indexOf('--sizes') + 1].split(',').map(Number)
  : quick ? [1000, 10000] : [1000, 10000, 100000];

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n) => (Math.abs(n) >= 100 ? `${Math.round(n).toLocaleString('en-US')} ms` : `${n.toFixed(1)} ms`);
const shift = (n) => n.toFixed(3);
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

const count = (n) => String(n);

// Issues 12 and 21's targets; `judge` fills in what was measured.
const TARGETS = [
  ['phone', 'phone profile: first chart inside the viewport (median)', 800, ms],
  ['tti', 'phone profile: first filter change repainted, after navigation start, brotli host (median)', 2300, ms],
  ['tti-gzip', 'phone profile: first filter change repainted, after navigation start, gzip-only host (median)', 2700, ms],
  ['data-start', 'phone profile: the data request starts, after navigation start (median)', 400, ms],
  ['transfer', 'phone profile: first visit, everything transferred, brotli host, cache disabled (median)', 330 * 1024, kb],
  ['twice', 'phone profile: files transferred twice on a first visit (worst visit)', 0, count],
  ['first-use', 'phone profile: a download or an import ready after the tap, first use (worst of them)', 1500, ms],
  ['bytes', 'bytes before the first chart is visible, phone (compressed, as transferred)', 50 * 1024, kb],
  ['wasm-gzip', 'main WebAssembly, gzip -9', 320 * 1024, kb],
  ['wasm-br', 'main WebAssembly, brotli 11', 250 * 1024, kb],
  ['desktop', 'desktop: first chart inside the viewport (median)', 300, ms],
  ['cls', 'layout shift when the app takes over (worst visit, phone and desktop)', 0.02, shift],
  ['parse-100k', '100,000 figures: parse + validate in Chromium', 600, ms],
  ['repaint-100k', '100,000 figures: filter change → repaint (median)', 50, ms],
  ['repaint-real', 'real data: filter change → repaint (median)', 16, ms],
].map(([id, figure, limit, format]) => ({ id, figure, limit, format, value: null }));

/** Records a figure against its target; returns "figure (target ≤ x: met|missed by y)". */
function judge(id, value) {
  const target = TARGETS.find((t) => t.id === id);
  target.value = target.value === null ? value : Math.max(target.value, value);
  const { format, limit } = target;
  const verdict = value <= limit ? 'met' : `missed by ${format(value - limit)}`;
  return `${format(value)} (target ≤ ${format(limit)}: ${verdict})`;
}

// 1. Sizes.
const wasmFile = fs.readdirSync(DIST).find((f) => /^eu-iom-dashboard-.*_bg\.wasm$/.test(f));
const wasm = fs.readFileSync(path.join(DIST, wasmFile));
const chromium = await launch();
console.log(`# EU–IOM dashboard benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Chromium ${chromium.version()} headless; load average ${os.loadavg()[0].toFixed(1)} at the start (other work on the machine slows every figure)`);
console.log('');
console.log('## Size');
console.log(`wasm (dist, after wasm-bindgen and wasm-opt -Oz): ${kb(wasm.length)} raw, ${judge('wasm-gzip', gz(wasm))} gzip, ${judge('wasm-br', br(wasm))} brotli`);
const cargoWasm = path.join(ROOT, 'target/web-release/wasm32-unknown-unknown/release/eu-iom-dashboard.wasm');
if (!phoneOnly && fs.existsSync(cargoWasm)) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eu-iom-bindgen-'));
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, cargoWasm], { stdio: 'ignore' });
    const unopt = fs.readFileSync(path.join(tmp, 'eu-iom-dashboard_bg.wasm'));
    console.log(`wasm before wasm-opt (same build, wasm-bindgen only): ${kb(unopt.length)} raw, ${kb(gz(unopt))} gzip`);
  } catch {
    console.log('wasm before wasm-opt: wasm-bindgen not on PATH, skipped');
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
const staffFile = fs.readdirSync(DIST).find((f) => /^eu-iom-staff-.*_bg\.wasm$/.test(f));
if (staffFile) {
  const staff = fs.readFileSync(path.join(DIST, staffFile));
  console.log(`staff page module (loaded only by staff.html): ${kb(staff.length)} raw, ${kb(gz(staff))} gzip, ${kb(br(staff))} brotli`);
}
const mapFile = path.join(DIST, 'data/world-map.json');
console.log(`map shapes (data/world-map.json, loaded only by the map view): ${kb(fs.statSync(mapFile).size)} raw, ${kb(gz(fs.readFileSync(mapFile)))} gzip`);
const copies = fs.readdirSync(DIST, { recursive: true }).filter((f) => /\.(br|gz)$/.test(f));
console.log(`pre-compressed copies in dist/ (eu-iom-data compress): ${copies.length} files; the server sends them when the browser accepts them, else compresses on the fly`);

const server = await serve({ root: DIST, gzip: true });
/** A host that compresses with gzip only (GitHub Pages): the same files, never brotli. */
const gzipServer = await serve({ root: DIST, gzip: true, encodings: ['gzip'] });
const browser = chromium;

// The profiles of a first visit. The phone is Lighthouse-like: a slow 4G network
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a CPU four times slower.
const PHONE = {
  name: 'phone',
  context: { viewport: { width: 375, height: 800 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 750_000 / 8 },
  cpu: 4,
};
/** The phone on a host that never sends brotli (GitHub Pages compresses with gzip only). */
const PHONE_GZIP = { ...PHONE, name: 'phone, gzip only', server: gzipServer };
const DESKTOP = { name: 'desktop', context: { viewport: { width: 1280, height: 900 } }, network: null, cpu: 1 };

/**
 * Runs first in every page: notes when a chart is first on screen — rendered with a size and
 * inside the viewport (its top above the bottom of the screen): a pre-rendered SVG (the server
 * sent it) or the app's canvas once drawn (a `-drawn` mark) and shown (not behind the
 * pre-rendered page). Polls once a frame until then, and keeps that chart's kind and its top;
 * collects layout shifts that did not follow an input.
 */
function observeFirstView() {
  const bench = { chartAt: null, top: null, kind: null, shifts: [] };
  window.__bench = bench;
  const drawn = () => performance.getEntriesByType('mark').some((m) => m.name.endsWith('-drawn'));
  const poll = () => {
    for (const chart of document.querySelectorAll('figure.chart svg, figure.chart canvas')) {
      if (chart.tagName === 'CANVAS' && !drawn()) continue;
      const box = chart.getBoundingClientRect();
      // Rendered (no display: none or visibility: hidden on the way up), with a size, on screen.
      const rendered = box.width > 0 && box.height > 0 && chart.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      if (rendered && box.top < innerHeight && box.bottom > 0) {
        bench.chartAt = performance.now();
        bench.top = box.top;
        bench.kind = chart.tagName === 'CANVAS' ? 'app canvas' : 'pre-rendered SVG';
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) bench.shifts.push(entry.value);
  }).observe({ type: 'layout-shift', buffered: true });
  addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
}

/**
 * One first visit in a fresh browser context (empty profile, cache disabled), emulating
 * `profile`. Measures, in ms after navigation start: when the first chart is visible inside the
 * viewport (a pre-rendered SVG, or the app's drawn and shown canvas, whichever comes first; see
 * `observeFirstView`) and where its top is, the bytes
 * (as transferred: Network.loadingFinished's encodedDataLength) of the responses finished by then
 * (the document always counts), the layout shift until the app has taken over, and when the first
 * filter change, made as soon as the app is ready (`data-ready`, a first drawing, no pre-rendered
 * page left; on a phone after opening the filters), has repainted.
 * With `keep`, returns the page open for further measures.
 */
async function visit(profile, { query = '?lang=en', keep = false } = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...profile.context });
  const page = await context.newPage();
  await page.addInitScript(observeFirstView);
  const cdp = await context.newCDPSession(page);
  const requests = new Map();
  const finished = [];
  cdp.on('Network.requestWillBeSent', (e) => requests.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e) => finished.push({ type: requests.get(e.requestId), at: e.timestamp, bytes: e.encodedDataLength }));
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const host = profile.server ?? server;
  const served = host.requests.length;
  await page.goto(host.url + query, { waitUntil: 'commit' });
  // Ready: data loaded, a chart drawn, and a pre-rendered page (if any) replaced by the app.
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('data-ready').length > 0 &&
      performance.getEntriesByType('mark').some((m) => m.name.endsWith('-drawn')) &&
      !document.getElementById('prerendered'),
    null,
    { timeout: 120000, polling: 20 },
  );
  // The first chart inside the viewport, read before anything scrolls the page; the chart the
  // app has just shown is seen by the next frame's poll.
  await page.waitForFunction(() => window.__bench.chartAt !== null, null, { timeout: 1000, polling: 'raf' }).catch(() => {});
  const first = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-paint')[0]?.startTime ?? 0;
    const { chartAt, top, kind, shifts } = window.__bench;
    const cls = shifts.reduce((sum, value) => sum + value, 0);
    // No chart inside the viewport yet, though the app is ready: the chart is below the fold.
    if (chartAt === null) return { at: Infinity, top: null, how: 'no chart inside the viewport', cls };
    // A chart found in a frame before the first paint shows with that paint.
    return { at: Math.max(chartAt, paint), top, how: kind, cls };
  });
  // On a narrow screen the filters are behind a button, as a visitor finds them.
  const filter = page.locator('#f-metric-migrants_reintegration');
  if (!(await filter.isVisible())) await page.locator('[data-testid=filters-open], .filters__toggle').filter({ visible: true }).first().click();
  await filter.click();
  const tti = await (await page.waitForFunction(() => {
    const change = performance.getEntriesByName('filter-change').at(-1);
    const drawn = change && performance.getEntriesByType('mark').find((m) => m.name.endsWith('-drawn') && m.startTime >= change.startTime);
    return drawn ? drawn.startTime : null;
  }, null, { timeout: 60000, polling: 20 })).jsonValue();
  const { metrics } = await cdp.send('Performance.getMetrics');
  const navigationStart = metrics.find((m) => m.name === 'NavigationStart').value;
  const bytes = finished
    .filter((f) => f.type === 'Document' || (f.at - navigationStart) * 1000 <= first.at)
    .reduce((sum, f) => sum + f.bytes, 0);
  // When the request for the published data started (Resource Timing counts from navigation start).
  const dataStart = await page.evaluate(() => performance.getEntriesByType('resource').find((e) => new URL(e.name).pathname.endsWith('/data/eu-iom-figures.json'))?.startTime ?? NaN);
  // Let the service worker install (it registers once the app runs) before counting what the
  // visit transferred: a file it fetches again counts twice. The worker's requests are not the
  // page's target, so setCacheDisabled does not cover them (measured: with a host sending
  // max-age, its fetch of the module script came from the HTTP cache the page had filled); the
  // server's `no-store` on every file keeps this count a first visit's.
  await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => {});
  await page.waitForTimeout(200);
  const log = host.requests.slice(served);
  const everything = log.reduce((sum, r) => sum + r.bytes, 0);
  // Of which the files worker's module (downloads, import), which the page loads only on first
  // use and the service worker stores for offline use when it installs.
  const tools = log.filter((r) => r.path.includes('/eu-iom-tools-')).reduce((sum, r) => sum + r.bytes, 0);
  const twice = [...timesServed(log)].filter(([, n]) => n > 1).map(([p]) => p);
  const result = { ...first, tti, bytes, everything, tools, dataStart, twice };
  if (keep) return { ...result, context, page, cdp };
  await context.close();
  return result;
}

/** RUNS first visits with `profile`; prints and judges the medians. */
async function firstVisits(profile, ids) {
  const runs = [];
  for (let run = 0; run < RUNS; run++) runs.push(await visit(profile));
  const chart = stats(runs.map((r) => r.at));
  const tti = stats(runs.map((r) => r.tti));
  const bytes = stats(runs.map((r) => r.bytes));
  const cls = stats(runs.map((r) => r.cls));
  const how = [...new Set(runs.map((r) => r.how))].join(', ');
  const dataStart = stats(runs.map((r) => r.dataStart));
  const everything = stats(runs.map((r) => r.everything));
  const tools = stats(runs.map((r) => r.tools));
  const twice = runs.reduce((worst, r) => (r.twice.length > worst.length ? r.twice : worst), []);
  const tops = [...new Set(runs.map((r) => (r.top === null ? 'none' : `${Math.round(r.top)} px`)))].join(', ');
  const height = profile.context.viewport.height;
  console.log(`first chart visible (inside the ${height} px high viewport): median ${ids.chart ? judge(ids.chart, chart.median) : ms(chart.median)}, p95 ${ms(chart.p95)} (${how}; its top at ${tops})`);
  console.log(`first filter change repainted: median ${ids.tti ? judge(ids.tti, tti.median) : ms(tti.median)} after navigation start, p95 ${ms(tti.p95)}`);
  console.log(`the data request started: median ${ids.dataStart ? judge(ids.dataStart, dataStart.median) : ms(dataStart.median)} after navigation start`);
  console.log(`bytes before the first chart is visible: median ${ids.bytes ? judge(ids.bytes, bytes.median) : kb(bytes.median)}`);
  console.log(`everything the visit transferred (service worker included): median ${ids.everything ? judge(ids.everything, everything.median) : kb(everything.median)} (the map shapes are not among them; of it, the files worker's module stored by the service worker for offline use: ${kb(tools.median)})`);
  console.log(`files transferred twice: ${ids.twice ? judge(ids.twice, twice.length) : twice.length}${twice.length ? ` (${twice.join(', ')})` : ''}`);
  console.log(`layout shift until the app has taken over: worst ${ids.chart ? judge('cls', cls.max) : shift(cls.max)}, median ${shift(cls.median)}`);
  console.log(`(${RUNS} fresh visits, cache disabled)`);
}

/**
 * First use of the rarely used parts on a fresh phone visit (after the first filter change): the
 * chart as PNG and as SVG, the selection as CSV (tap → the browser offers the file), and a local
 * file opened (files chosen → its figures on screen). Prints each and judges the slowest.
 */
async function firstUses(profile) {
  const runs = [];
  for (let run = 0; run < Math.min(RUNS, 3); run++) {
    const { context, page } = await visit({ ...profile, context: { ...profile.context, acceptDownloads: true } }, { keep: true });
    const timed = {};
    for (const [name, selector] of [['PNG', '[data-testid=timeline-png]'], ['SVG', '[data-testid=timeline-svg]'], ['CSV', '[data-testid=download-selection-csv]']]) {
      // The filters drawer, left open by the visit, covers the page on a phone: the tap is sent to the button itself.
      const start = Date.now();
      await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.locator(selector).dispatchEvent('click')]);
      timed[name] = Date.now() - start;
    }
    const start = Date.now();
    await page.setInputFiles('[data-testid=open-file]', path.join(ROOT, 'tests/fixtures/dataset/eu-iom-figures.json'));
    await page.waitForFunction(() => /eu-iom-figures\.json/.test(document.querySelector('[data-testid=data-origin]')?.textContent ?? ''), null, { timeout: 60000, polling: 20 });
    timed.import = Date.now() - start;
    runs.push(timed);
    await context.close();
  }
  const medians = Object.keys(runs[0]).map((name) => [name, stats(runs.map((r) => r[name])).median]);
  for (const [name, median] of medians) console.log(`${name}: median ${ms(median)}`);
  const worst = medians.reduce((a, b) => (b[1] > a[1] ? b : a));
  console.log(`slowest first use (${worst[0]}): ${judge('first-use', worst[1])} (${runs.length} fresh visits; measured by the test's clock, tap to event)`);
}

try {
  // 2. First visits: phone, then desktop.
  console.log('');
  console.log('## First visit, phone profile (375×800 at 2×, touch; 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up; CPU 4× slower)');
  await firstVisits(PHONE, { chart: 'phone', tti: 'tti', bytes: 'bytes', dataStart: 'data-start', everything: 'transfer', twice: 'twice' });
  console.log('');
  console.log('## The same phone on a host without brotli (gzip only, as GitHub Pages serves)');
  await firstVisits(PHONE_GZIP, { tti: 'tti-gzip' });
  console.log('');
  console.log('## First use of a download and of the import, phone profile (tap → file offered, or local file shown)');
  await firstUses(PHONE);
  if (!phoneOnly) {
    console.log('');
    console.log('## First visit, desktop (1280×900, no throttling)');
    await firstVisits(DESKTOP, { chart: 'desktop' });
  }
  if (!phoneOnly) await desktopSections();
} finally {
  await browser.close();
  await server.close();
  await gzipServer.close();
}

async function desktopSections() {
  // 3. Filter change → repaint, and memory after many changes.
  const { context, page, cdp } = await visit(DESKTOP, { keep: true });
  async function repaint(selector, chart) {
    await page.evaluate(() => performance.clearMarks());
    await page.click(selector);
    const handle = await page.waitForFunction((name) => {
      const change = performance.getEntriesByName('filter-change')[0];
      const drawn = performance.getEntriesByName(name).find((m) => change && m.startTime >= change.startTime);
      return change && drawn ? drawn.startTime - change.startTime : null;
    }, `${chart}-drawn`, { timeout: 10000 });
    return handle.jsonValue();
  }
  const timeline = [];
  for (let i = 0; i < 40; i++) timeline.push(await repaint('#f-metric-migrants_reintegration', 'timeline'));
  const t = stats(timeline);
  console.log('');
  console.log('## Filter change → repaint (real dataset, 40 changes each)');
  console.log(`timeline: median ${judge('repaint-real', t.median)}, p95 ${ms(t.p95)} (one frame is 16.7 ms)`);
  await page.click('[data-testid=tab-map]');
  await page.waitForFunction(() => performance.getEntriesByName('map-drawn').length > 0, null, { timeout: 60000 });
  const map = [];
  for (let i = 0; i < 40; i++) map.push(await repaint('#f-publisher-' + (i % 2 ? 'all' : 'official'), 'map'));
  const m = stats(map);
  console.log(`map: median ${ms(m.median)}, p95 ${ms(m.p95)}`);
  await page.click('[data-testid=tab-timeline]');

  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer.byteLength ?? 0);
    return { js: usedSize, wasm: wasmBytes };
  };
  const before = await heap();
  await page.evaluate(async (n) => {
    const box = document.querySelector('#f-metric-migrants_reintegration');
    for (let i = 0; i < n; i++) {
      box.click();
      if (i % 20 === 0) await new Promise((r) => requestAnimationFrame(r));
    }
    await new Promise((r) => setTimeout(r, 300));
  }, CHANGES);
  const after = await heap();
  console.log('');
  console.log(`## Memory after ${CHANGES} filter changes`);
  console.log(`JS heap: ${kb(before.js)} before, ${kb(after.js)} after; WebAssembly memory: ${kb(before.wasm)} before, ${kb(after.wasm)} after`);
  await context.close();

  // 4. Synthetic datasets of growing size.
  console.log('');
  console.log('## Synthetic datasets in Chromium (fetch, parse + validate, filter → repaint)');
  console.log('| figures | file | fetch | parse + validate | repaint median | repaint p95 |');
  console.log('|---:|---:|---:|---:|---:|---:|');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eu-iom-synth-'));
  const judged = [];
  for (const n of SIZES) {
    const file = path.join(dir, `synth-${n}.json`);
    execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'eu-iom-data', '--', 'synth', String(n), '--out', file], { cwd: ROOT, stdio: 'ignore' });
    const body = fs.readFileSync(file, 'utf8');
    const synthServer = await serve({ root: DIST, gzip: true, overrides: { [`/data/synth.json`]: { body } } });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(synthServer.url + '?lang=en&data=data/synth.json');
    await page.waitForFunction(() => performance.getEntriesByName('timeline-drawn').length > 0, null, { timeout: 300000 });
    const load = await page.evaluate(() => {
      const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN;
      return { fetch: at('data-fetched') - at('data-fetch-start'), parse: at('data-parsed') - at('data-fetched') };
    });
    const samples = [];
    for (let i = 0; i < 15; i++) {
      await page.evaluate(() => performance.clearMarks());
      await page.click('#f-metric-migrants_reintegration');
      const handle = await page.waitForFunction(() => {
        const change = performance.getEntriesByName('filter-change')[0];
        const drawn = performance.getEntriesByName('timeline-drawn').find((mk) => change && mk.startTime >= change.startTime);
        return change && drawn ? drawn.startTime - change.startTime : null;
      }, null, { timeout: 60000 });
      samples.push(await handle.jsonValue());
    }
    const r = stats(samples);
    console.log(`| ${n} | ${(body.length / 1e6).toFixed(1)} MB | ${ms(load.fetch)} | ${ms(load.parse)} | ${ms(r.median)} | ${ms(r.p95)} |`);
    if (n === 100000) judged.push(`100,000 figures: parse + validate ${judge('parse-100k', load.parse)}; repaint median ${judge('repaint-100k', r.median)}`);
    await context.close();
    await synthServer.close();
  }
  for (const line of judged) console.log(line);
  fs.rmSync(dir, { recursive: true, force: true });
}

// 5. The native core, up to a million figures.
if (!phoneOnly) {
  console.log('');
  console.log('## Native core on synthetic datasets (release build, median of runs)');
  console.log(execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'eu-iom-data', '--', 'bench-core', ...(quick ? ['1000', '10000', '100000'] : [])], { cwd: ROOT }).toString().trim());
}

// 6. Every target of issue 12 in one table (for the README).
console.log('');
console.log('## Targets');
console.log('| figure | measured | target | |');
console.log('|---|---:|---:|---|');
for (const { figure, value, limit, format } of TARGETS) {
  const verdict = value === null ? 'not measured in this run' : value <= limit ? 'met' : `missed by ${format(value - limit)}`;
  console.log(`| ${figure} | ${value === null ? '–' : format(value)} | ≤ ${format(limit)} | ${verdict} |`);
}
