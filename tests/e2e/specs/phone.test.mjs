// The chart on the first screen (issues 17 and 26): at 375×800 and 1280×800, in English and
// French, the first chart starts high on the first screen (≤520 px with at least 240 px of it on
// a phone, ≤420 px on a laptop) under every headline figure with its number, its qualifier in
// words and its as-of date, and the pre-rendered page puts it at the same place; at 320×640 as
// at the others, no text is wider than its box and the page does not scroll sideways; the
// language and theme control is one button on a phone; on a touch screen a tap shows a mark's tooltip and a tap elsewhere hides it, a
// vertical pan over the chart scrolls the page and a sideways one moves along the marks; every
// filter control and button is a target of at least 44×44 px with its label; the years can be
// typed; a range thumb's focus changes its pixels; a skip link goes from the filters to the chart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openPage, DIST } from '../lib/browser.mjs';
import { useDashboard, nextFrames, settled } from '../lib/dashboard.mjs';

const shared = useDashboard();
const { open } = shared;

const PHONE = { width: 375, height: 800 };
const LAPTOP = { width: 1280, height: 800 };
const SMALL = { width: 320, height: 640 };
// The highest the chart's top may start, and how much of the chart must then be on screen.
const TARGETS = [[PHONE, { top: 520, shown: 240 }], [LAPTOP, { top: 420, shown: 240 }], [SMALL, null]];
const DATA = JSON.parse(fs.readFileSync(path.join(DIST, 'data/eu-iom-figures.json'), 'utf8'));
const FIGURES = new Map(DATA.figures.map((f) => [f.id, f]));
const QUALIFIERS = {
  en: { exact: 'as stated', more_than: 'more than', about: 'about', almost: 'almost' },
  fr: { exact: 'tel quel', more_than: 'plus de', about: 'environ', almost: 'près de' },
};
const TOUCH = { viewport: PHONE, hasTouch: true, isMobile: true };

/**
 * The first chart's top and bottom with the page at the top, the headline figures' visible lines,
 * the elements of the first screen whose content is wider than their box, and the page's width.
 */
