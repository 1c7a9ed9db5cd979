// The rule form's model: built from a rule kind's declared parameters (GET /api/alarm-rules/kinds), never by kind name.
import type { paths } from '../../shared/api/schema';

export type RuleKindSpec = paths['/api/alarm-rules/kinds']['get']['responses'][200]['content']['application/json']['items'][number];
export type ScheduleModel = paths['/api/alarm-rules/kinds']['get']['responses'][200]['content']['application/json']['schedule'];
export type RuleBody = paths['/api/alarm-rules']['post']['requestBody']['content']['application/json'];

export interface TimeWindow {
  days: number[];
  from: string;
  to: string;
}

export interface RuleDraft {
  kind: RuleKindSpec['kind'];
  name: string;
  severity: RuleBody['severity'];
  regionCode: string | null;
  enterpriseId: number | null;
  params: Record<string, number | number[] | null>;
  schedule: TimeWindow[];
  enabled: boolean;
}

/** A new rule of a kind: every parameter at its declared default. */
export function newDraft(spec: RuleKindSpec): RuleDraft {
  return {
    kind: spec.kind,
    name: '',
    severity: spec.defaultSeverity,
    regionCode: null,
    enterpriseId: null,
    params: Object.fromEntries(spec.params.map((p) => [p.name, p.default])),
    schedule: [],
    enabled: true,
  };
}

/** The draft of an existing rule: its stored parameters over the kind's defaults. */
export function draftOf(spec: RuleKindSpec, rule: { name: string; severity: RuleBody['severity']; regionCode: string | null; enterpriseId: number | null; params: Record<string, unknown>; schedule: TimeWindow[]; enabled: boolean }): RuleDraft {
  const base = newDraft(spec);
  return { ...base, name: rule.name, severity: rule.severity, regionCode: rule.regionCode, enterpriseId: rule.enterpriseId, schedule: rule.schedule.map((w) => ({ ...w, days: [...w.days] })), enabled: rule.enabled, params: { ...base.params, ...(rule.params as RuleDraft['params']) } };
}

/** The request body; parameters left empty are sent as null only where the kind allows it, else omitted (default). */
export function ruleBody(spec: RuleKindSpec, draft: RuleDraft): RuleBody {
  const params: Record<string, unknown> = {};
  for (const p of spec.params) {
    const v = draft.params[p.name];
    if (v === null || v === undefined) {
      if (p.nullable) params[p.name] = null;
    } else params[p.name] = v;
  }
  return { kind: draft.kind, name: draft.name.trim(), severity: draft.severity, regionCode: draft.regionCode, enterpriseId: draft.enterpriseId, params, schedule: draft.schedule, enabled: draft.enabled } as RuleBody;
}

/** 周一至周五 08:00–18:00 */
export function windowText(w: TimeWindow, model: ScheduleModel): string {
  const days = model.days.filter((d) => w.days.includes(d.value)).map((d) => d.label);
  return `${days.length === model.days.length ? '每天' : days.join('、')} ${w.from}–${w.to}`;
}
