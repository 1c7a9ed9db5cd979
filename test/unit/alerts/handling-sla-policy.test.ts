import { describe, expect, it } from 'vitest';
import { deadlines, dueBreaches, escalationTarget, resolvePolicy, supervisingRegions, type SlaPolicy } from '../../../alerts/sla/sla-policy.ts';

const fallback: SlaPolicy = { severity: null, regionCode: null, ackMinutes: 5, disposeMinutes: 120 };
const t0 = new Date('2026-11-23T00:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('SLA policy resolution', () => {
  const policies: SlaPolicy[] = [
    { severity: 'critical', regionCode: null, ackMinutes: 2, disposeMinutes: 60 },
    { severity: null, regionCode: '210000', ackMinutes: 10, disposeMinutes: 240 },
    { severity: 'critical', regionCode: '211300', ackMinutes: 3, disposeMinutes: 90 },
    { severity: null, regionCode: '211321', ackMinutes: 4, disposeMinutes: 100 },
  ];

  it('falls back to the configured defaults when nothing applies', () => {
    expect(resolvePolicy(policies, 'major', '320116', fallback)).toBe(fallback);
    expect(resolvePolicy([], 'critical', '211321', fallback)).toBe(fallback);
  });

  it('prefers the nearest region, then the exact severity', () => {
    expect(resolvePolicy(policies, 'critical', '320116', fallback)).toBe(policies[0]);
    expect(resolvePolicy(policies, 'major', '210100', fallback)).toBe(policies[1]);
    expect(resolvePolicy(policies, 'critical', '211302', fallback)).toBe(policies[2]);
    expect(resolvePolicy(policies, 'major', '211302', fallback)).toBe(policies[1]);
    expect(resolvePolicy(policies, 'critical', '211321', fallback)).toBe(policies[3]);
  });

  it('does not match a sibling region or an alarm without a region', () => {
    expect(resolvePolicy(policies, 'major', '211322', fallback)).toBe(policies[1]);
    expect(resolvePolicy(policies, 'major', null, fallback)).toBe(fallback);
  });
});

describe('SLA breaches', () => {
  const due = deadlines(t0, fallback);
  const pending = { acknowledgedAt: null, disposedAt: null, ackBreachedAt: null, disposeBreachedAt: null };

  it('computes deadlines from the first occurrence', () => {
    expect(due).toEqual({ ackDue: at(5), disposeDue: at(120) });
  });

  it('is no breach before the deadline or when the step was done in time', () => {
    expect(dueBreaches(pending, due, at(4.9))).toEqual([]);
    expect(dueBreaches({ ...pending, acknowledgedAt: at(5) }, due, at(60))).toEqual([]);
  });

  it('escalates a pending step at the deadline, and records a late step without escalating', () => {
    expect(dueBreaches(pending, due, at(5))).toEqual([{ kind: 'ack', escalate: true }]);
    expect(dueBreaches({ ...pending, acknowledgedAt: at(6) }, due, at(7))).toEqual([{ kind: 'ack', escalate: false }]);
    expect(dueBreaches({ ...pending, acknowledgedAt: at(1) }, due, at(120))).toEqual([{ kind: 'dispose', escalate: true }]);
  });

  it('records each breach once', () => {
    expect(dueBreaches({ ...pending, ackBreachedAt: at(5) }, due, at(6))).toEqual([]);
    expect(dueBreaches({ ...pending, ackBreachedAt: at(5) }, due, at(121))).toEqual([{ kind: 'dispose', escalate: true }]);
  });
});

describe('escalation', () => {
  const chain = [
    { id: 3, name: '朝阳县应急管理局', regionCode: '211321' },
    { id: 2, name: '朝阳市应急管理局', regionCode: '211300' },
    { id: 1, name: '辽宁省应急管理厅', regionCode: '210000' },
  ];

  it('goes to the supervising bureau first, then one level up per breach, and stays at the top', () => {
    expect(escalationTarget(chain, null)).toBe(chain[0]);
    expect(escalationTarget(chain, 3)).toBe(chain[1]);
    expect(escalationTarget(chain, 2)).toBe(chain[2]);
    expect(escalationTarget(chain, 1)).toBe(chain[2]);
    expect(escalationTarget([], null)).toBeNull();
  });

  it('names the bureau regions above a county, a city and a province', () => {
    expect(supervisingRegions('211321')).toEqual(['211321', '211300', '210000']);
    expect(supervisingRegions('211300')).toEqual(['211300', '210000']);
    expect(supervisingRegions('210000')).toEqual(['210000']);
  });
});
