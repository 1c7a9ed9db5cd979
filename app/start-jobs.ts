import type { Logger } from 'pino';
import type { Config } from '../platform/config.ts';
import { startAlarmJobs } from '../alerts/handling/alarm-jobs.ts';
import type { Storage } from './start-storage.ts';
import type { Telemetry } from './start-telemetry.ts';
import type { Alerts } from './start-alerts.ts';
import type { Http } from './start-http.ts';
import { startPart } from './part.ts';

/** The timers: alarm handling jobs (SLA, notifications, retention), the offline sweep, the data-interruption check. */
export function startJobs(config: Config, log: Logger, { db }: Storage, { freshness }: Telemetry, { alarmStore, engine }: Alerts, { live }: Http) {
  return startPart(log, async (onStop) => {
    onStop('alarm jobs', startAlarmJobs({ db, store: alarmStore, publish: (change) => live.alarm(change), log: log.child({ component: 'alarm-jobs' }), dataDir: config.dataDir, ...config.alarms }));
    const stopSweeps = engine.startSweeps(5000);
    onStop('offline sweep', async () => stopSweeps());
    const stopFreshness = freshness.start(1000);
    onStop('stale detector', async () => stopFreshness());
    return {};
  });
}
