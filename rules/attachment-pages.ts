/**
 * For a title obtained (取得时间) in 2021 or before, the attachment is the full certificate scan: cover,
 * photo page and basic-information page (guide 三（三）). Heuristic: such a PDF has at least SCAN_MIN_PAGES = 3
 * pages; fewer → warning only, since one page may hold a scan of the whole opened certificate.
 */
import { foundFile, SCAN_LAST_YEAR, SCAN_MIN_PAGES } from './utils/assets.js';
import { rowRule } from '../src/engine/define.js';

export default rowRule({
  id: 'attachment-pages',
  description: { zh: '2021 年及以前的证书扫描件含封面、照片页、基本信息页', en: 'A certificate scan (2021 or before) has the cover, photo and information pages' },
  guide: '三（三）',
  severity: 'warning',
  fields: ['attachment'],
  messages: {
    'few-pages': {
      zh: '取得时间为 {year} 年，证书附件应是完整的职称证书扫描件（封面、照片页、基本信息页，通常至少 {min} 页），但 {file} 只有 {pages} 页；若一页已含全部内容（如整本展开扫描）可忽略',
      en: 'obtained in {year}, so the attachment should be the full certificate scan (cover, photo page, information page: usually at least {min} pages), but {file} has {pages}; ignore this if one page shows them all',
    },
  },
  check(record, ctx) {
    const obtained = record.obtainDate;
    if (!obtained || obtained.y > SCAN_LAST_YEAR) return [];
    const file = foundFile(record, ctx, 'attachment');
    const pdf = file?.pdf;
    if (!file || file.type !== 'pdf' || pdf?.status !== 'ok' || pdf.pages === undefined || pdf.pages >= SCAN_MIN_PAGES) return [];
    return [{ messageId: 'few-pages', field: 'attachment', data: { year: obtained.y, min: SCAN_MIN_PAGES, file: file.display, pages: pdf.pages } }];
  },
});
