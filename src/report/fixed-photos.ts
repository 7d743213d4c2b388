/** `--fix-photos`: the sink that gathers the rows' photos and fixes them after the run, and the text of what it did. */
import type { FixedPhoto } from '../assets/fix-photos.js';
import type { Lang } from '../engine/types.js';
import { FIXED_PHOTOS_TEXT } from '../i18n/report.js';
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
    this.fp.checkFixPhotosTarget(this.opts.target, assetsDir);
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

/** Lines for the pretty report: a title and a line per photo, or one line saying there was nothing to do. */
export function fixedPhotoLines(photos: readonly FixedPhoto[], lang: Lang, show: (p: string) => string = (p) => p): string[] {
  const t = FIXED_PHOTOS_TEXT[lang];
  if (photos.length === 0) return [t.none];
  const written = photos.filter((p) => p.status === 'written');
  const lines = [t.title(written.length, photos.length - written.length)];
  for (const p of photos) lines.push(`  ${p.status === 'written' ? t.written(p, show) : t.skipped(p, show)}`);
  return lines;
}

/** "已写出问题清单：<path>". */
export function fixListLine(path: string, lang: Lang): string {
  return `${FIXED_PHOTOS_TEXT[lang].fixList}${path}`;
}
