// The staff page: the release reader, compiled to WebAssembly, proposes the seed release's six
// figures with their sentences highlighted and produces the file to review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { execFileSync, spawnSync } from 'node:child_process';
import { useBrowserAndServer, openPage, withServer, ROOT, DIST } from '../lib/browser.mjs';
import { serve } from '../lib/server.mjs';

const SEED = fs.readFileSync(path.join(ROOT, 'tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt'), 'utf8');
const shared = useBrowserAndServer();

test('pasting the seed release proposes its six figures with their sentences', async () => {
  const { page, problems, context } = await openPage(shared.browser, { acceptDownloads: true });
  await page.goto(shared.server.url + '?lang=fr');
  await page.waitForSelector('[data-testid=timeline-canvas]');
  await page.click('text=Personnel : lire les chiffres d’un communiqué');
  await page.waitForSelector('[data-testid=staff-text]');
  assert.match(page.url(), /view=extract/);
  await page.fill('[data-testid=staff-text]', SEED);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-proposal]').length === 6);
  const rows = await page.$$eval('[data-testid=staff-proposal]', (r) => r.map((row) => [...row.cells].map((c) => c.textContent).join(' | ')));
  assert.equal(rows[0], '1 | Projets | 535 (tel quel) | 2015–2019 | élevée | «535»');
  assert.match(rows[1], /^2 \| Financement \(EUR\) \| environ 1,88\u00a0Md€ \| 2015–2019/);
  assert.match(rows[2], /^3 \| Migrants rentrés \| plus de 84\u202f000 \| au 13\u00a0oct\.\u00a02020/);
  assert.match(rows[4], /^5 \| Migrants secourus \| plus de 25\u202f000/);
  assert.match(rows[5], /^6 \| Pays bénéficiant d’aide humanitaire \| 34 \(tel quel\) \| depuis 2017/);
  assert.equal(await page.textContent('[data-testid=staff-date]'), '13\u00a0oct.\u00a02020');
  assert.equal(await page.textContent('[data-testid=staff-id]'), '201013_8');
  assert.match(await page.textContent('[data-testid=staff-context]'), /septième/);
  const marks = await page.$$eval('[data-testid=staff-highlighted] mark', (m) => m.map((x) => x.textContent));
  assert.ok(marks.some((m) => m.includes('535 projets')), 'the sentence of a figure is highlighted');

  // The release as a source, prefilled from what the text tells.
  assert.equal(await page.inputValue('#staff-source-reference'), 'UNIQUE ID: 201013_8');
  assert.equal(await page.inputValue('#staff-source-id'), 'release-2020-10-13-201013-8');

  await page.click('text=Retour au tableau de bord');
  await page.waitForSelector('[data-testid=timeline-canvas]', { timeout: 30000 });
  assert.doesNotMatch(page.url(), /view=extract/);
  assert.deepEqual(problems, []);
  await context.close();
});

// The review in the page: the seed release as editable rows, the source form, add's own checks
// next to the fields, a reload that keeps the edits, the merged dataset downloaded, equal to what
// the native `eu-iom-data add` writes from the reviewed records the page also offers, and loading
// on the dashboard.
const NEW_SOURCE = 'eeas-2020-10-13-staff-e2e';
const dataTool = path.join(ROOT, 'target/debug/eu-iom-data');

