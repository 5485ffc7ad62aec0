// Small readers for the server's HTML (its markup is regular: one element per id, attributes in
// double quotes), and the parser of docs/routes.md's route table.
import { readFileSync } from 'node:fs';

export function decodeEntities(text) {
  return text
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

// The opening tag (with attributes) of the element with this id, or null.
export function tagById(html, id) {
  const re = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\sid="${escapeRe(id)}"[^>]*>`, 'i');
  const m = html.match(re);
  return m ? { tag: m[1].toLowerCase(), open: m[0], index: m.index } : null;
}

export function hasId(html, id) { return tagById(html, id) !== null; }

// The inner HTML of the element with this id (nested elements of the same name counted).
export function innerById(html, id) {
  const t = tagById(html, id);
  if (!t) return null;
  const start = t.index + t.open.length;
  if (/^(input|img|br|hr|meta|link)$/.test(t.tag)) return '';
  const re = new RegExp(`<(/?)${t.tag}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index);
  }
  return html.slice(start);
}

// The visible text of the element with this id, tags stripped, whitespace collapsed.
export function textById(html, id) {
  const inner = innerById(html, id);
  return inner === null ? null : textOf(inner);
}

export function textOf(fragment) {
  return decodeEntities(fragment.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

// The value of attribute `name` in an opening tag, or null.
export function attr(openTag, name) {
  const m = openTag.match(new RegExp(`\\s${escapeRe(name)}="([^"]*)"`));
  if (m) return decodeEntities(m[1]);
  return new RegExp(`\\s${escapeRe(name)}(\\s|>|/)`).test(openTag) ? '' : null;
}

// Every opening <input> tag of the page.
export function inputs(html) {
  return [...html.matchAll(/<input\b[^>]*>/gi)].map((m) => m[0]);
}

// Names and values of the checked radios and checkboxes, sorted ("name=value").
export function checkedInputs(html) {
  return inputs(html)
    .filter((t) => /type="(radio|checkbox)"/.test(t) && attr(t, 'checked') !== null)
    .map((t) => `${attr(t, 'name')}=${attr(t, 'value')}`)
    .sort();
}

// The rows of a table as arrays of cell texts (header cells included).
export function tableRows(html, id) {
  const inner = innerById(html, id);
  if (inner === null) return null;
  return [...inner.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((m) =>
    [...m[1].matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1>/gi)].map((c) => textOf(c[2])));
}

// Every id="prefix<digits>" of the page, as numbers.
export function idsWithPrefix(html, prefix) {
  const re = new RegExp(`\\sid="${escapeRe(prefix)}(\\d+)"`, 'g');
  return [...html.matchAll(re)].map((m) => Number(m[1]));
}

function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }

// The route table of docs/routes.md: [{ method, path, access }] where access is 'anonymous',
// 'respondent token', 'any role' or an array of role codes.
export function readRouteTable(file = new URL('../../docs/routes.md', import.meta.url)) {
  const text = readFileSync(file, 'utf8');
  const section = text.split(/^## Table\s*$/m)[1];
  if (!section) throw new Error('docs/routes.md has no "## Table" section');
  const routes = [];
  for (const line of section.split(/^## /m)[0].split('\n')) {
    const m = line.match(
      /^\|\s*(GET|POST|PUT|DELETE|PATCH|HEAD)\s*\|\s*`([^`]+)`\s*\|\s*([^|]+?)\s*\|/);
    if (!m) continue;
    const raw = m[3];
    let access = raw;
    if (raw !== 'anonymous' && raw !== 'respondent token' && raw !== 'any role') {
      access = raw.split(',').map((s) => s.trim());
    }
    routes.push({ method: m[1], path: m[2], access });
  }
  return routes;
}
