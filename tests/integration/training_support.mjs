// Helpers of the training register's HTTP tests: multipart uploads of the test exports, a
// real SMTP server on loopback (Debian's python3-aiosmtpd writing a Maildir), and the request
// recipes of the route x role matrix (access.test.mjs) for the /training routes.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { join } from 'node:path';

import { tempDir } from './harness.mjs';
import { decodeEntities } from './html.mjs';

export const DATA = new URL('../data/training/', import.meta.url).pathname;

export function fixture(name) { return readFileSync(join(DATA, name)); }

// POSTs `bytes` as the file of the import form (multipart/form-data) with the session's CSRF.
export async function upload(client, name, bytes) {
  const form = new FormData();
  form.append('csrf', await client.sessionCsrf());
  form.append('file', new Blob([bytes], { type: 'text/csv' }), name);
  return client.request('POST', '/training/import', { body: form });
}

// The id of the import a 303 after an upload points at.
export function importId(res) {
  const m = (res.location || '').match(/^\/training\/import\/(\d+)$/);
  if (!m) {
    throw new Error(`upload answered ${res.status} ${res.location}: ${res.text.slice(0, 300)}`);
  }
  return Number(m[1]);
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, proc) {
  for (let i = 0; i < 200; i += 1) {
    if (proc.exitCode !== null) throw new Error('the SMTP server exited');
    const ok = await new Promise((resolve) => {
      const c = connect(port, '127.0.0.1', () => { c.end(); resolve(true); });
      c.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => { setTimeout(r, 50); });
  }
  throw new Error(`the SMTP server did not listen on ${port}`);
}

// Starts `python3 -m aiosmtpd` on a free loopback port with a Maildir handler; returns
// { port, messages(), stop() }. Debian's interpreter first: the module is a Debian package.
export async function startSmtp() {
  const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
  const dir = tempDir('synlig-smtp-');
  const maildir = join(dir.path, 'Maildir');
  const port = await freePort();
  const proc = spawn(python, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`,
    '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  try {
    await waitForPort(port, proc);
  } catch (e) {
    proc.kill('SIGKILL');
    dir.remove();
    throw new Error(`${e.message}: ${err}`);
  }
  return {
    port,
    // Every message received so far, as raw text.
    messages() {
      const out = [];
      for (const sub of ['new', 'cur']) {
        const d = join(maildir, sub);
        if (!existsSync(d)) continue;
        for (const f of readdirSync(d).sort()) out.push(readFileSync(join(d, f), 'utf8'));
      }
      return out;
    },
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => { if (proc.exitCode !== null) r(); else proc.on('exit', r); });
      dir.remove();
    },
  };
}

// Decodes a header's RFC 2047 "=?UTF-8?B?...?=" words.
export function decodeHeader(value) {
  return value.replace(/\r?\n\s+/g, '').replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]+)\?=/g,
    (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
}

// Decodes a quoted-printable body.
export function decodeQuotedPrintable(text) {
  const bytes = [];
  const s = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < s.length; i += 1) {
    if (s[i] === '=' && /^[0-9A-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

// What the matrix's training recipes need, made as the admin (who may use every /training
// route): ids from the demo's register, an employee and a course of known values, and
// functions that stage a fresh import or add a fresh completion for each request. `adminOf()`
// gives the admin's current client: the matrix logs roles out and in again as it goes.
export async function trainingSetup(adminOf, next) {
  const admin = adminOf();
  const org = (await admin.get('/training/organisation')).text;
  const value = (id) => decodeEntities(org.match(new RegExp(`id="${id}"[^>]*value="([^"]*)"`))[1]);
  const selected = (id) => {
    const select = org.match(new RegExp(`id="${id}"[^>]*>([^]*?)</select>`))[1];
    return select.match(/<option value="([^"]*)" selected/)[1];
  };
  const ids = {
    unit: Number(org.match(/id="unit-row-(\d+)"/)[1]),
    department: Number(org.match(/id="department-row-(\d+)"/)[1]),
    role: Number(org.match(/id="role-row-(\d+)"/)[1]),
  };
  // The first row of each table posted back as it is: the matrix changes nothing there.
  ids.departmentForm = {
    name: value(`department-${ids.department}-name`),
    kind: selected(`department-${ids.department}-kind`),
  };
  ids.unitForm = {
    name: value(`unit-${ids.unit}-name`), department: selected(`unit-${ids.unit}-department`),
    manager_email: value(`unit-${ids.unit}-manager_email`), active: '1',
  };
  ids.roleForm = {
    name: value(`role-${ids.role}-name`),
    target_group:
      new RegExp(`id="role-${ids.role}-target_group"[^>]* checked`).test(org) ? '1' : '',
  };
  const email = 'matris.fast@demo.synlig.invalid';
  const made = await postForm(admin, '/training/employees', {
    name: 'Matris Fast', email, unit: String(ids.unit), role: String(ids.role),
  });
  if (made.status !== 303) throw new Error(`adding the matrix employee: ${made.status}`);
  const list = (await admin.get(`/training/employees?q=${encodeURIComponent(email)}`)).text;
  ids.employee = Number(list.match(/id="employee-row-(\d+)"/)[1]);
  ids.employeeForm = { name: 'Matris Fast', email, unit: String(ids.unit), role: String(ids.role) };
  ids.courseForm = {
    code: 'MATRIS-FAST', name: 'Matriskurs fast', provider: '', url: '', track: 'general',
    aliases: '', local: '1', counts: '1', active: '1',
  };
  const course = await postForm(admin, '/training/courses', ids.courseForm);
  if (course.status !== 303) throw new Error(`adding the matrix course: ${course.status}`);
  const courses = (await admin.get('/training/courses')).text;
  const row = [...courses.matchAll(/id="course-row-(\d+)"[^]*?<\/tr>/g)]
    .find((m) => m[0].includes('Matriskurs fast'));
  ids.course = Number(row[1]);
  ids.newImport = async () => importId(
    await upload(adminOf(), 'export.csv', fixture('completions_utf8.csv')));
  ids.newCompletion = async () => {
    const n = next();
    const date = new Date(Date.UTC(2024, 0, 1) + n * 86400000).toISOString().slice(0, 10);
    const r = await postForm(adminOf(), '/training/completions', {
      employee: String(ids.employee), course: String(ids.course), date,
    });
    if (r.status !== 303) throw new Error(`adding a completion: ${r.status}`);
    const page = (await adminOf().get(`/training/employees/${ids.employee}`)).text;
    const found = [...page.matchAll(/id="completion-row-(\d+)"><td>([0-9-]+)</g)]
      .find((m) => m[2] === date);
    return Number(found[1]);
  };
  return ids;
}

