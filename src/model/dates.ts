/** Dates as clerks write them: Date cells, Excel serials, and the usual written forms. */

/** A calendar date; `d` is null for a year-month (出生年月). */
export interface YMD {
  y: number;
  m: number;
  d: number | null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!;
}

/** A date of a plausible year (by default 1900–2199) that exists in the calendar. */
export function validYMD(y: number, m: number, d: number | null, minYear = 1900): YMD | null {
  if (!Number.isInteger(y) || y < minYear || y > 2199) return null;
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  if (d !== null && (!Number.isInteger(d) || d < 1 || d > daysInMonth(y, m))) return null;
  return { y, m, d };
}

export function fromDate(date: Date): YMD | null {
  if (Number.isNaN(date.getTime())) return null;
  return validYMD(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Excel 1900-system serial (with Excel's phantom 1900-02-29) → date. */
export function fromSerial(serial: number, date1904 = false): YMD | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  const ms = (days - 25569) * 86400000; // 25569 = serial of 1970-01-01
  return fromDate(new Date(ms));
}

/** An Excel serial (days since 1899-12-30, or since 1904-01-01 in a 1904 workbook) as the Date of that instant, UTC. */
export function serialToDate(serial: number, date1904 = false): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000));
}

const DATE_CODES = new Map<string, boolean>();

/**
 * The one idea of which number formats are dates: the date and time built-ins by id (14–22, 27–36, 50–58, the
 * CJK ones included), or a code with y, d, m (not minutes: m before s), 年, 月 or 日 outside quotes, escapes and
 * brackets — a code of a time of day alone (h:mm:ss) is not one. Readers give a number under a date code as a
 * Date (src/read), records read it as a date (src/model/cell.ts), the writer keeps it a date
 * (src/report/xlsx/sheet-xml.ts). Each code is judged once.
 */
export function isDateFormat(numFmt: string | number | undefined): boolean {
  if (numFmt === undefined || numFmt === '') return false;
  if (typeof numFmt === 'number') {
    return (numFmt >= 14 && numFmt <= 22) || (numFmt >= 27 && numFmt <= 36) || (numFmt >= 50 && numFmt <= 58);
  }
  let hit = DATE_CODES.get(numFmt);
  if (hit === undefined) {
    const code = numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
    hit = /[yd]|m{1,4}(?![^;]*s)|年|月|日/i.test(code) && !/^[#0.,%\s]+$/.test(code);
    if (DATE_CODES.size < 10_000) DATE_CODES.set(numFmt, hit);
  }
  return hit;
}

/**
 * Built-in number formats of a Chinese (zh-CN) Excel that show a year and month but no day (ECMA-376
 * §18.8.30: 27, 36, 50, 52, 57 = yyyy"年"m"月"), and 17 (mmm-yy).
 */
const MONTH_ONLY_FORMATS: ReadonlySet<number> = new Set([17, 27, 36, 50, 52, 57]);

/**
 * False when a date format shows no day: yyyy"年"m"月", mmm-yy, yyyy-mm… (Excel then stores the 1st of the
 * month the clerk typed). True when it shows one, or when the format is not known.
 */
export function formatShowsDay(numFmt: string | number | undefined): boolean {
  if (numFmt === undefined || numFmt === '') return true;
  if (typeof numFmt === 'number') return !MONTH_ONLY_FORMATS.has(numFmt);
  const code = numFmt.split(';')[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /d|日/i.test(code);
}

const SEP = String.raw`\s*[-/.．。、]\s*`;
const FULL = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})${SEP}(\d{1,2})(?:\s*日)?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`);
const CJK_FULL = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const MONTH = new RegExp(String.raw`^(\d{4})${SEP}(\d{1,2})$`);
const CJK_MONTH = /^(\d{4})\s*年\s*(\d{1,2})\s*月?$/;
const COMPACT_DAY = /^(\d{4})(\d{2})(\d{2})$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;

/**
 * Parses a written date. Day forms: 2019-12-20, 2019/12/20, 2019.12.20, 2019年12月20日, 20191220 (also
 * an ISO timestamp). With `allowMonth`, year-month forms too: 1980.03, 1980-3, 1980年3月, 198003.
 * Returns null when the text is not a date or names a day that does not exist.
 */
export function parseDateText(input: string, allowMonth = false): YMD | null {
  const s = input.normalize('NFKC').trim();
  if (!s) return null;
  let m = FULL.exec(s) ?? CJK_FULL.exec(s) ?? COMPACT_DAY.exec(s);
  if (m) return validYMD(+m[1]!, +m[2]!, +m[3]!);
  const iso = /^(\d{4})-(\d{2})-(\d{2})T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (iso) return validYMD(+iso[1]!, +iso[2]!, +iso[3]!);
  if (!allowMonth) return null;
  m = MONTH.exec(s) ?? CJK_MONTH.exec(s) ?? COMPACT_MONTH.exec(s);
  if (m) return validYMD(+m[1]!, +m[2]!, null);
  return null;
}

export function formatYMD(d: YMD): string {
  const mm = String(d.m).padStart(2, '0');
  return d.d === null ? `${d.y}-${mm}` : `${d.y}-${mm}-${String(d.d).padStart(2, '0')}`;
}

/** Compares two dates at day precision (a year-month counts as its first day). */
export function compareYMD(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || (a.d ?? 1) - (b.d ?? 1);
}

/**
 * Compares two dates as far as they are known: by day when both have one, else by month; null when they
 * fall in the same month and a day is missing (the order cannot be told).
 */
export function compareKnown(a: YMD, b: YMD): number | null {
  const byMonth = a.y - b.y || a.m - b.m;
  if (byMonth !== 0) return byMonth;
  if (a.d === null || b.d === null) return null;
  return a.d - b.d;
}

/** The same day `years` later (29 February → 28 February in a common year); a year-month stays one. */
export function addYears(d: YMD, years: number): YMD {
  const y = d.y + years;
  return { y, m: d.m, d: d.d === null ? null : Math.min(d.d, daysInMonth(y, d.m)) };
}

export function todayYMD(now = new Date()): YMD {
  return { y: now.getFullYear(), m: now.getMonth() + 1, d: now.getDate() };
}
