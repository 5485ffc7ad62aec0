// Login and sessions over HTTP: cookie attributes, rotation at login, logout, sessions ended
// by disabling a user or setting a password, lock-out after repeated failures; and the audit
// log of logins, failures, dashboard views and exports, reports and round changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  Client, cookieNamed, createUser, csrfOf, loggedIn, postAs, startServer,
} from './harness.mjs';
import { hasId, idsWithPrefix, innerById, tableRows, textById, textOf } from './html.mjs';
import { publishReport } from './report_workflow.mjs';

let server;
before(async () => { server = await startServer(); });
after(async () => { if (server) await server.stop(); });

async function auditRows(admin, query) {
  const r = await admin.get(`/admin/audit?${new URLSearchParams(query)}`);
  assert.equal(r.status, 200);
  return tableRows(r.text, 'audit-table').slice(1);  // at, user, action, object, detail, ip
}

describe('login and sessions', () => {
  test('the session cookie is HttpOnly, SameSite=Strict, Path=/, session lifetime', async () => {
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

  test('disabling a user or a new password ends their sessions; no self-disable', async () => {
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
    const reset = await postAs(admin, `/admin/users/${id}/password`, {
      password: `${password}-new`,
    });
    assert.equal(reset.status, 200);
    assert.equal((await user.get('/reports')).status, 303, 'a new password ends the sessions');
    assert.equal((await new Client(server.base).login('end.sessions', password)).status, 401);
    await user.mustLogin('end.sessions', `${password}-new`);
    const html = (await admin.get('/admin/users')).text;
    const self = idsWithPrefix(html, 'user-row-')
      .find((i) => textOf(innerById(html, `user-row-${i}`)).split(' ')
        .includes(server.logins.admin.username));
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
  test('logins, failures, dashboard views, exports and round changes are recorded', async () => {
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
    await publishReport(server, id);
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
      ['report_download', readerName, object],
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
