// The whole mapping round over HTTP: the analyst creates, opens and links a round, a respondent
// saves, resumes and submits two persons (one under 18), the analyst sees the counts, exports
// CSV and closes the round, and once the report is published a reader sees it suppressed.
// Then: rejected requests leave nothing half-saved.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { Client, csrfOf, loggedIn, startServer } from './harness.mjs';
import {
  attr, checkedInputs, hasId, idsWithPrefix, tableRows, tagById, textById,
} from './html.mjs';
import { PERSONS, catalog, formAsRendered, respondentPost } from './respondent.mjs';
import { publishReport } from './report_workflow.mjs';

const SV = catalog('sv');
let server;
let analyst;

before(async () => {
  server = await startServer();
  analyst = await loggedIn(server, 'analyst');
});
after(async () => { if (server) await server.stop(); });

async function unitIds() {
  return idsWithPrefix((await analyst.get('/rounds/new')).text, 'round-unit-');
}

async function roundCount() {
  return idsWithPrefix((await analyst.get('/rounds')).text, 'round-link-').length;
}

async function postAs(client, path, form = {}) {
  return client.post(path, { form: { ...form, csrf: await client.sessionCsrf() } });
}

// Creates and opens a round over two units and makes a link per unit; returns { id, tokens }.
async function openRoundWithLinks(name) {
  const units = (await unitIds()).slice(0, 2);
  const created = await postAs(analyst, '/rounds', {
    name, from: '2025-01-01', to: '2025-12-31', units: units.map(String), k: '5',
    questionnaire: 'standard:1',
  });
  assert.equal(created.status, 303);
  const id = Number(created.location.split('/').pop());
  assert.equal((await postAs(analyst, `/rounds/${id}/open`)).status, 303);
  const links = await postAs(analyst, `/rounds/${id}/links`, { unit: 'all' });
  assert.equal(links.status, 200);
  const tokens = [...links.text.matchAll(/name="token" value="([^"]+)"/g)].map((m) => m[1]);
  return { id, units, tokens, linksPage: links.text };
}

