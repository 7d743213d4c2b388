/**
 * The sheets and the index as HTML documents: self-contained (styles inline, the photo as a data: URI), no
 * scripts, no external resources (a Content-Security-Policy says so to the browser too), A4 print styles.
 * Every value goes through `esc`.
 */
import type { Lang } from '../../engine/types.js';
import { maskIdValue, maskIdsQuoting } from '../../util/id-number.js';
import { CARD_TEXT } from '../../i18n/cards.js';
import { count } from '../../i18n/index.js';
import type { MissingCard } from '../types.js';
import type { Card, CardLine, CardProblem } from './types.js';

/** Text for HTML element content and attribute values (double-quoted). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The last part of a path (either separator). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Only inline styles and data: images; nothing else may load or run. */
const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

const FONTS = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "WenQuanYi Micro Hei", sans-serif';

const BASE_CSS = `
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#e9ecef;color:#1b1f24;font:9.5pt/1.35 ${FONTS}}
.page{width:210mm;min-height:297mm;margin:8mm auto;padding:9mm 11mm 7mm;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.18)}
h1{font-size:14pt;margin:0 0 .5mm;letter-spacing:.5pt}
h2{font-size:11.5pt;margin:5mm 0 2mm}
p{margin:0 0 2mm}
a{color:#0b57d0}
.muted{color:#5f6873}
.small{font-size:8.5pt}
table{border-collapse:collapse;width:100%}
th,td{border:0.3mm solid #b9c0c8;padding:.9mm 1.5mm;vertical-align:top;text-align:left}
th{background:#eef1f4;font-weight:600;font-size:8.5pt;white-space:nowrap}
tr{break-inside:avoid}
footer{margin-top:2mm;font-size:7.5pt;color:#5f6873}
@page{size:A4 portrait;margin:0}
@media print{body{background:#fff}.page{margin:0;box-shadow:none;width:auto;min-height:auto}}
`;

const CARD_CSS = `
.top{display:flex;justify-content:space-between;gap:5mm;align-items:flex-start}
.who{font-size:12.5pt;font-weight:600;margin:.5mm 0 1mm}
.who .what{font-weight:400;font-size:10.5pt;color:#3b434c}
.lead{font-size:8.5pt;color:#3b434c;margin:0}
.lead b{color:#b3261e}
figure{margin:0;width:24mm;flex:none}
figure img{display:block;width:24mm;height:32mm;object-fit:cover;border:0.3mm solid #b9c0c8;background:#f4f5f7}
figure .none{width:24mm;height:32mm;border:0.3mm dashed #b9c0c8;display:flex;align-items:center;justify-content:center;color:#8a929b;font-size:8pt}
.check{border:0.4mm solid #e0a800;background:#fff8e1;padding:1.2mm 2.2mm;margin:2mm 0;font-size:8.5pt}
.check ul{margin:.5mm 0 0;padding-left:5mm}
.check.notes{border-color:#9db7d5;background:#eef4fb}
.fields{margin-top:2.5mm}
.fields td.sec{width:14mm;font-size:7.5pt;color:#5f6873;white-space:nowrap}
.fields td.label{width:31mm;font-weight:600;font-size:10pt}
.fields td.label .act{display:inline-block;margin-left:1mm;padding:0 1.2mm;border-radius:1mm;font-size:7.5pt;font-weight:400;background:#e7edf5;color:#34506e;white-space:nowrap}
.fields td.value{width:70mm}
.fields td.value .v{font-size:11pt;font-weight:700;letter-spacing:.2pt;word-break:break-all}
.fields td.value .v.fname{font-size:9.5pt;letter-spacing:0}
.fields td.value .none{color:#5f6873;font-weight:400;font-size:9pt}
.fields td.value .file{font-size:7.5pt;color:#3b434c}
.fields td.value .note{font-size:7.5pt;color:#1a5fb4;margin-top:.3mm}
.fields td.value .warn{font-size:7.5pt;line-height:1.3;color:#8a5300;background:#fff8e1;margin-top:.4mm;padding:.3mm 1mm}
.fields td.value .info{font-size:7.5pt;line-height:1.3;color:#34506e;background:#eef4fb;margin-top:.4mm;padding:.3mm 1mm}
.fields td.hint{font-size:8.2pt;line-height:1.3;color:#3b434c}
.fields td.tick{width:10mm;text-align:center;font-size:11pt;line-height:1.2;color:#8a929b}
.fields tr.flag td.label::before{content:"⚠ ";color:#c77700}
.fields tr.auto td{background:#f7f8fa}
`;

