// The online-ad upload of a round in a real browser with an axe-core WCAG 2.1 AA check on every
// page: the analyst opens the round's ads page from its dashboard, a file that is not ads is
// refused with an accessible error, a JSON Lines file is analysed and its counts and bad lines
// (by line number) are shown, and two files chosen at once are analysed as one import.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { loggedIn } from '../integration/harness.mjs';
import { newRound } from '../integration/report_workflow.mjs';
import { clickAndWait, login, withServerAndBrowser } from './browser.mjs';

const SAMPLE = fileURLToPath(new URL('../data/ads/sample.jsonl', import.meta.url));

let round;
let server;
let page;
let tab;
withServerAndBrowser({
  setup: async (up) => {
    ({ server, page, tab } = up);
    round = await newRound(await loggedIn(server, 'analyst'), 'Annonser i webbläsaren');
  },
});

test('the analyst uploads an ad file into a round and sees its counts and bad lines',
  async () => {
    await login(page, tab, server.base, server.logins.analyst);
    await tab.audit('analyst home');
    await page.goto(`${server.base}/rounds/${round}`);
    await tab.audit('round dashboard');
    await clickAndWait(page, '#round-ads-link');
    await tab.audit('ads page without imports');
    assert.equal(await page.locator('#ads-no-imports').count(), 1);

    await page.setInputFiles('#ads-file', {
      name: 'anteckningar.txt', mimeType: 'text/plain', buffer: Buffer.from('inte annonser\n'),
    });
    await clickAndWait(page, '#ads-upload');
    await tab.audit('ads page with an upload error');
    assert.match(await page.locator('#error-summary').innerText(),
      /Filen kunde inte läsas som annonser\./);
    assert.equal(await page.locator('#ads-file').getAttribute('aria-describedby'),
      'ads-file-hint ads-file-error');

    await page.setInputFiles('#ads-file', SAMPLE);
    await clickAndWait(page, '#ads-upload');
    await tab.audit('ads page with the import');
    assert.match(new URL(page.url()).search, /^\?import=\d+$/);
    assert.equal(await page.locator('#ads-read').innerText(), '10');
    assert.equal(await page.locator('#ads-skipped').innerText(), '3');
    assert.match(await page.locator('#ads-errors').innerText(), /Rad 12: fältet ad_id saknas\./);
    assert.equal(await page.locator('#ads-imports tbody tr').count(), 1);
    const text = await page.locator('main').innerText();
    for (const secret of ['070-174 06 05', '+40 72 123 4567', 'Sofia', 'Irina']) {
      assert.ok(!text.includes(secret), `the page shows "${secret}"`);
    }

    // Two files chosen at once are one import; the bad lines name their file.
    const lines = readFileSync(SAMPLE, 'utf8').split('\n');
    await page.setInputFiles('#ads-file', [
      { name: 'dag1.jsonl', mimeType: 'application/jsonl',
        buffer: Buffer.from(lines.slice(0, 8).join('\n')) },
      { name: 'dag2.jsonl', mimeType: 'application/jsonl',
        buffer: Buffer.from(lines.slice(8).join('\n')) },
    ]);
    await clickAndWait(page, '#ads-upload');
    await tab.audit('ads page with an import of two files');
    assert.equal(await page.locator('#ads-read').innerText(), '10');
    assert.match(await page.locator('#ads-errors').innerText(),
      /Fil 2: Rad 4: fältet ad_id saknas\./);
    assert.equal(await page.locator('#ads-imports tbody tr').count(), 2);
    tab.assertAllAudited();
  });
