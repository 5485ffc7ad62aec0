// The route × role matrix: every route of docs/routes.md, requested as every role and
// anonymously, with real ids and tokens and a valid CSRF token, allowed or denied exactly as
// the table says. Also undeclared paths and methods, HEAD, and that denied POSTs change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  Client, ROLES, createUser, csrfOf, loggedIn, postAs, setCookies, startServer,
} from './harness.mjs';
import { idsWithPrefix, readRouteTable } from './html.mjs';
import { trainingRecipes, trainingSetup, uploadBody } from './training_support.mjs';
import { followupRecipes } from './prevention_recipes.mjs';
import { prepareReportRecipes, reportRecipes } from './report_recipes.mjs';

const ROUTES = readRouteTable();
const REQUESTERS = [...ROLES, 'anonymous'];
const PASSWORD = 'matrix-password-0123';

let server;
const clients = {};  // role -> logged-in Client
const ids = {};      // what the recipes substitute into paths
let created = 0;     // unique suffix for things the allowed requests create

async function relogin(role) {
  clients[role] = await loggedIn(server, role);
}

async function createRound(analyst, name, { open = false } = {}) {
  const r = await analyst.post('/rounds', {
    form: {
      csrf: await analyst.sessionCsrf(), name, from: '2025-01-01', to: '2025-12-31',
      units: ids.units.slice(0, 2).map(String), k: '5', questionnaire: 'standard:1',
    },
  });
  assert.equal(r.status, 303, `creating round ${name}: ${r.status}`);
  const id = Number(r.location.match(/^\/rounds\/(\d+)$/)[1]);
  if (open) {
    assert.equal((await postAs(analyst, `/rounds/${id}/open`)).status, 303);
  }
  return id;
}

// A fresh login-form cookie and its CSRF token (for POST /login).
async function loginForm() {
  const r = await fetch(`${server.base}/login`);
  const cookie = setCookies(r.headers).map((c) => c.split(';')[0])
    .find((c) => c.startsWith('synlig_login='));
  return { cookie, csrf: csrfOf(await r.text()) };
}

