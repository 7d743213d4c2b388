/** How file sizes and types are written in messages and reports. */
import { count } from '../i18n/index.js';

/** 204800 → "204,800". */
export function bytesText(n: number): string {
  return count(n);
}

const TYPE_LABELS: Record<string, string> = {
  jpg: 'JPEG', png: 'PNG', gif: 'GIF', bmp: 'BMP', webp: 'WebP', tif: 'TIFF', heic: 'HEIC', avif: 'AVIF',
  pdf: 'PDF', zip: 'ZIP', rar: 'RAR', '7z': '7Z', docx: 'Word (.docx)', doc: 'Word (.doc)', cfb: 'Office 97-2003',
  xlsx: 'Excel (.xlsx)', pptx: 'PowerPoint (.pptx)', psd: 'Photoshop (.psd)', ico: 'ICO', xml: 'XML',
};

/** A file-type extension as people name the format: jpg → JPEG, zip → ZIP. */
export function typeLabel(type: string): string {
  return (Object.hasOwn(TYPE_LABELS, type) ? TYPE_LABELS[type] : undefined) ?? type.toUpperCase();
}
