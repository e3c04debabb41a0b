// The staff page: the release reader, compiled to WebAssembly, proposes the seed release's six
// figures with their sentences highlighted and produces the file to review.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useBrowserAndServer, openPage, ROOT } from '../lib/browser.mjs';

const SEED = fs.readFileSync(path.join(ROOT, 'tests/fixtures/seeds/eeas-2020-10-13-eu-iom-7th-strategic-meeting.fr.txt'), 'utf8');
const shared = useBrowserAndServer();

test('pasting the seed release proposes its six figures with their sentences', async () => {
  const { page, problems, context } = await openPage(shared.browser, { acceptDownloads: true });
  await page.goto(shared.server.url + '?lang=fr');
  await page.waitForSelector('[data-testid=timeline-canvas]', { timeout: 60000 });
  await page.click('text=Personnel : lire les chiffres d’un communiqué');
  await page.waitForSelector('[data-testid=staff-text]');
  assert.match(page.url(), /view=extract/);
  await page.fill('[data-testid=staff-text]', SEED);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=staff-proposal]').length === 6);
  const rows = await page.$$eval('[data-testid=staff-proposal]', (r) => r.map((row) => [...row.cells].map((c) => c.textContent).join(' | ')));
  assert.equal(rows[0], '1 | Projets | 535 (tel quel) | 2015–2019 | élevée | «535»');
  assert.match(rows[1], /^2 \| Financement \(EUR\) \| environ 1,88\u00a0Md€ \| 2015–2019/);
  assert.match(rows[2], /^3 \| Migrants rentrés \| plus de 84\u202f000 \| au 13\u00a0oct\.\u00a02020/);
  assert.match(rows[4], /^5 \| Migrants secourus \| plus de 25\u202f000/);
  assert.match(rows[5], /^6 \| Pays bénéficiant d’aide humanitaire \| 34 \(tel quel\) \| depuis 2017/);
  assert.equal(await page.textContent('[data-testid=staff-date]'), '13\u00a0oct.\u00a02020');
  assert.equal(await page.textContent('[data-testid=staff-id]'), '201013_8');
  assert.match(await page.textContent('[data-testid=staff-context]'), /septième/);
  const marks = await page.$$eval('[data-testid=staff-highlighted] mark', (m) => m.map((x) => x.textContent));
  assert.ok(marks.some((m) => m.includes('535 projets')), 'the sentence of a figure is highlighted');

  await page.fill('#staff-source-id', 'eeas-2020-10-13-test');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=staff-download]')]);
  const reviewed = JSON.parse(fs.readFileSync(await file.path(), 'utf8'));
  assert.equal(reviewed.sources[0].id, 'eeas-2020-10-13-test');
  assert.equal(reviewed.sources[0].reference, 'UNIQUE ID: 201013_8', 'the reference as the release writes it, for add');
  assert.equal(reviewed.figures.length, 6);
  assert.equal(reviewed.figures[0].id, 'eeas-2020-10-13-test:1');
  assert.ok(reviewed.figures.every((f) => f._evidence.sentence.length > 0));

  await page.click('text=Retour au tableau de bord');
  await page.waitForSelector('[data-testid=timeline-canvas]', { timeout: 30000 });
  assert.doesNotMatch(page.url(), /view=extract/);
  assert.deepEqual(problems, []);
  await context.close();
});
