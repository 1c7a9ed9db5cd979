import type { Logger } from 'pino';
import type { DataInterruptionEvent, SensorReading, TerminalIdentityEvent, VehiclePosition, VideoStateEvent } from '../ingest/ports.ts';
import type { SensorInfo } from '../registry/registry-directory.ts';
import type { TelemetryRules } from '../monitor/telemetry-pipeline.ts';
import type { AlarmDecision, AlarmSource, Severity, ThresholdLevel } from './alarm-decision.ts';
import type { AlarmChange, AlarmStore } from './alarm-store.ts';
import { evaluateThreshold, initialThresholdState, severityOf, type ThresholdState } from './rules/threshold-rule.ts';
import { evaluateSos } from './rules/sos-rule.ts';
import { evaluateTerminalAlarms, terminalAlarmTypes } from './rules/terminal-alarm-rule.ts';
import { evaluateOverspeed, initialOverspeedState, type OverspeedState } from './rules/overspeed-rule.ts';
import { evaluateFatigue, initialFatigueState, type FatigueState } from './rules/fatigue-rule.ts';
import { evaluateGeofence, initialGeofenceState, type GeofenceState } from './rules/geofence-rule.ts';
import { evaluateOffline, type OfflineState } from './rules/offline-rule.ts';
import { evaluateOfflineOnTrip } from './rules/offline-on-trip-rule.ts';
import { evaluateSensorFault, sensorFaultCause } from './rules/sensor-fault-rule.ts';
import { evaluateRateOfChange, initialRateState, type RateState } from './rules/rate-of-change-rule.ts';
import type { RuleOutcome } from './rules/rule-outcome.ts';
import type { RuleKind } from './rules/rule-params.ts';
import { inSchedule, RuleBook, type EffectiveRule } from './rule-book.ts';
import { GeofenceIndex } from './geofence-index.ts';
import type { RuleStateStore } from './rule-state-store.ts';
import { sensorFaultLabel, sensorKindLabel, terminalAlarmLabel, thresholdLevelLabel } from './alarm-labels.ts';
import { terminalIdentityDecision } from './terminal-identity-alarm.ts';

/** `trip`: an offline_on_trip alarm is open for this vehicle. */
type OfflineEntry = { rule: OfflineState | undefined; source: AlarmSource & { kind: 'vehicle' }; trip?: boolean };

