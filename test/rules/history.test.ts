/**
 * The history corpus: 140+ realistic records from 1985 to 2025, each carrying in
 * its own row what a careful HR officer concludes (预期, 依据, 预期修正). The real check (runCheck, --no-assets,
 * today = 2026-12-01) must give no error on a 正确/存疑 row, no warning a row does not allow, every error and
 * warning a row requires, and with --fix change no cell except to a value the row's 预期修正 allows.
 * Rebuild the workbooks: UPDATE_HISTORY=1 npx vitest run test/rules/history.test.ts
 * Write the mismatches as JSON: HISTORY_REPORT=/tmp/history.json npx vitest run test/rules/history.test.ts
 */
import '../../src/read/exceljs-utf8.js';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/run/check-run.js';
import type { Finding } from '../../src/engine/types.js';
import { matchHeader } from '../../src/model/fields.js';
import { SHEETS, writeHistory } from '../fixtures/history/build-history.js';
import {
  cellKey, judgeFindings, judgeFix, mismatchTable, parseExpectation, readCorpusWorkbook, relevant,
  type CorpusRow, type CorpusSheet, type Mismatch,
} from '../fixtures/history/expectations.js';
import { validId } from '../fixtures/history/people.js';
import { REPO_ROOT } from '../helpers/paths.js';

const DIR = join(REPO_ROOT, 'test/fixtures/history');
const FILES = SHEETS.map((s) => join(DIR, s.file));
const TODAY = { y: 2026, m: 12, d: 1 };

/** Every cell of every sheet with its number format: what "up to date" compares. */
async function snapshot(path: string): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => cells.push([c, cellKey(cell.value), cell.numFmt ?? '']));
      rows.push([n, cells]);
    });
    return { name: ws.name, rows, merges: (ws.model as { merges?: string[] }).merges ?? [] };
  });
}

const key = (file: string, row: number) => `${basename(file)}\u0000${row}`;

