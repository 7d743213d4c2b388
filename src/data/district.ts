/**
 * The district a sheet belongs to, as data: the 行政区划 value of its 中、初级 titles, their 审核机关, the
 * district's 职称改革办公室 (and an older name), the prefixes of its approval numbers, its 中级 committees, and the
 * 片区 it reviews with. 铜梁区 (data/district.json) is the default and the only profile shipped; another district
 * writes its own file and names it with `--district` or the config's `district` (README, 其他区县). Rules, the
 * template and the registration sheets read it from the reference data (`ctx.data.district`); src/config.ts reads
 * the file a user names.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { dataPath } from '../paths.js';
import { PLACES } from './places.js';

const Name = z.string().trim().min(1);
const Place = Name.refine((p) => PLACES.includes(p), { message: `not a place of data/places.tsv (${PLACES.slice(0, 4).join('、')}…; 区/县 left off)` });

export const DistrictSchema = z
  .object({
    $schema: z.string().optional(),
    about: z.string().optional(),
    /** The district's name, e.g. 铜梁区. */
    name: Name,
    /** The district as committee names and approval numbers say it (铜梁 for 铜梁区 and 铜梁县): a name of data/places.tsv. */
    place: Place,
    /** The platform's 行政区划 value for 中、初级 titles (guide 三（五）). */
    region: Name,
    /** The 审核机关（单位） of 中、初级 titles (guide 三（十三）). */
    authority: Name,
    /** The 职称改革办公室 named as 评审机构 for 初定、确认 of 中、初级 titles (guide 三（十四）2（1）). */
    office: z.object({ name: Name, note: z.string().optional(), source: z.string().optional() }).strict(),
    /** When the district had another name (a county that became a district): said in the warning on an older office name. */
    renamed: z.object({ from: Name, year: z.number().int().min(1949).max(2199) }).strict().optional(),
    /** Prefixes of the issuer of the district office's approval numbers (铜梁区职改, 铜职改 …). */
    issuers: z.array(Name).min(1),
    /** An approval number of the district, as an example for the registration sheets' hint. */
    approvalNoExample: Name,
    /** The 片区 whose committees review the district's titles with its own (guide 三（四）2), if any. */
    area: z.object({ name: Name, place: Place, issuers: z.array(Name).min(1) }).strict().optional(),
    /** The district's (and its 片区's) committee lists, as in data/committees.json: `[{ id, title, source, years, committees }]`. */
    committees: z.array(z.unknown()).default([]),
    /** Where each fact comes from. */
    sources: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export interface DistrictProfile {
  name: string;
  place: string;
  region: string;
  authority: string;
  office: { name: string; note?: string; source?: string };
  renamed: { from: string; year: number } | null;
  issuers: readonly string[];
  approvalNoExample: string;
  area: { name: string; place: string; issuers: readonly string[] } | null;
  /** Committee lists in the form of data/committees.json (parsed with the committees, src/match/committee.ts). */
  committees: readonly unknown[];
  /** The file it was read from: data/district.json for the default. */
  source: string;
}

/** The profile in a parsed JSON document; an InputError naming the first wrong key when it is not one. */
export function parseDistrict(raw: unknown, source: string): DistrictProfile {
  const parsed = DistrictSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const detail = issue.code === 'unrecognized_keys' ? `${key}unknown key ${issue.keys.join(', ')}` : `${key}${issue.message}`;
    throw new InputError('bad-district', { path: source, detail });
  }
  const d = parsed.data;
  return {
    name: d.name, place: d.place, region: d.region, authority: d.authority, office: d.office, renamed: d.renamed ?? null,
    issuers: d.issuers, approvalNoExample: d.approvalNoExample, area: d.area ?? null, committees: d.committees, source,
  };
}

let shipped: DistrictProfile | null = null;

/** The default profile, data/district.json (read once). */
export function defaultDistrict(): DistrictProfile {
  if (!shipped) {
    const path = dataPath('district.json');
    shipped = parseDistrict(JSON.parse(readFileSync(path, 'utf8')), path);
  }
  return shipped;
}
