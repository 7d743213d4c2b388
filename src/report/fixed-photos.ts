/** `--fix-photos`: the sink that gathers the rows' photos and fixes them after the run, and the text of what it did. */
import { bytesText, typeLabel } from '../assets/describe.js';
import type { FixedPhoto, SkipReason } from '../assets/fix-photos.js';
import { FIX_MAX_PIXELS } from '../assets/limits.js';
import type { Lang } from '../engine/types.js';
import { RunWarning, type InputError } from '../errors.js';
import type { SheetInfo } from '../read/types.js';
import type { RowSink, SinkInput, SinkOutcome, SinkRow } from './sink.js';

export interface FixedPhotosOptions {
  /** The --fix-photos folder. */
  target: string;
  lang: Lang;
  /** The output guard's judgement of one destination, just before it is written (null: allowed). */
  allow: (dest: string) => InputError | null;
}

/**
 * The photos of every row as found in the assets folder; after the run, those too large or not JPEG/PNG
 * are written as JPEGs into the target (originals untouched). What fails is a warning of the run.
 */
export class FixedPhotosSink implements RowSink {
  private photos: import('../assets/fix-photos.js').PhotoCollector | null = null;
  private assetsDir: string | null = null;

  private constructor(private readonly opts: FixedPhotosOptions, private readonly fp: typeof import('../assets/fix-photos.js')) {}

  /** The photo fixer is loaded only when --fix-photos is given. */
  static async create(opts: FixedPhotosOptions): Promise<FixedPhotosSink> {
    return new FixedPhotosSink(opts, await import('../assets/fix-photos.js'));
  }

  /** Refuses a target that is or lies inside the assets folder (before any input is read). */
  readonly checkTarget = (assetsDir: string): void => {
    this.fp.checkFixPhotosTarget(this.opts.target, assetsDir, this.opts.lang);
  };

  async startSheet(_sheet: SheetInfo, input: SinkInput): Promise<void> {
    this.assetsDir = input.assetsDir;
  }

  async addRows(rows: readonly SinkRow[]): Promise<void> {
    this.photos ??= new this.fp.PhotoCollector();
    for (const r of rows) if (r.record && r.assets) this.photos.add(r.record, r.assets);
  }

  async finish(): Promise<SinkOutcome> {
    if (!this.assetsDir) return {};
    const fixedPhotos = await this.fp.fixPhotos(this.photos?.photos ?? [], { target: this.opts.target, assetsDir: this.assetsDir, allow: this.opts.allow });
    const outputs: NonNullable<SinkOutcome['outputs']> = [];
    const failed = fixedPhotos.filter((p) => p.skipped === 'write-failed');
    for (const p of fixedPhotos) if (p.status === 'written') outputs.push({ path: p.target!, kind: 'fixed-photo', written: true });
    for (const p of failed) outputs.push({ path: p.target ?? p.source, kind: 'fixed-photo', written: false });
    const warnings: RunWarning[] = [];
    if (failed.length) {
      const first = failed[0]!;
      warnings.push(new RunWarning('fixed-photos-failed', {
        count: failed.length, path: this.opts.target, detail: { kind: 'cause', code: first.errorCode ?? '', op: 'write', message: first.error ?? '' },
      }));
    }
    return { result: { fixedPhotos }, outputs, warnings };
  }

  abort(): void {}
}

