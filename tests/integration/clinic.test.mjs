// MIKA/KAST over HTTP: clinic staff log anonymous contacts of their own clinic only (coded
// values, strict validation, nothing else accepted), another clinic's pages are 404, readers
// see only suppressed aggregates, the admin assigns staff, and the feasibility page.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createUser, loggedIn, postAs, startServer, Client } from './harness.mjs';
import { hasId, idsWithPrefix, tableRows, textById } from './html.mjs';
import { catalog } from './respondent.mjs';

const SV = catalog('sv');
const PASSWORD = 'clinic-test-password-1';
let server;
let staff;
let admin;
let reader;
let analyst;
let clinic;

const CONTACT = {
  date: '2026-03-02', channel: 'chat', visit: 'returning', gender: 'man', age_band: '25_34',
  kind: 'buyer', found_via: 'campaign', referral: 'health_care',
};

before(async () => {
  server = await startServer();
  staff = await loggedIn(server, 'clinic_staff');
  admin = await loggedIn(server, 'admin');
  reader = await loggedIn(server, 'reader');
  analyst = await loggedIn(server, 'analyst');
  const r = await staff.get('/clinic');
  assert.equal(r.status, 303);
  clinic = Number(r.location.match(/^\/clinics\/(\d+)$/)[1]);
});
after(async () => { if (server) await server.stop(); });

async function contactRows(year = 2026) {
  return idsWithPrefix((await staff.get(`/clinics/${clinic}?year=${year}`)).text, 'contact-row-');
}

async function monthTotal(year = 2026) {
  return textById((await staff.get(`/clinics/${clinic}?year=${year}`)).text, 'months-total');
}

describe('the anonymous contact log', () => {
  test('clinic staff log a contact; it is counted in its month', async () => {
    const before = Number(await monthTotal());
    const r = await postAs(staff, `/clinics/${clinic}/contacts`, CONTACT);
    assert.equal(r.status, 303);
    assert.equal(r.location, `/clinics/${clinic}?saved=1`);
    assert.equal(Number(await monthTotal()), before + 1);
    const html = (await staff.get(`/clinics/${clinic}?year=2026`)).text;
    const march = tableRows(html, 'months-table').find((row) => row[0] === '2026-03');
    assert.ok(Number(march[1]) >= 1);
  });

  test('every field is required and coded; a wrong value is refused by name', async () => {
    const before = await monthTotal();
    for (const field of Object.keys(CONTACT)) {
      for (const bad of ['', 'okänt-värde']) {
        const r = await postAs(staff, `/clinics/${clinic}/contacts`, { ...CONTACT, [field]: bad });
        assert.equal(r.status, 422, `${field}=${bad}`);
        assert.ok(r.text.includes(`href="#contact-${field}"`), `${field}: link`);
        assert.ok(r.text.includes(SV[`clinic.contact.error.${field}`]), `${field}: message`);
      }
    }
    const future = await postAs(staff, `/clinics/${clinic}/contacts`, {
      ...CONTACT, date: '2099-01-01',
    });
    assert.equal(future.status, 422);
    assert.equal(await monthTotal(), before, 'nothing saved');
  });

  test('a name, an identity number or a note cannot be posted with a contact', async () => {
    const before = await monthTotal();
    for (const extra of [{ name: 'Anna Andersson' }, { personnummer: '19800101-1234' },
      { note: 'ringde från 070-1234567' }, { phone: '0701234567' }]) {
      const r = await postAs(staff, `/clinics/${clinic}/contacts`, { ...CONTACT, ...extra });
      assert.equal(r.status, 422, JSON.stringify(extra));
      assert.ok(r.text.includes(SV['clinic.contact.error.general']));
      for (const value of Object.values(extra)) assert.ok(!r.text.includes(value), 'not echoed');
    }
    assert.equal(await monthTotal(), before);
  });

  test('staff see their rows; each view is audit-logged; a row can be deleted', async () => {
    const rows = await contactRows();
    assert.ok(rows.length >= 1);
    const audit = (await admin.get('/admin/audit?action=contact_rows_view')).text;
    assert.ok(tableRows(audit, 'audit-table').length >= 2);
    const id = Math.max(...rows);
    assert.equal((await postAs(staff, `/clinics/${clinic}/contacts/${id}/delete`)).status, 303);
    assert.ok(!(await contactRows()).includes(id));
    assert.equal((await postAs(staff, `/clinics/${clinic}/contacts/${id}/delete`)).status, 404);
  });

  test("another clinic's log, contacts and rows are 404 for clinic staff", async () => {
    const r = await postAs(admin, '/admin/clinics', { name: 'MIKA Annanstad', kind: 'mika',
      city: 'Annanstad' });
    assert.equal(r.status, 303);
    const other = Math.max(...idsWithPrefix((await admin.get('/admin/clinics')).text,
      'clinic-row-'));
    assert.notEqual(other, clinic);
    // Staff of the other clinic log a contact there.
    const otherStaffId = await createUser(admin, 'mika.staff', 'clinic_staff', PASSWORD);
    assert.equal((await postAs(admin, '/admin/clinics/staff', {
      user: String(otherStaffId), clinic: String(other),
    })).status, 303);
    const otherStaff = new Client(server.base);
    await otherStaff.mustLogin('mika.staff', PASSWORD);
    assert.equal((await otherStaff.get('/clinic')).location, `/clinics/${other}`);
    assert.equal((await postAs(otherStaff, `/clinics/${other}/contacts`, CONTACT)).status, 303);
    const theirRow = Math.max(...idsWithPrefix(
      (await otherStaff.get(`/clinics/${other}?year=2026`)).text, 'contact-row-'));

    assert.equal((await staff.get(`/clinics/${other}`)).status, 404);
    assert.equal((await postAs(staff, `/clinics/${other}/contacts`, CONTACT)).status, 404);
    assert.equal((await postAs(staff, `/clinics/${other}/contacts/${theirRow}/delete`)).status,
      404);
    assert.equal((await postAs(staff, `/clinics/${clinic}/contacts/${theirRow}/delete`)).status,
      404, "another clinic's row through one's own clinic");
    assert.ok(idsWithPrefix((await otherStaff.get(`/clinics/${other}?year=2026`)).text,
      'contact-row-').includes(theirRow), 'their row is still there');
    assert.equal((await staff.get('/clinics/999999')).status, 404);
  });

  test('a clinic_staff user without a clinic is told so; admin input is validated', async () => {
    await createUser(admin, 'no.clinic', 'clinic_staff', PASSWORD);
    const lonely = new Client(server.base);
    await lonely.mustLogin('no.clinic', PASSWORD);
    const r = await lonely.get('/clinic');
    assert.equal(r.status, 200);
    assert.ok(r.text.includes(SV['clinic.none']));
    let bad = await postAs(admin, '/admin/clinics', { name: '', kind: 'kast', city: '' });
    assert.equal(bad.status, 422);
    bad = await postAs(admin, '/admin/clinics', { name: 'X', kind: 'both', city: '' });
    assert.equal(bad.status, 422);
    bad = await postAs(admin, '/admin/clinics', { name: 'MIKA Annanstad', kind: 'mika', city: '' });
    assert.equal(bad.status, 409);
    const readerId = await createUser(admin, 'not.staff', 'reader', PASSWORD);
    bad = await postAs(admin, '/admin/clinics/staff', { user: String(readerId),
      clinic: String(clinic) });
    assert.equal(bad.status, 422);
    assert.ok(bad.text.includes(SV['clinic.staff.error.user']));
  });
});

