/**
 * The XML scanner that reads the sheet XML and the shared strings gives the events saxes (exceljs's parser) gives,
 * on every part of every workbook in the fixtures, however the chunks cut the text; refuses what saxes refuses;
 * and the shared-string table reads each string from its <t> elements only.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SaxesParser } from '../../src/read/exceljs-utf8.js';
import { SharedStringsParser } from '../../src/read/shared-strings.js';
import { XmlScanner, type XmlTag } from '../../src/read/xml-scan.js';
import { zipPartsOrNull } from '../report/package-helpers.js';
import { FIXTURES, fixtureWorkbooks } from '../helpers/paths.js';

type Ev = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

/** Events with adjacent texts joined (saxes and the scanner may cut a text differently around comments). */
function push(out: Ev[], e: Ev): void {
  const last = out[out.length - 1];
  if (e[0] === 'text' && last?.[0] === 'text') last[1] += e[1];
  else out.push(e);
}

function bySaxes(xml: string): Ev[] | Error {
  const out: Ev[] = [];
  const p = new SaxesParser({ position: false });
  let error: Error | null = null;
  p.on('error', (e) => (error ??= e));
  p.on('opentag', (t) => push(out, ['open', t.name, { ...t.attributes }]));
  p.on('text', (t) => push(out, ['text', t]));
  p.on('closetag', (t) => push(out, ['close', t.name]));
  p.write(xml);
  p.close();
  return error ?? out;
}

/** The scanner's events, the text given in pieces of `size` characters (or at the given cuts). */
function byScanner(xml: string, size: number | number[]): Ev[] | Error {
  const out: Ev[] = [];
  const s = new XmlScanner({
    open: (t: XmlTag) => push(out, ['open', t.name, { ...t.attributes }]),
    text: (t: string) => push(out, ['text', t]),
    close: (t: XmlTag) => push(out, ['close', t.name]),
  });
  try {
    const cuts = typeof size === 'number' ? Array.from({ length: Math.ceil(xml.length / size) }, (_, i) => (i + 1) * size) : [...size, xml.length];
    let from = 0;
    for (const cut of cuts) {
      s.write(xml.slice(from, cut));
      from = cut;
    }
    s.close();
  } catch (e) {
    return e as Error;
  }
  return out;
}

const workbooks = fixtureWorkbooks((n) => n.endsWith('.xlsx') && !n.includes('hostile'));

