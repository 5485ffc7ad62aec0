// The attitude-work log over HTTP: a prevention coordinator adds a school, logs activities and
// their aggregated attitude answers; every invalid value gets its own Swedish message and saves
// nothing; coverage per term and school year; readers see answers under 5 hidden; audit log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loggedIn, postAs, startServer } from './harness.mjs';
import { hasId, idsWithPrefix, tableRows, textById } from './html.mjs';
import { catalog } from './respondent.mjs';

const SV = catalog('sv');
let server;
let coordinator;
let reader;
let admin;

before(async () => {
  server = await startServer();
  coordinator = await loggedIn(server, 'prevention_coordinator');
  reader = await loggedIn(server, 'reader');
  admin = await loggedIn(server, 'admin');
});
after(async () => { if (server) await server.stop(); });

async function activityCount() {
  const html = (await coordinator.get('/prevention?year=2021-22')).text;
  return idsWithPrefix(html, 'activity-link-').length;
}

async function schoolPlace(name) {
  const html = (await coordinator.get('/prevention/activities/new')).text;
  const re = new RegExp(`value="(school:\\d+)"[^>]*>${name}`);
  return html.match(re)[1];
}

describe('the attitude-work log', () => {
  let place;
  let activity;

  test('a school is added with its grades; a duplicate name is 409, no grades 422', async () => {
    let r = await postAs(coordinator, '/prevention/schools', {
      name: 'Provskolan 7–9', grades: ['7', '8', '9'],
    });
    assert.equal(r.status, 303);
    const rows = tableRows((await coordinator.get('/prevention/schools')).text, 'schools-table');
    assert.ok(rows.some((row) => row[0] === 'Provskolan 7–9' && row[1] === 'Åk 7, Åk 8, Åk 9'));
    r = await postAs(coordinator, '/prevention/schools', { name: 'Provskolan 7–9', grades: ['7'] });
    assert.equal(r.status, 409);
    assert.ok(r.text.includes(SV['prevention.school.error.name_taken']));
    r = await postAs(coordinator, '/prevention/schools', { name: 'Tom skola' });
    assert.equal(r.status, 422);
    assert.ok(r.text.includes(SV['prevention.school.error.grades']));
    place = await schoolPlace('Provskolan 7–9');
  });

  test('a lesson for grades 8 and 9 is logged and listed', async () => {
    const before = await activityCount();
    const r = await postAs(coordinator, '/prevention/activities', {
      date: '2021-09-18', kind: 'lesson', place, target: 'grade', grades: ['8', '9'],
      reached: '56', method: 'Värderingsövning', partner: '',
    });
    assert.equal(r.status, 303);
    activity = Number(r.location.match(/\/prevention\/activities\/(\d+)\?saved=1$/)[1]);
    const page = (await coordinator.get(`/prevention/activities/${activity}`)).text;
    assert.equal(textById(page, 'fact-reached'), '56');
    assert.equal(textById(page, 'fact-target'), 'Elever i årskurs: Åk 8, Åk 9');
    assert.equal(await activityCount(), before + 1);
  });

  test('each invalid value is refused with its own Swedish message; nothing is saved', async () => {
    const before = await activityCount();
    const valid = {
      date: '2021-09-18', kind: 'lesson', place, target: 'grade', grades: ['8'], reached: '20',
      method: '', partner: '',
    };
    const cases = [
      [{ date: '18/9 2025' }, 'date'], [{ date: '2099-01-01' }, 'date'],
      [{ kind: 'föreläsning' }, 'kind'], [{ place: 'school:999999' }, 'place'],
      [{ place: 'unit:abc' }, 'place'], [{ target: 'elever' }, 'target'],
      [{ grades: ['gy1'] }, 'grades'], [{ grades: [] }, 'grades'],
      [{ target: 'age', age_from: '15', age_to: '12' }, 'age'],
      [{ reached: '0' }, 'reached'], [{ reached: 'många' }, 'reached'],
      [{ method: 'rad ett\nrad två' }, 'method'], [{ kind: 'partnership' }, 'partner'],
    ];
    for (const [change, field] of cases) {
      const r = await postAs(coordinator, '/prevention/activities', { ...valid, ...change });
      assert.equal(r.status, 422, `${JSON.stringify(change)}`);
      assert.ok(hasId(r.text, 'error-summary'), `${field}: error summary`);
      assert.ok(r.text.includes(`href="#activity-${field}"`), `${field}: link to the field`);
      const message = SV[`prevention.activity.error.${field}`].replace(/–/g, '–');
      assert.ok(r.text.includes(message.slice(0, 30)), `${field}: Swedish message`);
    }
    assert.equal(await activityCount(), before);
  });

  test('attitude answers are saved as counts; more answers than reached saves nothing', async () => {
    const path = `/prevention/activities/${activity}/attitudes`;
    let r = await postAs(coordinator, path, {
      'buying_ok.before.agree_fully': '3', 'buying_ok.before.agree_partly': '4',
      'buying_ok.before.disagree_partly': '10', 'buying_ok.before.disagree_fully': '30',
      'buying_ok.before.dont_know': '3',
      'buying_ok.after.agree_fully': '1', 'buying_ok.after.agree_partly': '1',
      'buying_ok.after.disagree_partly': '6', 'buying_ok.after.disagree_fully': '40',
      'buying_ok.after.dont_know': '2',
      'know_help.before.agree_fully': '2', 'know_help.after.agree_fully': '3',
    });
    assert.equal(r.status, 303);
    let page = (await coordinator.get(`/prevention/activities/${activity}`)).text;
    assert.match(page, /id="att-buying_ok-after-disagree_fully"[^>]*value="40"/);
    r = await postAs(coordinator, path, { 'buying_ok.before.agree_fully': '57' });
    assert.equal(r.status, 422);
    assert.ok(r.text.includes('href="#att-attitude_buying_ok"'));
    assert.ok(r.text.includes(SV['prevention.error.attitude']));
    page = (await coordinator.get(`/prevention/activities/${activity}`)).text;
    assert.match(page, /id="att-buying_ok-after-disagree_fully"[^>]*value="40"/, 'unchanged');
  });

  test('coverage counts the school and its two grades in HT 2021 and the school year', async () => {
    const html = (await coordinator.get('/prevention/coverage?year=2021-22')).text;
    const rows = tableRows(html, 'by-school-table');
    const mine = rows.find((row) => row[0] === 'Provskolan 7–9');
    assert.deepEqual(mine.slice(1), ['1', 'Åk 8, Åk 9', '2 av 3 (67 %)']);
    assert.ok(!hasId(html, 'suppression-note'), 'the coordinator sees exact counts');
    assert.equal(textById(html, 'attitude-buying_ok-change').startsWith('−'), true);
  });

  test('a reader sees the answers with counts under 5 hidden and no change for small groups',
    async () => {
      const html = (await reader.get('/prevention/coverage?year=2021-22')).text;
      assert.ok(hasId(html, 'suppression-note'));
      const know = tableRows(html, 'attitude-know_help');
      assert.ok(know, 'the know_help table is shown');
      for (const row of know.slice(1, 6)) {
        for (const cell of row.slice(1)) assert.ok(!/^[1-4]$/.test(cell), `cell ${cell}`);
      }
      assert.equal(textById(html, 'attitude-know_help-change'), '–');
      assert.equal((await reader.get('/prevention')).status, 403);
      assert.equal((await reader.get(`/prevention/activities/${activity}`)).status, 403);
    });

  test('changes are in the audit log; a deleted activity is gone (404)', async () => {
    const r = await postAs(coordinator, `/prevention/activities/${activity}/delete`);
    assert.equal(r.status, 303);
    assert.equal((await coordinator.get(`/prevention/activities/${activity}`)).status, 404);
    assert.equal((await postAs(coordinator, `/prevention/activities/${activity}/delete`)).status,
      404);
    for (const action of ['school_create', 'activity_create', 'activity_attitudes',
      'activity_delete']) {
      const html = (await admin.get(`/admin/audit?action=${action}`)).text;
      assert.ok(tableRows(html, 'audit-table').length >= 2, action);
    }
  });
});
