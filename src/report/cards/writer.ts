/**
 * `--cards <dir>`: writes the sheets as the rows are checked, into a staging folder beside the target
 * (`.<dir>.<pid>.tmp`), and moves them into the target only when the run completes (`commit`), so a run that
 * ends in exit 2 leaves nothing behind (`abort`). Only the compact index entries stay in memory.
 *
 * The target is a folder cert-check owns: new or empty, or one it wrote before (it holds the manifest
 * `.cert-check-cards.json`). A re-run replaces the sheets the manifest lists, so a person whose row now
 * has errors keeps no stale sheet, and never touches another file.
 */
import { tempNameFor, trackTempDir, untrackTempDir } from '../../run/atomic-file.js';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { InputError } from '../../errors.js';
import type { MessageBook } from '../../engine/messages.js';
import type { Lang } from '../../engine/types.js';
import { cardHtml, indexChunks, type IndexData, type IndexPerson } from './html.js';
import { buildCard, type CardLookups } from './model.js';
import { NameRegistry } from './names.js';
import type { DistrictProfile } from '../../data/district.js';
import { CARDS_TARGET } from '../../i18n/cards.js';
import type { SheetInfo } from '../../read/types.js';
import type { CheckedRow, RowSink, SinkInput, SinkOutcome, SinkRow } from '../sink.js';
import type { CardsReport, CheckResult, MissingCard } from '../types.js';
import type { Card } from './types.js';

/** The index page: first in the folder's order. */
export const INDEX_NAME = '0000-目录.html';
/** What cert-check wrote into the folder last time. */
export const MANIFEST_NAME = '.cert-check-cards.json';

interface Manifest {
  tool: 'cert-check';
  kind: 'cards';
  files: string[];
}

/** Photos decoded into thumbnails at the same time. */
const THUMB_CONCURRENCY = 4;
/** Thumbnail size in pixels: 27 × 36 mm printed at about 225 dpi. */
const THUMB_WIDTH = 240;
const THUMB_HEIGHT = 320;
/** Photos larger than this are not decoded for a thumbnail. */
const THUMB_MAX_BYTES = 30 * 1024 * 1024;

/** The real path of a file or folder, or of its nearest existing parent joined with the rest. */
function realish(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realish(parent), basename(abs));
  }
}

function within(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function readManifest(dir: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), 'utf8')) as Partial<Manifest>;
    if (m.tool !== 'cert-check' || m.kind !== 'cards' || !Array.isArray(m.files)) return null;
    // Only plain names of sheets it wrote: never a path, never anything but .html.
    const files = m.files.filter((f): f is string => typeof f === 'string' && f === basename(f) && /\.html$/i.test(f) && !f.startsWith('.'));
    return { tool: 'cert-check', kind: 'cards', files };
  } catch {
    return null;
  }
}

/**
 * Refuses (exit 2, before any work) a --cards folder that is a file, lies inside the assets folder, is an
 * input's folder… in short one that is neither new, nor empty, nor a folder of sheets cert-check wrote.
 */
export function checkCardsTarget(target: string, ctx: { inputs: readonly string[]; assetsDir: string | null }): void {
  const t = realish(target);
  let stat: ReturnType<typeof statSync> | null = null;
  try {
    stat = statSync(target);
  } catch {
    // new: created when the run completes
  }
  if (stat && !stat.isDirectory()) {
    throw new InputError('usage', { detail: CARDS_TARGET.file(target) });
  }
  // A new folder is made in its nearest existing parent, which must be a folder too.
  let parent = dirname(resolve(target));
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  if (!stat && !statSync(parent).isDirectory()) {
    throw new InputError('usage', { detail: CARDS_TARGET.parentFile(target, parent) });
  }
  // A folder of its own inside the assets folder is fine (the sheets are HTML, never taken for a photo or PDF);
  // the assets folder itself is not.
  if (ctx.assetsDir && realish(ctx.assetsDir) === t) {
    throw new InputError('usage', { detail: CARDS_TARGET.assets(target, join(target, '填报单'), join(target, 'cards')) });
  }
  for (const input of ctx.inputs) {
    if (within(t, realish(input)) && !readManifest(target)) {
      throw new InputError('usage', { detail: CARDS_TARGET.input(target, input) });
    }
  }
  if (stat && !readManifest(target)) {
    const entries = readdirSync(target).filter((n) => n !== '.DS_Store' && n.toLowerCase() !== 'thumbs.db' && n.toLowerCase() !== 'desktop.ini');
    if (entries.length) {
      throw new InputError('usage', { detail: CARDS_TARGET.others(target, entries[0]!) });
    }
  }
}

/**
 * Every file of the sheets goes through here (the temporary-file helper of the output guard may replace it):
 * the text whole or in pieces, UTF-8.
 */
