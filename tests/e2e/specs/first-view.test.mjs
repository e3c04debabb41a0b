// The pre-rendered first view: before any WebAssembly arrives (its request held back), and with
// JavaScript disabled, the page shows the headline figures of the seed release, the default
// chart as SVG, its table and its sources, in the visitor's language; the app then takes over
// without a layout shift; a snapshot built from another data file is replaced and said so; the
// strict policy holds throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, DIST, withServer } from '../lib/browser.mjs';
import { settled } from '../lib/dashboard.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Records CSP violations and the cumulative layout shift from the first paint on. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The visible pre-rendered copy: its language, cards text, and whether its chart is an SVG with a size. */
async function visibleSnapshot(page) {
  return page.evaluate(() => {
    const copy = [...document.querySelectorAll('.prerender')].find((c) => c.offsetParent !== null || c.getClientRects().length > 0);
    if (!copy) return null;
    const svg = [...copy.querySelectorAll('.chart__frame svg')].find((s) => s.getBoundingClientRect().width > 0);
    const box = svg?.getBoundingClientRect();
    return {
      lang: copy.getAttribute('lang'),
      cards: copy.querySelector('.cards').textContent.replace(/\s+/g, ' '),
      chart: box ? { width: Math.round(box.width), height: Math.round(box.height), marks: svg.querySelectorAll('circle, polyline').length } : null,
      table: copy.querySelectorAll('.prerender__table tbody tr').length,
      sources: copy.querySelectorAll('.sources .source').length,
      enabledButtons: [...copy.querySelectorAll('button')].filter((b) => !b.disabled).length,
      noscriptNote: getComputedStyle(copy.querySelector('.prerender__status--noscript')).display !== 'none',
    };
  });
}