async function postForm(client, path, form) {
  return client.post(path, { form: { ...form, csrf: await client.sessionCsrf() } });
}

// The body of the matrix's upload request (the CSRF token only for a logged-in client).
export async function uploadBody(client) {
  const form = new FormData();
  if (client) form.append('csrf', await client.sessionCsrf());
  form.append('file', new Blob([fixture('completions_utf8.csv')], {
    type: 'text/csv',
  }), 'export.csv');
  return form;
}

// Recipes for access.test.mjs: how each /training route is called so that an allowed caller
// succeeds. `ids` is what trainingSetup() made; `next()` gives a unique number. The import
// routes get a freshly staged import each time (confirming or discarding ends one).
export function trainingRecipes(ids, next) {
  return {
    'GET /training': () => ({ path: '/training', ok: 200 }),
    'POST /training/targets': () => ({
      path: '/training/targets', ok: 303,
      form: { action: 'set', department: '', share_percent: '80', due: '2027-12-31', decision: '' },
    }),
    'GET /training/units/{id}': () => ({ path: `/training/units/${ids.unit}`, ok: 200 }),
    'GET /training/organisation': () => ({ path: '/training/organisation', ok: 200 }),
    'POST /training/departments': () => ({
      path: '/training/departments', ok: 303, form: {
        name: `Matrisförvaltning ${next()}`, kind: 'department',
      },
    }),
    'POST /training/departments/{id}': () => ({
      path: `/training/departments/${ids.department}`, ok: 303, form: ids.departmentForm,
    }),
    'POST /training/units': () => ({
      path: '/training/units', ok: 303,
      form: {
        name: `Matrisenhet ${next()}`, department: String(ids.department), manager_email: '',
        active: '1',
      },
    }),
    'POST /training/units/{id}': () => ({
      path: `/training/units/${ids.unit}`, ok: 303, form: ids.unitForm,
    }),
    'POST /training/roles': () => ({
      path: '/training/roles', ok: 303, form: { name: `Matrisroll ${next()}`, target_group: '1' },
    }),
    'POST /training/roles/{id}': () => ({
      path: `/training/roles/${ids.role}`, ok: 303, form: ids.roleForm,
    }),
    'GET /training/employees': () => ({ path: '/training/employees', ok: 200 }),
    'POST /training/employees': () => {
      const n = next();
      return {
        path: '/training/employees', ok: 303,
        form: {
          name: `Matris Person ${n}`, email: `matris.${n}@demo.synlig.invalid`,
          unit: String(ids.unit), role: String(ids.role),
        },
      };
    },
    'GET /training/employees/{id}': () => ({
      path: `/training/employees/${ids.employee}`, ok: 200,
    }),
    'POST /training/employees/{id}': () => ({
      path: `/training/employees/${ids.employee}`, ok: 303, form: ids.employeeForm,
    }),
    'POST /training/employees/{id}/deactivate': () => ({
      path: `/training/employees/${ids.employee}/deactivate`, ok: 303, form: {},
    }),
    'POST /training/employees/{id}/activate': () => ({
      path: `/training/employees/${ids.employee}/activate`, ok: 303, form: {},
    }),
    'GET /training/courses': () => ({ path: '/training/courses', ok: 200 }),
    'POST /training/courses': () => {
      const n = next();
      return {
        path: '/training/courses', ok: 303,
        form: {
          code: `MATRIS-${n}`, name: `Matriskurs ${n}`, provider: '', url: '', track: 'general',
          aliases: '', local: '1', counts: '1', active: '1',
        },
      };
    },
    'GET /training/courses/{id}': () => ({ path: `/training/courses/${ids.course}`, ok: 200 }),
    'POST /training/courses/{id}': () => ({
      path: `/training/courses/${ids.course}`, ok: 303, form: ids.courseForm,
    }),
    'GET /training/completions': () => ({ path: '/training/completions', ok: 200 }),
    'POST /training/completions': () => {
      const n = next();
      const d = new Date(Date.UTC(2022, 0, 1) + n * 86400000).toISOString().slice(0, 10);
      return {
        path: '/training/completions', ok: 303,
        form: { employee: String(ids.employee), course: String(ids.course), date: d },
      };
    },
    'POST /training/completions/{id}/delete': async () => ({
      path: `/training/completions/${await ids.newCompletion()}/delete`, ok: 303, form: {},
    }),
    'GET /training/import': () => ({ path: '/training/import', ok: 200 }),
    'POST /training/import': async () => ({ path: '/training/import', ok: 303, multipart: true }),
    'GET /training/import/{id}': async () => ({
      path: `/training/import/${await ids.newImport()}`, ok: 200,
    }),
    'POST /training/import/{id}': async () => ({
      path: `/training/import/${await ids.newImport()}`, ok: 303,
      form: { given: '1', name: '1', email: '2', course: '3', date: '4' },
    }),
    'POST /training/import/{id}/discard': async () => ({
      path: `/training/import/${await ids.newImport()}/discard`, ok: 303, form: {},
    }),
    'GET /training/reminders': () => ({ path: '/training/reminders?audience=managers', ok: 200 }),
    'POST /training/reminders': () => ({
      path: '/training/reminders', ok: 409, form: {
        audience: 'employees', unit: '', lang: 'sv', note: '',
      },
    }),
  };
}
