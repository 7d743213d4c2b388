import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirSync } from '../helpers/temp.js';
import { loadGuideData } from '../../src/data/guide.js';
import { readTsv } from '../../src/data/tsv.js';
import { dataDir as packageDataDir } from '../../src/paths.js';

const guide = loadGuideData();
const dataDir = packageDataDir();
const levelOf = (series: string, title: string) => guide.titleEntries(title).filter((t) => t.series === series).map((t) => t.platformLevel);

describe('title table (data/titles.tsv)', () => {
  it.each([
    ['工程技术', '高级工程师', ['高级（副高）']],
    ['工程技术', '正高级工程师', ['高级（正高）']],
    ['自然科学研究', '助理研究员', ['中级']],
    ['哲学社会科学研究', '研究员', ['高级（正高）']],
    ['艺术', '一级演员', ['高级（正高）']],
    ['艺术', '二级演员', ['高级（副高）']],
    ['艺术', '三级演员', ['中级']],
    ['艺术', '四级演员', ['初级（含员级）']],
    ['律师', '一级律师', ['高级（正高）']],
    ['公证', '四级公证员', ['初级（含员级）']],
    ['中小学教师', '小学高级教师', ['中级']],
    ['中小学教师', '中学高级教师', ['高级（副高）']],
    ['卫生技术', '主检法医师', ['中级']],
    ['卫生技术', '法医师', ['初级（含员级）']],
  ])('%s %s is %j', (series, title, levels) => {
    expect(levelOf(series, title)).toEqual(levels);
  });

  it.each([
    ['编辑', ['新闻', '出版']],
    ['馆员', ['图书资料', '文物博物', '档案', '群众文化']],
    ['讲师', ['高等学校教师', '技工院校教师', '中等职业学校教师', '党校教师']],
    ['研究员', ['哲学社会科学研究', '自然科学研究']],
  ])('%s belongs to several series', (title, series) => {
    expect(guide.titleEntries(title).map((t) => t.series)).toEqual(series);
  });

  it('marks every pre-reform name of the 中专, 技校, 小学, 中学 scales legacy, with its source', () => {
    const legacy = (series: string, title: string) => guide.titleEntries(title).find((t) => t.series === series)!;
    for (const t of ['中学高级教师', '中学一级教师', '中学二级教师', '中学三级教师', '小学高级教师', '小学一级教师', '小学二级教师', '小学三级教师']) {
      expect(legacy('中小学教师', t).status, t).toContain('L');
      expect(legacy('中小学教师', t).source.split(','), t).toEqual(expect.arrayContaining(['S16', 'S19']));
    }
    expect(legacy('中等职业学校教师', '教员')).toMatchObject({ level: '员级', platformLevel: '初级（含员级）', status: ['L', 'R'], source: 'S17' });
    expect(legacy('技工院校教师', '教员').source.split(',')).toContain('S18');
    expect(guide.titleEntries('教员').map((t) => t.series)).toEqual(['技工院校教师', '中等职业学校教师']);
    for (const t of ['正高级教师', '高级教师', '一级教师', '二级教师', '三级教师']) expect(legacy('中小学教师', t).source).toContain('S19');
    // 中医/中药 names are in use, not pre-reform.
    expect(guide.titleEntries('主治中医师')[0]!.status).toEqual(['R']);
  });

  it('gives every legacy row a note saying what scale it belongs to', () => {
    const rows = readTsv(join(dataDir, 'titles.tsv'));
    expect(rows.filter((r) => r.status!.includes('L') && !r.note).map((r) => `${r.series} ${r.title}`)).toEqual([]);
  });

  it('keeps the status column and marks legacy names', () => {
    expect(guide.titleEntries('教授级高级工程师')[0]!.status).toEqual(['L']);
    expect(guide.titleEntries('工程师')[0]!.status).toEqual(['V']);
    expect(guide.titleEntries('律师助理')[0]!.status).toEqual(['V', 'I']);
  });

  it('tolerates width, spaces and a bracketed suffix in title names', () => {
    expect(guide.titleEntries('主治医师（内科）')[0]?.title).toBe('主治医师');
    expect(guide.titleEntries('高级 工程师')[0]?.title).toBe('高级工程师');
    expect(guide.titleEntries('工程师职称')[0]?.title).toBe('工程师');
    expect(guide.titleEntries('工程帅')).toEqual([]);
  });

  it('has no repeated series + title (but an older scale\'s level, status L) and a source or R status on every row', () => {
    const rows = readTsv(join(dataDir, 'titles.tsv'));
    const current = rows.filter((r) => !r.status!.split(',').includes('L'));
    const keys = current.map((r) => `${r.series}|${r.title}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    const legacy = rows.filter((r) => r.status!.split(',').includes('L')).map((r) => `${r.series}|${r.title}|${r.level}`);
    expect(legacy.filter((k, i) => legacy.indexOf(k) !== i)).toEqual([]);
    expect(rows.filter((r) => !r.source && !r.status!.includes('R'))).toEqual([]);
  });

  it('names every source it cites in data/SOURCES.md', () => {
    const sources = readFileSync(join(dataDir, 'SOURCES.md'), 'utf8');
    const cited = new Set(readTsv(join(dataDir, 'titles.tsv')).flatMap((r) => r.source!.split(',')).filter((s) => s && s !== '-'));
    for (const s of cited) expect(sources, s).toMatch(new RegExp(`\\b${s}\\b`));
  });

  it('refuses a row whose platform level contradicts its level', () => {
    const dir = tempDirSync('cert-check-guide-');
    for (const f of ['series.tsv', 'specialties.tsv', 'issuers.tsv']) copyFileSync(join(dataDir, f), join(dir, f));
    writeFileSync(join(dir, 'titles.tsv'), 'series\tlevel\ttitle\tplatform_level\tstatus\tsource\n工程技术\t副高级\t高级工程师\t高级（正高）\tV\tS1\n');
    expect(() => loadGuideData({}, dir)).toThrow(/高级工程师/);
  });
});

describe('canonicalSeries', () => {
  it.each([
    ['工程技术', '工程技术'], ['卫生', '卫生技术'], ['卫生技术人员', '卫生技术'], ['中职教师', '中等职业学校教师'],
    ['技工学校教师', '技工院校教师'], ['播音', '播音主持'], ['体育教练', '体育'], ['社会科学研究', '哲学社会科学研究'],
    ['中小学教师', '中小学教师'], ['工程技术系列', '工程技术'], ['（工程技术）', '工程技术'], ['工程　技术', '工程技术'],
    ['畜牧兽医技术', '农业技术'], ['新闻专业', '新闻'], ['中等职业学校教师', '中等职业学校教师'],
  ])('%s → %s', (text, canonical) => {
    expect(guide.canonicalSeries(text)).toBe(canonical);
  });

  it.each(['', '火星', '教师', '技术'])('%j is not a series', (text) => {
    expect(guide.canonicalSeries(text)).toBeNull();
  });

  it('offers the closest names and a suggestion only when one is clearly meant', () => {
    expect(guide.closestSeries('工程技朮')[0]).toBe('工程技术');
    expect(guide.suggestSeries('工程技朮')).toBe('工程技术');
    expect(guide.suggestSeries('教师')).toBeNull();
    expect(guide.closestSeries('ABCDEFG')).toEqual([]);
  });

  it('accepts spellings added by the config', () => {
    expect(loadGuideData({ seriesAliases: { 工程技术: ['工科'] } }).canonicalSeries('工科')).toBe('工程技术');
  });

  it('every canonical name is one of titles.tsv\'s series', () => {
    const series = new Set(readTsv(join(dataDir, 'titles.tsv')).map((r) => r.series));
    expect(guide.seriesNames.every((s) => series.has(s))).toBe(true);
    expect(guide.seriesNames.length).toBe(series.size);
  });
});

describe('specialties and issuers', () => {
  it('seeds the dropdown from the guide: 建设, 会计', () => {
    expect(guide.specialties).toEqual(['建设', '会计']);
    expect(guide.knownSpecialty('会计专业')).toBe('会计');
    expect(guide.knownSpecialty('建筑工程')).toBeNull();
    expect(loadGuideData({ specialties: ['建筑工程'] }).knownSpecialty('建筑工程')).toBe('建筑工程');
  });

  it.each([
    ['渝职改办', 'city'], ['重庆市职称改革办公室', 'city'], ['铜职改办', 'district'], ['铜梁区职改办', 'district'],
    ['重庆市铜梁区职称改革办公室', 'district'], ['永川片区职改办', 'area'], ['豫职改办', null], ['渝人社发', null],
  ])('%s is %s', (issuer, kind) => {
    expect(guide.issuerKind(issuer)).toBe(kind);
  });

  it('takes issuer prefixes from the config', () => {
    expect(loadGuideData({ issuers: { area: ['万州片区'] } }).issuerKind('万州片区职改办')).toBe('area');
  });
});