// How each route is called so that an allowed caller succeeds: the path with real ids, the
// form (the CSRF token is added by the caller), the success status, and which sessions the
// request ends (they are logged in again afterwards).
const RECIPES = {
  'GET /healthz': () => ({ path: '/healthz', ok: 200 }),
  'GET /static/{file}': () => ({ path: '/static/synlig.css', ok: 200 }),
  'GET /lang': () => ({ path: '/lang?lang=en&next=/login', ok: 303 }),
  'GET /': () => ({ path: '/', ok: 200 }),
  'GET /login': () => ({ path: '/login', ok: 200 }),
  'POST /login': async () => {
    const { cookie, csrf } = await loginForm();
    return {
      path: '/login', ok: 303, loginCookie: cookie, endsSession: true,
      form: { username: 'matrix.login', password: PASSWORD, csrf, next: '/' },
    };
  },
  'POST /logout': () => ({ path: '/logout', ok: 303, form: {}, endsSession: true }),
  'GET /r/{token}': () => ({ path: `/r/${ids.token}`, ok: 200 }),
  'POST /r/{token}': () => ({
    path: `/r/${ids.token}`, ok: 200,
    form: { csrf: ids.respondentCsrf, met_anyone: 'unknown', entries: '0', action: 'save' },
  }),
  'GET /rounds': () => ({ path: '/rounds', ok: 200 }),
  'GET /rounds/new': () => ({ path: '/rounds/new', ok: 200 }),
  'POST /rounds': () => ({
    path: '/rounds', ok: 303,
    form: {
      name: `Matrix round ${++created}`, from: '2025-01-01', to: '2025-12-31',
      units: [String(ids.units[0])], k: '5', questionnaire: 'standard:1',
    },
  }),
  'GET /rounds/{id}': () => ({ path: `/rounds/${ids.openRound}`, ok: 200 }),
  'POST /rounds/{id}/open': () => ({ path: `/rounds/${ids.draftRound}/open`, ok: 303, form: {} }),
  'POST /rounds/{id}/close': () => ({ path: `/rounds/${ids.closeRound}/close`, ok: 303, form: {} }),
  'POST /rounds/{id}/links': () => ({
    path: `/rounds/${ids.openRound}/links`, ok: 200, form: { unit: 'all' },
  }),
  'POST /rounds/{id}/links.csv': () => ({
    path: `/rounds/${ids.openRound}/links.csv`, ok: 200, form: { token: ids.tokens },
  }),
  'GET /rounds/{id}/tables.csv': () => ({
    path: `/rounds/${ids.openRound}/tables.csv?lang=en`, ok: 200,
  }),
  'GET /rounds/{id}/ads': () => ({ path: `/rounds/${ids.openRound}/ads`, ok: 200 }),
  // Without a file the upload is refused (422) and nothing is stored; ads.test.mjs
  // uploads real files.
  'POST /rounds/{id}/ads': () => ({
    path: `/rounds/${ids.openRound}/ads`, ok: 422, form: {},
  }),
  // Choosing the (only) import of the round again: 303, nothing changes.
  'POST /rounds/{id}/ads/report': () => ({
    path: `/rounds/${ids.openRound}/ads/report`, ok: 303, form: { import: ids.adImport },
  }),
  'GET /reports': () => ({ path: '/reports', ok: 200 }),
  'GET /reports/{id}': () => ({ path: `/reports/${ids.closedRound}`, ok: 200 }),
  'GET /reports/{id}/tables.csv': () => ({
    path: `/reports/${ids.closedRound}/tables.csv`, ok: 200,
  }),
  'GET /my-unit': () => ({ path: '/my-unit', ok: 200 }),
  'GET /admin/users': () => ({ path: '/admin/users', ok: 200 }),
  'POST /admin/users': () => ({
    path: '/admin/users', ok: 303,
    form: {
      username: `matrix.new${++created}`, display_name: 'Matrix', email: '', role: 'reader',
      unit: '', password: PASSWORD,
    },
  }),
  'POST /admin/users/{id}/disable': () => ({
    path: `/admin/users/${ids.targetUser}/disable`, ok: 303, form: {},
  }),
  'POST /admin/users/{id}/enable': () => ({
    path: `/admin/users/${ids.targetUser}/enable`, ok: 303, form: {},
  }),
  'POST /admin/users/{id}/password': () => ({
    path: `/admin/users/${ids.targetUser}/password`, ok: 200, form: { password: PASSWORD },
  }),
  'GET /admin/units': () => ({ path: '/admin/units', ok: 200 }),
  'POST /admin/units': () => ({
    path: '/admin/units', ok: 303,
    form: { name: `Matrix unit ${++created}`, sector: 'social_services', department: 'Test' },
  }),
  'GET /admin/audit': () => ({ path: '/admin/audit?action=login', ok: 200 }),
  ...followupRecipes({ clients }),
  ...reportRecipes({ clients, ids }),
};

function expected(route, requester) {
  if (route.access === 'anonymous' || route.access === 'respondent token') return 'allow';
  if (requester === 'anonymous') return route.method === 'GET' ? 'login' : 'unauthenticated';
  if (route.access === 'any role' || route.access.includes(requester)) return 'allow';
  return 'forbidden';
}

// Sends the request of `recipe` as `requester`; returns the response.
async function send(route, requester, recipe) {
  const cookies = [];
  const client = requester === 'anonymous' ? null : clients[requester];
  if (client) cookies.push(client.cookieHeader());
  if (recipe.loginCookie) cookies.push(recipe.loginCookie);
  const headers = cookies.length ? { cookie: cookies.join('; ') } : {};
  const c = new Client(server.base);
  let form = recipe.form;
  if (route.method === 'POST' && form && !('csrf' in form) && client) {
    form = { ...form, csrf: await client.sessionCsrf() };
  }
  if (recipe.multipart) {  // the training import's upload
    return c.request(route.method, recipe.path, {
      body: await uploadBody(client), headers, keepCookies: false,
    });
  }
  return c.request(route.method, recipe.path, { form, headers, keepCookies: false });
}

