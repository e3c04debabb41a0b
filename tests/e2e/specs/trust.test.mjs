// Trust: ?data= addresses are decided where the browser resolves them, so that even with no
// Content-Security-Policy in place no request leaves the page's origin; only the last load
// started changes what is shown, however slowly earlier ones answer; CSV downloads of texts that
// look like formulas open as text in a spreadsheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, withServer, ROOT, DIST } from '../lib/browser.mjs';
import { nextFrames } from '../lib/dashboard.mjs';
import { readZip, parseCsv } from '../lib/files.mjs';

// These tests answer the page's own requests (page.route); a service worker would fetch the data
// itself, out of their reach, so it is kept out. The worker has its own spec (offline).
const NO_WORKER = { serviceWorkers: 'block' };

const DATA = '/data/eu-iom-figures.json';
const BASE = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/bad-data/00-valid-base.json'), 'utf8'));
const TABLE = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/data-addresses.json'), 'utf8')).addresses;
// The built page without its <meta> policy: nothing but the app's own check stands in the way.
const UNPROTECTED = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');

let browser;

/**
 * The moment a routed request has been answered and its body delivered to the page: call
 * `answer(request)` just before fulfilling it, then await `done` (and a frame or two for the
 * page to act on it) instead of sleeping.
 */
function finishedAfterRoute(page) {
  let answered = null;
  let resolve;
  const done = new Promise((r) => { resolve = r; });
  page.on('requestfinished', (request) => { if (request === answered) resolve(); });
  return { answer: (request) => { answered = request; }, done };
}
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The base dataset with the second release's migrants returned set to `value`. */
function variant(value) {
  const data = structuredClone(BASE);
  data.figures[1].value = value;
  return JSON.stringify(data);
}

test('with no policy in place, no ?data= address makes a request outside the page origin', async () => {
  assert.doesNotMatch(UNPROTECTED, /Content-Security-Policy/, 'the page is served without a policy');
  await withServer({ overrides: { '/': { body: UNPROTECTED, type: 'text/html; charset=utf-8' } } }, async (server) => {
    const origin = new URL(server.url).origin;
    const fill = (text) => text.replaceAll('{origin}', origin).replaceAll('{port}', String(server.port));
    const { page, context } = await openPage(browser, NO_WORKER);
    const outside = [];
    context.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && new URL(url).origin !== origin) outside.push(url);
    });
    const wrong = [];
    for (const row of TABLE) {
      const address = fill(row.address);
      await page.goto(`${server.url}?lang=en&data=${encodeURIComponent(address)}`);
      // Chromium's own parser agrees with the table (and so with the url crate natively).
      const resolved = await page.evaluate((a) => {
        try {
          const url = new URL(a, document.baseURI);
          return /^https?:$/.test(url.protocol) ? url.origin : null;
        } catch { return null; }
      }, address);
      assert.equal(resolved, row.origin === null ? null : fill(row.origin), `${JSON.stringify(address)} resolves as the table says`);
      await page.waitForSelector('[data-testid=load-error], [data-testid=data-origin]');
      const error = await page.$('[data-testid=load-error-detail]');
      const refused = /is not allowed: this dashboard only loads data from its approved addresses/.test(error ? await error.textContent() : '');
      if (refused === row.allowed) wrong.push(`${JSON.stringify(address)} ${refused ? 'refused' : 'allowed'}`);
    }
    assert.deepEqual(outside, [], 'every request stayed on the page origin');
    assert.deepEqual(wrong, [], 'each address is decided as the table says');
    await context.close();
  });
});

