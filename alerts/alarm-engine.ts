import type { Logger } from 'pino';
import type { SensorReading, VehiclePosition } from '../ingest/telemetry-events.ts';
import type { SensorInfo } from '../platform/registries/registry-directory.ts';
import type { AlarmDecision, AlarmSource, ThresholdLevel } from './alarm-decision.ts';
import type { AlarmChange, AlarmStore } from './alarm-store.ts';
import { evaluateThreshold, initialThresholdState, severityOf, type ThresholdState } from './rules/threshold-rule.ts';
import { evaluateSos } from './rules/sos-rule.ts';
import { sensorKindLabel, thresholdLevelLabel } from './alarm-labels.ts';
import type { DataInterruptionEvent } from '../monitor/live-state/stale-detector.ts';

/**
 * Runs the rule steps over incoming events, keeps each source's rule state, and hands decisions to the
 * store strictly in arrival order; every stored change is then published to listeners (store before push).
 */
export class AlarmEngine {
  private thresholdStates = new Map<number, ThresholdState>();
  private sosActive = new Map<number, boolean>();
  private queue: Promise<unknown> = Promise.resolve();
  private listeners: Array<(change: AlarmChange) => void> = [];

  constructor(
    private readonly store: AlarmStore,
    private readonly log: Logger,
  ) {}

  /** Restores rule state from alarms still open, so a restart neither re-raises nor forgets them. */
  async restore(): Promise<void> {
    for (const a of await this.store.active()) {
      if (a.type === 'threshold' && a.source.kind === 'sensor') this.thresholdStates.set(a.source.id, { level: a.level, pending: null });
      if (a.type === 'sos' && a.source.kind === 'vehicle') this.sosActive.set(a.source.id, true);
    }
  }

  onChange(listener: (change: AlarmChange) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once every decision submitted so far is stored and published. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  onReading(r: SensorReading, sensor: SensorInfo): void {
    if (r.quality !== 'good') return;
    const { state, outcome } = evaluateThreshold(this.thresholdStates.get(r.sensorId) ?? initialThresholdState, r.value, r.ts.getTime(), sensor);
    this.thresholdStates.set(r.sensorId, state);
    if (outcome.kind === 'none') return;
    const source: AlarmSource = {
      kind: 'sensor',
      id: sensor.id,
      name: `${sensor.tankName}·${sensorKindLabel[sensor.kind]}`,
      enterpriseId: sensor.enterpriseId,
      regionCode: sensor.regionCode,
    };
    if (outcome.kind === 'clear') return this.submit({ action: 'clear', type: 'threshold', source, value: r.value, at: r.ts });
    const level: ThresholdLevel = outcome.kind === 'raise' ? outcome.level : outcome.to;
    const limit = { high_high: sensor.highHigh, high: sensor.high, low: sensor.low, low_low: sensor.lowLow }[level];
    this.submit({
      action: outcome.kind === 'raise' ? 'raise' : 'update',
      type: 'threshold',
      level,
      severity: severityOf[level],
      source,
      value: r.value,
      at: r.ts,
      message: `${source.name}${thresholdLevelLabel[level]}：${r.value}${sensor.unit}（阈值 ${limit}${sensor.unit}）`,
    });
  }

  /** Raises a major data-interruption alarm when a sensor goes silent, and clears it when data returns. */
  onDataInterruption(e: DataInterruptionEvent, sensor: SensorInfo): void {
    const source: AlarmSource = { kind: 'sensor', id: sensor.id, name: `${sensor.tankName}·${sensorKindLabel[sensor.kind]}`, enterpriseId: sensor.enterpriseId, regionCode: sensor.regionCode };
    if (e.kind === 'data_restored') return this.submit({ action: 'clear', type: 'data_interruption', source, value: null, at: e.at });
    const why = e.cause === 'disconnect' ? '网关已断开' : `超过 ${sensor.interruptionTimeoutS} 秒无数据`;
    this.submit({ action: 'raise', type: 'data_interruption', level: null, severity: 'major', source, value: null, at: e.since, message: `${source.name} 数据中断（${why}）` });
  }

  onPosition(p: VehiclePosition): void {
    if (p.reupload) return;
    const { active, outcome } = evaluateSos(this.sosActive.get(p.vehicleId) ?? false, p.sos);
    this.sosActive.set(p.vehicleId, active);
    if (outcome.kind === 'none') return;
    const source: AlarmSource = { kind: 'vehicle', id: p.vehicleId, name: p.plate, enterpriseId: p.enterpriseId, regionCode: p.regionCode };
    if (outcome.kind === 'clear') return this.submit({ action: 'clear', type: 'sos', source, value: null, at: p.ts });
    this.submit({
      action: 'raise',
      type: 'sos',
      level: null,
      severity: 'critical',
      source,
      value: p.speedKmh,
      at: p.ts,
      message: `${p.plate} 紧急报警（SOS），位置 ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}，速度 ${p.speedKmh} km/h`,
    });
  }

  private submit(decision: AlarmDecision): void {
    this.queue = this.queue.then(async () => {
      try {
        const change = await this.store.apply(decision);
        if (!change) return;
        this.log.info({ alarmId: change.alarm.id, action: change.action, type: change.alarm.type, source: change.alarm.source }, 'alarm');
        for (const l of this.listeners) l(change);
      } catch (err) {
        this.log.error({ err, decision }, 'failed to store alarm decision');
      }
    });
  }
}
