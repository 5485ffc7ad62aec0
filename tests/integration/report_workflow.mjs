// Helpers for rounds and the council report's workflow over HTTP: a new round, a closed round
// with answers, and a report taken from draft to published by the demo analyst and manager.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { Client, csrfOf, loggedIn, postAs } from './harness.mjs';
import { idsWithPrefix } from './html.mjs';
import { PERSONS, respondentPost } from './respondent.mjs';

export function sha256(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

// Creates a round (not opened) of 2025 over the first unit as `analyst`, a signed-in client;
// returns its id. (The demo's own round may be published, and a published round has no key.)
export async function newRound(analyst, name) {
  const units = idsWithPrefix((await analyst.get('/rounds/new')).text, 'round-unit-');
  const r = await postAs(analyst, '/rounds', {
    name, from: '2025-01-01', to: '2025-12-31', units: [String(units[0])], k: '5',
    questionnaire: 'standard:1',
  });
  assert.equal(r.status, 303, `creating ${name}`);
  return Number(r.location.match(/^\/rounds\/(\d+)$/)[1]);
}

// Creates and opens a round over two units with a link each; the first link submits PERSONS,
// the second stays unsubmitted. With close: true the round is closed. Returns
// { id, tokens, respondentCsrf }.
export async function roundWithAnswers(server, analyst, name, { close = true } = {}) {
  const units = idsWithPrefix((await analyst.get('/rounds/new')).text, 'round-unit-').slice(0, 2);
  const created = await postAs(analyst, '/rounds', {
    name, from: '2025-01-01', to: '2025-12-31', units: units.map(String), k: '5',
    questionnaire: 'standard:1',
  });
  assert.equal(created.status, 303, `creating ${name}`);
  const id = Number(created.location.split('/').pop());
  assert.equal((await postAs(analyst, `/rounds/${id}/open`)).status, 303);
  const links = await postAs(analyst, `/rounds/${id}/links`, { unit: 'all' });
  const tokens = [...links.text.matchAll(/name="token" value="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(tokens.length, 2);
  const respondent = new Client(server.base);
  const csrf = csrfOf((await respondent.get(`/r/${tokens[0]}`)).text);
  const sent = await respondent.post(`/r/${tokens[0]}`, {
    form: respondentPost(csrf, PERSONS, { action: 'submit' }),
  });
  assert.equal(sent.status, 200, 'the first link submits');
  const respondentCsrf = csrfOf((await respondent.get(`/r/${tokens[1]}`)).text);
  if (close) assert.equal((await postAs(analyst, `/rounds/${id}/close`)).status, 303);
  return { id, tokens, respondentCsrf };
}

// Takes the report of a closed round through submit, approve and publish.
export async function publishReport(server, id, texts = { 's.summary': 'Sammanfattning.' }) {
  const analyst = await loggedIn(server, 'analyst');
  const manager = await loggedIn(server, 'manager');
  const submitted = await postAs(analyst, `/rounds/${id}/report`, { ...texts, action: 'submit' });
  assert.equal(submitted.status, 303, `submitting the report of round ${id}`);
  assert.equal((await postAs(manager, `/approvals/${id}/approve`)).status, 303);
  const published = await postAs(analyst, `/rounds/${id}/report/publish`);
  assert.equal(published.status, 303, `publishing the report of round ${id}`);
  assert.equal(published.location, `/reports/${id}`);
}
