// The council report's workflow over HTTP: the analyst writes and previews the text, submits,
// the manager sends it back with a comment, the analyst fixes and resubmits, the manager
// approves, the analyst publishes; afterwards nothing changes, a reader downloads every stored
// file and its SHA-256 matches the one shown, the round's matching key is gone and its links
// say so in Swedish. Role checks: no draft for a reader, no approval by the analyst, no
// publication by the manager.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';

import { Client, loggedIn, postAs, startServer } from './harness.mjs';
import { hasId, idsWithPrefix, innerById, tableRows, tagById, textById } from './html.mjs';
import { catalog, respondentPost } from './respondent.mjs';
import { roundWithAnswers, sha256 } from './report_workflow.mjs';

const SV = catalog('sv');
let server;
let analyst;
let manager;
let reader;
let admin;
const round = {};

before(async () => {
  server = await startServer();
  analyst = await loggedIn(server, 'analyst');
  manager = await loggedIn(server, 'manager');
  reader = await loggedIn(server, 'reader');
  admin = await loggedIn(server, 'admin');
  Object.assign(round, await roundWithAnswers(server, analyst, 'Rapportrunda'));
});
after(async () => { if (server) await server.stop(); });

const editor = () => `/rounds/${round.id}/report`;
const stateOf = (html) => textById(html, 'report-state');

