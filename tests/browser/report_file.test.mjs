// The council report as a standalone HTML file (`synlig report --format html`), opened from
// disk (file://) in Chromium: the axe-core WCAG 2.1 A/AA check in Swedish and English, and
// the page works without scripts (it has none).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';

import { cli, tempDir } from '../integration/harness.mjs';
import { checkA11y, launch } from './browser.mjs';

const ROOT = new URL('../..', import.meta.url).pathname;
let dir;
let browser;

function run(args) {
  const r = cli(args);
  assert.equal(r.status, 0, `synlig ${args.join(' ')}:\n${r.stderr}${r.stdout}`);
}

before(async () => {
  dir = tempDir('synlig-report-file-');
  const db = join(dir.path, 'demo.db');
  run(['demo', '--db', db]);
  run(['stats', 'import-bra', join(ROOT, 'tests/data/official/bra_linkoping_wide.csv'),
    '--municipality', 'Linköping', '--db', db]);
  run(['stats', 'import-scb', join(ROOT, 'tests/data/official/scb_folkmangd.csv'),
    '--region', 'Linköping', '--db', db]);
  for (const lang of ['sv', 'en']) {
    run(['report', '--db', db, '--round', '1', '--format', 'html', '--lang', lang,
      '--out', join(dir.path, `report-${lang}.html`), '--municipality', 'Linköping',
      '--text', join(ROOT, 'tests/data/report/analyst_text.md')]);
  }
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (dir) dir.remove();
});

for (const lang of ['sv', 'en']) {
  test(`the ${lang} report file passes axe-core WCAG 2.1 AA`, async () => {
    const file = join(dir.path, `report-${lang}.html`);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /<script/);
    const { page } = browser;
    await page.goto(pathToFileURL(file).href);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.ok(await page.locator('table caption').count() > 10);
    assert.ok(await page.locator('svg[role="img"] desc').count() > 2);
    await checkA11y(page, `report file (${lang})`);
  });
}
