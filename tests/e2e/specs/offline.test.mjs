// Offline use and updates through the service worker, on a copy of the release build served from
// a temporary folder (so a test can deploy a second build into it with the real release steps):
// a visit without a network shows the last figures with the offline notice, in the page and in an
// embed; a first visit downloads no file twice that the page could hand to the worker; a new build deployed into the same folder is offered, and runs after the reload; a
// dataset changed on the server shows on the next online visit; SERVICE_WORKER=off removes the
// worker from earlier visitors; under a sub-path the worker's scope is the base. The strict policy
// (worker-src 'self') holds throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { serve, timesServed } from '../lib/server.mjs';
import { launch, openPage, DIST, ROOT, TIMEOUT } from '../lib/browser.mjs';

const DATA = 'data/eu-iom-figures.json';
const PROJECTS_SOURCE = 'eeas-2020-10-13-eu-iom-7th-strategic-meeting';
const SUBPATH_DIST = process.env.SUBPATH_DIST ?? path.join(ROOT, 'target/dist-subpath');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A copy of a release build in a new temporary folder. */
function deployCopy(build = DIST) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eu-iom-offline-'));
  fs.cpSync(build, folder, { recursive: true });
  return folder;
}

/** Runs the data tool's release steps on a deployed folder, as the README says after a release. */
function rebuild(folder, ...publishArgs) {
  const tool = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'eu-iom-data', '--', ...args], { cwd: ROOT, stdio: 'pipe' });
  tool('prerender', folder, path.join(folder, DATA));
  tool('publish', folder, path.join(folder, DATA), ...publishArgs);
  tool('csp', folder);
  tool('compress', folder);
}

/** Changes the projects figure of the seed release in the folder's data file. */
function setProjects(folder, value) {
  const file = path.join(folder, DATA);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  data.figures.find((f) => f.source === PROJECTS_SOURCE && f.metric === 'projects').value = value;
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
}

const buildOf = (folder) => /const BUILD = "([^"]*)";/.exec(fs.readFileSync(path.join(folder, 'sw.js'), 'utf8'))[1];

/** A page that records policy violations. */
async function watched(options) {
  const session = await openPage(browser, options);
  await session.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return session;
}

/** Waits until the app has replaced the pre-rendered page and drawn the timeline. */
async function drawn(page) {
  await page.waitForFunction(() => !document.getElementById('prerendered') && performance.getEntriesByName('timeline-drawn').length > 0);
}

/** Waits until an asynchronous condition, evaluated in the page, holds (waitForFunction would
 * take the promise itself for a true value). */
async function until(page, condition, what) {
  const deadline = Date.now() + TIMEOUT;
  while (!(await page.evaluate(condition))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(200);
  }
}