describe('the same events as saxes on every workbook of the fixtures', () => {
  it('has workbooks to read', () => {
    expect(workbooks.length).toBeGreaterThan(20);
  });

  it.each(workbooks)('%s', async (name) => {
    const parts = await zipPartsOrNull(join(FIXTURES, name));
    if (!parts) return; // not a whole zip (a hostile fixture): nothing to compare
    let compared = 0;
    for (const [part, { data }] of parts) {
      if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(part)) continue;
      const xml = data.toString('utf8');
      const expected = bySaxes(xml);
      for (const size of [xml.length + 1, 16_384, 997, 7]) {
        const got = byScanner(xml, size);
        if (expected instanceof Error) expect(got, `${part} in pieces of ${size}`).toBeInstanceOf(Error);
        else expect(got, `${part} in pieces of ${size}`).toEqual(expected);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });
});

describe('what XML says, as saxes reads it', () => {
  const DOC = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- a comment with <tags> -->'
    + '<x:worksheet xmlns:x="urn:x"><x:row r="1" spans="1:3"><x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">a &amp; b &lt;c&gt; &#x4E2D;&#25991; &quot;q&quot; &apos;</x:t></x:is></x:c>'
    + '<x:c r="B1" s="3"/><x:c r=\'C1\' t = "str" ><x:f>A1&amp;"&#10;"</x:f><x:v>line1\r\nline2\rline3</x:v></x:c></x:row>'
    + '<x:row r="2"><![CDATA[ignored <b> text]]><x:c r="A2" note="tab\there&#9;and&#10;nl\r\nend"><x:v>1</x:v></x:c></x:row>'
    + '<?pi inside?></x:worksheet>\n';

  it('entities, character references, line ends, attribute whitespace, comments, CDATA, prefixes, self-closing tags', () => {
    const expected = bySaxes(DOC);
    expect(expected).not.toBeInstanceOf(Error);
    expect(byScanner(DOC, DOC.length + 1)).toEqual(expected);
    // What it says, spelled out.
    const events = byScanner(DOC, 5) as Ev[];
    expect(events).toContainEqual(['text', 'a & b <c> 中文 "q" \'']);
    expect(events).toContainEqual(['text', 'line1\nline2\nline3']);
    expect(events).toContainEqual(['text', 'A1&"\n"']);
    expect(events).toContainEqual(['open', 'x:c', { r: 'A2', note: 'tab here\tand\nnl end' }]);
    expect(events).toContainEqual(['open', 'x:c', { r: 'C1', t: 'str' }]);
    expect(events.filter((e) => e[0] === 'close' && e[1] === 'x:c')).toHaveLength(4);
  });

  it('gives the same events wherever one cut falls, and wherever two fall', () => {
    const expected = bySaxes(DOC);
    for (let i = 1; i < DOC.length; i++) expect(byScanner(DOC, [i]), `cut at ${i}`).toEqual(expected);
    for (let i = 1; i < DOC.length; i += 7) for (let j = i + 1; j < DOC.length; j += 5) expect(byScanner(DOC, [i, j]), `cuts at ${i}, ${j}`).toEqual(expected);
  });

  it.each([
    ['a close tag that is not the open one', '<a><b></a></b>'],
    ['an element left open', '<a><b>text</b>'],
    ['a tag cut off at the end', '<a><b r="1"'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['an entity without its semicolon', '<a>a &amp b</a>'],
    ['a reference to a character XML cannot hold', '<a>&#0;</a>'],
    ['a < inside an attribute value', '<a b="x<y"/>'],
    ['an unquoted attribute value', '<a b=1/>'],
    ['an attribute without a value', '<a b/>'],
    ['text outside the root', '<a/>text'],
    ['a second root', '<a/><b/>'],
    ['a comment left open', '<a><!-- open</a>'],
    ['no root at all', '   '],
  ])('refuses %s, as saxes does', (_name, xml) => {
    expect(bySaxes(xml)).toBeInstanceOf(Error);
    for (const size of [xml.length + 1, 3, 1]) expect(byScanner(xml, size)).toBeInstanceOf(Error);
  });

  it('a long comment, text or CDATA section cut into many chunks reads right', () => {
    const filler = 'x>'.repeat(2_000_000);
    const xml = `<a><!--${filler}--><b>${'中<'.replace('<', '&lt;').repeat(500_000)}</b><![CDATA[${filler}]]></a>`;
    const events = byScanner(xml, 16_384) as Ev[];
    expect(events).toEqual([['open', 'a', {}], ['open', 'b', {}], ['text', '中<'.repeat(500_000)], ['close', 'b'], ['close', 'a']]);
  });

  it('refuses a tag of more than 4 MB instead of scanning it again with every chunk', () => {
    const xml = `<a b="${'y'.repeat(5 * 1024 * 1024)}"/>`;
    expect(byScanner(xml, 16_384)).toBeInstanceOf(Error);
  });
});

describe('the shared strings: the text of <t> elements, nothing else', () => {
  function read(xml: string): unknown[] {
    const p = new SharedStringsParser();
    const s = new XmlScanner(p);
    s.write(xml);
    s.close();
    return p.strings;
  }

  it('plain strings, empty ones (no text: the cell is empty), missing ones, and the format\'s escapes', () => {
    const xml = '<sst xmlns="urn:s"><si><t>张三</t></si><si><t/></si><si></si><si><t xml:space="preserve">a_x000D_\nb _x005F_x000D_</t></si></sst>';
    expect(read(xml)).toEqual(['张三', null, null, 'a\r\nb _x000D_']);
  });

  it('a phonetic reading (<rPh>) is not the string (exceljs 4.4 gave the reading instead)', () => {
    const xml = '<sst><si><t>王芳</t><rPh sb="0" eb="2"><t>wangfang</t></rPh><phoneticPr fontId="1"/></si></sst>';
    expect(read(xml)).toEqual(['王芳']);
  });

  it('the whitespace of an indented part is not part of the string', () => {
    const xml = '<sst>\n  <si>\n    <t>职称</t>\n  </si>\n</sst>';
    expect(read(xml)).toEqual(['职称']);
  });

  it('runs of rich text, with their fonts', () => {
    const xml = '<sst><si><r><t>重庆市</t></r><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/></rPr><t xml:space="preserve"> 铜梁区</t></r></si></sst>';
    expect(read(xml)).toEqual([{ richText: [{ font: null, text: '重庆市' }, { font: { bold: true, size: 11, color: { argb: 'FFFF0000' }, name: '宋体' }, text: ' 铜梁区' }] }]);
  });
});
