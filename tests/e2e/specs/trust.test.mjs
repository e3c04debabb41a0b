// Trust: ?data= addresses are decided where the browser resolves them, so that even with no
// Content-Security-Policy in place no request leaves the page's origin; only the last load
// started changes what is shown, however slowly earlier ones answer; CSV downloads of texts that
// look like formulas open as text in a spreadsheet; an embed of figures other than the published
// ones says so whatever its flags, and refuses a staff preview; the share dialog passes on neither
// unless asked; the service worker keeps one copy of a data file whatever its query string.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { launch, openPage, withServer, ROOT, DIST } from '../lib/browser.mjs';
import { serve } from '../lib/server.mjs';
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
  // The staff page keeps the loader Trunk wrote (the dashboard's is replaced by `publish`,
  // which refuses to build when Trunk's differs from the one it expects).
  const html = fs.readFileSync(path.join(DIST, 'staff.html'), 'utf8');
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  // `make serve` builds the dashboard with --filehash false at /: the same loader for its
  // module, without the file hashes.
  const unhashed = loader.replace(/eu-iom-staff-[0-9a-f]{10,16}/g, 'eu-iom-dashboard');
  assert.notEqual(unhashed, loader);
  const hash = crypto.createHash('sha256').update(unhashed).digest('base64');
  const trunk = fs.readFileSync(path.join(ROOT, 'Trunk.toml'), 'utf8');
  const serve = trunk.split('\n[').find((s) => s.startsWith('serve]'));
  assert.match(serve, new RegExp(`"Content-Security-Policy" = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash.replace(/[+/]/g, '\\$&')}'; style-src 'self';`));
});

/** Serves the build with `/data/other.json` holding other figures (migrants returned: 777,777). */
function withOtherData(fn) {
  return withServer({ overrides: { '/data/other.json': { body: variant(777777) } } }, fn);
}

