// Foundation: the built dashboard loads the real dataset in Chromium, shows the headline
// cards and draws the timeline; loading and error states are visible; the canvas is crisp
// and follows its container's size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, paintedPixels, withServer, afterMark, ROOT } from '../lib/browser.mjs';

const DATA = '/data/eu-iom-figures.json';
const dataset = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/eu-iom-figures.json'), 'utf8'));
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function sourceUrl(figureId) {
  const figure = dataset.figures.find((f) => f.id === figureId);
  return dataset.sources.find((s) => s.id === figure.source).url;
}

test('headline cards show the latest reported values with their sources', async () => {
  await withServer({}, async (server) => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(server.url + '?lang=en');
    await page.waitForSelector('[data-testid=card-projects] [data-figure]');
    const cards = {};
    for (const id of ['projects', 'funding', 'migrants', 'countries']) {
      cards[id] = await page.$$eval(`[data-testid=card-${id}] [data-testid=card-line]`, (lines) =>
        lines.map((l) => ({ figure: l.dataset.figure, text: l.textContent.replace(/\s+/g, ' '), href: l.querySelector('a')?.href })));
    }
    // Values of the shipped dataset: the seed release's 535 projects and EUR 1.88 billion,
    // the latest programme-wide return and reintegration totals (the AP's, 2022–2025, never added
    // to the Joint Initiative's), and the 34 countries of the seed.
    assert.match(cards.projects[0].text, /535/);
    assert.match(cards.projects[0].text, /2015–2019/);
    assert.match(cards.funding[0].text, /about €1\.88\sbn/);
    assert.match(cards.countries[0].text, /34/);
    assert.equal(cards.migrants.length, 3);
    assert.match(cards.migrants[0].text, /more than 100,000/);
    assert.match(cards.migrants[0].text, /as reported by the AP\) · since 2022/);
    assert.match(cards.migrants[1].text, /60,000/);
    assert.match(cards.migrants[2].text, /more than 25,000/);
    assert.match(cards.migrants[2].text, /13\sOct\s2020/);
    for (const line of Object.values(cards).flat()) {
      assert.ok(line.figure, 'each line names its figure');
      assert.equal(line.href, sourceUrl(line.figure), `the source link of ${line.figure} is its release`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('the timeline canvas is drawn, crisp on HiDPI screens, and follows its container', async () => {
  await withServer({}, async (server) => {
    const { page, problems, context } = await openPage(browser, { deviceScaleFactor: 2, viewport: { width: 1200, height: 900 } });
    await page.goto(server.url);
    const canvas = '[data-testid=timeline-canvas]';
    await page.waitForFunction((sel) => document.querySelector(sel)?.width > 0, canvas);
    await afterMark(page, ['app-revealed', 'timeline-drawn']);
    const painted = await paintedPixels(page, canvas);
    assert.ok(painted > 5000, `the chart paints (${painted} pixels differ from the background)`);
    const size = await page.$eval(canvas, (c) => ({ backing: c.width, css: c.clientWidth }));
    assert.equal(size.backing, Math.round(size.css * 2), 'backing store at device resolution');
    const label = await page.$eval(canvas, (c) => c.getAttribute('aria-label'));
    assert.match(label, /10 reports/, 'the canvas has a text alternative');
    await page.setViewportSize({ width: 700, height: 900 });
    await page.waitForFunction(([sel, before]) => document.querySelector(sel).width !== before, [canvas, size.backing], { timeout: 10000 });
    const resized = await page.$eval(canvas, (c) => ({ backing: c.width, css: c.clientWidth }));
    assert.ok(resized.css < size.css, 'the canvas shrinks with the window');
    assert.equal(resized.backing, Math.round(resized.css * 2));
    assert.ok(await paintedPixels(page, canvas) > 3000, 'and is redrawn');
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('a loading state is visible while the data is on its way', async () => {
  await withServer({ overrides: { [DATA]: { delayMs: 1500 } } }, async (server) => {
    const { page, context } = await openPage(browser);
    await page.goto(server.url + '?lang=en');
    // The pre-rendered page stays on screen and says the rest is loading; the app's own
    // loading panel stays hidden behind it.
    const pending = '.prerender[data-lang=en] .prerender__status--pending';
    await page.waitForSelector(pending);
    assert.match(await page.textContent(pending), /Loading the filters/);
    await page.waitForSelector('[data-testid=loading]', { state: 'attached' });
    assert.equal(await page.isVisible('[data-testid=loading]'), false, 'the loading panel does not cover the snapshot');
    await page.waitForSelector('[data-testid=card-projects] [data-figure]');
    assert.equal(await page.$('#prerendered'), null, 'the app replaced the snapshot');
    await context.close();
  });
});

for (const [name, override, expected] of [
  ['is missing', { status: 404, body: 'not found', type: 'text/plain' }, /404/],
  ['is broken', { body: '{"schema": "eu-iom-dashboard/figures", "figures": [' }, /not valid JSON/],
  ['has an unknown schema version', { body: JSON.stringify({ ...dataset, schema_version: 99 }) }, /schema version 99/],
]) {
  test(`when the data file ${name}, the error state says what went wrong`, async () => {
    await withServer({ overrides: { [DATA]: override } }, async (server) => {
      const { page, problems, context } = await openPage(browser);
      await page.goto(server.url + '?lang=en');
      await page.waitForSelector('[data-testid=load-error]');
      const detail = await page.textContent('[data-testid=load-error-detail]');
      assert.match(detail, expected);
      assert.ok(await page.isVisible('button:has-text("Try again")'), 'the user can retry');
      assert.equal(await page.$('[data-testid=timeline-canvas]'), null);
      // Only the browser's own report of the failed request may reach the console.
      assert.deepEqual(problems.filter((p) => !/Failed to load resource: the server responded with a status of 404/.test(p)), []);
      await context.close();
    });
  });
}
