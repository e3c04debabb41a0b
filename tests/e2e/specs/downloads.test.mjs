// Downloads: charts as PNG (2×) and SVG with title, filters, sources and dates; data as CSV
// (zipped with a README and a Frictionless data package) and JSON, for the selection and the whole dataset, with descriptive
// names and every figure's source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useDashboard } from '../lib/dashboard.mjs';
import { readZip, parseCsv } from '../lib/files.mjs';

const { open } = useDashboard();

/** Every page here saves downloads. */
const DOWNLOADS = { acceptDownloads: true };

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: await fs.readFile(await file.path()) };
}

const TODAY = /\d{4}-\d{2}-\d{2}/;

test('the chart downloads as a 2x PNG and as an SVG carrying its provenance', async () => {
  const { page, problems, context } = await open('?lang=en', DOWNLOADS);
  const png = await download(page, '[data-testid=timeline-png]');
  assert.match(png.name, /^eu-iom-figures_migrants-returned_timeline-chart_2013-2026_\d{4}-\d{2}-\d{2}\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG file');
  assert.equal(png.bytes.readUInt32BE(16), 1920, 'drawn at twice the 960 px export width');

  const svg = await download(page, '[data-testid=timeline-svg]');
  assert.match(svg.name, /\.svg$/);
  const text = svg.bytes.toString('utf8').replace(/[ \n\r\t]+/g, ' ');
  assert.match(text, /^<svg /);
  assert.match(text, /Reported figures over time/, 'title');
  assert.match(text, /Migrants returned · all programmes · programme-wide totals · 2013–2026 · all sources/, 'filters in words');
  assert.match(text, /Sources: 11 releases/, 'source line');
  assert.match(text, /Data as of 29\u00a0Jan\u00a02026 · Downloaded \d+\u00a0\w{3}\u00a0\d{4}/, 'data date and download date');
  assert.match(text, /> Joint Initiative </, 'the chart itself: the Joint Initiative\'s series');
  assert.match(text, /> EU–IOM returns \(AP\) </, 'and the AP\'s 2022–2025 total, a series of its own');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the selection downloads as CSV with a README and its data package, and as JSON', async () => {
  const { page, context } = await open('?lang=en', DOWNLOADS);
  const zip = await download(page, '[data-testid=download-selection-csv]');
  assert.match(zip.name, /^eu-iom-figures_migrants-returned_csv_2013-2026_\d{4}-\d{2}-\d{2}\.zip$/);
  // Read with an independent ZIP reader that checks every entry's CRC-32.
  const files = Object.fromEntries([...readZip(zip.bytes)].map(([name, bytes]) => [name, bytes.toString('utf8')]));
  const names = Object.keys(files);
  assert.equal(names.length, 3);
  const csvName = names.find((n) => n.endsWith('.csv'));
  const csv = files[csvName];
  const rows = csv.trim().split('\r\n');
  assert.equal(rows.length, 12, 'header plus the eleven selected figures');
  assert.match(rows[0], /^figure_id,metric,.*,source_url,source_official,source_note$/);
  for (const row of rows.slice(1)) assert.match(row, /https?:\/\//, 'every figure carries its source');
  // The Frictionless Data package beside the CSV describes exactly its columns, and its types
  // and constraints hold for every row (the CSV split into cells as a spreadsheet splits it).
  const pkg = JSON.parse(files['datapackage.json']);
  assert.equal(pkg.profile, 'tabular-data-package');
  const resource = pkg.resources[0];
  assert.equal(resource.path, csvName);
  assert.deepEqual(resource.schema.fields.map((f) => f.name), rows[0].split(','));
  assert.ok(pkg.sources.length >= 5 && pkg.sources.every((s) => /^https?:\/\//.test(s.path)), 'the sources of the selection');
  const parsed = parseCsv(csv);
  for (const row of parsed.slice(1)) {
    resource.schema.fields.forEach((field, i) => {
      const cell = row[i];
      const where = `${row[0]} ${field.name}=${JSON.stringify(cell)}`;
      if (cell === '') { assert.ok(!field.constraints?.required, `${where}: required`); return; }
      if (field.type === 'number') assert.ok(Number.isFinite(Number(cell)), `${where}: a number`);
      if (field.type === 'date') assert.match(cell, /^\d{4}-\d{2}-\d{2}$/, `${where}: a date`);
      if (field.type === 'boolean') assert.ok([...field.trueValues, ...field.falseValues].includes(cell), `${where}: a boolean`);
      if (field.constraints?.enum) assert.ok(field.constraints.enum.includes(cell), `${where}: one of ${field.constraints.enum}`);
      if (field.constraints?.pattern) assert.match(cell, new RegExp(`^${field.constraints.pattern}$`), where);
    });
  }
  assert.match(files['README.txt'], /Suggested citation/);
  assert.match(files['README.txt'], /Retrieved: /);

  const json = await download(page, '[data-testid=download-selection-json]');
  assert.match(json.name, TODAY);
  const data = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(data.schema, 'eu-iom-dashboard/figures');
  assert.equal(data.figures.length, 11);
  assert.match(data.metadata.citation, /Data as of: 29\u00a0Jan\u00a02026/);
  const sources = new Set(data.sources.map((s) => s.id));
  for (const figure of data.figures) assert.ok(sources.has(figure.source), `${figure.id} keeps its source`);
  await context.close();
});

test('the whole dataset downloads with all 242 figures', async () => {
  const { page, context } = await open('?lang=fr', DOWNLOADS);
  const json = await download(page, '[data-testid=download-all-json]');
  assert.match(json.name, /^eu-iom-figures_all-figures_\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(data.figures.length, 242);
  assert.equal(data.sources.length, 117);
  assert.match(data.metadata.citation, /Citation proposée/, 'the citation follows the interface language');
  await context.close();
});

test('every download can be made with the keyboard alone', async () => {
  const { page, context } = await open('?lang=en', DOWNLOADS);
  for (const id of ['timeline-png', 'timeline-svg', 'download-selection-csv', 'download-all-json']) {
    let reached = false;
    for (let i = 0; i < 150 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((t) => document.activeElement?.dataset.testid === t, id);
    }
    assert.ok(reached, `Tab reaches ${id}`);
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    assert.ok(file.suggestedFilename().startsWith('eu-iom-figures_'));
  }
  await context.close();
});
