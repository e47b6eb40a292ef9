#!/usr/bin/env node
// Adaptive Card linter for KinerjaBot's tests: the official renderer (adaptivecards@3.0.6, docs/stack.md) plus the
// checks it misses. Two ways to run it:
//   node card-lint.js card.json [more.json …]   lint files, print the errors, exit 1 when any card has one
//   node card-lint.js                           server mode: one card JSON per stdin line, one answer per stdout line
// In server mode the first stdout line is {"ready":true,…}; then every input line gets exactly one answer
//   {"ok":true|false,"bytes":<UTF-8 size of the line>,"errors":["…", …]}
// A line that is not JSON gets ok:false with the parse error. Nothing else is written to stdout.
//
// What is an error (every one fails AssertValidAsync; there are no warnings):
//  - every parse and validation event of the official renderer with a SerializationContext targeting 1.5: unknown
//    element or action types, bad enum values, duplicate ids, properties newer than 1.5, empty collections, …
//  - properties the renderer's 1.5 schema does not know (a typo like "colour" is otherwise silently dropped);
//  - card "type" not AdaptiveCard, "version" missing or above 1.5 (Teams renders ≤ 1.5; the renderer ignores it);
//  - an Image without "url", a Fact without "title" or "value" (the renderer accepts both);
//  - a payload above 28 KB (28 × 1024 UTF-8 bytes: Teams' card limit, botframework-protocol.md §4.6);
//  - an Action.Execute without "verb", or (outside "refresh") without an Action.Submit fallback carrying the same
//    data (botframework-protocol.md §4.5: older clients use the fallback);
//  - an Action.ToggleVisibility target that is not an element id of the card.
// Teams charts: the renderer does not know Teams' Chart.* elements and reports them as unknown elements. Such an
// event is accepted only for a real Teams chart type that HAS an element fallback that is not itself a chart (the
// plain-text alternative shown on iOS and by other hosts); the fallback is parsed and linted by the renderer like any
// element. A chart without one, or with "drop", is an error. Chart.Line's own properties are checked here against
// Microsoft Learn "Charts in Adaptive Cards" (title, data[{legend, values[{x, y}], color}], xAxisTitle, yAxisTitle,
// colorSet, plus the common element properties).
'use strict';

const path = require('path');
const readline = require('readline');

let AC;
try {
  AC = require('adaptivecards/dist/adaptivecards.js'); // the package's default entry fails under Node (stack.md)
} catch (e) {
  process.stderr.write(
    `card-lint: cannot load adaptivecards (${e.message}).\n` +
    `Run "npm ci" in ${__dirname} to install the official renderer (adaptivecards@3.0.6).\n`);
  process.exit(3);
}

// Renderer bug (3.0.6): the "lang" property is validated with a global (/g) regex whose exec() keeps lastIndex
// between calls, so a valid "lang":"id" is reported as invalid on every second card. Same pattern without /g.
if (AC.CardElement && AC.CardElement.langProperty && AC.CardElement.langProperty.regEx) {
  const r = AC.CardElement.langProperty.regEx;
  AC.CardElement.langProperty.regEx = new RegExp(r.source, r.flags.replace('g', ''));
}

const RENDERER_VERSION = (() => {
  try { return require('adaptivecards/package.json').version; } catch { return 'unknown'; }
})();
const MAX_BYTES = 28 * 1024;
const MAX_VERSION = [1, 5];
const TEAMS_CHARTS = new Set([
  'Chart.Donut', 'Chart.Pie', 'Chart.Gauge', 'Chart.Line', 'Chart.VerticalBar', 'Chart.VerticalBar.Grouped',
  'Chart.HorizontalBar', 'Chart.HorizontalBar.Stacked',
]);
const COMMON_ELEMENT_KEYS = ['type', 'id', 'isVisible', 'separator', 'spacing', 'height', 'horizontalAlignment',
  'fallback', 'requires', 'lang', 'grid.area', 'targetWidth', 'isSortKey'];
const CHART_LINE_KEYS = new Set([...COMMON_ELEMENT_KEYS, 'title', 'data', 'xAxisTitle', 'yAxisTitle', 'colorSet',
  'color', 'max', 'min', 'showBarValues']);

// Keys the renderer parses outside a class's property schema (children, fallback), so they are not "unknown".
const STRUCTURAL_KEYS = {
  '*': ['type', 'fallback', '$schema', '$data', '$when'],
  AdaptiveCard: ['body', 'actions', 'msteams'],
  Container: ['items'],
  Column: ['items'],
  ColumnSet: ['columns'],
  TableCell: ['items'],
  TableRow: ['cells'],
  // The schema explorer spells it firstRowAsHeader, the renderers firstRowAsHeaders: accept both.
  Table: ['rows', 'firstRowAsHeader'],
  RichTextBlock: ['inlines'],
  ActionSet: ['actions'],
  ImageSet: ['images'],
  FactSet: ['facts'],
  'Action.ShowCard': ['card'],
};

