/** Typed errors at the edge: an InputError becomes one clear sentence on stderr and exit 2. */
import { CAUSES, INPUT_MESSAGES, UNKNOWN_CAUSE, WARNING_MESSAGES } from './i18n/errors.js';
import { bilingual, fillTemplate, type Bilingual, type Lang } from './i18n/index.js';

export type InputMessageId = keyof typeof INPUT_MESSAGES;

/**
 * Why a file operation failed, said in the user's language when the text is made: the system's error
 * code (EACCES, EROFS, ENOSPC…) and whether cert-check was reading or writing.
 */
export interface Cause {
  readonly kind: 'cause';
  readonly code: string;
  readonly op: 'read' | 'write';
  /** The system's message (first line), for codes without a sentence of their own. */
  readonly message: string;
}

/** The cause of a failed file operation (`err` as thrown by node:fs). */
export function ioCause(err: unknown, op: 'read' | 'write' = 'write'): Cause {
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim().slice(0, 200);
  return { kind: 'cause', code, op, message };
}

/** A cause as a phrase of the language. */
export function causeText(cause: Cause, lang: Lang): string {
  const c = CAUSES[cause.code];
  if (!c) return cause.message || cause.code || UNKNOWN_CAUSE[lang];
  return (cause.op === 'write' && c.write ? c.write : c)[lang];
}

export type ErrorData = Record<string, string | number | Cause | Bilingual>;

function localise(data: ErrorData, lang: Lang): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = typeof v !== 'object' ? v : v.kind === 'cause' ? causeText(v, lang) : v[lang];
  }
  return out;
}

/**
 * The InputError for a file cert-check was told to read (configuration, committee list) that it could not
 * read: not a regular file, too large, or the system's error (permissions…). `err` is what
 * src/run/bounded-read.ts threw.
 */
export function readError(path: string, err: unknown): InputError {
  const e = err as { name?: string; reason?: string; detail?: { kind?: { zh: string; en: string }; size?: number; max: number }; code?: string };
  if (e?.name === 'NotReadable' && e.detail) {
    if (e.reason === 'not-regular') return new InputError('not-regular-file', { path, kind: bilingual(e.detail.kind!.zh, e.detail.kind!.en) });
    return new InputError('file-too-large', { path, size: e.detail.size ?? 0, max: e.detail.max });
  }
  if (e?.code === 'ENOENT') return new InputError('missing-path', { path });
  return new InputError('read-failed', { path, detail: ioCause(err, 'read') });
}

/** A problem with the inputs or the command line: exit 2 with one sentence. */
export class InputError extends Error {
  constructor(
    readonly id: InputMessageId,
    readonly data: ErrorData = {},
  ) {
    super(fillTemplate(INPUT_MESSAGES[id].en, localise(data, 'en')));
    this.name = 'InputError';
  }

  text(lang: Lang): string {
    return fillTemplate(INPUT_MESSAGES[this.id][lang], localise(this.data, lang));
  }
}

export type WarningId = keyof typeof WARNING_MESSAGES;

/** A warning of the run (not of a row): data, made into text by reporters (`text(lang)`). */
export class RunWarning {
  constructor(
    readonly id: WarningId,
    readonly data: ErrorData = {},
  ) {}

  text(lang: Lang): string {
    return fillTemplate(WARNING_MESSAGES[this.id][lang], localise(this.data, lang));
  }
}
