// The training register over HTTP on the demo municipality: every form (valid and invalid
// input, specific Swedish messages, nothing half-saved), the import of learning-platform
// exports including malformed files (wrong encoding, missing columns, duplicate rows, Swedish
// dates), coverage, and the reader's tile. Reminders over SMTP: training_reminders.test.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loggedIn, postAs, startServer } from './harness.mjs';
import { textById } from './html.mjs';
import { fixture, importId, upload } from './training_support.mjs';

let server;
let tc;  // the demo training coordinator

before(async () => {
  server = await startServer();
  tc = await loggedIn(server, 'training_coordinator');
});
after(async () => { if (server) await server.stop(); });

function overall(html) { return textById(html, 'coverage-overall'); }
function covered(html) { return Number(overall(html).match(/^(\d+) av (\d+)/)[1]); }
function firstId(html, prefix) {
  const m = html.match(new RegExp(`id="${prefix}(\\d+)"`));
  return m ? Number(m[1]) : null;
}
async function ids() {
  const org = (await tc.get('/training/organisation')).text;
  return {
    department: firstId(org, 'department-row-'),
    unit: firstId(org, 'unit-row-'),
    role: firstId(org, 'role-row-'),
  };
}

describe('organisation', () => {
  test('departments, units and roles are added and edited; duplicates, bad input refused',
    async () => {
    let r = await postAs(tc, '/training/departments', {
      name: 'Miljöförvaltningen', kind: 'department',
    });
    assert.equal(r.status, 303);
    r = await postAs(tc, '/training/departments', {
      name: 'Miljöförvaltningen', kind: 'company',
    });
    assert.equal(r.status, 409);
    assert.match(r.text, /Det namnet finns redan/);
    r = await postAs(tc, '/training/departments', { name: '  ', kind: 'department' });
    assert.equal(r.status, 422);
    assert.match(textById(r.text, 'error-summary'), /Skriv ett namn/);
    r = await postAs(tc, '/training/departments', { name: 'X', kind: 'bolag' });
    assert.equal(r.status, 422);
    assert.match(r.text, /Välj förvaltning eller kommunalt bolag/);
    const { department, unit } = await ids();
    r = await postAs(tc, '/training/units', {
      name: 'Miljötillsyn', department: String(department), manager_email: 'inte-en-adress',
      active: '1',
    });
    assert.equal(r.status, 422);
    assert.match(r.text, /Chefens e-postadress har fel form/);
    r = await postAs(tc, '/training/units', {
      name: 'Miljötillsyn', department: '999999', manager_email: '', active: '1',
    });
    assert.equal(r.status, 422);
    r = await postAs(tc, '/training/units', {
      name: 'Miljötillsyn', department: String(department),
      manager_email: 'chef.miljo@demo.synlig.invalid', active: '1',
    });
    assert.equal(r.status, 303);
    r = await postAs(tc, `/training/units/${unit}`, {
      name: 'Fältgruppen', department: String(department), manager_email: '', active: '1',
    });
    assert.equal(r.status, 409, 'a unit cannot take another unit\'s name');
    r = await postAs(tc, '/training/roles', { name: 'Socialsekreterare', target_group: '1' });
    assert.equal(r.status, 409);
    r = await postAs(tc, '/training/roles', { name: 'Miljöinspektör', target_group: '1' });
    assert.equal(r.status, 303);
    const org = (await tc.get('/training/organisation')).text;
    assert.match(org, /Miljötillsyn/);
    assert.match(org, /Miljöinspektör/);
    assert.equal((await postAs(tc, '/training/roles/999999', {
      name: 'Z', target_group: '',
    })).status, 404);
  });
});

