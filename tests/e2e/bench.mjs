// Benchmark: prints how fast the dashboard repaints after a filter change, in headless Chromium
// on the built dist/. Figures come from the app's own performance marks: `filter-change` when a
// control changes the view state, `timeline-drawn` when the chart has been repainted.
//
//   node bench.mjs [--runs 40]
import { serve } from './lib/server.mjs';
import { launch, openPage, DIST } from './lib/browser.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 40;

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}

const server = await serve({ root: DIST });
const browser = await launch();
try {
  const { page } = await openPage(browser);
  await page.goto(server.url + '?lang=en');
  await page.waitForSelector('[data-testid=timeline-canvas]', { timeout: 60000 });
  await page.waitForTimeout(300);
  const durations = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => performance.clearMarks());
    await page.click('#f-metric-migrants_reintegration');
    const ms = await page.waitForFunction(() => {
      const change = performance.getEntriesByName('filter-change')[0];
      const drawn = performance.getEntriesByName('timeline-drawn').find((m) => change && m.startTime >= change.startTime);
      return change && drawn ? drawn.startTime - change.startTime : null;
    }, null, { timeout: 5000 });
    durations.push(await ms.jsonValue());
  }
  const { median, p95, max } = stats(durations);
  console.log(`filter change → timeline repainted (real dataset, ${runs} changes, Chromium ${browser.version()}):`);
  console.log(`  median ${median.toFixed(1)} ms   p95 ${p95.toFixed(1)} ms   max ${max.toFixed(1)} ms   (one frame = 16.7 ms)`);
} finally {
  await browser.close();
  await server.close();
}