async function download(client, path) {
  const res = await fetch(server.base + path, { headers: { cookie: client.cookieHeader() } });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function auditActions(query) {
  const r = await admin.get(`/admin/audit?${new URLSearchParams(query)}`);
  assert.equal(r.status, 200);
  return tableRows(r.text, 'audit-table').slice(1).map((row) => row[2]);
}

describe('draft, approval and publication', () => {
  test('the editor shows a textarea per section beside the protected tables', async () => {
    const r = await analyst.get(editor());
    assert.equal(r.status, 200);
    assert.equal(stateOf(r.text), SV['report.state.none']);
    for (const s of ['summary', 'persons_known', 'arenas', 'methods']) {
      assert.ok(hasId(r.text, `s-${s}`), `textarea for ${s}`);
    }
    const rows = tableRows(r.text, 'gen-report-table-form_gender');
    assert.ok(rows, 'the generated form x gender table is beside the text');
    for (const row of rows.slice(1)) {
      for (const cell of row.slice(1)) {
        assert.ok(!/^[1-4]$/.test(cell), `a count under k is shown: ${cell}`);
      }
    }
  });

  test('preview renders the posted text safely and saves nothing', async () => {
    const r = await postAs(analyst, editor(), {
      action: 'preview', 's.summary': 'Det **viktiga** först.\n\n<script>alert(1)</script>',
    });
    assert.equal(r.status, 200);
    const preview = innerById(r.text, 'report-preview');
    assert.ok(preview.includes('<strong>viktiga</strong>'));
    assert.ok(preview.includes('&lt;script&gt;'), 'HTML in the text is shown as text');
    assert.ok(!r.text.includes('<script>alert'), 'no raw HTML anywhere');
    assert.equal(textById(r.text, 's-summary'),
      'Det **viktiga** först. <script>alert(1)</script>');
    const again = await analyst.get(editor());
    assert.equal(textById(again.text, 's-summary'), '', 'nothing saved by a preview');
  });

  test('save keeps the text; submit sends it for approval and locks it', async () => {
    const saved = await postAs(analyst, editor(), {
      action: 'save', 's.summary': 'Första utkastet.',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `${editor()}?saved=1`);
    const page = await analyst.get(saved.location);
    assert.equal(textById(page.text, 's-summary'), 'Första utkastet.');
    assert.ok(hasId(page.text, 'report-saved'));
    const sent = await postAs(analyst, editor(), {
      action: 'submit', 's.summary': 'Första utkastet.',
    });
    assert.equal(sent.status, 303);
    const locked = await analyst.get(editor());
    assert.equal(stateOf(locked.text), SV['report.state.submitted']);
    assert.ok(!hasId(locked.text, 'report-form'), 'no form while submitted');
    const edit = await postAs(analyst, editor(), { action: 'save', 's.summary': 'Ändrat' });
    assert.equal(edit.status, 409, 'a submitted report is not edited');
  });

  test('no draft for a reader, no approval by the analyst, no publication by the manager',
    async () => {
    assert.equal((await reader.get(`/reports/${round.id}`)).status, 404);
    assert.equal((await reader.get(`/reports/${round.id}/files/html`)).status, 404);
    const listed = idsWithPrefix((await reader.get('/reports')).text, 'report-link-');
    assert.ok(!listed.includes(round.id));
    assert.equal((await reader.get('/approvals')).status, 403);
    assert.equal((await reader.get(`/approvals/${round.id}`)).status, 403);
    assert.equal((await reader.get(editor())).status, 403);
    assert.equal((await postAs(analyst, `/approvals/${round.id}/approve`)).status, 403);
    assert.equal((await postAs(manager, `/rounds/${round.id}/report/publish`)).status, 403);
    assert.equal((await postAs(manager, editor(), { action: 'save' })).status, 403);
    assert.equal((await manager.get(`/rounds/${round.id}/report.sav`)).status, 403);
  });

  test('the manager sends it back, with a comment only', async () => {
    const list = await manager.get('/approvals');
    assert.ok(idsWithPrefix(list.text, 'approval-link-').includes(round.id));
    const review = await manager.get(`/approvals/${round.id}`);
    assert.equal(review.status, 200);
    assert.ok(innerById(review.text, 'report-under-review').includes('Första utkastet.'));
    const silent = await postAs(manager, `/approvals/${round.id}/send-back`, { comment: '  ' });
    assert.equal(silent.status, 422);
    assert.ok(hasId(silent.text, 'error-summary'));
    const back = await postAs(manager, `/approvals/${round.id}/send-back`, {
      comment: 'Beskriv bortfallet.',
    });
    assert.equal(back.status, 303);
    const page = await analyst.get(editor());
    assert.equal(stateOf(page.text), SV['report.state.draft']);
    assert.equal(textById(page.text, 'report-send-back-comment'), 'Beskriv bortfallet.');
    assert.ok(hasId(page.text, 'report-history'));
  });

  test('the analyst fixes and resubmits; the manager approves', async () => {
    const sent = await postAs(analyst, editor(), {
      action: 'submit', 's.summary': 'Andra utkastet.', 's.methods': '- Bortfallet: en enhet.',
    });
    assert.equal(sent.status, 303);
    assert.equal((await postAs(manager, `/approvals/${round.id}/approve`)).status, 303);
    assert.equal((await postAs(manager, `/approvals/${round.id}/approve`)).status, 409);
    const page = await analyst.get(editor());
    assert.equal(stateOf(page.text), SV['report.state.approved']);
    assert.ok(hasId(page.text, 'report-publish'));
  });

  test('the analyst publishes; the report is frozen', async () => {
    const r = await postAs(analyst, `/rounds/${round.id}/report/publish`);
    assert.equal(r.status, 303);
    assert.equal(r.location, `/reports/${round.id}`);
    assert.equal((await postAs(analyst, `/rounds/${round.id}/report/publish`)).status, 409);
    assert.equal((await postAs(analyst, editor(), { action: 'save', 's.summary': 'x' })).status,
      409, 'edits are refused');
    assert.equal((await postAs(analyst, editor(), { action: 'submit' })).status, 409);
    assert.equal((await postAs(manager, `/approvals/${round.id}/send-back`, { comment: 'x' }))
      .status, 409);
    const page = await analyst.get(editor());
    assert.equal(stateOf(page.text), SV['report.state.published']);
    assert.ok(hasId(page.text, 'report-published-link'));
  });

  test('a reader reads the stored report and every file matches its SHA-256', async () => {
    const list = await reader.get('/reports');
    assert.ok(idsWithPrefix(list.text, 'report-link-').includes(round.id));
    const page = await reader.get(`/reports/${round.id}`);
    assert.equal(page.status, 200);
    assert.ok(innerById(page.text, 'published-report').includes('Andra utkastet.'));
    assert.ok(hasId(page.text, 'report-key-destroyed'));
    const files = [...page.text.matchAll(/id="report-file-([a-z0-9]+)"/g)].map((m) => m[1]);
    // `synlig serve` publishes through the council report library: all five formats.
    assert.deepEqual([...files].sort(), ['csv', 'docx', 'html', 'pdf', 'xlsx'], `files: ${files}`);
    for (const format of files) {
      const shown = textById(page.text, `report-sha256-${format}`);
      const { res, bytes } = await download(reader, `/reports/${round.id}/files/${format}`);
      assert.equal(res.status, 200, format);
      assert.match(res.headers.get('content-disposition'),
        /^attachment; filename="rapport-\d+\.[a-z]+"$/);
      assert.equal(sha256(bytes), shown, `${format}: the bytes hash to the SHA-256 shown`);
      assert.equal(res.headers.get('x-content-sha256'), shown);
    }
    const csv = (await download(reader, `/reports/${round.id}/files/csv`)).bytes.toString('utf8');
    assert.ok(!/(^|,)[1-4](,|\r?$)/m.test(csv), 'no count under k in the published CSV');
    assert.equal((await reader.get(`/reports/${round.id}/files/docx2`)).status, 404);
    const legacy = await download(reader, `/reports/${round.id}/tables.csv`);
    assert.equal(legacy.bytes.toString('utf8'), csv, 'tables.csv is the stored CSV');
  });

  test('the round key is gone: its links cannot submit a matching key any more', async () => {
    const keys = JSON.parse(readFileSync(`${server.db}.keys`, 'utf8'));
    assert.ok(!(String(round.id) in keys.round_keys), 'the key file no longer holds the key');
    assert.ok(Object.keys(keys.round_keys).length > 0, 'other rounds keep theirs');
    const respondent = new Client(server.base);
    const path = `/r/${round.tokens[1]}`;
    const get = await respondent.get(path);
    assert.equal(get.status, 409);
    assert.equal(textById(get.text, 'page-heading'), SV['report.key_gone_title']);
    const post = await respondent.post(path, {
      form: respondentPost(round.respondentCsrf, [{
        gender: 'woman', age_band: '25_34', forms: ['sells'],
        key: { year: '1990', first: 'A', last: 'B' },
      }], { action: 'submit' }),
    });
    assert.equal(post.status, 409);
    assert.equal(textById(post.text, 'page-heading'), SV['report.key_gone_title']);
    const actions = await auditActions({ action: 'round_key_destroy' });
    assert.ok(actions.includes('round_key_destroy'), 'the destruction is audit-logged');
  });

  test('every transition and download is audit-logged', async () => {
    for (const action of ['report_save', 'report_submit', 'report_send_back', 'report_approve',
      'report_publish', 'report_view', 'report_download']) {
      assert.ok((await auditActions({ action })).length > 0, `no ${action} in the audit log`);
    }
  });

  test('the analyst exports the protected aggregate tables as SPSS .sav', async () => {
    const { res, bytes } = await download(analyst, `/rounds/${round.id}/report.sav`);
    assert.equal(res.status, 200);
    assert.equal(bytes.subarray(0, 4).toString('latin1'), '$FL2', 'an SPSS system file');
    assert.match(res.headers.get('content-disposition'), /attachment; filename=".*\.sav"/);
    assert.ok((await auditActions({ action: 'report_export_sav' })).length > 0);
  });

  test('an open round has no report editor yet', async () => {
    const open = await roundWithAnswers(server, analyst, 'Öppen rapportrunda', { close: false });
    const r = await analyst.get(`/rounds/${open.id}/report`);
    assert.equal(r.status, 409);
    assert.equal(textById(r.text, 'page-heading'), SV['report.not_closed_title']);
    assert.equal(tagById(r.text, 'report-form'), null);
  });
});
