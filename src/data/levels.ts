import { memoText } from '../util/memo.js';

/** The platform's four 职称级别 values (guide 三（八）) and the variants clerks write. */

export const PLATFORM_LEVELS = ['高级（正高）', '高级（副高）', '中级', '初级（含员级）'] as const;
export type PlatformLevel = (typeof PLATFORM_LEVELS)[number];

/** Normalised variant → platform value. Keys are compared after `levelKey`. */
const VARIANTS: Record<string, PlatformLevel> = {
  '高级正高': '高级（正高）', '正高': '高级（正高）', '正高级': '高级（正高）', '高级正高级': '高级（正高）', '正高职称': '高级（正高）',
  '高级副高': '高级（副高）', '副高': '高级（副高）', '副高级': '高级（副高）', '高级副高级': '高级（副高）', '副高职称': '高级（副高）',
  '中级': '中级', '中级职称': '中级',
  '初级含员级': '初级（含员级）', '初级': '初级（含员级）', '初级职称': '初级（含员级）', '助理级': '初级（含员级）',
  '员级': '初级（含员级）', '初级助理级': '初级（含员级）', '初级员级': '初级（含员级）', '助理': '初级（含员级）',
};

function levelKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s()（）[\]【】]/g, '');
}

/** The platform value a level text means, or null when it is not recognisable. */
export const canonicalLevel = memoText((text: string): PlatformLevel | null => {
  if ((PLATFORM_LEVELS as readonly string[]).includes(text)) return text as PlatformLevel;
  const key = levelKey(text);
  // Own keys only: a cell reading "valueOf" or "constructor" is no level.
  return Object.hasOwn(VARIANTS, key) ? VARIANTS[key]! : null;
});

/** 高级（正高） and 高级（副高） are 高级 for region, authority and approval rules. */
export function isSenior(level: PlatformLevel | null): boolean {
  return level === '高级（正高）' || level === '高级（副高）';
}