const TEXT = {
  zh: {
    title: (written: number, skipped: number) => `照片修正（--fix-photos）：已写出 ${written} 张，未处理 ${skipped} 张`,
    written: (p: FixedPhoto, show: (s: string) => string) =>
      `✔ ${show(p.source)} → ${show(p.target!)}（${typeLabel(p.type)} ${bytesText(p.sizeBefore)} 字节 → JPEG ${bytesText(p.size!)} 字节，${p.width}×${p.height}，质量 ${p.quality}）`
      + (p.renamed ? `；文件名已变，表中“免冠照”请改为 ${p.target!.split(/[\\/]/).pop()}` : ''),
    skipped: (p: FixedPhoto, show: (s: string) => string) => `✖ ${show(p.source)}：${SKIP_ZH[p.skipped ?? 'cannot-decode']}${p.error ? `（${p.error}）` : ''}`,
    fixList: '已写出问题清单：',
    none: '照片修正（--fix-photos）：没有过大或格式不对的照片，未写出任何文件',
  },
  en: {
    title: (written: number, skipped: number) => `Photo fixes (--fix-photos): ${written} written, ${skipped} left alone`,
    written: (p: FixedPhoto, show: (s: string) => string) =>
      `✔ ${show(p.source)} → ${show(p.target!)} (${typeLabel(p.type)} ${bytesText(p.sizeBefore)} bytes → JPEG ${bytesText(p.size!)} bytes, ${p.width}×${p.height}, quality ${p.quality})`
      + (p.renamed ? `; the name changed: write ${p.target!.split(/[\\/]/).pop()} in the sheet's photo cell` : ''),
    skipped: (p: FixedPhoto, show: (s: string) => string) => `✖ ${show(p.source)}: ${SKIP_EN[p.skipped ?? 'cannot-decode']}${p.error ? ` (${p.error})` : ''}`,
    fixList: 'Problem list written: ',
    none: 'Photo fixes (--fix-photos): no photo is too large or in the wrong format; nothing written',
  },
} as const;

const SKIP_ZH: Record<SkipReason, string> = {
  grey: '黑白照片无法变为彩色，未处理；请重新拍摄或提供彩色免冠照',
  damaged: '照片已损坏、无法完整解码，未处理；请重新导出或重新拍摄',
  'cannot-decode': '无法读取该图片格式，未处理；请用图片软件另存为 JPG',
  'cannot-shrink': '压缩到最小仍超过 200KB，未处理；请用图片软件处理',
  'name-taken': '同一文件夹中有同名照片已写出同名 JPG，未处理；请给照片改用不同的文件名',
  'write-failed': '无法写入修正后的照片',
  'too-many-pixels': `图片像素过多（超过 ${FIX_MAX_PIXELS.toLocaleString('en-US')} 像素），未处理；请用图片软件缩小后另存为 JPG`,
  'unsafe-target': '修正后的照片会覆盖输入文件、素材文件或其他输出，未写出',
};

const SKIP_EN: Record<SkipReason, string> = {
  grey: 'a greyscale photo cannot be made colour; left alone: take or supply a colour photo',
  damaged: 'the photo is damaged and does not decode; left alone: export or take it again',
  'cannot-decode': 'this picture format cannot be read; left alone: save it as JPEG in an image editor',
  'cannot-shrink': 'still over 200 KB at the smallest size; left alone: edit it in an image editor',
  'name-taken': 'another photo of the same name was already written as that JPEG; left alone: rename one of them',
  'write-failed': 'the fixed photo could not be written',
  'too-many-pixels': `the picture has too many pixels (over ${FIX_MAX_PIXELS.toLocaleString('en-US')}); left alone: shrink it in an image editor and save it as JPEG`,
  'unsafe-target': 'the fixed photo would overwrite an input, an asset or another output; not written',
};

/** Lines for the pretty report: a title and a line per photo, or one line saying there was nothing to do. */
export function fixedPhotoLines(photos: readonly FixedPhoto[], lang: Lang, show: (p: string) => string = (p) => p): string[] {
  const t = TEXT[lang];
  if (photos.length === 0) return [t.none];
  const written = photos.filter((p) => p.status === 'written');
  const lines = [t.title(written.length, photos.length - written.length)];
  for (const p of photos) lines.push(`  ${p.status === 'written' ? t.written(p, show) : t.skipped(p, show)}`);
  return lines;
}

/** "已写出问题清单：<path>". */
export function fixListLine(path: string, lang: Lang): string {
  return `${TEXT[lang].fixList}${path}`;
}
