import type { Logger } from 'pino';
import type { Database } from '../../platform/db/database.ts';
import type { AlarmChange, AlarmStore } from '../alarm-store.ts';
import { SlaMonitor, type SlaDefaults } from '../sla/sla-monitor.ts';
import { Notifier } from '../notifications/notifier.ts';
import { WebhookChannel } from '../notifications/webhook-channel.ts';
import { WebhookTargetPolicy } from '../notifications/webhook-target.ts';
import { LoggingSmsProvider, SmsChannel, type SmsProvider } from '../notifications/sms-channel.ts';
import { purgeExpiredAlarms, purgeOrphanAttachments } from './alarm-retention.ts';

export interface AlarmJobOptions {
  db: Database;
  store: AlarmStore;
  publish: (change: AlarmChange) => void;
  log: Logger;
  sla: SlaDefaults;
  retentionYears: number;
  smsProvider?: SmsProvider;
  /** Webhook hosts allowed although they are on a local or private address (NOTIFY_WEBHOOK_ALLOW_HOSTS). */
  webhookAllowHosts?: readonly string[];
  clock?: () => Date;
  /** Where attachments live; their folders are deleted with their alarms. */
  dataDir?: string;
}

/** The periodic alarm work: SLA checks and escalation, notification delivery, retention. Returns a stop function. */
export function startAlarmJobs(o: AlarmJobOptions): () => Promise<void> {
  const clock = o.clock ?? (() => new Date());
  const sla = new SlaMonitor(o.db, o.store, o.sla, clock);
  const notifier = new Notifier(o.db, { webhook: new WebhookChannel(new WebhookTargetPolicy(o.webhookAllowHosts)), sms: new SmsChannel(o.smsProvider ?? new LoggingSmsProvider(o.log)) }, o.log, clock);
  const running = new Set<Promise<unknown>>();
  const every = (name: string, ms: number, job: () => Promise<unknown>) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = job()
        .catch((err: Error) => o.log.error({ err, job: name }, 'alarm job failed'))
        .finally(() => ((busy = false), running.delete(run)));
      running.add(run);
    }, ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every('sla', 30_000, async () => (await sla.check()).forEach(o.publish)),
    every('notifications', 5_000, () => notifier.tick()),
    every('retention', 6 * 3_600_000, async () => {
      const purged = await purgeExpiredAlarms(o.db, clock(), o.retentionYears);
      if (purged > 0) o.log.info({ purged }, 'expired alarms deleted');
      const folders = o.dataDir ? await purgeOrphanAttachments(o.db, o.dataDir) : 0;
      if (folders > 0) o.log.info({ folders }, 'attachments of deleted alarms removed');
    }),
  ];
  return async () => {
    timers.forEach(clearInterval);
    await Promise.all(running);
  };
}
