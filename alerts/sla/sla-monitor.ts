import type { Database } from '../../platform/db/database.ts';
import type { Severity } from '../alarm-decision.ts';
import { toAlarm, type AlarmChange, type AlarmRow, type AlarmStore } from '../alarm-store.ts';
import { deadlines, dueBreaches, escalationTarget, resolvePolicy, supervisingRegions, type Bureau, type SlaPolicy } from './sla-policy.ts';

export interface SlaDefaults {
  ackMinutes: number;
  disposeMinutes: number;
}

/**
 * Finds alarms whose acknowledge or dispose deadline has passed, records the breach and escalates a still-pending
 * one to the next supervising bureau. Time comes from the injected clock, so tests never sleep.
 */
export class SlaMonitor {
  constructor(
    private readonly db: Database,
    private readonly store: AlarmStore,
    private readonly defaults: SlaDefaults,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async policies(): Promise<SlaPolicy[]> {
    return (
      await this.db.query<{ severity: Severity | null; region_code: string | null; ack_minutes: number; dispose_minutes: number }>(
        'select severity, region_code, ack_minutes, dispose_minutes from alarm_sla_policies',
      )
    ).map((r) => ({ severity: r.severity, regionCode: r.region_code, ackMinutes: r.ack_minutes, disposeMinutes: r.dispose_minutes }));
  }

  /** One pass; returns the changes made (each an 'updated' with step 'escalated' or 'breached') for the caller to publish. */
  async check(): Promise<AlarmChange[]> {
    const now = this.clock();
    const policies = await this.policies();
    const fallback: SlaPolicy = { severity: null, regionCode: null, ...this.defaults };
    // A step done more than a day ago can no longer turn into a breach, so finished steps drop out of the scan.
    const rows = await this.db.query<AlarmRow>(
      `select * from alarms where closed_at is null and first_at <= $1
          and ((ack_breached_at is null and (acknowledged_at is null or acknowledged_at >= $2))
            or (dispose_breached_at is null and (disposed_at is null or disposed_at >= $2)))
        order by first_at`,
      [now, new Date(now.getTime() - 86_400_000)],
    );
    const changes: AlarmChange[] = [];
    for (const row of rows) {
      const a = toAlarm(row);
      const due = deadlines(row.first_at, resolvePolicy(policies, a.severity, a.regionCode, fallback));
      const breaches = dueBreaches(
        { acknowledgedAt: row.acknowledged_at, disposedAt: row.disposed_at, ackBreachedAt: row.ack_breached_at, disposeBreachedAt: row.dispose_breached_at },
        due,
        now,
      );
      let escalatedTo = a.escalatedTo;
      for (const b of breaches) {
        const target = b.escalate && a.regionCode ? escalationTarget(await this.bureaus(a.regionCode), escalatedTo) : null;
        const change = await this.store.recordBreach(a.id, { kind: b.kind, at: now, escalateTo: target && { id: target.id, name: target.name } });
        if (!change) continue;
        escalatedTo = change.alarm.escalatedTo;
        changes.push(change);
      }
    }
    return changes;
  }

  private async bureaus(regionCode: string): Promise<Bureau[]> {
    const codes = supervisingRegions(regionCode);
    const rows = await this.db.query<{ id: number; name: string; region_code: string }>(
      `select id, name, region_code from organizations where kind in ('county', 'city', 'province') and region_code in (${codes.map((_, i) => `$${i + 1}`).join(', ')}) order by id`,
      codes,
    );
    return codes.flatMap((c) => rows.filter((r) => r.region_code === c).slice(0, 1).map((r) => ({ id: r.id, name: r.name, regionCode: r.region_code })));
  }
}