test('a slow earlier reload never replaces the data of a later one', async () => {
  await withServer({}, async (server) => {
    const { page, context, problems } = await openPage(browser, NO_WORKER);
    await page.goto(server.url + '?lang=en&metric=migrants_returned');
    await page.waitForSelector('[data-testid=card-migrants] [data-figure]');
    let requests = 0;
    const slowFinished = finishedAfterRoute(page);
    await page.route(`**${DATA}`, async (route) => {
      requests += 1;
      if (requests === 1) {
        // The first reload is slow: it answers well after the second one.
        await new Promise((resolve) => setTimeout(resolve, 3000));
        slowFinished.answer(route.request());
        await route.fulfill({ status: 200, contentType: 'application/json', body: variant(111111) });
      } else {
        await route.fulfill({ status: 200, contentType: 'application/json', body: variant(222222) });
      }
    });
    await page.click('[data-testid=reload-data]');
    await page.click('[data-testid=reload-data]');
    await page.waitForFunction(() => /222,222/.test(document.querySelector('[data-testid=card-migrants]')?.textContent ?? ''));
    await slowFinished.done;
    await nextFrames(page);
    assert.equal(requests, 2);
    const card = await page.textContent('[data-testid=card-migrants]');
    assert.match(card, /222,222/, 'the last reload started wins');
    assert.doesNotMatch(card, /111,111/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('a slow reload answered after a local file was opened leaves the local file on screen', async () => {
  await withServer({}, async (server) => {
    const { page, context } = await openPage(browser, NO_WORKER);
    await page.goto(server.url + '?lang=en&metric=migrants_returned');
    await page.waitForSelector('[data-testid=card-migrants] [data-figure]');
    const slowFinished = finishedAfterRoute(page);
    await page.route(`**${DATA}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      slowFinished.answer(route.request());
      await route.fulfill({ status: 200, contentType: 'application/json', body: variant(111111) });
    });
    await page.click('[data-testid=reload-data]');
    await page.setInputFiles('[data-testid=open-file]', { name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(variant(333333)) });
    await page.waitForFunction(() => /333,333/.test(document.querySelector('[data-testid=card-migrants]')?.textContent ?? ''));
    await slowFinished.done;
    await nextFrames(page);
    assert.match(await page.textContent('[data-testid=card-migrants]'), /333,333/, 'the file opened last stays');
    assert.match(await page.textContent('[data-testid=data-origin]'), /Local data: these figures come from the file “mine\.json”/, 'and so does its banner');
    await context.close();
  });
});

test('a CSV download of texts that look like formulas opens as text, numbers as numbers', async () => {
  await withServer({}, async (server) => {
    const { page, context } = await openPage(browser, { acceptDownloads: true });
    await page.goto(server.url + '?lang=en&metric=migrants_returned&level=all');
    await page.waitForSelector('[data-testid=card-migrants] [data-figure]');
    await page.setInputFiles('[data-testid=open-file]', path.join(ROOT, 'tests/fixtures/formulas.json'));
    await page.waitForFunction(() => /formulas\.json/.test(document.querySelector('[data-testid=data-origin]')?.textContent ?? ''));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=download-all-csv]')]);
    const files = readZip(fs.readFileSync(await download.path()));
    // The CSV split into cells as a spreadsheet splits it.
    const cells = parseCsv([...files].find(([name]) => name.endsWith('.csv'))[1].toString('utf8'));
    const [header, ...rows] = cells;
    assert.equal(rows.length, 3);
    const value = header.indexOf('value');
    for (const row of rows) {
      row.forEach((cell, i) => {
        if (i === value) assert.match(cell, /^\d+$/, 'the value is a bare number');
        else assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${header[i]} does not start a formula: ${cell}`);
      });
    }
    const text = rows.flat().join('\n');
    for (const guarded of ["'=1+1", "'@SUM(A1:A9)", "'=IMPORTXML(", "''=already quoted"]) assert.ok(text.includes(guarded), guarded);
    await context.close();
  });
});

test('a clock that gives no valid date stops downloads with a message in the page language, never a made-up date', async () => {
  await withServer({}, async (server) => {
    const { page, context } = await openPage(browser, { acceptDownloads: true });
    await page.clock.setFixedTime(new Date('2300-06-01T12:00:00Z'));
    await page.goto(server.url + '?lang=fr');
    await page.waitForSelector('[data-testid=card-projects] [data-figure]');
    let downloads = 0;
    page.on('download', () => { downloads += 1; });
    for (const id of ['download-selection-json', 'download-all-csv', 'timeline-png']) {
      await page.click(`[data-testid=${id}]`);
      await page.waitForSelector('[data-testid=download-error]', { timeout: 10000 });
    }
    const errors = await page.$$eval('[data-testid=download-error]', (nodes) => nodes.map((n) => n.textContent));
    assert.ok(errors.length >= 2, `${errors.length} messages`);
    for (const text of errors) assert.match(text, /^L’horloge de cet ordinateur ne donne pas de date valide/);
    assert.match(await page.textContent('[data-testid=citation]'), /^L’horloge de cet ordinateur/, 'the citation names no retrieval date');
    await nextFrames(page);
    assert.equal(downloads, 0, 'nothing was downloaded with an invented date');
    await context.close();
  });
});

test('the development server policy in Trunk.toml allows exactly the loader Trunk writes', async () => {
  const crypto = await import('node:crypto');
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  // `make serve` builds with --filehash false at /: the same loader without the file hashes.
  const unhashed = loader.replace(/eu-iom-dashboard-[0-9a-f]{16}/g, 'eu-iom-dashboard');
  assert.notEqual(unhashed, loader);
  const hash = crypto.createHash('sha256').update(unhashed).digest('base64');
  const trunk = fs.readFileSync(path.join(ROOT, 'Trunk.toml'), 'utf8');
  const serve = trunk.split('\n[').find((s) => s.startsWith('serve]'));
  assert.match(serve, new RegExp(`"Content-Security-Policy" = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'; style-src 'self';`));
});
