/** `cert-check template`: the blank workbook reopens with its validations, text formats and prompts, and checks clean. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import levelValue from '../../rules/level-value.js';
import methodKnown from '../../rules/method-known.js';
import regionByLevel from '../../rules/region-by-level.js';
import authorityByLevel from '../../rules/authority-by-level.js';
import hasSpecialtyYes from '../../rules/has-specialty-yes.js';
import seriesKnown from '../../rules/series-known.js';
import committeeName from '../../rules/committee-name.js';
import {
  COMMITTEE_SHEET, DATE_FORMAT, ERROR_MAX, inlineListFormula, LIST_SHEET, PROMPT_MAX, PROMPT_TITLE_MAX,
  sheetRange, TEMPLATE_ROWS, TEMPLATE_SHEET, writeTemplate,
} from '../../src/cli/template.js';
import { CITY } from '../../src/data/city.js';
import { defaultDistrict } from '../../src/data/district.js';
import { loadGuideData } from '../../src/data/guide.js';
import { templatePrompts } from '../../src/i18n/template.js';
import { PLATFORM_LEVELS } from '../../src/data/levels.js';
import { METHODS } from '../../src/data/methods.js';
import { InputError } from '../../src/errors.js';
import { loadCommitteeMatcher } from '../../src/match/committee.js';
import { columnLetter, FIELD_KEYS, FIELDS, type FieldKey } from '../../src/model/fields.js';
import { makeRecord, runRule } from '../helpers/records.js';
import { makeTempDir } from '../read/files.js';

const root = resolve(__dirname, '../..');
const bin = join(root, 'bin/cert-check.js');
const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

const CITY_AUTHORITY = CITY.authority;
const DISTRICT_AUTHORITY = defaultDistrict().authority;
const PROMPTS = templatePrompts(defaultDistrict());
const col = (k: FieldKey): string => columnLetter(FIELD_KEYS.indexOf(k) + 1);

type DV = { type: string; formulae?: string[]; prompt?: string; promptTitle?: string; showInputMessage?: boolean; showErrorMessage?: boolean; errorStyle?: string; error?: string; allowBlank?: boolean };

let wb: ExcelJS.Workbook;
let ws: ExcelJS.Worksheet;
const dv = (address: string): DV | undefined => (ws as unknown as { dataValidations: { model: Record<string, DV> } }).dataValidations.model[address];

/** The values a list validation offers: inline, or the cells of the range it names. */
function listValues(v: DV): string[] {
  const f = v.formulae![0]!;
  if (f.startsWith('"')) return f.slice(1, -1).split(',');
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(f);
  expect(m, f).not.toBeNull();
  const sheet = wb.getWorksheet(m![1]!)!;
  const out: string[] = [];
  for (let r = Number(m![3]); r <= Number(m![5]); r++) out.push(String(sheet.getCell(`${m![2]}${r}`).value));
  return out;
}

beforeAll(async () => {
  await writeTemplate(tmp.file('t.xlsx'), { lang: 'zh' });
  wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(tmp.file('t.xlsx'));
  ws = wb.getWorksheet(TEMPLATE_SHEET)!;
});

