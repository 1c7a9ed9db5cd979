// Trucks: snapshot from GET /api/monitor/vehicles, then `positions` and vehicle `status`. Plain data with a
// version counter for the figures; the map draws markers itself through the attached view (no deep reactivity,
// so thousands of trucks stay cheap).
import { computed, shallowRef, triggerRef } from 'vue';
import type { Position, Vehicle } from './types';
import { VEHICLE_STALE_MS, hasPosition } from '../logic/vehicle-state';

export interface VehicleRec {
  v: Vehicle;
  /** v.ts parsed once (NaN without one): 10,000 positions a second make date parsing show. */
  tsMs: number;
  stale: boolean;
  alarm: boolean;
}

const parseTs = (ts: string | null | undefined) => (ts ? Date.parse(ts) : NaN);

export interface VehicleView {
  update(rec: VehicleRec): void;
  remove(id: number): void;
  clear(): void;
  focus(rec: VehicleRec): boolean;
  flash(rec: VehicleRec): boolean;
}

export function useVehicles(now: () => number) {
  const vehicles = new Map<number, VehicleRec>();
  const version = shallowRef(0);
  let alarmIds = new Set<number>();
  let view: VehicleView | null = null;

  const changed = () => triggerRef(version);
  function render(rec: VehicleRec) {
    rec.stale = rec.v.online && (!rec.v.ts || now() - rec.tsMs > VEHICLE_STALE_MS);
    rec.alarm = alarmIds.has(rec.v.id);
    view?.update(rec);
  }

  function attach(v: VehicleView | null) {
    view = v;
    if (v) for (const rec of vehicles.values()) render(rec);
  }

  function setSnapshot(items: Vehicle[]) {
    const seen = new Set<number>();
    for (const it of items) {
      if (!it || it.id == null) continue;
      seen.add(it.id);
      const rec = vehicles.get(it.id);
      if (rec) Object.assign(rec.v, it);
      else vehicles.set(it.id, { v: { ...it }, tsMs: NaN, stale: false, alarm: false });
      const r = vehicles.get(it.id)!;
      r.tsMs = parseTs(r.v.ts);
      render(r);
    }
    for (const id of [...vehicles.keys()]) {
      if (seen.has(id)) continue;
      vehicles.delete(id);
      view?.remove(id);
    }
    changed();
  }

  /** Live positions; out-of-order fixes are ignored. Returns how many were applied. */
  function applyPositions(list: Position[]): number {
    let n = 0;
    for (const p of list) {
      if (!p || p.vehicleId == null) continue;
      let rec = vehicles.get(p.vehicleId);
      if (!rec) {
        rec = { v: { id: p.vehicleId, plate: p.plate ?? '', enterpriseName: '', online: true, lat: null, lon: null, speedKmh: null, direction: null, ts: null }, tsMs: NaN, stale: false, alarm: false };
        vehicles.set(p.vehicleId, rec);
      }
      const v = rec.v;
      const tsMs = parseTs(p.ts);
      if (tsMs < rec.tsMs) continue;
      if (p.plate) v.plate = p.plate;
      if (p.lat !== undefined) v.lat = p.lat;
      if (p.lon !== undefined) v.lon = p.lon;
      if (p.speedKmh !== undefined) v.speedKmh = p.speedKmh;
      if (p.direction !== undefined) v.direction = p.direction;
      if (p.ts !== undefined) {
        v.ts = p.ts;
        rec.tsMs = tsMs;
      }
      v.online = true; // a fresh position means the terminal is talking to us
      render(rec);
      n++;
    }
    if (n) changed();
    return n;
  }

  function setOnline(id: number, online: boolean) {
    const rec = vehicles.get(id);
    if (!rec) return;
    rec.v.online = online;
    render(rec);
    changed();
  }

  function setAlarmVehicles(ids: Set<number>) {
    alarmIds = ids;
    for (const rec of vehicles.values()) if (rec.alarm !== ids.has(rec.v.id)) render(rec);
  }

  function tick() {
    let any = false;
    for (const rec of vehicles.values()) {
      const before = rec.stale;
      render(rec);
      if (before !== rec.stale) any = true;
    }
    if (any) changed();
  }

  const counts = computed(() => {
    void version.value;
    let online = 0;
    let located = 0;
    for (const { v } of vehicles.values()) {
      if (v.online) online++;
      if (hasPosition(v)) located++;
    }
    return { total: vehicles.size, online, located, unlocated: vehicles.size - located };
  });

  function clear() {
    vehicles.clear();
    view?.clear();
    changed();
  }

  return {
    counts,
    attach,
    setSnapshot,
    applyPositions,
    setOnline,
    setAlarmVehicles,
    tick,
    clear,
    info: (id: number) => vehicles.get(id)?.v ?? null,
    focus: (id: number) => {
      const rec = vehicles.get(id);
      return !!rec && !!view && view.focus(rec);
    },
    flash: (id: number) => {
      const rec = vehicles.get(id);
      return !!rec && !!view && view.flash(rec);
    },
  };
}

export type VehiclesStore = ReturnType<typeof useVehicles>;
