// Security behaviour over HTTP: response headers, CSRF, respondent-token 404s, body limits,
// login lock-out, session cookies (attributes, rotation, logout), the audit log and the
// language switch.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { Client, csrfOf, loggedIn, rawRequest, startServer } from './harness.mjs';
import { hasId, idsWithPrefix, innerById, tableRows, textById, textOf } from './html.mjs';
import { catalog } from './respondent.mjs';

const EN = catalog('en');
const SV = catalog('sv');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
  + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

function cookieNamed(res, name) {
  return res.setCookies.find((c) => c.startsWith(`${name}=`));
}

function checkSecurityHeaders(res, what, { cacheable = false } = {}) {
  assert.equal(res.headers.get('content-security-policy'), CSP, `${what}: CSP`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', `${what}: Referrer-Policy`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  assert.equal(res.headers.get('cache-control'), cacheable ? 'public, max-age=3600' : 'no-store',
    `${what}: Cache-Control`);
}

async function postAs(client, path, form = {}) {
  return client.post(path, { form: { ...form, csrf: await client.sessionCsrf() } });
}

async function unitCount(admin) {
  return idsWithPrefix((await admin.get('/admin/units')).text, 'unit-row-').length;
}

// Creates a user through the admin page; returns its id.
async function createUser(admin, username, role, password) {
  const r = await postAs(admin, '/admin/users', {
    username, display_name: username, email: '', role, unit: '', password,
  });
  assert.equal(r.status, 303, `create ${username}`);
  const html = (await admin.get('/admin/users')).text;
  const id = idsWithPrefix(html, 'user-row-')
    .find((i) => textOf(innerById(html, `user-row-${i}`)).split(' ').includes(username));
  assert.ok(id);
  return id;
}

async function auditRows(admin, query) {
  const r = await admin.get(`/admin/audit?${new URLSearchParams(query)}`);
  assert.equal(r.status, 200);
  return tableRows(r.text, 'audit-table').slice(1);  // at, user, action, object, detail, ip
}

describe('response headers', () => {
  test('every kind of response carries CSP, nosniff, no-referrer, DENY and no-store', async () => {
    const anon = new Client(server.base);
    const analyst = await loggedIn(server, 'analyst');
    checkSecurityHeaders(await anon.get('/login'), 'login page');
    checkSecurityHeaders(await anon.get('/healthz'), 'healthz');
    checkSecurityHeaders(await anon.get('/no-such-page'), '404');
    checkSecurityHeaders(await anon.get('/rounds'), '303 to login');
    checkSecurityHeaders(await anon.post('/login', { form: { username: 'x' } }), '403 login CSRF');
    checkSecurityHeaders(await analyst.get('/rounds'), 'rounds page');
    checkSecurityHeaders(await analyst.get('/admin/users'), '403 role');
    checkSecurityHeaders(await anon.request('PUT', '/'), 'PUT');
    checkSecurityHeaders(await anon.get(server.demoLinks[0].path), 'questionnaire');
    checkSecurityHeaders(await anon.get('/static/synlig.css'), 'static', { cacheable: true });
    const big = await rawRequest(server.base, 'POST', '/login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 300 * 1024 },
      body: Buffer.alloc(300 * 1024, 'a'),
    });
    assert.equal(big.status, 413);
    checkSecurityHeaders({ headers: new Headers(big.headers) }, '413');
  });

  test('/healthz answers 200 "ok" as text/plain; pages are UTF-8 HTML', async () => {
    const r = await fetch(`${server.base}/healthz`);
    assert.equal(r.status, 200);
    assert.equal(await r.text(), 'ok');
    assert.match(r.headers.get('content-type'), /^text\/plain/);
    const p = await fetch(`${server.base}/login`);
    assert.equal(p.headers.get('content-type'), 'text/html; charset=utf-8');
  });
});

