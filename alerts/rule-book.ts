import { regionPrefix } from '../platform/auth/scope.ts';
import type { Severity } from './alarm-decision.ts';
import { defaultParams, defaultSeverity, onWithoutRule, type RuleKind, type RuleParams } from './rules/rule-params.ts';
import { inTimeWindows, type TimeWindow } from './rules/time-window.ts';

/** One version of a stored rule. */
export interface AlarmRule {
  id: number;
  version: number;
  kind: RuleKind;
  name: string;
  regionCode: string | null;
  enterpriseId: number | null;
  source: { kind: 'sensor' | 'vehicle'; id: number } | null;
  params: Record<string, unknown>;
  severity: Severity;
  schedule: TimeWindow[];
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface RuleSubject {
  sourceKind: 'sensor' | 'vehicle';
  sourceId: number;
  enterpriseId: number;
  regionCode: string;
}

export interface EffectiveRule<K extends RuleKind> {
  ruleId: number | null;
  params: RuleParams<K>;
  severity: Severity;
  schedule: TimeWindow[];
}

/** How closely a rule targets a subject: a source beats an enterprise beats a deeper region beats nationwide; -1 = not at all. */
function specificity(r: AlarmRule, s: RuleSubject): number {
  if (r.source) return r.source.kind === s.sourceKind && r.source.id === s.sourceId ? 100 : -1;
  if (r.enterpriseId !== null) return r.enterpriseId === s.enterpriseId ? 50 : -1;
  if (r.regionCode === null) return 0;
  const prefix = regionPrefix(r.regionCode);
  return s.regionCode.startsWith(prefix) ? 1 + prefix.length : -1;
}

/** The latest enabled version of every rule, answering which one governs a subject (built-in defaults when none). */
export class RuleBook {
  private readonly byKind = new Map<RuleKind, AlarmRule[]>();

  constructor(rules: readonly AlarmRule[]) {
    for (const r of rules) {
      if (!r.enabled) continue;
      this.byKind.set(r.kind, [...(this.byKind.get(r.kind) ?? []), r]);
    }
  }

  resolve<K extends RuleKind>(kind: K, subject: RuleSubject): EffectiveRule<K> | null {
    let best: AlarmRule | null = null;
    let bestScore = -1;
    for (const r of this.byKind.get(kind) ?? []) {
      const score = specificity(r, subject);
      if (score > bestScore || (score === bestScore && best !== null && r.id > best.id)) [best, bestScore] = [r, score];
    }
    if (best) return { ruleId: best.id, params: best.params as RuleParams<K>, severity: best.severity, schedule: best.schedule };
    if (!onWithoutRule[kind]) return null;
    return { ruleId: null, params: defaultParams(kind), severity: defaultSeverity[kind], schedule: [] };
  }
}

/** Whether a raise may fire now; clears always pass, so an alarm never outlives its condition. */
export const inSchedule = (rule: EffectiveRule<RuleKind>, at: number) => inTimeWindows(rule.schedule, at);