describe('what readers see', () => {
  test('the contact statistics are aggregates with every count under 5 hidden', async () => {
    const r = await reader.get('/clinics/statistics?year=2026');
    assert.equal(r.status, 200);
    assert.ok(hasId(r.text, 'suppression-note'));
    const tables = ['reader-months-table', 'field-channel', 'field-visit', 'field-gender',
      'field-age_band', 'field-kind', 'field-found_via', 'field-referral'];
    for (const id of tables) {
      const rows = tableRows(r.text, id);
      assert.ok(rows.length > 2, id);
      for (const row of rows.slice(1)) {
        assert.ok(!/^[1-4]$/.test(row[1]), `${id}: ${row.join(' | ')}`);
      }
    }
    assert.ok(!r.text.includes('contact-row-'), 'no single contacts');
    assert.equal((await reader.get(`/clinics/${clinic}`)).status, 403);
    assert.equal((await reader.get('/clinics/statistics?year=20x6')).status, 400);
  });

  test('the start page shows readers the tiles, suppressed', async () => {
    const html = (await reader.get('/')).text;
    assert.ok(hasId(html, 'followup-tiles'));
    for (const row of tableRows(html, 'tile-contacts-table').slice(1)) {
      assert.ok(!/^[1-4]$/.test(row[1]), row.join(' | '));
    }
    assert.ok(Number(textById(html, 'tile-activities')) >= 1);
    assert.ok(!hasId((await analyst.get('/')).text, 'followup-tiles'));
  });
});

describe('the feasibility page', () => {
  test('readers see the cited figures and the projection but no forms', async () => {
    const html = (await reader.get('/feasibility')).text;
    const refs = tableRows(html, 'references-table');
    assert.ok(refs.some((row) => row[0] === 'KAST Göteborg' && row[2] === '2017'
      && row[3] === '115'));
    assert.ok(refs.some((row) => row[0] === 'KAST Stockholm' && row[3] === '2'));
    assert.ok(refs.slice(1).every((row) => row[5].length > 0), 'every figure has a source');
    // The demo's closed round has persons matched across sectors: an estimate with its interval.
    const [, estimate, low, high] = textById(html, 'mapping-estimate')
      .match(/^(\d+) \(95 % intervall (\d+)–(\d+)\)$/);
    assert.ok(Number(low) <= Number(estimate) && Number(estimate) <= Number(high));
    assert.ok(hasId(html, 'estimate-summary'));
    assert.ok(hasId(html, 'projection-table'));
    assert.ok(!hasId(html, 'assumptions-form'));
    assert.ok(!hasId(html, 'reference-form'));
    assert.match(textById(html, 'mapping-persons'), /^(<\d+|\d+)–(<\d+|\d+)$/);
  });

  test('the analyst saves assumptions and sees the cost per client; bad input is 422',
    async () => {
      let r = await postAs(analyst, '/feasibility/assumptions', {
        counsellors: '2,5', cost_per_fte: '720 000', other_costs: '150000',
        expected_clients: '60',
      });
      assert.equal(r.status, 303);
      const html = (await analyst.get('/feasibility')).text;
      assert.equal(textById(html, 'p-total'), '1 950 000');
      assert.equal(textById(html, 'p-per-client'), '32 500');
      r = await postAs(analyst, '/feasibility/assumptions', {
        counsellors: 'två', cost_per_fte: '1', other_costs: '', expected_clients: '1',
      });
      assert.equal(r.status, 422);
      assert.ok(r.text.includes('href="#assume-counsellors"'));
      assert.equal(textById((await analyst.get('/feasibility')).text, 'p-total'), '1 950 000');
      r = await postAs(analyst, '/feasibility/references', {
        clinic: 'MIKA Malmö', city: 'Malmö', year: '2020', value: '40', measure: 'klienter',
        source: '',
      });
      assert.equal(r.status, 422);
      assert.ok(r.text.includes(SV['clinic.feasibility.reference.error.source']));
    });
});
