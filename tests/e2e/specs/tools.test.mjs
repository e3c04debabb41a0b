// The files worker: the data downloads and the CSV reader live in a module of their own
// (eu-iom-tools), which the page loads on their first use only. Its button says so while it
// loads; a worker that cannot be loaded (its WebAssembly or its script refused) is said in the
// page's language, the page stays usable, and the next use tries again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useDashboard } from '../lib/dashboard.mjs';
import { DIST } from '../lib/browser.mjs';

const { open } = useDashboard();

// No service worker: its cache would answer the worker's requests before the routes below see them.
const OPTIONS = { acceptDownloads: true, serviceWorkers: 'block' };
const TOOLS = /\/eu-iom-tools-[0-9a-f]+(_bg\.wasm|\.js|_loader\.js)$/;

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return file.suggestedFilename();
}

test('the release build names the files worker in the page and ships its three hashed files', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const loader = /<meta name="eu-iom-tools" content="(eu-iom-tools-[0-9a-f]+)_loader\.js">/.exec(html);
  assert.ok(loader, 'the page names the loader');
  for (const suffix of ['_loader.js', '.js', '_bg.wasm']) assert.ok(fs.existsSync(path.join(DIST, loader[1] + suffix)), suffix);
  assert.ok(!fs.existsSync(path.join(DIST, 'eu-iom-tools_bg.wasm')), 'no unhashed copy left');
  const worker = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  for (const suffix of ['_loader.js', '.js', '_bg.wasm']) assert.ok(worker.includes(`"${loader[1]}${suffix}"`), `the service worker caches ${suffix}`);
});

test('the files worker loads on the first download only, and the button says so meanwhile', async () => {
  const { page, context, problems } = await open('?lang=fr', OPTIONS);
  const requested = [];
  context.on('request', (request) => { if (TOOLS.test(request.url())) requested.push(request.url()); });
  // Held until the test lets it go, so the waiting state can be seen.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/eu-iom-tools-[0-9a-f]+_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  assert.deepEqual(requested, [], 'nothing of the worker before the first use');
  const button = page.locator('[data-testid=download-selection-json]');
  const saved = page.waitForEvent('download');
  await button.click();
  await page.waitForFunction(() => document.querySelector('[data-testid=download-selection-json]')?.textContent === 'Préparation…');
  assert.equal(await button.getAttribute('aria-busy'), 'true');
  release();
  assert.match((await saved).suggestedFilename(), /^eu-iom-figures_migrants-returned_2013-2026_\d{4}-\d{2}-\d{2}\.json$/);
  await page.waitForFunction(() => document.querySelector('[data-testid=download-selection-json]')?.textContent === 'JSON');
  assert.equal(await button.getAttribute('aria-busy'), null);
  assert.equal(requested.filter((u) => u.endsWith('_bg.wasm')).length, 1, 'the worker loaded once');
  assert.match(await download(page, '[data-testid=download-all-csv]'), /\.zip$/);
  assert.equal(requested.filter((u) => u.endsWith('_bg.wasm')).length, 1, 'and served the second download too');
  assert.deepEqual(problems, []);
  await context.close();
});

for (const [what, pattern, action] of [
  ['WebAssembly', /eu-iom-tools-[0-9a-f]+_bg\.wasm$/, 'abort'],
  ['loader', /eu-iom-tools-[0-9a-f]+_loader\.js$/, 404],
]) {
  test(`a files worker whose ${what} cannot be loaded is said in the page's language; the page stays usable and the next use loads it`, async () => {
    const { page, context, problems } = await open('?lang=fr', OPTIONS);
    const refuse = (route) => (action === 'abort' ? route.abort() : route.fulfill({ status: action, body: 'not here' }));
    await context.route(pattern, refuse);
    await page.click('[data-testid=download-selection-csv]');
    const error = page.locator('[data-testid=download-error]');
    await error.waitFor();
    assert.equal(await error.textContent(), 'Le téléchargement n’a pas pu être préparé : cette partie de la page n’a pas pu être chargée (la connexion est peut-être coupée). Réessayez une fois en ligne.');
    assert.equal(await page.textContent('[data-testid=download-selection-csv]'), 'CSV (.zip)', 'the button is back');

    // The CSV reader says the same in its own words; the data on screen stays.
    const csv = fs.readFileSync(path.join(DIST, 'data/eu-iom-figures.csv'));
    await page.setInputFiles('[data-testid=open-file]', { name: 'figures.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForSelector('[data-testid=reload-error]');
    assert.match(await page.textContent('[data-testid=reload-error]'), /le fichier CSV ne peut pas être lu pour l’instant : la partie de la page qui le lit n’a pas pu être chargée/);
    assert.equal(await page.$$eval('[data-testid=data-origin]', (n) => n.length), 0, 'still the published data');
    assert.equal(await page.textContent('[data-testid=reading-file]'), '', 'no longer reading');

    // The page still answers: a filter repaints the chart.
    await page.evaluate(() => performance.clearMarks('timeline-drawn'));
    await page.locator('#f-metric-migrants_reintegration').dispatchEvent('click');
    await page.waitForFunction(() => performance.getEntriesByName('timeline-drawn').length > 0);

    // Back online, the next use loads the worker.
    await context.unroute(pattern, refuse);
    assert.match(await download(page, '[data-testid=download-selection-csv]'), /_csv_.*\.zip$/);
    assert.equal(await page.$$eval('[data-testid=download-error]', (n) => n.length), 0, 'the message went');
    await page.setInputFiles('[data-testid=open-file]', { name: 'figures.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForFunction(() => /figures\.csv/.test(document.querySelector('[data-testid=data-origin]')?.textContent ?? ''));
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|the files worker could not be loaded/.test(p)), []);
    await context.close();
  });
}
