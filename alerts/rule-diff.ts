import type { AlarmRule } from './rule-book.ts';
import { ruleKindSpecs } from './rules/rule-kinds.ts';

export interface RuleFieldChange {
  /** `name`, `severity`, `params.limitKmh`, `schedule`, … */
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

const envelopeLabels: Record<string, string> = {
  name: '规则名称',
  regionCode: '适用区划',
  enterpriseId: '适用企业',
  source: '适用对象',
  severity: '严重程度',
  schedule: '生效时段',
  enabled: '启用',
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field by field, what changed from one version of a rule to another; parameters are compared one by one. */
export function diffRuleVersions(from: AlarmRule, to: AlarmRule): RuleFieldChange[] {
  const changes: RuleFieldChange[] = [];
  for (const field of Object.keys(envelopeLabels) as Array<keyof AlarmRule>) {
    if (!same(from[field], to[field])) changes.push({ field, label: envelopeLabels[field], before: from[field] ?? null, after: to[field] ?? null });
  }
  const spec = ruleKindSpecs.find((k) => k.kind === to.kind);
  const keys = [...new Set([...Object.keys(from.params), ...Object.keys(to.params)])];
  for (const key of keys) {
    const before = from.params[key] ?? null;
    const after = to.params[key] ?? null;
    if (!same(before, after)) changes.push({ field: `params.${key}`, label: spec?.params.find((p) => p.name === key)?.label ?? key, before, after });
  }
  return changes;
}
