// Found, cited and shared: the metadata the release build writes, read as harvesters read it. The
// page's schema.org Dataset and the DCAT-AP catalogue record are expanded by jsonld.js (the
// JSON-LD reference implementation) with a document loader that fetches nothing, so the catalogue
// must be self-contained; the expanded graphs carry DCAT-AP's mandatory and recommended properties
// with the EU's vocabularies, and every address in them leads to a file of the build. The page's
// title, description and social tags name the latest figures; with SITE_URL the preview image
// (1200 × 630 PNG) is announced with absolute addresses, without it not at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import jsonld from 'jsonld';
import { DIST, ROOT } from '../lib/browser.mjs';

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const SDO = 'http://schema.org/';
const EU = 'http://publications.europa.eu/resource/authority/';

// schema.org's published context maps its terms onto http://schema.org/ with @vocab; offline the
// loader gives the processor that mapping. Any other remote document is refused.
const documentLoader = async (url) => {
  if (url === 'https://schema.org' || url === 'https://schema.org/') {
    return { contextUrl: null, documentUrl: url, document: { '@context': { '@vocab': SDO } } };
  }
  throw new Error(`the metadata made the JSON-LD processor fetch ${url}`);
};

const read = (folder, file) => fs.readFileSync(path.join(folder, file), 'utf8');
const data = JSON.parse(read(DIST, 'data/eu-iom-figures.json'));

/** The <meta> contents of a page by name or property. */
function metas(html) {
  const out = {};
  for (const [, key, value] of html.matchAll(/<meta (?:name|property)="([^"]+)" content="([^"]*)">/g)) out[key] = value.replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&quot;/g, '"');
  return out;
}

const jsonLdOf = (html) => JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)[1]);

/** Nodes of an expanded graph by @type. */
const ofType = (expanded, type) => {
  const nodes = [];
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node['@type']?.includes(type)) nodes.push(node);
    Object.values(node).forEach(walk);
  };
  walk(expanded);
  return nodes;
};
const ids = (node, property) => (node[property] ?? []).map((v) => v['@id']);
const values = (node, property) => (node[property] ?? []).map((v) => v['@value']);

/** Where an address resolved against `base` leads inside a build served at `site`. */
function fileOf(address, base, site, folder) {
  const url = new URL(address, base);
  assert.ok(url.href.startsWith(site), `${url} is on the site ${site}`);
  const rel = decodeURIComponent(url.pathname.slice(new URL(site).pathname.length)) || 'index.html';
  return path.join(folder, rel.endsWith('/') ? `${rel}index.html` : rel);
}

