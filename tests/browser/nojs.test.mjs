// JavaScript disabled in the browser: the respondent form's adding a person, saving, resuming
// and submitting, and the analyst's upload of ads, are plain form posts, so everything works
// without scripts. Every page visited gets the axe-core WCAG 2.1 AA check.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fileURLToPath } from 'node:url';

import { Client, loggedIn } from '../integration/harness.mjs';
import { hasId } from '../integration/html.mjs';
import { newRound } from '../integration/report_workflow.mjs';
import { PERSONS, catalog } from '../integration/respondent.mjs';
import {
  auditedTab, checkedIds, clickAndWait, fillPerson, login, withServerAndBrowser,
} from './browser.mjs';

const ADS = fileURLToPath(new URL('../data/ads/sample.jsonl', import.meta.url));

const SV = catalog('sv');
let server;
let browser;
withServerAndBrowser({ scriptsDisabled: true, setup: (up) => ({ server, browser } = up) });

// Whether the page runs scripts: a timer set from the page fires at once when they do and
// never when they are disabled (the wait for it is bounded).
async function scriptsRun(page) {
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'timer-probe';
    document.body.append(p);
    setTimeout(() => { p.textContent = 'ran'; }, 0);
  });
  try {
    await page.waitForFunction(() => document.getElementById('timer-probe').textContent === 'ran',
      null, { timeout: 1000, polling: 50 });
    return true;
  } catch {
    return false;
  } finally {
    await page.evaluate(() => document.getElementById('timer-probe').remove());
  }
}

// A demo link of the open round that has not been answered yet.
async function freshDemoLink() {
  const c = new Client(server.base);
  for (const link of server.demoLinks) {
    const r = await c.get(link.path);
    if (r.status === 200 && hasId(r.text, 'respondent-form') && hasId(r.text, 'no-entries')) {
      return `${server.base}${link.path}`;
    }
  }
  throw new Error('the demo has no unanswered open link');
}

test('without JavaScript a respondent adds a person, saves, resumes and submits', async () => {
  const { page } = browser;
  const tab = auditedTab(page, { scripts: browser.scripts });
  const link = await freshDemoLink();
  await page.goto(link);
  await tab.audit('questionnaire without JavaScript');
  assert.equal(await scriptsRun(page), false, 'scripts are disabled (also after the axe check)');
  await page.check('#met-yes');
  await clickAndWait(page, '#add-entry');
  await tab.audit('questionnaire with a new person');
  await fillPerson(page, 0, PERSONS[0]);
  await clickAndWait(page, '#save');
  await tab.audit('questionnaire after save');
  assert.ok(await page.locator('#saved-notice').isVisible());
  assert.ok(await page.locator('#e0-mk-saved').isVisible());
  const checked = await checkedIds(page);
  assert.ok(checked.includes('e0-gender-woman') && checked.includes('e0-age_band-15_17'));

  await page.goto(link);
  await tab.audit('resumed questionnaire');
  assert.deepEqual(await checkedIds(page), checked);
  assert.equal(await page.inputValue('#e0-mk-year'), '');

  // A person with an answer missing: the error summary links to the question.
  await clickAndWait(page, '#add-entry');
  await tab.audit('questionnaire with a second, empty person');
  await clickAndWait(page, '#submit');
  await tab.audit('questionnaire with errors');
  assert.ok(await page.locator('#error-summary').isVisible());
  assert.ok(await page.locator('#error-summary a[href="#e1-gender-woman"]').count() > 0);
  await clickAndWait(page, '#remove-1');
  await tab.audit('questionnaire after removing the empty person');
  assert.equal(await page.locator('#entry-1').count(), 0);
  await clickAndWait(page, '#submit');
  await tab.audit('thank-you page');
  assert.equal(await page.textContent('#page-heading'), SV['respondent.done_heading']);
  assert.equal(await scriptsRun(page), false, 'scripts were disabled all along');
  tab.assertAllAudited();
});

// The ads page's upload script enhances a form that works without it.
test('without JavaScript the analyst uploads ads as a plain form post', async () => {
  const { page } = browser;
  const tab = auditedTab(page, { scripts: browser.scripts });
  const round = await newRound(await loggedIn(server, 'analyst'), 'Annonser utan skript');
  await login(page, tab, server.base, server.logins.analyst);
  await tab.audit('analyst home without JavaScript');
  await page.goto(`${server.base}/rounds/${round}/ads`);
  await tab.audit('ads page without JavaScript');
  await page.setInputFiles('#ads-file', ADS);
  await clickAndWait(page, '#ads-upload');
  await tab.audit('ads import without JavaScript');
  assert.match(new URL(page.url()).search, /^\?import=\d+$/);
  assert.equal(await page.locator('#ads-read').innerText(), '10');
  assert.equal(await page.locator('#ads-upload-progress').isHidden(), true);
  assert.equal(await scriptsRun(page), false, 'scripts were disabled all along');
  tab.assertAllAudited();
});