export function writeCardFile(dir: string, name: string, text: string | Iterable<string>): void {
  const fd = openSync(join(dir, name), 'w');
  try {
    for (const piece of typeof text === 'string' ? [text] : text) writeSync(fd, piece, null, 'utf8');
  } finally {
    closeSync(fd);
  }
}

export interface CardsWriterOptions {
  /** The target folder (--cards). */
  dir: string;
  lang: Lang;
  /** ID numbers in full on the index (--show-pii); each sheet always shows its holder's own. */
  showPii: boolean;
  messages: MessageBook;
  /** The dropdown names the reference data knows. */
  lookups?: CardLookups;
  /** The district the records belong to (its values in the hints). */
  district?: DistrictProfile;
  /** When the run started: shown on every sheet. */
  startedAt: Date;
  version: string;
}

type Sharp = typeof import('sharp').default;

function localTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * Writes the sheets of a run, as a sink of it: each data row as corrected, its sheet written into a staging
 * folder; `finish` commits them (a run with inputs it could not read writes none), `abort` removes them.
 */
export class CardsWriter implements RowSink {
  readonly wantsCorrected = true;
  readonly dir: string;
  private readonly staging: string;
  private stagingReady = false;
  /** The first folder created for the staging folder's parent (removed again by abort). */
  private createdParent: string | undefined;
  private readonly names: NameRegistry;
  private readonly people = new Map<string, IndexPerson>();
  private readonly missing: (MissingCard & { no: number })[] = [];
  private readonly written: string[] = [];
  private readonly thumbs = new Map<string, Promise<string | null>>();
  private sharp: Promise<Sharp> | null = null;
  private readonly generatedAt: string;
  private state: 'open' | 'committed' | 'aborted' = 'open';

  constructor(private readonly opts: CardsWriterOptions) {
    this.dir = resolve(opts.dir);
    this.staging = tempNameFor(this.dir); // random, beside the target: a planted file or link is never reused
    const previous = readManifest(this.dir);
    // Names in the folder that cert-check did not write are never reused (nothing of the user's is replaced).
    let others: string[] = [];
    try {
      const ours = new Set(previous?.files ?? []);
      others = readdirSync(this.dir).filter((n) => !ours.has(n));
    } catch {
      // a new folder
    }
    this.names = new NameRegistry([INDEX_NAME, MANIFEST_NAME, ...others]);
    this.generatedAt = localTime(opts.startedAt);
  }

  private ensureStaging(): void {
    if (this.stagingReady) return;
    try {
      this.createdParent = mkdirSync(dirname(this.staging), { recursive: true });
      mkdirSync(this.staging); // fails on anything already there
    } catch (err) {
      throw new InputError('output-failed', { out: this.opts.dir, detail: (err as Error).message });
    }
    trackTempDir(this.staging); // removed on Ctrl-C, SIGTERM, SIGHUP and exit (src/cli/signals.ts)
    this.stagingReady = true;
  }

  private person(key: string, name: string, idNumber: string): IndexPerson {
    let p = this.people.get(key);
    if (!p) {
      p = { no: this.people.size + 1, name, idNumber, sheets: [], missing: 0 };
      this.people.set(key, p);
    }
    return p;
  }

