// Exploration: every filter changes the chart and the table consistently; the URL holds the
// whole view (reload, back, forward); the keyboard alone can do everything.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canvasFingerprint, afterMark, pageNow } from '../lib/browser.mjs';
import { useDashboard } from '../lib/dashboard.mjs';

const { open } = useDashboard();

const TIMELINE = '[data-testid=timeline-canvas]';

async function matchCount(page) {
  const text = await page.textContent('[data-testid=match-count]');
  return Number(text.match(/(\d+) figure/)[1]);
}

/** Waits until the count differs from `before`, then for the timeline to be drawn again since `since` (a `pageNow` reading taken before the change). */
async function countChanged(page, before, since) {
  await page.waitForFunction((n) => {
    const m = document.querySelector('[data-testid=match-count]')?.textContent.match(/(\d+) figure/);
    return m && Number(m[1]) !== n;
  }, before, { timeout: 5000 });
  await afterMark(page, 'timeline-drawn', since, { timeout: 5000 });
  return matchCount(page);
}

async function tableRows(page) {
  await page.click('[data-testid=tab-table]');
  await page.waitForSelector('[data-testid=figure-table]');
  return page.$$eval('[data-testid=table-row]', (rows) => rows.length);
}

const filters = {
  metric: (page) => page.check('#f-metric-migrants_reintegration'),
  programme: (page) => page.check('#f-programme-strategic-cooperation'),
  level: (page) => page.check('#f-level-country'),
  region: (page) => page.check('#f-region-north-africa'),
  country: (page) => page.check('#f-country-LY'),
  period: async (page) => {
    await page.focus('#f-year-to');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
  },
  publisher: (page) => page.check('#f-publisher-official'),
};

