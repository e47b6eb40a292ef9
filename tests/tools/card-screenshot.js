#!/usr/bin/env node
// Renders an Adaptive Card JSON file to a PNG with the official JS renderer in headless Chromium, to look at a card
// without Teams. A developer's tool, never part of CI.
//   node card-screenshot.js card.json out.png [--width 720] [--height 2400] [--show id1,id2]
// --show makes hidden elements visible (e.g. --show cara for NilaiSayaCard's "cara menghitung").
// Needs Debian's chromium on PATH (apt-get install -y chromium; docs/stack.md). Teams' Chart.* elements are unknown to
// this renderer, so their fallback is what the picture shows (as on iOS). Markdown is rendered by a tiny stand-in for
// bold and "- " lists only (Teams renders its own markdown subset).
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

const [input, output] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !(i > 0 && all[i - 1].startsWith('--')));
if (!input || !output) {
  console.error('usage: node card-screenshot.js card.json out.png [--width 720] [--height 2400] [--show id1,id2]');
  process.exit(2);
}

const width = Number(arg('--width', '720'));
const height = Number(arg('--height', '2400'));
const show = (arg('--show', '') || '').split(',').filter(Boolean);
const card = JSON.parse(fs.readFileSync(input, 'utf8'));
(function reveal(node) {
  if (Array.isArray(node)) return node.forEach(reveal);
  if (node && typeof node === 'object') {
    if (show.includes(node.id)) node.isVisible = true;
    Object.values(node).forEach(reveal);
  }
})(card);

const dist = path.join(__dirname, 'node_modules', 'adaptivecards', 'dist');
if (!fs.existsSync(path.join(dist, 'adaptivecards.min.js'))) {
  console.error(`adaptivecards is not installed: run "npm ci" in ${__dirname}`);
  process.exit(3);
}

const html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="file://${path.join(dist, 'adaptivecards.css')}">
<style>body{margin:0;padding:16px;background:#f5f5f5;font-family:'Segoe UI',sans-serif}
#card{width:${width - 32}px;background:#fff;border-radius:6px;box-shadow:0 1px 3px rgba(0,0,0,.2)}</style>
<script src="file://${path.join(dist, 'adaptivecards.min.js')}"></script></head>
<body><div id="card"></div><script>
const esc = s => s.replace(/[&<>]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;'}[c]));
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  const lines = esc(text).replace(/\\*\\*(.+?)\\*\\*/g, '<b>$1</b>').split('\\n');
  const list = lines.every(l => l.startsWith('- '));
  result.outputHtml = list ? '<ul style="margin:0;padding-left:20px">' + lines.map(l => '<li>' + l.slice(2) + '</li>').join('') + '</ul>' : lines.join('<br>');
  result.didProcess = true;
};
const ac = new AdaptiveCards.AdaptiveCard();
ac.parse(${JSON.stringify(card)});
document.getElementById('card').appendChild(ac.render());
</script></body></html>`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'card-shot-'));
try {
  const page = path.join(dir, 'card.html');
  fs.writeFileSync(page, html);
  execFileSync('chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--allow-file-access-from-files', `--user-data-dir=${path.join(dir, 'profile')}`,
    `--window-size=${width},${height}`, `--screenshot=${path.resolve(output)}`, `file://${page}`,
  ], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 60000 });
  console.log(`${output} (${width}×${height})`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
