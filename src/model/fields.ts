/** The contract's canonical fields: keys, headers, aliases, and header-name normalisation. */

export const FIELD_KEYS = [
  'name', 'idNumber', 'birthDate', 'series', 'level', 'title', 'method', 'approvalNo', 'region',
  'hasSpecialty', 'specialty', 'localSpecialty', 'issueDate', 'obtainDate', 'authority', 'committee',
  'certNo', 'photo', 'attachment',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export interface FieldDef {
  /** The header the platform and the guide use. */
  header: string;
  /** Other headers seen in real sheets. */
  aliases: string[];
  /** English label for --lang en. */
  en: string;
  /** Parsed as a date (day precision) or a year-month. */
  date?: 'day' | 'month';
}

export const FIELDS: Record<FieldKey, FieldDef> = {
  name: { header: '姓名', aliases: ['持证人姓名', '持证人'], en: 'name' },
  idNumber: { header: '身份证号', aliases: ['身份证号码', '公民身份号码', '证件号码', '身份证'], en: 'ID number' },
  birthDate: { header: '出生年月', aliases: ['出生日期'], en: 'date of birth', date: 'month' },
  series: { header: '职称系列', aliases: ['系列'], en: 'title series' },
  level: { header: '职称级别', aliases: ['级别', '职称等级'], en: 'title level' },
  title: { header: '职称名称', aliases: ['资格名称', '专业技术资格名称', '职称'], en: 'title name' },
  method: { header: '取得方式', aliases: ['取得途径'], en: 'how obtained' },
  approvalNo: { header: '批准文号', aliases: ['文号'], en: 'approval number' },
  region: { header: '行政区划', aliases: [], en: 'region' },
  hasSpecialty: { header: '评审活动是否设置评审专业', aliases: ['是否设置评审专业'], en: 'review has specialties' },
  specialty: { header: '评审专业名称', aliases: ['评审专业'], en: 'review specialty' },
  localSpecialty: { header: '本地评审专业', aliases: [], en: 'local specialty' },
  issueDate: { header: '发证时间', aliases: ['发证日期'], en: 'issue date', date: 'day' },
  obtainDate: { header: '取得时间', aliases: ['取得日期', '取得资格时间'], en: 'date obtained', date: 'day' },
  authority: { header: '审核机关（单位）', aliases: ['审核机关', '审核单位'], en: 'approving authority' },
  committee: { header: '评审机构', aliases: ['评审委员会', '评委会'], en: 'review committee' },
  certNo: { header: '证书编号', aliases: ['证书号', '纸质证书编号'], en: 'certificate number' },
  photo: { header: '免冠照', aliases: ['照片', '照片文件'], en: 'photo' },
  attachment: { header: '证书附件', aliases: ['附件', '附件文件'], en: 'certificate attachment' },
};

/** Fields every registration needs (guide 二（二）, 三). */
export const REQUIRED_FIELDS: readonly FieldKey[] = [
  'name', 'idNumber', 'series', 'level', 'title', 'approvalNo', 'issueDate', 'obtainDate', 'committee',
  'photo', 'attachment',
];

/**
 * Normalises a header (or any short label) for matching: NFKC folds full-width letters, digits and
 * brackets to half width; white space, brackets, asterisks (required-field marks) and trailing colons
 * are dropped.
 */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[()[\]{}<>【】〔〕〖〗《》「」『』*＊:：]/g, '')
    .toLowerCase();
}

export type AliasTable = ReadonlyMap<string, FieldKey>;

/** Builds the normalised header → field table, with extra aliases (from the config) added. */
export function buildAliasTable(extra: Partial<Record<FieldKey, string[]>> = {}): AliasTable {
  const table = new Map<string, FieldKey>();
  for (const key of FIELD_KEYS) {
    const def = FIELDS[key];
    for (const h of [def.header, ...def.aliases, ...(extra[key] ?? [])]) {
      const n = normalizeHeader(h);
      if (n && !table.has(n)) table.set(n, key);
    }
  }
  return table;
}

export const DEFAULT_ALIASES = buildAliasTable();

/** The field a header names, or null. */
export function matchHeader(text: string, aliases: AliasTable = DEFAULT_ALIASES): FieldKey | null {
  return aliases.get(normalizeHeader(text)) ?? null;
}

/** 1 → A, 27 → AA. */
/** Column number of a cell reference or column letters ("AB12" → 28, "$b$2" → 2), or 0 when it has none. */
export function refColumn(ref: string | undefined): number {
  if (!ref) return 0;
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) col = col * 26 + (code - 64);
    else if (code >= 97 && code <= 122) col = col * 26 + (code - 96);
    else if (code === 36) continue; // $
    else break;
  }
  return col;
}

export function columnLetter(col: number): string {
  // Every cell of every row asks for one of a few letters: each is made once.
  if (col > 0 && col <= LETTERS_KEPT && Number.isInteger(col)) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

const LETTERS_KEPT = 1024;
const LETTERS: string[] = [];

function lettersOf(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
