// Benchmark: prints size and speed figures for the built dashboard (dist/) in headless Chromium,
// and the native core on synthetic datasets. Figures come from the app's own performance marks:
// `filter-change` when a control changes the view state, `<chart>-drawn` after a repaint,
// `data-fetch-start`, `data-fetched`, `data-parsed` around loading.
//
//   node bench.mjs [--runs 5] [--changes 1000] [--sizes 1000,10000,100000] [--quick]
// `make bench` builds dist/ first and runs this.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { serve } from './lib/server.mjs';
import { launch, DIST, ROOT } from './lib/browser.mjs';

const arg = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const quick = process.argv.includes('--quick');
const RUNS = arg('--runs', quick ? 3 : 7);
const CHANGES = arg('--changes', quick ? 200 : 1000);
const SIZES = process.argv.includes('--sizes')
  ? process.argv[process.argv.indexOf('--sizes') + 1].split(',').map(Number)
  : quick ? [1000, 10000] : [1000, 10000, 100000];

const kb = (n) => `${(n / 1024).toFixed(0)} KB`;
const ms = (n) => `${n.toFixed(1)} ms`;
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}

// 1. Sizes.
const wasmFile = fs.readdirSync(DIST).find((f) => f.endsWith('_bg.wasm'));
const wasm = fs.readFileSync(path.join(DIST, wasmFile));
const gz = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;
console.log(`# EU–IOM dashboard benchmark — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
console.log('');
console.log('## Size');
console.log(`wasm (dist, after wasm-bindgen and wasm-opt -Oz): ${kb(wasm.length)} raw, ${kb(gz(wasm))} gzip`);
const cargoWasm = path.join(ROOT, 'target/web/wasm32-unknown-unknown/release/eu-iom-dashboard.wasm');
if (fs.existsSync(cargoWasm)) {
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
const mapFile = path.join(DIST, 'data/world-map.json');
console.log(`map shapes (data/world-map.json, loaded only by the map view): ${kb(fs.statSync(mapFile).size)} raw, ${kb(gz(fs.readFileSync(mapFile)))} gzip`);

const server = await serve({ root: DIST, gzip: true });
const browser = await launch();

async function freshPage(query = '?lang=en', extra = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...extra });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail.wasm; });
  });
  await page.goto(server.url + query);
  await page.waitForFunction(() => performance.getEntriesByName('timeline-drawn').length > 0, null, { timeout: 120000 });
  return { context, page };
}

// 2. First visit: bytes over the wire and time to the first chart.
try {
  console.log('');
  console.log('## First visit (gzip on, real dataset)');
  const firstChart = [];
  let bytes = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = server.requests.length;
    const { context, page } = await freshPage();
    firstChart.push(await page.evaluate(() => performance.getEntriesByName('timeline-drawn')[0].startTime));
    await page.waitForTimeout(200);
    bytes = server.requests.slice(start).reduce((sum, r) => sum + r.bytes, 0);
    await context.close();
  }
  const first = stats(firstChart);
  console.log(`bytes transferred: ${kb(bytes)} (the map shapes are not among them)`);
  console.log(`time to first chart: median ${ms(first.median)}, p95 ${ms(first.p95)} over ${RUNS} fresh visits`);

  // 3. Filter change → repaint, and memory after many changes.
  const { context, page } = await freshPage();
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
  console.log(`timeline: median ${ms(t.median)}, p95 ${ms(t.p95)} (one frame is 16.7 ms)`);
  await page.click('[data-testid=tab-map]');
  await page.waitForFunction(() => performance.getEntriesByName('map-drawn').length > 0, null, { timeout: 60000 });
  const map = [];
  for (let i = 0; i < 40; i++) map.push(await repaint('#f-publisher-' + (i % 2 ? 'all' : 'official'), 'map'));
  const m = stats(map);
  console.log(`map: median ${ms(m.median)}, p95 ${ms(m.p95)}`);
  await page.click('[data-testid=tab-timeline]');

  const cdp = await context.newCDPSession(page);
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
    await context.close();
    await synthServer.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  await browser.close();
  await server.close();
}

// 5. The native core, up to a million figures.
console.log('');
console.log('## Native core on synthetic datasets (release build, median of runs)');
console.log(execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'eu-iom-data', '--', 'bench-core', ...(quick ? ['1000', '10000', '100000'] : [])], { cwd: ROOT }).toString().trim());
