// Accessibility and languages: axe-core finds no WCAG 2.1 A/AA violation on any view, in light
// and dark themes, in French and English, and on a phone with the filter drawer open; the interface follows the language with its number and
// date formats; focus is visible; motion respects the user's preference; printing keeps the
// filters and dates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../lib/browser.mjs';
import { useDashboard, settled } from '../lib/dashboard.mjs';

const AXE = path.join(ROOT, 'tests/e2e/node_modules/axe-core/axe.min.js');
const SEED = fs.readFileSync(path.join(ROOT, 'tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt'), 'utf8');
const { open } = useDashboard();

/** What a view is ready at: the staff page has its text box (it sets no mark), the others have
 * taken over from the pre-rendered page and filled the tab panel. */
const readyFor = (view) => (view === 'extract'
  ? { ready: [], selector: '[data-testid=staff-text]' }
  : { ready: ['app-revealed'], selector: '.tab-panel [data-testid]' });

/** Runs axe-core's WCAG 2.1 A and AA rules on the page and fails on any violation. */
async function assertAxeClean(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(summary, []);
  assert.ok(result.passes.length > 10, 'axe ran its checks');
}

for (const view of ['timeline', 'breakdown', 'map', 'table', 'sources', 'extract']) {
  for (const theme of ['light', 'dark']) {
    for (const lang of ['en', 'fr']) {
      test(`axe: no violations on the ${view} view, ${theme} theme, ${lang}`, async () => {
        // axe is injected as an inline script, which the build's own Content-Security-Policy
        // (a <meta> in index.html) rightly blocks; the test browser lets it through.
        const { page, context } = await open(`?v=1&view=${view}&theme=${theme}&lang=${lang}&metric=migrants_returned,funding_eur&level=programme,country`, { bypassCSP: true, ...readyFor(view) });
        if (view === 'extract') await page.fill('[data-testid=staff-text]', SEED);
        if (view === 'map') await page.waitForSelector('[data-testid=map-canvas]');
        await assertAxeClean(page);
        await context.close();
      });
    }
  }
}

// On a phone the filters are a drawer: axe checks it open, over every view, with a refused
// typed year on screen (its message and aria-invalid).
for (const view of ['timeline', 'breakdown', 'map', 'table', 'sources']) {
  for (const theme of ['light', 'dark']) {
    test(`axe: no violations on a phone with the filter drawer open, ${view} view, ${theme} theme`, async () => {
      const { page, context } = await open(`?v=1&view=${view}&theme=${theme}&lang=fr`, { bypassCSP: true, viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true, ...readyFor(view) });
      await page.tap('[data-testid=filters-open]');
      await page.waitForFunction(() => getComputedStyle(document.getElementById('filters')).visibility === 'visible');
      await page.fill('[data-testid=year-to]', '1999');
      await page.press('[data-testid=year-to]', 'Enter');
      await page.waitForSelector('[data-testid=year-to-error]');
      await settled(page);
      await assertAxeClean(page);
      await context.close();
    });
  }
}