for (const [name, apply] of Object.entries(filters)) {
  test(`the ${name} filter changes the chart and the table consistently`, async () => {
    const { page, problems, context } = await open();
    const before = await matchCount(page);
    assert.equal(before, 11, 'the first view shows the eleven programme-wide return totals: the Joint Initiative\'s ten and the AP\'s 2022–2025 one');
    const picture = await canvasFingerprint(page, TIMELINE);
    const since = await pageNow(page);
    await apply(page);
    const after = await countChanged(page, before, since);
    assert.notEqual(await canvasFingerprint(page, TIMELINE), picture, 'the chart is repainted differently');
    assert.equal(await tableRows(page), after, 'the table lists exactly the figures counted');
    assert.match(page.url(), /[?&]v=1&/, 'the URL carries the versioned state');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('reset brings back the first view', async () => {
  const { page, context } = await open();
  let since = await pageNow(page);
  await page.check('#f-country-NE');
  const narrowed = await countChanged(page, 11, since);
  since = await pageNow(page);
  await page.click('[data-testid=reset]');
  assert.equal(await countChanged(page, narrowed, since), 11);
  assert.match(page.url(), /country=all/);
  await context.close();
});

test('a link with filters reproduces the view, also after a reload', async () => {
  const query = '?v=1&view=table&metric=migrants_returned&country=LY&level=country&lang=en';
  const { page, problems, context } = await open(query, { ready: ['app-revealed', 'data-ready'] });
  await page.waitForSelector('[data-testid=table-row]');
  const rows = await page.$$eval('[data-testid=table-row]', (r) => r.map((row) => row.dataset.figure));
  assert.equal(rows.length, await matchCount(page));
  assert.ok(rows.length > 15);
  assert.equal(await page.getAttribute('[data-testid=tab-table]', 'aria-selected'), 'true');
  assert.ok(await page.isChecked('#f-country-LY'));
  const url = page.url();
  assert.match(url, /programme=all/, 'defaults are written out');
  await page.reload();
  await page.waitForSelector('[data-testid=table-row]');
  assert.deepEqual(await page.$$eval('[data-testid=table-row]', (r) => r.map((row) => row.dataset.figure)), rows);
  assert.equal(page.url(), url);
  assert.deepEqual(problems, []);
  await context.close();
});

test('back and forward restore earlier views', async () => {
  const { page, context } = await open();
  let since = await pageNow(page);
  await page.check('#f-metric-migrants_reintegration');
  const withReintegration = await countChanged(page, 11, since);
  await page.click('[data-testid=tab-sources]');
  await page.waitForSelector('[data-testid=source-item]');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('[data-testid=tab-timeline]')?.getAttribute('aria-selected') === 'true');
  assert.equal(await matchCount(page), withReintegration);
  assert.ok(await page.isChecked('#f-metric-migrants_reintegration'));
  since = await pageNow(page);
  await page.goBack();
  await countChanged(page, withReintegration, since);
  assert.equal(await matchCount(page), 11);
  assert.ok(!(await page.isChecked('#f-metric-migrants_reintegration')));
  since = await pageNow(page);
  await page.goForward();
  assert.equal(await countChanged(page, 11, since), withReintegration);
  await context.close();
});

test('broken and unknown link parameters fall back to defaults with a notice', async () => {
  const { page, problems, context } = await open('?v=1&view=pie&metric=happiness&country=ZZ&from=abc&lang=en');
  await page.waitForSelector('[data-testid=url-notices]');
  const notice = await page.textContent('[data-testid=url-notices]');
  assert.match(notice, /pie/);
  assert.match(notice, /happiness/);
  assert.match(notice, /ZZ/);
  assert.equal(await page.getAttribute('[data-testid=tab-timeline]', 'aria-selected'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('an empty selection shows a placeholder and says so', async () => {
  const { page, context } = await open('?v=1&metric=projects&country=LY&level=country&lang=en');
  assert.equal(await matchCount(page), 0);
  const label = await page.getAttribute(TIMELINE, 'aria-label');
  assert.match(label, /No figures match/);
  await page.click('[data-testid=tab-table]');
  assert.match(await page.textContent('[data-testid=table-empty]'), /No figures match/);
  await context.close();
});

test('pointer hover and keyboard focus on a chart point show value, qualifier, date and source', async () => {
  const { page, context } = await open();
  await page.focus('[data-testid=timeline]');
  await page.keyboard.press('End');
  const tip = await page.waitForSelector('[data-testid=chart-tooltip]');
  const text = await tip.textContent();
  // The newest point: the AP's 2022–2025 total, with its programme, its start and its warning.
  assert.match(text, /more than 100,000/);
  assert.match(text, /since 2022/);
  assert.match(text, /Nov\s2025/);
  assert.match(text, /Source: Associated Press/);
  assert.match(text, /Never add it to either/);
  const point = { x: Number(await tip.getAttribute('data-x')), y: Number(await tip.getAttribute('data-y')) };
  await page.keyboard.press('Escape');
  await page.waitForSelector('[data-testid=chart-tooltip]', { state: 'detached' });
  const frame = await (await page.$('[data-testid=timeline]')).boundingBox();
  await page.mouse.move(frame.x + point.x, frame.y + point.y);
  const hovered = await page.waitForSelector('[data-testid=chart-tooltip]', { timeout: 2000 });
  const shown = /more than 100,000/.test(await hovered.textContent());
  assert.ok(shown, 'hovering the point shows its tooltip');
  await context.close();
});

test('the seed release\'s reference shows in a tooltip and in the sources panel, in both languages', async () => {
  const { page, problems, context } = await open('?v=1&view=timeline&metric=migrants_returned&from=2020&to=2020&lang=en');
  await page.focus('[data-testid=timeline]');
  await page.keyboard.press('Home');
  let text = '';
  for (let i = 0; i < 10 && !/84,000/.test(text); i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    text = await (await page.waitForSelector('[data-testid=chart-tooltip]')).textContent();
  }
  assert.match(text, /more than 84,000/, 'the keyboard reaches the seed release\'s point');
  assert.match(text, /Source: European External Action Service \(EEAS\), 13\sOct\s2020, UNIQUE ID: 201013_8/);
  await page.keyboard.press('Escape');
  await page.click('[data-testid=tab-sources]');
  const seed = page.locator('[data-testid=source-item]', { hasText: 'septième réunion stratégique UE-OIM' });
  assert.equal(await seed.locator('[data-testid=source-reference]').textContent(), 'Reference: UNIQUE ID: 201013_8');
  assert.doesNotMatch(await seed.locator('.source__title').textContent(), /UNIQUE ID/, 'the title is the headline alone');
  assert.deepEqual(problems, []);
  await context.close();
  const fr = await open('?v=1&view=sources&metric=migrants_returned&from=2020&to=2020&lang=fr', { ready: ['app-revealed', 'data-ready'] });
  const seedFr = fr.page.locator('[data-testid=source-item]', { hasText: 'septième réunion stratégique UE-OIM' });
  assert.equal(await seedFr.locator('[data-testid=source-reference]').textContent(), 'Référence\u202f: UNIQUE ID: 201013_8');
  await fr.context.close();
});

test('the whole flow works with the keyboard alone', async () => {
  const { page, context } = await open();
  async function tabTo(selector, limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel), selector)) return;
    }
    assert.fail(`could not reach ${selector} with Tab`);
  }
  await tabTo('#f-metric-migrants_reintegration');
  let since = await pageNow(page);
  await page.keyboard.press('Space');
  const count = await countChanged(page, 11, since);
  await tabTo('#f-year-from');
  since = await pageNow(page);
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const narrowed = await countChanged(page, count, since);
  assert.ok(narrowed < count, 'moving the first year forward drops earlier reports');
  assert.match(page.url(), /from=2018/);
  await tabTo('#f-country-search');
  await page.keyboard.type('niger');
  await tabTo('[data-testid=country-order-value]');
  await tabTo('#f-country-NE');
  since = await pageNow(page);
  await page.keyboard.press('Space');
  await countChanged(page, narrowed, since);
  await tabTo('[data-testid=reset]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /11 figures/.test(document.querySelector('[data-testid=match-count]').textContent));
  await tabTo('[data-testid=tab-timeline]', 120);
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-breakdown');
  await page.waitForSelector('[data-testid=breakdown-migrants_returned]');
  await tabTo('[data-testid=breakdown-migrants_returned]');
  await page.keyboard.press('ArrowDown');
  assert.match(await page.textContent('[data-testid=chart-tooltip]'), /Libya/);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.ok(await page.evaluate(() => document.activeElement !== document.body), 'focus stays on a control');
  await context.close();
});
