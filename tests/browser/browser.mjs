// Browser-test helpers: Debian's Chromium driven by playwright-core (one persistent context in
// a fresh profile directory per launch), an axe-core WCAG 2.1 A/AA check that every visited
// page must pass, and form-filling helpers with the stable ids of docs/routes.md.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';

import { startServer, tempDir } from '../integration/harness.mjs';

export const CHROMIUM = process.env.SYNLIG_CHROMIUM || '/usr/bin/chromium';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Launches Chromium; returns { context, page, scripts, close }. No network but the loopback
// server: the background-networking flags keep Chromium from calling home.
//
// scriptsDisabled: the page runs no scripts, through the DevTools switch that Playwright's
// javaScriptEnabled: false uses. That option cannot be used here: it holds for the whole
// context, and axe-core, which needs timers, then never finishes. `scripts` (a CDP session)
// lets checkA11y switch scripts on for the check only.
export async function launch({ scriptsDisabled = false } = {}) {
  const profile = tempDir('synlig-chromium-');
  let context;
  try {
    context = await chromium.launchPersistentContext(profile.path, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      timeout: 30_000,
    });
  } catch (e) {
    profile.remove();
    throw e;
  }
  context.setDefaultTimeout(10_000);
  const page = context.pages()[0] ?? await context.newPage();
  let scripts = null;
  if (scriptsDisabled) {
    scripts = await context.newCDPSession(page);
    await scripts.send('Emulation.setScriptExecutionDisabled', { value: true });
  }
  return {
    context,
    page,
    scripts,
    async close() {
      await context.close();
      profile.remove();
    },
  };
}

// Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page; fails on any violation, naming
// each rule, its help text and the offending elements. With `scripts` (see launch) scripts
// are switched on for the check and off again after it; a page's own script (the ads page's
// upload.js) is not run by that, since it would have run when the page loaded.
export async function checkA11y(page, label, { scripts = null } = {}) {
  let results;
  if (scripts) await scripts.send('Emulation.setScriptExecutionDisabled', { value: false });
  try {
    results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  } finally {
    if (scripts) await scripts.send('Emulation.setScriptExecutionDisabled', { value: true });
  }
  if (results.violations.length === 0) return;
  const lines = results.violations.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((n) => `      ${n.target.join(' ')}`).join('\n');
    return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
  });
  assert.fail(`axe found ${results.violations.length} WCAG violation(s) on ${label} `
    + `(${page.url()}):\n${lines.join('\n')}`);
}

// Records every page the tab loads so that a test cannot visit one without checking it:
// `audit(label)` runs axe on the current page; `assertAllAudited()` fails when a loaded page
// was not checked.
export function auditedTab(page, { scripts = null } = {}) {
  let pending = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && frame.url() !== 'about:blank') pending.push(frame.url());
  });
  return {
    async audit(label) {
      await page.waitForLoadState('load');
      assert.ok(pending.length <= 1,
        `pages visited without an axe check before ${label}: ${pending.slice(0, -1).join(', ')}`);
      await checkA11y(page, label, { scripts });
      pending = [];
    },
    assertAllAudited() {
      assert.deepEqual(pending, [], 'every visited page had an axe check');
    },
  };
}

// Logs in through the login form (opened first unless the tab shows it; the caller has
// checked it then); waits for the page after the redirect, which the caller checks.
export async function login(page, tab, base, { username, password }) {
  if (new URL(page.url()).pathname !== '/login') {
    await page.goto(`${base}/login`);
    await tab.audit('login page');
  }
  await page.fill('#username', username);
  await page.fill('#password', password);
  await clickAndWait(page, '#login-submit');
  assert.notEqual(new URL(page.url()).pathname, '/login', `login of ${username}`);
}

// Clicks something that submits a form or follows a link, and waits for the new page.
export async function clickAndWait(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

// Fills entry i of the questionnaire with a person (see tests/integration/respondent.mjs).
export async function fillPerson(page, i, person) {
  for (const [item, value] of Object.entries(person)) {
    if (item === 'key') continue;
    for (const v of Array.isArray(value) ? value : [value]) await page.check(`#e${i}-${item}-${v}`);
  }
  if (person.key) {
    await page.fill(`#e${i}-mk-year`, person.key.year);
    await page.fill(`#e${i}-mk-first`, person.key.first);
    await page.fill(`#e${i}-mk-last`, person.key.last);
  }
}

// The ids of the checked radios and checkboxes of the page, sorted.
export async function checkedIds(page) {
  const ids = await page.locator('input:checked').evaluateAll((els) => els.map((e) => e.id));
  return ids.sort();
}

// The set-up of a browser test file: a real server and Chromium, started before the file's
// tests and stopped after them. `setup(env)` runs once both are up, with env's server, browser,
// page and tab (see auditedTab): the file keeps what it needs and may prepare more (a round to
// create, say). The returned env holds the same once the tests run. At the top of the file:
//   let server, page, tab;
//   withServerAndBrowser({ setup: (up) => ({ server, page, tab } = up) });
export function withServerAndBrowser({ scriptsDisabled = false, setup = null } = {}) {
  const env = { server: null, browser: null, page: null, tab: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launch({ scriptsDisabled });
    env.page = env.browser.page;
    env.tab = auditedTab(env.page, { scripts: env.browser.scripts });
    if (setup) await setup(env);
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.stop();
  });
  return env;
}

// Signs out through the header's button and checks the login page it leads to.
export async function logout(page, tab) {
  await clickAndWait(page, '#logout-button');
  await tab.audit('login page after logout');
}