function firstView(page, chart) {
  return page.evaluate((chart) => {
    window.scrollTo(0, 0);
    const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
    const box = [...document.querySelectorAll(chart)].find(shown)?.getBoundingClientRect();
    const cards = [...document.querySelectorAll('.cards')].find(shown);
    const lines = [...cards.querySelectorAll('.card__line')].map((line) => ({
      figure: line.dataset.figure ?? null,
      // innerText: what is rendered, without the closed disclosure's contents.
      text: line.innerText.replace(/\s+/g, ' '),
      number: (line.querySelector('.card__number')?.innerText ?? '').trim(),
      meta: (line.querySelector('.card__meta')?.innerText ?? '').replace(/\s+/g, ' '),
    }));
    // Content wider than its box, in the masthead, the headline figures and the views' bar
    // (the tab list itself scrolls sideways by design; each tab must still fit its text).
    const regions = [...document.querySelectorAll('.masthead, .cards, .section__header, .explorer__bar, .chart__tools')].filter(shown);
    const overflowing = regions
      .flatMap((region) => [region, ...region.querySelectorAll('*')])
      // Text for screen readers only is clipped by design; a closed disclosure's contents are not shown.
      .filter((e) => shown(e) && e.clientWidth > 0 && !e.closest('.visually-hidden, details:not([open]) > :not(summary)'))
      .filter((e) => !['auto', 'scroll'].includes(getComputedStyle(e).overflowX))
      .filter((e) => e.scrollWidth > e.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${e.innerText.slice(0, 40)}" ${e.scrollWidth} > ${e.clientWidth}`);
    return {
      top: box === undefined ? null : Math.round(box.top),
      bottom: box === undefined ? null : Math.round(box.bottom),
      lines,
      overflowing,
      pageWidth: document.documentElement.scrollWidth,
    };
  }, chart);
}

function checkFigures(lines, lang, where) {
  assert.equal(lines.length, 6, `${where}: six headline figures`);
  for (const line of lines) {
    const figure = FIGURES.get(line.figure);
    assert.ok(figure, `${where}: the line shows a figure of the data (${line.figure})`);
    assert.match(line.number, /\d/, `${where}: ${figure.id} shows its number`);
    const qualifier = QUALIFIERS[lang][figure.qualifier];
    assert.ok(line.text.includes(qualifier), `${where}: ${figure.id} shows its qualifier "${qualifier}" in "${line.text}"`);
    assert.match(line.meta, /\d{4}/, `${where}: ${figure.id} shows its as-of date`);
    assert.ok(line.text.includes(line.meta), `${where}: ${figure.id}'s as-of date is visible`);
  }
}

function checkFits(view, viewport, where) {
  assert.deepEqual(view.overflowing, [], `${where}: no text wider than its box`);
  assert.ok(view.pageWidth <= viewport.width, `${where}: the page is ${view.pageWidth} px wide, no sideways scroll`);
}

test('the first chart starts high on the first screen, under every headline figure, before and after the app takes over', async () => {
  const measured = [];
  for (const lang of ['en', 'fr']) {
    for (const [viewport, target] of TARGETS) {
      const where = `${lang} ${viewport.width}×${viewport.height}`;
      const held = await openPage(shared.browser, { viewport });
      await held.page.route('**/*.wasm', () => {});
      await held.page.goto(`${shared.server.url}?lang=${lang}`);
      await held.page.waitForSelector('.prerender .chart__svg', { state: 'attached' });
      const before = await firstView(held.page, '.prerender .chart__frame svg');
      await held.context.close();

      const { page, context, problems } = await open(`?lang=${lang}`, { viewport });
      const after = await firstView(page, '[data-testid=timeline-canvas]');
      measured.push(`${where}: ${after.top} px`);
      assert.ok(after.top !== null, `${where}: the chart is shown`);
      if (target) {
        assert.ok(after.top <= target.top, `${where}: the chart starts at ${after.top} px (≤ ${target.top})`);
        const onScreen = Math.min(after.bottom, viewport.height) - after.top;
        assert.ok(onScreen >= target.shown, `${where}: ${onScreen} px of the chart on the first screen (≥ ${target.shown})`);
      }
      assert.ok(Math.abs(after.top - before.top) <= 1, `${where}: the pre-rendered chart starts at ${before.top} px, the app's at ${after.top} px`);
      checkFigures(after.lines, lang, where);
      checkFigures(before.lines, lang, `${where}, pre-rendered`);
      checkFits(after, viewport, where);
      checkFits(before, viewport, `${where}, pre-rendered`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
  console.log(`chart tops: ${measured.join('; ')}`);
});

/** The position of the last point of the timeline (from its keyboard tooltip), then clears it. */
async function lastPoint(page) {
  await page.focus('[data-testid=timeline]');
  await page.keyboard.press('End');
  const tip = await page.waitForSelector('[data-testid=chart-tooltip]');
  const point = { x: Number(await tip.getAttribute('data-x')), y: Number(await tip.getAttribute('data-y')), text: await tip.textContent() };
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement.blur());
  await page.waitForSelector('[data-testid=chart-tooltip]', { state: 'detached' });
  await page.$eval('[data-testid=timeline]', (frame) => frame.scrollIntoView({ block: 'center' }));
  const frame = await (await page.$('[data-testid=timeline]')).boundingBox();
  return { x: frame.x + point.x, y: frame.y + point.y, text: point.text, frame };
}

test('on a touch screen a tap on a mark shows its tooltip, a tap elsewhere hides it', async () => {
  const { page, context, problems } = await open('?lang=en', TOUCH);
  const point = await lastPoint(page);
  assert.match(point.text, /more than 100,000/, 'the newest mark: the AP\'s 2022–2025 total');
  await page.touchscreen.tap(point.x, point.y);
  const tip = await page.waitForSelector('[data-testid=chart-tooltip]', { timeout: 3000 });
  assert.equal(await tip.textContent(), point.text, 'the tapped mark\'s figure');
  assert.ok(await tip.isVisible());
  // Beside every mark, inside the chart: the top left corner of the plot area.
  await page.touchscreen.tap(point.frame.x + 4, point.frame.y + 4);
  await page.waitForSelector('[data-testid=chart-tooltip]', { state: 'detached', timeout: 3000 });
  // Outside the chart.
  await page.touchscreen.tap(point.x, point.y);
  await page.waitForSelector('[data-testid=chart-tooltip]', { timeout: 3000 });
  const heading = await (await page.$('.tab-panel .view__heading')).boundingBox();
  await page.touchscreen.tap(heading.x + 4, heading.y + heading.height / 2);
  await page.waitForSelector('[data-testid=chart-tooltip]', { state: 'detached', timeout: 3000 });
  assert.deepEqual(problems, []);
  await context.close();
});

/** A finger's swipe from (x, y) by (dx, dy), in steps of a frame, as the touch screen sends it. */
async function swipe(page, cdp, x, y, dx, dy) {
  const steps = 12;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * i) / steps, y: y + (dy * i) / steps }] });
    await nextFrames(page, 1);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('over the chart a vertical swipe scrolls the page and a sideways one moves along the marks', async () => {
  const { page, context } = await open('?lang=en', TOUCH);
  const cdp = await context.newCDPSession(page);
  let point = await lastPoint(page);
  const scrolled = await page.evaluate(() => window.scrollY);
  await swipe(page, cdp, point.frame.x + point.frame.width / 2, point.frame.y + point.frame.height / 2, 0, -250);
  await page.waitForFunction((y) => window.scrollY > y + 150, scrolled, { timeout: 3000 });
  assert.equal(await page.$$eval('[data-testid=chart-tooltip]', (t) => t.length), 0, 'scrolling shows no tooltip');
  point = await lastPoint(page);
  const [scrollX, scrollY] = await page.evaluate(() => [window.scrollX, window.scrollY]);
  // Sideways to the last point, at its height: from the left, as that point (the AP's 2025
  // total) sits at the right edge of the plot.
  await swipe(page, cdp, point.x - 50, point.y, 50, 0);
  const tip = await page.waitForSelector('[data-testid=chart-tooltip]', { timeout: 3000 });
  assert.equal(await tip.textContent(), point.text, 'the swipe shows the mark it passed');
  assert.deepEqual(await page.evaluate(() => [window.scrollX, window.scrollY]), [scrollX, scrollY], 'the page did not move');
  await context.close();
});

