/**
 * A checked row → its registration sheet (as data), or the reasons it gets none. Pure: the row after the
 * certain corrections, its findings and its file facts in; no files, no clock.
 */
import { typeLabel } from '../../assets/describe.js';
import type { AssetLookup } from '../../assets/types.js';
import { defaultDistrict, type DistrictProfile } from '../../data/district.js';
import { canonicalLevel, isSenior } from '../../data/levels.js';
import { canonicalMethod } from '../../data/methods.js';
import { fieldLabel, type MessageBook } from '../../engine/messages.js';
import type { Finding, Lang } from '../../engine/types.js';
import { formatYMD } from '../../model/dates.js';
import { FIELDS, type FieldKey } from '../../model/fields.js';
import { idBirthDate, idProblem, maskIds } from '../../util/id-number.js';
import { CARD_TEXT, FORM_HINTS } from '../../i18n/cards.js';
import { PUNCT } from '../../i18n/index.js';
import { FORM } from './guide.js';
import type { CheckedRow } from '../sink.js';
import type { MissingCard } from '../types.js';
import type { Card, CardLine, CardProblem, HintContext } from './types.js';

/** The names of the platform's dropdowns the reference data knows (GuideData has both). */
export interface CardLookups {
  canonicalSeries(text: string): string | null;
  knownSpecialty(text: string): string | null;
}

export interface CardOptions {
  lang: Lang;
  messages: MessageBook;
  lookups?: CardLookups;
  /** The district the records belong to (default: data/district.json): its values in the hints. */
  district?: DistrictProfile;
}

/**
 * Masks every resident ID number in a text except the holder's own (a message may name another person's file,
 * and file names often carry ID numbers).
 */
export function maskOthers(text: string, ownId: string): string {
  const own = ownId.trim().toUpperCase();
  return text.replace(/(?<![0-9])\d{17}[\dXx](?![0-9])/g, (id) => (id.toUpperCase() === own ? id : maskIds(id)));
}

function problemOf(f: Finding, opts: CardOptions, ownId: string): CardProblem {
  return {
    severity: f.severity,
    label: f.field ? fieldLabel(f.field, 'zh') : null,
    message: maskOthers(opts.messages.format(f, opts.lang), ownId),
  };
}

function fileOf(lookup: AssetLookup | undefined, lang: Lang): CardLine['file'] {
  if (lookup?.status !== 'found') return null;
  const f = lookup.file;
  const name = f.rel.slice(f.rel.lastIndexOf('/') + 1);
  const t = CARD_TEXT[lang];
  const parts: string[] = [];
  if (f.type) parts.push(typeLabel(f.type));
  if (f.image?.width && f.image.height) parts.push(`${f.image.width}×${f.image.height}`);
  if (f.pdf?.pages) parts.push(t.pages(f.pdf.pages));
  return { name, rel: f.rel, size: f.size, detail: parts.join(PUNCT[lang].comma) };
}

/** The sheet of a row without errors; for a row with errors, what keeps it from having one. */
export function buildCard(row: CheckedRow, opts: CardOptions): { card: Card } | { missing: MissingCard } {
  const { record } = row;
  const v = record.v;
  const source = { file: record.file, sheet: record.sheet, row: record.row };
  const errors = row.findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    return {
      missing: {
        source, name: v.name, idNumber: v.idNumber, title: v.title,
        reasons: errors.map((f) => ({ field: f.field, label: fieldLabel(f.field, opts.lang), rule: f.rule, message: opts.messages.format(f, opts.lang) })),
      },
    };
  }

  const t = CARD_TEXT[opts.lang];
  const level = canonicalLevel(v.level);
  const method = canonicalMethod(v.method);
  const hintContext: HintContext = { district: opts.district ?? defaultDistrict(), senior: isSenior(level), method, obtainYear: record.obtainDate?.y ?? null };
  const changes = new Map(row.changes.map((c) => [c.field, c]));
  const byField = new Map<FieldKey, CardProblem[]>();
  const rowProblems: CardProblem[] = [];
  const shown = new Set<FieldKey>(FORM.map((f) => f.field));
  for (const f of row.findings) {
    const p = problemOf(f, opts, v.idNumber);
    if (f.field && shown.has(f.field)) byField.set(f.field, [...(byField.get(f.field) ?? []), p]);
    else rowProblems.push(p);
  }

  const lines: CardLine[] = FORM.map((def) => {
    const key = def.field;
    let value = v[key];
    let action = def.action;
    let note: string | null = null;
    const change = changes.get(key);
    const hasColumn = record.cells[key] !== undefined;
    if (change) note = change.to === '' ? t.cleared(change.from) : t.corrected(change.from);
    if (!hasColumn && row.guideValues[key] !== undefined) {
      value = row.guideValues[key]!;
      note = t.noColumn;
    }
    let file: CardLine['file'] = null;
    switch (key) {
      case 'birthDate': {
        const fromId = idProblem(v.idNumber) === null ? idBirthDate(v.idNumber) : null;
        if (record.birthDate) value = formatYMD({ ...record.birthDate, d: null });
        else if (fromId) {
          value = formatYMD({ ...fromId, d: null });
          note = t.fromId;
        }
        break;
      }
      case 'issueDate':
      case 'obtainDate': {
        const date = record[key];
        if (date) value = formatYMD(date);
        break;
      }
      case 'photo':
      case 'attachment': {
        if (row.assets) {
          file = fileOf(row.assets[key], opts.lang);
          if (file) value = file.name;
        } else if (value) note = t.noFile;
        break;
      }
      case 'series': {
        // The sheet's spelling stays (the series list is the national one, not read off the platform's dropdown).
        const canonical = value ? opts.lookups?.canonicalSeries(value) : null;
        if (canonical && canonical !== value) note = t.standardSeries(canonical);
        break;
      }
      case 'specialty': {
        // The dropdown's own name (data/specialties.tsv is that dropdown): 建设专业 is chosen as 建设.
        const known = value && value !== '其他' ? opts.lookups?.knownSpecialty(value) : null;
        if (known && known !== value) {
          note = t.asInSheet(value);
          value = known;
        }
        break;
      }
      case 'authority':
        if (hintContext.senior) action = 'default';
        break;
      default:
        break;
    }
    // A field left empty without an error is one the guide leaves empty (本地评审专业, 证书编号 since 2021).
    if (!value && (action === 'choose' || action === 'type')) action = 'empty';
    return {
      field: key, section: def.section, label: FIELDS[key].header, action, value, note,
      hint: FORM_HINTS[def.field][opts.lang](hintContext), file,
      problems: byField.get(key) ?? [],
    };
  });

  const photoLookup = row.assets?.photo;
  const photo = photoLookup?.status === 'found' && photoLookup.file.image?.decoded
    ? { rel: photoLookup.file.rel, size: photoLookup.file.size }
    : null;
  return {
    card: {
      source, name: v.name, idNumber: v.idNumber, title: v.title, level: level ?? v.level, series: v.series,
      method: v.method || (method ?? ''), lines, rowProblems, photo,
    },
  };
}