describe('CSRF', () => {
  test('a logged-in POST without the token is 403 and changes nothing', async () => {
    const admin = await loggedIn(server, 'admin');
    const before = await unitCount(admin);
    const r = await admin.post('/admin/units', {
      form: { name: 'Utan CSRF', sector: 'school', department: 'X' },
    });
    assert.equal(r.status, 403);
    assert.equal(textById(r.text, 'page-heading'), SV['error.csrf_title']);
    assert.equal(await unitCount(admin), before);
  });

  test('a wrong token, or the token of another session, is 403 and changes nothing', async () => {
    const admin = await loggedIn(server, 'admin');
    const other = await loggedIn(server, 'admin');  // a second session of the same user
    const before = await unitCount(admin);
    const good = await admin.sessionCsrf();
    const form = { name: 'Fel CSRF', sector: 'school', department: 'X' };
    for (const csrf of [`${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`, 'x',
      await other.sessionCsrf()]) {
      assert.equal((await admin.post('/admin/units', { form: { ...form, csrf } })).status, 403);
      assert.equal((await admin.post('/admin/units', { form, headers: { 'x-csrf-token': csrf } })).status, 403);
    }
    assert.equal(await unitCount(admin), before);
    // The header form of a valid token is accepted.
    const ok = await admin.post('/admin/units', { form, headers: { 'x-csrf-token': good } });
    assert.equal(ok.status, 303);
    assert.equal(await unitCount(admin), before + 1);
  });

  test('a round is not closed by a POST with a wrong token', async () => {
    const analyst = await loggedIn(server, 'analyst');
    const units = idsWithPrefix((await analyst.get('/rounds/new')).text, 'round-unit-');
    const r = await postAs(analyst, '/rounds', {
      name: 'CSRF-runda', from: '2025-01-01', to: '2025-12-31', units: [String(units[0])],
    });
    const id = r.location.split('/').pop();
    assert.equal((await postAs(analyst, `/rounds/${id}/open`)).status, 303);
    assert.equal((await analyst.post(`/rounds/${id}/close`, { form: { csrf: 'wrong' } })).status, 403);
    assert.equal((await analyst.post(`/rounds/${id}/close`, { form: {} })).status, 403);
    const dash = await analyst.get(`/rounds/${id}`);
    assert.equal(textById(dash.text, 'round-state'), SV['round.state.open']);
  });

  test('POST /login needs the login page token bound to its cookie', async () => {
    const { username, password } = server.logins.reader;
    const a = new Client(server.base);
    const csrfA = await a.csrf('/login');
    const b = new Client(server.base);
    await b.get('/login');
    const missing = await a.post('/login', { form: { username, password } });
    assert.equal(missing.status, 403);
    assert.equal(cookieNamed(missing, 'synlig_session'), undefined);
    const otherCookie = await b.post('/login', { form: { username, password, csrf: csrfA } });
    assert.equal(otherCookie.status, 403, "another browser's login cookie");
    const noCookie = await new Client(server.base).post('/login', { form: { username, password, csrf: csrfA } });
    assert.equal(noCookie.status, 403, 'no login cookie');
    assert.equal((await a.post('/login', { form: { username, password, csrf: csrfA } })).status, 303);
  });
});

describe('respondent tokens', () => {
  test('an unknown token and a malformed one get byte-identical 404 pages', async () => {
    const anon = new Client(server.base);
    const unknown = await anon.get(`/r/${randomBytes(32).toString('base64url')}`);
    assert.equal(unknown.status, 404);
    for (const path of ['/r/x', '/r/%00', '/r/!!!', "/r/'%3Cscript%3E", `/r/${'a'.repeat(300)}`,
      `/r/${randomBytes(32).toString('base64url')}=`]) {
      const r = await anon.get(path);
      assert.equal(r.status, 404, path);
      assert.equal(r.text, unknown.text, `${path}: body differs from an unknown token's`);
      assert.equal(r.headers.get('content-type'), unknown.headers.get('content-type'));
    }
    const post = await anon.post(`/r/${randomBytes(32).toString('base64url')}`, {
      form: { csrf: 'x', action: 'save' },
    });
    assert.equal(post.status, 404);
    assert.equal(post.text, unknown.text, 'POST to an unknown token');
    // A logged-in user gets the same bytes: the respondent route ignores the session.
    const analyst = await loggedIn(server, 'analyst');
    assert.equal((await analyst.get('/r/x')).text, unknown.text);
  });
});