  private thumbnail(assetsDir: string | null, photo: Card['photo']): Promise<string | null> {
    if (!assetsDir || !photo || photo.size > THUMB_MAX_BYTES) return Promise.resolve(null);
    const cached = this.thumbs.get(photo.rel);
    if (cached) return cached;
    this.sharp ??= import('sharp').then((m) => m.default);
    const job = this.sharp.then(async (sharp) => {
      try {
        const jpeg = await sharp(join(assetsDir, photo.rel), { failOn: 'error' })
          .rotate()
          .resize(THUMB_WIDTH, THUMB_HEIGHT, { fit: 'inside', withoutEnlargement: true })
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: 78 })
          .toBuffer();
        return `data:image/jpeg;base64,${jpeg.toString('base64')}`;
      } catch {
        return null;
      }
    });
    // One person's certificates usually follow each other: a few recent photos are enough to keep.
    if (this.thumbs.size >= 16) this.thumbs.delete(this.thumbs.keys().next().value!);
    this.thumbs.set(photo.rel, job);
    return job;
  }

  private assetsDir: string | null = null;

  async startSheet(_sheet: SheetInfo, input: SinkInput): Promise<void> {
    this.assetsDir = input.assetsDir;
  }

  async addRows(rows: readonly SinkRow[]): Promise<void> {
    const checked = rows.flatMap((r) => (r.corrected ? [r.corrected] : []));
    if (checked.length) await this.rows(checked, this.assetsDir);
  }

  /** Commits the sheets, unless the run has inputs it could not read (it ends in exit 2 and leaves none). */
  async finish(result: CheckResult): Promise<SinkOutcome> {
    if (result.failures?.length) {
      this.abort();
      return {};
    }
    return { result: { cards: await this.commit() } };
  }

  /** Writes the sheets of checked rows into the staging folder. */
  async rows(rows: readonly CheckedRow[], assetsDir: string | null): Promise<void> {
    if (this.state !== 'open') return;
    const jobs: { card: Card; file: string }[] = [];
    for (const row of rows) {
      const built = buildCard(row, this.opts);
      const v = row.record.v;
      const id = v.idNumber.replace(/\s+/g, '').toUpperCase();
      const p = this.person(id ? `id:${id}` : `name:${v.name}`, v.name, v.idNumber);
      if ('missing' in built) {
        p.missing++;
        this.missing.push({ ...built.missing, no: p.no });
        continue;
      }
      const file = this.names.claim([String(p.no).padStart(4, '0'), v.name, v.title], '.html', 'sheet');
      const toCheck = built.card.lines.reduce((n, l) => n + l.problems.filter((x) => x.severity !== 'info').length, 0)
        + built.card.rowProblems.filter((x) => x.severity !== 'info').length;
      p.sheets.push({ href: file, title: v.title, level: built.card.level, toCheck });
      jobs.push({ card: built.card, file });
    }
    if (!jobs.length) return;
    this.ensureStaging();
    for (const j of jobs) this.written.push(j.file); // in the rows' order, whichever thumbnail is ready first
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < jobs.length) {
        const { card, file } = jobs[next++]!;
        const thumbnail = await this.thumbnail(assetsDir, card.photo);
        writeCardFile(this.staging, file, cardHtml(card, { lang: this.opts.lang, thumbnail, generatedAt: this.generatedAt, version: this.opts.version }));
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(THUMB_CONCURRENCY, jobs.length) }, worker));
    } catch (err) {
      // A full disk or a folder taken away: the run ends with exit 2 and one sentence, and writes no sheet.
      throw new InputError('output-failed', { out: this.opts.dir, detail: (err as Error).message });
    }
  }

  /** The index data as it stands (people in order of their first row). */
  index(): IndexData {
    return { people: [...this.people.values()], missing: this.missing, sheets: this.written.length };
  }

  /** Writes the index, moves everything into the target folder, removes the previous run's sheets. */
  async commit(): Promise<CardsReport> {
    if (this.state !== 'open') throw new Error('cards already ended');
    this.ensureStaging();
    const target = this.dir;
    try {
      writeCardFile(this.staging, INDEX_NAME, indexChunks(this.index(), { lang: this.opts.lang, showPii: this.opts.showPii, generatedAt: this.generatedAt, version: this.opts.version }));
      const files = [INDEX_NAME, ...this.written];
      const manifest: Manifest = { tool: 'cert-check', kind: 'cards', files };
      writeCardFile(this.staging, MANIFEST_NAME, `${JSON.stringify(manifest, null, 2)}\n`);
      mkdirSync(target, { recursive: true });
      const previous = readManifest(target);
      for (const f of files) {
        const to = join(target, f);
        // A name cert-check did not write before is never replaced (the registry avoided every such name
        // seen at the start; this catches a file put there during the run).
        if (existsSync(to) && !previous?.files.includes(f)) throw new Error(`${f} exists`);
      }
      for (const f of files) renameSync(join(this.staging, f), join(target, f));
      const now = new Set(files);
      for (const f of previous?.files ?? []) {
        if (!now.has(f)) rmSync(join(target, f), { force: true });
      }
      renameSync(join(this.staging, MANIFEST_NAME), join(target, MANIFEST_NAME));
      rmdirSync(this.staging);
      untrackTempDir(this.staging);
    } catch (err) {
      this.abort();
      if (err instanceof InputError) throw err;
      throw new InputError('output-failed', { out: this.opts.dir, detail: (err as Error).message });
    }
    this.state = 'committed';
    return {
      dir: target,
      index: join(target, INDEX_NAME),
      sheets: this.written.length,
      people: [...this.people.values()].filter((p) => p.sheets.length).length,
      missing: this.missing.map(({ no: _no, ...m }) => m),
    };
  }

  /** Removes everything written so far (a run that ends in exit 2 writes no sheet). */
  abort(): void {
    if (this.state === 'committed') return;
    this.state = 'aborted';
    rmSync(this.staging, { recursive: true, force: true });
    untrackTempDir(this.staging);
    if (this.createdParent) {
      // mkdirSync returned the first folder it created: remove the chain again if it stayed empty.
      for (let dir = dirname(this.staging); within(this.createdParent, dir); dir = dirname(dir)) {
        try {
          rmdirSync(dir);
        } catch {
          break;
        }
        if (dir === this.createdParent) break;
      }
    }
  }
}
