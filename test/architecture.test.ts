/**
 * The house's walls, checked on the sources: no import cycles (type imports and dynamic imports count), signals
 * and process.exit only where a process starts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (name.endsWith('.ts')) out.push(rel);
  }
  return out.sort();
}

const FILES = [...sourceFiles('src'), ...sourceFiles('rules')];
const text = (file: string): string => readFileSync(join(root, file), 'utf8');

/** Every module a file imports (static, type-only, re-exports and `import()`), as specifiers. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(text(file), true, true).importedFiles.map((i) => i.fileName);
}

/** The repository file a relative specifier names (`./x.js` → `dir/x.ts`), or null for a package. */
function target(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(root, resolve(root, dirname(from), spec.replace(/\.js$/, '.ts')));
}

const GRAPH = new Map(FILES.map((f) => [f, specifiers(f).map((s) => target(f, s)).filter((t): t is string => t !== null)]));

/** The import cycles of the graph (strongly connected components of more than one module, or a module importing itself). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || graph.get(v)!.includes(v)) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('imports', () => {
  it('every relative import names a file of the repository', () => {
    const missing = [...GRAPH].flatMap(([f, deps]) => deps.filter((d) => !GRAPH.has(d) && !d.startsWith('node_modules')).map((d) => `${f} → ${d}`));
    expect(missing).toEqual([]);
  });

  it('form no cycle in src/ and rules/', () => {
    expect(cycles(GRAPH)).toEqual([]);
  });

  it('the cycle finder finds cycles (a → b → c → a, d → d)', () => {
    const g = new Map([['a', ['b']], ['b', ['c']], ['c', ['a', 'e']], ['d', ['d']], ['e', []]]);
    expect(cycles(g)).toEqual([['a', 'b', 'c'], ['d']]);
  });
});

describe('layers', () => {
  const rules = FILES.filter((f) => /^rules\/[^/]+\.ts$/.test(f) && f !== 'rules/index.ts');
  const utils = FILES.filter((f) => f.startsWith('rules/utils/'));

  it('a rule imports only rules/utils/, src/engine/define and src/model/', () => {
    const allowed = (t: string | null): boolean => t !== null && (t.startsWith('rules/utils/') || t === 'src/engine/define.ts' || t.startsWith('src/model/'));
    const wrong = rules.flatMap((f) => specifiers(f).filter((s) => !allowed(target(f, s))).map((s) => `${f} → ${s}`));
    expect(rules.length).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });

  it('rules/utils/ serves the rules: no rule, no reader, reporter, application or command line', () => {
    const wrong = utils.flatMap((f) => GRAPH.get(f)!.filter((t) => /^rules\/[^/]+\.ts$/.test(t) || /^src\/(read|report|run|cli)\//.test(t)).map((t) => `${f} → ${t}`));
    expect(utils.length).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
  });

  it('the registry imports the rules and the engine\'s define only', () => {
    expect(GRAPH.get('rules/index.ts')!.filter((t) => !/^rules\/[^/]+\.ts$/.test(t) && t !== 'src/engine/define.ts')).toEqual([]);
  });

  it('src/engine/ holds the rule types, the engine, its messages and define only', () => {
    expect(FILES.filter((f) => f.startsWith('src/engine/'))).toEqual(['src/engine/define.ts', 'src/engine/engine.ts', 'src/engine/messages.ts', 'src/engine/types.ts']);
  });
});

describe('one workbook writer', () => {
  it('every workbook is written by src/report/xlsx/ (its zip and package writers are used nowhere else)', () => {
    const inside = (f: string): boolean => f.startsWith('src/report/xlsx/');
    const wrong = [...GRAPH].flatMap(([f, deps]) => (inside(f) ? [] : deps.filter((d) => d === 'src/report/xlsx/zip.ts' || d === 'src/report/xlsx/atomic.ts').map((d) => `${f} → ${d}`)));
    expect(wrong).toEqual([]);
    expect(FILES.filter((f) => !inside(f) && /new (?:ZipWriter|PackageOut)\b|PackageOut\.(?:blank|fromInput)/.test(text(f)))).toEqual([]);
  });

  it('问题清单, the fix list and the template share the table-sheet helper', () => {
    for (const f of ['src/report/xlsx/annotated.ts', 'src/report/fix-list.ts', 'src/cli/template.ts']) expect(text(f), f).toMatch(/\.addTable\(/);
  });
});

describe('one home for bilingual text', () => {
  it('no module outside src/i18n/ picks its words by a branch on the language', () => {
    const BRANCH = /\blang\s*===\s*['"](?:zh|en)['"]|\bzh\s*\?\s*[`'"]/;
    expect(FILES.filter((f) => !f.startsWith('src/i18n/') && BRANCH.test(text(f)))).toEqual([]);
  });
});

describe('the exceljs gateway', () => {
  const EXCELJS = /['"`]exceljs(?:\/[^'"`]*)?['"`]/;

  it('src/read/exceljs-utf8.ts is the only module of src/ and rules/ that names exceljs (import, require or path)', () => {
    expect(FILES.filter((f) => EXCELJS.test(text(f)))).toEqual(['src/read/exceljs-utf8.ts']);
  });

  it('package.json pins exceljs exactly: the gateway patches its internals', async () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.exceljs).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(readFileSync(join(root, 'node_modules/exceljs/package.json'), 'utf8')) as { version: string };
    expect(installed.version).toBe(pkg.dependencies.exceljs);
  });
});

describe('locality as data', () => {
  /** The shipped district and its 片区 (data/district.json). */
  const NAMES = /铜梁|永川/;

  it('only the profile loader names the shipped district in src/ and rules/; the facts are in data/', () => {
    expect(FILES.filter((f) => NAMES.test(text(f)))).toEqual(['src/data/district.ts']);
    expect(NAMES.test(readFileSync(join(root, 'data/district.json'), 'utf8'))).toBe(true);
  });

  it('src/ uses rules/ through the registry only', () => {
    const wrong = [...GRAPH].flatMap(([f, deps]) => (f.startsWith('src/') ? deps.filter((d) => d.startsWith('rules/') && d !== 'rules/index.ts').map((d) => `${f} → ${d}`) : []));
    expect(wrong).toEqual([]);
  });
});

