// Static deployment and embedding: a build for a sub-path works when served under that path with
// the strict Content-Security-Policy (no violation, no request to another origin, the files
// worker's downloads made); a host page on
// another origin embeds two views whose iframes follow their content's height, and ignores height
// messages from anywhere else; render flags apply; the build's pre-compressed copies are current
// and are what a browser that accepts them receives.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '../lib/server.mjs';
import { launch, openPage, afterMark, pageNow, ROOT } from '../lib/browser.mjs';
import { nextFrames, settled as animationsDone } from '../lib/dashboard.mjs';

const BASE = '/sub/dash/';
const DIST = process.env.SUBPATH_DIST ?? path.join(ROOT, 'target/dist-subpath');

/** The policy the build wrote for hosts that read `_headers`, with frame-ancestors replaced. */
function policy(frameAncestors) {
  const headers = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const line = headers.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
  return line.split(': ').slice(1).join(': ').trim().replace(/frame-ancestors [^;]*/, `frame-ancestors ${frameAncestors}`);
}

/** A page that records CSP violations and requests to other origins. */
async function watchedPage(browser, origin, options = {}) {
  const session = await openPage(browser, options);
  session.foreign = [];
  session.page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) session.foreign.push(request.url());
  });
  await session.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return session;
}

let browser;
let dashboard;
let host;
let stranger;
const HOST_PAGE = (dash, strangerUrl) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet page</title></head>
<body style="margin:0;font-family:sans-serif">
  <h1>Staff intranet</h1>
  <iframe id="a" data-eu-iom-embed="chart-a" title="Returns over time" width="100%" height="480" style="border:0;width:100%"
    src="${dash}?v=1&view=breakdown&metric=migrants_returned&embed=1&eid=chart-a&lang=en"></iframe>
  <iframe id="b" data-eu-iom-embed="cards-b" title="Headline figures" width="100%" height="480" style="border:0;width:100%"
    src="${dash}?v=1&view=cards&embed=1&eid=cards-b&lang=en"></iframe>
  <iframe id="stranger" src="${strangerUrl}" style="width:10px;height:10px;border:0"></iframe>
  <script src="${dash}embed.js" async></script>
</body></html>`;
// A page on a third origin that tries to resize the embeds.
const STRANGER_PAGE = `<!DOCTYPE html><html><body><script>
  window.addEventListener('message', (e) => {
    if (e.data === 'attack') {
      parent.postMessage({ type: 'eu-iom-dashboard:height', version: 1, id: 'chart-a', height: 4321 }, '*');
      parent.postMessage({ type: 'eu-iom-dashboard:height', version: 1, id: 'cards-b', height: 4321 }, '*');
    }
  });
</script></body></html>`;

function staticPage(body) {
  return new Promise((resolve) => {
    const server = http.createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(typeof body === 'function' ? body() : body);
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}/` }));
  });
}

before(async () => {
  browser = await launch();
  stranger = await staticPage(STRANGER_PAGE);
  let dashUrl = '';
  host = await staticPage(() => HOST_PAGE(dashUrl, stranger.url));
  const hostOrigin = new URL(host.url).origin;
  dashboard = await serve({ root: DIST, base: BASE, headers: { 'Content-Security-Policy': policy(`'self' ${hostOrigin}`) } });
  dashUrl = dashboard.url;
});
after(async () => {
  await browser?.close();
  await dashboard?.close();
  await new Promise((r) => host?.server.close(r));
  await new Promise((r) => stranger?.server.close(r));
});

test('the sub-path build loads under its path with the strict policy and no foreign request', async () => {
  const origin = new URL(dashboard.url).origin;
  const session = await watchedPage(browser, origin, { acceptDownloads: true });
  const { page, problems, context } = session;
  await page.goto(dashboard.url + '?lang=en');
  await page.waitForSelector('[data-testid=timeline-canvas]');
  // The files worker is served with the same policy (worker-src 'self'; its WebAssembly under
  // 'wasm-unsafe-eval'): the downloads it writes are made.
  for (const [selector, name] of [['[data-testid=timeline-svg]', /\.svg$/], ['[data-testid=download-selection-csv]', /\.zip$/]]) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
    assert.match(file.suggestedFilename(), name);
  }
  await afterMark(page, ['app-revealed', 'timeline-drawn']);
  assert.match(await page.textContent('[data-testid=card-projects]'), /535/);
  for (const tab of ['breakdown', 'table', 'sources']) {
    const since = await pageNow(page);
    await page.click(`[data-testid=tab-${tab}]`);
    if (tab === 'breakdown') await afterMark(page, 'breakdown-migrants_returned-drawn', since);
    // The table and the sources draw no chart and set no mark: wait for their content and its
    // first paint, when a policy violation or a request their markup causes is reported.
    else {
      await page.waitForSelector(tab === 'table' ? '[data-testid=table-row]' : '[data-testid=source-item]');
      await nextFrames(page);
    }
  }
  await page.click('[data-testid=share-open]');
  assert.match(await page.inputValue('[data-testid=share-code]'), /src="http:\/\/127\.0\.0\.1:\d+\/sub\/dash\/embed\.js"/);
  const header = (await context.request.get(dashboard.url)).headers()['content-security-policy'];
  // The inline scripts are hashed: the dashboard's loader, the staff page's Trunk loader and the
  // pre-rendered page's head script; and the stylesheet written into the page's head.
  assert.match(header, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+'){3}; style-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(session.foreign, []);
  assert.deepEqual(problems, []);
  const served = dashboard.requests.map((r) => r.path);
  assert.ok(served.every((p) => p.startsWith(BASE)), `every request stays under ${BASE}: ${served.filter((p) => !p.startsWith(BASE))}`);
  assert.ok(served.some((p) => p === `${BASE}data/eu-iom-figures.json`), 'the data comes from under the sub-path');
  await context.close();
});

