// The map view: it paints, a country chosen with the keyboard filters every view and the URL,
// the disclaimer is there, and the shapes are only fetched when the map is shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openPage, paintedPixels, afterMark, pageNow } from '../lib/browser.mjs';

const shared = useBrowserAndServer();

test('the map paints, with its disclaimer, and only the map view fetches the shapes', async () => {
  const { page, problems, context } = await openPage(shared.browser);
  await page.goto(shared.server.url + '?lang=en');
  await page.waitForSelector('[data-testid=timeline-canvas]');
  assert.ok(!shared.server.requests.some((r) => r.path.endsWith('world-map.json')), 'a first visit does not load the map');
  const since = await pageNow(page);
  await page.click('[data-testid=tab-map]');
  await page.waitForFunction(() => document.querySelector('[data-testid=map-canvas]')?.width > 0, null, { timeout: 30000 });
  await afterMark(page, 'map-drawn', since);
  assert.ok(shared.server.requests.some((r) => r.path.endsWith('world-map.json')));
  assert.ok((await paintedPixels(page, '[data-testid=map-canvas]')) > 50000, 'the map paints');
  assert.match(await page.textContent('[data-testid=map-disclaimer]'), /do not imply official endorsement or acceptance by the International Organization for Migration/);
  assert.match(await page.getAttribute('[data-testid=map-canvas]', 'aria-label'), /^Map of Migrants returned: 11 countries have a figure, from Libya more than 100,000/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('choosing a country on the map with the keyboard filters the other views and the URL', async () => {
  const { page, context } = await openPage(shared.browser);
  await page.goto(shared.server.url + '?lang=fr&view=map');
  await page.waitForFunction(() => document.querySelector('[data-testid=map-canvas]')?.width > 0);
  // Focus only reaches the map once the app has replaced the pre-rendered page.
  await afterMark(page, ['app-revealed', 'map-drawn']);
  const before = await page.textContent('[data-testid=match-count]');
  await page.focus('[data-testid=map]');
  await page.keyboard.press('Home');
  const tip = await page.textContent('[data-testid=chart-tooltip]');
  assert.match(tip, /Tunisie/, 'the northernmost country with a figure (Tunisia, since the data of 2025) comes first, named in French');
  assert.match(tip, /8\u202f853 \(tel quel\)/, "the whole year 2025, which covers the count of September (more than 6,500)");
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /country=TN/.test(location.search));
  assert.notEqual(await page.textContent('[data-testid=match-count]'), before);
  assert.ok(await page.isChecked('#f-country-TN'), 'the country filter follows');
  await page.click('[data-testid=tab-table]');
  const places = await page.$$eval('[data-testid=table-row] td:nth-child(5)', (cells) => cells.map((c) => c.textContent));
  assert.ok(places.length > 0 && places.every((p) => p === 'Tunisie'), 'the table shows Tunisia only');
  await context.close();
});

test('hovering a country shape shows its figure', async () => {
  const { page, context } = await openPage(shared.browser);
  await page.goto(shared.server.url + '?lang=en&view=map');
  await page.waitForFunction(() => document.querySelector('[data-testid=map-canvas]')?.width > 0);
  // Focus only reaches the map once the app has replaced the pre-rendered page.
  await afterMark(page, ['app-revealed', 'map-drawn']);
  await page.focus('[data-testid=map]');
  await page.keyboard.press('Home');
  const tip = await page.waitForSelector('[data-testid=chart-tooltip]');
  const point = { x: Number(await tip.getAttribute('data-x')), y: Number(await tip.getAttribute('data-y')) };
  await page.keyboard.press('Escape');
  const frame = await (await page.$('[data-testid=map]')).boundingBox();
  // A little away from the label point, still inside Tunisia.
  await page.mouse.move(frame.x + point.x + 3, frame.y + point.y + 3);
  const hovered = await page.waitForSelector('[data-testid=chart-tooltip]', { timeout: 3000 });
  assert.match(await hovered.textContent(), /Tunisia/);
  await context.close();
});
