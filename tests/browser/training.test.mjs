// The training register in a real browser (Debian's Chromium) with an axe-core WCAG 2.1 AA
// check on every page: the demo training coordinator imports a learning-platform export
// (mapping, preview, confirm) and sees coverage rise, visits every page of the register,
// meets the specific errors of a form and of a bad file; a reader sees the coverage tile.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { DATA } from '../integration/training_support.mjs';
import { clickAndWait, login, withServerAndBrowser } from './browser.mjs';

let server;
let page;
let tab;
withServerAndBrowser({ setup: (up) => ({ server, page, tab } = up) });

async function coveredCount() {
  const text = await page.locator('#coverage-overall').innerText();
  return Number(text.match(/^(\d+) av/)[1]);
}

describe('the training register in the browser', () => {
  test('the training coordinator imports completions and sees coverage rise', async () => {
    await page.goto(`${server.base}/login`);
    await tab.audit('login page');
    await login(page, tab, server.base, server.logins.training_coordinator);
    await tab.audit('training coordinator home');
    await clickAndWait(page, '#home-training');
    await tab.audit('coverage');
    const before = await coveredCount();
    await clickAndWait(page, '#training-nav a[href="/training/import"]');
    await tab.audit('import form');
    await page.setInputFiles('#import-file', `${DATA}/completions_windows1252.csv`);
    await clickAndWait(page, '#import-upload');
    await tab.audit('import preview');
    assert.match(await page.locator('#import-encoding').innerText(), /Windows-1252/);
    assert.equal(await page.locator('#map-email').inputValue(), '2');
    assert.match(await page.locator('#import-ready').innerText(), /Alla 6 rader/);
    await clickAndWait(page, '#import-confirm');
    await tab.audit('coverage after the import');
    assert.match(await page.locator('#training-notice').innerText(), /6 genomförda utbildningar/);
    assert.equal(await coveredCount(), before + 6);
  });

  test('a bad file and a bad form show specific errors that are accessible', async () => {
    await page.goto(`${server.base}/training/import`);
    await tab.audit('import form again');
    await page.setInputFiles('#import-file', `${DATA}/bad_not_text.csv`);
    await clickAndWait(page, '#import-upload');
    await tab.audit('import form with a file error');
    assert.match(await page.locator('#error-summary').innerText(), /rad 3/);
    await page.setInputFiles('#import-file', `${DATA}/bad_dates.csv`);
    await clickAndWait(page, '#import-upload');
    await tab.audit('preview with row problems');
    assert.match(await page.locator('#import-errors').innerText(), /Rad 4: felaktigt datum/);
    await clickAndWait(page, '#import-discard');
    await tab.audit('import form after discarding');
    await clickAndWait(page, '#training-nav a[href="/training/employees"]');
    await tab.audit('employees');
    await page.fill('#employee-name', 'Ny Demoperson');
    await page.fill('#employee-email', 'ny-demoperson');
    await clickAndWait(page, '#employee-create');
    await tab.audit('employees with a form error');
    assert.match(await page.locator('#employee-email-error').innerText(), /namn@kommun\.se/);
    await page.fill('#employee-email', 'ny.demoperson@demo.synlig.invalid');
    await clickAndWait(page, '#employee-create');
    await tab.audit('employees after adding one');
    await clickAndWait(page, '#employees-table a >> nth=0');
    await tab.audit('one employee');
  });

  test('every other page of the register passes axe', async () => {
    for (const [path, label] of [
      ['/training/completions', 'completions'],
      ['/training/courses', 'courses'],
      ['/training/organisation', 'organisation'],
      ['/training/reminders?audience=managers&unit=&lang=sv&note=', 'reminders preview'],
      ['/training/reminders', 'reminders'],
    ]) {
      await page.goto(`${server.base}${path}`);
      await tab.audit(label);
    }
    await clickAndWait(page, '#training-nav a[href="/training/courses"]');
    await tab.audit('courses again');
    await clickAndWait(page, '#courses-table a[id^="course-link-"] >> nth=0');
    await tab.audit('one course');
    await page.goto(`${server.base}/training`);
    await tab.audit('coverage again');
    await clickAndWait(page, '#coverage-units a >> nth=0');
    await tab.audit('a unit\'s missing list');
    await page.goto(`${server.base}/training?date=igår`);
    await tab.audit('coverage with a bad date');
    await clickAndWait(page, '#logout-button');
    await tab.audit('login after logout');
  });

  test('a reader sees the coverage tile, aggregates only', async () => {
    await login(page, tab, server.base, server.logins.reader);
    await tab.audit('reader home with the training tile');
    const tile = await page.locator('#tile-training').innerText();
    assert.match(tile, /Utbildade i målgruppen/);
    assert.doesNotMatch(tile, /@/);
    tab.assertAllAudited();
  });
});
