/** The requests the main thread sends the writing thread (./writer-worker.ts), and its replies: plain data. */
import type { RuleText } from '../../engine/messages.js';
import type { Finding } from '../../engine/types.js';
import type { ReaderMessage } from '../../read/channel.js';
import type { Notice, SheetInfo } from '../../read/types.js';
import type { FileResult } from '../types.js';
import type { AnnotatedWorkbookOptions } from './annotated.js';
import type { WriterRow } from './writer-row.js';

export type WriterRequest = { id: number } & (
  | {
      type: 'create';
      out: string;
      /** The workbook's options but its message book (rebuilt from `rules` in the thread), with the temporary file's name. */
      opts: Omit<AnnotatedWorkbookOptions, 'messages'> & { tempPath: string };
      rules: RuleText[];
    }
  | { type: 'start-sheet'; sheet: SheetInfo; date1904: boolean }
  | { type: 'rows'; rows: WriterRow[] }
  | { type: 'end-sheet'; merges?: string[] }
  /** `extra`: the input's findings that came with no row (the rows' own were sent with them). */
  | { type: 'finish'; files: FileResult[]; startedAt: Date; extra: Finding[] }
  | { type: 'abort' }
);

export interface WriterReply {
  id: number;
  /** The workbook's notices so far (macros left out, earlier marks replaced). */
  notices: Notice[];
  /** The failure that ended the workbook (this request's, or an earlier one's). */
  error?: Extract<ReaderMessage, { type: 'error' }>;
}