test('an embed of other figures says so in a banner that no flag removes, in both languages', async () => {
  await withOtherData(async (server) => {
    const { page, context, problems } = await openPage(browser, NO_WORKER);
    const other = `${server.url}data/other.json`;
    const views = ['timeline', 'breakdown', 'map', 'table', 'sources', 'cards'];
    for (const [i, view] of views.entries()) {
      for (const flags of ['', '&plain=1', '&plain=1&transparent=1&theme=dark']) {
        const lang = (i + flags.length) % 2 ? 'fr' : 'en';
        await page.goto(`${server.url}?v=1&view=${view}&embed=1&lang=${lang}&data=data%2Fother.json${flags}`);
        await page.waitForSelector('[data-testid=embed-data-origin]', { timeout: 60000 });
        const banner = page.locator('[data-testid=embed-data-origin]');
        assert.ok(await banner.isVisible(), `${view}${flags}: the banner shows`);
        const expected = lang === 'en' ? `Not the published figures: data from ${other}` : `Chiffres non publiés : données de ${other}`;
        assert.equal(await banner.textContent(), expected, `${view}${flags} (${lang})`);
        assert.ok((await banner.boundingBox()).height < 60, 'the banner is compact');
      }
    }
    await page.goto(`${server.url}?v=1&view=cards&embed=1&plain=1&lang=en`);
    await page.waitForSelector('[data-testid=card-migrants] [data-figure]', { timeout: 60000 });
    assert.equal(await page.$('[data-testid=embed-data-origin]'), null, 'the published figures need no banner');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('an embed refuses a staff preview, saying why in the page language', async () => {
  await withServer({}, async (server) => {
    const { page, context } = await openPage(browser, NO_WORKER);
    await page.addInitScript((text) => localStorage.setItem('eu-iom-staff-preview', text), variant(999999));
    // On the full page, the preview shows, under its banner.
    await page.goto(`${server.url}?lang=en&preview=1&metric=migrants_returned`);
    await page.waitForSelector('[data-testid=data-origin]', { timeout: 60000 });
    await page.waitForFunction(() => /999,999/.test(document.querySelector('[data-testid=card-migrants]')?.textContent ?? ''), null, { timeout: 30000 });
    for (const [lang, words] of [['en', /^a staff preview cannot be embedded/], ['fr', /^un aperçu du personnel ne peut pas être intégré/]]) {
      await page.goto(`${server.url}?v=1&view=cards&embed=1&plain=1&preview=1&lang=${lang}`);
      await page.waitForSelector('[data-testid=load-error-detail]', { timeout: 60000 });
      assert.match(await page.textContent('[data-testid=load-error-detail]'), words);
      assert.equal(await page.$('[data-testid=card-migrants]'), null, 'no figure of the preview is shown');
    }
    await context.close();
  });
});

test('the share dialog passes on other figures only when asked, and never the preview', async () => {
  await withOtherData(async (server) => {
    const { page, context } = await openPage(browser, NO_WORKER);
    await page.goto(`${server.url}?lang=en&data=data%2Fother.json`);
    await page.waitForSelector('[data-testid=data-origin]', { timeout: 60000 });
    await page.click('[data-testid=share-open]');
    assert.doesNotMatch(await page.inputValue('[data-testid=share-link]'), /data=/, 'the link leads to the published figures');
    assert.doesNotMatch(await page.inputValue('[data-testid=share-code]'), /data=/, 'so does the embed code');
    await page.check('[data-testid=share-other-data]');
    assert.match(await page.inputValue('[data-testid=share-link]'), /[?&]data=data(%2F|\/)other\.json/, 'asked for: the link keeps data=');
    assert.match(await page.inputValue('[data-testid=share-code]'), /(\?|&amp;)data=data(%2F|\/)other\.json/, 'and so does the code');
    await page.click('[data-testid=share-close]');

    await page.addInitScript((text) => localStorage.setItem('eu-iom-staff-preview', text), variant(999999));
    await page.goto(`${server.url}?lang=fr&preview=1`);
    await page.waitForSelector('[data-testid=data-origin]', { timeout: 60000 });
    await page.click('[data-testid=share-open]');
    assert.doesNotMatch(await page.inputValue('[data-testid=share-link]'), /preview=/);
    assert.doesNotMatch(await page.inputValue('[data-testid=share-code]'), /preview=/);
    assert.match(await page.textContent('[data-testid=share-preview-note]'), /^L’aperçu n’est enregistré que sur cet appareil/);
    assert.equal(await page.$('[data-testid=share-other-data]'), null, 'no other data to offer');
    await context.close();
  });
});

test('the service worker keeps one copy of a data file whatever its query string', async () => {
  // The worker of this source tree (public/sw.js), stamped by the release step, on a copy of the build.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eu-iom-trust-'));
  fs.cpSync(DIST, folder, { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'public/sw.js'), path.join(folder, 'sw.js'));
  const tool = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'eu-iom-data', '--', ...args], { cwd: ROOT, stdio: 'pipe' });
  tool('publish', folder, path.join(folder, DATA.slice(1)));
  tool('csp', folder);
  tool('compress', folder);
  const server = await serve({ root: folder });
  const { page, context } = await openPage(browser);
  try {
    await page.goto(`${server.url}?lang=en`);
    await page.waitForSelector('[data-testid=card-projects] [data-figure]', { timeout: 60000 });
    const deadline = Date.now() + 60000;
    while (!(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated' && navigator.serviceWorker.controller !== null))) {
      assert.ok(Date.now() < deadline, 'the service worker takes over');
      await page.waitForTimeout(200);
    }
    const dataEntries = () => page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) if (request.url.includes('/data/')) urls.push(request.url);
      }
      return urls.sort();
    });
    const before = await dataEntries();
    assert.deepEqual(before, [`${server.url}data/eu-iom-figures.json`], 'the build caches its data file');
    for (const query of ['?v=1', '?v=2', '?cache-buster=123']) {
      const status = await page.evaluate(async (url) => (await fetch(url)).status, `data/eu-iom-figures.json${query}`);
      assert.equal(status, 200);
    }
    await page.waitForTimeout(1000);
    assert.deepEqual(await dataEntries(), before, 'no entry per query string');
  } finally {
    await context.close();
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
