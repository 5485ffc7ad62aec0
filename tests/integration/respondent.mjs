// The respondent form as a browser posts it: field lists for person entries, and reading a
// rendered form back into the fields a browser would send.
import { readFileSync } from 'node:fs';

import { attr, inputs } from './html.mjs';

// Two persons met in 2025, one under 18, each with a matching key.
export const PERSONS = [
  {
    gender: 'woman', age_band: '15_17', forms: ['sells'], arenas: ['social_media_apps', 'hotel'],
    location: 'in_municipality', control_signs: ['false_promises'], reported_to_police: 'no',
    key: { year: '2009', first: 'Å', last: 'B' },
  },
  {
    gender: 'man', age_band: '25_34', forms: ['buys'], arenas: ['internet_ads'],
    location: 'elsewhere', reported_to_police: 'unknown',
    key: { year: '1995', first: 'c', last: 'D.' },
  },
];

// The fields of entry i (answers, and the key input when withKey), as [name, value] pairs.
export function entryFields(i, person, { withKey = true, src } = {}) {
  const out = [];
  if (src !== undefined) out.push([`e${i}.src`, String(src)]);
  for (const [item, value] of Object.entries(person)) {
    if (item === 'key') continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([`e${i}.${item}`, v]);
  }
  if (withKey && person.key) {
    out.push([`e${i}.mk_year`, person.key.year], [`e${i}.mk_first`, person.key.first],
      [`e${i}.mk_last`, person.key.last]);
  }
  return out;
}

// A whole post: csrf, met_anyone, the entries and the action.
export function respondentPost(csrf, persons, { metAnyone = 'yes', action = 'save', withKey = true,
  srcs } = {}) {
  const fields = [['csrf', csrf], ['met_anyone', metAnyone], ['entries', String(persons.length)]];
  persons.forEach((p, i) => fields.push(...entryFields(i, p, { withKey, src: srcs?.[i] })));
  fields.push(['action', action]);
  return fields;
}

// What a browser would post from a rendered form unchanged: hidden inputs, checked choices,
// text inputs with their values, plus the action.
export function formAsRendered(html, action) {
  const start = html.indexOf('id="respondent-form"');
  const end = html.indexOf('</form>', start);
  const form = html.slice(start, end);
  const fields = [];
  for (const tag of inputs(form)) {
    const type = attr(tag, 'type') ?? 'text';
    const name = attr(tag, 'name');
    if (!name) continue;
    if ((type === 'radio' || type === 'checkbox') && attr(tag, 'checked') === null) continue;
    fields.push([name, attr(tag, 'value') ?? '']);
  }
  fields.push(['action', action]);
  return fields;
}

// The message catalog of a language (web/i18n/<lang>.json).
export function catalog(lang) {
  return JSON.parse(readFileSync(new URL(`../../web/i18n/${lang}.json`, import.meta.url), 'utf8'));
}