/** Every filter control's target (the control with its visible label) and whether each corner of it reaches the control. */
function filterTargets(page) {
  return page.evaluate(() => {
    const out = [];
    for (const control of document.querySelectorAll('#filters input, #filters button, #filters select')) {
      control.scrollIntoView({ block: 'center' });
      const boxes = [control, ...(control.labels ?? [])].map((e) => e.getBoundingClientRect()).filter((r) => r.width > 1 && r.height > 1);
      const left = Math.min(...boxes.map((r) => r.left));
      const top = Math.min(...boxes.map((r) => r.top));
      const right = Math.max(...boxes.map((r) => r.right));
      const bottom = Math.max(...boxes.map((r) => r.bottom));
      const reaches = (x, y) => {
        const hit = document.elementFromPoint(x, y);
        return !!hit && (control.contains(hit) || [...(control.labels ?? [])].some((l) => l.contains(hit)));
      };
      // Range inputs take the pointer on their thumbs only (two share one track).
      const corners = control.type === 'range' ? true : [[left + 2, top + 2], [right - 2, top + 2], [left + 2, bottom - 2], [right - 2, bottom - 2]].every(([x, y]) => reaches(x, y));
      out.push({ id: control.id || control.dataset.testid || control.textContent.trim(), width: right - left, height: bottom - top, corners });
    }
    return out;
  });
}

test('on a phone every filter control, with its label, and every button is a target of at least 44×44 px', async () => {
  const { page, context } = await open('?lang=fr', TOUCH);
  // The language and theme choices are behind one button: open them, so they are measured too.
  await page.tap('[data-testid=settings-toggle]');
  await page.waitForSelector('#settings-panel button[lang=en]', { state: 'visible' });
  const choices = await page.$$eval('#settings-panel button', (all) => all.filter((b) => b.getClientRects().length > 0).length);
  assert.equal(choices, 5, 'two languages and three themes shown');
  const buttons = await page.$$eval('button', (all) => all
    .filter((b) => b.getClientRects().length > 0 && !b.closest('#filters'))
    .map((b) => { const r = b.getBoundingClientRect(); return { id: b.id || b.dataset.testid || b.textContent.trim(), width: r.width, height: r.height }; }));
  assert.ok(buttons.length >= 14, `buttons outside the filters: ${buttons.length}`);
  await page.tap('[data-testid=settings-toggle]');
  await page.waitForSelector('#settings-panel', { state: 'hidden' });
  for (const b of buttons) assert.ok(b.width >= 44 && b.height >= 44, `button ${b.id}: ${b.width.toFixed(1)}×${b.height.toFixed(1)}`);
  // The data links (one of them a file input's label) and the cards' "Source" disclosures: a tap
  // 21.5 px above or below the middle of each still reaches it.
  const bands = await page.$$eval('.data-controls .link-button, .card__more summary', (all) => all
    .filter((e) => e.getClientRects().length > 0)
    .map((e) => {
      e.scrollIntoView({ block: 'center' });
      const r = e.getBoundingClientRect();
      const x = r.left + Math.min(r.width / 2, 12);
      const middle = r.top + r.height / 2;
      const reaches = (y) => { const hit = document.elementFromPoint(x, y); return !!hit && e.contains(hit); };
      return { text: e.textContent.trim(), width: r.width, above: reaches(middle - 21.5), below: reaches(middle + 21.5) };
    }));
  assert.ok(bands.length >= 8, `data links and disclosures: ${bands.length}`);
  for (const b of bands) assert.ok(b.width >= 44 && b.above && b.below, `${b.text}: ${b.width.toFixed(1)} px wide, reached above ${b.above}, below ${b.below}`);
  await page.tap('[data-testid=filters-open]');
  await page.waitForFunction(() => getComputedStyle(document.getElementById('filters')).visibility === 'visible' && document.getElementById('filters').getBoundingClientRect().left < 100);
  await settled(page);
  const targets = await filterTargets(page);
  const kinds = new Set(await page.$$eval('#filters input, #filters button', (all) => all.map((c) => c.type)));
  for (const kind of ['checkbox', 'radio', 'range', 'number', 'search', 'button']) assert.ok(kinds.has(kind), `the drawer has ${kind} controls`);
  assert.ok(targets.length > 40, `${targets.length} controls measured`);
  for (const t of targets) {
    assert.ok(t.width >= 44 && t.height >= 44, `${t.id}: ${t.width.toFixed(1)}×${t.height.toFixed(1)} px`);
    assert.ok(t.corners, `${t.id}: every corner of its box reaches it`);
  }
  await context.close();
});