describe('employees', () => {
  test('an employee is added, edited, deactivated and activated; reads are logged', async () => {
    const { unit, role } = await ids();
    let r = await postAs(tc, '/training/employees', {
      name: 'Testa Nyanställd', email: 'Testa.Nyanstalld@Demo.Synlig.Invalid', unit: String(unit),
      role: String(role),
    });
    assert.equal(r.status, 303);
    r = await postAs(tc, '/training/employees', {
      name: 'Annan', email: 'testa.nyanstalld@demo.synlig.invalid', unit: String(unit),
      role: String(role),
    });
    assert.equal(r.status, 409);
    assert.match(r.text, /En anställd med den e-postadressen finns redan/);
    r = await postAs(tc, '/training/employees', {
      name: 'Utan Adress', email: 'utan-adress', unit: String(unit), role: String(role),
    });
    assert.equal(r.status, 422);
    assert.match(r.text, /Skriv arbetsmejlen i formen namn@kommun.se/);
    assert.match(r.text, /value="Utan Adress"/);
    r = await postAs(tc, '/training/employees', {
      name: 'Utan Enhet', email: 'utan.enhet@demo.synlig.invalid', unit: '', role: String(role),
    });
    assert.equal(r.status, 422);
    assert.match(r.text, /Välj en enhet i listan/);
    const list = (await tc.get('/training/employees?q=nyanstalld')).text;
    const id = firstId(list, 'employee-row-');
    assert.ok(id);
    assert.match(list, /testa\.nyanstalld@demo\.synlig\.invalid/);
    r = await postAs(tc, `/training/employees/${id}`, {
      name: 'Testa Nyanställd-Berg', email: 'testa.nyanstalld@demo.synlig.invalid',
      unit: String(unit), role: String(role),
    });
    assert.equal(r.status, 303);
    r = await postAs(tc, `/training/employees/${id}`, {
      name: 'Testa', email: 'alva.exempelsson@demo.synlig.invalid', unit: String(unit),
      role: String(role),
    });
    assert.equal(r.status, 409, 'taking another employee\'s e-mail');
    assert.equal((await postAs(tc, `/training/employees/${id}/deactivate`)).status, 303);
    let page = (await tc.get(`/training/employees/${id}`)).text;
    assert.match(textById(page, 'employee-status'), /Inaktiv/);
    assert.match(textById(page, 'page-heading'), /Testa Nyanställd-Berg/);
    assert.equal((await postAs(tc, `/training/employees/${id}/activate`)).status, 303);
    page = (await tc.get(`/training/employees/${id}`)).text;
    assert.match(textById(page, 'employee-status'), /^Aktiv/);
    const admin = await loggedIn(server, 'admin');
    const audit = (await admin.get('/admin/audit?action=training_employees_view')).text;
    assert.match(audit, /training_employees_view/);
    assert.match((await admin.get('/admin/audit?action=training_employee_deactivate')).text,
      new RegExp(`training_employee:${id}`));
  });
});

