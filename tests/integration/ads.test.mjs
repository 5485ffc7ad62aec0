// The online-ad upload of a round against the real server: a JSON Lines file (or several, as
// one import) posted as multipart/form-data is analysed and its counts shown; a bad file is refused with a Swedish
// message; only analysts reach the page; and afterwards no phone number or name of the
// uploaded file is in the database file or in the server's log.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { Client, csrfOf, loggedIn, startServer } from './harness.mjs';
import { newRound } from './report_workflow.mjs';

const SAMPLE = readFileSync(new URL('../data/ads/sample.jsonl', import.meta.url), 'utf8');

let server;
let analyst;
let round;

// Posts one file, or several: `file` and `name` may be arrays of the same length.
async function upload(client, path, file, name, extra = {}) {
  const csrf = csrfOf((await client.get(path)).text);
  const body = new FormData();
  body.append('csrf', csrf);
  const files = Array.isArray(file) ? file : [file];
  const names = Array.isArray(name) ? name : [name];
  files.forEach((f, i) => body.append('file', new Blob([f]), names[i]));
  for (const [k, v] of Object.entries(extra)) body.append(k, v);
  return client.post(path, { body });
}

before(async () => {
  // A 1 MiB upload limit for this server (the default, 64 MiB, is too large to test cheaply).
  server = await startServer({ env: { SYNLIG_MAX_UPLOAD_BYTES: String(1024 * 1024) } });
  analyst = await loggedIn(server, 'analyst');
  round = await newRound(analyst, 'Annonser 2025');
});

after(async () => { if (server) await server.stop(); });

test('an uploaded JSON Lines file is analysed and its counts and bad lines are shown', async () => {
  const path = `/rounds/${round}/ads`;
  const r = await upload(analyst, path, SAMPLE, 'sample.jsonl');
  assert.equal(r.status, 303, r.text);
  assert.match(r.location, new RegExp(`^/rounds/${round}/ads\\?import=\\d+$`));
  const page = await analyst.get(r.location);
  assert.equal(page.status, 200);
  assert.match(page.text, /<dd id="ads-read">10<\/dd>/);
  assert.match(page.text, /<dd id="ads-skipped">3<\/dd>/);
  assert.match(page.text, /Rad 12: fältet ad_id saknas\./);
  assert.match(page.text, /id="ads-site-days"/);
  assert.match(page.text, /id="ads-captures"/);
});

test('several files of one upload are one import, bad lines named by file', async () => {
  const lines = SAMPLE.split('\n');
  const r = await upload(analyst, `/rounds/${round}/ads`,
    [lines.slice(0, 8).join('\n'), lines.slice(8).join('\n')], ['dag1.jsonl', 'dag2.jsonl']);
  assert.equal(r.status, 303, r.text);
  const page = await analyst.get(r.location);
  assert.match(page.text, /<dd id="ads-read">10<\/dd>/);
  assert.match(page.text, /dag1\.jsonl, dag2\.jsonl/);
  assert.match(page.text, /Fil 2: Rad 4: fältet ad_id saknas\./);
});

test('a file that is not ads is refused with the reason, in Swedish', async () => {
  const r = await upload(analyst, `/rounds/${round}/ads`, 'inte annonser\n', 'notes.txt');
  assert.equal(r.status, 422);
  assert.match(r.text, /Filen kunde inte läsas som annonser\./);
});

test('only analysts see the ads page', async () => {
  const reader = await loggedIn(server, 'reader');
  assert.equal((await reader.get(`/rounds/${round}/ads`)).status, 403);
  const anonymous = new Client(server.base);
  assert.equal((await anonymous.get(`/rounds/${round}/ads`)).status, 303);
});

// Each phone number of a JSON Lines file in the forms it could be stored or logged in: as
// displayed, its digits, and for a plain number its national and E.164 forms.
function phoneForms(jsonl) {
  const out = new Set();
  for (const line of jsonl.split('\n')) {
    let ad;
    try { ad = JSON.parse(line); } catch { continue; }
    for (const shown of ad?.phones ?? []) {
      out.add(shown);
      const digits = shown.replace(/\D/g, '');
      if (digits.length < 7) continue;  // obfuscated with words: the displayed form only
      out.add(digits);
      const e164 = shown.trim().startsWith('+') ? digits : `46${digits.replace(/^0/, '')}`;
      out.add(e164);
      out.add(`+${e164}`);
      if (!shown.trim().startsWith('+')) out.add(digits.replace(/^0/, ''));
    }
  }
  assert.ok(out.has('+46701740605') && out.has('+40721234567') && out.has('+48601234567'),
    `E.164 forms of the sample: ${[...out]}`);
  return [...out];
}

test('an upload over the upload limit is 413 and one over 50,000 ads is 413 with the reason',
  async () => {
    const path = `/rounds/${round}/ads`;
    const imports = async () => ((await analyst.get(path)).text.match(/ads\?import=\d+"/g) ?? [])
      .length;
    const before = await imports();
    const line = `${SAMPLE.split('\n')[0]}\n`;
    const big = line.repeat(Math.ceil(1.2 * 1024 * 1024 / line.length));
    assert.ok(big.length > 1024 * 1024);
    let r = await upload(analyst, path, big, 'big.jsonl');
    assert.equal(r.status, 413);
    r = await upload(analyst, path, '{}\n'.repeat(50_001), 'many.jsonl');
    assert.equal(r.status, 413);
    assert.match(r.text, /fler än 50 000 annonser/);
    assert.equal(await imports(), before, 'nothing was stored');
  });

test('no phone number or name of the upload is in the database file or the log', async () => {
  // The sample with names found nowhere else (the demo's own data has common first names).
  const names = { Sofia: 'Qirsavel', Irina: 'Yvarnette', Elena: 'Xelindra', Anna: 'Zoltea',
    Maja: 'Pirvela', Hanna: 'Wenkiara' };
  let file = SAMPLE;
  for (const [from, to] of Object.entries(names)) file = file.replaceAll(from, to);
  const r = await upload(analyst, `/rounds/${round}/ads`, file, 'renamed.jsonl');
  assert.equal(r.status, 303, r.text);
  // Every number of the sample as written, in its digits, nationally and in E.164 (with and
  // without the +), and every name in its titles.
  const secrets = ['1740605', '1740607', '1740609', '174 06 05', '701740605', '1234567',
    '601234567', ...Object.values(names), ...phoneForms(file)];
  let stored = '';
  for (const suffix of ['', '-wal']) {
    try {
      const bytes = readFileSync(server.db + suffix);
      stored += bytes.toString('latin1') + bytes.toString('utf8');
    } catch {
      // no WAL file
    }
  }
  assert.ok(stored.includes('site-a.example'), 'the counts are stored');
  const log = server.log();
  for (const s of secrets) {
    assert.ok(!stored.includes(s), `"${s}" is in the database file`);
    assert.ok(!log.includes(s), `"${s}" is in the server log`);
  }
});
