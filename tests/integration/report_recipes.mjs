// The route × role matrix's requests for the council report's routes (access.test.mjs): rounds
// prepared in each report state before the matrix counts rounds, and recipes that pick a
// round still in the state the allowed request needs.
import assert from 'node:assert/strict';

import { postAs } from './harness.mjs';
import { idsWithPrefix } from './html.mjs';

async function closedRound(analyst, name, unit) {
  const r = await postAs(analyst, '/rounds', {
    name, from: '2025-01-01', to: '2025-12-31', units: [String(unit)], k: '5',
    questionnaire: 'standard:1',
  });
  assert.equal(r.status, 303, `creating ${name}`);
  const id = Number(r.location.split('/').pop());
  assert.equal((await postAs(analyst, `/rounds/${id}/open`)).status, 303);
  assert.equal((await postAs(analyst, `/rounds/${id}/close`)).status, 303);
  return id;
}

// Creates a round with a draft report, three submitted and two approved ones.
export async function prepareReportRecipes({ clients, ids }) {
  const { analyst, manager } = clients;
  ids.reportRound = await closedRound(analyst, 'Matrix report draft', ids.units[0]);
  assert.equal((await postAs(analyst, `/rounds/${ids.reportRound}/report`, {
    action: 'save', 's.summary': 'Utkast',
  })).status, 303);
  ids.approvedRounds = [];
  for (let i = 0; i < 5; ++i) {
    const id = await closedRound(analyst, `Matrix report ${i}`, ids.units[0]);
    assert.equal((await postAs(analyst, `/rounds/${id}/report`, { action: 'submit' })).status, 303);
    if (i >= 3) {
      assert.equal((await postAs(manager, `/approvals/${id}/approve`)).status, 303);
      ids.approvedRounds.push(id);
    }
  }
}

// A submitted report's round, from the manager's list.
async function submitted(clients) {
  const [id] = idsWithPrefix((await clients.manager.get('/approvals')).text, 'approval-link-');
  assert.ok(id, 'a submitted report is left for the matrix');
  return id;
}

// An approved report's round (still approved, not yet published).
async function approved(clients, ids) {
  for (const id of ids.approvedRounds) {
    const page = await clients.analyst.get(`/rounds/${id}/report`);
    if (page.text.includes('data-state="approved"')) return id;
  }
  throw new Error('no approved report is left for the matrix');
}

export function reportRecipes({ clients, ids }) {
  return {
    'GET /reports/{id}/files/{file}': () => ({
      path: `/reports/${ids.closedRound}/files/csv`, ok: 200,
    }),
    'GET /rounds/{id}/report': () => ({ path: `/rounds/${ids.reportRound}/report`, ok: 200 }),
    'POST /rounds/{id}/report': () => ({
      path: `/rounds/${ids.reportRound}/report`, ok: 303,
      form: { action: 'save', 's.summary': 'Matris' },
    }),
    'POST /rounds/{id}/report/publish': async () => ({
      path: `/rounds/${await approved(clients, ids)}/report/publish`, ok: 303, form: {},
    }),
    'GET /rounds/{id}/report.sav': () => ({
      path: `/rounds/${ids.reportRound}/report.sav`, ok: 200,
    }),
    'GET /approvals': () => ({ path: '/approvals', ok: 200 }),
    'GET /approvals/{id}': async () => ({
      path: `/approvals/${await submitted(clients)}`, ok: 200,
    }),
    'POST /approvals/{id}/approve': async () => ({
      path: `/approvals/${await submitted(clients)}/approve`, ok: 303, form: {},
    }),
    'POST /approvals/{id}/send-back': async () => ({
      path: `/approvals/${await submitted(clients)}/send-back`, ok: 303,
      form: { comment: 'Matrisen skickar tillbaka.' },
    }),
  };
}