describe('courses', () => {
  test('a local course is added and changed; the national courses are seeded', async () => {
    const list = (await tc.get('/training/courses')).text;
    for (const name of ['Socialstyrelsen', 'Jämställdhetsmyndigheten', 'inriktning vuxna',
      'inriktning barn och unga', 'NMT']) {
      assert.match(list, new RegExp(name), name);
    }
    let r = await postAs(tc, '/training/courses', {
      code: 'LOKAL 2', name: 'Lokal kurs', track: 'general', counts: '1', active: '1',
    });
    assert.equal(r.status, 422);
    assert.match(r.text, /Kurskoden ska ha 1–40 tecken/);
    r = await postAs(tc, '/training/courses', {
      code: 'LOKAL-2', name: 'Lokal kurs', url: 'javascript:alert(1)', track: 'general',
      counts: '1', active: '1',
    });
    assert.equal(r.status, 422);
    assert.match(r.text, /Adressen ska börja med https:\/\//);
    r = await postAs(tc, '/training/courses', {
      code: 'SOS-VUXNA', name: 'Dubblett', track: 'general',
    });
    assert.equal(r.status, 409);
    assert.match(r.text, /Den kurskoden används redan/);
    r = await postAs(tc, '/training/courses', {
      code: 'LOKAL-2', name: 'Lokal kurs', url: 'https://intranat.example/kurs', track: 'adults',
      aliases: 'Lokal kurs 2; Kurs två', local: '1', counts: '1', active: '1',
    });
    assert.equal(r.status, 303);
    const courses = (await tc.get('/training/courses')).text;
    const id = Number(courses.match(/id="course-link-(\d+)">Lokal kurs</)[1]);
    r = await postAs(tc, `/training/courses/${id}`, {
      code: 'LOKAL-2', name: 'Lokal kurs', url: '', track: 'adults', aliases: 'Kurs två',
      local: '1', counts: '', active: '1',
    });
    assert.equal(r.status, 303);
    const page = (await tc.get(`/training/courses/${id}`)).text;
    assert.doesNotMatch(page, /id="course-counts" name="counts" value="1" checked/);
  });
});

describe('completions', () => {
  test('entered by hand with Swedish dates; future, bad and repeated dates refused', async () => {
    const page = (await tc.get('/training/completions')).text;
    const employee = page.match(/<option value="(\d+)">Cecilia Testberg/)[1];
    const course = page.match(
      /<option value="(\d+)">Sex mot ersättning – webbutbildning, inriktning vuxna/)[1];
    let r = await postAs(tc, '/training/completions', { employee, course, date: '31/2 2026' });
    assert.equal(r.status, 422);
    assert.match(r.text, /Skriv datumet som 2026-03-05/);
    r = await postAs(tc, '/training/completions', { employee, course, date: '1 januari 2199' });
    assert.equal(r.status, 422);
    assert.match(r.text, /efter dagens datum/);
    r = await postAs(tc, '/training/completions', { employee, course, date: '3 februari 2025' });
    assert.equal(r.status, 303);
    r = await postAs(tc, '/training/completions', { employee, course, date: '2025-02-03' });
    assert.equal(r.status, 409);
    assert.match(r.text, /redan den kursen registrerad/);
    const list = (await tc.get('/training/completions')).text;
    const id = Number(list.match(/id="completion-row-(\d+)"><td>2025-02-03</)[1]);
    assert.equal((await postAs(tc, `/training/completions/${id}/delete`)).status, 303);
    assert.equal((await postAs(tc, `/training/completions/${id}/delete`)).status, 404);
  });
});

describe('import', () => {
  async function preview(id, query = '') {
    return tc.get(`/training/import/${id}${query}`);
  }
  const mapping = { given: '1', name: '1', email: '2', course: '3', date: '4', fixed_course: '' };

  test('malformed files are refused with the problem and line; nothing is staged', async () => {
    for (const [file, message] of [
      ['bad_not_text.csv', /varken är UTF-8 eller Windows-1252 \(rad 3\)/],
      ['bad_utf16_no_bom.csv', /inte en textfil/],
      ['bad_unclosed_quote.csv', /citattecken stängs inte.*\(rad 3\)/],
    ]) {
      const r = await upload(tc, file, fixture(file));
      assert.equal(r.status, 422, file);
      assert.match(r.text, message, file);
    }
    const empty = await upload(tc, 'tom.csv', Buffer.alloc(0));
    assert.equal(empty.status, 422);
    assert.match(empty.text, /Välj en fil att importera/);
    const headerOnly = await upload(tc, 'rubrik.csv', Buffer.from('E-post;Kurs;Datum\r\n'));
    assert.equal(headerOnly.status, 422);
    assert.match(headerOnly.text, /inga rader med data/);
  });

  test('row problems: each with its row, nothing imported even when confirmed', async () => {
    const before = covered((await tc.get('/training')).text);
    for (const [file, problems] of [
      ['bad_unknown_email.csv',
        [/Rad 3: okänd e-postadress ”anna\.saknas@demo\.synlig\.invalid”/]],
      ['bad_duplicate_rows.csv', [/Rad 4: dubblett av rad 2/]],
      ['bad_dates.csv', [/Rad 3: felaktigt datum ”31\/2 2026”/,
        /Rad 4: felaktigt datum ”5\/3 26”/, /Rad 5: felaktigt datum ”igår”/]],
      ['bad_unknown_course.csv', [/Rad 3: okänd kurs ”Brandskydd grundkurs”/]],
    ]) {
      const id = importId(await upload(tc, file, fixture(file)));
      const page = (await preview(id)).text;
      for (const p of problems) assert.match(page, p, file);
      assert.doesNotMatch(page, /id="import-confirm"/, file);
      const r = await postAs(tc, `/training/import/${id}`, mapping);
      assert.equal(r.status, 422, file);
      assert.equal((await postAs(tc, `/training/import/${id}/discard`)).status, 303);
    }
    assert.equal(covered((await tc.get('/training')).text), before, 'nothing was imported');
  });

  test('a file without a date column asks for the mapping', async () => {
    const id = importId(await upload(tc, 'x.csv', fixture('bad_missing_date_column.csv')));
    const page = (await preview(id)).text;
    assert.match(textById(page, 'import-mapping-problem'), /Filen saknar en kolumn för datum/);
    const r = await postAs(tc, `/training/import/${id}`, {
      given: '1', name: '1', email: '2', course: '3', date: '',
    });
    assert.equal(r.status, 422);
    assert.equal((await postAs(tc, `/training/import/${id}/discard`)).status, 303);
    assert.equal((await preview(id)).status, 409, 'a discarded import is gone');
  });

  test('Windows-1252, UTF-8 (BOM), UTF-16 and UTF-8 exports: same rows; coverage rises once',
    async () => {
    const start = covered((await tc.get('/training')).text);
    const first = importId(await upload(tc, 'export.csv', fixture('completions_windows1252.csv')));
    let page = (await preview(first)).text;
    assert.equal(textById(page, 'import-encoding'), 'Windows-1252 (omvandlad till UTF-8)');
    assert.equal(textById(page, 'import-separator'), 'semikolon (;)');
    assert.match(page, /Hugo Övningsson/);
    assert.match(textById(page, 'import-ready'), /Alla 6 rader kan importeras \(0 av dem/);
    const done = await postAs(tc, `/training/import/${first}`, mapping);
    assert.equal(done.status, 303);
    assert.match(done.location, /^\/training\?imported=6&skipped=0$/);
    const after = (await tc.get(done.location)).text;
    assert.equal(covered(after), start + 6);
    assert.match(textById(after, 'training-notice'), /6 genomförda utbildningar lades till/);
    const twice = await postAs(tc, `/training/import/${first}`, mapping);
    assert.equal(twice.status, 409, 'applied once');
    for (const [file, encoding, separator] of [
      ['completions_utf8_bom_comma.csv', 'UTF-8 med BOM', 'komma (,)'],
      ['completions_utf16_tab.txt', 'UTF-16 (omvandlad till UTF-8)', 'tabb'],
      ['completions_utf8.csv', 'UTF-8', 'semikolon (;)'],
    ]) {
      const id = importId(await upload(tc, file, fixture(file)));
      page = (await preview(id)).text;
      assert.equal(textById(page, 'import-encoding'), encoding, file);
      assert.equal(textById(page, 'import-separator'), separator, file);
      assert.match(textById(page, 'import-ready'),
        /Alla 6 rader kan importeras \(6 av dem finns redan/, file);
      const r = await postAs(tc, `/training/import/${id}`, mapping);
      assert.equal(r.status, 303, file);
      assert.match(r.location, /imported=0&skipped=6/, file);
    }
    assert.equal(covered((await tc.get('/training')).text), start + 6, 'no completion twice');
    const history = (await tc.get('/training/import')).text;
    assert.match(history, /Importerad/);
  });
});

describe('coverage and targets', () => {
  test('targets are set per department and overall; bad targets are refused', async () => {
    const { department } = await ids();
    let r = await postAs(tc, '/training/targets', {
      action: 'set', department: '', share_percent: '0', due: '2027-12-31', decision: '',
    });
    assert.equal(r.status, 422);
    assert.match(r.text, /mellan 1 och 100/);
    r = await postAs(tc, '/training/targets', {
      action: 'set', department: '', share_percent: '90', due: '31/12 2027',
      decision: 'KF (test) § 1',
    });
    assert.equal(r.status, 303);
    let page = (await tc.get('/training')).text;
    assert.match(textById(page, 'coverage-target'), /Mål: 90 % senast 2027-12-31/);
    r = await postAs(tc, '/training/targets', {
      action: 'set', department: String(department), share_percent: '50', due: 'i morgon',
      decision: '',
    });
    assert.equal(r.status, 422);
    assert.match(r.text, /Skriv måldatumet/);
    r = await postAs(tc, '/training/targets', { action: 'remove', department: '' });
    assert.equal(r.status, 303);
    page = (await tc.get('/training')).text;
    assert.match(textById(page, 'coverage-target'), /Inget mål är satt/);
  });

  test('a unit lists who is missing; an earlier date counts fewer', async () => {
    const page = (await tc.get('/training')).text;
    const unit = firstId(page, 'unit-link-');
    const missing = (await tc.get(`/training/units/${unit}`)).text;
    assert.ok(textById(missing, 'page-heading').includes('saknar utbildning'));
    const old = (await tc.get('/training?date=1 januari 2000')).text;
    assert.equal(covered(old), 0);
    const bad = (await tc.get('/training?date=igår')).text;
    assert.match(textById(bad, 'coverage-date-error'), /Skriv datumet/);
  });
});

describe('readers', () => {
  test('a reader sees the coverage tile with aggregates only and no /training page', async () => {
    const reader = await loggedIn(server, 'reader');
    const home = (await reader.get('/')).text;
    assert.match(home, /id="tile-training"/);
    const tile = textById(home, 'tile-training');
    assert.match(tile, /Utbildade i målgruppen per förvaltning/);
    assert.match(tile, /visas inte|av \d+/);
    assert.doesNotMatch(home, /demo\.synlig\.invalid/);
    assert.doesNotMatch(home, /Exempelsson|Påhittsson/);
    assert.equal((await reader.get('/training')).status, 403);
    assert.equal((await reader.get('/training/employees')).status, 403);
  });
});
