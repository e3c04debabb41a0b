// The order of a first visit: the page's head requests the published data file at once, in
// parallel with the WebAssembly (not after it has run), and the app takes that answer, so the
// file is requested once; with ?data= naming another file, or ?preview=1, the published file is
// not requested; a failed early request is reported by the app like its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { launch, openPage, DIST, withServer, afterMark } from '../lib/browser.mjs';

const DATA = '/data/eu-iom-figures.json';
const WASM = '/' + fs.readdirSync(DIST).find((f) => /^eu-iom-dashboard-.*_bg\.wasm$/.test(f));

// The service worker fetches the build's files again to fill its cache; counted apart (bench.mjs).
const NO_WORKER = { serviceWorkers: 'block' };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Resource Timing of the page's requests whose path ends with `suffix`. */
function timings(page, suffix) {
  return page.evaluate((suffix) => performance.getEntriesByType('resource')
    .filter((e) => new URL(e.name).pathname.endsWith(suffix))
    .map((e) => ({ start: e.startTime, end: e.responseEnd })), suffix);
}

test('the data request starts before the WebAssembly has arrived, and is made once', async () => {
  // The WebAssembly is held back for a second, so the order cannot be a matter of luck.
  await withServer({ overrides: { [WASM]: { delayMs: 1000 } } }, async (server) => {
    const { page, context, problems } = await openPage(browser, NO_WORKER);
    await page.goto(server.url + '?lang=en');
    await afterMark(page, ['data-ready', 'app-revealed'], 0, { timeout: 60000 });
    const [data] = await timings(page, DATA);
    const [wasm] = await timings(page, WASM);
    assert.ok(data.start < wasm.end - 500, `data requested at ${data.start} ms, the WebAssembly arrived at ${wasm.end} ms`);
    // The app's own marks: it took the answer the head's request got, it did not ask again.
    const fetchStart = await page.evaluate(() => performance.getEntriesByName('data-fetch-start')[0].startTime);
    assert.ok(data.start < fetchStart, 'the request was not the app\'s own');
    assert.equal(server.requests.filter((r) => r.path === DATA).length, 1, 'the data file is requested once');
    assert.match(await page.textContent('[data-testid=card-projects]'), /\d/);
    assert.deepEqual(problems, []);

    // A reload asks the server again (the head's answer is used once).
    await page.click('[data-testid=reload-data]');
    await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/data/eu-iom-figures.json')).length === 2);
    assert.equal(server.requests.filter((r) => r.path === DATA).length, 2);
    await context.close();
  });
});

test('with ?data= naming another file, or ?preview=1, the published file is not requested', async () => {
  const other = { body: fs.readFileSync(`${DIST}${DATA}`, 'utf8') };
  await withServer({ overrides: { '/data/other.json': other } }, async (server) => {
    const { page, context } = await openPage(browser, NO_WORKER);
    await page.goto(server.url + '?lang=en&data=data/other.json');
    await afterMark(page, ['data-ready', 'app-revealed'], 0, { timeout: 60000 });
    await page.goto(server.url + '?lang=en&preview=1');
    await page.waitForSelector('[data-testid=load-error]', { timeout: 60000 });
    const paths = server.requests.map((r) => r.path);
    assert.ok(paths.includes('/data/other.json'));
    assert.ok(!paths.includes(DATA), `requested: ${paths.join(', ')}`);
    await context.close();
  });
});

test('a failed early request is reported by the app in the page\'s language, which stays usable', async () => {
  await withServer({ overrides: { [DATA]: { status: 503, body: 'down' } } }, async (server) => {
    const { page, context } = await openPage(browser, NO_WORKER);
    await page.goto(server.url + '?lang=fr');
    await page.waitForSelector('[data-testid=load-error]', { timeout: 60000 });
    assert.match(await page.textContent('[data-testid=load-error]'), /503/);
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(server.requests.filter((r) => r.path === DATA).length, 1);
    await context.close();
  });
});