describe('the template workbook', () => {
  it('has the sheets 登记表, 评审机构名称 and the hidden 下拉选项', () => {
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
      [TEMPLATE_SHEET, 'visible'], [COMMITTEE_SHEET, 'visible'], [LIST_SHEET, 'hidden'],
    ]);
  });

  it('puts the canonical headers in the platform order on row 1, frozen', () => {
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(FIELD_KEYS.map((k) => FIELDS[k].header));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    for (const k of FIELD_KEYS) expect(ws.getColumn(FIELD_KEYS.indexOf(k) + 1).width, k).toBeGreaterThan(5);
  });

  it.each([
    ['idNumber', '@'], ['certNo', '@'], ['approvalNo', '@'], ['birthDate', '@'],
    ['issueDate', DATE_FORMAT], ['obtainDate', DATE_FORMAT],
  ] as [FieldKey, string][])('formats the %s column as %s', (k, fmt) => {
    expect(ws.getColumn(col(k)).numFmt).toBe(fmt);
  });

  it.each(['name', 'level', 'committee'] as FieldKey[])('leaves the %s column in the general format', (k) => {
    expect(ws.getColumn(col(k)).numFmt ?? 'General').not.toBe('@');
  });

  const lists: [FieldKey, readonly string[]][] = [
    ['level', PLATFORM_LEVELS],
    ['series', loadGuideData().seriesNames],
    ['method', METHODS],
    ['region', ['重庆市', '铜梁区']],
    ['hasSpecialty', ['是']],
    ['authority', [CITY_AUTHORITY, DISTRICT_AUTHORITY]],
  ];
  it.each(lists)('offers a strict dropdown for %s with exactly the accepted values', (k, values) => {
    for (const row of [2, 777, TEMPLATE_ROWS + 1]) {
      const v = dv(`${col(k)}${row}`)!;
      expect(v, `${k} row ${row}`).toBeDefined();
      expect(v.type).toBe('list');
      expect(v.showErrorMessage).toBe(true);
      expect(v.errorStyle ?? 'stop').toBe('stop');
      expect(v.allowBlank).toBe(true);
      expect(listValues(v)).toEqual([...values]);
    }
  });

  it('keeps every inline list within Excel\'s 255 characters and puts 职称系列 on the hidden sheet', () => {
    for (const [k] of lists) {
      const f = dv(`${col(k)}2`)!.formulae![0]!;
      expect(f.length, k).toBeLessThanOrEqual(255);
    }
    expect(dv(`${col('series')}2`)!.formulae![0]).toBe(sheetRange(LIST_SHEET, 1, 2, loadGuideData().seriesNames.length + 1));
  });

  it('offers the official committee names for 评审机构 without refusing other names', () => {
    const v = dv(`${col('committee')}2`)!;
    expect(v.type).toBe('list');
    expect(v.showErrorMessage).toBeFalsy();
    expect(listValues(v)).toEqual(loadCommitteeMatcher().entries.map((e) => e.name));
  });

  it('gives every column an input message quoting the guide, within Excel\'s limits', () => {
    for (const k of FIELD_KEYS) {
      for (const row of [2, TEMPLATE_ROWS + 1]) {
        const v = dv(`${col(k)}${row}`)!;
        expect(v, `${k}${row}`).toBeDefined();
        expect(v.showInputMessage).toBe(true);
        expect(v.prompt!.length).toBeLessThanOrEqual(PROMPT_MAX);
        expect(v.promptTitle!.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
        expect(v.promptTitle).toContain(`指南${PROMPTS[k].guide}`);
        if (v.error) expect(v.error.length).toBeLessThanOrEqual(ERROR_MAX);
      }
      expect(dv(`${col(k)}${TEMPLATE_ROWS + 2}`), k).toBeUndefined();
      expect(dv(`${col(k)}1`), `${k} header`).toBeUndefined();
    }
    // The guide's own words.
    expect(dv(`${col('level')}2`)!.prompt).toContain('职称等级分为高级（正高）、高级（副高）、中级、初级（含员级）');
    expect(dv(`${col('approvalNo')}2`)!.prompt).toContain('注意括号格式按【】填写');
    expect(dv(`${col('photo')}2`)!.prompt).toContain('图片大小不能超过200kb');
    expect(dv(`${col('hasSpecialty')}2`)!.prompt).toContain('选择“是”');
    expect(dv(`${col('certNo')}2`)!.prompt).toContain('取得时间在2021以来的，不需要填写证书编号');
  });

  it('lists every official committee on 评审机构名称 with 序号, 名称, 级别, 系列, 范围, 组建单位, 来源', () => {
    const cs = wb.getWorksheet(COMMITTEE_SHEET)!;
    const entries = loadCommitteeMatcher().entries;
    expect((cs.getRow(1).values as unknown[]).slice(1)).toEqual(['序号', '名称', '级别', '系列', '范围', '组建单位', '来源']);
    expect(cs.actualRowCount).toBe(entries.length + 1);
    expect(cs.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(cs.getRow(2).values).toEqual([undefined, 1, '重庆市工程技术正高级职称评审委员会', '高级（正高）', '工程技术', '全市', '市人力社保局', '指南附件2 第1项']);
    const names = entries.map((_, i) => cs.getCell(`B${i + 2}`).value);
    expect(names).toContain('重庆市职称改革办公室');
    expect(names).toContain('重庆市自然科学研究高级职称市农科院评审委员会');
  });

  it('refuses to overwrite any existing file and leaves it as it was', async () => {
    writeFileSync(tmp.file('taken.xlsx'), 'mine');
    await expect(writeTemplate(tmp.file('taken.xlsx'), { lang: 'zh' })).rejects.toBeInstanceOf(InputError);
    expect(readFileSync(tmp.file('taken.xlsx'), 'utf8')).toBe('mine');
  });
});