test('before the WebAssembly arrives the page shows the seed figures and an SVG chart, in the visitor\'s language', async () => {
  await withServer({}, async (server) => {
    for (const [options, query, lang] of [[{}, '', 'en'], [{ locale: 'fr-FR' }, '', 'fr'], [{ locale: 'fr-FR' }, '?lang=en', 'en'], [{}, '?lang=fr', 'fr']]) {
      const { page, context, problems } = await openPage(browser, { viewport: { width: 375, height: 800 }, ...options });
      await watch(page);
      let held = 0;
      await page.route('**/*.wasm', () => { held += 1; });
      await page.goto(server.url + query);
      await page.waitForSelector('.prerender .chart__svg', { state: 'attached' });
      const shown = await visibleSnapshot(page);
      assert.equal(shown.lang, lang, `${query || options.locale || 'default'} shows the ${lang} copy`);
      const seed = lang === 'en' ? [/535/, /about €1\.88\sbn/, /more than 25,000/, /as of 13\sOct\s2020/] : [/535/, /environ 1,88\sMd€/, /plus de 25\s000/, /13\soct\.\s2020/];
      for (const pattern of seed) assert.match(shown.cards, pattern);
      assert.ok(shown.chart && shown.chart.width > 300 && shown.chart.height > 300, `a sized SVG chart: ${JSON.stringify(shown.chart)}`);
      assert.ok(shown.chart.marks > 5, 'the chart has marks');
      assert.ok(shown.table >= 5 && shown.sources >= 5, 'table and sources are in the page');
      assert.equal(shown.enabledButtons, 0, 'no control pretends to work before the app');
      assert.equal(shown.noscriptNote, false, 'with JavaScript, the no-script note is hidden');
      assert.equal(held, 1, 'the WebAssembly was requested and held back');
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
});

test('with JavaScript disabled the cards, chart, table and sources are there with a note', async () => {
  await withServer({}, async (server) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    const shown = await page.evaluate(() => {
      const copy = document.querySelector('.prerender[data-lang=en]');
      const svg = [...copy.querySelectorAll('.chart__frame svg')].find((s) => s.getBoundingClientRect().width > 0);
      return {
        frenchHidden: getComputedStyle(document.querySelector('.prerender[data-lang=fr]')).display === 'none',
        cards: copy.querySelectorAll('.card__line').length,
        chart: svg ? Math.round(svg.getBoundingClientRect().width) : 0,
        table: copy.querySelectorAll('.prerender__table tbody tr').length,
        sources: copy.querySelectorAll('.sources .source').length,
        note: getComputedStyle(copy.querySelector('.prerender__status--noscript')).display !== 'none' ? copy.querySelector('.prerender__status--noscript').textContent : '',
      };
    });
    assert.ok(shown.frenchHidden);
    assert.equal(shown.cards, 6);
    assert.ok(shown.chart > 600, `the wide chart is shown (${shown.chart} px)`);
    assert.ok(shown.table >= 5);
    assert.ok(shown.sources >= 5);
    assert.match(shown.note, /filters.*need JavaScript/);
    await context.close();
  });
});

test('the app takes over the page without a layout shift, in both languages and sizes', async () => {
  await withServer({ gzip: true }, async (server) => {
    for (const lang of ['en', 'fr']) {
      for (const viewport of [{ width: 320, height: 640 }, { width: 375, height: 800 }, { width: 1280, height: 800 }]) {
        const { page, context, problems } = await openPage(browser, { viewport });
        await watch(page);
        await page.goto(`${server.url}?lang=${lang}`);
        await page.waitForFunction(() => !document.getElementById('prerendered') && performance.getEntriesByName('timeline-drawn').length > 0);
        await settled(page);
        const cls = await page.evaluate(() => window.__cls);
        assert.ok(cls <= 0.02, `${lang} ${viewport.width}px: layout shift ${cls.toFixed(4)} ≤ 0.02`);
        assert.equal(await page.$$eval('.prerender', (c) => c.length), 0, 'the snapshot is gone');
        assert.ok(await page.$eval('[data-testid=timeline-canvas]', (c) => c.width > 0), 'the live chart is drawn');
        assert.equal(await page.$$eval('[data-testid=snapshot-replaced]', (n) => n.length), 0, 'the snapshot matched the data file');
        assert.deepEqual(await page.evaluate(() => window.__violations), []);
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  });
});

test('a snapshot built from another data file is replaced by the current figures, with a notice', async () => {
  const data = JSON.parse(fs.readFileSync(path.join(DIST, 'data/eu-iom-figures.json'), 'utf8'));
  const projects = data.figures.find((f) => f.source === 'eeas-2020-10-13-eu-iom-7th-strategic-meeting' && f.metric === 'projects');
  projects.value = 536;
  const body = JSON.stringify(data);
  await withServer({ overrides: { '/data/eu-iom-figures.json': { body } } }, async (server) => {
    const { page, context } = await openPage(browser);
    let release;
    const released = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (route) => { await released; await route.continue(); });
    await page.goto(`${server.url}?lang=en`);
    await page.waitForSelector('.prerender .card__number');
    assert.match(await page.$eval('.prerender[data-lang=en] [data-snapshot-testid=card-projects]', (c) => c.textContent), /535/, 'the snapshot shows what it was built from');
    release();
    await page.waitForSelector('[data-testid=snapshot-replaced]');
    assert.equal(await page.$$eval('.prerender', (c) => c.length), 0);
    const card = await page.$eval('[data-testid=card-projects]', (c) => c.textContent);
    assert.match(card, /536/, 'the current data file wins');
    assert.match(await page.$eval('[data-testid=snapshot-replaced]', (n) => n.textContent), /updated after this page was built/);
    await context.close();
  });
});

test('an embed of the cards or of the timeline is pre-rendered too', async () => {
  await withServer({}, async (server) => {
    for (const [view, shows, hides] of [['cards', '.cards', '.chart__frame'], ['timeline', '.chart__frame', '.cards']]) {
      const { page, context } = await openPage(browser, { viewport: { width: 600, height: 500 } });
      await page.route('**/*.wasm', () => {});
      await page.goto(`${server.url}?v=1&view=${view}&embed=1&lang=en`);
      await page.waitForSelector('.prerender .chart__svg', { state: 'attached' });
      const visible = (selector) => page.$eval(`.prerender[data-lang=en] ${selector}`, (e) => e.getClientRects().length > 0);
      assert.equal(await visible(shows), true, `${view}: ${shows} shown`);
      assert.equal(await visible(hides), false, `${view}: ${hides} hidden`);
      assert.equal(await visible('.masthead'), false, `${view}: no page chrome`);
      await context.close();
    }
  });
});