// Collect properties the renderer's schema does not know: parse events do not report them.
let unknownSink = null;
const originalInternalParse = AC.SerializableObject.prototype.internalParse;
AC.SerializableObject.prototype.internalParse = function (source, context) {
  originalInternalParse.call(this, source, context);
  if (!unknownSink || !source || typeof source !== 'object' || Array.isArray(source)) return;
  const schema = this.getSchema();
  const known = new Set();
  for (let i = 0; i < schema.getCount(); i++) known.add(schema.getItemAt(i).name);
  const typeName = (typeof this.getJsonTypeName === 'function' && this.getJsonTypeName()) || this.constructor.name;
  const allowed = new Set([...STRUCTURAL_KEYS['*'], ...(STRUCTURAL_KEYS[typeName] || [])]);
  for (const key of Object.keys(source)) {
    if (!known.has(key) && !allowed.has(key)) {
      unknownSink.push(`${typeName}: property "${key}" is not in the Adaptive Card 1.5 schema`);
    }
  }
};

function rendererEvents(card) {
  const errors = [];
  unknownSink = errors;
  try {
    const ctx = new AC.SerializationContext(AC.Versions.v1_5);
    const parsed = new AC.AdaptiveCard();
    parsed.parse(card, ctx);
    const events = [];
    for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i));
    events.push(...parsed.validateProperties().validationEvents);
    for (const e of events) {
      const name = AC.ValidationEvent[e.event] || String(e.event);
      const chart = /Unknown element type "(Chart\.[^"]+)"/.exec(e.message || '');
      // Teams charts: accepted here, checked in walk() (a real Teams chart type with a plain fallback).
      if (e.event === AC.ValidationEvent.UnknownElementType && chart && TEAMS_CHARTS.has(chart[1])) continue;
      const source = e.source && typeof e.source.getJsonTypeName === 'function' ? e.source.getJsonTypeName() + ': ' : '';
      errors.push(`renderer ${name}: ${source}${e.message}`);
    }
  } finally {
    unknownSink = null;
  }
  return errors;
}

function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepEqual(a, b) {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObject(v)) return Object.keys(v).sort().reduce((o, k) => { o[k] = canonical(v[k]); return o; }, {});
  return v;
}

function isNonEmptyString(v) {
  return typeof v === 'string' && v.trim().length > 0;
}

