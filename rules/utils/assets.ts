/**
 * What the asset rules share: the row's file for a role, how a lookup becomes reports (photo-file,
 * attachment-file), and the limits, names and words of src/assets they judge by.
 */
import type { AssetLookup, AssetRole, FileFacts } from '../../src/assets/types.js';
import type { MessageDef, RuleContext, RuleReport } from '../../src/engine/types.js';
import type { CertRecord } from '../../src/model/record.js';

export { bytesText, typeLabel } from '../../src/assets/describe.js';
export { GREY_TOLERANCE, PDF_MAX_BYTES, PHOTO_ASPECT_MAX, PHOTO_ASPECT_MIN, PHOTO_MAX_BYTES, SCAN_LAST_YEAR, SCAN_MIN_PAGES } from '../../src/assets/limits.js';
export { foldName } from '../../src/assets/naming.js';
export type { AssetRole, ListedFile } from '../../src/assets/types.js';

/** The row's file for a role, when it was found and read. */
export function foundFile(record: CertRecord, ctx: RuleContext, role: AssetRole): FileFacts | null {
  const l = ctx.assets?.forRecord(record)[role];
  return l?.status === 'found' && !l.file.readError ? l.file : null;
}

/** The messages of photo-file / attachment-file, with the field's name in both languages. */
export function referenceMessages(zh: string, en: string, kindZh: string, kindEn: string): Record<string, MessageDef> {
  return {
    parent: {
      zh: `${zh}“{ref}”指向素材文件夹 {dir} 之外（含 ..），不会读取；请把文件放进该文件夹，并只填写文件名`,
      en: `the ${en} "{ref}" points outside the assets folder {dir} (..); it is not read. Put the file in that folder and give its name only`,
    },
    absolute: {
      zh: `${zh}“{ref}”是绝对路径，不会读取；请把文件放进素材文件夹 {dir}，并只填写相对于该文件夹的文件名`,
      en: `the ${en} "{ref}" is an absolute path; it is not read. Put the file in the assets folder {dir} and give its name relative to that folder`,
    },
    symlink: {
      zh: `${zh}“{ref}”是指向素材文件夹 {dir} 之外的链接（快捷方式），不会读取；请把文件本身复制到该文件夹`,
      en: `the ${en} "{ref}" is a link to a file outside the assets folder {dir}; it is not read. Copy the file itself into the folder`,
    },
    missing: {
      zh: `素材文件夹 {dir} 中找不到${zh}文件“{ref}”`,
      en: `the ${en} file "{ref}" is not in the assets folder {dir}`,
    },
    'missing-near': {
      zh: `素材文件夹 {dir} 中找不到${zh}文件“{ref}”，但有按身份证号命名的 {near}，是否应填它？`,
      en: `the ${en} file "{ref}" is not in the assets folder {dir}; {near}, named after the ID number, is: is that the one?`,
    },
    'not-found': {
      zh: `表中没有“${zh}”列，且素材文件夹 {dir} 中没有按命名约定（如 {tried}）找到该人的${kindZh}`,
      en: `the sheet has no ${en} column and no ${kindEn} named by the convention (e.g. {tried}) is in the assets folder {dir}`,
    },
    ambiguous: {
      zh: `找到多个可能的${zh}文件：{candidates}；已检查 {chosen}。请只保留一个，或在“${zh}”列写明文件名`,
      en: `several files could be the ${en}: {candidates}; {chosen} was checked. Keep one, or write the file name in the ${en} column`,
      severity: 'warning',
    },
    unreadable: {
      zh: `无法读取${zh}文件 {file}（{error}）；请检查文件权限`,
      en: `cannot read the ${en} file {file} ({error}); check the file's permissions`,
    },
  };
}

/** Reports of photo-file / attachment-file for one row. */
export function referenceReports(record: CertRecord, ctx: RuleContext, role: AssetRole): RuleReport[] {
  const assets = ctx.assets;
  if (!assets) return [];
  const l: AssetLookup = assets.forRecord(record)[role];
  const dir = assets.dir;
  switch (l.status) {
    case 'unprepared':
      return [];
    case 'unsafe':
      return [{ messageId: l.reason, field: role, data: { ref: l.ref, dir } }];
    case 'missing':
      if (l.near) return [{ messageId: 'missing-near', field: role, data: { ref: l.ref, dir, near: l.near }, suggestion: l.near }];
      return [{ messageId: 'missing', field: role, data: { ref: l.ref, dir } }];
    case 'not-found':
      return [{ messageId: 'not-found', field: role, data: { dir, tried: l.tried.join(' / ') || '<身份证号>' } }];
    case 'found': {
      const out: RuleReport[] = [];
      if (l.candidates.length > 1) {
        out.push({ messageId: 'ambiguous', field: role, data: { candidates: l.candidates.map((c) => c.display).join(' / '), chosen: l.file.display } });
      }
      if (l.file.readError) out.push({ messageId: 'unreadable', field: role, data: { file: l.file.display, error: l.file.readError } });
      return out;
    }
  }
}