test('the page names the latest figures in its title, description and social tags; no image without SITE_URL', () => {
  const html = read(DIST, 'index.html');
  const tags = metas(html);
  const title = /<title>(.*?)<\/title>/.exec(html)[1].replace(/&amp;/g, '&');
  assert.match(title, /^EU–IOM cooperation in figures — Projects: 535 · Funding: about €1\.88\sbn · .*Migrants assisted: more than 100,000\sreturned home$/);
  assert.match(tags.description, /^Latest reported figures: Projects: 535; .*more than 25,000 rescued \(data as of 29\u00a0Jan\u00a02026\)\.$/);
  assert.equal(tags['og:title'], title);
  assert.equal(tags['og:description'], tags.description);
  assert.equal(tags['twitter:description'], tags.description);
  assert.equal(tags['og:locale'], 'en_GB');
  assert.equal(tags['og:locale:alternate'], 'fr_FR');
  assert.equal(tags['twitter:card'], 'summary');
  for (const key of ['og:image', 'og:url', 'twitter:image']) assert.equal(tags[key], undefined, `${key} needs SITE_URL`);
  // The policy hashes only the two scripts that run, and the stylesheet; the JSON-LD data block is not among them.
  const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)[1];
  const directive = (name) => policy.split('; ').find((d) => d.startsWith(`${name} `));
  assert.equal(directive('script-src').match(/'sha256-/g).length, 2);
  assert.equal(directive('style-src').match(/'sha256-/g).length, 1);
  assert.match(policy, /worker-src 'self'/);
});

test('the schema.org Dataset expands and describes the dataset, with downloads that exist', async () => {
  const html = read(DIST, 'index.html');
  const site = 'http://127.0.0.1/';
  const [dataset] = await jsonld.expand(jsonLdOf(html), { documentLoader, base: site });
  assert.deepEqual(dataset['@type'], [`${SDO}Dataset`]);
  assert.equal(values(dataset, `${SDO}name`)[0], data.info.title);
  assert.equal(values(dataset, `${SDO}description`)[0], data.info.description);
  assert.match(values(dataset[`${SDO}license`][0], `${SDO}name`)[0], /cite the original source/);
  for (const role of ['creator', 'publisher']) assert.equal(values(dataset[`${SDO}${role}`][0], `${SDO}name`)[0], 'EU–IOM cooperation in figures');
  assert.match(values(dataset, `${SDO}temporalCoverage`)[0], /^\d{4}-\d{2}-\d{2}\/2026-01-2\d$/);
  const places = dataset[`${SDO}spatialCoverage`].map((p) => values(p, `${SDO}name`)[0]);
  for (const country of data.countries) assert.ok(places.includes(country.name_en), country.name_en);
  assert.ok(values(dataset, `${SDO}keywords`).includes('Migrants returned'));
  const downloads = dataset[`${SDO}distribution`];
  assert.deepEqual(downloads.map((d) => values(d, `${SDO}encodingFormat`)[0]).sort(), ['application/json', 'text/csv']);
  for (const download of downloads) {
    const file = fileOf(values(download, `${SDO}contentUrl`)[0], site, site, DIST);
    assert.ok(fs.existsSync(file), `${file} exists`);
  }
  assert.equal(read(DIST, 'data/eu-iom-figures.csv').split('\r\n')[0].split(',')[0], 'figure_id');
});

test('the DCAT-AP catalogue expands without fetching anything and has the mandatory and recommended properties', async () => {
  const site = 'https://stats.example.eu/dash/';
  const base = `${site}data/catalog.jsonld`;
  const expanded = await jsonld.expand(JSON.parse(read(DIST, 'data/catalog.jsonld')), { documentLoader, base });
  const [catalog] = ofType(expanded, `${DCAT}Catalog`);
  const [dataset] = ofType(expanded, `${DCAT}Dataset`);
  const distributions = ofType(expanded, `${DCAT}Distribution`);
  // Mandatory (DCAT-AP 3): catalogue title, description, publisher (an agent with a name);
  // dataset title and description; distribution access URL.
  assert.ok(values(catalog, `${DCT}title`).includes('EU–IOM cooperation in figures'));
  assert.ok(values(catalog, `${DCT}title`).includes('La coopération UE–OIM en chiffres'));
  assert.ok(values(catalog, `${DCT}description`).length === 2);
  const [publisher] = catalog[`${DCT}publisher`];
  assert.ok(values(publisher, `${FOAF}name`).length > 0 && publisher['@type'].includes(`${FOAF}Agent`));
  assert.equal(catalog[`${DCAT}dataset`].length, 1);
  assert.equal(values(dataset, `${DCT}title`)[0], data.info.title);
  assert.equal(values(dataset, `${DCT}description`)[0], data.info.description);
  assert.equal(distributions.length, 2);
  for (const d of distributions) assert.equal(ids(d, `${DCAT}accessURL`)[0], site, 'access URL: the dashboard');
  // Recommended, with the EU's vocabularies where DCAT-AP asks for them.
  assert.deepEqual(ids(catalog, `${DCT}language`), [`${EU}language/ENG`, `${EU}language/FRA`]);
  assert.deepEqual(ids(catalog, `${DCAT}themeTaxonomy`), [`${EU}data-theme`]);
  assert.ok(ids(catalog, `${FOAF}homepage`)[0] === site);
  assert.ok(values(catalog, `${DCT}modified`)[0] === data.info.compiled);
  assert.deepEqual(ids(dataset, `${DCT}accrualPeriodicity`), [`${EU}frequency/IRREG`]);
  assert.ok(ids(dataset, `${DCAT}theme`).every((t) => t.startsWith(`${EU}data-theme/`)) && ids(dataset, `${DCAT}theme`).length > 0);
  assert.ok(values(dataset, `${DCAT}keyword`).length > 5);
  assert.ok(dataset[`${DCT}publisher`].length === 1 && dataset[`${DCAT}contactPoint`].length === 1);
  const [period] = dataset[`${DCT}temporal`];
  assert.equal(period[`${DCAT}endDate`][0]['@type'], 'http://www.w3.org/2001/XMLSchema#date');
  assert.ok(values(period, `${DCAT}startDate`)[0] < values(period, `${DCAT}endDate`)[0]);
  // Countries from the EU's country table, by ISO 3166-1 alpha-3 (checked against the ISO table
  // of the npm package i18n-iso-countries).
  const codes = new Map(JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/e2e/node_modules/i18n-iso-countries/codes.json'), 'utf8')).map(([a2, a3]) => [a2, a3]));
  const spatial = ids(dataset, `${DCT}spatial`);
  for (const country of data.countries) assert.ok(spatial.includes(`${EU}country/${codes.get(country.code)}`), country.code);
  const formats = distributions.map((d) => ids(d, `${DCT}format`)[0]).sort();
  assert.deepEqual(formats, [`${EU}file-type/CSV`, `${EU}file-type/JSON`]);
  for (const d of distributions) {
    assert.ok(values(d, `${DCT}description`).length === 1);
    assert.ok(ids(d, 'http://data.europa.eu/r5r/availability')[0].startsWith(`${EU}planned-availability/`));
    assert.ok(d[`${DCT}license`].length === 1);
    assert.ok(ids(d, `${DCAT}mediaType`)[0].startsWith('http://www.iana.org/assignments/media-types/'));
    const file = fileOf(ids(d, `${DCAT}downloadURL`)[0], base, site, DIST);
    assert.equal(fs.statSync(file).size, Number(values(d, `${DCAT}byteSize`)[0]), `${file}: its size`);
  }
  const csv = distributions.find((d) => ids(d, `${DCT}format`)[0].endsWith('/CSV'));
  const pkg = JSON.parse(fs.readFileSync(fileOf(ids(csv, `${DCT}conformsTo`)[0], base, site, DIST), 'utf8'));
  assert.deepEqual(pkg.resources[0].schema.fields.map((f) => f.name), read(DIST, 'data/eu-iom-figures.csv').split('\r\n')[0].split(','));
});

test('with SITE_URL the addresses are absolute and the 1200 × 630 preview is announced', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'eu-iom-site-'));
  try {
    fs.cpSync(DIST, folder, { recursive: true });
    const site = 'https://stats.example.eu/dash/';
    execFileSync('cargo', ['run', '--quiet', '--bin', 'eu-iom-data', '--', 'publish', folder, path.join(folder, 'data/eu-iom-figures.json'), '--site-url', site], { cwd: ROOT, stdio: 'pipe' });
    const html = read(folder, 'index.html');
    const tags = metas(html);
    assert.equal(tags['og:url'], site);
    assert.equal(tags['og:image'], `${site}preview.png`);
    assert.equal(tags['twitter:image'], `${site}preview.png`);
    assert.equal(tags['twitter:card'], 'summary_large_image');
    assert.equal(tags['og:image:width'], '1200');
    assert.equal(tags['og:image:height'], '630');
    assert.match(tags['og:image:alt'], /Migrants returned/);
    assert.ok(tags['og:image:alt'].length <= 420);
    assert.equal(html.match(/<!--published-->/g).length, 1, 'a second run replaces the first');
    const png = fs.readFileSync(path.join(folder, 'preview.png'));
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
    assert.equal(jsonLdOf(html).distribution[0].contentUrl, `${site}data/eu-iom-figures.json`);
    assert.match(read(folder, 'data/catalog.jsonld'), /"@id": "https:\/\/stats\.example\.eu\/dash\/data\/catalog\.jsonld#dataset"/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
