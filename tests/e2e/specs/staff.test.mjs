// The staff page: the release reader, compiled to WebAssembly, proposes the seed release's six
// figures with their sentences highlighted and produces the file to review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { spawnSync } from 'node:child_process';
import { useBrowserAndServer, openPage, ROOT, DIST } from '../lib/browser.mjs';

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
  assert.match(await page.textContent('[data-testid=staff-steps]'), /replace data\/eu-iom-figures\.json on the host.*eu-iom-data prerender/);
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
