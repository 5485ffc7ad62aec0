// Request recipes of the attitude-work log, MIKA/KAST and feasibility routes for the route ×
// role matrix (access.test.mjs): each returns the path with real ids, the form and the
// success status of an allowed caller. Things a recipe deletes are made fresh each time.
import { idsWithPrefix } from './html.mjs';

let made = 0;

// ctx: { clients } (role -> logged-in Client, filled before the first recipe runs).
export function followupRecipes(ctx) {
  const c = (role) => ctx.clients[role];
  const post = async (role, path, form) => c(role).post(path, {
    form: { ...form, csrf: await c(role).sessionCsrf() },
  });
  async function schoolPlace() {
    const html = (await c('prevention_coordinator').get('/prevention/activities/new')).text;
    return html.match(/value="(school:\d+)"[^>]*>[^<]*Åk 9/)[1];  // a school with grade 9
  }
  async function activityForm() {
    return {
      date: '2025-09-10', kind: 'lesson', place: await schoolPlace(), target: 'grade',
      grades: ['9'], reached: '30', method: 'Matris', partner: '',
    };
  }
  async function newActivity() {
    const r = await post('prevention_coordinator', '/prevention/activities', await activityForm());
    if (r.status !== 303) throw new Error(`creating an activity: ${r.status}`);
    return Number(r.location.match(/\/prevention\/activities\/(\d+)/)[1]);
  }
  async function clinicId() {
    const r = await c('clinic_staff').get('/clinic');
    return Number(r.location.match(/^\/clinics\/(\d+)$/)[1]);
  }
  const contact = {
    date: '2025-05-02', channel: 'phone', visit: 'new', gender: 'man', age_band: '35_49',
    kind: 'buyer', found_via: 'internet', referral: 'none',
  };
  async function newContact(clinic) {
    const r = await post('clinic_staff', `/clinics/${clinic}/contacts`, contact);
    if (r.status !== 303) throw new Error(`creating a contact: ${r.status}`);
    const html = (await c('clinic_staff').get(`/clinics/${clinic}?year=2025`)).text;
    return Math.max(...idsWithPrefix(html, 'contact-row-'));
  }
  async function newReference() {
    const r = await post('analyst', '/feasibility/references', {
      clinic: `Matris ${++made}`, city: '', year: '', value: '1', measure: 'test', source: 'test',
    });
    if (r.status !== 303) throw new Error(`creating a reference: ${r.status}`);
    const html = (await c('analyst').get('/feasibility')).text;
    return Math.max(...idsWithPrefix(html, 'reference-row-'));
  }
  async function staffUserId() {
    const html = (await c('admin').get('/admin/users')).text;
    for (const m of html.matchAll(/<tr id="user-row-(\d+)">([\s\S]*?)<\/tr>/g)) {
      if (m[2].includes('demo.clinic_staff')) return Number(m[1]);
    }
    throw new Error('no demo.clinic_staff user');
  }
  return {
    'GET /prevention': () => ({ path: '/prevention', ok: 200 }),
    'GET /prevention/activities/new': () => ({ path: '/prevention/activities/new', ok: 200 }),
    'POST /prevention/activities': async () => ({
      path: '/prevention/activities', ok: 303, form: await activityForm(),
    }),
    'GET /prevention/activities/{id}': async () => ({
      path: `/prevention/activities/${await newActivity()}`, ok: 200,
    }),
    'POST /prevention/activities/{id}/attitudes': async () => ({
      path: `/prevention/activities/${await newActivity()}/attitudes`, ok: 303,
      form: { 'buying_ok.before.agree_fully': '2', 'buying_ok.after.agree_fully': '1' },
    }),
    'POST /prevention/activities/{id}/delete': async () => ({
      path: `/prevention/activities/${await newActivity()}/delete`, ok: 303, form: {},
    }),
    'GET /prevention/schools': () => ({ path: '/prevention/schools', ok: 200 }),
    'POST /prevention/schools': () => ({
      path: '/prevention/schools', ok: 303, form: { name: `Matrisskolan ${++made}`, grades: ['7'] },
    }),
    'GET /prevention/coverage': () => ({ path: '/prevention/coverage', ok: 200 }),
    'GET /clinic': () => ({ path: '/clinic', ok: 303 }),
    'GET /clinics/statistics': () => ({ path: '/clinics/statistics', ok: 200 }),
    'GET /clinics/{id}': async () => ({ path: `/clinics/${await clinicId()}`, ok: 200 }),
    'POST /clinics/{id}/contacts': async () => ({
      path: `/clinics/${await clinicId()}/contacts`, ok: 303, form: contact,
    }),
    'POST /clinics/{id}/contacts/{id}/delete': async () => {
      const clinic = await clinicId();
      return { path: `/clinics/${clinic}/contacts/${await newContact(clinic)}/delete`, ok: 303,
        form: {} };
    },
    'GET /admin/clinics': () => ({ path: '/admin/clinics', ok: 200 }),
    'POST /admin/clinics': () => ({
      path: '/admin/clinics', ok: 303, form: { name: `Matrismottagning ${++made}`, kind: 'kast',
        city: '' },
    }),
    'POST /admin/clinics/staff': async () => ({
      path: '/admin/clinics/staff', ok: 303,
      form: { user: String(await staffUserId()), clinic: String(await clinicId()) },
    }),
    'GET /feasibility': () => ({ path: '/feasibility', ok: 200 }),
    'POST /feasibility/assumptions': () => ({
      path: '/feasibility/assumptions', ok: 303,
      form: { counsellors: '2', cost_per_fte: '700000', other_costs: '0', expected_clients: '50' },
    }),
    'POST /feasibility/references': () => ({
      path: '/feasibility/references', ok: 303,
      form: { clinic: `Matris ${++made}`, city: '', year: '', value: '1', measure: 'm', source: 's' },
    }),
    'POST /feasibility/references/{id}/delete': async () => ({
      path: `/feasibility/references/${await newReference()}/delete`, ok: 303, form: {},
    }),
  };
}