describe('request body limits', () => {
  test('a body over the default max_body_bytes (256 KiB) is 413', async () => {
    for (const path of ['/login', server.demoLinks[0].path, '/rounds']) {
      const r = await rawRequest(server.base, 'POST', path, {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 257 * 1024 },
        body: Buffer.alloc(257 * 1024, 'a'),
      });
      assert.equal(r.status, 413, path);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    }
    const fine = await rawRequest(server.base, 'POST', '/login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 200 * 1024 },
      body: Buffer.alloc(200 * 1024, 'a'),
    });
    assert.equal(fine.status, 403, '200 KiB is within the limit (then the CSRF check fails)');
  });

  test('a chunked body over max_body_bytes is 413 too', async () => {
    const chunk = Buffer.alloc(16 * 1024, 'a');
    const r = await rawRequest(server.base, 'POST', '/login', {
      headers: { 'content-type': 'text/plain' },
      body: Array.from({ length: 20 }, () => chunk),  // 320 KiB, no Content-Length
    });
    assert.equal(r.status, 413);
    const form = await rawRequest(server.base, 'POST', '/login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Array.from({ length: 20 }, () => chunk),
    });
    assert.equal(form.status, 413);
    const small = await rawRequest(server.base, 'POST', '/login', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: [chunk, chunk],  // 32 KiB: within the limit, refused for its missing CSRF token
    });
    assert.equal(small.status, 403);
  });

  test('a url-encoded form over 8 KiB but within max_body_bytes is accepted', async () => {
    const filler = 'x'.repeat(20 * 1024);
    const c = new Client(server.base);
    const csrf = await c.csrf('/login');
    const r = await c.post('/login', {
      form: { ...server.logins.reader, csrf, next: '/reports', filler },
    });
    assert.equal(r.status, 303, '20 KiB login form');
  });

  test('max_body_bytes from --config lowers the limit', async () => {
    const small = await startServer({ config: '[server]\nmax_body_bytes = 2048\n' });
    try {
      const over = await rawRequest(small.base, 'POST', '/login', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 4096 },
        body: Buffer.alloc(4096, 'a'),
      });
      assert.equal(over.status, 413);
      assert.equal(textOf(over.text.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)[1]), SV['error.too_large_title']);
      const under = await rawRequest(small.base, 'POST', '/login', {
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 1500 },
        body: Buffer.alloc(1500, 'a'),
      });
      assert.equal(under.status, 403);
      // A real login with a small body still works.
      const c = new Client(small.base);
      assert.equal((await c.login(small.logins.reader.username, small.logins.reader.password)).status, 303);
    } finally {
      await small.stop();
    }
  });
});

