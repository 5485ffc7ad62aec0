// The online-ad upload of a round in a real browser with an axe-core WCAG 2.1 AA check on every
// page: the analyst opens the round's ads page from its dashboard, a file that is not ads is
// refused with an accessible error, a JSON Lines file is analysed and its counts and bad lines
// (by line number) are shown, and two files chosen at once are analysed as one import. With the
// upload throttled (DevTools network conditions), the progress bar and its status line are
// seen a tenth at a time, then the analysis; an upload whose connection fails says that
// nothing was saved, and nothing was. The analyst chooses which import the council report uses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { loggedIn } from '../integration/harness.mjs';
import { newRound } from '../integration/report_workflow.mjs';
import { clickAndWait, login, withServerAndBrowser } from './browser.mjs';

const SAMPLE = fileURLToPath(new URL('../data/ads/sample.jsonl', import.meta.url));

const ANALYSING = 'Filerna är uppladdade. Synlig analyserar annonserna, vänta …';

// Records every text of the upload's status line in sessionStorage (kept across the
// navigation to the import), for recordedStatus to read.
async function recordStatus(page) {
  await page.evaluate(() => {
    sessionStorage.setItem('upload-status', '[]');
    const status = document.getElementById('ads-upload-status');
    new MutationObserver(() => {
      const seen = JSON.parse(sessionStorage.getItem('upload-status'));
      seen.push(status.textContent);
      sessionStorage.setItem('upload-status', JSON.stringify(seen));
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

async function recordedStatus(page) {
  return page.evaluate(() => JSON.parse(sessionStorage.getItem('upload-status') ?? '[]'));
}

// n valid ads (about 400 bytes each) made from the sample's first, each with an id of its own.
function manyAds(n) {
  const first = JSON.parse(readFileSync(SAMPLE, 'utf8').split('\n')[0]);
  const lines = [];
  for (let i = 0; i < n; ++i) lines.push(JSON.stringify({ ...first, ad_id: `p${i}` }));
  return Buffer.from(`${lines.join('\n')}\n`);
}

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

    // A refusal is shown in place (the upload script), focus on the error summary.
    await page.setInputFiles('#ads-file', {
      name: 'anteckningar.txt', mimeType: 'text/plain', buffer: Buffer.from('inte annonser\n'),
    });
    await page.click('#ads-upload');
    await page.waitForFunction(() => document.activeElement?.id === 'error-summary');
    await tab.audit('ads page with an upload error');
    assert.match(await page.locator('#error-summary').innerText(),
      /Filen kunde inte läsas som annonser\./);
    assert.equal(await page.locator('#ads-file').getAttribute('aria-describedby'),
      'ads-file-hint ads-file-error');

    // The form shown in place of the refused one sends by script too.
    await recordStatus(page);
    await page.setInputFiles('#ads-file', SAMPLE);
    await clickAndWait(page, '#ads-upload');
    await tab.audit('ads page with the import');
    assert.equal((await recordedStatus(page)).at(-1), ANALYSING);
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

    // The report uses the newest import until the analyst chooses another.
    assert.equal(await page.locator('#ads-in-report').count(), 1);
    await clickAndWait(page, '#ads-imports tbody tr:nth-child(2) th a');
    await tab.audit('the older import, not the one in the report');
    assert.equal(await page.locator('#ads-in-report').count(), 0);
    await clickAndWait(page, '#ads-use-in-report');
    await tab.audit('the older import, chosen for the report');
    assert.equal(await page.locator('#ads-in-report').count(), 1);
    assert.equal(await page.locator('#ads-imports tbody tr:nth-child(2) td:last-child').innerText(),
      'Ja');
    assert.equal(await page.locator('#ads-imports tbody tr:nth-child(1) td:last-child').innerText(),
      '');
    tab.assertAllAudited();
  });

test('the upload shows and announces its progress; a failed upload saves nothing', async () => {
  await page.goto(`${server.base}/rounds/${round}/ads`);
  await tab.audit('ads page before a slow upload');
  const imports = await page.locator('#ads-imports tbody tr').count();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const throttle = (uploadThroughput) => cdp.send('Network.emulateNetworkConditions',
    { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput });
  try {
    // 1,500 ads (about 0.6 MB) at 150 KB/s: the bar moves for about four seconds. Half-way
    // the page is checked.
    await throttle(150 * 1024);
    await recordStatus(page);
    await page.setInputFiles('#ads-file', { name: 'dag3.jsonl', mimeType: 'application/jsonl',
      buffer: manyAds(1500) });
    const arrived = page.waitForURL(/[?]import=\d+$/, { timeout: 30_000 });
    await page.click('#ads-upload');
    await page.waitForFunction(() => {
      const bar = document.getElementById('ads-upload-bar');
      return bar.hasAttribute('value') && bar.value >= 10 && bar.value < 60;
    });
    assert.equal(await page.locator('#ads-upload').isDisabled(), true);
    assert.equal(await page.getAttribute('#ads-upload-form', 'aria-busy'), 'true');
    assert.match(await page.locator('#ads-upload-status').innerText(),
      /^Laddar upp filerna: \d+\u00a0%$/);
    await tab.audit('ads page while uploading');
    await arrived;
    await tab.audit('ads page with the slowly uploaded import');
    assert.equal(await page.locator('#ads-read').innerText(), '1500');
    const seen = await recordedStatus(page);
    const percents = seen.filter((t) => t.startsWith('Laddar upp filerna: '))
      .map((t) => Number(/^Laddar upp filerna: (\d+)\u00a0%$/.exec(t)[1]));
    assert.equal(percents[0], 0, `statuses: ${JSON.stringify(seen)}`);
    assert.ok(percents.some((p) => p > 0 && p < 100), `statuses: ${JSON.stringify(seen)}`);
    assert.ok(percents.every((p, i) => p % 10 === 0 && (i === 0 || p > percents[i - 1])),
      `a tenth at a time, rising: ${JSON.stringify(seen)}`);
    assert.equal(seen.at(-1), ANALYSING);
  } finally {
    await throttle(-1);
    await cdp.detach();
  }

  // The connection fails: the status line says so, the button works again, nothing is stored.
  await page.route('**/rounds/*/ads', (route) => (route.request().method() === 'POST'
    ? route.abort('connectionreset') : route.continue()));
  try {
    await page.setInputFiles('#ads-file', SAMPLE);
    await page.click('#ads-upload');
    await page.waitForFunction(() => document.getElementById('ads-upload-status').textContent
      === 'Uppladdningen avbröts och ingenting sparades. Försök igen.');
    assert.equal(await page.locator('#ads-upload').isDisabled(), false);
    assert.equal(await page.getAttribute('#ads-upload-form', 'aria-busy'), 'false');
    await tab.audit('ads page after a failed upload');
  } finally {
    await page.unroute('**/rounds/*/ads');
  }
  await page.goto(`${server.base}/rounds/${round}/ads`);
  await tab.audit('ads page after the failed upload');
  assert.equal(await page.locator('#ads-imports tbody tr').count(), imports + 1,
    'the slow import is listed, the failed one is not');
  tab.assertAllAudited();
});
