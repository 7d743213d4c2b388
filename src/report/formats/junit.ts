/**
 * `--format junit`: JUnit XML as GitLab and Jenkins read it, valid against the JUnit schema of Jenkins's
 * xunit plugin (junit-10.xsd, kept with its licence in test/fixtures/junit/). One <testsuite> per input; in
 * it one <testcase> per row with problems ("第 17 行", classname = file.sheet, which Jenkins shows as package
 * and class) holding one <failure> per error or warning (infos go to the case's <system-out>), a case for the
 * problems of the whole file, and one passing case for the remaining rows. An input that could not be read
 * is a suite whose case has an <error>; a skipped input, a case with <skipped>. Files that are not inputs
 * (photos and PDFs nobody uses) form one more suite, a case per file.
 */
import { basename, extname } from 'node:path';
import type { Finding } from '../../engine/types.js';
import { PUNCT } from '../../i18n/index.js';
import { SEVERITY_LABEL } from '../../i18n/report.js';
import { rowKey } from '../../model/record.js';
import { displayPath, masker, placeLabel } from '../common.js';
import { inputAccount, listedFindings } from '../select.js';
import type { CheckResult, FormatOptions } from '../types.js';
import { JUNIT_TEXT } from '../../i18n/formats.js';

/** Characters XML 1.0 cannot hold at all, even escaped (controls other than tab/LF/CR, U+FFFE/U+FFFF). */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

interface Case {
  name: string;
  classname: string;
  failures: Finding[];
  infos: Finding[];
  error?: string;
  skipped?: string;
}

interface Suite {
  name: string;
  file?: string;
  cases: Case[];
}

/** "dir/records.v2.xlsx" + "登记表" → "dir/records_v2.登记表": dots would split Jenkins's package from class. */
function className(path: string, sheet: string | null): string {
  const stem = path.slice(0, path.length - extname(path).length).replace(/\./g, '_');
  return sheet ? `${stem}.${sheet.replace(/\./g, '_')}` : stem;
}

