// Test harness: runs a real `synlig` binary on a temporary SQLite database on 127.0.0.1 with
// port 0, and gives tests a small HTTP client with a cookie jar and CSRF-token handling.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = process.env.SYNLIG_BIN || new URL('../../build/ci/apps/synlig/synlig', import.meta.url).pathname;

// Runs the CLI synchronously; returns { status, stdout, stderr }.
export function cli(args, { input } = {}) {
  const r = spawnSync(BIN, args, { input, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Parses the demo's printed login table: lines "username  role  password".
export function parseLogins(text) {
  const logins = {};
  for (const line of text.split('\n')) {
    const m = line.match(/^\s*\|?\s*([a-z0-9._-]+)\s*\|?\s+([a-z_]+)\s*\|?\s+(\S+)\s*\|?\s*$/);
    if (m && ['admin', 'analyst', 'coordinator', 'training_coordinator', 'prevention_coordinator',
      'clinic_staff', 'reader'].includes(m[2])) {
      logins[m[2]] = { username: m[1], password: m[3] };
    }
  }
  return logins;
}

// Starts a server on a fresh database. With demo: true the demo municipality is loaded first.
export async function startServer({ demo = true, extraArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'synlig-it-'));
  const db = join(dir, 'test.db');
  let logins = {};
  if (demo) {
    const r = cli(['demo', '--db', db]);
    if (r.status !== 0) throw new Error(`demo failed (${r.status}): ${r.stderr}`);
    logins = parseLogins(r.stdout);
  }
  const proc = spawn(BIN, ['serve', '--db', db, '--port', '0', '--bind', '127.0.0.1', ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const base = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}\n${err}`)), 30_000);
    proc.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/[0-9.]+:\d+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${out}\n${err}`)); });
  });
  return {
    base, db, dir, logins, proc,
    log: () => out + err,
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => { if (proc.exitCode !== null) r(); else proc.on('exit', r); });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// A browser-like HTTP client: keeps cookies, never follows redirects by itself.
export class Client {
  constructor(base) { this.base = base; this.cookies = new Map(); }

  cookieHeader() { return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '); }

  async request(method, path, { form, headers = {}, body } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    let payload = body;
    if (form) {
      h['content-type'] = 'application/x-www-form-urlencoded';
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) {
        for (const x of (Array.isArray(v) ? v : [v])) p.append(k, x);
      }
      payload = p.toString();
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie?.() ?? []) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }

  get(path, opts) { return this.request('GET', path, opts); }
  post(path, opts) { return this.request('POST', path, opts); }

  // The CSRF token of the last page fetched from path (hidden input named "csrf").
  async csrf(path) {
    const r = await this.get(path);
    return csrfOf(r.text);
  }

  async login(username, password) {
    const csrf = await this.csrf('/login');
    const form = { username, password };
    if (csrf) form.csrf = csrf;
    return this.post('/login', { form });
  }
}

export function csrfOf(html) {
  const m = html.match(/name="csrf"\s+value="([^"]+)"/) || html.match(/value="([^"]+)"\s+name="csrf"/);
  return m ? m[1] : null;
}
