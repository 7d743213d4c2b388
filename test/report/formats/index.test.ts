/** The format map: the one list behind --format's choices, its help and the reporters. */
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, FORMATS, formatHelp, loadReporter } from '../../../src/report/formats/index.js';
import { mixedFindings, result } from '../fixtures.js';

describe('FORMATS', () => {
  it('holds pretty, json, github, junit, csv and tsv, pretty first', () => {
    expect(FORMAT_NAMES).toEqual(['pretty', 'json', 'github', 'junit', 'csv', 'tsv']);
  });

  it('describes every format in both languages in the help text', () => {
    for (const lang of ['zh', 'en'] as const) {
      const help = formatHelp(lang);
      for (const name of FORMAT_NAMES) expect(help).toMatch(new RegExp(`\\n  ${name} +${FORMATS[name].description[lang].replace(/[()（）]/g, '.')}\\n`));
    }
  });

  it.each(FORMAT_NAMES)('%s: loads a reporter that gives text ending in a newline', async (name) => {
    const reporter = await loadReporter(name);
    const text = [...reporter(result(mixedFindings()), { lang: 'zh', showPii: false, color: false })].join('');
    expect(text.length).toBeGreaterThan(100);
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\x1b\[/);
  });
});