/** The report as XML text, in pieces. */
export function* junitReport(result: CheckResult, opts: FormatOptions): Generator<string> {
  const t = JUNIT_TEXT[opts.lang];
  const mask = masker(opts.showPii, result.idValues);
  /** Every text that goes into the XML passes here: masked, stripped of what XML cannot hold, escaped. */
  const xml = (s: string, attr = false): string => {
    const e = mask(s).replace(NOT_XML, '\uFFFD').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return attr ? e.replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;') : e;
  };
  const show = (p: string): string => displayPath(p, opts.cwd);

  const inputs = new Set(result.files.map((f) => f.path));
  const byFile = new Map<string, Finding[]>();
  const others: Finding[] = [];
  for (const f of listedFindings(result, opts)) {
    if (!inputs.has(f.file)) {
      others.push(f);
      continue;
    }
    let list = byFile.get(f.file);
    if (!list) byFile.set(f.file, (list = []));
    list.push(f);
  }
  const add = (c: Case, f: Finding): void => {
    (f.severity === 'info' ? c.infos : c.failures).push(f);
  };

  const suites: Suite[] = [];
  for (const file of result.files) {
    const cases: Case[] = [];
    const byPlace = new Map<string, Case>();
    const problemRows = new Map<string, Set<number>>();
    for (const f of byFile.get(file.path) ?? []) {
      const key = rowKey(f.file, f.sheet, f.row);
      let c = byPlace.get(key);
      if (!c) {
        c = { name: f.row === null ? t.wholeFile : t.row(f.row), classname: className(show(file.path), f.sheet), failures: [], infos: [] };
        byPlace.set(key, c);
        cases.push(c);
      }
      add(c, f);
      if (f.row !== null && f.sheet !== null) {
        let rows = problemRows.get(f.sheet);
        if (!rows) problemRows.set(f.sheet, (rows = new Set()));
        rows.add(f.row);
      }
    }
    for (const sheet of file.sheets) {
      const rest = sheet.rows - (problemRows.get(sheet.name)?.size ?? 0);
      if (rest > 0) cases.push({ name: rest === sheet.rows ? t.all(rest) : t.rest(rest), classname: className(show(file.path), sheet.name), failures: [], infos: [] });
    }
    if (!cases.length) cases.push({ name: t.all(0), classname: className(show(file.path), null), failures: [], infos: [] });
    suites.push({ name: show(file.path), file: show(file.path), cases });
  }
  if (others.length) {
    const cases = new Map<string, Case>();
    for (const f of others) {
      let c = cases.get(f.file);
      if (!c) cases.set(f.file, (c = { name: show(f.file), classname: 'assets', failures: [], infos: [] }));
      add(c, f);
    }
    suites.push({ name: t.assets, cases: [...cases.values()] });
  }
  const account = inputAccount(result, opts.lang);
  for (const x of account.unreadable) {
    suites.push({ name: show(x.path), file: show(x.path), cases: [{ name: t.read, classname: className(show(x.path), null), failures: [], infos: [], error: x.message }] });
  }
  for (const x of account.skipped) {
    suites.push({ name: show(x.path), file: show(x.path), cases: [{ name: basename(x.path), classname: className(show(x.path), null), failures: [], infos: [], skipped: x.message }] });
  }

  const failed = (c: Case): boolean => c.failures.length > 0;
  const totals = { tests: 0, failures: 0, errors: 0, skipped: 0 };
  for (const s of suites) {
    totals.tests += s.cases.length;
    totals.failures += s.cases.filter(failed).length;
    totals.errors += s.cases.filter((c) => c.error !== undefined).length;
    totals.skipped += s.cases.filter((c) => c.skipped !== undefined).length;
  }
  const timestamp = result.startedAt.toISOString().slice(0, 19);
  const detail = (f: Finding): string => {
    const lines = [`${t.severity}${SEVERITY_LABEL[opts.lang][f.severity]}`, `${t.rule}${f.rule}`];
    const where = [f.sheet, f.column && f.row !== null ? `${f.column}${f.row}` : f.row !== null ? t.row(f.row) : null].filter(Boolean).join(' ');
    if (where) lines.push(`${t.cell}${where}${f.field || f.header ? `（${placeLabel(f, opts.lang)}）` : ''}`);
    if (f.value) lines.push(`${t.value}${f.value}`);
    if (f.suggestion) lines.push(`${t.suggest}${f.suggestion}`);
    return lines.join('\n');
  };
  const message = (f: Finding): string => {
    const place = f.column ? `${f.column} ${placeLabel(f, opts.lang)}` : placeLabel(f, opts.lang);
    return `${place}${PUNCT[opts.lang].colon}${result.messages.format(f, opts.lang)}`;
  };

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="cert-check" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">\n`;
  for (const s of suites) {
    const n = (p: (c: Case) => boolean): number => s.cases.filter(p).length;
    let out = `  <testsuite name="${xml(s.name, true)}" tests="${s.cases.length}" failures="${n(failed)}" errors="${n((c) => c.error !== undefined)}"`
      + ` skipped="${n((c) => c.skipped !== undefined)}" timestamp="${timestamp}"${s.file ? ` file="${xml(s.file, true)}"` : ''}>\n`;
    for (const c of s.cases) {
      const head = `    <testcase name="${xml(c.name, true)}" classname="${xml(c.classname, true)}"`;
      const body: string[] = [];
      if (c.error !== undefined) body.push(`      <error type="unreadable" message="${xml(c.error, true)}">${xml(c.error)}</error>`);
      if (c.skipped !== undefined) body.push(`      <skipped message="${xml(c.skipped, true)}"/>`);
      for (const f of c.failures) body.push(`      <failure type="${xml(f.rule, true)}" message="${xml(message(f), true)}">${xml(detail(f))}</failure>`);
      if (c.infos.length) body.push(`      <system-out>${xml(c.infos.map((f) => `${message(f)}\n${detail(f)}`).join('\n\n'))}</system-out>`);
      out += body.length ? `${head}>\n${body.join('\n')}\n    </testcase>\n` : `${head}/>\n`;
    }
    yield `${out}  </testsuite>\n`;
  }
  yield '</testsuites>\n';
}
