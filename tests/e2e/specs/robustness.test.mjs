// Robustness in the browser: bad data files give specific messages and never a blank page or a
// panic; text from data is never HTML; a failed reload keeps the last good data; ?data= only
// loads allowed origins and always says where the figures come from; local JSON and CSV files
// load with the same validation and are marked as local.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openPage, withServer, ROOT } from '../lib/browser.mjs';

const DATA = '/data/eu-iom-figures.json';
const BAD = path.join(ROOT, 'tests/fixtures/bad-data');
const bad = (name) => fs.readFileSync(path.join(BAD, name), 'utf8');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, override, expected] of [
  ['an HTML page served as JSON', { body: bad('03-html-page.json') }, /not valid JSON \(line 1, column 1/],
  ['a file of a newer schema', { body: bad('11-schema-version-2.json') }, /schema version 2, which this version of the dashboard cannot read/],
  ['a file where every figure is bad', { body: bad('17-every-figure-bad.json') }, /no usable figures in the data file \(3 records skipped\)/],
  ['a file with the wrong content type', { body: bad('00-valid-base.json'), type: 'text/html' }, /the server sent "text\/html" instead of JSON data/],
  ['a 50 MB file', { body: `{"padding":"${'x'.repeat(50_000_000)}"}` }, /too large \(50 MB; the limit is 48 MB\)/],
  ['deeply nested JSON', { body: bad('36-deeply-nested.json') }, /recursion limit exceeded/],
]) {
  test(`${name} gives a specific message`, async () => {
    await withServer({ overrides: { [DATA]: override } }, async (server) => {
      const { page, problems, context } = await openPage(browser);
      await page.goto(server.url + '?lang=en');
      await page.waitForSelector('[data-testid=load-error]');
      assert.match(await page.textContent('[data-testid=load-error-detail]'), expected);
      assert.deepEqual(problems.filter((p) => !/Failed to load resource/.test(p)), [], 'no panic, no script error');
      await context.close();
    });
  });
}

test('a network failure gives a specific message', async () => {
  await withServer({}, async (server) => {
    const { page, context } = await openPage(browser);
    await page.route('**/data/eu-iom-figures.json', (route) => route.abort('connectionrefused'));
    await page.goto(server.url + '?lang=en');
    await page.waitForSelector('[data-testid=load-error]');
    assert.match(await page.textContent('[data-testid=load-error-detail]'), /could not reach http:\/\/127\.0\.0\.1:\d+\/data\/eu-iom-figures\.json/);
    await context.close();
  });
});

test('records that are fine still load, with the skipped ones listed', async () => {
  await withServer({ overrides: { [DATA]: { body: bad('23-negative-value.json') } } }, async (server) => {
    const { page, context } = await openPage(browser);
    await page.goto(server.url + '?lang=en&level=all&metric=all');
    await page.waitForSelector('[data-testid=skipped-records]');
    assert.match(await page.textContent('[data-testid=skipped-records]'), /figures\[0\] "f1": value is negative \(-84000\) \(skipped\)/);
    assert.match(await page.textContent('[data-testid=match-count]'), /2 figures/);
    await context.close();
  });
});

test('text from the data is shown as text, never run as HTML', async () => {
  await withServer({ overrides: { [DATA]: { body: bad('31-html-and-script-in-text.json') } } }, async (server) => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(server.url + '?lang=en&level=all&view=sources');
    await page.waitForSelector('[data-testid=source-item]');
    const titles = await page.$$eval('.source__title a', (links) => links.map((a) => a.textContent));
    assert.ok(titles.some((t) => t.startsWith('<img src=x onerror=')), 'the markup is visible as characters');
    assert.equal(await page.$$eval('.source img, .source script', (nodes) => nodes.length), 0);
    assert.equal(await page.evaluate(() => document.body.dataset.pwned), undefined);
    assert.deepEqual(problems, []);
    await context.close();
  });
});

