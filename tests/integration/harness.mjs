// Test harness: runs a real `synlig` binary on a temporary SQLite database on 127.0.0.1 with
// port 0, and gives tests a small HTTP client with a cookie jar and CSRF-token handling.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = process.env.SYNLIG_BIN
  || new URL('../../build/ci/apps/synlig/synlig', import.meta.url).pathname;

export const ROLES = ['admin', 'analyst', 'coordinator', 'training_coordinator',
  'prevention_coordinator', 'clinic_staff', 'reader', 'manager'];

// Servers still running and temporary directories still there when the process ends (a
// test that threw before its `after`, or a run stopped with SIGINT/SIGTERM).
const running = new Set();
const tempDirs = new Set();
function cleanUp() {
  for (const p of running) p.kill('SIGKILL');
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
}
process.on('exit', cleanUp);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

// A temporary directory that is removed at the latest when the process ends; returns
// { path, remove }.
export function tempDir(prefix) {
  const path = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.add(path);
  return {
    path,
    remove() {
      rmSync(path, { recursive: true, force: true });
      tempDirs.delete(path);
    },
  };
}

// Runs the CLI synchronously; returns { status, stdout, stderr }.
export function cli(args, { input, env } = {}) {
  const r = spawnSync(BIN, args, {
    input, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env },
  });
  if (r.error) throw new Error(`cannot run ${BIN} (set SYNLIG_BIN): ${r.error.message}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Parses the demo's printed login table (rows "username  role  password").
export function parseLogins(text) {
  const logins = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^\s*\|?\s*([a-z0-9._-]+)\s*\|?\s+([a-z_]+)\s*\|?\s+(\S+)\s*\|?\s*$/);
    if (m && ROLES.includes(m[2])) logins[m[2]] = { username: m[1], password: m[3] };
  }
  return logins;
}

// Parses the demo's respondent links of the open round (lines "  /r/<token>  <unit name>").
export function parseDemoLinks(text) {
  const links = [];
  for (const line of text.split('\n')) {
    const m = line.match(/^\s+(\/r\/[A-Za-z0-9_-]+)\s+(.+?)\s*$/);
    if (m) links.push({ path: m[1], unit: m[2] });
  }
  return links;
}

// Starts a server on a fresh database: the demo municipality (demo: true) or `synlig init`.
// config: TOML text written to a file passed with --config; env: extra environment.
export async function startServer({ demo = true, config, env = {}, extraArgs = [] } = {}) {
  const temp = tempDir('synlig-it-');
  const dir = temp.path;
  const db = join(dir, 'test.db');
  let logins = {};
  let demoLinks = [];
  const runEnv = { ...process.env, ...env };
  const args = ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1', ...extraArgs];
  try {
    if (demo) {
      const r = cli(['demo', '--db', db], { env });
      if (r.status !== 0) throw new Error(`demo failed (${r.status}): ${r.stderr}`);
      logins = parseLogins(r.stdout);
      demoLinks = parseDemoLinks(r.stdout);
      for (const role of ROLES) {
        if (!logins[role]) throw new Error(`demo printed no login for ${role}:\n${r.stdout}`);
      }
    } else {
      const r = cli(['init', '--db', db], { env });
      if (r.status !== 0) throw new Error(`init failed (${r.status}): ${r.stderr}`);
    }
    if (config !== undefined) {
      const file = join(dir, 'synlig.toml');
      writeFileSync(file, config);
      args.push('--config', file);
    }
  } catch (e) {
    temp.remove();
    throw e;
  }
  const proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], env: runEnv });
  running.add(proc);
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((r) => proc.on('exit', (code, signal) => r({ code, signal })));
  let base;
  try {
    base = await new Promise((resolve, reject) => {
      proc.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
        if (m) resolve(m[1]);
      });
      exited.then(({ code }) => reject(new Error(`server exited ${code}:\n${out}\n${err}`)));
    });
  } catch (e) {
    running.delete(proc);
    temp.remove();
    throw e;
  }
  return {
    base, db, dir, logins, demoLinks, proc,
    log: () => out + err,
    // Stops the server with SIGTERM and waits for it; returns its exit code.
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const { code } = await exited;
      running.delete(proc);
      temp.remove();
      return code;
    },
  };
}

// The Set-Cookie header lines of a fetch response.
export function setCookies(headers) {
  if (typeof headers.getSetCookie === 'function') return headers.getSetCookie();
  const joined = headers.get('set-cookie');
  return joined ? joined.split(/,(?=\s*[A-Za-z0-9_-]+=)/).map((s) => s.trim()) : [];
}

// A browser-like HTTP client: keeps cookies, never follows redirects by itself.
export class Client {
  constructor(base) { this.base = base; this.cookies = new Map(); }

  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }

  // A copy with the same cookies (a second tab of the same browser).
  clone() {
    const c = new Client(this.base);
    c.cookies = new Map(this.cookies);
    return c;
  }

  async request(method, path, { form, headers = {}, body, keepCookies = true } = {}) {
    const h = { ...headers };
    if (this.cookies.size && !('cookie' in h)) h.cookie = this.cookieHeader();
    let payload = body;
    if (form) {
      h['content-type'] = 'application/x-www-form-urlencoded';
      payload = encodeForm(form);
    }
    const res = await fetch(this.base + path, {
      method, headers: h, body: payload, redirect: 'manual',
    });
    const cookies = setCookies(res.headers);
    if (keepCookies) {
      for (const c of cookies) {
        const [pair] = c.split(';');
        const i = pair.indexOf('=');
        const name = pair.slice(0, i).trim();
        const value = pair.slice(i + 1).trim();
        const gone = /max-age=0\b|expires=thu, 01 jan 1970/i.test(c) || value === '';
        if (gone) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
    }
    const text = method === 'HEAD' ? '' : await res.text();
    return {
      status: res.status, headers: res.headers, text, location: res.headers.get('location'),
      setCookies: cookies,
    };
  }

  get(path, opts) { return this.request('GET', path, opts); }
  post(path, opts) { return this.request('POST', path, opts); }

  // The CSRF token of the page at path (hidden input named "csrf").
  async csrf(path) {
    const r = await this.get(path);
    return csrfOf(r.text);
  }

  // The session's CSRF token, from the home page's logout form.
  async sessionCsrf() {
    const r = await this.get('/');
    const token = csrfOf(r.text);
    if (r.status !== 200 || !token) throw new Error(`no session CSRF (GET / -> ${r.status})`);
    return token;
  }

  async login(username, password, { next } = {}) {
    const csrf = await this.csrf('/login');
    const form = { username, password };
    if (csrf) form.csrf = csrf;
    if (next) form.next = next;
    return this.post('/login', { form });
  }

  // Logs in and fails loudly unless the server answered 303.
  async mustLogin(username, password) {
    const r = await this.login(username, password);
    if (r.status !== 303) throw new Error(`login of ${username} failed: ${r.status}`);
    return r;
  }
}

// Posts a form with the session's CSRF token added.
export async function postAs(client, path, form = {}) {
  return client.post(path, { form: { ...form, csrf: await client.sessionCsrf() } });
}

// The Set-Cookie line of a response for the cookie `name`, or undefined.
export function cookieNamed(res, name) {
  return res.setCookies.find((c) => c.startsWith(`${name}=`));
}

// Creates a user through the admin page (admin: a logged-in admin Client); returns its id.
export async function createUser(admin, username, role, password) {
  const r = await postAs(admin, '/admin/users', {
    username, display_name: username, email: '', role, unit: '', password,
  });
  if (r.status !== 303) throw new Error(`creating user ${username}: ${r.status}`);
  const html = (await admin.get('/admin/users')).text;
  for (const m of html.matchAll(/<tr id="user-row-(\d+)">([\s\S]*?)<\/tr>/g)) {
    const cells = [...m[2].matchAll(/<(?:td|th)\b[^>]*>([^<]*)</g)].map((c) => c[1].trim());
    if (cells.includes(username)) return Number(m[1]);
  }
  throw new Error(`user ${username} is not listed`);
}

// A client logged in with the demo login of role.
export async function loggedIn(server, role) {
  const c = new Client(server.base);
  await c.mustLogin(server.logins[role].username, server.logins[role].password);
  return c;
}

export function encodeForm(form) {
  const p = new URLSearchParams();
  if (Array.isArray(form)) {
    for (const [k, v] of form) p.append(k, v);
  } else {
    for (const [k, v] of Object.entries(form)) {
      for (const x of (Array.isArray(v) ? v : [v])) p.append(k, x);
    }
  }
  return p.toString();
}

export function csrfOf(html) {
  const m = html.match(/name="csrf"\s+value="([^"]+)"/)
    || html.match(/value="([^"]+)"\s+name="csrf"/);
  return m ? m[1] : null;
}

// A raw request over node:http (for bodies that fetch would not send as they are, e.g. a
// Content-Length far over the limit). Resolves { status, headers, text } or rejects.
export function rawRequest(base, method, path, { headers = {}, body } = {}) {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: url.hostname, port: url.port, method, path: url.pathname + url.search, headers,
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    // An array is sent as one write per element (chunked when no content-length is given).
    if (Array.isArray(body)) {
      for (const part of body) req.write(part);
      req.end();
    } else if (body !== undefined) {
      req.end(body);
    } else {
      req.end();
    }
  });
}
