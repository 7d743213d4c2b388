/** The colour check of decoded pixels, shared by sharp's path (inspect.ts), the PNG reader and --fix-photos. */
import { GREY_THUMBNAIL_PX, GREY_TOLERANCE } from './limits.js';

/**
 * True when every pixel's channels differ by at most GREY_TOLERANCE. Large buffers are sampled: about
 * GREY_THUMBNAIL_PX² pixels spread evenly over the picture, as many as a thumbnail has.
 */
export function isGreyPixels(data: Uint8Array, channels: number): boolean {
  if (channels < 3) return true;
  const pixels = Math.floor(data.length / channels);
  const step = Math.max(1, Math.floor(pixels / (GREY_THUMBNAIL_PX * GREY_THUMBNAIL_PX))) * channels;
  for (let i = 0; i + 2 < data.length; i += step) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    if (Math.abs(r - g) > GREY_TOLERANCE || Math.abs(g - b) > GREY_TOLERANCE || Math.abs(r - b) > GREY_TOLERANCE) return false;
  }
  return true;
}
