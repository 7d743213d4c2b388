/**
 * The city's own values, the same for every district (the guide): the 行政区划 of 高级 titles (三（五）), their
 * 审核机关（单位） (三（十三）) and the office named for 确认 of a 高级 title (三（十四）2（2））. A district's values are
 * its profile's (src/data/district.ts).
 */
export const CITY = {
  region: '重庆市',
  authority: '重庆市人力资源和社会保障局（重庆市职称改革办公室）',
  office: '重庆市职称改革办公室',
  /** The guide's example of a 高级 title's approval number (三（四）2). */
  approvalNoExample: '渝职改办【2019】XX号',
} as const;