// Walks the raw JSON: the checks the renderer misses, and the fallbacks it never parses (those of known types).
function walk(card) {
  const errors = [];
  const ids = new Set();
  const toggles = [];
  const fallbackCards = [];

  const visit = (node, where, inRefresh) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${where}[${i}]`, inRefresh));
      return;
    }
    if (!isObject(node)) return;
    const type = node.type;
    if (typeof node.id === 'string') ids.add(node.id);

    if (type === 'Image' && !isNonEmptyString(node.url)) errors.push(`${where} (Image): "url" is required`);
    if (type === 'FactSet' && Array.isArray(node.facts)) {
      node.facts.forEach((f, i) => {
        if (!isObject(f) || !isNonEmptyString(f.title)) errors.push(`${where}.facts[${i}] (Fact): "title" is required`);
        if (!isObject(f) || typeof f.value !== 'string' || f.value.length === 0) {
          errors.push(`${where}.facts[${i}] (Fact): "value" is required`);
        }
      });
    }
    if (type === 'Action.Execute') {
      if (!isNonEmptyString(node.verb)) errors.push(`${where} (Action.Execute): "verb" is required`);
      if (!inRefresh) {
        const fb = node.fallback;
        if (!isObject(fb) || fb.type !== 'Action.Submit') {
          errors.push(`${where} (Action.Execute): needs a "fallback" of type Action.Submit for clients without Universal Actions`);
        } else if (!deepEqual(fb.data, node.data)) {
          errors.push(`${where} (Action.Execute): its Action.Submit fallback must carry the same "data"`);
        }
      }
    }
    if (type === 'Action.ToggleVisibility' && Array.isArray(node.targetElements)) {
      node.targetElements.forEach((t, i) => toggles.push({ id: isObject(t) ? t.elementId : t, where: `${where}.targetElements[${i}]` }));
    }
    if (typeof type === 'string' && type.startsWith('Chart.')) {
      const fb = node.fallback;
      if (!TEAMS_CHARTS.has(type)) {
        errors.push(`${where}: "${type}" is not a Teams chart type`);
      } else if (!isObject(fb) || typeof fb.type !== 'string' || fb.type.startsWith('Chart.')) {
        errors.push(`${where} (${type}): needs a "fallback" element with a plain-text alternative (charts do not render on iOS)`);
      }
      if (type === 'Chart.Line') errors.push(...checkLineChart(node, where));
    } else if (isObject(node.fallback) && typeof type === 'string') {
      // The renderer parses a fallback only when the type is unknown: lint known types' fallbacks on their own.
      const isAction = type.startsWith('Action.');
      fallbackCards.push({
        where: `${where}.fallback`,
        card: { type: 'AdaptiveCard', version: '1.5', [isAction ? 'actions' : 'body']: [node.fallback] },
      });
    }

    for (const [key, value] of Object.entries(node)) {
      if (key === 'data' && (type === 'Action.Submit' || type === 'Action.Execute' || typeof type === 'string' && type.startsWith('Chart.'))) continue;
      if (key === 'fallback' && !(typeof type === 'string' && type.startsWith('Chart.'))) continue;
      visit(value, `${where}.${key}`, inRefresh || key === 'refresh');
    }
  };

  visit(card, '$', false);
  for (const t of toggles) {
    if (!ids.has(t.id)) errors.push(`${t.where} (Action.ToggleVisibility): no element has id "${t.id}"`);
  }
  for (const f of fallbackCards) {
    for (const e of [...rendererEvents(f.card), ...walk(f.card).errors]) errors.push(`${f.where}: ${e}`);
  }
  return { errors };
}

function checkLineChart(node, where) {
  const errors = [];
  for (const key of Object.keys(node)) {
    if (!CHART_LINE_KEYS.has(key)) errors.push(`${where} (Chart.Line): unknown property "${key}"`);
  }
  for (const key of ['title', 'xAxisTitle', 'yAxisTitle', 'colorSet']) {
    if (key in node && typeof node[key] !== 'string') errors.push(`${where} (Chart.Line): "${key}" must be a string`);
  }
  if (!Array.isArray(node.data) || node.data.length === 0) {
    errors.push(`${where} (Chart.Line): "data" must be a non-empty array of series`);
    return errors;
  }
  node.data.forEach((s, i) => {
    const at = `${where}.data[${i}]`;
    if (!isObject(s)) { errors.push(`${at}: a series must be an object`); return; }
    for (const key of Object.keys(s)) {
      if (!['legend', 'values', 'color'].includes(key)) errors.push(`${at} (Chart.Line series): unknown property "${key}"`);
    }
    if ('legend' in s && typeof s.legend !== 'string') errors.push(`${at}: "legend" must be a string`);
    if (!Array.isArray(s.values) || s.values.length === 0) {
      errors.push(`${at}: "values" must be a non-empty array of {x, y}`);
      return;
    }
    s.values.forEach((p, j) => {
      const ok = isObject(p) && (typeof p.x === 'string' || typeof p.x === 'number') && typeof p.y === 'number'
        && Object.keys(p).every(k => k === 'x' || k === 'y');
      if (!ok) errors.push(`${at}.values[${j}]: a point must be {"x": string|number, "y": number}`);
    });
  });
  return errors;
}

function checkVersion(card) {
  const errors = [];
  if (card.type !== 'AdaptiveCard') errors.push(`$.type must be "AdaptiveCard", not ${JSON.stringify(card.type)}`);
  const m = typeof card.version === 'string' ? /^(\d+)\.(\d+)$/.exec(card.version) : null;
  if (!m) {
    errors.push(`$.version must be a "major.minor" string (Teams renders at most 1.5), not ${JSON.stringify(card.version)}`);
  } else {
    const [major, minor] = [Number(m[1]), Number(m[2])];
    if (major > MAX_VERSION[0] || (major === MAX_VERSION[0] && minor > MAX_VERSION[1])) {
      errors.push(`$.version ${card.version} is above 1.5, the highest version Teams renders`);
    }
  }
  return errors;
}

function lintLine(line) {
  const bytes = Buffer.byteLength(line, 'utf8');
  let card;
  try {
    card = JSON.parse(line);
  } catch (e) {
    return { ok: false, bytes, errors: [`not JSON: ${e.message}`] };
  }
  if (!isObject(card)) return { ok: false, bytes, errors: ['a card must be a JSON object'] };
  const errors = [...checkVersion(card)];
  if (bytes > MAX_BYTES) errors.push(`card is ${bytes} bytes of UTF-8 JSON, above Teams' limit of ${MAX_BYTES} (28 KB)`);
  try {
    errors.push(...rendererEvents(card));
  } catch (e) {
    errors.push(`renderer failed to parse the card: ${e.message}`);
  }
  errors.push(...walk(card).errors);
  return { ok: errors.length === 0, bytes, errors };
}

function serve() {
  process.stdout.write(JSON.stringify({ ready: true, renderer: RENDERER_VERSION, maxBytes: MAX_BYTES }) + '\n');
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  rl.on('line', line => {
    if (line.trim().length === 0) return;
    let answer;
    try {
      answer = lintLine(line);
    } catch (e) {
      answer = { ok: false, bytes: Buffer.byteLength(line, 'utf8'), errors: [`linter crashed: ${e.stack || e}`] };
    }
    process.stdout.write(JSON.stringify(answer) + '\n');
  });
  rl.on('close', () => process.exit(0));
}

function lintFiles(files) {
  const fs = require('fs');
  let failed = false;
  for (const file of files) {
    // A file may be pretty-printed: measure the compact form, as it is sent.
    let text = fs.readFileSync(file, 'utf8');
    try { text = JSON.stringify(JSON.parse(text)); } catch { /* reported by lintLine */ }
    const r = lintLine(text);
    console.log(`${path.basename(file)}: ${r.ok ? 'ok' : 'FAILED'} (${r.bytes} bytes)`);
    for (const e of r.errors) console.log(`  - ${e}`);
    failed = failed || !r.ok;
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv.length > 2) lintFiles(process.argv.slice(2)); else serve();
