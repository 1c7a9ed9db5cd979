// Tanks with live values: snapshot from GET /api/monitor/tanks, then `readings` and device `status` from the channel.
// Plain data with a version counter, like the trucks: 5,000 tanks send ~10,000 readings a second, and deep
// reactivity over every row would cost the main thread more than drawing the few rows on screen.
import { computed, shallowRef, triggerRef } from 'vue';
import { rank, vocabularies } from '../../shared/vocabularies';
import type { Reading, Severity, Sensor, Tank, ThresholdLevel } from './types';
import { decimalsFor, displayState, normalizeSensor, tankState, type DisplayState } from '../logic/sensor-eval';
import { toNum } from '../logic/numbers';
import { pulse } from './pulse';

export interface SensorView {
  sensor: Sensor;
  tank: TankView;
  state: DisplayState;
  level: ThresholdLevel | null;
  decimals: number;
  alarmSeverity: Severity | null;
  updated: boolean;
  flash: boolean;
}

export interface TankView {
  tank: Omit<Tank, 'sensors'>;
  sensors: SensorView[];
  state: DisplayState;
  severe: boolean;
  alarmSeverity: Severity | '';
  flash: boolean;
}

/** Sensors in the server's order of sensor kinds (level, temperature, pressure, gases). */
function kindIndex(kind: string): number {
  const i = (vocabularies.value?.sensorKinds ?? []).findIndex((e) => e.code === kind);
  return i < 0 ? 99 : i;
}

/** How long a value glows after a reading. */
const GLOW_MS = 900;

export function useTanks(now: () => number) {
  const list = shallowRef<TankView[]>([]);
  /** Batch in which each glowing row was last lit: one timer a batch instead of one a reading. */
  const litIn = new Map<SensorView, number>();
  let batch = 0;
  const sensors = new Map<number, SensorView>();
  const tanks = new Map<number, TankView>();
  let alarmSensors = new Map<number, Severity>();
  /** Bumped when the tank set is re-rendered, so panels can follow (scrolling to a flashed tank). */
  const focus = shallowRef<number | null>(null);
  /** Triggered when any row changed; views read it to redraw. */
  const version = shallowRef(0);
  const changed = () => triggerRef(version);

  function evaluate(row: SensorView) {
    const { state, level } = displayState(row.sensor, row.level, now(), alarmSensors.has(row.sensor.id));
    row.state = state;
    row.level = level;
  }

  function evaluateTank(t: TankView) {
    const s = tankState(t.sensors);
    t.state = s.state;
    t.severe = s.severe;
    let sev: Severity | '' = '';
    for (const row of t.sensors) {
      row.alarmSeverity = alarmSensors.get(row.sensor.id) ?? null;
      if (row.alarmSeverity && rank('severities', row.alarmSeverity) > rank('severities', sev)) sev = row.alarmSeverity;
    }
    t.alarmSeverity = sev;
  }

  function setSnapshot(items: Tank[]) {
    const sameShape =
      items.length === tanks.size &&
      items.every((t) => {
        const cur = tanks.get(t.id);
        const ids = (l: { sensor?: Sensor; id?: number }[]) => l.map((s) => s.sensor?.id ?? s.id).sort().join('|');
        return cur && ids(t.sensors ?? []) === ids(cur.sensors);
      });
    if (sameShape) {
      for (const t of items) {
        const cur = tanks.get(t.id)!;
        const { sensors: _s, ...rest } = t;
        Object.assign(cur.tank, rest);
        for (const s of t.sensors ?? []) {
          const row = sensors.get(s.id)!;
          row.sensor = normalizeSensor(s);
          evaluate(row);
        }
        evaluateTank(cur);
      }
      changed();
      return;
    }
    tanks.clear();
    sensors.clear();
    list.value = items.map((t) => {
      const { sensors: raw, ...rest } = t;
      const view: TankView = { tank: rest, sensors: [], state: 'normal', severe: false, alarmSeverity: '', flash: false };
      view.sensors = (raw ?? [])
        .map(normalizeSensor)
        .sort((a, b) => kindIndex(a.kind) - kindIndex(b.kind))
        .map((s) => {
          const row: SensorView = { sensor: s, tank: view, state: 'nodata', level: null, decimals: decimalsFor(s), alarmSeverity: null, updated: false, flash: false };
          sensors.set(s.id, row);
          evaluate(row);
          return row;
        });
      tanks.set(t.id, view);
      evaluateTank(view);
      return view;
    });
  }

  /** Live readings; out-of-order samples are ignored. Returns how many were applied. */
  function applyReadings(readings: Reading[]): number {
    const touched = new Set<TankView>();
    const lit: SensorView[] = [];
    let n = 0;
    for (const r of readings) {
      const row = r && sensors.get(r.sensorId);
      if (!row) continue;
      const s = row.sensor;
      if (s.ts && r.ts && new Date(r.ts).getTime() < new Date(s.ts).getTime()) continue;
      if ('value' in r) s.value = toNum(r.value);
      if (r.ts !== undefined) s.ts = r.ts;
      if (r.quality !== undefined) s.quality = r.quality;
      s.state = r.state ? r.state : null;
      evaluate(row);
      touched.add(row.tank);
      lit.push(row);
      n++;
    }
    for (const t of touched) evaluateTank(t);
    if (lit.length) glow(lit);
    if (n) changed();
    return n;
  }

  function glow(rows: SensorView[]) {
    const b = ++batch;
    for (const row of rows) {
      row.updated = true;
      litIn.set(row, b);
    }
    setTimeout(() => {
      for (const row of rows) {
        if (litIn.get(row) !== b) continue;
        row.updated = false;
        litIn.delete(row);
      }
      changed();
    }, GLOW_MS);
  }

  /** A gateway went offline or came back (`status` event). */
  function setDeviceOnline(deviceId: number, online: boolean) {
    for (const row of sensors.values()) {
      if (row.sensor.deviceId == null || row.sensor.deviceId !== deviceId) continue;
      if (!online) row.sensor.state = 'stale';
      else if (row.sensor.state === 'stale') row.sensor.state = null;
      evaluate(row);
      evaluateTank(row.tank);
    }
    changed();
  }

  function setAlarmSensors(ids: Map<number, Severity>) {
    alarmSensors = ids;
    tick();
  }

  /** Periodic re-evaluation, so silent sensors turn 数据中断. */
  function tick() {
    for (const t of tanks.values()) {
      for (const row of t.sensors) evaluate(row);
      evaluateTank(t);
    }
    changed();
  }

  function flashSensor(sensorId: number): boolean {
    const row = sensors.get(sensorId);
    if (!row) return false;
    pulse(row, 'flash', 8000, changed);
    pulse(row.tank, 'flash', 8000, changed);
    focus.value = row.tank.tank.id;
    triggerRef(focus);
    return true;
  }

  const counts = computed(() => {
    void version.value;
    let alarm = 0;
    let stale = 0;
    let total = 0;
    for (const t of list.value) {
      for (const row of t.sensors) {
        total++;
        if (row.state === 'alarm') alarm++;
        else if (row.state === 'stale' || row.state === 'fault') stale++;
      }
    }
    return { tanks: list.value.length, sensors: total, alarm, stale };
  });

  function clear() {
    tanks.clear();
    sensors.clear();
    litIn.clear();
    list.value = [];
    changed();
  }

  return { list, version, counts, focus, setSnapshot, applyReadings, setDeviceOnline, setAlarmSensors, tick, flashSensor, clear, sensorInfo: (id: number) => sensors.get(id) ?? null };
}

export type TanksStore = ReturnType<typeof useTanks>;
