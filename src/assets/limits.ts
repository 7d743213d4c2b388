/** The limits the guide sets (三（二）、三（三）) and the thresholds of the heuristics, as named constants. */

/** 免冠照 "不能超过200kb": read as 200 × 1024 bytes. Messages state this exact number and the actual size. */
export const PHOTO_MAX_BYTES = 200 * 1024;

/** 证书附件 "不超过10M": read as 10 × 1024 × 1024 bytes. */
export const PDF_MAX_BYTES = 10 * 1024 * 1024;

/** Photos larger than this are not decoded at all (they are far over the limit already). */
export const PHOTO_DECODE_MAX_BYTES = 30 * 1024 * 1024;

/** Leading bytes read to tell a file's type by content. */
export const SNIFF_BYTES = 4096;

/** The colour check looks at a thumbnail at most this many pixels wide and high. */
export const GREY_THUMBNAIL_PX = 64;

/**
 * A 3-channel picture counts as grey when, in every pixel of the thumbnail, the red, green and blue values
 * (0–255) differ pairwise by at most this much (JPEG compression leaves small differences in grey pictures).
 */
export const GREY_TOLERANCE = 8;

/** ID photos are portrait, about 3:4 to 5:7 (358×441, 295×413): width / height outside this range warns. */
export const PHOTO_ASPECT_MIN = 0.6;
export const PHOTO_ASPECT_MAX = 0.9;

/** A certificate scan (取得 in or before this year) has a cover, a photo page and an information page. */
export const SCAN_LAST_YEAR = 2021;
export const SCAN_MIN_PAGES = 3;

/** Files inspected at the same time. */
export const DEFAULT_CONCURRENCY = 8;

/** --fix-photos: pictures of more pixels than this are not decoded (a 8000×6000 camera picture has 48 million). */
export const FIX_MAX_PIXELS = 50_000_000;
/** --fix-photos: pictures are shrunk while they load to at most this many pixels a side (ID photos are ~360×440). */
export const FIX_MAX_SIDE = 2000;
