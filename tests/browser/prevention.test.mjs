// The attitude-work log in a real browser with an axe-core WCAG 2.1 AA check on every page: a
// prevention coordinator adds a school, logs an activity (first with a mistake the error
// summary points to), enters aggregated attitude answers and reads the coverage page.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { clickAndWait, login, withServerAndBrowser } from './browser.mjs';

let server;
let page;
let tab;
withServerAndBrowser({ setup: (up) => ({ server, page, tab } = up) });

test('a prevention coordinator logs an activity', async () => {
  await page.goto(`${server.base}/login`);
  await tab.audit('login page');
  await login(page, tab, server.base, server.logins.prevention_coordinator);
  await tab.audit('coordinator home');

  await clickAndWait(page, '#main-nav a[href="/prevention/schools"]');
  await tab.audit('schools');
  await page.fill('#school-name', 'Webbskolan 7–9');
  for (const g of ['7', '8', '9']) await page.check(`#school-grade-${g}`);
  await clickAndWait(page, '#school-create');
  await tab.audit('schools after adding one');
  assert.ok(await page.locator('#schools-table', { hasText: 'Webbskolan 7–9' }).count());

  await clickAndWait(page, '#main-nav a[href="/prevention"]');
  await tab.audit('activity log');
  const before = await page.locator('#activities-table tbody tr').count();
  await clickAndWait(page, '#new-activity-link');
  await tab.audit('new activity form');
  await page.fill('#activity-date', '2026-09-15');
  await page.selectOption('#activity-kind', 'workshop');
  const place = await page.locator('#activity-place option', { hasText: 'Webbskolan 7–9' })
    .getAttribute('value');
  await page.selectOption('#activity-place', place);
  await page.check('#activity-target-grade');
  await page.check('#activity-grade-8');
  await page.fill('#activity-reached', 'tjugo');
  await page.fill('#activity-method', 'Forumspel');
  await clickAndWait(page, '#activity-create');
  await tab.audit('new activity form with an error');
  assert.equal(await page.locator('#error-summary a[href="#activity-reached"]').count(), 1);
  await page.fill('#activity-reached', '24');
  await clickAndWait(page, '#activity-create');
  await tab.audit('activity page');
  assert.equal(await page.textContent('#fact-reached'), '24');
  assert.ok(await page.locator('#activity-saved').count());

  await page.fill('#att-buying_ok-before-agree_partly', '3');
  await page.fill('#att-buying_ok-before-disagree_fully', '18');
  await page.fill('#att-buying_ok-after-disagree_fully', '22');
  await clickAndWait(page, '#attitudes-save');
  await tab.audit('activity page after saving answers');
  assert.equal(await page.inputValue('#att-buying_ok-after-disagree_fully'), '22');

  await clickAndWait(page, '#main-nav a[href="/prevention"]');
  await tab.audit('activity log after logging');
  assert.equal(await page.locator('#activities-table tbody tr').count(), before + 1);
  await clickAndWait(page, '#coverage-link');
  await tab.audit('coverage page');
  assert.ok(await page.locator('#by-school-table', { hasText: 'Webbskolan 7–9' }).count());
  tab.assertAllAudited();
});