/**
 * Modules that are the main module of a process of their own (started by src/assets/pdf-thread.ts): like
 * src/cli/ for the main process, they decide when their process ends.
 */
const PROCESS_ENTRIES = ['src/assets/pdf-worker.ts', 'src/read/sheetjs-child.ts'];

describe('process control', () => {
  const SIGNALS = /\bprocess\s*\.\s*(?:on|once|addListener|prependListener)\s*\(\s*['"](?:SIG\w+|exit|beforeExit)['"]/;
  const EXIT = /\bprocess\s*\.\s*(?:exit\s*\(|exitCode\s*=|abort\s*\(|kill\s*\(\s*process\.pid)/;

  it('signal and exit handlers and process.exit are in src/cli/ only (and the entries of child processes)', () => {
    const outside = FILES.filter((f) => !f.startsWith('src/cli/') && !PROCESS_ENTRIES.includes(f) && (SIGNALS.test(text(f)) || EXIT.test(text(f))));
    expect(outside).toEqual([]);
  });

  it('the patterns catch what they are for', () => {
    for (const t of ["process.on('SIGINT', f)", 'process.once("exit", f)', 'process.exit(2)', 'process.exitCode = 1']) expect(SIGNALS.test(t) || EXIT.test(t), t).toBe(true);
    for (const t of ["process.on('message', f)", 'process.exitCodeOf', "stream.on('exit', f)"]) expect(SIGNALS.test(t) || EXIT.test(t), t).toBe(false);
  });

  it('src/cli/ installs the handlers (the guard above is not vacuous)', () => {
    expect(FILES.filter((f) => f.startsWith('src/cli/') && SIGNALS.test(text(f)))).toEqual(['src/cli/signals.ts']);
  });
});
