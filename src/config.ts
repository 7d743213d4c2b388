/**
 * The configuration file (cert-check.config.json in the working folder, or --config): rule severities, extra
 * column aliases, committees, specialties, issuers, the district profile and the asset naming convention.
 * Validated with zod; every error names the key and says why, and ends the run with exit 2.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_NAMING, type NamingPatterns } from './assets/naming.js';
import { parseDistrict, type DistrictProfile } from './data/district.js';
import { loadReferenceData, referenceData } from './data/reference.js';
import type { ReferenceData, Lang, SeveritySetting } from './engine/types.js';
import { InputError, readError, type InputMessageId } from './errors.js';
import { CONFIG_TEXT } from './i18n/errors.js';
import { parseCommitteeEntries, type CommitteeEntry } from './match/committee.js';
import { COMMITTEES_MAX_BYTES, CONFIG_MAX_BYTES, readRegularFileSync, textOf } from './run/bounded-read.js';
import { FIELD_KEYS, buildAliasTable, type AliasTable, type FieldKey } from './model/fields.js';

export const DEFAULT_CONFIG_NAME = 'cert-check.config.json';

const SeverityText = z.enum(['off', 'warn', 'warning', 'error', 'info']);
const Names = z.array(z.string().trim().min(1));
const Convention = z.object({ patterns: Names.min(1).optional(), extensions: Names.min(1).optional() }).strict();

export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** Rule id → off / warn / error / info. */
    rules: z.record(z.string(), SeverityText).optional(),
    /** Field key → more header names that mean it. */
    aliases: z.partialRecord(z.enum(FIELD_KEYS), Names).optional(),
    /**
     * Extra committees (other years, other districts): a list of entries (each may give `year` or `years`),
     * `{ lists: [{ years, source, committees }] }`, or the path of a JSON file holding either.
     */
    committees: z.union([z.array(z.unknown()), z.string().min(1), z.object({ lists: z.array(z.unknown()) }).strict()]).optional(),
    /** More names of the 评审专业名称 dropdown. */
    specialties: Names.optional(),
    /** More approval-number issuer prefixes. */
    issuers: z.object({ city: Names.optional(), district: Names.optional(), area: Names.optional() }).strict().optional(),
    /** More spellings of a series: canonical name → aliases. */
    seriesAliases: z.record(z.string(), Names).optional(),
    /** The asset naming convention ({id}, {name}, {title} placeholders). */
    assets: z.object({ photo: Convention.optional(), attachment: Convention.optional() }).strict().optional(),
    /** Folder for the registration sheets (--cards), relative to the config file's folder. */
    cards: z.string().trim().min(1).optional(),
    /** The district profile (a JSON file like data/district.json), relative to the config file's folder. */
    district: z.string().trim().min(1).optional(),
  })
  .strict();

export type ConfigFile = z.infer<typeof ConfigSchema>;

/** What the configuration changes in a run. */
export interface Settings {
  path: string | null;
  /** The files the configuration read (itself, a committee list): an output may not be one of them. */
  sources: string[];
  severities: Record<string, SeveritySetting>;
  aliases: AliasTable;
  data: ReferenceData;
  assetPatterns: NamingPatterns;
  /** The registration sheets' folder from the config (absolute), or null. */
  cards: string | null;
}

function bad(path: string, detail: string): InputError {
  return new InputError('bad-config', { path, detail });
}

function zodDetail(issue: z.core.$ZodIssue, lang: Lang): string {
  const t = CONFIG_TEXT[lang];
  const key = issue.path.length ? issue.path.join('.') : t.wholeFile;
  if (issue.code === 'unrecognized_keys') return t.unknownKey(key, issue.keys.join(', '));
  if (issue.code === 'invalid_value' && issue.path[0] === 'rules') return t.severity(key);
  if (issue.code === 'invalid_key' && issue.path[0] === 'aliases') return t.aliasKeys(FIELD_KEYS.join(', '));
  return `${key}: ${issue.message}`;
}