const sameSource = (a: AlarmSource, b: AlarmSource) => a.name === b.name && a.enterpriseId === b.enterpriseId && a.regionCode === b.regionCode;
const subjectOf = (s: AlarmSource & { kind: 'sensor' | 'vehicle' }) => ({ sourceKind: s.kind, sourceId: s.id, enterpriseId: s.enterpriseId, regionCode: s.regionCode });
// Per registry record (a registry change brings new records): built once, not for every reading.
const sensorSources = new WeakMap<SensorInfo, { source: AlarmSource; subject: ReturnType<typeof subjectOf> }>();
const sensorSourceOf = (s: SensorInfo) => {
  let cached = sensorSources.get(s);
  if (!cached) {
    const source: AlarmSource & { kind: 'sensor' } = { kind: 'sensor', id: s.id, name: `${s.tankName}·${sensorKindLabel[s.kind]}`, enterpriseId: s.enterpriseId, regionCode: s.regionCode };
    sensorSources.set(s, (cached = { source, subject: subjectOf(source) }));
  }
  return cached;
};
const sensorSource = (s: SensorInfo): AlarmSource => sensorSourceOf(s).source;
const silence = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} 分钟` : `${s} 秒`);
const bitLabel = Object.fromEntries(Object.entries(terminalAlarmTypes).map(([bit, type]) => [type, terminalAlarmLabel[Number(bit)]]));

/**
 * Runs the pure rule steps over incoming events with each source's persisted rule state, and hands decisions to the
 * store strictly in arrival order; every stored change is then published to listeners (store before push).
 * Rules come from the rule book (stored rules, else built-in defaults), geofences from the spatial index.
 */
export class AlarmEngine implements TelemetryRules {
  private queue: Promise<unknown> = Promise.resolve();
  private listeners: Array<(change: AlarmChange) => void> = [];
  private rules = new RuleBook([]);
  private fences = new GeofenceIndex([]);
  /** Registered vehicles and their speed limits (km/h, null = none set). */
  private vehicles = new Map<number, number | null>();
  /** Vehicles on an in-transit waybill, with its code. */
  private trips = new Map<number, string>();
  private readonly now: () => number;

  constructor(
    private readonly store: AlarmStore,
    private readonly log: Logger,
    private readonly state: RuleStateStore,
    opts: { now?: () => number } = {},
  ) {
    this.now = opts.now ?? Date.now;
  }

  /**
   * Loads persisted rule state; open alarms fill in what an older state table lacks, so a restart neither re-raises nor
   * forgets. Vehicles known before the restart are swept again, but their offline clocks restart now: while the
   * platform was down they could not reach it.
   */
  async restore(): Promise<void> {
    await this.state.load();
    const now = this.now();
    for (const { id, state } of this.state.entries<OfflineEntry>('offline')) {
      if (state.rule && !state.rule.active && state.rule.lastSeen < now) this.state.set('offline', 'vehicle', id, { ...state, rule: { ...state.rule, lastSeen: now } });
    }
    for (const a of await this.store.active()) {
      if (a.type === 'threshold' && a.source.kind === 'sensor' && !this.state.get('threshold', 'sensor', a.source.id)) {
        this.state.set('threshold', 'sensor', a.source.id, { level: a.level, pending: null } satisfies ThresholdState);
      }
      if (a.type === 'sos' && a.source.kind === 'vehicle') this.state.set('sos', 'vehicle', a.source.id, true);
    }
  }

  useRules(rules: RuleBook): void {
    this.rules = rules;
  }

  useGeofences(index: GeofenceIndex): void {
    this.fences = index;
  }

  /** The vehicle registry: who is swept for offline, and each vehicle's own speed limit. */
  useVehicles(vehicles: Map<number, number | null>): void {
    this.vehicles = vehicles;
  }

  /** Vehicles with an in-transit waybill (vehicle id → waybill code): their silence is also `offline_on_trip`. */
  useTrips(trips: Map<number, string>): void {
    this.trips = trips;
  }

  onChange(listener: (change: AlarmChange) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once every decision submitted so far is stored and published. */
  settled(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  onReading(r: SensorReading, sensor: SensorInfo): void {
    const { source, subject } = sensorSourceOf(sensor);
    const at = r.ts.getTime();
    const cause = sensorFaultCause(r, sensor);
    const faultRule = this.rules.resolve('sensor_fault', subject);
    if (faultRule) {
      const step = evaluateSensorFault(this.state.get<boolean>('sensor_fault', 'sensor', sensor.id) ?? false, cause, r.value);
      this.state.set('sensor_fault', 'sensor', sensor.id, step.state);
      this.emit(step.outcomes, faultRule, source, r.ts, () => `${source.name} 传感器故障（${sensorFaultLabel[cause!]}）${Number.isFinite(r.value) ? `：${r.value}${sensor.unit}` : ''}`);
    }
    // An untrustworthy value neither raises nor clears a threshold or a rate alarm.
    if (cause) return;

    this.onThreshold(r, sensor, source);

    const rateRule = this.rules.resolve('rate_of_change', subject);
    if (rateRule) {
      const step = evaluateRateOfChange(this.state.get<RateState>('rate_of_change', 'sensor', sensor.id) ?? initialRateState, { value: r.value, at }, rateRule.params);
      this.state.set('rate_of_change', 'sensor', sensor.id, step.state);
      this.emit(step.outcomes, rateRule, source, r.ts, (o) => `${source.name} 变化速率异常：${o.value}${sensor.unit}/分钟（上升上限 ${rateRule.params.maxRisePerMin ?? '—'}，下降上限 ${rateRule.params.maxFallPerMin ?? '—'}）`);
    }
  }

  private onThreshold(r: SensorReading, sensor: SensorInfo, source: AlarmSource): void {
    const prev = this.state.get<ThresholdState>('threshold', 'sensor', sensor.id) ?? initialThresholdState;
    const { state, outcomes } = evaluateThreshold(prev, r.value, r.ts.getTime(), sensor);
    this.state.set('threshold', 'sensor', sensor.id, state);
    const [outcome] = outcomes;
    if (!outcome) return;
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
    const source = sensorSource(sensor);
    if (e.kind === 'data_restored') return this.submit({ action: 'clear', type: 'data_interruption', source, value: null, at: e.at });
    const why = e.cause === 'disconnect' ? '网关已断开' : `超过 ${sensor.interruptionTimeoutS} 秒无数据`;
    this.submit({ action: 'raise', type: 'data_interruption', level: null, severity: 'major', source, value: null, at: e.since, message: `${source.name} 数据中断（${why}）` });
  }

  /** A device other than the vehicle's bound terminal tried to be it: always raised, whatever the rules say. */
  /** A camera stopped publishing (or its relay failed) for longer than allowed, or its video came back. */
  onVideoState(e: VideoStateEvent): void {
    const source: AlarmSource = { kind: 'camera', id: e.camera.id, name: e.camera.name, enterpriseId: e.camera.enterpriseId, regionCode: e.camera.regionCode };
    if (e.kind === 'video_restored') return this.submit({ action: 'clear', type: 'video_offline', source, value: null, at: e.at });
    const why = e.cause === 'relay_failed' ? `拉流转发失败${e.detail ? `：${e.detail}` : ''}` : '停止推流';
    this.submit({ action: 'raise', type: 'video_offline', level: null, severity: 'minor', source, value: null, at: e.since, message: `${e.camera.name} 视频离线（${why}）` });
  }

  onTerminalIdentity(e: TerminalIdentityEvent): void {
    this.submit(terminalIdentityDecision(e));
  }

  /** Live positions only: re-uploaded blind-area points and drift mark the vehicle as heard from but fire nothing. */
  onPosition(p: VehiclePosition): void {
    const source: AlarmSource & { kind: 'vehicle' } = { kind: 'vehicle', id: p.vehicleId, name: p.plate, enterpriseId: p.enterpriseId, regionCode: p.regionCode };
    this.seen(source);
    if (p.reupload || p.drift) return;
    const at = p.ts.getTime();
    const subject = subjectOf(source);
    const plate = p.plate;

    const sos = evaluateSos(this.state.get<boolean>('sos', 'vehicle', p.vehicleId) ?? false, p.sos);
    this.state.set('sos', 'vehicle', p.vehicleId, sos.state);
    const [sosOutcome] = sos.outcomes;
    if (sosOutcome?.kind === 'clear') this.submit({ action: 'clear', type: 'sos', source, value: null, at: p.ts });
    if (sosOutcome?.kind === 'raise') {
      const message = `${plate} 紧急报警（SOS），位置 ${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}，速度 ${p.speedKmh} km/h`;
      this.submit({ action: 'raise', type: 'sos', level: null, severity: 'critical', source, value: p.speedKmh, at: p.ts, message });
    }

    const bitsRule = this.rules.resolve('terminal_alarm', subject);
    if (bitsRule) {
      const step = evaluateTerminalAlarms(this.state.get<number>('terminal_alarm', 'vehicle', p.vehicleId) ?? 0, p.alarmBits, bitsRule.params);
      this.state.set('terminal_alarm', 'vehicle', p.vehicleId, step.state);
      this.emit(step.outcomes, bitsRule, source, p.ts, (o) => `${plate} 终端报警：${bitLabel[o.type].label}`, (o) => (bitsRule.ruleId === null ? bitLabel[o.type].severity : bitsRule.severity));
    }

    const geoRule = this.rules.resolve('geofence', subject);
    const fences = this.fences.situation({ lon: p.lon, lat: p.lat, enterpriseId: p.enterpriseId, regionCode: p.regionCode }, at);

    const speedRule = this.rules.resolve('overspeed', subject);
    if (speedRule) {
      const limitKmh = Math.min(this.vehicles.get(p.vehicleId) ?? Infinity, fences.zoneLimitKmh ?? speedRule.params.limitKmh);
      const step = evaluateOverspeed(this.state.get<OverspeedState>('overspeed', 'vehicle', p.vehicleId) ?? initialOverspeedState, { speedKmh: p.speedKmh, at, limitKmh }, speedRule.params);
      this.state.set('overspeed', 'vehicle', p.vehicleId, step.state);
      this.emit(step.outcomes, speedRule, source, p.ts, () => `${plate} 超速：${p.speedKmh} km/h（限速 ${limitKmh} km/h，持续超过 ${speedRule.params.sustainS} 秒）`);
    }

    const fatigueRule = this.rules.resolve('fatigue', subject);
    if (fatigueRule) {
      const fp = fatigueRule.params;
      const step = evaluateFatigue(this.state.get<FatigueState>('fatigue', 'vehicle', p.vehicleId) ?? initialFatigueState, { speedKmh: p.speedKmh, at }, fp);
      this.state.set('fatigue', 'vehicle', p.vehicleId, step.state);
      this.emit(step.outcomes, fatigueRule, source, p.ts, (o) =>
        o.type === 'fatigue_continuous'
          ? `${plate} 疲劳驾驶：连续驾驶 ${o.value} 小时（上限 ${fp.continuousS / 3600} 小时，休息不少于 ${fp.restS / 60} 分钟）`
          : `${plate} 当日累计驾驶超时：${o.value} 小时（上限 ${fp.dailyS / 3600} 小时）`,
      );
    }

    if (geoRule) {
      const step = evaluateGeofence(this.state.get<GeofenceState>('geofence', 'vehicle', p.vehicleId) ?? initialGeofenceState, { at, speedKmh: p.speedKmh, fences }, geoRule.params);
      this.state.set('geofence', 'vehicle', p.vehicleId, step.state);
      const names = (list: ReadonlyArray<{ name: string }>) => list.map((f) => f.name).join('、');
      this.emit(step.outcomes, geoRule, source, p.ts, (o) => {
        if (o.type === 'geofence_forbidden') return `${plate} 驶入禁入区：${names(fences.forbidden)}`;
        if (o.type === 'geofence_outside') return `${plate} 驶出限定区域`;
        if (o.type === 'route_deviation') return `${plate} 偏离规定路线`;
        return `${plate} 在${names(fences.sensitive)}停车超过 ${geoRule.params.parkingMaxS / 60} 分钟`;
      });
    }
  }

  /** Any traffic from a vehicle resets its offline clock (engine clock: receive time, not the device's). */
  private seen(source: AlarmSource & { kind: 'vehicle' }): void {
    const prev = this.state.get<OfflineEntry>('offline', 'vehicle', source.id);
    const step = evaluateOffline(prev?.rule, { kind: 'seen', at: this.now() }, { timeoutS: 0 });
    const trip = evaluateOfflineOnTrip(prev?.trip ?? false, { kind: 'seen' });
    const entry: OfflineEntry = { rule: step.state, source, trip: trip.state };
    // Only the clock moved on: restore() restarts every silent clock at start-up, so this needs no write.
    const onlyClock = prev?.rule && !prev.rule.active && (prev.trip ?? false) === trip.state && sameSource(prev.source, source);
    if (onlyClock) this.state.remember('offline', 'vehicle', source.id, entry);
    else this.state.set('offline', 'vehicle', source.id, entry);
    const rule = this.rules.resolve('offline', subjectOf(source));
    if (rule) this.emit([...step.outcomes, ...trip.outcomes], rule, source, new Date(this.now()), () => '');
  }

  /**
   * Raises offline for every vehicle silent past its timeout, and the critical offline_on_trip as well when the vehicle
   * has an in-transit waybill. Runs on the engine clock.
   */
  sweep(): void {
    const now = this.now();
    for (const { id, state } of this.state.entries<OfflineEntry>('offline')) {
      if (!this.vehicles.has(id)) continue; // deleted from the registry
      const rule = this.rules.resolve('offline', subjectOf(state.source));
      if (!rule) continue;
      const step = evaluateOffline(state.rule, { kind: 'sweep', at: now }, rule.params);
      const waybill = this.trips.get(id);
      const silentS = state.rule ? Math.round((now - state.rule.lastSeen) / 1000) : 0;
      const trip = evaluateOfflineOnTrip(state.trip ?? false, { kind: 'sweep', offline: step.state?.active ?? false, silentS, waybill });
      if (step.outcomes.length === 0 && trip.outcomes.length === 0) continue;
      this.state.set('offline', 'vehicle', id, { rule: step.state, source: state.source, trip: trip.state } satisfies OfflineEntry);
      const at = new Date(now);
      this.emit(step.outcomes, rule, state.source, at, (o) => `${state.source.name} 离线：已 ${o.value} 秒无数据（超时 ${rule.params.timeoutS} 秒）`);
      this.emit(trip.outcomes, rule, state.source, at, (o) => `${state.source.name} 运输途中失联（运单 ${waybill}，超过 ${silence(o.value ?? 0)}无定位）`, () => 'critical');
    }
  }

  /** Runs sweep() every `intervalMs`; returns the stop function. */
  startSweeps(intervalMs: number): () => void {
    const timer = setInterval(() => this.sweep(), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Turns step outcomes into decisions. A raise outside the rule's schedule is dropped (the step's state still
   * advances, so a condition that began outside the schedule raises only at its next onset); clears always pass.
   */
  private emit(
    outcomes: readonly RuleOutcome[],
    rule: EffectiveRule<RuleKind>,
    source: AlarmSource,
    at: Date,
    message: (o: RuleOutcome) => string,
    severity: (o: RuleOutcome) => Severity = () => rule.severity,
  ): void {
    for (const o of outcomes) {
      if (o.kind === 'clear') this.submit({ action: 'clear', type: o.type, source, value: o.value, at });
      else if (inSchedule(rule, at.getTime())) this.submit({ action: 'raise', type: o.type, level: null, severity: severity(o), source, value: o.value, at, message: message(o) });
    }
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
