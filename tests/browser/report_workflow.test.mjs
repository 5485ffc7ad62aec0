// The council report's workflow in a real browser with an axe-core WCAG 2.1 AA check on every
// page: the analyst's editor, the server-rendered preview, submit; the manager's approvals list
// and review, send back and approve; publication; the published report as a reader sees it.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loggedIn } from '../integration/harness.mjs';
import { catalog } from '../integration/respondent.mjs';
import { roundWithAnswers } from '../integration/report_workflow.mjs';
import { clickAndWait, login, logout, withServerAndBrowser } from './browser.mjs';

const SV = catalog('sv');
let roundId;
let server;
let page;
let tab;
withServerAndBrowser({
  setup: async (up) => {
    ({ server, page, tab } = up);
    const analyst = await loggedIn(server, 'analyst');
    roundId = (await roundWithAnswers(server, analyst, 'Rapport i webbläsaren')).id;
  },
});

test('write, preview, send back, approve, publish and read a council report', async () => {
  await login(page, tab, server.base, server.logins.analyst);
  await tab.audit('analyst home');
  await page.goto(`${server.base}/rounds/${roundId}`);
  await tab.audit('dashboard of the closed round');
  await clickAndWait(page, '#report-editor-link');
  await tab.audit('report editor');
  await page.fill('#s-summary', 'Kartläggningen visar **flera** kända personer.\n\n- En punkt');
  await clickAndWait(page, '#report-preview-button');
  await tab.audit('report preview');
  assert.equal(await page.textContent('#report-preview strong'), 'flera');
  await clickAndWait(page, '#report-submit');
  await tab.audit('editor of a submitted report');
  assert.equal(await page.textContent('#report-state'), SV['report.state.submitted']);
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.manager);
  await tab.audit('manager home');
  await clickAndWait(page, '#home-approvals');
  await tab.audit('approvals list');
  await clickAndWait(page, `#approval-link-${roundId}`);
  await tab.audit('report under review');
  await clickAndWait(page, '#report-send-back-button');
  await tab.audit('send back without a comment');
  assert.ok(await page.locator('#error-summary').isVisible());
  await page.fill('#send-back-comment', 'Lägg till en mening om bortfallet.');
  await clickAndWait(page, '#report-send-back-button');
  await tab.audit('approvals after send back');
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.analyst);
  await tab.audit('analyst home again');
  await page.goto(`${server.base}/rounds/${roundId}/report`);
  await tab.audit('editor with the comment');
  assert.equal(await page.textContent('#report-send-back-comment'),
    'Lägg till en mening om bortfallet.');
  await page.fill('#s-methods', 'En enhet svarade inte.');
  await clickAndWait(page, '#report-submit');
  await tab.audit('editor resubmitted');
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.manager);
  await tab.audit('manager home again');
  await page.goto(`${server.base}/approvals/${roundId}`);
  await tab.audit('review again');
  await clickAndWait(page, '#report-approve');
  await tab.audit('approvals after approval');
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.analyst);
  await tab.audit('analyst home before publishing');
  await page.goto(`${server.base}/rounds/${roundId}/report`);
  await tab.audit('editor of an approved report');
  await clickAndWait(page, '#report-publish');
  await tab.audit('published report as the analyst');
  assert.equal(new URL(page.url()).pathname, `/reports/${roundId}`);
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.reader);
  await tab.audit('reader home');
  await page.goto(`${server.base}/reports/${roundId}`);
  await tab.audit('published report as a reader');
  assert.ok(await page.locator('#report-key-destroyed').isVisible());
  const cells = await page.locator(
    '#published-report table:not(#report-table-response) tbody td').allTextContents();
  assert.ok(!cells.some((c) => /^[1-4]$/.test(c)), 'no count under k is shown');
  const text = await page.textContent('#published-report');
  assert.ok(text.includes('En enhet svarade inte.'));
  await logout(page, tab);
  tab.assertAllAudited();
});