/**
 * Reads the configuration: `explicit` (--config, must exist), else cert-check.config.json in `cwd` if there is
 * one, else the defaults. `ruleIds` are the registered rules (an unknown id is an error, not a silent no-op).
 */
export function loadSettings(
  explicit: string | undefined, cwd: string, ruleIds: readonly string[], lang: Lang = 'zh', opts: { district?: string } = {},
): Settings {
  const path = explicit ? resolve(cwd, explicit) : resolve(cwd, DEFAULT_CONFIG_NAME);
  // --district (relative to the working folder) overrides the config's `district`.
  const district = opts.district === undefined ? undefined : resolve(cwd, opts.district);
  if (!existsSync(path)) {
    if (explicit) throw new InputError('missing-path', { path: explicit });
    return settingsFrom({}, null, ruleIds, lang, district);
  }
  const raw = readJson(path, CONFIG_MAX_BYTES, lang);
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) throw bad(path, zodDetail(parsed.error.issues[0]!, lang));
  return settingsFrom(parsed.data, path, ruleIds, lang, district);
}

/**
 * A JSON file the configuration names: a regular file of at most `max` bytes (a FIFO, a device or a huge
 * file is refused with a sentence, never waited on or read whole), parsed.
 */
function readJson(path: string, max: number, lang: Lang, id: InputMessageId = 'bad-config'): unknown {
  let text: string;
  try {
    text = textOf(readRegularFileSync(path, max));
  } catch (err) {
    throw readError(path, err);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    const detail = CONFIG_TEXT[lang].notJson((err as Error).message);
    throw new InputError(id, { path, detail });
  }
}

/** A district profile the user names (--district, or the config's `district`). */
function readDistrictFile(path: string, lang: Lang): DistrictProfile {
  return parseDistrict(readJson(path, CONFIG_MAX_BYTES, lang, 'bad-district'), path);
}

/** `districtFile`: the --district profile (absolute), which wins over the config's `district`. */
export function settingsFrom(config: ConfigFile, path: string | null, ruleIds: readonly string[], lang: Lang = 'zh', districtFile?: string): Settings {
  const where = path ?? '(config)';
  const severities: Record<string, SeveritySetting> = {};
  for (const [id, value] of Object.entries(config.rules ?? {})) {
    if (!ruleIds.includes(id)) {
      throw bad(where, CONFIG_TEXT[lang].noRule(id));
    }
    severities[id] = value === 'warn' ? 'warning' : value;
  }
  let committees: CommitteeEntry[] = [];
  const sources = path ? [path] : [];
  if (typeof config.committees === 'string') {
    const file = resolve(path ? dirname(path) : '.', config.committees);
    sources.push(file);
    committees = parseCommitteeEntries(readJson(file, COMMITTEES_MAX_BYTES, lang), file);
  } else if (Array.isArray(config.committees)) committees = parseCommitteeEntries({ committees: config.committees }, where);
  else if (config.committees) committees = parseCommitteeEntries(config.committees, where);
  const profile = districtFile ?? (config.district ? resolve(path ? dirname(path) : '.', config.district) : undefined);
  let district: DistrictProfile | undefined;
  if (profile) {
    sources.push(profile);
    district = readDistrictFile(profile, lang);
  }
  const custom = Boolean(config.specialties || config.issuers || config.seriesAliases || committees.length || district);
  const data: ReferenceData | null = custom
    ? referenceData(district, { guide: { specialties: config.specialties, issuers: config.issuers, seriesAliases: config.seriesAliases }, committees })
    : null;
  return {
    path,
    sources,
    severities,
    aliases: buildAliasTable(config.aliases as Partial<Record<FieldKey, string[]>> | undefined),
    data: data ?? loadReferenceData(),
    assetPatterns: {
      photo: { ...DEFAULT_NAMING.photo, ...config.assets?.photo },
      attachment: { ...DEFAULT_NAMING.attachment, ...config.assets?.attachment },
    },
    cards: config.cards ? resolve(path ? dirname(path) : '.', config.cards) : null,
  };
}