describe('history corpus (test/fixtures/history)', () => {
  let sheets: CorpusSheet[] = [];
  let rows: CorpusRow[] = [];
  const temp = mkdtempSync(join(tmpdir(), 'cert-check-history-'));
  const report: Record<string, Mismatch[]> = {};

  beforeAll(async () => {
    if (process.env.UPDATE_HISTORY) await writeHistory(DIR);
    sheets = (await Promise.all(SHEETS.map((s, i) => readCorpusWorkbook(FILES[i]!, s.file)))).flat();
    rows = sheets.flatMap((s) => s.rows);
  });

  afterAll(() => {
    rmSync(temp, { recursive: true, force: true });
    if (process.env.HISTORY_REPORT) writeFileSync(process.env.HISTORY_REPORT, JSON.stringify(report, null, 2));
  });

  it('is what build-history.ts writes (rebuild with UPDATE_HISTORY=1)', async () => {
    const fresh = join(temp, 'fresh');
    mkdirSync(fresh);
    const written = await writeHistory(fresh);
    expect(written.map((p) => basename(p))).toEqual(SHEETS.map((s) => s.file));
    for (const [i, path] of written.entries()) expect(await snapshot(FILES[i]!), SHEETS[i]!.file).toEqual(await snapshot(path));
  });

  it('holds what the brief asks for: 120+ rows 1985–2025, every series, level and method, both sheet shapes', () => {
    expect(rows.length).toBeGreaterThanOrEqual(120);
    expect(sheets).toHaveLength(SHEETS.length);
    const years = rows.map((r) => r.year).filter((y): y is number => y !== null);
    expect(Math.min(...years)).toBeLessThanOrEqual(1985);
    expect(Math.max(...years)).toBeGreaterThanOrEqual(2025);
    const decades = new Set(years.map((y) => Math.floor(y / 10) * 10));
    expect([...decades].sort()).toEqual([1980, 1990, 2000, 2010, 2020]);

    const by = (k: CorpusRow['expectation']['klass']) => rows.filter((r) => r.expectation.klass === k).length / rows.length;
    expect(by('correct')).toBeGreaterThanOrEqual(0.45);
    expect(by('undecidable')).toBeGreaterThanOrEqual(0.15);
    expect(by('mistake')).toBeGreaterThanOrEqual(0.15);

    const series = new Set(rows.map((r) => r.series));
    for (const s of ['工程技术', '中小学教师', '中等职业学校教师', '技工院校教师', '卫生技术', '会计', '经济', '农业技术', '新闻',
      '图书资料', '群众文化', '文物博物', '艺术', '自然科学研究']) expect(series, s).toContain(s);
    const levels = new Set(rows.map((r) => r.level));
    for (const l of ['高级（正高）', '高级（副高）', '中级', '初级（含员级）']) expect(levels, l).toContain(l);
    const methods = new Set(rows.map((r) => r.method));
    for (const m of ['评审', '考试', '认定', '初定', '确认']) expect(methods, m).toContain(m);

    const hasMethod = sheets.map((s) => [...s.fields.values()].includes('method'));
    expect(hasMethod).toContain(true);
    expect(hasMethod).toContain(false);
    // Headers of the expectation columns must not be taken for a field by cert-check.
    for (const h of ['预期', '依据', '预期修正', '序号', '备注']) expect(matchHeader(h), h).toBeNull();
  });

  it('uses fictitious but valid resident IDs (GB 11643), and every row says why', () => {
    for (const r of rows) {
      expect(r.basis.length, `${r.file} 第 ${r.row} 行没有依据`).toBeGreaterThan(4);
      const idFlagged = r.expectation.warningOk.has('idNumber');
      if (!idFlagged) expect(validId(r.idNumber), `${r.file} 第 ${r.row} 行 ${r.idNumber}`).toBe(true);
      // A fix is only ever allowed on a field the row flags.
      for (const f of r.expectation.fixes.keys()) expect(r.expectation.warningOk.has(f), `${r.file} 第 ${r.row} 行 预期修正 ${f}`).toBe(true);
    }
    const areas = new Set(rows.map((r) => r.idNumber.slice(0, 6)));
    expect(areas).toContain('500224');
    expect(areas.size).toBeGreaterThan(4);
  });

  it('every row gets the verdict of its 预期 column (no false error, no false warning, nothing missed)', async () => {
    const result = await runCheck({ inputs: FILES, assets: null, noOut: true, lang: 'zh', today: TODAY });
    expect(result.failures.map((f) => f.path)).toEqual([]);
    const byRow = new Map<string, Finding[]>();
    const stray: Finding[] = [];
    for (const f of result.findings.filter(relevant)) {
      if (f.row === null) {
        stray.push(f);
        continue;
      }
      const k = key(f.file, f.row);
      byRow.set(k, [...(byRow.get(k) ?? []), f]);
    }
    const known = new Set(rows.map((r) => key(r.file, r.row)));
    for (const [k, list] of byRow) if (!known.has(k)) stray.push(...list);
    const message = (f: Finding) => result.messages.format(f, 'zh');
    const mismatches = rows.flatMap((r) => judgeFindings(r, byRow.get(key(r.file, r.row)) ?? [], message) ?? []);
    report.findings = mismatches;
    const summary = summarise(rows, mismatches);
    const table = [summary, mismatchTable('与预期不符的行', mismatches),
      stray.length ? `不属于任何一行的发现：\n${stray.map((f) => `  ${f.rule} ${f.file}:${f.row ?? ''}`).join('\n')}` : ''].join('\n\n');
    expect(mismatches.length + stray.length, table).toBe(0);
  });

  it('--fix changes no cell of a correct or undecidable row, and only to the 预期修正 value elsewhere', async () => {
    const out = join(temp, 'fixed');
    const result = await runCheck({ inputs: FILES, assets: null, outDir: out, fix: true, lang: 'zh', today: TODAY });
    expect(result.failures.map((f) => f.path)).toEqual([]);
    const mismatches: Mismatch[] = [];
    for (const s of sheets) {
      const fixedPath = join(out, basename(s.file, '.xlsx') + '.fixed.xlsx');
      const fixed = (await readCorpusWorkbook(fixedPath, s.file)).find((f) => f.sheet === s.sheet);
      for (const r of s.rows) {
        const m = judgeFix(r, s, fixed?.grid.get(r.row));
        if (m) mismatches.push(m);
      }
    }
    report.fix = mismatches;
    const table = [summarise(rows, mismatches), mismatchTable('--fix 改动与预期不符的行', mismatches)].join('\n\n');
    expect(mismatches.length, table).toBe(0);
  });
});

/** Counts of rows and mismatches by class and kind, for the top of the table. */
function summarise(rows: CorpusRow[], mismatches: Mismatch[]): string {
  const count = (k: string) => rows.filter((r) => r.expectation.klass === k).length;
  const kinds = new Map<string, number>();
  for (const m of mismatches) for (const k of m.kinds) kinds.set(k, (kinds.get(k) ?? 0) + 1);
  const bad = (k: string) => mismatches.filter((m) => m.klass === k).length;
  return [
    `语料 ${rows.length} 行：正确 ${count('correct')}，存疑 ${count('undecidable')}，有错 ${count('mistake')}`,
    `不符 ${mismatches.length} 行：正确行 ${bad('correct')}，存疑行 ${bad('undecidable')}，有错行 ${bad('mistake')}`,
    `按类型：${[...kinds].map(([k, n]) => `${k} ${n}`).join('，') || '无'}`,
  ].join('\n');
}

