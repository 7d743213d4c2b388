/**
 * The district as data: the shipped profile (铜梁区) as the guide gives it, and another district's profile
 * (test/fixtures/districts/example-dazu.json, the README's example) changing what the rules, the committee
 * list, the template and the registration sheets say — with no line of code that names a district.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import approvalNoCommittee from '../../rules/approval-no-committee.js';
import authorityByLevel from '../../rules/authority-by-level.js';
import committeeName from '../../rules/committee-name.js';
import committeeOffice from '../../rules/committee-office.js';
import regionByLevel from '../../rules/region-by-level.js';
import { TEMPLATE_SHEET, writeTemplate } from '../../src/cli/template.js';
import { CITY } from '../../src/data/city.js';
import { defaultDistrict, parseDistrict, type DistrictProfile } from '../../src/data/district.js';
import { referenceData } from '../../src/data/reference.js';
import { InputError } from '../../src/errors.js';
import { MessageBook } from '../../src/engine/messages.js';
import { buildCard } from '../../src/report/cards/model.js';
import { settingsFrom } from '../../src/config.js';
import { makeRecord, runRule, testContext } from '../helpers/records.js';
import { FIXTURES } from '../helpers/paths.js';
import { makeTempDir } from '../read/files.js';

const EXAMPLE = join(FIXTURES, 'districts', 'example-dazu.json');
const example = (): DistrictProfile => parseDistrict(JSON.parse(readFileSync(EXAMPLE, 'utf8')), EXAMPLE);
const dazu = testContext({ data: referenceData(example()) });
const TL = defaultDistrict();

/** A 大足区 中级 row, correct under the example profile. */
const DAZU_ROW = {
  region: '大足区', authority: '大足区人力资源和社会保障局', approvalNo: '大足区职改办【2019】12号',
  committee: '重庆市工程技术中级职务大足区评审委员会', certNo: 'DZ20190012',
};

describe('the shipped profile', () => {
  it('is 铜梁区 as the guide names it (三（五）, 三（十三）, 三（十四）)', () => {
    expect(TL).toMatchObject({
      name: '铜梁区', place: '铜梁', region: '铜梁区', authority: '铜梁区人力资源和社会保障局', office: { name: '重庆市铜梁区职称改革办公室' },
      renamed: { from: '铜梁县', year: 2014 }, area: { name: '永川片区', place: '永川' },
    });
    expect(TL.source.endsWith(join('data', 'district.json'))).toBe(true);
  });

  it('brings its 中级 committees and its office into the committee lists, and its prefixes into the issuers', () => {
    const data = referenceData();
    expect(data.committees.byName('重庆市工程技术中级职务铜梁区评审委员会')?.lists[0]?.id).toBe('guide-middle');
    expect(data.committees.byName('重庆市中职教师中级职务永川片区评审委员会')).toBeDefined();
    expect(data.committees.byName(TL.office.name)).toMatchObject({ kind: 'office', range: '铜梁区', levels: ['中级', '初级（含员级）'] });
    // The district's office and the city's share the list of offices, the district's first.
    const offices = data.committees.entries.filter((e) => e.kind === 'office');
    expect(offices.map((e) => e.name)).toEqual([TL.office.name, CITY.office]);
    expect(offices[0]!.lists).toEqual(offices[1]!.lists);
    expect(data.guide.issuerKind('铜职改办')).toBe('district');
    expect(data.guide.issuerKind('永职改办')).toBe('area');
    expect(data.guide.issuerKind('渝职改办')).toBe('city');
  });
});