test('the pre-compressed copies decode to the final files and are what the browser receives', async () => {
  const copies = fs.readdirSync(DIST, { recursive: true }).filter((f) => /\.(br|gz)$/.test(f));
  const originals = new Set(copies.map((f) => f.replace(/\.(br|gz)$/, '')));
  for (const kind of [/^index\.html$/, /^eu-iom-dashboard-.*_bg\.wasm$/, /^eu-iom-dashboard-.*\.js$/, /^main-.*\.css$/]) {
    const named = [...originals].filter((f) => kind.test(f));
    assert.equal(named.length, 1, `one ${kind} has copies`);
    for (const suffix of ['.br', '.gz']) assert.ok(copies.includes(named[0] + suffix), `${named[0]}${suffix} exists`);
  }
  assert.deepEqual(copies.filter((f) => f.startsWith('data')), [], 'data files, replaceable without a rebuild, have no copies');
  for (const copy of copies) {
    const bytes = fs.readFileSync(path.join(DIST, copy));
    const decoded = copy.endsWith('.br') ? zlib.brotliDecompressSync(bytes) : zlib.gunzipSync(bytes);
    // Stale copies (say, of index.html before the policy step rewrote it) would differ.
    assert.ok(decoded.equals(fs.readFileSync(path.join(DIST, copy.replace(/\.(br|gz)$/, '')))), `${copy} decodes to its file`);
  }

  const session = await watchedPage(browser, new URL(dashboard.url).origin);
  const served = dashboard.requests.length;
  await session.page.goto(dashboard.url + '?lang=en');
  await session.page.waitForSelector('[data-testid=timeline-canvas]');
  const wasm = dashboard.requests.slice(served).find((r) => /\/eu-iom-dashboard-.*_bg\.wasm$/.test(r.path));
  assert.equal(wasm.encoding, 'br', 'Chromium accepts brotli and gets the .br copy');
  assert.equal(wasm.bytes, fs.statSync(path.join(DIST, copies.find((f) => /^eu-iom-dashboard-.*_bg\.wasm\.br$/.test(f)))).size);
  assert.deepEqual(session.problems, []);
  await session.context.close();
});

async function heights(page) {
  const out = {};
  for (const id of ['a', 'b']) {
    const frame = page.frame({ url: new RegExp(id === 'a' ? 'eid=chart-a' : 'eid=cards-b') });
    const content = await frame.evaluate(() => Math.ceil(document.querySelector('[data-testid=embed]').getBoundingClientRect().height));
    const box = await page.$eval(`#${id}`, (f) => f.getBoundingClientRect().height);
    out[id] = { content, box };
  }
  return out;
}

/** Waits until the host script has sized both iframes and their heights stay the same over
 * ten frames (the embeds have re-laid out and reported back), and returns them. */
async function settled(page) {
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id).style.height !== ''));
  await animationsDone(page);
  let last = JSON.stringify(await heights(page));
  for (let same = 0, frames = 0; same < 10; frames++) {
    if (frames > 600) throw new Error('the iframes never stopped changing height');
    await nextFrames(page, 1);
    const now = JSON.stringify(await heights(page));
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return heights(page);
}

function assertMatched(measured, when) {
  for (const [id, { content, box }] of Object.entries(measured)) {
    assert.ok(Math.abs(content - box) <= 2, `${when}: iframe ${id} is ${box}px for ${content}px of content`);
  }
}