test('the keyboard reaches the language and theme choices: in a row on a laptop, behind one button on a phone', async () => {
  const wide = await open('?lang=en');
  const order = [];
  for (let i = 0; i < 8; i++) {
    await wide.page.keyboard.press('Tab');
    order.push(await wide.page.evaluate(() => { const e = document.activeElement; return e.dataset.testid || e.getAttribute('lang') || e.textContent.trim(); }));
  }
  assert.deepEqual(order.slice(1, 6), ['en', 'fr', 'theme-auto', 'theme-light', 'theme-dark'], `the choices follow the skip link: ${order}`);
  await wide.context.close();

  const { page, context } = await open('?lang=fr', { bypassCSP: true, viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
  const focused = () => page.evaluate(() => document.activeElement?.dataset.testid || document.activeElement?.getAttribute('lang'));
  for (let i = 0; i < 4 && (await focused()) !== 'settings-toggle'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'settings-toggle', 'the toggle follows the skip link');
  assert.equal(await page.getAttribute('[data-testid=settings-toggle]', 'aria-expanded'), 'false');
  assert.equal(await page.isVisible('#settings-panel'), false, 'the choices are hidden until asked for');
  assert.match(await page.$eval('[data-testid=settings-toggle]', (b) => b.textContent), /FR.*Langue et thème/, 'its name says what it opens');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#settings-panel', { state: 'visible' });
  assert.equal(await page.getAttribute('[data-testid=settings-toggle]', 'aria-expanded'), 'true');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'en', 'Tab goes on to the first choice');
  await assertAxeClean(page);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#settings-panel', { state: 'hidden' });
  assert.equal(await focused(), 'settings-toggle', 'Escape gives the focus back to the toggle');
  await page.keyboard.press('Enter');
  for (let i = 0; i < 6 && (await focused()) !== 'theme-dark'; i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await assertAxeClean(page);
  await context.close();
});

test('French: language attribute, words, number and date formats', async () => {
  const { page, context } = await open('?lang=fr');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.equal(await page.title(), 'La coopération UE–OIM en chiffres');
  const funding = await page.textContent('[data-testid=card-funding]');
  assert.match(funding, /environ\s1,88\u00a0Md€/);
  const migrants = await page.textContent('[data-testid=card-migrants]');
  assert.match(migrants, /plus de\s100\u202f000/, 'narrow no-break space between thousands');
  assert.match(migrants, /13\u00a0oct\.\u00a02020/);
  const detail = page.locator('[data-testid=card-projects] .card__detail');
  assert.equal(await detail.textContent(), 'projets menés conjointement par la Commission européenne et l’OIM');
  assert.equal(await detail.getAttribute('lang'), 'fr', 'what a figure counts is French text too');
  assert.match(await page.getAttribute('[data-testid=timeline-canvas]', 'aria-label'), /^Graphique de 11 chiffres publiés en 2 séries/);
  assert.match(await page.textContent('[data-testid=match-count]'), /11 chiffres issus de 11 sources correspondent/);
  await context.close();
});

test('English formats, and switching language updates the page and the URL', async () => {
  const { page, context } = await open('?lang=en');
  assert.match(await page.textContent('[data-testid=card-funding]'), /about\s€1\.88\u00a0bn/);
  assert.match(await page.textContent('[data-testid=card-migrants]'), /more than\s100,000/);
  const detail = page.locator('[data-testid=card-projects] .card__detail');
  assert.equal(await detail.textContent(), 'projects jointly run by the European Commission and IOM');
  assert.equal(await detail.getAttribute('lang'), 'en');
  await page.click('nav.lang-switch button[lang=fr]');
  await page.waitForFunction(() => document.documentElement.lang === 'fr');
  assert.match(page.url(), /lang=fr/);
  assert.match(await page.textContent('h1'), /La coopération UE–OIM en chiffres/);
  await context.close();
});

test('without lang= in the URL the browser language decides', async () => {
  const { page, context } = await open('', { locale: 'fr-BE' });
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await context.close();
  const english = await open('', { locale: 'de-DE' });
  assert.equal(await english.page.getAttribute('html', 'lang'), 'en', 'other languages fall back to English');
  await english.context.close();
});

test('focus is always visible', async () => {
  const { page, context } = await open('?lang=en');
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const style = await page.evaluate(() => {
      const el = document.activeElement;
      const cs = getComputedStyle(el);
      const thumb = el.type === 'range';
      return { tag: el.tagName, outline: cs.outlineStyle, width: cs.outlineWidth, thumb };
    });
    seen.add(style.tag);
    if (!style.thumb) assert.ok(style.outline !== 'none' && style.width !== '0px', `${style.tag} shows focus`);
  }
  assert.ok(seen.has('BUTTON') && seen.has('INPUT') && seen.has('A'));
  await context.close();
});

test('dark mode follows the system unless overridden', async () => {
  const { page, context } = await open('?lang=en', { colorScheme: 'dark' });
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(background, 'rgb(15, 18, 23)');
  await page.click('[data-testid=theme-light]');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.match(page.url(), /theme=light/);
  await context.close();
});

test('reduced motion stops the loading animation', async () => {
  const { page, context } = await open('?lang=en', { reducedMotion: 'reduce' });
  const duration = await page.evaluate(() => {
    const probe = document.createElement('span');
    probe.className = 'spinner';
    document.body.append(probe);
    return parseFloat(getComputedStyle(probe).animationDuration);
  });
  assert.ok(duration < 0.001, `animation shortened to ${duration}s`);
  await context.close();
});

test('the print stylesheet keeps charts, active filters and dates', async () => {
  const { page, context } = await open('?lang=en&country=LY&level=country');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('[data-testid=filters]'), false);
  assert.ok(await page.isVisible('[data-testid=timeline-canvas]'));
  const info = await page.textContent('[data-testid=print-info]');
  assert.match(info, /Filters: Migrants returned · all programmes · Libya/);
  assert.match(info, /Data as of 29\u00a0Jan\u00a02026 · Printed on/);
  await context.close();
});