const INDEX_CSS = `
.page{min-height:auto}
.people td.no,.missing td.no{width:12mm;white-space:nowrap}
.people td.id,.missing td.id{white-space:nowrap;font-variant-numeric:tabular-nums}
.people ul{margin:0;padding-left:4mm}
.people .lvl{color:#5f6873;font-size:8.5pt}
.people .part{color:#b3261e;font-size:8.5pt}
.missing{font-size:9pt}
.missing td.name,.people td.name,.missing td.src{white-space:nowrap}
.missing td.why div+div{margin-top:.8mm}
.lead-missing{color:#b3261e}
`;

function documentHtml(lang: Lang, title: string, css: string, body: string, generator: string): string {
  return `<!DOCTYPE html>
<html lang="${CARD_TEXT[lang].htmlLang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<meta name="generator" content="${esc(generator)}">
<title>${esc(title)}</title>
<style>${BASE_CSS}${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

export interface CardHtmlOptions {
  lang: Lang;
  /** The photo as a data: URI (a small JPEG), or null. */
  thumbnail: string | null;
  /** When the check ran, as shown (local time). */
  generatedAt: string;
  version: string;
}

function problemHtml(p: CardProblem, lang: Lang): string {
  const cls = p.severity === 'info' ? 'info' : 'warn';
  return `<div class="${cls}">${esc(CARD_TEXT[lang].severity[p.severity])}：${esc(p.message)}</div>`;
}

function valueHtml(line: CardLine, lang: Lang): string {
  const t = CARD_TEXT[lang];
  const parts: string[] = [];
  if (line.value) parts.push(`<span class="v${line.file ? ' fname' : ''}">${esc(line.value)}</span>`);
  else if (line.action === 'default') parts.push(`<span class="none">${esc(t.defaultValue)}</span>`);
  else if (line.action === 'empty') parts.push(`<span class="none">${esc(t.emptyValue)}</span>`);
  if (line.file) {
    const kb = (line.file.size / 1024).toFixed(line.file.size < 10 * 1024 ? 1 : 0);
    const where = line.file.rel === line.file.name ? '' : `${line.file.rel} · `;
    parts.push(`<div class="file">${esc(where)}${esc(t.sizeKb(kb))}（${esc(t.bytes(count(line.file.size)))}）${line.file.detail ? ` · ${esc(line.file.detail)}` : ''}</div>`);
  }
  if (line.note) parts.push(`<div class="note">${esc(line.note)}</div>`);
  for (const p of line.problems) parts.push(problemHtml(p, lang));
  return parts.join('');
}

/** One person's sheet for one certificate. */
export function cardHtml(card: Card, opts: CardHtmlOptions): string {
  const t = CARD_TEXT[opts.lang];
  const flagged = card.lines.filter((l) => l.problems.some((p) => p.severity !== 'info')).length
    + card.rowProblems.filter((p) => p.severity !== 'info').length;
  const rows = card.lines.map((l) => {
    const cls = [l.action === 'auto' ? 'auto' : '', l.problems.some((p) => p.severity !== 'info') ? 'flag' : ''].filter(Boolean).join(' ');
    return `<tr data-field="${esc(l.field)}" data-action="${esc(l.action)}"${cls ? ` class="${cls}"` : ''}>`
      + `<td class="sec">${esc(l.section)}</td>`
      + `<td class="label">${esc(l.label)}<span class="act">${esc(t.action[l.action])}</span></td>`
      + `<td class="value">${valueHtml(l, opts.lang)}</td>`
      + `<td class="hint">${esc(l.hint)}</td>`
      + `<td class="tick">${l.action === 'auto' ? '' : '□'}</td></tr>`;
  });
  const list = card.rowProblems.length
    ? `<ul>${card.rowProblems.map((p) => `<li class="${p.severity}">${esc(t.severity[p.severity])}：${esc(p.message)}</li>`).join('')}</ul>`
    : '';
  const check = flagged
    ? `<section class="check" data-role="check"><b>${esc(t.check)}</b>　${esc(t.checkLead(flagged, card.rowProblems.length > 0))}${list}</section>`
    : card.rowProblems.length ? `<section class="check notes" data-role="notes"><b>${esc(t.notes)}</b>${list}</section>` : '';
  const photo = opts.thumbnail
    ? `<img src="${esc(opts.thumbnail)}" alt="${esc(t.photoAlt)}">`
    : `<div class="none">${esc(t.noPhoto)}</div>`;
  const body = `<main class="page" data-role="card">
<div class="top">
<div>
<h1>${esc(t.title)}</h1>
<p class="who"><span class="name">${esc(card.name)}</span>　<span class="what">${esc(card.title)}（${esc(t.who(card.level, card.series, card.method))}）</span></p>
<p class="lead">${esc(t.lead)}<b>${esc(t.own)}</b></p>
</div>
<figure>${photo}</figure>
</div>
${check}
<table class="fields">
<thead><tr>${t.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<footer>${esc(t.source(baseName(card.source.file), card.source.sheet, card.source.row))} · ${esc(t.generated(opts.generatedAt, opts.version))}<br><b>${esc(t.private)}</b></footer>
</main>`;
  return documentHtml(opts.lang, `${t.title} · ${card.name} · ${card.title}`, CARD_CSS, body, `cert-check ${opts.version}`);
}

/** One person on the index: their sheets in the order of the rows, and how many of their rows got none. */
export interface IndexPerson {
  no: number;
  name: string;
  idNumber: string;
  sheets: { href: string; title: string; level: string; toCheck: number }[];
  missing: number;
}

export interface IndexData {
  people: IndexPerson[];
  /** Rows without a sheet, with the number of their person. */
  missing: (MissingCard & { no: number })[];
  sheets: number;
}

export interface IndexHtmlOptions extends Omit<CardHtmlOptions, 'thumbnail'> {
  /** Show ID numbers in full (--show-pii); masked otherwise. */
  showPii: boolean;
}

/** The index page in pieces of a few hundred rows (an index of 100,000 rows is never one string). */
export function* indexChunks(data: IndexData, opts: IndexHtmlOptions): Generator<string> {
  const t = CARD_TEXT[opts.lang];
  // The 身份证号 cell masked whole whatever its form (too short, dots, letters), and wherever a reason quotes it.
  const maskId = opts.showPii ? (s: string) => s : maskIdValue;
  const mask = (s: string, id: string): string => (opts.showPii ? s : maskIdsQuoting(s, id));
  const withSheets = data.people.filter((p) => p.sheets.length).length;
  const [head, tail] = documentHtml(opts.lang, t.indexTitle, INDEX_CSS, '\u0000', `cert-check ${opts.version}`).split('\u0000') as [string, string];
  yield `${head}<main class="page" data-role="index">
<h1>${esc(t.indexTitle)}</h1>
<p>${esc(t.indexLead(data.sheets, withSheets))}</p>
${data.missing.length ? `<p class="lead-missing">${esc(t.indexMissingLead(data.missing.length))}</p>\n` : ''}`;
  const batched = function* <T>(items: Iterable<T>, row: (item: T) => string): Generator<string> {
    let batch: string[] = [];
    for (const item of items) {
      batch.push(row(item));
      if (batch.length >= 256) {
        yield `${batch.join('\n')}\n`;
        batch = [];
      }
    }
    if (batch.length) yield `${batch.join('\n')}\n`;
  };
  if (withSheets) {
    yield `<table class="people">\n<thead><tr>${t.indexHead.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n`;
    yield* batched(data.people.filter((p) => p.sheets.length), (p) => `<tr data-person="${p.no}">`
      + `<td class="no">${p.no}</td><td class="name">${esc(mask(p.name, p.idNumber))}</td><td class="id">${esc(maskId(p.idNumber))}</td>`
      + `<td class="sheets"><ul>${p.sheets.map((s) => `<li><a href="${esc(encodeURIComponent(s.href))}">${esc(s.title || s.href)}</a> <span class="lvl">${esc(s.level)}</span></li>`).join('')}</ul>`
      + (p.missing ? `<div class="part">${esc(t.alsoMissing(p.missing))}</div>` : '')
      + `</td><td class="warn">${esc(t.warnings(p.sheets.reduce((n, s) => n + s.toCheck, 0)))}</td></tr>`);
    yield '</tbody>\n</table>\n';
  } else {
    yield `<p>${esc(t.noneWritten)}</p>\n`;
  }
  if (data.missing.length) {
    yield `<h2>${esc(t.missingTitle)}</h2>\n<table class="missing">\n<thead><tr>${t.missingHead.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n`;
    yield* batched(data.missing, (m) => `<tr data-person="${m.no}">`
      + `<td class="no">${m.no}</td><td class="name">${esc(mask(m.name, m.idNumber))}</td><td class="id">${esc(maskId(m.idNumber))}</td><td>${esc(m.title)}</td>`
      + `<td class="src" title="${esc(mask(t.rowOf(m.source.file, m.source.sheet, m.source.row), m.idNumber))}">${esc(mask(t.rowOf(baseName(m.source.file), '', m.source.row), m.idNumber))}</td>`
      + `<td class="why">${m.reasons.map((r) => `<div>${esc(r.label)}：${esc(mask(r.message, m.idNumber))}</div>`).join('')}</td></tr>`);
    yield '</tbody>\n</table>\n';
  }
  yield `<footer>${esc(t.generated(opts.generatedAt, opts.version))}</footer>\n</main>${tail}`;
}
