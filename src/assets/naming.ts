/**
 * The naming convention: how a row's photo and attachment are found when the 免冠照 / 证书附件 column is
 * absent or its cell is empty.
 *
 * A pattern is a file name without extension in which `{id}` (the row's 身份证号, upper-case X),
 * `{name}` (姓名) and `{title}` (职称名称) are replaced by the row's values; each pattern is tried with each
 * extension of its kind. Patterns whose placeholders are empty in the row are skipped. File names are
 * compared case-insensitively (extension included) and in any sub-folder of the assets folder.
 *
 * Default convention:
 *   photo (.jpg .jpeg .png):  <ID>, <ID>_照片, <ID>-照片, <ID>照片, <ID>_<姓名>, <ID>-<姓名>, <姓名>_<ID>, <姓名>-<ID>
 *   attachment (.pdf):        <ID>_<职称名称>, <ID>-<职称名称>, <ID>, <ID>_证书, <ID>-证书, <ID>_附件, <ID>-附件,
 *                             <ID>_<姓名>, <姓名>_<ID>
 * (<ID>_<职称名称>.pdf comes first so that a person with several certificates can have one PDF per title.)
 *
 * Several files fit → the first in pattern order (then extension order, then path) is checked, and a
 * warning lists them all so that the clerk keeps one or writes the file name in the cell.
 */
import type { CertRecord } from '../model/record.js';

/** Which file of a row: its photo or its attachment. */
export type AssetRole = 'photo' | 'attachment';

export interface RoleConvention {
  /** File names without extension, with {id}, {name}, {title} placeholders, in order of preference. */
  patterns: string[];
  /** Extensions tried with each pattern, without the dot, in order of preference. */
  extensions: string[];
}

/** The patterns per role; a parameter of the inspector (later from the config). */
export type NamingPatterns = Record<AssetRole, RoleConvention>;

export const DEFAULT_NAMING: NamingPatterns = {
  photo: {
    patterns: ['{id}', '{id}_照片', '{id}-照片', '{id}照片', '{id}_{name}', '{id}-{name}', '{name}_{id}', '{name}-{id}'],
    extensions: ['jpg', 'jpeg', 'png'],
  },
  attachment: {
    patterns: ['{id}_{title}', '{id}-{title}', '{id}', '{id}_证书', '{id}-证书', '{id}_附件', '{id}-附件', '{id}_{name}', '{name}_{id}'],
    extensions: ['pdf'],
  },
};

/**
 * Characters NFC leaves as they are, whatever follows them: below the combining marks (U+0300), CJK
 * punctuation but the combining tone marks, CJK unified ideographs, fullwidth ASCII. File names of ID numbers,
 * titles and names are almost always made of these alone, and normalize() costs more than the rest.
 */
const NFC_STABLE = /^[\u0000-\u02ff\u3000-\u3029\u3030-\u303f\u4e00-\u9fff\uff01-\uff5e]*$/;

/** Folds a file name for comparison: Unicode NFC (macOS writes NFD), lower case. */
export function foldName(name: string): string {
  return (NFC_STABLE.test(name) ? name : name.normalize('NFC')).toLowerCase();
}

/** The file names (with extension) the convention expects for a record, in order of preference. */
export function expectedNames(record: CertRecord, role: AssetRole, naming: NamingPatterns = DEFAULT_NAMING): string[] {
  const values: Record<string, string> = {
    id: record.v.idNumber.replace(/\s+/g, '').toUpperCase(),
    name: record.v.name.replace(/\s+/g, ''),
    title: record.v.title.replace(/\s+/g, ''),
  };
  const out: string[] = [];
  const seen = new Set<string>();
  const convention = naming[role];
  for (const pattern of convention.patterns) {
    let empty = false;
    const stem = pattern.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const v = values[key];
      if (v === undefined) return whole;
      if (!v || /[/\\]/.test(v)) empty = true;
      return v;
    });
    if (empty || !stem) continue;
    for (const ext of convention.extensions) {
      const name = `${stem}.${ext.replace(/^\./, '')}`;
      const key = foldName(name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
