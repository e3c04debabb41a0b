// The data release of December 2026: the default page shows the newest figures (2025 programme-wide
// totals, data as of January 2026) first, each with its programme and period and never a sum,
// in the pre-rendered page (before the WebAssembly arrives) and once the app has taken over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowserAndServer, openPage, afterMark, DIST } from '../lib/browser.mjs';

const shared = useBrowserAndServer();
const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/eu-iom-figures.json'), 'utf8'));

/** The newest source date of the shipped file, and the programme-wide return total it ends with. */
const newest = data.sources.map((s) => s.date).sort().at(-1);
const ap = data.figures.find((f) => f.source === 'ap-2025-11-takeaways-thelocalreport' && f.metric === 'migrants_returned');

test('the shipped file is the December 2026 release', () => {
  assert.equal(newest, '2026-01-29', 'the newest source is of 29 January 2026');
  assert.equal(data.figures.length, 242);
  assert.equal(data.sources.length, 117);
  assert.equal(ap.value, 100000);
  assert.equal(ap.programme_id, 'eu-iom-return-programme-ap', 'a programme of its own, never added to the Joint Initiative');
});

/**
 * What a copy of the page shows: the data date, the migrants card's lines and the table's rows.
 * The pre-rendered copy (`root` '.prerender') names its parts with data-snapshot-testid.
 */
async function shown(page, root) {
  return page.evaluate((root) => {
    const scope = root ? [...document.querySelectorAll(root)].find((c) => c.getClientRects().length > 0) : document;
    const id = root ? 'data-snapshot-testid' : 'data-testid';
    const text = (sel) => scope.querySelector(sel)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    return {
      asOf: text(`[${id}=data-as-of]`),
      migrants: [...scope.querySelectorAll(`[${id}=card-migrants] [${id}=card-line]`)].map((l) => ({
        figure: l.dataset.figure,
        text: l.textContent.replace(/\s+/g, ' '),
      })),
      rows: [...scope.querySelectorAll('tbody tr')].map((r) => r.textContent.replace(/\s+/g, ' ')),
    };
  }, root);
}

function checkNewest(view, where) {
  assert.match(view.asOf, /Data as of 29\sJan\s2026/, `${where}: the data date is the newest source's`);
  const returned = view.migrants[0];
  assert.equal(returned.figure, 'ap-2025-11-takeaways-thelocalreport:1', `${where}: the newest programme-wide return total`);
  assert.match(returned.text, /more than 100,000/, `${where}: the figure as printed, not a sum`);
  assert.match(returned.text, /2025/, `${where}: its date`);
  assert.match(returned.text, /as reported by the AP/, `${where}: its programme`);
  assert.match(returned.text, /2022/, `${where}: its period starts in 2022`);
  assert.doesNotMatch(returned.text, /214,000|206,700|114,000/, `${where}: never added to the Joint Initiative's total`);
  const reintegration = view.migrants[1];
  assert.match(reintegration.figure, /^particle-2025-11-ap-iom-return-programme:/, `${where}: reintegration of 2025`);
  assert.ok(view.rows.length >= 11, `${where}: the table lists the default view's figures`);
  assert.match(view.rows[0], /2025/, `${where}: the table starts with the newest figure`);
}

test('before the WebAssembly arrives, the pre-rendered page shows the 2025 figures first', async () => {
  const { page, context, problems } = await openPage(shared.browser, { viewport: { width: 1280, height: 900 } });
  await page.route('**/*.wasm', () => {});
  await page.goto(shared.server.url + '?lang=en');
  await page.waitForSelector('.prerender .chart__svg', { state: 'attached' });
  const view = await shown(page, '.prerender');
  checkNewest(view, 'pre-rendered');
  const label = await page.evaluate(() => [...document.querySelectorAll('.prerender .chart__frame')].find((f) => f.getClientRects().length > 0)?.getAttribute('aria-label'));
  assert.match(label, /11 reported figures in 2 series/, 'the Joint Initiative and the AP are two series');
  assert.deepEqual(problems, []);
  await context.close();
});

test('once the app has taken over, the live page shows the same 2025–2026 figures', async () => {
  const { page, context, problems } = await openPage(shared.browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(shared.server.url + '?lang=en');
  await page.waitForSelector('[data-testid=match-count]', { timeout: 60000 });
  await afterMark(page, ['app-revealed', 'timeline-drawn']);
  assert.match(await page.textContent('[data-testid=match-count]'), /\b11 figures\b/);
  assert.equal(await page.inputValue('[data-testid=year-to]'), '2026', 'the period reaches the newest figure');
  assert.match(await page.getAttribute('[data-testid=timeline-canvas]', 'aria-label'), /11 reported figures in 2 series/);
  await page.click('[data-testid=tab-table]');
  await page.waitForSelector('[data-testid=figure-table]');
  checkNewest(await shown(page, null), 'live');
  assert.deepEqual(problems, []);
  await context.close();
});