/** Waits until this page's service worker is installed, active and serving the page. */
async function workerActive(page) {
  await until(page, async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated' && navigator.serviceWorker.controller !== null, 'the service worker');
}

/** Runs `fn` with a page of a fresh browser context on a copy of the build served from a
 * temporary folder (`build`, at `base`, with extra response `headers`), and removes them all after. */
async function onDeployment(fn, { build = DIST, base = '/', headers = {}, options = {} } = {}) {
  const folder = deployCopy(build);
  const server = await serve({ root: folder, base, headers });
  const session = await watched(options);
  try {
    await fn({ folder, server, ...session });
  } finally {
    await session.context.close();
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Takes the network away and reloads: the app shows, with the offline notice, and nothing
 * reaches the server. Returns how many requests the server had served before. */
async function reloadOffline({ server, page, context }) {
  await context.setOffline(true);
  const served = server.requests.length;
  await page.reload();
  await drawn(page);
  await page.waitForSelector('[data-testid=offline-notice]');
  assert.equal(server.requests.length, served, 'nothing reached the server');
  return served;
}

const cardText = (page) => page.$eval('[data-testid=card-projects]', (c) => c.textContent);

test('without a network, a reload shows the last figures and chart with the offline notice, in the page and in an embed', async () => {
  await onDeployment(async ({ folder, server, page, context, problems }) => {
    await page.goto(`${server.url}?lang=en`);
    await drawn(page);
    await workerActive(page);
    assert.equal(await page.$$eval('[data-testid=offline-notice]', (n) => n.length), 0, 'online: no notice');

    const served = await reloadOffline({ server, page, context });
    assert.match(await page.textContent('[data-testid=offline-notice]'), /^Offline — figures as of 29\u00a0Jan\u00a02026, from the copy saved on \d{1,2}\u00a0\w{3}\u00a0\d{4}; they are fetched again when the connection returns\.$/);
    assert.equal(await page.$$eval('#prerendered', (n) => n.length), 0, 'the notice shows in the app, after the snapshot is gone');
    assert.match(await cardText(page), /535/);
    assert.ok(await page.$eval('[data-testid=timeline-canvas]', (c) => c.width > 0), 'the chart is drawn');

    await page.goto(`${server.url}?v=1&view=cards&embed=1&lang=fr`);
    await page.waitForSelector('[data-testid=embed] [data-testid=offline-notice]');
    assert.match(await page.textContent('[data-testid=offline-notice]'), /^Hors ligne — chiffres au 29\u00a0janv\.\u00a02026/);
    assert.match(await cardText(page), /535/);
    assert.equal(server.requests.length, served, 'the embed came from the saved copy too');

    await context.setOffline(false);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
  });
});

for (const [where, build, base] of [['at the root', DIST, '/'], ['under a sub-path', SUBPATH_DIST, '/sub/dash/']]) {
  test(`${where}, a first visit with the browser cache disabled downloads each file once but the page and its script, which the page cannot read; the worker keeps the page's own copies and works offline with them`, async () => {
    await onDeployment(async ({ folder, server, page, context, problems }) => {
      // As the benchmark measures a first visit: no HTTP cache (the server also sends no-store).
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`${server.url}?lang=en`);
      await drawn(page);
      await workerActive(page);
      const files = fs.readdirSync(folder);
      const named = (pattern) => base + files.find((f) => pattern.test(f));
      const [wasm, script, style, icon] = [/^eu-iom-dashboard-.*_bg\.wasm$/, /^eu-iom-dashboard-.*\.js$/, /^main-.*\.css$/, /^favicon-.*\.svg$/].map(named);
      const times = timesServed(server.requests);
      assert.equal(times.get(wasm), 1, 'the WebAssembly: the worker kept the page\'s copy');
      assert.equal(times.get(base + DATA), 1, 'the data: the worker kept the page\'s copy');
      assert.equal(times.get(style) ?? 0, 0, 'the stylesheet is in the page');
      assert.equal(times.get(icon) ?? 0, 0, 'the icon is in the page, whatever the app writes into the address');
      // The page and the module script its loader imports are the two responses a page cannot
      // read, so the worker fetches them itself.
      const twice = [...times].filter(([, n]) => n > 1).map(([file]) => file);
      assert.deepEqual(twice.sort(), [script, base + 'index.html'].sort());
      // The files worker's module (downloads, import), which the page loads only on first use:
      // the worker fetches it once, so that downloads work offline.
      const tools = files.filter((f) => /^eu-iom-tools-.*\.js$|^eu-iom-tools-.*_bg\.wasm$/.test(f)).map((f) => base + f);
      assert.equal(tools.length, 3, 'the files worker\'s glue, loader and WebAssembly');
      for (const file of tools) assert.equal(times.get(file), 1, `${file}: fetched once, by the worker`);
      const cached = await page.evaluate(async () => {
        const cache = await caches.open((await caches.keys()).find((key) => key.startsWith('eu-iom-dashboard ')));
        return (await cache.keys()).map((request) => new URL(request.url).pathname).sort();
      });
      assert.deepEqual(cached, [base + DATA, wasm, script, base + 'index.html', ...tools].sort(), 'the worker has every file it lists');

      await reloadOffline({ server, page, context });
      assert.match(await page.textContent('[data-testid=offline-notice]'), /from the copy saved on \d{1,2}\u00a0\w{3}\u00a0\d{4}/, 'the page stamped its copy of the data as the worker does');
      assert.match(await cardText(page), /535/);
      await context.setOffline(false);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
    }, { build, base });
  });
}

test('once the page has gone offline, every download and the import still work on their first use', async () => {
  await onDeployment(async ({ folder, server, page, context, problems }) => {
    await page.goto(`${server.url}?lang=en`);
    await drawn(page);
    await workerActive(page);
    await context.setOffline(true);
    const served = server.requests.length;
    for (const [selector, name] of [
      ['[data-testid=timeline-png]', /\.png$/],
      ['[data-testid=timeline-svg]', /\.svg$/],
      ['[data-testid=download-selection-csv]', /_csv_.*\.zip$/],
      ['[data-testid=download-selection-json]', /\.json$/],
      ['[data-testid=download-all-csv]', /\.zip$/],
    ]) {
      const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.click(selector)]);
      assert.match(file.suggestedFilename(), name, selector);
      assert.ok(fs.statSync(await file.path()).size > 0, `${selector} gave a file`);
    }
    await page.setInputFiles('[data-testid=open-file]', path.join(ROOT, 'tests/fixtures/dataset/eu-iom-figures.json'));
    await page.waitForFunction(() => /eu-iom-figures\.json/.test(document.querySelector('[data-testid=data-origin]')?.textContent ?? ''));
    // A CSV file is read by the files worker, from the service worker's cache too.
    await page.setInputFiles('[data-testid=open-file]', path.join(folder, 'data/eu-iom-figures.csv'));
    await page.waitForFunction(() => /eu-iom-figures\.csv/.test(document.querySelector('[data-testid=data-origin]')?.textContent ?? ''));
    assert.equal(await page.$$eval('[data-testid=download-error], [data-testid=reload-error]', (n) => n.length), 0);
    assert.equal(server.requests.length, served, 'nothing reached the server');
    await context.setOffline(false);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
  }, { options: { acceptDownloads: true } });
});