describe('inline lists', () => {
  it.each([
    [['a', 'b'], '"a,b"'],
    [['a,b'], null],
    [['x'.repeat(253)], '"' + 'x'.repeat(253) + '"'],
    [['x'.repeat(254)], null],
  ] as [string[], string | null][])('%j → %s', (values, formula) => {
    expect(inlineListFormula(values)).toBe(formula);
  });
});

describe('a row filled from the dropdowns gets no error for those fields', () => {
  const guide = loadGuideData();
  it.each(PLATFORM_LEVELS.map((l) => [l]))('职称级别 %s', (level) => {
    const senior = level.startsWith('高级');
    const values = { level, region: senior ? '重庆市' : '铜梁区', authority: senior ? CITY_AUTHORITY : DISTRICT_AUTHORITY, hasSpecialty: '是' };
    for (const rule of [levelValue, regionByLevel, authorityByLevel, hasSpecialtyYes]) {
      expect(runRule(rule, makeRecord(values)), rule.id).toEqual([]);
    }
  });
  it.each(METHODS.map((m) => [m]))('取得方式 %s', (method) => {
    expect(runRule(methodKnown, makeRecord({ method }))).toEqual([]);
  });
  it('every 职称系列 of the list', () => {
    for (const series of guide.seriesNames) expect(runRule(seriesKnown, makeRecord({ series })), series).toEqual([]);
  });
  it('every name of 评审机构名称 is an exact committee name', () => {
    const m = loadCommitteeMatcher();
    for (const e of m.entries) expect(m.match(e.name), e.name).toMatchObject({ verdict: e.kind === 'office' ? 'office' : 'exact', entry: e, certain: true });
    expect(committeeName.id).toBe('committee-name');
  });
});

describe('cert-check template through the launcher', () => {
  const cli = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: tmp.dir, encoding: 'utf8', timeout: 60_000 });

  it('writes the default file in the working directory, refuses it the second time, and checks clean', async () => {
    const first = cli(['template']);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('职称电子证书登记模板.xlsx');
    const again = cli(['template']);
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('已存在');
    expect(again.stderr).not.toMatch(/\n\s+at /);

    const check = cli(['职称电子证书登记模板.xlsx', '--no-assets', '--no-out', '--format', 'json']);
    expect(check.status).toBe(0);
    const doc = JSON.parse(check.stdout);
    expect(doc.files[0]).toMatchObject({ sheet: TEMPLATE_SHEET, headerRow: 1, rows: 0 });
    expect(doc.problems).toEqual([]);
  });

  it('a template filled with a correct row checks without errors for its fields', async () => {
    expect(cli(['template', 'filled.xlsx', '--lang', 'en']).status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(tmp.file('filled.xlsx'));
    const sheet = book.getWorksheet(TEMPLATE_SHEET)!;
    expect((sheet as unknown as { dataValidations: { model: Record<string, DV> } }).dataValidations.model.E2!.prompt).toMatch(/^Guide: choose the level/);
    const row: Partial<Record<FieldKey, string | Date>> = {
      name: '张三', idNumber: '500224198001011235', birthDate: '1980-01', series: '工程技术', level: '中级', title: '工程师',
      method: '评审', approvalNo: '铜职改办【2019】12号', region: '铜梁区', hasSpecialty: '是', specialty: '建设',
      issueDate: new Date(Date.UTC(2019, 11, 20)), obtainDate: new Date(Date.UTC(2019, 10, 15)), authority: DISTRICT_AUTHORITY,
      committee: '重庆市工程技术中级职务铜梁区评审委员会', certNo: 'TL20190012',
    };
    FIELD_KEYS.forEach((k, i) => {
      if (row[k] !== undefined) sheet.getCell(2, i + 1).value = row[k]!;
    });
    await book.xlsx.writeFile(tmp.file('filled.xlsx'));
    const check = cli(['filled.xlsx', '--no-assets', '--no-out', '--format', 'json', '--show-pii']);
    const doc = JSON.parse(check.stdout);
    expect(doc.files[0].rows).toBe(1);
    expect(doc.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual([]);
  });
});
