/** File names that are safe on Windows, macOS and Linux alike, for the registration sheets (--cards). */

/** Characters Windows refuses in a name, plus every control and invisible format character and lone surrogate. */
const FORBIDDEN = /[<>:"/\\|?*\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;

/** Names Windows reserves for devices, with or without an extension (CON, CON.html, com1.txt…). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

/**
 * At most this many UTF-8 bytes per name: ext4 and most Linux file systems allow 255 bytes, Windows 255
 * UTF-16 units; a name of at most 120 bytes (40 Chinese characters) leaves room for deep folders too.
 */
export const MAX_NAME_BYTES = 120;

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Cuts text to at most `bytes` UTF-8 bytes, never inside a character (surrogate pairs stay whole). */
function cutBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    const n = utf8Length(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}

/**
 * One part of a file name: forbidden and invisible characters become "_", runs of white space one space,
 * and leading/trailing spaces and dots go (Windows drops trailing ones silently, so two names would collide).
 */
export function namePart(text: string): string {
  return text
    .normalize('NFC')
    .replace(FORBIDDEN, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
}

/**
 * A file name from parts joined by "-" and an extension (with its dot): each part made safe, empty parts
 * dropped, the stem cut to fit MAX_NAME_BYTES (with `suffix`, which is never cut), a reserved device name
 * prefixed with "_", and `fallback` used when nothing is left.
 */
export function safeFileName(parts: readonly string[], ext: string, fallback = 'file', suffix = ''): string {
  let stem = parts.map(namePart).filter(Boolean).join('-');
  stem = cutBytes(stem, MAX_NAME_BYTES - utf8Length(ext) - utf8Length(suffix)).replace(/[\s.]+$/, '');
  if (!stem) stem = namePart(fallback) || 'file';
  stem += suffix;
  if (RESERVED.test(stem) || RESERVED.test(stem.split('.')[0]!)) stem = `_${stem}`;
  return `${stem}${ext}`;
}

/**
 * Hands out names that differ from every name given before, ignoring case (Windows and macOS folders do):
 * a taken name gets "-2", "-3"… before its extension.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name.toLowerCase());
  }

  claim(parts: readonly string[], ext: string, fallback?: string): string {
    let name = safeFileName(parts, ext, fallback);
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = safeFileName(parts, ext, fallback, `-${n}`);
    this.taken.add(name.toLowerCase());
    return name;
  }
}