test('a reviewed release gives the dataset add writes, and it loads on the dashboard', async () => {
  const { page, problems, context } = await openPage(shared.browser, { acceptDownloads: true });
  await page.goto(shared.server.url + 'staff.html?lang=en');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('[data-testid=staff-text]');
  await page.fill('[data-testid=staff-text]', SEED);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 6);
  assert.equal(await page.inputValue('#staff-source-date'), '2020-10-13');
  assert.equal(await page.inputValue('#staff-source-reference'), 'UNIQUE ID: 201013_8');
  assert.equal(await page.inputValue('#staff-row-0-value'), '535');
  assert.match(await page.textContent('[data-testid=staff-row] blockquote'), /535 projets/);

  // The seed is already published: its figures are flagged as duplicates of the dataset's.
  await page.waitForFunction(() => /Figure 3: the dataset already has the same metric, value and date/.test(document.querySelector('[data-testid=staff-duplicates]').textContent));
  // add's validation, next to the field: the publisher is blank.
  await page.waitForSelector('#staff-source-publisher[aria-invalid=true]');
  const describedBy = await page.getAttribute('#staff-source-publisher', 'aria-describedby');
  assert.equal(await page.textContent('#' + describedBy), 'Required, at most 4,000 characters', 'said beside the field, without the file format\'s name');
  assert.ok(await page.isDisabled('[data-testid=staff-download-dataset]'));

  // Fill in the source.
  await page.fill('#staff-source-id', NEW_SOURCE);
  await page.fill('#staff-source-publisher', 'European External Action Service (EEAS)');
  await page.selectOption('#staff-source-publisher_kind', 'eu');
  await page.check('#staff-source-official');
  await page.fill('#staff-source-url', 'https://example.org/staff-e2e');
  // Fix one proposed row (a value typed wrong, then corrected) and describe every row.
  await page.fill('#staff-row-2-value', '84 000 people');
  await page.waitForFunction(() => /is not a number/.test(document.querySelector('#staff-row-2-value-error')?.textContent ?? ''));
  await page.fill('#staff-row-2-value', '84001');
  await page.selectOption('#staff-row-2-qualifier', 'about');
  for (let i = 0; i < 6; i++) {
    await page.selectOption(`#staff-row-${i}-programme_id`, 'strategic-cooperation');
    await page.fill(`#staff-row-${i}-detail_en`, `figure ${i + 1} of the staff test`);
    await page.fill(`#staff-row-${i}-detail_fr`, `chiffre ${i + 1} du test du personnel`);
  }
  // Add a row and delete it again.
  await page.click('[data-testid=staff-add-row]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 7);
  await page.locator('[data-testid=staff-delete-row]').nth(6).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 6);
  await page.waitForFunction(() => /The review is complete/.test(document.querySelector('[data-testid=staff-status]').textContent), null, { timeout: 10000 })
    .catch(async (e) => { throw new Error(e.message + ' ' + await page.$$eval('.staff__error, .staff__problems li', (x) => x.map((n) => n.id + ': ' + n.textContent).filter((t) => !/: $/.test(t)).join(' | '))); });

  // A reload keeps every edit.
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 6);
  assert.equal(await page.inputValue('#staff-row-2-value'), '84001');
  assert.equal(await page.inputValue('#staff-source-publisher'), 'European External Action Service (EEAS)');
  await page.waitForFunction(() => /The review is complete/.test(document.querySelector('[data-testid=staff-status]').textContent));

  // Preview: the dashboard shows the published dataset plus the release, under the banner.
  await page.click('[data-testid=staff-preview]');
  await page.waitForSelector('[data-testid=data-origin]');
  assert.match(page.url(), /[?&]preview=1/);
  assert.match(await page.textContent('[data-testid=data-origin]'), /^Preview: the published dataset with the release reviewed on the staff page/);
  await page.click('[data-testid=tab-table]');
  await page.waitForSelector(`[data-testid=table-row][data-figure="${NEW_SOURCE}:3"]`);
  for (const tab of ['breakdown', 'map', 'sources', 'timeline']) {
    await page.click(`[data-testid=tab-${tab}]`);
    await page.waitForSelector('.tab-panel [data-testid]');
  }
  await page.click('[data-testid=data-origin] [data-testid=use-published]');
  await page.waitForSelector('[data-testid=data-origin]', { state: 'detached' });
  assert.doesNotMatch(page.url(), /preview=/);
  await page.goto(shared.server.url + 'staff.html?lang=en');
  await page.waitForFunction(() => /The review is complete/.test(document.querySelector('[data-testid=staff-status]')?.textContent ?? ''));

  // Publish: the merged dataset, and the reviewed records for the data tool.
  const [datasetDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=staff-download-dataset]')]);
  assert.equal(datasetDownload.suggestedFilename(), 'eu-iom-figures.json');
  const merged = fs.readFileSync(await datasetDownload.path());
  assert.match(await page.textContent('[data-testid=staff-steps]'), /With only this file in place of data\/eu-iom-figures\.json.*says its first view is out of date: the site update below/);
  const [reviewedDownload] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=staff-download-reviewed]')]);

  // The native data tool on the same review writes the same bytes.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-'));
  const target = path.join(scratch, 'eu-iom-figures.json');
  fs.copyFileSync(path.join(DIST, 'data/eu-iom-figures.json'), target);
  const reviewedPath = path.join(scratch, 'reviewed.json');
  fs.copyFileSync(await reviewedDownload.path(), reviewedPath);
  const reviewedFile = JSON.parse(fs.readFileSync(reviewedPath, 'utf8'));
  assert.equal(reviewedFile.sources[0].reference, 'UNIQUE ID: 201013_8', 'the reference as the release writes it, for add');
  assert.equal(JSON.parse(merged).sources.find((s) => s.id === NEW_SOURCE).reference, 'UNIQUE ID: 201013_8');
  const added = spawnSync(dataTool, ['add', target, reviewedPath], { encoding: 'utf8' });
  assert.equal(added.status, 0, added.stdout + added.stderr);
  assert.match(added.stdout, /added 1 sources, 6 figures/);
  assert.ok(fs.readFileSync(target).equals(merged), 'the page\'s download differs from what eu-iom-data add wrote');

  // The downloaded file loads on the dashboard, the new figure in the table.
  await page.goto(shared.server.url + '?lang=en&view=table');
  await page.waitForSelector('[data-testid=figure-table]');
  await page.setInputFiles('[data-testid=open-file]', await datasetDownload.path());
  await page.waitForSelector('[data-testid=data-origin]');
  await page.waitForSelector(`[data-testid=table-row][data-figure="${NEW_SOURCE}:3"]`);
  assert.match(await page.textContent(`[data-testid=table-row][data-figure="${NEW_SOURCE}:3"]`), /84,001/);

  // A damaged saved review gives a message, not a broken page.
  await page.goto(shared.server.url + 'staff.html?lang=en');
  await page.evaluate(() => localStorage.setItem('eu-iom-staff-draft', '{"rows": 3'));
  await page.reload();
  await page.waitForSelector('[data-testid=staff-restore-error]');
  assert.match(await page.textContent('[data-testid=staff-restore-error]'), /could not be read back/);
  await page.fill('[data-testid=staff-text]', SEED);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 6);
  assert.deepEqual(problems, []);
  await context.close();
});