test('a host page on another origin embeds two views whose heights follow their content', async () => {
  const session = await watchedPage(browser, new URL(host.url).origin);
  const { page, context } = session;
  await page.goto(host.url);
  await page.frame({ url: /eid=chart-a/ }).waitForSelector('[data-testid=breakdown-migrants_returned-canvas]');
  await page.frame({ url: /eid=cards-b/ }).waitForSelector('[data-testid=card-projects] [data-figure]');
  const first = await settled(page);
  assertMatched(first, 'after load');
  assert.notEqual(first.a.box, 480, 'the chart iframe was resized from its initial height');

  // A change inside one embed: compare regions instead of countries.
  const chart = page.frame({ url: /eid=chart-a/ });
  await chart.click('button:has-text("Regions")');
  await page.waitForFunction((before) => Math.abs(document.getElementById('a').getBoundingClientRect().height - before) > 2, first.a.box, { timeout: 10000 });
  const changed = await settled(page);
  assertMatched(changed, 'after a change inside the chart');
  assert.ok(Math.abs(changed.b.box - first.b.box) <= 2, 'the other embed is not affected');

  await page.setViewportSize({ width: 420, height: 900 });
  await page.waitForFunction((before) => Math.abs(document.getElementById('b').getBoundingClientRect().height - before) > 2, changed.b.box, { timeout: 10000 });
  assertMatched(await settled(page), 'after a window resize');

  // Messages from a foreign origin change nothing.
  const before = await heights(page);
  await page.evaluate(() => {
    document.getElementById('stranger').contentWindow.postMessage('attack', '*');
    window.postMessage({ type: 'eu-iom-dashboard:height', version: 1, id: 'chart-a', height: 4321 }, '*');
  });
  // The messages are delivered before the frames that follow them are drawn.
  await nextFrames(page, 5);
  const after = await heights(page);
  assert.equal(after.a.box, before.a.box);
  assert.equal(after.b.box, before.b.box);
  assert.deepEqual(session.problems, []);
  await context.close();
});

test('render flags apply: dark theme, transparent background, plain without title and footer', async () => {
  const { page, context } = await openPage(browser);
  await page.goto(dashboard.url + '?v=1&view=timeline&embed=1&theme=dark&lang=fr');
  await page.waitForSelector('[data-testid=timeline-canvas]');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.$eval('[data-testid=embed]', (e) => getComputedStyle(e).backgroundColor), 'rgb(20, 24, 31)');
  assert.ok(await page.isVisible('.embed__title'));
  assert.match(await page.textContent('.embed__title'), /Chiffres publiés au fil du temps/);
  assert.ok(await page.isVisible('[data-testid=open-full]'));
  assert.equal(await page.$('.masthead'), null, 'no page chrome');
  assert.equal(await page.$('[data-testid=filters]'), null);
  const full = await page.getAttribute('[data-testid=open-full]', 'href');
  assert.doesNotMatch(full, /embed=1/, 'the link opens the full dashboard');

  await page.goto(dashboard.url + '?v=1&view=timeline&embed=1&plain=1&transparent=1');
  await page.waitForSelector('[data-testid=timeline-canvas]');
  assert.equal(await page.$('.embed__title'), null);
  assert.equal(await page.$('[data-testid=open-full]'), null);
  assert.equal(await page.$eval('[data-testid=embed]', (e) => getComputedStyle(e).backgroundColor), 'rgba(0, 0, 0, 0)');
  await context.close();
});

test('?data= on the dashboard origin is limited to the deployment path', async () => {
  const { page, context } = await openPage(browser);
  const origin = new URL(dashboard.url).origin;
  const served = dashboard.requests.length;
  for (const address of ['/other-team/figures.json', '../other-team/figures.json', `${origin}/sub/other.json`, `${BASE}..%2Fother.json`]) {
    await page.goto(`${dashboard.url}?lang=en&data=${encodeURIComponent(address)}`);
    await page.waitForSelector('[data-testid=load-error-detail]', { timeout: 60000 });
    assert.match(await page.textContent('[data-testid=load-error-detail]'), /is not allowed: this dashboard only loads data from its approved addresses/, address);
  }
  const outside = dashboard.requests.slice(served).map((r) => r.path).filter((p) => !p.startsWith(BASE) || p.includes('%2F'));
  assert.deepEqual(outside, [], 'no request was made outside the deployment path');
  await page.goto(`${dashboard.url}?lang=en&data=${encodeURIComponent(`${BASE}data/eu-iom-figures.json`)}`);
  await page.waitForSelector('[data-testid=data-origin]', { timeout: 60000 });
  assert.match(await page.textContent('[data-testid=data-origin]'), new RegExp(`from ${dashboard.url}data/eu-iom-figures\\.json`), 'under the path, other data loads');
  await context.close();
});
