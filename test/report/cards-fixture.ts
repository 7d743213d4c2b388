/**
 * A registration workbook and its folder of photos and PDFs for the --cards tests: a person with two
 * certificates (one fixable mistake in each), a row with an error, a row with a warning, a row full of
 * characters that mean something in HTML, and a second workbook without the columns the guide decides.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { FIELDS, type FieldKey } from '../../src/model/fields.js';
import { ID_A, ID_B, ID_C, ID_D, pdf } from '../assets/fixtures.js';

export { ID_A, ID_B, ID_C, ID_D };

export const TL_ENG = '重庆市工程技术中级职务铜梁区评审委员会';
export const DISTRICT = '铜梁区人力资源和社会保障局';
export const HOSTILE_NAME = '赵<六>&"\'';
export const HOSTILE_LOCAL = '<script>alert("x")</script> & \'y\' <img src=x onerror=alert(1)>';

type Row = Partial<Record<FieldKey, string>>;

const MID: Row = {
  series: '工程技术', level: '中级', title: '工程师', method: '评审', approvalNo: '铜职改办【2019】12号', region: '铜梁区',
  hasSpecialty: '是', specialty: '建设', localSpecialty: '', issueDate: '2019-12-20', obtainDate: '2019-11-15', authority: DISTRICT,
  committee: TL_ENG,
};

/** The rows, in sheet order (data from row 2). */
export const CARD_ROWS: Row[] = [
  // Row 2: 张三's first certificate; 〔〕 is corrected to 【】 on the sheet.
  { ...MID, name: '张三', idNumber: ID_A, birthDate: '1980.01', approvalNo: '铜职改办〔2019〕12号', certNo: 'TL20190012' },
  // Row 3: an error that no fix settles (出生年月 against the ID): no sheet.
  { ...MID, name: '李四', idNumber: ID_B, birthDate: '1985.03', certNo: 'TL20190013' },
  // Row 4: a warning (the dates more than a year apart): a sheet that prints it.
  { ...MID, name: '王五', idNumber: ID_C, birthDate: '1990.03', obtainDate: '2017-11-15', certNo: 'TL20190014' },
  // Row 5: 张三's second certificate, senior, since 2021: 副高级 → 高级（副高）, 铜梁区 → 重庆市, no number.
  {
    name: '张三', idNumber: ID_A, birthDate: '1980-01', series: '工程技术', level: '副高级', title: '高级工程师', method: '评审',
    approvalNo: '渝职改办【2023】67号', region: '铜梁区', hasSpecialty: '是', specialty: '建设', localSpecialty: '', issueDate: '2023-12-15',
    obtainDate: '2023-11-12', authority: '', committee: '重庆市工程技术建设专业副高级职称评审委员会', certNo: '',
  },
  // Row 6: text that means something in HTML, in a name and a typed specialty.
  { ...MID, name: HOSTILE_NAME, idNumber: ID_D, birthDate: '1975.05', specialty: '其他', localSpecialty: HOSTILE_LOCAL, certNo: 'TL20190016' },
];

const HEADER: FieldKey[] = [
  'name', 'idNumber', 'birthDate', 'series', 'level', 'title', 'method', 'approvalNo', 'region', 'hasSpecialty', 'specialty',
  'localSpecialty', 'issueDate', 'obtainDate', 'authority', 'committee', 'certNo',
];

/** Writes a workbook of `rows` with the given columns (photo and attachment are found by the naming convention). */
export async function writeWorkbook(path: string, rows: Row[], columns: FieldKey[] = HEADER): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('登记表');
  ws.addRow(columns.map((k) => FIELDS[k].header));
  for (const r of rows) ws.addRow(columns.map((k) => r[k] ?? ''));
  await wb.xlsx.writeFile(path);
}

/** A portrait colour photo (a gradient) of `width` × `height`. */
export function colourPhoto(width = 300, height = 400): sharp.Sharp {
  const b = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      b[i] = Math.round((x / width) * 255);
      b[i + 1] = Math.round((y / height) * 255);
      b[i + 2] = 140;
    }
  }
  return sharp(b, { raw: { width, height, channels: 3 } });
}

export interface CardsFixture {
  /** records.xlsx (CARD_ROWS) and no-columns.xlsx (without 行政区划, 是否设置评审专业, 审核机关). */
  input: string;
  noColumns: string;
  assets: string;
}

/** Writes the workbooks and the photos and PDFs of every row into `dir`. */
export async function buildCardsFixture(dir: string): Promise<CardsFixture> {
  const assets = join(dir, 'files');
  mkdirSync(assets, { recursive: true });
  const input = join(dir, 'records.xlsx');
  const noColumns = join(dir, 'no-columns.xlsx');
  await writeWorkbook(input, CARD_ROWS);
  await writeWorkbook(noColumns, [CARD_ROWS[0]!, CARD_ROWS[3]!], HEADER.filter((k) => k !== 'region' && k !== 'hasSpecialty' && k !== 'authority'));
  for (const id of [ID_A, ID_B, ID_C, ID_D]) await colourPhoto().jpeg({ quality: 80 }).toFile(join(assets, `${id}.jpg`));
  for (const r of CARD_ROWS) {
    const recent = Number(r.obtainDate!.slice(0, 4)) >= 2022;
    await pdf(join(assets, `${r.idNumber}_${r.title}.pdf`), recent ? 1 : 3);
  }
  return { input, noColumns, assets };
}
