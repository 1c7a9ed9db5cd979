import type { Logger } from 'pino';
import { AlarmStore } from '../alerts/alarm-store.ts';
import { AlarmEngine } from '../alerts/alarm-engine.ts';
import { RuleStore } from '../alerts/rule-store.ts';
import { RuleStateStore } from '../alerts/rule-state-store.ts';
import { attachRuleContext } from '../alerts/rule-context.ts';
import type { Storage } from './start-storage.ts';
import type { Telemetry } from './start-telemetry.ts';
import { startPart } from './part.ts';

/** The alarm engine with its rules and persisted rule state; a data interruption the live state notices raises an alarm. */
export function startAlerts(log: Logger, { db, directory }: Storage, { sensorLive, freshness }: Telemetry) {
  return startPart(log, async (onStop) => {
    const alarmStore = new AlarmStore(db);
    const alertsLog = log.child({ component: 'alerts' });
    const ruleStore = new RuleStore(db);
    const ruleState = new RuleStateStore(db, { debounceMs: 1000, onError: (err) => alertsLog.error({ err }, 'rule state write failed') });
    const engine = new AlarmEngine(alarmStore, alertsLog, ruleState);
    await engine.restore();
    await attachRuleContext(engine, { db, rules: ruleStore, directory, log: alertsLog });
    onStop('rule state', () => ruleState.flush());
    onStop('alarm engine', () => engine.settled());
    freshness.onEvent((e) => {
      sensorLive.setStale(e.sensorId, e.kind === 'data_interruption');
      void directory.sensor(e.sensorId).then((sensor) => sensor && engine.onDataInterruption(e, sensor));
    });
    return { alarmStore, ruleStore, engine };
  });
}

export type Alerts = Awaited<ReturnType<typeof startAlerts>>;
