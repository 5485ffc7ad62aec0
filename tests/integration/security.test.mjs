// Security behaviour over HTTP: response headers, CSRF, respondent-token 404s, body limits
// and the language switch (login, sessions and the audit log are in sessions.test.mjs).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import {
  Client, cookieNamed, csrfOf, loggedIn, postAs, rawRequest, startServer,
} from './harness.mjs';
import { hasId, idsWithPrefix, textById, textOf } from './html.mjs';
import { catalog } from './respondent.mjs';

const FORM = 'application/x-www-form-urlencoded';
const EN = catalog('en');
const SV = catalog('sv');
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
  + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

function checkSecurityHeaders(res, what, { cacheable = false } = {}) {
  assert.equal(res.headers.get('content-security-policy'), CSP, `${what}: CSP`);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers.get('referrer-policy'), 'no-referrer', `${what}: Referrer-Policy`);
  assert.equal(res.headers.get('x-frame-options'), 'DENY', `${what}: X-Frame-Options`);
  assert.equal(res.headers.get('cache-control'), cacheable ? 'public, max-age=3600' : 'no-store',
    `${what}: Cache-Control`);
}

async function unitCount(admin) {
  return idsWithPrefix((await admin.get('/admin/units')).text, 'unit-row-').length;
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
      headers: { 'content-type': FORM, 'content-length': 300 * 1024 },
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
      const header = await admin.post('/admin/units', { form, headers: { 'x-csrf-token': csrf } });
      assert.equal(header.status, 403);
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
    const wrong = await analyst.post(`/rounds/${id}/close`, { form: { csrf: 'wrong' } });
    assert.equal(wrong.status, 403);
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
    const form = { username, password, csrf: csrfA };
    const noCookie = await new Client(server.base).post('/login', { form });
    assert.equal(noCookie.status, 403, 'no login cookie');
    assert.equal((await a.post('/login', { form })).status, 303);
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
        headers: { 'content-type': FORM, 'content-length': 257 * 1024 },
        body: Buffer.alloc(257 * 1024, 'a'),
      });
      assert.equal(r.status, 413, path);
      assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    }
    const fine = await rawRequest(server.base, 'POST', '/login', {
      headers: { 'content-type': FORM, 'content-length': 200 * 1024 },
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
      headers: { 'content-type': FORM },
      body: Array.from({ length: 20 }, () => chunk),
    });
    assert.equal(form.status, 413);
    const small = await rawRequest(server.base, 'POST', '/login', {
      headers: { 'content-type': FORM },
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
        headers: { 'content-type': FORM, 'content-length': 4096 },
        body: Buffer.alloc(4096, 'a'),
      });
      assert.equal(over.status, 413);
      const heading = textOf(over.text.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)[1]);
      assert.equal(heading, SV['error.too_large_title']);
      const under = await rawRequest(small.base, 'POST', '/login', {
        headers: { 'content-type': FORM, 'content-length': 1500 },
        body: Buffer.alloc(1500, 'a'),
      });
      assert.equal(under.status, 403);
      // A real login with a small body still works.
      const c = new Client(small.base);
      const { username, password } = small.logins.reader;
      assert.equal((await c.login(username, password)).status, 303);
    } finally {
      await small.stop();
    }
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
    for (const next of ['https://example.org/', '//example.org/x', '/\\example.org',
      'javascript:x']) {
      const r = await c.get(`/lang?lang=en&next=${encodeURIComponent(next)}`);
      assert.equal(r.status, 303);
      assert.ok(r.location.startsWith('/') && !r.location.startsWith('//')
        && !r.location.startsWith('/\\'), `next=${next} -> ${r.location}`);
    }
  });

  test('the questionnaire switches language with its own button, keeping answers', async () => {
    const c = new Client(server.base);
    let link;
    let form;
    for (const l of server.demoLinks) {
      form = await c.get(l.path);
      if (hasId(form.text, 'respondent-form')) { link = l.path; break; }
    }
    assert.ok(link, 'the demo has an open link that is not submitted');
    const r = await c.post(link, {
      form: [['csrf', csrfOf(form.text)], ['met_anyone', 'no'], ['entries', '0'],
        ['action', 'lang_en']],
    });
    assert.equal(r.status, 200);
    assert.match(r.text, /<html lang="en">/);
    assert.match(cookieNamed(r, 'synlig_lang'), /^synlig_lang=en;/);
    assert.match(r.text, /id="met-no" value="no" checked/);
  });
});
