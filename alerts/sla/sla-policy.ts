import type { Severity } from '../alarm-decision.ts';

/** Acknowledge and dispose deadlines for a severity in a region; null severity or region means any. */
export interface SlaPolicy {
  severity: Severity | null;
  regionCode: string | null;
  ackMinutes: number;
  disposeMinutes: number;
}

export interface SlaDeadlines {
  ackDue: Date;
  disposeDue: Date;
}

export type Breach = 'ack' | 'dispose';

/** Rank of a region code as a match for `regionCode`: county 3, city 2, province 1, none -1 (no match). */
function regionRank(policyRegion: string | null, regionCode: string | null): number {
  if (policyRegion === null) return 0;
  if (!regionCode) return -1;
  if (policyRegion === regionCode) return policyRegion.endsWith('00') ? (policyRegion.endsWith('0000') ? 1 : 2) : 3;
  if (policyRegion.endsWith('0000')) return policyRegion.slice(0, 2) === regionCode.slice(0, 2) ? 1 : -1;
  if (policyRegion.endsWith('00')) return policyRegion.slice(0, 4) === regionCode.slice(0, 4) ? 2 : -1;
  return -1;
}

/** The most specific policy: the region decides first (county over city over province over any), then severity. */
export function resolvePolicy(policies: readonly SlaPolicy[], severity: Severity, regionCode: string | null, fallback: SlaPolicy): SlaPolicy {
  let best: SlaPolicy = fallback;
  let bestRank = -1;
  for (const p of policies) {
    if (p.severity !== null && p.severity !== severity) continue;
    const region = regionRank(p.regionCode, regionCode);
    if (region < 0) continue;
    const rank = region * 2 + (p.severity === null ? 0 : 1);
    if (rank > bestRank) [best, bestRank] = [p, rank];
  }
  return best;
}

export function deadlines(firstAt: Date, policy: SlaPolicy): SlaDeadlines {
  return {
    ackDue: new Date(firstAt.getTime() + policy.ackMinutes * 60_000),
    disposeDue: new Date(firstAt.getTime() + policy.disposeMinutes * 60_000),
  };
}

export interface DueBreach {
  kind: Breach;
  /** A step still pending escalates; one done late (between two checks) is recorded as a breach only. */
  escalate: boolean;
}

/** The breaches to record now: a deadline passed and its step not done by then, and not recorded before. */
export function dueBreaches(
  alarm: { acknowledgedAt: Date | null; disposedAt: Date | null; ackBreachedAt: Date | null; disposeBreachedAt: Date | null },
  due: SlaDeadlines,
  now: Date,
): DueBreach[] {
  const check = (kind: Breach, doneAt: Date | null, recorded: Date | null, dueAt: Date): DueBreach[] =>
    !recorded && now >= dueAt && (doneAt === null || doneAt > dueAt) ? [{ kind, escalate: doneAt === null }] : [];
  return [...check('ack', alarm.acknowledgedAt, alarm.ackBreachedAt, due.ackDue), ...check('dispose', alarm.disposedAt, alarm.disposeBreachedAt, due.disposeDue)];
}

export interface Bureau {
  id: number;
  name: string;
  regionCode: string;
}

/**
 * The supervising chain of an alarm's region, nearest first: county bureau, city, province. The first breach goes to
 * the nearest bureau, each later breach one level further up; past the top it stays with the top.
 */
export function escalationTarget(chain: readonly Bureau[], escalatedTo: number | null): Bureau | null {
  if (chain.length === 0) return null;
  if (escalatedTo === null) return chain[0];
  const i = chain.findIndex((b) => b.id === escalatedTo);
  return chain[Math.min(i + 1, chain.length - 1)];
}

/** GB/T 2260 codes of the bureaus above a region, nearest first (county, city, province; duplicates removed). */
export function supervisingRegions(regionCode: string): string[] {
  return [...new Set([regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`])];
}
