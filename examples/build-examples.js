#!/usr/bin/env node
// Builds examples/records.xlsx and examples/files/: a realistic 铜梁区 registration sheet (title row, 序号 column,
// ID column as text) whose rows are either correct or carry one typical mistake of the guide, and the photos and
// PDFs they name. `expect` in each row lists the rule ids the row must trigger (test/examples.test.ts checks it).
// Run: node examples/build-examples.js   (needs the dev dependencies: exceljs, sharp, pdfkit)
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import PDFDocument from 'pdfkit';

const here = dirname(fileURLToPath(import.meta.url));
const filesDir = join(here, 'files');

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A valid resident ID: 铜梁 area code 500224 (kept by IDs issued before it became 500151), birth date, sequence. */
export function makeId(birth, seq, area = '500224') {
  const s = `${area}${birth}${String(seq).padStart(3, '0')}`;
  const sum = [...s].reduce((t, c, i) => t + Number(c) * W[i], 0);
  return s + '10X98765432'[sum % 11];
}

/** The same ID with a mistyped check character. */
const wrongCheck = (id) => id.slice(0, 17) + (id[17] === '9' ? '1' : id[17] === 'X' ? '2' : String((Number(id[17]) + 1) % 10));
const d = (s) => new Date(`${s}T00:00:00Z`);
const CITY = '重庆市人力资源和社会保障局（重庆市职称改革办公室）';
const DISTRICT = '铜梁区人力资源和社会保障局';
const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
const TL_TEACH = '重庆市中小学教师中级职务铜梁区评审委员会';
const TL_OFFICE = '重庆市铜梁区职称改革办公室';

const SURNAMES = '钱孙周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';

/** A correct row of the given kind with one field changed: the planted mistake `rule`. */
function planted(kind, rule, n, changes) {
  const birthId = changes.birthId ?? `19${70 + (n % 25)}0${1 + (n % 9)}1${n % 9}`;
  const id = changes.id === 'lower-x' ? lowerX(birthId) : changes.id ?? makeId(birthId, 100 + n);
  const base = {
    name: `${SURNAMES[n % SURNAMES.length]}${'明华英杰静丽强军'[n % 8]}`, id, birth: `${birthId.slice(0, 4)}.${birthId.slice(4, 6)}`,
    series: '工程技术', has: '是', specialty: '建设', local: '', photo: 'photo-ok', pdf: 'scan3',
    ...KINDS[kind],
  };
  const { birthId: _b, id: _i, ...rest } = changes;
  return { expect: [rule], ...base, ...rest, id };
}