describe('a mapping round end to end', () => {
  const round = {};
  const respondent = new Client('');  // base set in the first test
  let savedChecked;

  test('the analyst creates a round with two units; it starts as a draft', async () => {
    respondent.base = server.base;
    const units = (await unitIds()).slice(0, 2);
    assert.equal(units.length, 2);
    const before = await roundCount();
    const r = await postAs(analyst, '/rounds', {
      name: 'Kartläggning HTTP-test', from: '2025-01-01', to: '2025-12-31',
      units: units.map(String), k: '5', questionnaire: 'standard:1',
    });
    assert.equal(r.status, 303);
    assert.match(r.location, /^\/rounds\/\d+$/);
    round.id = Number(r.location.split('/').pop());
    round.units = units;
    assert.equal(await roundCount(), before + 1);
    const dash = await analyst.get(r.location);
    assert.equal(dash.status, 200);
    assert.equal(textById(dash.text, 'page-heading'), 'Kartläggning HTTP-test');
    assert.equal(textById(dash.text, 'round-state'), SV['round.state.draft']);
    assert.equal(textById(dash.text, 'round-k'), '5');
    assert.ok(hasId(dash.text, 'round-open'));
  });

  test('the analyst opens it', async () => {
    const r = await postAs(analyst, `/rounds/${round.id}/open`);
    assert.equal(r.status, 303);
    assert.equal(r.location, `/rounds/${round.id}`);
    const dash = await analyst.get(r.location);
    assert.equal(textById(dash.text, 'round-state'), SV['round.state.open']);
    assert.ok(hasId(dash.text, 'round-close'));
    assert.equal((await postAs(analyst, `/rounds/${round.id}/open`)).status, 409, 'open twice');
  });

  test('the analyst generates a link per unit, shown once', async () => {
    const r = await postAs(analyst, `/rounds/${round.id}/links`, { unit: 'all' });
    assert.equal(r.status, 200);
    assert.ok(hasId(r.text, 'links-once-warning'));
    round.tokens = [...r.text.matchAll(/name="token" value="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(round.tokens.length, 2);
    assert.notEqual(round.tokens[0], round.tokens[1]);
    const shown = [...r.text.matchAll(/<code class="link-text">([^<]+)<\/code>/g)].map((m) => m[1]);
    assert.deepEqual(shown, round.tokens.map((t) => `${server.base}/r/${t}`));
    const dash = await analyst.get(`/rounds/${round.id}`);
    for (const t of round.tokens) assert.ok(!dash.text.includes(t), 'no token on the dashboard');
    const rows = tableRows(dash.text, 'status-by-unit');
    assert.deepEqual(rows.at(-1).slice(2, 5), ['2', '0', '0'], 'total: 2 links, none started');
    round.otherCsrf = csrfOf((await respondent.get(`/r/${round.tokens[1]}`)).text);
    assert.ok(round.otherCsrf, 'the second link opens the questionnaire');
    const csv = await postAs(analyst, `/rounds/${round.id}/links.csv`, { token: round.tokens });
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type'), /^text\/csv/);
    for (const t of round.tokens) assert.ok(csv.text.includes(`/r/${t}`));
  });

  test('a respondent adds two persons (one under 18) with matching keys and saves', async () => {
    const path = `/r/${round.tokens[0]}`;
    const form = await respondent.get(path);
    assert.equal(form.status, 200);
    assert.equal(textById(form.text, 'fact-round'), 'Kartläggning HTTP-test');
    round.csrf = csrfOf(form.text);
    assert.ok(round.csrf);
    // "Add person" twice, as the buttons do, then fill both and save.
    let r = await respondent.post(path, { form: [['csrf', round.csrf], ['met_anyone', 'yes'],
      ['entries', '0'], ['action', 'add']] });
    assert.equal(r.status, 200);
    assert.ok(hasId(r.text, 'entry-0'));
    r = await respondent.post(path, { form: formAsRendered(r.text, 'add') });
    assert.equal(r.status, 200);
    assert.ok(hasId(r.text, 'entry-1'));
    r = await respondent.post(path, {
      form: respondentPost(round.csrf, PERSONS, { srcs: [0, 1] }),
    });
    assert.equal(r.status, 200, textById(r.text, 'error-summary') ?? '');
    assert.ok(hasId(r.text, 'saved-notice'));
    assert.ok(hasId(r.text, 'e0-mk-saved') && hasId(r.text, 'e1-mk-saved'));
    savedChecked = checkedInputs(r.text);
    assert.ok(savedChecked.includes('e0.age_band=15_17'));
    assert.ok(savedChecked.includes('e1.gender=man'));
  });

  test('resuming shows the saved draft, not the raw matching-key input', async () => {
    const again = new Client(server.base);  // another browser: no cookies needed
    const r = await again.get(`/r/${round.tokens[0]}`);
    assert.equal(r.status, 200);
    assert.deepEqual(checkedInputs(r.text), savedChecked);
    assert.ok(hasId(r.text, 'e0-mk-saved') && hasId(r.text, 'e1-mk-saved'));
    for (const i of [0, 1]) {
      for (const part of ['year', 'first', 'last']) {
        const tag = tagById(r.text, `e${i}-mk-${part}`);
        assert.ok(tag, `e${i}-mk-${part} is rendered`);
        assert.ok(!attr(tag.open, 'value'), `e${i}-mk-${part} is empty`);
      }
    }
    assert.ok(!r.text.includes('2009') && !r.text.includes('1995'), 'no birth year in the page');
    round.resumed = r.text;
  });

  test('the respondent submits; a second submit changes nothing', async () => {
    const path = `/r/${round.tokens[0]}`;
    const r = await respondent.post(path, { form: formAsRendered(round.resumed, 'submit') });
    assert.equal(r.status, 200, textById(r.text, 'error-summary') ?? '');
    assert.equal(textById(r.text, 'page-heading'), SV['respondent.done_heading']);
    const before = textById((await analyst.get(`/rounds/${round.id}`)).text, 'persons-entries');
    assert.equal(before, '2');
    const twice = await respondent.post(path, { form: formAsRendered(round.resumed, 'submit') });
    assert.equal(twice.status, 409);
    assert.equal(textById(twice.text, 'page-heading'), SV['respondent.submitted_heading']);
    const get = await respondent.get(path);
    assert.equal(get.status, 200);
    assert.equal(textById(get.text, 'page-heading'), SV['respondent.submitted_heading']);
    const afterwards = textById((await analyst.get(`/rounds/${round.id}`)).text, 'persons-entries');
    assert.equal(afterwards, '2', 'no entry added by the second submit');
  });

  test('the dashboard shows the response status and the persons range', async () => {
    const dash = await analyst.get(`/rounds/${round.id}`);
    assert.equal(dash.status, 200);
    const rows = tableRows(dash.text, 'status-by-unit');
    const body = rows.slice(1, -1);
    assert.equal(body.length, 2, 'one row per unit');
    const submittedPerUnit = body.map((row) => row[4]).sort();
    assert.deepEqual(submittedPerUnit, ['0', '1']);
    assert.deepEqual(rows.at(-1).slice(2, 6), ['2', '1', '1', '50 %']);
    assert.equal(textById(dash.text, 'persons-unique'), '2');
    assert.equal(textById(dash.text, 'persons-entries'), '2');
    for (const t of ['form_gender', 'form_age', 'arena_form', 'location_form']) {
      assert.ok(hasId(dash.text, `table-${t}`), `table ${t}`);
    }
    // The analyst sees exact counts (no suppression on the dashboard).
    assert.ok(!textById(dash.text, 'table-form_age').includes('<'), 'no <k on the dashboard');
  });

  test('the analyst exports the tables as CSV (sv and en)', async () => {
    for (const lang of ['sv', 'en']) {
      const r = await analyst.get(`/rounds/${round.id}/tables.csv?lang=${lang}`);
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type'), /^text\/csv/);
      assert.match(r.headers.get('content-disposition'),
        /^attachment; filename="round-\d+-tables\.csv"$/);
      assert.ok(r.text.split('\n').length > 5, 'several lines');
      assert.ok(!r.text.includes('<5'), 'the analyst export is not suppressed');
    }
  });

  test('the analyst closes the round; links stop accepting answers', async () => {
    const r = await postAs(analyst, `/rounds/${round.id}/close`);
    assert.equal(r.status, 303);
    const dash = await analyst.get(`/rounds/${round.id}`);
    assert.equal(textById(dash.text, 'round-state'), SV['round.state.closed']);
    assert.equal((await postAs(analyst, `/rounds/${round.id}/close`)).status, 409, 'close twice');
    const other = `/r/${round.tokens[1]}`;
    const get = await respondent.get(other);
    assert.equal(get.status, 409);
    assert.equal(textById(get.text, 'page-heading'), SV['respondent.not_open_title']);
    const post = await respondent.post(other, {
      form: respondentPost(round.otherCsrf, [], { metAnyone: 'no', action: 'submit' }),
    });
    assert.equal(post.status, 409, 'a valid post to a closed round');
    assert.equal(textById(post.text, 'page-heading'), SV['respondent.not_open_title']);
  });

  test('a reader sees the round only once its report is published, small cells suppressed',
    async () => {
      const reader = await loggedIn(server, 'reader');
      assert.equal((await reader.get(`/reports/${round.id}`)).status, 404, 'not published yet');
      await publishReport(server, round.id);
      const list = await reader.get('/reports');
      assert.equal(list.status, 200);
      assert.ok(idsWithPrefix(list.text, 'report-link-').includes(round.id));
      const rep = await reader.get(`/reports/${round.id}`);
      assert.equal(rep.status, 200);
      assert.ok(!hasId(rep.text, 'status-by-unit'), 'no unit-level status for a reader');
      assert.ok(hasId(rep.text, 'suppression-note'));
      // The stored report is the council report library's (place × form is form × place).
      for (const t of ['form_gender', 'form_age', 'arena_form', 'form_location']) {
        const rows = tableRows(rep.text, `report-table-${t}`);
        assert.ok(rows, `table ${t}`);
        for (const row of rows.slice(1)) {
          for (const cell of row.slice(1)) {
            assert.ok(!/^[1-4]$/.test(cell), `${t}: a cell "${cell}" is shown unsuppressed`);
          }
        }
      }
      const csv = await reader.get(`/reports/${round.id}/tables.csv`);
      assert.equal(csv.status, 200);
      assert.ok(!/(^|,)[1-4](,|\r?$)/m.test(csv.text), 'no count under 5 in the reader CSV');
      // A round that is not closed has no report.
      const open = await openRoundWithLinks('Öppen runda');
      assert.equal((await reader.get(`/reports/${open.id}`)).status, 404);
    });
});

describe('nothing is half-saved by a rejected request', () => {
  let link;
  let csrf;
  const respondent = new Client('');
  const ONE = [PERSONS[0]];

  async function saved() {
    const r = await respondent.get(link);
    assert.equal(r.status, 200);
    return { checked: checkedInputs(r.text), key: hasId(r.text, 'e0-mk-saved'), html: r.text };
  }

  before(async () => {
    respondent.base = server.base;
    const round = await openRoundWithLinks('Avvisade förfrågningar');
    link = `/r/${round.tokens[0]}`;
    csrf = csrfOf((await respondent.get(link)).text);
    const r = await respondent.post(link, { form: respondentPost(csrf, ONE, { srcs: [0] }) });
    assert.equal(r.status, 200);
  });

  test('an invalid matching key is rejected with a message and the saved key is kept', async () => {
    const draft = await saved();
    assert.ok(draft.key);
    for (const [field, value, id] of [['mk_year', '20x9', 'e0-mk-year'],
      ['mk_first', '7', 'e0-mk-first'], ['mk_last', 'ab', 'e0-mk-last']]) {
      const bad = { ...PERSONS[0], key: { ...PERSONS[0].key, [field.slice(3)]: value } };
      for (const action of ['save', 'submit']) {
        const form = respondentPost(csrf, [bad], { srcs: [0], action });
        const r = await respondent.post(link, { form });
        assert.equal(r.status, 422, `${field}=${value} (${action})`);
        assert.ok(hasId(r.text, 'error-summary'));
        assert.ok(r.text.includes(`href="#${id}"`), `the summary links to #${id}`);
        const now = await saved();
        assert.deepEqual(now.checked, draft.checked, 'answers unchanged');
        assert.ok(now.key, 'the saved matching key is kept');
        assert.ok(!now.html.includes(`value="${value}"`), 'the rejected input is not shown back');
        assert.ok(!r.text.includes(`value="${value}"`), 'not even in the 422 page');
      }
    }
  });

  test('an unknown option code is rejected and the saved draft is unchanged', async () => {
    const draft = await saved();
    for (const [name, value] of [['e0.gender', 'bogus'], ['e0.age_band', '18_plus'],
      ['e0.forms', 'sells_x'], ['met_anyone', 'maybe']]) {
      const fields = respondentPost(csrf, ONE, { srcs: [0], withKey: false })
        .filter(([n]) => n !== name);
      fields.splice(3, 0, [name, value]);
      const r = await respondent.post(link, { form: fields });
      assert.ok(r.status === 400 || r.status === 422, `${name}=${value}: status ${r.status}`);
      const now = await saved();
      assert.deepEqual(now.checked, draft.checked, `${name}=${value}: the saved answers changed`);
      assert.ok(now.key, `${name}=${value}: the saved matching key was dropped`);
    }
  });

  test('a respondent with many persons can save and submit them (a form over 8 KiB)', async () => {
    const round = await openRoundWithLinks('Många personer');
    const path = `/r/${round.tokens[0]}`;
    const c = new Client(server.base);
    const token = csrfOf((await c.get(path)).text);
    const many = Array.from({ length: 40 }, (_, i) => ({
      ...PERSONS[i % 2],
      support_offered: ['counselling', 'health_care'], referrals: ['social_services', 'ngo'],
      citizenship_region: 'sweden', contact_origin: 'own_casework',
      key: {
        year: PERSONS[i % 2].key.year, first: 'ABCDEFGHIJ'[i % 10], last: 'KLMNOPQRST'[i % 7],
      },
    }));
    const form = respondentPost(token, many, { srcs: many.map((_, i) => i) });
    const r = await c.post(path, { form });
    assert.equal(r.status, 200, `save of ${many.length} persons`);
    assert.ok(hasId(r.text, 'entry-39'));
    const submitted = await c.post(path, { form: formAsRendered(r.text, 'submit') });
    assert.equal(submitted.status, 200);
    assert.equal(textById(submitted.text, 'page-heading'), SV['respondent.done_heading']);
    const dash = await analyst.get(`/rounds/${round.id}`);
    assert.equal(textById(dash.text, 'persons-entries'), '40');
  });

  test('a respondent POST without or with a wrong CSRF token is 403, saves nothing', async () => {
    const draft = await saved();
    const other = [{ ...PERSONS[1] }];
    const noCsrf = respondentPost(csrf, other, { srcs: [0] }).filter(([n]) => n !== 'csrf');
    assert.equal((await respondent.post(link, { form: noCsrf })).status, 403);
    const wrong = respondentPost(`${csrf.slice(0, -2)}xx`, other, { srcs: [0] });
    assert.equal((await respondent.post(link, { form: wrong })).status, 403);
    const now = await saved();
    assert.deepEqual(now.checked, draft.checked);
  });

  test('a round with a bad date or no unit creates nothing', async () => {
    const before = await roundCount();
    const units = (await unitIds()).slice(0, 1).map(String);
    for (const [from, to, u, field] of [['2025-02-30', '2025-12-31', units, 'from'],
      ['2025-01-01', '31/12/2025', units, 'to'], ['2025-12-31', '2025-01-01', units, 'to'],
      ['2025-01-01', '2025-12-31', [], 'units']]) {
      const r = await postAs(analyst, '/rounds', {
        name: 'Ska inte skapas', from, to, units: u, k: '5', questionnaire: 'standard:1',
      });
      assert.equal(r.status, 422, `${from}..${to}`);
      assert.ok(hasId(r.text, 'error-summary'));
      assert.ok(r.text.includes(`href="#round-${field}"`), `${from}..${to}: error on ${field}`);
      assert.equal(attr(tagById(r.text, 'round-name').open, 'value'), 'Ska inte skapas',
        'the form keeps what was typed');
    }
    assert.equal(await roundCount(), before);
    assert.ok(!(await analyst.get('/rounds')).text.includes('Ska inte skapas'));
  });
});
