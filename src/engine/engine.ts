/** Runs the registered rules over records: resolves severity and location, and guards against rules that throw. */
import type { CertRecord } from '../model/record.js';
import type {
  FileReport, Finding, Rule, RuleContext, RuleReport, SetRuleState, Severity, SeveritySetting,
} from './types.js';

export interface EngineOptions {
  /** Severity per rule id from the config; 'off' disables the rule. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

interface Active {
  rule: Rule;
  override: Severity | undefined;
  state: SetRuleState | null;
}

export class Engine {
  private readonly active: Active[];

  constructor(rules: readonly Rule[], private readonly ctx: RuleContext, options: EngineOptions = {}) {
    this.active = [];
    for (const rule of rules) {
      const setting = options.severities?.[rule.id];
      if (setting === 'off') continue;
      this.active.push({ rule, override: setting, state: null });
    }
    for (const a of this.active) {
      const rule = a.rule;
      if (rule.kind === 'set') a.state = this.guard(a, null, () => rule.start(ctx), null);
    }
  }

  /**
   * Every finding of one record, in rule order. The hot path of a run (every rule on every row): no closure or
   * array per rule; a rule that throws (or reports an unknown message) adds none of its findings, as `guard` would.
   */
  check(record: CertRecord): Finding[] {
    const out: Finding[] = [];
    const active = this.active;
    for (let i = 0; i < active.length; i++) {
      const a = active[i]!;
      const rule = a.rule;
      const before = out.length;
      try {
        const reports = rule.kind === 'row' ? rule.check(record, this.ctx) : a.state?.check(record);
        if (reports) for (let k = 0; k < reports.length; k++) out.push(this.locate(a, reports[k]!, record));
      } catch (err) {
        out.length = before;
        this.crash(a, record, err);
      }
    }
    if (this.crashes.length) for (const c of this.takeCrashes()) out.push(c);
    return out;
  }

  /**
   * The certain corrections of one record (row rules only, so cross-row state is untouched): the findings
   * that carry a `fix` for a cell the sheet has.
   */
  fixes(record: CertRecord): Finding[] {
    const out: Finding[] = [];
    for (const a of this.active) {
      const rule = a.rule;
      if (rule.kind !== 'row') continue;
      const found = this.guard(a, record, () => rule.check(record, this.ctx).filter((r) => r.fix !== undefined && r.field && record.cells[r.field]).map((r) => this.locate(a, r, record)), []);
      out.push(...found);
    }
    this.takeCrashes();
    return out;
  }

  /**
   * Every finding of the row rules on one record (set rules are left out, so cross-row state is untouched):
   * what `--fix` weighs before and after it changes a row.
   */
  rowFindings(record: CertRecord): Finding[] {
    const out: Finding[] = [];
    for (const a of this.active) {
      const rule = a.rule;
      if (rule.kind !== 'row') continue;
      const found = this.guard(a, record, () => rule.check(record, this.ctx).map((r) => this.locate(a, r, record)), []);
      for (const f of found) out.push(f);
    }
    for (const c of this.takeCrashes()) out.push(c);
    return out;
  }

  /** Problems the set rules find once every row was seen. */
  finish(): Finding[] {
    const out: Finding[] = [];
    for (const a of this.active) {
      if (!a.state?.finish) continue;
      const state = a.state;
      const findings = this.guard(a, null, () => state.finish!().map((r) => this.fileFinding(a, r)), []);
      for (const f of findings) out.push(f);
    }
    for (const c of this.takeCrashes()) out.push(c);
    return out;
  }

  private crashes: Finding[] = [];

  private guard<T>(a: Active, record: CertRecord | null, fn: () => T, fallback: T): T {
    try {
      return fn();
    } catch (err) {
      this.crash(a, record, err);
      return fallback;
    }
  }

  /** A rule threw: its `crashed` finding, handed out with the next findings. */
  private crash(a: Active, record: CertRecord | null, err: unknown): void {
    const error = err instanceof Error ? err.message : String(err);
    this.crashes.push({
      rule: a.rule.id, messageId: 'crashed', severity: 'error',
      file: record?.file ?? '', sheet: record?.sheet ?? null, row: record?.row ?? null,
      column: null, field: null, header: null, value: null, data: { error: error.slice(0, 200) }, suggestion: null, fix: null,
    });
  }

  /** Crash findings collected since the last call. */
  private takeCrashes(): Finding[] {
    const c = this.crashes;
    this.crashes = [];
    return c;
  }

  private severity(a: Active, r: RuleReport): Severity {
    const def = a.rule.messages[r.messageId];
    if (!def) throw new Error(`rule ${a.rule.id} reported unknown messageId "${r.messageId}"`);
    return a.override ?? def.severity ?? a.rule.severity;
  }

  private locate(a: Active, r: RuleReport, record: CertRecord): Finding {
    const cell = r.field ? record.cells[r.field] : undefined;
    return {
      rule: a.rule.id,
      messageId: r.messageId,
      severity: this.severity(a, r),
      file: record.file,
      sheet: record.sheet,
      row: record.row,
      column: cell?.column ?? null,
      field: r.field,
      header: cell?.header ?? null,
      value: cell ? cell.text : null,
      data: r.data ?? {},
      suggestion: r.suggestion ?? null,
      fix: r.fix ?? null,
      ...(r.from?.length ? { from: r.from } : {}),
      ...(r.related?.length ? { related: r.related } : {}),
    };
  }

  private fileFinding(a: Active, r: FileReport): Finding {
    return {
      rule: a.rule.id, messageId: r.messageId, severity: this.severity(a, r),
      file: r.file, sheet: r.sheet ?? null, row: r.row ?? null, column: null, field: r.field,
      header: null, value: null, data: r.data ?? {}, suggestion: r.suggestion ?? null, fix: r.fix ?? null,
    };
  }
}
