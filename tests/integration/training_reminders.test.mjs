// Reminder e-mails of the training register sent through a real SMTP server on loopback
// (Debian's python3-aiosmtpd with its Maildir handler, started per describe on a free port):
// without [smtp] sending is refused; managers get one message per unit, employees one each,
// to the right recipient, with the Swedish subject and the counting courses, and no other
// employee's name or address.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { loggedIn, postAs, startServer } from './harness.mjs';
import { textById } from './html.mjs';
import { decodeHeader, decodeQuotedPrintable, startSmtp } from './training_support.mjs';

let server;  // without [smtp]
let tc;  // its demo training coordinator

before(async () => {
  server = await startServer();
  tc = await loggedIn(server, 'training_coordinator');
});
after(async () => { if (server) await server.stop(); });

describe('reminders over SMTP', () => {
  let smtp;
  let mailServer;
  before(async () => {
    smtp = await startSmtp();
    mailServer = await startServer({
      env: {
        SYNLIG_SMTP_HOST: '127.0.0.1', SYNLIG_SMTP_PORT: String(smtp.port),
        SYNLIG_SMTP_SECURITY: 'none', SYNLIG_SMTP_FROM: 'utbildning@demo.synlig.invalid',
        SYNLIG_SMTP_FROM_NAME: 'Utbildningsregistret',
      },
    });
  });
  after(async () => {
    if (mailServer) await mailServer.stop();
    if (smtp) await smtp.stop();
  });

  test('without [smtp] sending is refused with 409 and nothing is sent', async () => {
    const page = (await tc.get('/training/reminders?audience=employees')).text;
    assert.match(page, /id="reminder-no-mail"/);
    const r = await postAs(tc, '/training/reminders', {
      audience: 'employees', unit: '', lang: 'sv', note: '',
    });
    assert.equal(r.status, 409);
  });

  test('managers get a message per unit, employees one each: a real SMTP server', async () => {
    const coordinator = await loggedIn(mailServer, 'training_coordinator');
    const preview = (await coordinator.get(
      '/training/reminders?audience=managers&unit=&lang=sv&note=')).text;
    const count = Number(textById(preview, 'reminder-count').match(/^(\d+)/)[1]);
    assert.ok(count >= 1);
    assert.match(textById(preview, 'reminder-without-manager'), /Socialjouren/);
    let r = await postAs(coordinator, '/training/reminders', {
      audience: 'managers', unit: '', lang: 'sv', note: 'Kursen tar ungefär en timme.',
    });
    assert.equal(r.status, 200);
    assert.match(textById(r.text, 'reminder-result'), new RegExp(`${count} meddelanden skickades`));
    let messages = smtp.messages();
    assert.equal(messages.length, count);
    const toManager = messages.find((m) => /^To: <chef\.falt@demo\.synlig\.invalid>/m.test(m));
    assert.ok(toManager, 'the field group\'s manager got a message');
    assert.equal(decodeHeader(toManager.match(/^Subject: (.*(?:\r?\n\s.*)*)/m)[1]),
      'Påminnelse: utbildning om sex mot ersättning för Fältgruppen');
    const body = decodeQuotedPrintable(toManager.split(/\r?\n\r?\n/).slice(1).join('\n\n'));
    assert.match(body, /Kursen tar ungefär en timme\./);
    assert.match(body,
      /Sex mot ersättning – webbutbildning, inriktning barn och unga \(Socialstyrelsen\)/);
    assert.match(body, /@demo\.synlig\.invalid>/);
    // One unit's employees, in English.
    const unitPage = (await coordinator.get('/training')).text;
    const [, unit, expectedText] = unitPage.match(
      /<tr id="coverage-unit-(\d+)">(?:(?!<\/tr>)[^])*?<td class="num">([1-9]\d*)<\/td>/);
    const expected = Number(expectedText);
    const missing = (await coordinator.get(`/training/units/${unit}`)).text;
    assert.equal((missing.match(/<tr><th scope="row">/g) || []).length, expected);
    r = await postAs(coordinator, '/training/reminders', {
      audience: 'employees', unit: String(unit), lang: 'en', note: '',
    });
    assert.equal(r.status, 200);
    const before = new Set(messages);
    messages = smtp.messages();
    assert.equal(messages.length, count + expected);
    const english = messages.filter((m) => !before.has(m));  // file names do not sort by time
    assert.equal(english.length, expected);
    assert.ok(english.every((m) => /Subject: Reminder: training on sex for compensation/.test(m)));
    const admin = await loggedIn(mailServer, 'admin');
    assert.match((await admin.get('/admin/audit?action=training_reminders_send')).text,
      /managers: \d+ sent, 0 failed/);
  });
});

