// Generates benchmark workbooks of realistic rows (the example rows, correct and with their planted mistakes,
// repeated with fresh IDs) and, optionally, the photo and PDF of every row.
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { ROWS, makeId } from '../examples/build-examples.js';

const HEADERS = ['序号', '姓名', '身份证号', '出生年月', '职称系列', '职称级别', '职称名称', '取得方式', '批准文号', '行政区划',
  '评审活动是否设置评审专业', '评审专业名称', '本地评审专业', '发证时间', '取得时间', '审核机关（单位）', '评审机构', '证书编号', '免冠照', '证书附件'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥建国建华';

function birthOf(i) {
  const y = 1965 + (i % 35);
  const m = 1 + (i % 12);
  const d = 1 + (i % 28);
  return { compact: `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`, month: `${y}.${String(m).padStart(2, '0')}` };
}

/** Rows of the examples that are correct (their `expect` is empty) and those that carry a planted mistake. */
const CORRECT = ROWS.filter((r) => r.expect.length === 0);
const MISTAKES = ROWS.filter((r) => r.expect.length > 0);
/** Share of generated rows that carry one planted mistake: a district's sheet is mostly right. */
export const MISTAKE_SHARE = 0.1;

/** The template of row i: every tenth row a mistake (cycling through all of them), the others correct. */
function template(i) {
  return i % Math.round(1 / MISTAKE_SHARE) === 5 ? MISTAKES[Math.floor(i / 10) % MISTAKES.length] : CORRECT[i % CORRECT.length];
}

/** Writes `rows` rows to `path` with exceljs's streaming writer; returns the list of asset names the rows use. */
export async function generateWorkbook(path, rows) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  const ws = wb.addWorksheet('登记表');
  ws.addRow(['铜梁区职称电子证书信息登记汇总表（基准测试）']).commit();
  ws.addRow(HEADERS).commit();
  const assets = [];
  for (let i = 0; i < rows; i++) {
    const t = template(i);
    const b = birthOf(i);
    const id = makeId(b.compact, i % 1000, ['500224', '500151', '500106', '510322'][Math.floor(i / 1000) % 4]);
    const name = SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : '');
    const photo = `${id}.jpg`;
    const pdf = `${id}_${t.title}.pdf`;
    assets.push([photo, t.photo], [pdf, t.pdf]);
    const issue = t.issue?.serial31 ? new Date(`${t.issue.serial31}T00:00:00Z`) : t.issue;
    const certNo = t.certNo ? `${t.certNo}${String(i).padStart(6, '0')}` : '';
    const idCell = typeof t.id === 'string' ? id : Number(id);
    ws.addRow([i + 1, name, idCell, b.month, t.series, t.level, t.title, t.method, t.approvalNo, t.region, t.has, t.specialty, t.local,
      issue, t.obtain, t.authority, t.committee, certNo, photo, pdf]).commit();
  }
  ws.commit();
  await wb.commit();
  return assets;
}

/**
 * Fills `dir` with the rows' files, copied from the example folder's files of the same kind
 * (a good photo, an oversize one, a grey one, a GIF named .jpg, 3-page and 1-page PDFs, a zip named .pdf).
 */
export function generateAssets(dir, assets, examplesFiles) {
  mkdirSync(dir, { recursive: true });
  const samples = sampleFiles(examplesFiles);
  for (const [name, kind] of assets) {
    const target = join(dir, name);
    if (existsSync(target)) continue;
    if (kind === 'none') continue; // the row's planted mistake: a missing file
    const fallback = name.endsWith('.pdf') ? 'scan3' : 'photo-ok';
    copyFileSync(samples[kind] ?? samples[fallback], target);
  }
}

/** One example file of each kind, found through the example rows. */
function sampleFiles(examplesFiles) {
  const files = readdirSync(examplesFiles);
  const out = {};
  for (const r of ROWS) {
    if (typeof r.id !== 'string' || r.photo === 'same' || r.photoName) continue;
    const id = r.id.toUpperCase();
    const photo = files.find((f) => f.startsWith(id) && !f.endsWith('.pdf'));
    const pdf = files.find((f) => f.startsWith(id) && f.endsWith('.pdf'));
    if (photo) out[r.photo] ??= join(examplesFiles, photo);
    if (pdf) out[r.pdf] ??= join(examplesFiles, pdf);
  }
  return out;
}
