/** Pure helpers the asset rules share: how a lookup becomes reports, and how sizes and types are written. */
import type { MessageDef, RuleContext, RuleReport } from '../engine/types.js';
import type { CertRecord } from '../model/record.js';
import type { AssetLookup, AssetRole, FileFacts } from './types.js';

/** 204800 → "204,800". */
export function bytesText(n: number): string {
  return n.toLocaleString('en-US');
}

const TYPE_LABELS: Record<string, string> = {
  jpg: 'JPEG', png: 'PNG', gif: 'GIF', bmp: 'BMP', webp: 'WebP', tif: 'TIFF', heic: 'HEIC', avif: 'AVIF',
  pdf: 'PDF', zip: 'ZIP', rar: 'RAR', '7z': '7Z', docx: 'Word (.docx)', doc: 'Word (.doc)', cfb: 'Office 97-2003',
  xlsx: 'Excel (.xlsx)', pptx: 'PowerPoint (.pptx)', psd: 'Photoshop (.psd)', ico: 'ICO', xml: 'XML',
};

/** A file-type extension as people name the format: jpg → JPEG, zip → ZIP. */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type.toUpperCase();
}

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