before(async () => {
  server = await startServer();
  for (const role of ROLES) await relogin(role);
  const admin = clients.admin;
  const analyst = clients.analyst;
  ids.targetUser = await createUser(admin, 'matrix.target', 'reader', PASSWORD);
  await createUser(admin, 'matrix.login', 'reader', PASSWORD);
  ids.units = idsWithPrefix((await analyst.get('/rounds/new')).text, 'round-unit-');
  assert.ok(ids.units.length >= 2, 'the demo has units');
  ids.draftRound = await createRound(analyst, 'Matrix draft');
  ids.closeRound = await createRound(analyst, 'Matrix to close', { open: true });
  ids.openRound = await createRound(analyst, 'Matrix open', { open: true });
  const links = await analyst.post(`/rounds/${ids.openRound}/links`, {
    form: { csrf: await analyst.sessionCsrf(), unit: 'all' },
  });
  assert.equal(links.status, 200);
  ids.tokens = [...links.text.matchAll(/name="token" value="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(ids.tokens.length, 2, 'one link per unit of the round');
  ids.token = ids.tokens[0];
  ids.respondentCsrf = csrfOf((await new Client(server.base).get(`/r/${ids.token}`)).text);
  // An ad import of the open round, for the choice of the report's import.
  const ad = JSON.stringify({
    site: 'site-a.example', ad_id: 'm1', captured_on: '2025-03-03', city: 'Linköping',
    title: 'Matrix', text: 'Matris', phones: [],
  });
  const upload = new FormData();
  upload.append('csrf', await analyst.sessionCsrf());
  upload.append('file', new Blob([`${ad}\n`]), 'matrix.jsonl');
  const imported = await analyst.post(`/rounds/${ids.openRound}/ads`, { body: upload });
  assert.equal(imported.status, 303, imported.text);
  [, ids.adImport] = imported.location.match(/[?]import=(\d+)$/);
  const reports = (await analyst.get('/reports')).text;
  [ids.closedRound] = idsWithPrefix(reports, 'report-link-');
  assert.ok(ids.closedRound, 'the demo has a published report');
  await prepareReportRecipes({ clients, ids });
  ids.roundsBefore = idsWithPrefix((await analyst.get('/rounds')).text, 'round-link-').length;
  ids.unitsBefore = idsWithPrefix((await admin.get('/admin/units')).text, 'unit-row-').length;
  Object.assign(RECIPES, trainingRecipes(await trainingSetup(() => clients.admin, () => ++created),
    () => ++created));
});

after(async () => { if (server) await server.stop(); });

test('docs/routes.md lists the routes the matrix is built from', () => {
  assert.ok(ROUTES.length >= 25, `only ${ROUTES.length} routes parsed`);
  for (const r of ROUTES) {
    assert.ok(Array.isArray(r.access) ? r.access.every((x) => ROLES.includes(x)) : true,
      `${r.method} ${r.path}: unknown role in ${r.access}`);
  }
});

describe('route × role matrix', () => {
  for (const route of ROUTES) {
    const key = `${route.method} ${route.path}`;
    test(key, async () => {
      assert.ok(RECIPES[key], `no request recipe for ${key}: add one to access.test.mjs`);
      const wrong = [];
      for (const requester of REQUESTERS) {
        const recipe = await RECIPES[key]();
        const want = expected(route, requester);
        const res = await send(route, requester, recipe);
        let ok;
        if (want === 'allow') ok = res.status === recipe.ok;
        else if (want === 'forbidden') ok = res.status === 403;
        else if (want === 'unauthenticated') ok = res.status === 401;
        else {
          ok = res.status === 303 && res.location?.startsWith('/login?next=')
            && decodeURIComponent(res.location.slice('/login?next='.length))
              === recipe.path;
        }
        const wanted = want === 'allow' ? `allow (${recipe.ok})` : want;
        const got = `${res.status} ${res.location ?? ''}`;
        if (!ok) wrong.push(`${requester}: want ${wanted}, got ${got}`);
        if (recipe.endsSession && requester !== 'anonymous') await relogin(requester);
      }
      assert.deepEqual(wrong, [], `${key}:\n  ${wrong.join('\n  ')}`);
    });
  }
});

test('denied POSTs changed nothing: the allowed calls made one round, unit and user', async () => {
  const rounds = idsWithPrefix((await clients.analyst.get('/rounds')).text, 'round-link-');
  assert.equal(rounds.length, ids.roundsBefore + 1);
  const units = idsWithPrefix((await clients.admin.get('/admin/units')).text, 'unit-row-');
  assert.equal(units.length, ids.unitsBefore + 1);
  const users = (await clients.admin.get('/admin/users')).text;
  const made = [...users.matchAll(/matrix\.new\d+/g)].map((m) => m[0]);
  assert.equal(new Set(made).size, 1, `users made by the matrix: ${[...new Set(made)]}`);
});

test('HEAD is answered like GET, without a body', async () => {
  for (const route of ROUTES.filter((r) => r.method === 'GET')) {
    const recipe = await RECIPES[`GET ${route.path}`]();
    for (const requester of ['anonymous', 'analyst']) {
      const get = await send(route, requester, recipe);
      const head = await send({ ...route, method: 'HEAD' }, requester, recipe);
      assert.equal(head.status, get.status, `HEAD ${recipe.path} as ${requester}`);
      assert.equal(head.text, '');
    }
  }
});

test('an undeclared path is 404, the same bytes with or without a session', async () => {
  const anon = new Client(server.base);
  const reference = await anon.get('/no-such-page');
  assert.equal(reference.status, 404);
  for (const path of ['/no-such-page', '/admin', '/rounds/', '/rounds/abc', '/rounds/1/delete',
    '/reports/x/tables.csv', '/r/', '/static/', '/static/..%2Fsecret', '/healthz/x',
    `/rounds/${ids.openRound}/links.csv`]) {
    for (const requester of ['anonymous', 'admin', 'analyst']) {
      const c = requester === 'anonymous' ? anon : clients[requester];
      const r = await c.get(path);
      assert.equal(r.status, 404, `GET ${path} as ${requester}`);
    }
  }
  assert.equal((await clients.admin.get('/no-such-page')).text, reference.text);
  assert.equal((await clients.analyst.get('/no-such-page')).text, reference.text);
});

test('an id or token that does not exist is 404 for a role that may use the route', async () => {
  const analyst = clients.analyst;
  for (const path of ['/rounds/999999', '/rounds/999999/tables.csv', '/reports/999999',
    '/reports/999999/tables.csv', `/reports/${ids.openRound}`]) {
    assert.equal((await analyst.get(path)).status, 404, `GET ${path}`);
  }
  for (const path of ['/rounds/999999/open', '/rounds/999999/close', '/rounds/999999/links']) {
    assert.equal((await postAs(analyst, path, { unit: 'all' })).status, 404, `POST ${path}`);
  }
  for (const path of ['/admin/users/999999/disable', '/admin/users/999999/enable']) {
    assert.equal((await postAs(clients.admin, path)).status, 404, `POST ${path}`);
  }
});

test('an unsupported method is 404 (routes.md: PUT, DELETE, … are 404)', async () => {
  for (const [method, path] of [['PUT', '/'], ['DELETE', `/rounds/${ids.openRound}`],
    ['PATCH', '/healthz'], ['PUT', '/login'], ['DELETE', '/admin/users/1'], ['OPTIONS', '/login'],
    ['POST', '/healthz'], ['POST', `/rounds/${ids.openRound}/tables.csv`], ['GET', '/logout']]) {
    const r = await clients.admin.request(method, path, {
      form: method === 'GET' ? undefined : { csrf: await clients.admin.sessionCsrf() },
    });
    assert.equal(r.status, 404, `${method} ${path}`);
  }
});
