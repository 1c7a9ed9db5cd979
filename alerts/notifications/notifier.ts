import type { Logger } from 'pino';
import type { Database } from '../../platform/db/database.ts';
import { toAlarm, type AlarmRow } from '../alarm-store.ts';
import type { AlarmNotification, NotificationChannel } from './notification-channel.ts';
import { subscriptionMatches, type Subscription } from './subscription-match.ts';
import { nextAttemptAt, defaultBackoff, type BackoffOptions } from './retry-backoff.ts';
import { notificationText } from './notification-text.ts';

interface SubscriptionRow {
  id: number;
  name: string;
  channel: 'webhook' | 'sms';
  target: string;
  severities: string[];
  actions: string[];
  region_code: string | null;
  enterprise_id: number | null;
  enabled: boolean;
}

export const toSubscription = (r: SubscriptionRow): Subscription => ({
  id: r.id,
  name: r.name,
  channel: r.channel,
  target: r.target,
  severities: r.severities,
  actions: r.actions,
  regionCode: r.region_code,
  enterpriseId: r.enterprise_id,
  enabled: r.enabled,
});

interface OutboxRow {
  id: number;
  channel: string;
  target: string;
  payload: AlarmNotification;
  attempts: number;
}

/**
 * Reads alarm_events after its persisted cursor into a persisted outbox (one row per matching subscription, in the
 * same transaction that moves the cursor), then delivers due rows with retries and backoff. A restart loses nothing:
 * unread events are read again, unsent rows are retried.
 */
export class Notifier {
  constructor(
    private readonly db: Database,
    private readonly channels: Record<string, NotificationChannel>,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
    private readonly backoff: BackoffOptions = defaultBackoff,
  ) {}

  async tick(): Promise<void> {
    while ((await this.enqueue()) > 0);
    await this.deliver();
  }

  /** Moves up to `batch` events into the outbox; returns how many events were read. */
  async enqueue(batch = 500): Promise<number> {
    return this.db.transaction(async (tx) => {
      const [{ event_id: cursor }] = await tx.query<{ event_id: number }>('select event_id from notification_cursor where id = 1 for update');
      const events = await tx.query<AlarmRow & { event_id: number; event_action: string; event_at: Date; event_details: { to?: { name: string } | null } }>(
        `select a.*, e.id as event_id, e.action as event_action, e.at as event_at, e.details as event_details
           from alarm_events e join alarms a on a.id = e.alarm_id where e.id > $1 order by e.id limit $2`,
        [cursor, batch],
      );
      if (events.length === 0) return 0;
      const subs = (await tx.query<SubscriptionRow>('select * from notification_subscriptions where enabled')).map(toSubscription);
      for (const e of events) {
        const alarm = toAlarm(e);
        for (const sub of subs) {
          if (!subscriptionMatches(sub, e.event_action, alarm)) continue;
          const payload: AlarmNotification = {
            event: e.event_action,
            cursor: e.event_id,
            at: new Date(e.event_at).toISOString(),
            text: notificationText(e.event_action, alarm, e.event_details),
            alarm,
          };
          await tx.query(
            `insert into notification_outbox (subscription_id, alarm_id, event_id, channel, target, payload, next_attempt_at)
             values ($1, $2, $3, $4, $5, $6::jsonb, $7) on conflict (subscription_id, event_id) do nothing`,
            [sub.id, alarm.id, e.event_id, sub.channel, sub.target, JSON.stringify(payload), this.clock()],
          );
        }
      }
      await tx.query('update notification_cursor set event_id = $1 where id = 1', [events[events.length - 1].event_id]);
      return events.length;
    });
  }

  /** One attempt for each due row; returns how many were sent. */
  async deliver(limit = 100): Promise<number> {
    const now = this.clock();
    const due = await this.db.query<OutboxRow>(
      'select id, channel, target, payload, attempts from notification_outbox where sent_at is null and failed_at is null and next_attempt_at <= $1 order by id limit $2',
      [now, limit],
    );
    let sent = 0;
    for (const row of due) {
      const channel = this.channels[row.channel];
      try {
        if (!channel) throw new Error(`no channel ${row.channel}`);
        await channel.send(row.target, row.payload);
        await this.db.query('update notification_outbox set sent_at = $2, attempts = attempts + 1, last_error = null where id = $1', [row.id, this.clock()]);
        sent++;
      } catch (err) {
        const attempts = row.attempts + 1;
        const next = nextAttemptAt(attempts, this.clock(), this.backoff);
        const message = (err as Error).message;
        await this.db.query(
          'update notification_outbox set attempts = $2, last_error = $3, next_attempt_at = coalesce($4, next_attempt_at), failed_at = case when $4::timestamptz is null then $5::timestamptz end where id = $1',
          [row.id, attempts, message, next, this.clock()],
        );
        this.log.warn({ outboxId: row.id, channel: row.channel, attempts, err: message, giveUp: next === null }, 'notification attempt failed');
      }
    }
    return sent;
  }
}
