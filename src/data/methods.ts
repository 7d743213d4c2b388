/** How a title was obtained: the platform's words and their usual synonyms (reference/README.md). */
import { memoText } from '../util/memo.js';

export const METHODS = ['评审', '初定', '确认', '考试', '认定'] as const;
export type Method = (typeof METHODS)[number];

const SYNONYMS: Record<string, Method> = {
  评审: '评审', 评定: '评审', 职称评审: '评审', 评审通过: '评审', 网报评审: '评审', 申报评审: '评审', 转评: '评审', 转系列评审: '评审', 考评结合: '评审',
  初定: '初定', 职称初定: '初定', 考核确定: '初定', 职称考核确定: '初定',
  确认: '确认', 来渝确认: '确认', 职称确认: '确认', 资格确认: '确认',
  考试: '考试', 以考代评: '考试', 资格考试: '考试', 考试取得: '考试', 全国统考: '考试',
  认定: '认定', 职称认定: '认定', 资格认定: '认定', 直接认定: '认定',
};

/**
 * The method a cell means: empty means 评审 (contract); null when the text is not recognisable.
 */
export const canonicalMethod = memoText((text: string): Method | null => {
  const key = text.normalize('NFKC').replace(/\s+/g, '');
  if (!key) return '评审';
  return Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key]! : null; // own keys only (a cell reading "toString" is no method)
});
