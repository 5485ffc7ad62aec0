// MIKA/KAST in a real browser with an axe-core WCAG 2.1 AA check on every page: clinic staff
// log an anonymous contact with the keyboard-reachable radios; the admin's clinics page; a
// reader sees only suppressed aggregates (start-page tiles, contact statistics, feasibility);
// the analyst's feasibility forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { clickAndWait, login, logout, withServerAndBrowser } from './browser.mjs';

let server;
let page;
let tab;
withServerAndBrowser({ setup: (up) => ({ server, page, tab } = up) });

function assertNoSmallCounts(texts, label) {
  for (const t of texts) assert.ok(!/^[1-4]$/.test(t.trim()), `${label}: ${t}`);
}

test('clinic staff log a contact and a reader sees only suppressed aggregates', async () => {
  await page.goto(`${server.base}/login`);
  await tab.audit('login page');
  await login(page, tab, server.base, server.logins.clinic_staff);
  await tab.audit('clinic staff home');
  await clickAndWait(page, '#main-nav a[href="/clinic"]');
  await tab.audit('contact log');
  const total = Number(await page.textContent('#months-total'));
  await page.fill('#contact-date', '2026-11-02');
  for (const [field, value] of [['channel', 'phone'], ['visit', 'new'], ['gender', 'man'],
    ['age_band', '35_49'], ['kind', 'buyer'], ['found_via', 'internet']]) {
    await page.check(`#contact-${field}-${value}`);
  }
  await clickAndWait(page, '#contact-save');  // referral missing
  await tab.audit('contact log with an error');
  assert.equal(await page.locator('#error-summary a[href="#contact-referral"]').count(), 1);
  assert.ok(await page.isChecked('#contact-kind-buyer'), 'choices are kept');
  await page.check('#contact-referral-none');
  await clickAndWait(page, '#contact-save');
  await tab.audit('contact log after saving');
  assert.ok(await page.locator('#contact-saved').count());
  assert.equal(Number(await page.textContent('#months-total')), total + 1);
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.admin);
  await tab.audit('admin home');
  await clickAndWait(page, '#main-nav a[href="/admin/clinics"]');
  await tab.audit('admin clinics');
  assert.ok(await page.locator('#clinics-table', { hasText: 'demo.clinic_staff' }).count());
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.reader);
  await tab.audit('reader home with tiles');
  assertNoSmallCounts(await page.locator('#tile-contacts-table td').allTextContents(), 'tile');
  await clickAndWait(page, '#main-nav a[href="/clinics/statistics"]');
  await tab.audit('reader contact statistics');
  assertNoSmallCounts(await page.locator('main td').allTextContents(), 'statistics');
  assert.equal(await page.locator('#contacts-table').count(), 0, 'no single contacts');
  await clickAndWait(page, '#main-nav a[href="/prevention/coverage"]');
  await tab.audit('reader coverage');
  await clickAndWait(page, '#main-nav a[href="/feasibility"]');
  await tab.audit('reader feasibility');
  assert.equal(await page.locator('#assumptions-form').count(), 0);
  await logout(page, tab);

  await login(page, tab, server.base, server.logins.analyst);
  await tab.audit('analyst home');
  await clickAndWait(page, '#main-nav a[href="/feasibility"]');
  await tab.audit('analyst feasibility');
  await page.fill('#assume-counsellors', 'två');
  await clickAndWait(page, '#assumptions-save');
  await tab.audit('analyst feasibility with an error');
  assert.equal(await page.locator('#error-summary a[href="#assume-counsellors"]').count(), 1);
  tab.assertAllAudited();
});