describe('another district\'s profile (the README example)', () => {
  it('is the example the README shows, to the letter', () => {
    const readme = readFileSync(join(FIXTURES, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Other districts (其他区县)'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(block).toBe(readFileSync(EXAMPLE, 'utf8').trimEnd());
  });

  it('reads the example file', () => {
    expect(example()).toMatchObject({ name: '大足区', place: '大足', region: '大足区', area: { place: '永川' }, renamed: { from: '大足县', year: 2011 } });
  });

  it('makes its own committees, office and prefixes known, and 铜梁区\'s unknown', () => {
    const data = referenceData(example());
    expect(data.committees.byName('重庆市工程技术中级职务大足区评审委员会')).toBeDefined();
    expect(data.committees.byName('重庆市工程技术中级职务铜梁区评审委员会')).toBeUndefined();
    expect(data.committees.byName('重庆市大足区职称改革办公室')?.kind).toBe('office');
    expect(data.committees.byName(TL.office.name)).toBeUndefined();
    // The city's lists stay.
    expect(data.committees.byName('重庆市工程技术正高级职称评审委员会')).toBeDefined();
    expect(data.guide.issuerKind('大足区职改办')).toBe('district');
    expect(data.guide.issuerKind('铜职改办')).toBeNull();
  });

  it('region-by-level and authority-by-level expect its region and bureau (and fix to them)', () => {
    expect(runRule(regionByLevel, makeRecord(DAZU_ROW), dazu)).toEqual([]);
    expect(runRule(authorityByLevel, makeRecord(DAZU_ROW), dazu)).toEqual([]);
    const [region] = runRule(regionByLevel, makeRecord({ ...DAZU_ROW, region: '铜梁区' }), dazu);
    expect(region).toMatchObject({ messageId: 'wrong', suggestion: '大足区', fix: '大足区' });
    const [authority] = runRule(authorityByLevel, makeRecord({ ...DAZU_ROW, authority: '' }), dazu);
    expect(authority).toMatchObject({ messageId: 'empty', fix: '大足区人力资源和社会保障局' });
    // The same rows under the shipped profile.
    expect(runRule(regionByLevel, makeRecord(DAZU_ROW))[0]).toMatchObject({ fix: '铜梁区' });
  });

  it('committee-office names its office, and its former name in the warning on an older spelling', () => {
    const initial = { ...DAZU_ROW, method: '初定', issueDate: '2019-12-20', obtainDate: '2019-12-20' };
    expect(runRule(committeeOffice, makeRecord({ ...initial, committee: '重庆市大足区职称改革办公室' }), dazu)).toEqual([]);
    expect(runRule(committeeOffice, makeRecord({ ...initial, committee: '大足区职改办' }), dazu)[0]).toMatchObject({ messageId: 'office-form', fix: '重庆市大足区职称改革办公室' });
    const [period] = runRule(committeeOffice, makeRecord({ ...initial, committee: '重庆市大足县职称改革办公室' }), dazu);
    expect(period).toMatchObject({ messageId: 'office-period', suggestion: '重庆市大足区职称改革办公室' });
    expect(new MessageBook([committeeOffice]).format(period!, 'zh')).toContain('（大足县于2011年改为大足区）');
    expect(new MessageBook([committeeOffice]).format(period!, 'en')).toContain('(大足县 became 大足区 in 2011)');
  });

  it('approval-no-committee tells its own committees from its 片区\'s by its place', () => {
    const areaNumber = runRule(approvalNoCommittee, makeRecord({ ...DAZU_ROW, approvalNo: '永职改办【2019】3号' }), dazu);
    expect(areaNumber.map((f) => f.messageId)).toEqual(['districtCommittee']);
    expect(new MessageBook([approvalNoCommittee]).format(areaNumber[0]!, 'zh')).toContain('评审机构是大足区评审委员会');
    const ownNumber = runRule(approvalNoCommittee, makeRecord({ ...DAZU_ROW, committee: '重庆市新闻专业中级职称永川片区评审委员会' }), dazu);
    expect(ownNumber.map((f) => f.messageId)).toEqual(['areaCommittee']);
    expect(new MessageBook([approvalNoCommittee]).format(ownNumber[0]!, 'zh')).toContain('是大足区的文号');
  });

  it('committee-name accepts its committees and no longer knows 铜梁区\'s', () => {
    expect(runRule(committeeName, makeRecord(DAZU_ROW), dazu)).toEqual([]);
    const tl = runRule(committeeName, makeRecord({ ...DAZU_ROW, committee: '重庆市工程技术中级职务铜梁区评审委员会' }), dazu);
    expect(tl.map((f) => f.severity)).toEqual(['warning']);
  });

  it('the template offers its region and bureau and quotes its office', async () => {
    const tmp = makeTempDir();
    try {
      await writeTemplate(tmp.file('t.xlsx'), { lang: 'zh', data: referenceData(example()) });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(tmp.file('t.xlsx'));
      const model = (wb.getWorksheet(TEMPLATE_SHEET) as unknown as { dataValidations: { model: Record<string, { formulae?: string[]; prompt?: string }> } }).dataValidations.model;
      const validations = Object.values(model);
      expect(validations.some((v) => v.formulae?.[0] === '"重庆市,大足区"')).toBe(true);
      expect(validations.some((v) => v.formulae?.[0] === `"${CITY.authority},大足区人力资源和社会保障局"`)).toBe(true);
      expect(validations.some((v) => v.prompt?.includes('重庆市大足区职称改革办公室'))).toBe(true);
      expect(validations.some((v) => /铜梁/.test(v.prompt ?? ''))).toBe(false);
    } finally {
      tmp.cleanup();
    }
  });

  it('the registration sheets\' hints name its region, bureau and approval numbers', () => {
    const record = makeRecord(DAZU_ROW);
    const built = buildCard({ record, changes: [], findings: [], assets: null, guideValues: {} }, { lang: 'zh', messages: new MessageBook([]), district: example() });
    expect('card' in built).toBe(true);
    const hints = 'card' in built ? built.card.lines.map((l) => l.hint).join('\n') : '';
    expect(hints).toContain('中、初级职称选“大足区”');
    expect(hints).toContain('大足区人力资源和社会保障局');
    expect(hints).toContain('大足区职改办【2019】XX号');
    expect(hints).not.toMatch(/铜梁/);
  });
});

describe('choosing a profile', () => {
  it('the config\'s district (relative to the config file) selects it, and it counts among the files the config read', () => {
    const s = settingsFrom({ district: 'districts/example-dazu.json' }, join(FIXTURES, 'cert-check.config.json'), []);
    expect(s.data.district.name).toBe('大足区');
    expect(s.sources).toContain(EXAMPLE);
  });

  it('--district wins over the config\'s', () => {
    const s = settingsFrom({ district: 'nowhere.json' }, join(FIXTURES, 'cert-check.config.json'), [], 'zh', EXAMPLE);
    expect(s.data.district.name).toBe('大足区');
  });

  it('refuses a profile with a wrong key or a place Chongqing does not have, naming it (exit 2)', () => {
    const bad = (raw: unknown): InputError => {
      try {
        parseDistrict(raw, 'd.json');
      } catch (e) {
        return e as InputError;
      }
      throw new Error('accepted');
    };
    const good = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
    expect(bad({ ...good, regoin: 'x' }).text('zh')).toBe('区县配置 d.json 有误：unknown key regoin。请对照 README 中“其他区县”一节改正。');
    expect(bad({ ...good, place: '大足区' }).text('en')).toMatch(/^District profile d\.json is invalid: place: not a place of data\/places\.tsv/);
    expect(bad({ ...good, issuers: [] }).id).toBe('bad-district');
    expect(() => referenceData({ ...example(), committees: [{ committees: [{ name: '' }] }] })).toThrow(InputError);
  });
});