/** The judge itself: it accepts what a row allows and reports each kind of mismatch, so the corpus test can fail. */
describe('history harness', () => {
  const finding = (field: Finding['field'], severity: Finding['severity'], rule = 'some-rule'): Finding => ({
    rule, messageId: 'm', severity, file: 'f.xlsx', sheet: 'S', row: 5, column: 'A', field, header: null, value: null,
    data: {}, suggestion: null, fix: null,
  });
  const corpusRow = (expect: string, fix = '', cells: string[] = ['a', 'b']): CorpusRow => ({
    file: 'f.xlsx', sheet: 'S', row: 5, name: '张三', expectText: expect, basis: '依据', fixText: fix,
    expectation: parseExpectation(expect, fix), cells, year: 2019, series: '', level: '', method: '', idNumber: '', birthDate: '',
  });
  const kinds = (expect: string, findings: Finding[]) => judgeFindings(corpusRow(expect), findings)?.kinds ?? [];

  /** `error@committee`, `warning@row`, `info@level`; an optional third part names the rule. */
  const parse = (spec: string): Finding => {
    const [sev, field, rule] = spec.split('@').flatMap((p) => p.split(':'));
    return finding(field === 'row' ? null : (field as Finding['field']), sev as Finding['severity'], rule);
  };
  it.each([
    ['正确', '', ''],
    ['正确', 'info@committee', ''],
    ['正确', 'error@committee', 'false-error'],
    ['正确', 'warning@committee', 'false-warning'],
    ['正确', 'error@row', 'false-error'],
    ['正确', 'error@photo:photo-file', ''],
    ['存疑:committee', 'warning@committee', ''],
    ['存疑:committee', '', ''],
    ['存疑:committee', 'error@committee', 'error-not-warning'],
    ['存疑:committee', 'warning@approvalNo', 'false-warning'],
    ['形式:level', 'error@level', 'error-not-warning'],
    ['错误:approvalNo', 'error@approvalNo', ''],
    ['错误:approvalNo', 'warning@approvalNo', 'missed-error'],
    ['错误:approvalNo', '', 'missed-error'],
    ['错误:level|title', 'error@title', ''],
    ['错误:level|title', 'error@title error@level', ''],
    ['错误:level|title', 'error@title error@region', 'false-error'],
    ['错误:level,title', 'error@title', 'missed-error'],
    ['警告:certNo', 'warning@certNo', ''],
    ['警告:certNo', 'error@certNo', ''],
    ['警告:certNo', '', 'missed-warning'],
    ['仅警告:name', 'warning@name', ''],
    ['仅警告:name', 'error@name', 'error-not-warning missed-warning'],
    ['错误:birthDate；存疑:committee', 'error@birthDate warning@committee', ''],
  ])('预期「%s」 with findings [%s] → [%s]', (expectation, found, mismatch) => {
    const findings = found.split(' ').filter(Boolean).map(parse);
    expect(kinds(expectation, findings).sort()).toEqual(mismatch.split(' ').filter(Boolean).sort());
  });

  it('refuses expectations it cannot read', () => {
    expect(() => parseExpectation('对')).toThrow();
    expect(() => parseExpectation('错误:committe')).toThrow();
    expect(() => parseExpectation('正确；存疑:committee')).toThrow();
    expect(() => parseExpectation('错误:approvalNo', 'approval=x')).toThrow();
    expect(parseExpectation('警告:certNo', 'certNo=').fixes.get('certNo')).toBe('');
  });

  it('lets --fix write only the 预期修正 value, and nothing into any other cell', () => {
    const sheet = { fields: new Map([[1, 'region'], [2, 'committee']]), headers: ['行政区划', '评审机构'] } as unknown as CorpusSheet;
    const judge = (expect: string, fix: string, after: string[]) => judgeFix(corpusRow(expect, fix, ['铜梁区', '委员会']), sheet, after)?.kinds ?? [];
    expect(judge('正确', '', ['铜梁区', '委员会'])).toEqual([]);
    expect(judge('正确', '', ['重庆市', '委员会'])).toEqual(['fix-changed']);
    expect(judge('错误:region', 'region=重庆市', ['重庆市', '委员会'])).toEqual([]);
    expect(judge('错误:region', 'region=重庆市', ['永川区', '委员会'])).toEqual(['fix-wrong']);
    expect(judge('错误:region', 'region=重庆市', ['重庆市', '另一个委员会'])).toEqual(['fix-changed']);
    expect(judgeFix(corpusRow('正确'), sheet, undefined)?.kinds).toEqual(['fix-changed']);
  });
});