describe('login and sessions', () => {
  test('the session cookie is HttpOnly, SameSite=Strict, Path=/ with the session lifetime', async () => {
    const c = new Client(server.base);
    const form = await c.get('/login');
    const login = cookieNamed(form, 'synlig_login');
    assert.ok(login, 'GET /login sets synlig_login');
    assert.match(login, /;\s*HttpOnly/i);
    assert.match(login, /;\s*SameSite=Strict/i);
    assert.match(login, /;\s*Path=\//i);
    const r = await c.post('/login', {
      form: { ...server.logins.reader, csrf: csrfOf(form.text), next: '/reports' },
    });
    assert.equal(r.status, 303);
    assert.equal(r.location, '/reports');
    const session = cookieNamed(r, 'synlig_session');
    assert.ok(session, 'POST /login sets synlig_session');
    assert.match(session, /^synlig_session=[A-Za-z0-9_-]{43,}(;|$)/, '256-bit random id');
    assert.match(session, /;\s*HttpOnly/i);
    assert.match(session, /;\s*SameSite=Strict/i);
    assert.match(session, /;\s*Path=\//i);
    assert.match(session, /;\s*Max-Age=28800/i);
    assert.doesNotMatch(session, /;\s*Secure/i, 'no Secure without secure_cookies');
    assert.match(cookieNamed(r, 'synlig_login'), /Max-Age=0/i, 'the login cookie is deleted');
  });

  test('login rotates the session: a new id every time, the old one stops working', async () => {
    const c = new Client(server.base);
    c.cookies.set('synlig_session', 'planted-by-an-attacker-0123456789abcdefghijklmnop');
    await c.mustLogin(server.logins.analyst.username, server.logins.analyst.password);
    const first = c.cookies.get('synlig_session');
    assert.notEqual(first, 'planted-by-an-attacker-0123456789abcdefghijklmnop');
    const stale = c.clone();
    await c.mustLogin(server.logins.analyst.username, server.logins.analyst.password);
    const second = c.cookies.get('synlig_session');
    assert.notEqual(second, first);
    assert.equal((await c.get('/rounds')).status, 200);
    const old = await stale.get('/rounds');
    assert.equal(old.status, 303, 'the session before the new login is gone');
    assert.equal(decodeURIComponent(old.location), '/login?next=/rounds');
  });

  test('logout ends the session: the old cookie no longer works', async () => {
    const c = await loggedIn(server, 'admin');
    const copy = c.clone();
    assert.equal((await c.post('/logout', { form: {} })).status, 403, 'logout needs CSRF too');
    assert.equal((await c.get('/admin/users')).status, 200);
    const r = await postAs(c, '/logout');
    assert.equal(r.status, 303);
    assert.equal(r.location, '/login');
    assert.match(cookieNamed(r, 'synlig_session'), /Max-Age=0/i);
    const get = await copy.get('/admin/users');
    assert.equal(get.status, 303);
    assert.match(get.location, /^\/login\?next=/);
    const post = await copy.post('/admin/units', {
      form: { name: 'Efter utloggning', sector: 'school', department: 'X', csrf: 'x' },
    });
    assert.equal(post.status, 401);
  });

  test('disabling a user or setting a password ends their sessions; an admin cannot disable themself', async () => {
    const admin = await loggedIn(server, 'admin');
    const password = 'sessions-password-0123';
    const id = await createUser(admin, 'end.sessions', 'reader', password);
    const user = new Client(server.base);
    await user.mustLogin('end.sessions', password);
    assert.equal((await user.get('/reports')).status, 200);
    assert.equal((await postAs(admin, `/admin/users/${id}/disable`)).status, 303);
    assert.equal((await user.get('/reports')).status, 303, 'the session ended');
    assert.equal((await new Client(server.base).login('end.sessions', password)).status, 401);
    assert.equal((await postAs(admin, `/admin/users/${id}/enable`)).status, 303);
    await user.mustLogin('end.sessions', password);
    const reset = await postAs(admin, `/admin/users/${id}/password`, { password: `${password}-new` });
    assert.equal(reset.status, 200);
    assert.equal((await user.get('/reports')).status, 303, 'a new password ends the sessions');
    assert.equal((await new Client(server.base).login('end.sessions', password)).status, 401);
    await user.mustLogin('end.sessions', `${password}-new`);
    const html = (await admin.get('/admin/users')).text;
    const self = idsWithPrefix(html, 'user-row-')
      .find((i) => textOf(innerById(html, `user-row-${i}`)).split(' ').includes(server.logins.admin.username));
    assert.equal((await postAs(admin, `/admin/users/${self}/disable`)).status, 409);
    assert.equal((await admin.get('/admin/users')).status, 200, 'the admin is still logged in');
  });

  test('repeated failures lock the account; an admin password reset unlocks it', async () => {
    const admin = await loggedIn(server, 'admin');
    const password = 'lockout-password-0123';
    const id = await createUser(admin, 'lock.me', 'reader', password);
    const c = new Client(server.base);
    for (let i = 1; i <= 5; i++) {
      const r = await c.login('lock.me', `wrong-password-${i}`);
      assert.equal(r.status, 401, `failure ${i}`);
      assert.ok(hasId(r.text, 'login-error'));
      assert.equal(r.setCookies.filter((x) => x.startsWith('synlig_session=')).length, 0);
    }
    const locked = await c.login('lock.me', password);
    assert.equal(locked.status, 401, 'the right password is refused while locked');
    // The message does not tell a locked account from a wrong password.
    const unknown = await new Client(server.base).login('nobody.here', password);
    assert.equal(textById(locked.text, 'login-error'), textById(unknown.text, 'login-error'));
    // Another account is not affected.
    assert.equal((await new Client(server.base).login(server.logins.reader.username,
      server.logins.reader.password)).status, 303);
    const rows = await auditRows(admin, { action: 'login_failed', user: 'lock.me' });
    const details = rows.map((r) => r[4]);
    assert.ok(details.includes('wrong password; now locked'), details.join(' | '));
    assert.ok(details.includes('locked'), details.join(' | '));
    const reset = await postAs(admin, `/admin/users/${id}/password`, { password });
    assert.equal(reset.status, 200);
    assert.equal((await c.login('lock.me', password)).status, 303);
  });
});

describe('audit log', () => {
  test('logins, failures, dashboard views and exports, reports and round changes are recorded', async () => {
    const admin = await loggedIn(server, 'admin');
    const analyst = await loggedIn(server, 'analyst');
    const reader = await loggedIn(server, 'reader');
    await new Client(server.base).login(server.logins.analyst.username, 'not-the-password');
    const units = idsWithPrefix((await analyst.get('/rounds/new')).text, 'round-unit-');
    const created = await postAs(analyst, '/rounds', {
      name: 'Granskad runda', from: '2025-01-01', to: '2025-12-31', units: [String(units[0])],
    });
    const id = Number(created.location.split('/').pop());
    const object = `round:${id}`;
    assert.equal((await postAs(analyst, `/rounds/${id}/open`)).status, 303);
    assert.equal((await analyst.get(`/rounds/${id}`)).status, 200);
    assert.equal((await analyst.get(`/rounds/${id}/tables.csv?lang=sv`)).status, 200);
    assert.equal((await postAs(analyst, `/rounds/${id}/close`)).status, 303);
    assert.equal((await reader.get(`/reports/${id}`)).status, 200);
    assert.equal((await reader.get(`/reports/${id}/tables.csv?lang=en`)).status, 200);
    assert.equal((await postAs(reader, '/logout')).status, 303);

    const analystName = server.logins.analyst.username;
    const readerName = server.logins.reader.username;
    const expectations = [
      ['login', analystName, `user:`], ['login', readerName, 'user:'],
      ['login_failed', analystName, 'user:'], ['logout', readerName, 'user:'],
      ['round_create', analystName, object], ['round_open', analystName, object],
      ['case_rows_view', analystName, object], ['case_rows_export', analystName, object],
      ['round_close', analystName, object], ['report_view', readerName, object],
      ['report_export', readerName, object],
    ];
    for (const [action, user, obj] of expectations) {
      const rows = await auditRows(admin, { action, user });
      assert.ok(rows.some((r) => r[1] === user && r[2] === action && r[3].startsWith(obj)),
        `audit has ${action} by ${user} on ${obj}: ${JSON.stringify(rows.slice(0, 3))}`);
    }
    const close = (await auditRows(admin, { action: 'round_close', user: analystName }))
      .find((r) => r[3] === object);
    assert.equal(close[4], 'open -> closed');
    // The IP address is recorded for a login.
    const login = (await auditRows(admin, { action: 'login', user: readerName }))[0];
    assert.equal(login[5], '127.0.0.1');
  });

  test('a respondent token never appears in the audit log', async () => {
    const admin = await loggedIn(server, 'admin');
    const page = await admin.get('/admin/audit');
    for (const link of server.demoLinks) assert.ok(!page.text.includes(link.path.slice(3)));
  });
});

describe('language', () => {
  test('Swedish by default; /lang?lang=en switches to the English catalog', async () => {
    const c = new Client(server.base);
    const sv = await c.get('/login');
    assert.match(sv.text, /<html lang="sv">/);
    assert.equal(textById(sv.text, 'page-heading'), SV['login.heading']);
    const r = await c.get('/lang?lang=en&next=/login');
    assert.equal(r.status, 303);
    assert.equal(r.location, '/login');
    const lang = cookieNamed(r, 'synlig_lang');
    assert.match(lang, /^synlig_lang=en;/);
    assert.match(lang, /;\s*SameSite=Lax/i);
    assert.match(lang, /;\s*HttpOnly/i);
    const en = await c.get('/login');
    assert.match(en.text, /<html lang="en">/);
    assert.equal(textById(en.text, 'page-heading'), EN['login.heading']);
    assert.equal(textById(en.text, 'lang-switch'), EN['lang.switch_to_sv']);
    const notFound = await c.get('/no-such-page');
    assert.equal(textById(notFound.text, 'page-heading'), EN['error.not_found_title']);
    await c.mustLogin(server.logins.analyst.username, server.logins.analyst.password);
    const home = await c.get('/');
    assert.match(home.text, /<html lang="en">/);
    assert.equal(textById(home.text, 'page-heading'), EN['home.heading']);
    const back = await c.get('/lang?lang=sv&next=/');
    assert.equal(back.location, '/');
    assert.match((await c.get('/')).text, /<html lang="sv">/);
  });

  test('the language switch only redirects to local paths', async () => {
    const c = new Client(server.base);
    for (const next of ['https://example.org/', '//example.org/x', '/\\example.org', 'javascript:x']) {
      const r = await c.get(`/lang?lang=en&next=${encodeURIComponent(next)}`);
      assert.equal(r.status, 303);
      assert.ok(r.location.startsWith('/') && !r.location.startsWith('//')
        && !r.location.startsWith('/\\'), `next=${next} -> ${r.location}`);
    }
  });

  test('the questionnaire switches language with its own button and keeps the answers', async () => {
    const c = new Client(server.base);
    let link;
    let form;
    for (const l of server.demoLinks) {
      form = await c.get(l.path);
      if (hasId(form.text, 'respondent-form')) { link = l.path; break; }
    }
    assert.ok(link, 'the demo has an open link that is not submitted');
    const r = await c.post(link, {
      form: [['csrf', csrfOf(form.text)], ['met_anyone', 'no'], ['entries', '0'], ['action', 'lang_en']],
    });
    assert.equal(r.status, 200);
    assert.match(r.text, /<html lang="en">/);
    assert.match(cookieNamed(r, 'synlig_lang'), /^synlig_lang=en;/);
    assert.match(r.text, /id="met-no" value="no" checked/);
  });
});