// Pasting from a web page: the clipboard's HTML becomes the release text, paragraphs kept and the
// site's menus and share links dropped, and the reader proposes the same six figures.
test('pasting a release copied from a web page keeps its paragraphs and drops the site around it', async () => {
  const { page, problems, context } = await openPage(shared.browser);
  await page.goto(shared.server.url + 'staff.html?lang=en');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('[data-testid=staff-text]');
  const paragraphs = SEED.split('\n\n').map((p) => p.trim()).filter((p) => p);
  const escape = (t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>');
  const html = '<nav class="main-menu"><a href="/">Home</a> <a href="/topics">Topics</a></nav>'
    + '<div class="share-links"><a href="https://twitter.com/intent/tweet?u=x">Share on Twitter</a></div>'
    + paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')
    + '<footer>Legal notice</footer>';
  await page.focus('[data-testid=staff-text]');
  await page.evaluate((markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', 'the plain text the browser flattened');
    document.querySelector('[data-testid=staff-text]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 6);
  const text = await page.inputValue('[data-testid=staff-text]');
  assert.ok(text.startsWith(paragraphs[0].split('\n')[0]), text.slice(0, 200));
  for (const furniture of ['Topics', 'Share on Twitter', 'Legal notice', 'flattened']) assert.ok(!text.includes(furniture), furniture);
  assert.ok(text.includes('\n\n'), 'paragraphs are kept');
  assert.equal(await page.inputValue('#staff-row-2-value'), '84000');
  assert.deepEqual(problems, []);
  await context.close();
});

/** Presses Tab until the focused element matches `selector` (at most `limit` presses). */
async function tabTo(page, selector, limit = 300) {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

// Keyboard only: paste, delete rows, fill the source and a row, choose from the lists, tick the
// checkbox and download, with Tab, typing, Enter and Space.
test('the whole review can be done with the keyboard', async () => {
  const { page, problems, context } = await openPage(shared.browser, { acceptDownloads: true });
  await page.goto(shared.server.url + 'staff.html?lang=en');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector('[data-testid=staff-text]');
  await tabTo(page, '[data-testid=staff-text]');
  await page.keyboard.insertText(SEED);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 6);
  for (let left = 6; left > 1; left--) {
    await tabTo(page, `[data-testid=staff-row]:nth-last-of-type(1) [data-testid=staff-delete-row]`);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=staff-row]').length === n, left - 1);
    await page.focus('[data-testid=staff-text]');
  }
  const type = async (selector, text) => { await tabTo(page, selector); await page.keyboard.press('Control+A'); await page.keyboard.type(text); };
  await type('#staff-source-id', 'eeas-2020-10-13-keyboard');
  await type('#staff-source-publisher', 'European External Action Service (EEAS)');
  await tabTo(page, '#staff-source-publisher_kind');
  await page.keyboard.type('EU institution');
  await tabTo(page, '#staff-source-official');
  await page.keyboard.press('Space');
  await type('#staff-source-url', 'https://example.org/keyboard');
  await tabTo(page, '#staff-row-0-programme_id');
  await page.keyboard.type('EU-IOM strategic');
  await type('#staff-row-0-detail_en', 'projects run jointly');
  await type('#staff-row-0-detail_fr', 'projets menés ensemble');
  assert.equal(await page.inputValue('#staff-source-publisher_kind'), 'eu');
  assert.equal(await page.inputValue('#staff-row-0-programme_id'), 'strategic-cooperation');
  assert.ok(await page.isChecked('#staff-source-official'));
  await page.waitForFunction(() => /The review is complete/.test(document.querySelector('[data-testid=staff-status]').textContent));
  await tabTo(page, '[data-testid=staff-download-dataset]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const merged = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const added = merged.figures.filter((f) => f.source === 'eeas-2020-10-13-keyboard');
  assert.deepEqual(added.map((f) => [f.id, f.metric, f.value, f.programme_id]), [['eeas-2020-10-13-keyboard:1', 'projects', 535, 'strategic-cooperation']]);
  assert.deepEqual(problems, []);
  await context.close();
});

// The site update: from the staff page with a release reviewed, one ZIP holding every file of the
// deployed site the release changes. Unpacked over a copy of the build and served, the first view
// shows the new figures before any WebAssembly and without JavaScript, the metadata and data files
// hold the release, a returning visitor's old service worker offers the new version, and the
// policy holds. The files are those the data tool's four steps write on the same folder, byte for
// byte (the preview image aside: the page draws its own, of the same size).
const SITE_SOURCE = 'eeas-2020-10-13-site-update';

/** The entries of a ZIP whose files are stored uncompressed, as the site update's are. */
function unzipStored(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a ZIP');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    assert.equal(zip.readUInt16LE(at + 10), 0, 'stored');
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    files.set(name, zip.subarray(dataAt, dataAt + size));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return files;
}

/** Fills in the source and every row of the pasted seed release until the review is complete. */
async function reviewSeed(page, source) {
  await page.fill('[data-testid=staff-text]', SEED);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-row]').length === 6);
  await page.fill('#staff-source-id', source);
  await page.fill('#staff-source-publisher', 'European External Action Service (EEAS)');
  await page.selectOption('#staff-source-publisher_kind', 'eu');
  await page.check('#staff-source-official');
  await page.fill('#staff-source-url', `https://example.org/${source}`);
  await page.fill('#staff-row-0-value', '537');
  for (let i = 0; i < 6; i++) {
    await page.selectOption(`#staff-row-${i}-programme_id`, 'strategic-cooperation');
    await page.fill(`#staff-row-${i}-detail_en`, `figure ${i + 1} of the site update test`);
    await page.fill(`#staff-row-${i}-detail_fr`, `chiffre ${i + 1} du test de mise à jour`);
  }
  await page.waitForFunction(() => /The review is complete/.test(document.querySelector('[data-testid=staff-status]').textContent));
}

/** A fresh page on `url` that records policy violations. */
async function watchedPage(url, options = {}) {
  const session = await openPage(shared.browser, options);
  await session.page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  if (url) await session.page.goto(url);
  return session;
}

test('the site update holds the files the data tool changes, and the unpacked site shows the release everywhere', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-site-'));
  fs.cpSync(DIST, folder, { recursive: true });
  const before = new Map(fs.readdirSync(folder, { recursive: true }).filter((f) => fs.statSync(path.join(folder, f)).isFile()).map((f) => [f, fs.readFileSync(path.join(folder, f))]));
  const server = await serve({ root: folder });
  try {
    // A visitor of the deployed site, whose service worker caches this build.
    const visitor = await watchedPage(`${server.url}?lang=en`);
    await visitor.page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await visitor.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const oldBuild = await visitor.page.$eval('meta[name=eu-iom-service-worker]', (m) => m.content);

    // Staff review the release and download the site update.
    const staff = await watchedPage(null, { acceptDownloads: true });
    await staff.page.goto(`${server.url}staff.html?lang=en`);
    await staff.page.evaluate(() => localStorage.clear());
    await staff.page.reload();
    await staff.page.waitForSelector('[data-testid=staff-text]');
    await reviewSeed(staff.page, SITE_SOURCE);
    const [datasetDownload] = await Promise.all([staff.page.waitForEvent('download'), staff.page.click('[data-testid=staff-download-dataset]')]);
    const merged = fs.readFileSync(await datasetDownload.path());
    const [zipDownload] = await Promise.all([staff.page.waitForEvent('download'), staff.page.click('[data-testid=staff-download-site]')]);
    assert.match(zipDownload.suggestedFilename(), /^eu-iom-site-update-\d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipStored(fs.readFileSync(await zipDownload.path()));
    await staff.page.waitForSelector('[data-testid=staff-site-update-done]');
    assert.deepEqual([...files.keys()].sort(), [
      'README.txt', 'data/catalog.jsonld', 'data/datapackage.json', 'data/eu-iom-figures.csv', 'data/eu-iom-figures.json',
      'index.html', 'index.html.br', 'index.html.gz', 'preview.png', 'sw.js', 'sw.js.br', 'sw.js.gz',
    ]);
    assert.ok(files.get('data/eu-iom-figures.json').equals(merged), 'the data file is the merged dataset');
    const readme = files.get('README.txt').toString('utf8');
    for (const name of files.keys()) if (name !== 'README.txt') assert.ok(readme.includes(`${name}\n`), `README.txt lists ${name}`);
    assert.match(readme, /drawn by the browser/);
    const png = files.get('preview.png');
    assert.equal(png.readUInt32BE(16), 1200, 'the preview is 1200 wide');
    assert.equal(png.readUInt32BE(20), 630, 'and 630 high');

    // The data tool's four steps on a copy of the same build with the same data file write
    // the same bytes, and change no other file.
    const rebuilt = fs.mkdtempSync(path.join(os.tmpdir(), 'staff-rebuilt-'));
    fs.cpSync(DIST, rebuilt, { recursive: true });
    fs.writeFileSync(path.join(rebuilt, 'data/eu-iom-figures.json'), merged);
    const tool = (...args) => execFileSync('cargo', ['run', '--quiet', '--bin', 'eu-iom-data', '--', ...args], { cwd: ROOT, stdio: 'pipe' });
    tool('prerender', rebuilt, path.join(rebuilt, 'data/eu-iom-figures.json'));
    tool('publish', rebuilt, path.join(rebuilt, 'data/eu-iom-figures.json'));
    tool('csp', rebuilt);
    tool('compress', rebuilt);
    const changed = fs.readdirSync(rebuilt, { recursive: true })
      .filter((f) => fs.statSync(path.join(rebuilt, f)).isFile() && !before.get(f)?.equals(fs.readFileSync(path.join(rebuilt, f))));
    assert.deepEqual(changed.sort(), [...files.keys()].filter((f) => f !== 'README.txt').sort(), 'the files the data tool changes');
    for (const name of changed.filter((f) => f !== 'preview.png')) {
      assert.ok(files.get(name).equals(fs.readFileSync(path.join(rebuilt, name))), `${name} is byte for byte the data tool's`);
    }
    fs.rmSync(rebuilt, { recursive: true, force: true });

    // Unpacked over the deployed copy.
    for (const [name, bytes] of files) fs.writeFileSync(path.join(folder, name), bytes);

    // The first view, with the WebAssembly held back, holds the release.
    const held = await watchedPage(null);
    await held.page.route('**/*.wasm', () => {});
    await held.page.goto(`${server.url}?lang=en`);
    await held.page.waitForSelector(`#prerendered [data-figure="${SITE_SOURCE}:1"]`, { state: 'attached' });
    assert.match(await held.page.$eval(`#prerendered [data-figure="${SITE_SOURCE}:1"]`, (row) => row.textContent), /537/);
    const jsonLd = JSON.parse(await held.page.$eval('script[type="application/ld+json"]', (s) => s.textContent));
    assert.equal(jsonLd.distribution.find((d) => d.name === 'JSON').contentSize, `${merged.length} B`, 'the JSON-LD describes the new data file');
    assert.equal(await held.page.$eval('meta[name=eu-iom-service-worker]', (m) => m.content), /const BUILD = "([^"]*)";/.exec(files.get('sw.js').toString())[1]);
    assert.deepEqual(await held.page.evaluate(() => window.__violations), []);
    await held.context.close();

    // Without JavaScript.
    const noScript = await shared.browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(`${server.url}?lang=en`);
    assert.match(await plain.textContent(`[data-figure="${SITE_SOURCE}:1"]`), /537/);
    await noScript.close();

    // The app over it: the first view was built from this data, so no "updated after" notice.
    const app = await watchedPage(`${server.url}?lang=en`);
    await app.page.waitForFunction(() => !document.getElementById('prerendered') && performance.getEntriesByName('timeline-drawn').length > 0, null, { timeout: 60000 });
    assert.equal(await app.page.$$eval('[data-testid=snapshot-replaced]', (n) => n.length), 0);
    assert.deepEqual(await app.page.evaluate(() => window.__violations), []);
    assert.deepEqual(app.problems, []);
    await app.context.close();

    // The data files served hold the release.
    const get = async (p) => Buffer.from(await (await fetch(server.url + p)).arrayBuffer());
    const catalog = (await get('data/catalog.jsonld')).toString();
    assert.ok(catalog.includes(`"${merged.length}"`), 'the catalogue gives the new data file\'s size');
    const dataPackage = JSON.parse(await get('data/datapackage.json'));
    assert.ok(dataPackage.sources.some((s) => s.path === `https://example.org/${SITE_SOURCE}`), 'the data package cites the release');
    assert.match((await get('data/eu-iom-figures.csv')).toString(), new RegExp(`https://example.org/${SITE_SOURCE}`));

    // The returning visitor is offered the new version.
    await visitor.page.reload();
    await visitor.page.waitForSelector('[data-testid=update-ready]', { timeout: 60000 });
    assert.equal(await visitor.page.$eval('meta[name=eu-iom-service-worker]', (m) => m.content), oldBuild, 'until the reload, the old build runs');
    assert.deepEqual(await visitor.page.evaluate(() => window.__violations), []);
    assert.deepEqual(await staff.page.evaluate(() => window.__violations), []);
    assert.deepEqual([...visitor.problems, ...staff.problems], []);
    await visitor.context.close();
    await staff.context.close();
  } finally {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a deployed page that cannot be read, or was built by another version, gives a message and no ZIP', async () => {
  const index = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const otherVersion = index.replace(/<meta name="generator" content="[^"]*">/, '<meta name="generator" content="eu-iom-dashboard 0.0.1+0000000000000000">');
  assert.notEqual(otherVersion, index);
  const cases = [
    [{ '/index.html': { status: 404, body: 'not found', type: 'text/plain' } }, 'en', /^No site update was made: this site’s index\.html could not be read \(HTTP 404\)/],
    [{ '/index.html': { status: 200, body: otherVersion, type: 'text/html' } }, 'fr', /^Aucune mise à jour du site n’a été préparée : le fichier index\.html de ce site a été construit par une autre version/],
  ];
  for (const [overrides, lang, expected] of cases) {
    await withServer({ overrides }, async (server) => {
      const { page, context } = await openPage(shared.browser, { acceptDownloads: true });
      await page.goto(`${server.url}staff.html?lang=en`);
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.waitForSelector('[data-testid=staff-text]');
      await reviewSeed(page, SITE_SOURCE);
      if (lang === 'fr') await page.goto(`${server.url}staff.html?lang=fr`);
      await page.waitForFunction(() => !document.querySelector('[data-testid=staff-download-site]')?.disabled);
      let downloads = 0;
      page.on('download', () => { downloads += 1; });
      await page.click('[data-testid=staff-download-site]');
      await page.waitForSelector('[data-testid=staff-site-update-error]');
      assert.match(await page.textContent('[data-testid=staff-site-update-error]'), expected);
      assert.equal(downloads, 0, 'no ZIP, not even a partial one');
      await context.close();
    });
  }
});