test('a second build deployed into the same folder is offered, and runs after the reload', async () => {
  await onDeployment(async ({ folder, server, page, context, problems }) => {
    const first = buildOf(folder);
    await page.goto(`${server.url}?lang=en`);
    await drawn(page);
    await workerActive(page);

    setProjects(folder, 536);
    rebuild(folder);
    const second = buildOf(folder);
    assert.notEqual(second, first, 'the new build has a new id');

    await page.reload();
    await page.waitForSelector('[data-testid=update-ready]');
    assert.match(await page.textContent('[data-testid=update-ready]'), /A new version of the dashboard is available/);
    assert.equal(await page.$eval('meta[name=eu-iom-service-worker]', (m) => m.content), first, 'until then the old build runs');

    await Promise.all([page.waitForEvent('load'), page.click('[data-testid=update-reload]')]);
    await drawn(page);
    assert.equal(await page.$eval('meta[name=eu-iom-service-worker]', (m) => m.content), second, 'the new build runs');
    assert.match(await cardText(page), /536/);
    assert.equal(await page.$$eval('[data-testid=update-ready], [data-testid=snapshot-replaced]', (n) => n.length), 0, 'its page was built from the new data');
    const caches = await page.evaluate(() => caches.keys());
    assert.equal(caches.length, 1, `one cache left: ${caches}`);
    assert.ok(caches[0].endsWith(second), 'the new build\'s');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems, []);
  });
});

test('a dataset changed on the server shows on the next online visit, and is the copy kept for offline', async () => {
  await onDeployment(async ({ folder, server, page, context, problems }) => {
    await page.goto(`${server.url}?lang=en`);
    await drawn(page);
    await workerActive(page);

    setProjects(folder, 537);
    await page.reload();
    await drawn(page);
    await page.waitForFunction(() => /537/.test(document.querySelector('[data-testid=card-projects]')?.textContent ?? ''));
    assert.equal(await page.$$eval('[data-testid=offline-notice]', (n) => n.length), 0);

    await context.setOffline(true);
    await page.reload();
    await drawn(page);
    await page.waitForSelector('[data-testid=offline-notice]');
    assert.match(await cardText(page), /537/, 'offline, the last figures fetched');
    await context.setOffline(false);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
  });
});

test('SERVICE_WORKER=off registers no worker and removes the one earlier visits installed', async () => {
  await onDeployment(async ({ folder, server, page, context, problems }) => {
    await page.goto(`${server.url}?lang=en`);
    await drawn(page);
    await workerActive(page);
    assert.ok((await page.evaluate(() => caches.keys())).length > 0);

    rebuild(folder, '--service-worker', 'off');
    assert.equal(buildOf(folder), 'off');
    assert.doesNotMatch(fs.readFileSync(path.join(folder, 'index.html'), 'utf8'), /eu-iom-service-worker/, 'the page no longer registers it');
    await page.reload();
    await drawn(page);
    await until(page, async () => (await navigator.serviceWorker.getRegistrations()).length === 0 && (await caches.keys()).length === 0, 'the worker and its caches to go');

    const fresh = await context.newPage();
    await fresh.goto(`${server.url}?lang=en`);
    await drawn(fresh);
    await fresh.waitForTimeout(1000);
    assert.equal(await fresh.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, 'a new visit registers nothing');
    assert.equal(await fresh.evaluate(() => navigator.serviceWorker.controller), null, 'and nothing serves it');
    assert.deepEqual(problems, []);
  });
});

test('under a sub-path, with the policy sent as a header, the worker\'s scope is the base and the page works offline', async () => {
  const headers = fs.readFileSync(path.join(SUBPATH_DIST, '_headers'), 'utf8');
  const policy = headers.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:')).split(': ').slice(1).join(': ').trim();
  assert.match(policy, /worker-src 'self'/);
  await onDeployment(async ({ server, page, context, problems }) => {
    await page.goto(`${server.url}?lang=en`);
    await drawn(page);
    await workerActive(page);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope), server.url, 'scope: the base, /sub/dash/');
    await context.setOffline(true);
    await page.reload();
    await drawn(page);
    await page.waitForSelector('[data-testid=offline-notice]');
    assert.match(await cardText(page), /535/);
    await context.setOffline(false);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(p)), []);
  }, { build: SUBPATH_DIST, base: '/sub/dash/', headers: { 'content-security-policy': policy } });
});