test('the period can be typed, bound to the slider, and a year outside the data is refused with the reason', async () => {
  const { page, context } = await open('?lang=en', { viewport: PHONE });
  await page.click('[data-testid=filters-open]');
  await page.waitForFunction(() => getComputedStyle(document.getElementById('filters')).visibility === 'visible');
  assert.equal(await page.inputValue('[data-testid=year-from]'), '2013');
  assert.equal(await page.inputValue('[data-testid=year-to]'), '2026');
  await page.fill('[data-testid=year-from]', '2030');
  await page.press('[data-testid=year-from]', 'Enter');
  assert.equal(await page.textContent('[data-testid=year-from-error]'), 'The figures end in 2026: type 2026 or earlier.');
  assert.equal(await page.getAttribute('[data-testid=year-from]', 'aria-invalid'), 'true');
  assert.equal(await page.textContent('[data-testid=period-value]'), '2013 – 2026', 'the period stays');
  await page.fill('[data-testid=year-from]', '2018');
  await page.press('[data-testid=year-from]', 'Enter');
  await page.waitForFunction(() => /from=2018/.test(location.search));
  assert.equal(await page.textContent('[data-testid=period-value]'), '2018 – 2026');
  assert.equal(await page.inputValue('#f-year-from'), '2018', 'the thumb follows');
  assert.equal(await page.$$eval('[data-testid=year-from-error]', (e) => e.length), 0, 'the message is gone');
  await page.fill('[data-testid=year-to]', '2016');
  await page.press('[data-testid=year-to]', 'Enter');
  assert.match(await page.textContent('[data-testid=year-to-error]'), /cannot be before the first year \(2018\)/);
  // The thumb moves, the field follows and the refusal is gone.
  await page.focus('#f-year-to');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /to=2025/.test(location.search));
  assert.equal(await page.inputValue('[data-testid=year-to]'), '2025');
  assert.equal(await page.$$eval('[data-testid=year-to-error]', (e) => e.length), 0);
  await context.close();
});

test('a focused range thumb shows a ring: its pixels differ from the unfocused thumb\'s', async () => {
  for (const theme of ['light', 'dark']) {
    const { page, context } = await open(`?lang=en&theme=${theme}`, { viewport: LAPTOP });
    const range = await page.$('.range');
    await range.scrollIntoViewIfNeeded();
    const unfocused = await range.screenshot();
    for (let i = 0; i < 60 && !(await page.evaluate(() => document.activeElement?.id === 'f-year-from')); i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-year-from', 'the thumb is reached by Tab');
    const focused = await range.screenshot();
    assert.ok(!unfocused.equals(focused), `${theme}: focus changes the thumb's pixels`);
    await context.close();
  }
});

test('a skip link at the start of the filters moves the focus to the chart', async () => {
  for (const viewport of [LAPTOP, PHONE]) {
    const { page, context } = await open('?lang=en', { viewport });
    if (viewport === PHONE) {
      await page.focus('[data-testid=filters-open]');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'filters-close');
      await page.keyboard.press('Shift+Tab');
    } else {
      for (let i = 0; i < 40 && !(await page.evaluate(() => document.activeElement?.dataset.testid === 'skip-to-chart')); i++) await page.keyboard.press('Tab');
    }
    const link = await page.evaluate(() => ({ testid: document.activeElement?.dataset.testid, text: document.activeElement?.textContent, top: document.activeElement?.getBoundingClientRect().top }));
    assert.equal(link.testid, 'skip-to-chart', `${viewport.width}: the link is reached by Tab`);
    assert.equal(link.text, 'Skip the filters: go to the chart');
    assert.ok(link.top >= 0, `${viewport.width}: the focused link is on screen`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.dataset.testid === 'timeline', null, { timeout: 3000 });
    if (viewport === PHONE) assert.equal(await page.getAttribute('#filters-open', 'aria-expanded'), 'false', 'the drawer closed');
    await page.keyboard.press('End');
    assert.match(await page.textContent('[data-testid=chart-tooltip]'), /more than 100,000/, 'the chart has the keyboard');
    await context.close();
  }
});