test('a failed reload keeps the last good data on screen with the error beside it', async () => {
  const overrides = {};
  await withServer({ overrides }, async (server) => {
    const { page, context } = await openPage(browser);
    await page.goto(server.url + '?lang=en');
    await page.waitForSelector('[data-testid=card-projects] [data-figure]');
    overrides[DATA] = { body: '{"schema": "eu-iom-dashboard/figures", "sch' };
    await page.click('[data-testid=reload-data]');
    await page.waitForSelector('[data-testid=reload-error]');
    assert.match(await page.textContent('[data-testid=reload-error]'), /could not be reloaded.*not valid JSON/);
    assert.match(await page.textContent('[data-testid=card-projects]'), /535/, 'the last good figures stay');
    delete overrides[DATA];
    await page.click('[data-testid=reload-data]');
    await page.waitForSelector('[data-testid=reload-error]', { state: 'detached' });
    await context.close();
  });
});

test('?data= loads same-origin files with a banner, and refuses other origins', async () => {
  await withServer({ overrides: { '/data/other.json': { body: bad('00-valid-base.json') } } }, async (server) => {
    const { page, context } = await openPage(browser);
    await page.goto(server.url + '?lang=en&data=data/other.json');
    await page.waitForSelector('[data-testid=data-origin]');
    assert.match(await page.textContent('[data-testid=data-origin]'), /These figures come from http:\/\/127\.0\.0\.1:\d+\/data\/other\.json, not from the dataset published/);
    assert.match(await page.textContent('[data-testid=card-migrants]'), /more than 106,700/);
    await page.click('[data-testid=data-origin] [data-testid=use-published]');
    await page.waitForSelector('[data-testid=data-origin]', { state: 'detached' });
    await page.waitForFunction(() => /535/.test(document.querySelector('[data-testid=card-projects]')?.textContent ?? ''));
    assert.doesNotMatch(page.url(), /data=/);

    await page.goto(server.url + '?lang=en&data=' + encodeURIComponent('https://evil.example/fake.json'));
    await page.waitForSelector('[data-testid=load-error]');
    assert.match(await page.textContent('[data-testid=load-error-detail]'), /data from https:\/\/evil\.example\/fake\.json is not allowed/);
    assert.ok(await page.isVisible('[data-testid=use-published]'));
    await context.close();
  });
});

test('local JSON and CSV files load with the same validation, marked as local data', async () => {
  await withServer({}, async (server) => {
    const { page, context } = await openPage(browser, { acceptDownloads: true });
    await page.goto(server.url + '?lang=en');
    await page.waitForSelector('[data-testid=card-projects] [data-figure]');
    await page.setInputFiles('[data-testid=open-file]', path.join(BAD, '00-valid-base.json'));
    await page.waitForSelector('[data-testid=data-origin]');
    assert.match(await page.textContent('[data-testid=data-origin]'), /Local data: these figures come from the file “00-valid-base\.json”/);
    assert.match(await page.textContent('[data-testid=card-migrants]'), /106,700/);

    // A CSV made by the dashboard's own download reads back.
    const csv = 'figure_id,metric,metric_detail,value,unit,qualifier,period_start,period_end,cumulative_since,programme_id,programme_name,programme_as_published,regions,region_names,country_code,country_name,note,source_id,source_title,source_publisher,source_publisher_kind,source_date,source_date_precision,source_kind,source_language,source_url,source_official,source_note\r\n'
      + 'c1,projects,projects run,777,count,exact,,2024-12-31,,joint-initiative,Joint Initiative,JI,,,,,local,s1,"Local, release",IOM,iom,2025-01-10,day,news,en,https://example.org/r,true,\r\n';
    await page.setInputFiles('[data-testid=open-file]', { name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => /figures\.csv/.test(document.querySelector('[data-testid=data-origin]')?.textContent ?? ''));
    assert.match(await page.textContent('[data-testid=card-projects]'), /777/);

    // A bad file leaves the data on screen and says why.
    await page.setInputFiles('[data-testid=open-file]', path.join(BAD, '10-other-schema.json'));
    await page.waitForSelector('[data-testid=reload-error]');
    assert.match(await page.textContent('[data-testid=reload-error]'), /of another kind \(schema "geojson\/FeatureCollection"\)/);
    assert.match(await page.textContent('[data-testid=card-projects]'), /777/);

    // Dropping a file on the page opens it too.
    await page.evaluate(async (text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bad('00-valid-base.json'));
    await page.waitForFunction(() => /dropped\.json/.test(document.querySelector('[data-testid=data-origin]')?.textContent ?? ''));
    await context.close();
  });
});
