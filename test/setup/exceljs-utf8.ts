/**
 * Loaded before every test file (vitest setupFiles): exceljs's XML parser is replaced before any test or
 * helper imports exceljs. The unit project shares one module registry per worker, so a test file that imported
 * exceljs first would otherwise leave it unpatched for every later file of that worker (Chinese characters cut at
 * chunk boundaries, at random).
 */
import '../../src/read/exceljs-utf8.js';