// The missing employees a unit's page lists for its manager: [{ name, email }].
function missingOf(unitPage) {
  return [...unitPage.matchAll(/<tr><th scope="row">([^<]*)<\/th><td>([^<]*)<\/td>/g)]
    .map((m) => ({ name: m[1], email: m[2] }));
}

// The body of a received message, quoted-printable decoded.
function bodyOf(message) {
  return decodeQuotedPrintable(message.split(/\r?\n\r?\n/).slice(1).join('\n\n'));
}

describe('reminders to employees over SMTP', () => {
  let smtp;
  let mailServer;
  before(async () => {
    smtp = await startSmtp();
    mailServer = await startServer({
      env: {
        SYNLIG_SMTP_HOST: '127.0.0.1', SYNLIG_SMTP_PORT: String(smtp.port),
        SYNLIG_SMTP_SECURITY: 'none', SYNLIG_SMTP_FROM: 'utbildning@demo.synlig.invalid',
        SYNLIG_SMTP_FROM_NAME: 'Utbildningsregistret',
      },
    });
  });
  after(async () => {
    if (mailServer) await mailServer.stop();
    if (smtp) await smtp.stop();
  });

  test('each missing employee gets one Swedish message with the courses and no one else\'s data',
    async () => {
      const coordinator = await loggedIn(mailServer, 'training_coordinator');
      const coverage = (await coordinator.get('/training')).text;
      const units = [...coverage.matchAll(/<tr id="coverage-unit-(\d+)">/g)].map((m) => m[1]);
      const missing = {};  // unit id -> its missing employees
      for (const unit of units) {
        missing[unit] = missingOf((await coordinator.get(`/training/units/${unit}`)).text);
      }
      const [unit] = units.filter((u) => missing[u].length >= 2);
      assert.ok(unit, 'the demo has a unit with two or more employees missing');
      const everyone = Object.values(missing).flat();
      const r = await postAs(coordinator, '/training/reminders', {
        audience: 'employees', unit, lang: 'sv', note: '',
      });
      assert.equal(r.status, 200);
      const messages = smtp.messages();
      assert.equal(messages.length, missing[unit].length);
      const recipients = [];
      for (const m of messages) {
        const to = m.match(/^To: <([^>]+)>/m)[1];
        recipients.push(to);
        assert.match(m, new RegExp(`^X-RcptTo: ${to.replace(/\./g, '\\.')}$`, 'm'),
          'the envelope recipient is the addressee only');
        assert.equal(decodeHeader(m.match(/^Subject: (.*(?:\r?\n\s.*)*)/m)[1]),
          'Påminnelse: utbildning om sex mot ersättning');
        const self = missing[unit].find((e) => e.email === to);
        assert.ok(self, `${to} is one of the unit's missing employees`);
        const body = bodyOf(m);
        assert.match(body, new RegExp(`^Hej ${self.name}!`, 'm'));
        assert.match(body, /Utbildningar som räknas:/);
        assert.match(body,
          /Sex mot ersättning – webbutbildning, inriktning vuxna \(Socialstyrelsen\)/);
        assert.match(body,
          /Sex mot ersättning – webbutbildning, inriktning barn och unga \(Socialstyrelsen\)/);
        for (const other of everyone.filter((e) => e.email !== to)) {
          assert.ok(!m.includes(other.email), `${to}'s message names ${other.email}`);
          assert.ok(!body.includes(other.name), `${to}'s message names ${other.name}`);
        }
      }
      assert.deepEqual(recipients.sort(), missing[unit].map((e) => e.email).sort());
    });
});