const KINDS = {
  mid: { level: '中级', title: '工程师', method: '评审', approvalNo: '铜职改办【2019】15号', region: '铜梁区', issue: d('2019-12-20'), obtain: d('2019-11-15'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2019009900' },
  senior: { level: '高级（副高）', title: '高级工程师', method: '评审', approvalNo: '渝职改办【2019】125号', region: '重庆市', issue: d('2019-12-30'), obtain: d('2019-10-26'),
    authority: CITY, committee: '重庆市工程技术建设专业副高级职称评审委员会', certNo: 'YGZ2019125099' },
  initial: { level: '初级（含员级）', title: '助理工程师', method: '初定', approvalNo: '铜职改办【2019】2号', region: '铜梁区', issue: d('2019-03-15'), obtain: d('2019-03-15'),
    authority: DISTRICT, committee: TL_OFFICE, certNo: 'TL2019000299', specialty: '其他', local: '土木工程' },
};
const mid = (rule, n, changes) => planted('mid', rule, n, { certNo: `TL20190099${String(n).padStart(2, '0')}`, ...changes });
const senior = (rule, n, changes) => planted('senior', rule, n, { certNo: `YGZ20191250${String(n).padStart(2, '0')}`, ...changes });
const initial = (rule, n, changes) => planted('initial', rule, n, { certNo: `TL20190002${String(n).padStart(2, '0')}`, ...changes });

/** An ID whose check character is X, written with a lower-case x. */
function lowerX(birthId) {
  for (let seq = 1; ; seq++) {
    const id = makeId(birthId, seq);
    if (id.endsWith('X')) return id.slice(0, 17) + 'x';
  }
}

/** Correct rows first, then one planted mistake per row. */
export const ROWS = [
  { expect: [], name: '张晓梅', id: makeId('19850314', 21), birth: '1985.03', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2019】15号', region: '铜梁区', has: '是', specialty: '其他', local: '建筑工程', issue: d('2019-12-20'), obtain: d('2019-11-15'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2019001503', photo: 'photo-ok', pdf: 'scan3' },
  { expect: [], name: '李建国', id: makeId('19760822', 13), birth: '1976.08', series: '工程技术', level: '高级（副高）', title: '高级工程师', method: '评审',
    approvalNo: '渝职改办【2019】125号', region: '重庆市', has: '是', specialty: '建设', local: '', issue: d('2019-12-30'), obtain: d('2019-10-26'),
    authority: CITY, committee: '重庆市工程技术建设专业副高级职称评审委员会', certNo: 'YGZ2019125038', photo: 'photo-ok', pdf: 'scan3' },
  { expect: [], name: '王芳', id: makeId('19900207', 42), birth: '1990-02', series: '中小学教师', level: '中级', title: '一级教师', method: '评审',
    approvalNo: '铜职改办【2020】8号', region: '铜梁区', has: '是', specialty: '其他', local: '小学语文', issue: '2020.12.18', obtain: '2020.11.28',
    authority: DISTRICT, committee: TL_TEACH, certNo: 'TLJS2020082', photo: 'png-ok', pdf: 'scan3' },
  { expect: [], name: '陈刚', id: makeId('19970611', 35), birth: '1997年6月', series: '工程技术', level: '初级（含员级）', title: '助理工程师', method: '初定',
    approvalNo: '铜职改办【2022】3号', region: '铜梁区', has: '是', specialty: '其他', local: '机械制造', issue: d('2022-04-08'), obtain: d('2022-04-08'),
    authority: DISTRICT, committee: TL_OFFICE, certNo: '', photo: 'photo-ok', pdf: 'doc1' },
  { expect: [], name: '刘敏', id: makeId('19700915', 28), birth: '1970.09', series: '卫生技术', level: '高级（正高）', title: '主任医师', method: '评审',
    approvalNo: '渝职改办【2020】211号', region: '重庆市', has: '是', specialty: '其他', local: '内科学', issue: d('2020-12-25'), obtain: d('2020-11-20'),
    authority: '', committee: '重庆市卫生技术（内科）高级职称评审委员会', certNo: 'YWZ2020211007', photo: 'photo-ok', pdf: 'scan3' },
  { expect: [], name: '赵丽', id: makeId('19820430', 64), birth: '1982.04', series: '会计', level: '高级（副高）', title: '高级会计师', method: '评审',
    approvalNo: '渝职改办【2023】67号', region: '重庆市', has: '是', specialty: '会计', local: '', issue: d('2023-12-15'), obtain: d('2023-11-12'),
    authority: CITY, committee: '重庆市会计专业副高级职称评审委员会', certNo: '', photo: 'photo-ok', pdf: 'doc1' },
  { expect: [], name: '孙伟', id: makeId('19880119', 57), birth: '1988.01', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2018】21号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: { serial31: '2018-12-28' }, obtain: d('2018-11-30'),
    authority: DISTRICT, committee: '重庆市工程技术中级职务铜梁区非公企业评审委员会', certNo: 'TL2018002117', photo: 'photo-ok', pdf: 'scan3' },

  // Planted mistakes, one per row.
  { expect: ['approval-no-brackets'], name: '周杰', id: makeId('19810725', 19), birth: '1981.07', series: '工程技术', level: '高级（副高）', title: '高级工程师', method: '评审',
    approvalNo: '渝职改办〔2019〕125号', region: '重庆市', has: '是', specialty: '建设', local: '', issue: d('2019-12-30'), obtain: d('2019-10-26'),
    authority: CITY, committee: '重庆市工程技术建设专业副高级职称评审委员会', certNo: 'YGZ2019125041', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['id-number'], name: '吴静', id: wrongCheck(makeId('19870603', 48)), birth: '1987.06', series: '中小学教师', level: '中级', title: '一级教师', method: '评审',
    approvalNo: '铜职改办【2019】9号', region: '铜梁区', has: '是', specialty: '其他', local: '初中数学', issue: d('2019-12-20'), obtain: d('2019-11-29'),
    authority: DISTRICT, committee: TL_TEACH, certNo: 'TLJS2019093', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['id-number-lost-digits'], name: '郑强', id: { number: makeId('19790512', 73) }, birth: '1979.05', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2017】30号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: d('2017-12-22'), obtain: d('2017-11-24'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2017003006', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['birth-date-matches-id'], name: '冯雪', id: makeId('19920818', 86), birth: '1992.09', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2020】11号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: d('2020-12-18'), obtain: d('2020-11-27'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2020001122', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['level-value'], name: '何平', id: makeId('19750302', 15), birth: '1975.03', series: '工程技术', level: '副高级', title: '高级工程师', method: '评审',
    approvalNo: '渝职改办【2018】98号', region: '重庆市', has: '是', specialty: '建设', local: '', issue: d('2018-12-28'), obtain: d('2018-10-27'),
    authority: CITY, committee: '重庆市工程技术建设专业副高级职称评审委员会', certNo: 'YGZ2018098015', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['region-by-level', 'authority-by-level'], name: '高洁', id: makeId('19780909', 22), birth: '1978.09', series: '中小学教师', level: '高级（副高）', title: '高级教师', method: '评审',
    approvalNo: '渝职改办【2019】140号', region: '铜梁区', has: '是', specialty: '其他', local: '高中物理', issue: d('2019-12-30'), obtain: d('2019-12-01'),
    authority: DISTRICT, committee: '重庆市中小学教师（理科类）高级职称评审委员会', certNo: 'YJS2019140022', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['title-series-level'], name: '林峰', id: makeId('19860117', 31), birth: '1986.01', series: '工程技术', level: '中级', title: '高级工程师', method: '评审',
    approvalNo: '铜职改办【2019】15号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: d('2019-12-20'), obtain: d('2019-11-15'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2019001577', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['cert-no-since-2021', 'online-review-no-registration'], name: '罗娟', id: makeId('19930305', 44), birth: '1993.03', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2022】56号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: d('2022-12-23'), obtain: d('2022-11-26'),
    authority: DISTRICT, committee: '重庆市工程技术中级职务铜梁区非公企业评审委员会', certNo: 'TL2022005601', photo: 'photo-ok', pdf: 'doc1' },
  { expect: ['specialty-other-needs-local'], name: '梁宇', id: makeId('19840728', 53), birth: '1984.07', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2016】19号', region: '铜梁区', has: '是', specialty: '其他', local: '', issue: d('2016-12-16'), obtain: d('2016-11-18'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2016001933', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['committee-name'], name: '宋佳', id: makeId('19800229', 62), birth: '1980.02', series: '工程技术', level: '高级（副高）', title: '高级工程师', method: '评审',
    approvalNo: '渝职改办【2020】166号', region: '重庆市', has: '是', specialty: '建设', local: '', issue: d('2020-12-28'), obtain: d('2020-10-31'),
    authority: CITY, committee: '建设副高评委会', certNo: 'YGZ2020166062', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['committee-series'], name: '唐蕾', id: makeId('19830612', 27), birth: '1983.06', series: '会计', level: '高级（副高）', title: '高级会计师', method: '评审',
    approvalNo: '渝职改办【2020】170号', region: '重庆市', has: '是', specialty: '会计', local: '', issue: d('2020-12-28'), obtain: d('2020-11-14'),
    authority: CITY, committee: '重庆市工程技术中小企业副高级职称评审委员会', certNo: 'YKJ2020170027', photo: 'photo-ok', pdf: 'scan3' },
  { expect: ['committee-office'], name: '韩冰', id: makeId('19960404', 39), birth: '1996.04', series: '工程技术', level: '初级（含员级）', title: '助理工程师', method: '初定',
    approvalNo: '铜职改办【2023】5号', region: '铜梁区', has: '是', specialty: '其他', local: '电气工程', issue: d('2023-05-12'), obtain: d('2023-05-12'),
    authority: DISTRICT, committee: TL_ENG, certNo: '', photo: 'photo-ok', pdf: 'doc1' },
  { expect: ['photo-size'], name: '曹阳', id: makeId('19891120', 15), birth: '1989.11', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2020】11号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: d('2020-12-18'), obtain: d('2020-11-27'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2020001135', photo: 'photo-big', pdf: 'scan3' },
  { expect: ['photo-colour'], name: '邓超', id: makeId('19910822', 71), birth: '1991.08', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2020】4号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: d('2020-12-17'), obtain: d('2020-11-19'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2020000471', photo: 'photo-grey', pdf: 'scan3' },
  { expect: ['photo-format'], name: '许诺', id: makeId('19940110', 26), birth: '1994.01', series: '工程技术', level: '初级（含员级）', title: '助理工程师', method: '初定',
    approvalNo: '铜职改办【2019】2号', region: '铜梁区', has: '是', specialty: '其他', local: '土木工程', issue: d('2019-03-15'), obtain: d('2019-03-15'),
    authority: DISTRICT, committee: TL_OFFICE, certNo: 'TL2019000209', photo: 'photo-gif', pdf: 'scan3' },
  { expect: ['attachment-pages'], name: '彭丽', id: makeId('19870918', 64), birth: '1987.09', series: '中小学教师', level: '中级', title: '一级教师', method: '评审',
    approvalNo: '铜职改办【2018】7号', region: '铜梁区', has: '是', specialty: '其他', local: '小学数学', issue: d('2018-12-21'), obtain: d('2018-11-30'),
    authority: DISTRICT, committee: TL_TEACH, certNo: 'TLJS2018074', photo: 'photo-ok', pdf: 'scan1' },
  { expect: ['attachment-format'], name: '蒋涛', id: makeId('19850627', 12), birth: '1985.06', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2017】30号', region: '铜梁区', has: '是', specialty: '建设', local: '', issue: d('2017-12-22'), obtain: d('2017-11-24'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2017003012', photo: 'photo-ok', pdf: 'zip' },
  // The same certificate entered twice (same ID and title as 张晓梅's row).
  { expect: ['duplicate-certificate'], name: '张晓梅', id: makeId('19850314', 21), birth: '1985.03', series: '工程技术', level: '中级', title: '工程师', method: '评审',
    approvalNo: '铜职改办【2019】15号', region: '铜梁区', has: '是', specialty: '其他', local: '建筑工程', issue: d('2019-12-20'), obtain: d('2019-11-15'),
    authority: DISTRICT, committee: TL_ENG, certNo: 'TL2019001503', photo: 'same', pdf: 'same' },
  // Further mistakes, one per row, so that every rule of the guide shows on its own row.
  mid('approval-no-format', 1, { approvalNo: '铜职改办【2019】15' }),
  senior('approval-no-issuer', 2, { approvalNo: '铜职改办【2019】125号' }),
  mid('approval-no-year', 3, { approvalNo: '铜职改办【2018】15号' }),
  mid('cert-no-before-2021', 4, { certNo: '' }),
  mid('cert-no-one-person', 5, { certNo: 'YGZ2019125038' }),
  senior('committee-level', 6, { level: '高级（正高）', title: '正高级工程师' }),
  mid('dates-far-apart', 7, { obtain: d('2017-11-15') }),
  // 2019 typed as 2091: a date in the future, far from the date obtained and from the approval number's year.
  { ...senior('dates-not-future', 8, { issue: d('2091-12-30') }), expect: ['dates-not-future', 'dates-far-apart', 'approval-no-year'] },
  mid('dates-order', 9, { obtain: d('2019-12-25') }),
  mid('dates-readable', 10, { issue: '2019年13月20日' }),
  mid('has-specialty-yes', 11, { has: '否' }),
  mid('id-number-lowercase-x', 12, { id: 'lower-x' }),
  initial('initial-dates-equal', 13, { obtain: d('2019-03-01') }),
  mid('method-known', 14, { method: '推荐' }),
  mid('name-spaces', 15, { name: '王  芳' }),
  initial('obtained-too-young', 16, { birth: '2005.03', birthId: '20050301' }),
  mid('photo-file', 17, { photo: 'none' }),
  mid('attachment-file', 18, { pdf: 'none' }),
  mid('photo-shape', 19, { photo: 'photo-wide' }),
  mid('photo-shared', 20, { photoName: () => `${makeId('19760822', 13)}.jpg` }),
  mid('required-fields', 21, { approvalNo: '' }),
  senior('same-id-same-person', 22, { name: '张小梅', id: makeId('19850314', 21), birth: '1985.03', birthId: '19850314' }),
  mid('series-known', 23, { series: '土木建筑' }),
  mid('specialty-known', 24, { specialty: '电气' }),
  mid('specialty-local-in-dropdown', 25, { specialty: '其他', local: '建设' }),
  mid('specialty-named-no-local', 26, { specialty: '建设', local: '建筑工程' }),
  mid('specialty-required', 27, { specialty: '', local: '' }),
  // Judged by their own year: a 片区 committee approved by the 铜梁区 office, a 高级 title by 初定, a full stop for the middle dot.
  mid('approval-no-committee', 28, { series: '新闻', title: '记者', specialty: '其他', local: '新闻采编', committee: '重庆市新闻专业中级职称永川片区评审委员会' }),
  senior('initial-not-senior', 29, { method: '初定', committee: '重庆市职称改革办公室', obtain: d('2019-12-30') }),
  mid('name-middle-dot', 30, { name: '阿依古丽.买买提' }),
];

const HEADERS = ['序号', '姓名', '身份证号', '出生年月', '职称系列', '职称级别', '职称名称', '取得方式', '批准文号', '行政区划',
  '评审活动是否设置评审专业', '评审专业名称', '本地评审专业', '发证时间', '取得时间', '审核机关（单位）', '评审机构', '证书编号', '免冠照', '证书附件'];

/** A seeded generator (mulberry32), so that the examples come out the same on every build. */
let seed = 20221118;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A colourful head-and-shoulders-ish picture, small enough as JPEG. */
async function colourPhoto(width, height, format, opts = {}) {
  const px = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const cx = x - width / 2; const cy = y - height * 0.42;
      const face = cx * cx / (width * width * 0.06) + cy * cy / (height * height * 0.05) < 1;
      px[i] = face ? 235 : 60 + (y * 120) / height;
      px[i + 1] = face ? 200 : 110;
      px[i + 2] = face ? 180 : 200 - (x * 80) / width;
      if (opts.noise) { px[i] = random() * 255; px[i + 1] = random() * 255; px[i + 2] = random() * 255; }
    }
  }
  let img = sharp(px, { raw: { width, height, channels: 3 } });
  if (opts.grey) img = img.greyscale().toColourspace('srgb');
  if (format === 'jpeg') return img.jpeg({ quality: opts.noise ? 100 : 85 }).toBuffer();
  if (format === 'png') return img.png().toBuffer();
  return img.gif().toBuffer();
}

function pdf(pages, title) {
  return new Promise((resolve) => {
    const when = new Date('2022-03-18T00:00:00Z');
    const doc = new PDFDocument({ autoFirstPage: false, info: { Title: title, CreationDate: when, ModDate: when } });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    for (let i = 0; i < pages; i++) {
      doc.addPage({ size: 'A4' });
      doc.fontSize(18).text(`${title} - page ${i + 1}`, 72, 72);
      doc.rect(72, 120, 300, 200).stroke();
    }
    doc.end();
  });
}

async function main() {
  rmSync(filesDir, { recursive: true, force: true });
  mkdirSync(filesDir, { recursive: true });
  const assets = {
    'photo-ok': ['jpg', await colourPhoto(358, 441, 'jpeg')],
    'png-ok': ['png', await colourPhoto(295, 413, 'png')],
    'photo-big': ['jpg', await colourPhoto(420, 520, 'jpeg', { noise: true })],
    'photo-grey': ['jpg', await colourPhoto(358, 441, 'jpeg', { grey: true })],
    'photo-gif': ['jpg', await colourPhoto(358, 441, 'gif')],
    'photo-wide': ['jpg', await colourPhoto(441, 300, 'jpeg')],
    scan3: ['pdf', await pdf(3, 'Certificate scan: cover, photo page, information page')],
    scan1: ['pdf', await pdf(1, 'Certificate scan: information page only')],
    doc1: ['pdf', await pdf(1, 'Approval document')],
    zip: ['pdf', zipBytes()],
  };

  const wb = new ExcelJS.Workbook();
  wb.creator = 'cert-check examples';
  wb.created = new Date('2022-03-18T00:00:00Z');
  wb.modified = wb.created;
  const ws = wb.addWorksheet('登记表');
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = '铜梁区职称电子证书信息登记汇总表（示例）';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(HEADERS).font = { bold: true };
  ws.getColumn(3).numFmt = '@';
  ws.getColumn(18).numFmt = '@';
  HEADERS.forEach((h, i) => { ws.getColumn(i + 1).width = Math.max(8, Math.min(40, h.length * 2 + 4)); });

  let photoOf = null; let pdfOf = null;
  ROWS.forEach((r, i) => {
    const rowNo = i + 3;
    const id = typeof r.id === 'string' ? r.id : r.id.number;
    let photo = null; let attachment = null;
    const fileId = id.toUpperCase();
    if (r.photo === 'same') { photo = photoOf; attachment = pdfOf; } else {
      if (r.photoName) photo = r.photoName();
      else if (r.photo === 'none') photo = `${fileId}.jpg`;
      else {
        const [pext, pbuf] = assets[r.photo];
        photo = `${fileId}.${pext}`;
        writeFileSync(join(filesDir, photo), pbuf);
      }
      attachment = `${fileId}_${r.title}.pdf`;
      if (r.pdf !== 'none') writeFileSync(join(filesDir, attachment), assets[r.pdf][1]);
      if (i === 0) { photoOf = photo; pdfOf = attachment; }
    }
    const idCell = typeof r.id === 'string' ? r.id : Number(r.id.number);
    const row = ws.addRow([i + 1, r.name, idCell, r.birth, r.series, r.level, r.title, r.method, r.approvalNo, r.region, r.has,
      r.specialty, r.local, r.issue?.serial31 ? null : r.issue, r.obtain, r.authority, r.committee, r.certNo, photo, attachment]);
    if (r.issue?.serial31) {
      const c = row.getCell(14);
      c.value = (Date.parse(`${r.issue.serial31}T00:00:00Z`) / 86400000) + 25569;
      c.numFmt = 'yyyy"年"m"月"d"日"';
    }
    for (const col of [14, 15]) if (row.getCell(col).value instanceof Date) row.getCell(col).numFmt = 'yyyy-mm-dd';
    if (typeof r.id !== 'string') row.getCell(3).numFmt = '0';
    void rowNo;
  });
  // A file no row names: a photo saved under the wrong ID (should be 何平's).
  writeFileSync(join(filesDir, `${makeId('19750302', 15).slice(0, 17)}0.jpg`), assets['photo-ok'][1]);
  await wb.xlsx.writeFile(join(here, 'records.xlsx'));
  process.stdout.write(`examples/records.xlsx: ${ROWS.length} rows; examples/files: assets written\n`);
}

/** A small real zip (an empty archive with one stored file), saved with a .pdf name. */
function zipBytes() {
  const name = Buffer.from('readme.txt');
  const data = Buffer.from('not a pdf');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0); local.writeUInt16LE(10, 4); local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18); local.writeUInt32LE(data.length, 22); local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0); central.writeUInt16LE(20, 4); central.writeUInt16LE(10, 6); central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20); central.writeUInt32LE(data.length, 24); central.writeUInt16LE(name.length, 28);
  const localLen = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(1, 8); end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12); end.writeUInt32LE(localLen, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) { c ^= b; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
  return ~c >>> 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
