// Trucks on the map. Few trucks: one L.divIcon each, updated in place (root <div data-testid="vehicle-marker"
// data-vehicle-id data-state>). Many: supercluster over every located truck, and DOM markers only for what the
// viewport shows at this zoom (clusters and the trucks left single). The DOM stays a few hundred elements
// whether the fleet is 300 or 30,000; the index is rebuilt at most once a second, positions arrive twice a second.
import L from 'leaflet';
import { fmtAgo } from '../../shared/format';
import type { VehicleRec, VehicleView } from '../live/useVehicles';
import { hasPosition, headingLabel } from '../logic/vehicle-state';
import { isNum } from '../logic/numbers';
import { fmtListTime } from '../display';
import {
  CLUSTER_MAX_ZOOM,
  VEHICLE_COLORS,
  VEHICLE_STATES,
  clusterLabel,
  clusterMode,
  clusterSizePx,
  clusterState,
  vehicleMapState,
  type StateTally,
  type VehicleMapState,
} from './map-logic';
import type { MapCrs } from './coords';
import { converter } from './coords';
import type { ClusterAnswer, ClusterItem, ClusterRequest } from './cluster-protocol';

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const INDEX_EVERY_MS = 1000;

// Marker size follows the root font size, so icons grow on 4K walls.
function iconPx(): number {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;
  return Math.max(26, Math.round(rem * 2));
}

const stateOf = (rec: VehicleRec): VehicleMapState => vehicleMapState(rec.v, rec);

function markerHtml(rec: VehicleRec): string {
  const v = rec.v;
  const dir = isNum(v.direction) ? v.direction : 0;
  const state = stateOf(rec);
  return (
    `<div class="vehicle-marker" data-testid="vehicle-marker" data-vehicle-id="${esc(v.id)}" data-state="${state}" data-online="${v.online}"` +
    ` data-stale="${rec.stale}" data-alarm="${rec.alarm}" data-moving="${state === 'moving'}" style="--v:${VEHICLE_COLORS[state]}">` +
    `<div class="vm-ring"></div>` +
    `<svg class="vm-arrow" viewBox="0 0 24 24" style="transform:rotate(${dir}deg)"><path d="M12 1.5 L20.5 21.5 L12 16.8 L3.5 21.5 Z"/></svg>` +
    `<div class="vm-plate">${esc(v.plate || v.id)}</div></div>`
  );
}

function tooltipHtml(rec: VehicleRec): string {
  const v = rec.v;
  const status = !v.online ? '<b class="tt-off">离线</b>' : rec.stale ? '<b class="tt-stale">定位中断</b>' : '<b class="tt-on">在线</b>';
  const speed = isNum(v.speedKmh) ? `${v.speedKmh.toFixed(0)} km/h` : '--';
  const dir = isNum(v.direction) ? `${headingLabel(v.direction)}（${Math.round(v.direction)}°）` : '--';
  return (
    `<div class="tt-title">${esc(v.plate || v.id)} ${status}</div>` +
    (v.enterpriseName ? `<div>${esc(v.enterpriseName)}</div>` : '') +
    `<div>速度 <b>${speed}</b>　方向 ${dir}</div>` +
    `<div>定位时间 ${v.ts ? `${esc(fmtListTime(v.ts, Date.now()))}（${esc(fmtAgo(v.ts))}）` : '--'}</div>` +
    (rec.alarm ? '<div class="tt-alarm">存在未处理报警</div>' : '') +
    '<div class="tt-hint">点击查看详情</div>'
  );
}

/** Draws a cluster bubble into Leaflet's icon element, touching only what changed since the last draw. */
function paintCluster(icon: HTMLElement, count: number, t: StateTally, px: number) {
  const state = clusterState(t);
  // Ring split by state shares, most urgent first.
  let at = 0;
  const stops: string[] = [];
  for (const s of ['alarm', 'offline', 'moving', 'stopped'] as const) {
    if (!t[s]) continue;
    const to = at + (t[s] / count) * 360;
    stops.push(`${VEHICLE_COLORS[s]} ${at.toFixed(1)}deg ${to.toFixed(1)}deg`);
    at = to;
  }
  const key = `${count}|${t.alarm}|${state}|${px}|${stops.join(',')}`;
  if (icon.dataset.key === key) return;
  icon.dataset.key = key;
  let bubble = icon.firstElementChild as HTMLElement | null;
  if (!bubble) {
    bubble = document.createElement('div');
    bubble.className = 'vehicle-cluster';
    bubble.setAttribute('data-testid', 'vehicle-cluster');
    bubble.append(document.createElement('span'));
    icon.append(bubble);
  }
  bubble.dataset.count = String(count);
  bubble.dataset.state = state;
  bubble.dataset.alarm = String(t.alarm);
  bubble.style.width = bubble.style.height = `${px}px`;
  bubble.style.background = `conic-gradient(${stops.join(',')})`;
  bubble.style.setProperty('--v', VEHICLE_COLORS[state]);
  bubble.firstElementChild!.textContent = clusterLabel(count);
  icon.style.width = icon.style.height = `${px}px`;
  icon.style.marginLeft = icon.style.marginTop = `${-px / 2}px`;
}

function restartClass(el: Element | null | undefined, cls: string, ms: number) {
  if (!(el instanceof HTMLElement)) return;
  el.classList.remove(cls);
  void el.offsetWidth; // reflow, so the animation starts again
  el.classList.add(cls);
  setTimeout(() => el.classList.remove(cls), ms);
}

export interface VehicleMapStats extends StateTally {
  total: number;
  located: number;
  online: number;
  mode: 'individual' | 'clustered';
  drawn: number;
}

export interface VehicleLayer extends VehicleView {
  /** Only these vehicles are drawn (the selected region's); null draws all the user may see. */
  setFilter(ids: ReadonlySet<number> | null): void;
  /** Redraw everything in another coordinate system (the tileset's). */
  setCrs(crs: MapCrs): void;
  /** Display position of a vehicle, for fitting the view. */
  positions(): L.LatLng[];
  stats(): VehicleMapStats;
  destroy(): void;
}

export function vehicleLayer(map: L.Map, opts: { crs: MapCrs; onOpen(id: number): void; onStats?(s: VehicleMapStats): void }): VehicleLayer {
  const layer = L.layerGroup().addTo(map);
  const recs = new Map<number, VehicleRec>();
  const singles = new Map<number, L.Marker>();
  const clusters: L.Marker[] = [];
  const dirty = new Set<number>();
  let toDisplay = converter('GCJ-02', opts.crs);
  let filter: ReadonlySet<number> | null = null;
  let indexDirty = true;
  let lastIndexAt = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let frame = 0;
  let mode: 'individual' | 'clustered' = 'individual';
  // Read once and on resize: reading it per marker forced a style recalculation of the whole page each time.
  let iconSize = iconPx();
  let stats: VehicleMapStats = { total: 0, located: 0, online: 0, mode, drawn: 0, moving: 0, stopped: 0, offline: 0, alarm: 0 };
  const elOf = (m: L.Marker | undefined) => m?.getElement()?.querySelector('.vehicle-marker') ?? null;
  const shown = (rec: VehicleRec) => (!filter || filter.has(rec.v.id)) && hasPosition(rec.v);
  const latLngOf = (rec: VehicleRec): L.LatLngTuple => toDisplay(rec.v.lat as number, rec.v.lon as number);

  function drawSingle(rec: VehicleRec) {
    const v = rec.v;
    let m = singles.get(v.id);
    if (!m) {
      const px = iconSize;
      // Built once: a marker leaves the map only to be dropped, so Leaflet never rebuilds its icon from this HTML.
      m = L.marker(latLngOf(rec), { icon: L.divIcon({ className: 'vehicle-icon', html: markerHtml(rec), iconSize: [px, px] }), keyboard: false, riseOnHover: true, title: v.plate });
      m.bindTooltip(() => tooltipHtml(rec), { direction: 'top', offset: [0, -Math.round(px / 2)], className: 'vehicle-tip', opacity: 1 });
      m.on('click', () => opts.onOpen(v.id));
      m.addTo(layer);
      singles.set(v.id, m);
    } else {
      m.setLatLng(latLngOf(rec));
      const el = elOf(m);
      // Only what changed is written: every write invalidates style, and most positions change nothing but the place.
      if (el instanceof HTMLElement) {
        const state = stateOf(rec);
        const put = (key: string, value: string) => el.dataset[key] !== value && (el.dataset[key] = value);
        put('state', state);
        put('online', String(v.online));
        put('stale', String(rec.stale));
        put('alarm', String(rec.alarm));
        put('moving', String(state === 'moving'));
        if (el.style.getPropertyValue('--v') !== VEHICLE_COLORS[state]) el.style.setProperty('--v', VEHICLE_COLORS[state]);
        const arrow = el.querySelector<SVGElement>('.vm-arrow');
        const rotate = `rotate(${isNum(v.direction) ? v.direction : 0}deg)`;
        if (arrow && arrow.style.transform !== rotate) arrow.style.transform = rotate;
        const plate = el.querySelector('.vm-plate');
        if (plate && plate.textContent !== (v.plate || String(v.id))) plate.textContent = v.plate || String(v.id);
      }
      if (m.isTooltipOpen()) m.setTooltipContent(tooltipHtml(rec));
    }
    const z = rec.alarm ? 1000 : v.online && !rec.stale ? 100 : 0;
    if (m.options.zIndexOffset !== z) m.setZIndexOffset(z); // it also re-places the marker
  }

  function removeSingle(id: number) {
    const m = singles.get(id);
    if (m) layer.removeLayer(m), singles.delete(id);
  }

  function tally(): number {
    const s: VehicleMapStats = { total: 0, located: 0, online: 0, mode, drawn: 0, moving: 0, stopped: 0, offline: 0, alarm: 0 };
    for (const rec of recs.values()) {
      if (filter && !filter.has(rec.v.id)) continue;
      s.total++;
      if (rec.v.online) s.online++;
      if (!hasPosition(rec.v)) continue;
      s.located++;
      s[stateOf(rec)]++;
    }
    stats = s;
    return s.located;
  }

  // The index lives in a worker; one request in flight, the newest wanted one queued behind it.
  const worker = new Worker(new URL('./cluster-worker.ts', import.meta.url), { type: 'module' });
  let seq = 0;
  let inFlight = false;
  let queued: 'load' | 'query' | null = null;
  let focusId: number | null = null;

  function request(load: boolean) {
    if (inFlight) {
      queued = load || queued === 'load' ? 'load' : 'query';
      return;
    }
    const b = map.getBounds().pad(0.2);
    const msg: ClusterRequest = { seq: ++seq, bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom: Math.floor(map.getZoom()) };
    const transfer: Transferable[] = [];
    if (load) {
      const shownRecs = [...recs.values()].filter(shown);
      const ids = new Int32Array(shownRecs.length);
      const coords = new Float64Array(shownRecs.length * 2);
      const states = new Uint8Array(shownRecs.length);
      shownRecs.forEach((rec, i) => {
        const [lat, lon] = latLngOf(rec);
        ids[i] = rec.v.id;
        coords[2 * i] = lat;
        coords[2 * i + 1] = lon;
        states[i] = VEHICLE_STATES.indexOf(stateOf(rec));
      });
      msg.load = { ids, coords, states };
      transfer.push(ids.buffer, coords.buffer, states.buffer);
      indexDirty = false;
      lastIndexAt = performance.now();
    }
    inFlight = true;
    worker.postMessage(msg, transfer);
  }

  worker.onmessage = (e: MessageEvent<ClusterAnswer>) => {
    inFlight = false;
    if (e.data.seq === seq && mode === 'clustered') drawItems(e.data.items);
    const next = queued;
    queued = null;
    if (next && mode === 'clustered') request(next === 'load');
  };

  function drawItems(items: ClusterItem[]) {
    const keep = new Set<number>();
    let used = 0;
    for (const it of items) {
      if ('count' in it) {
        let m = clusters[used];
        const px = clusterSizePx(it.count, iconSize * 1.2);
        if (!m) {
          const created = L.marker([it.lat, it.lon], { icon: L.divIcon({ className: 'vehicle-cluster-icon', html: '', iconSize: [px, px] }), keyboard: false });
          created.on('click', () => {
            const to = (created as L.Marker & { expandTo?: number }).expandTo;
            if (to != null) map.flyTo(created.getLatLng(), to, { duration: 0.6 });
          });
          created.addTo(layer);
          clusters.push(created);
          m = created;
        } else m.setLatLng([it.lat, it.lon]);
        const el = m.getElement();
        if (el) paintCluster(el, it.count, it.tally, px);
        (m as L.Marker & { expandTo?: number }).expandTo = it.expandTo;
        m.setZIndexOffset(it.tally.alarm > 0 ? 900 : 0);
        used++;
      } else {
        const rec = recs.get(it.id);
        if (!rec || !shown(rec)) continue;
        keep.add(it.id);
        if (!singles.has(it.id)) drawSingle(rec);
      }
    }
    for (const m of clusters.splice(used)) layer.removeLayer(m);
    for (const id of [...singles.keys()]) if (!keep.has(id)) removeSingle(id);
    stats.drawn = used + keep.size;
    opts.onStats?.(stats);
    if (focusId != null) showFocused();
  }

  function showFocused() {
    const m = focusId == null ? undefined : singles.get(focusId);
    if (!m) return;
    focusId = null;
    m.openTooltip();
    restartClass(elOf(m), 'flash', 10_000);
  }

  function drawClustered() {
    // Trucks already drawn single move now; the clusters follow when the worker answers.
    for (const id of dirty) {
      const rec = recs.get(id);
      if (rec && singles.has(id)) shown(rec) ? drawSingle(rec) : removeSingle(id);
    }
    request(indexDirty);
  }

  function drawIndividual() {
    for (const m of clusters.splice(0)) layer.removeLayer(m);
    for (const id of [...singles.keys()]) {
      const rec = recs.get(id);
      if (!rec || !shown(rec)) removeSingle(id);
    }
    for (const rec of recs.values()) if (shown(rec) && (dirty.has(rec.v.id) || !singles.has(rec.v.id))) drawSingle(rec);
    stats.drawn = singles.size;
  }

  function flush() {
    timer = null;
    frame = 0;
    mode = clusterMode(tally());
    stats.mode = mode;
    if (mode === 'individual') drawIndividual();
    else drawClustered();
    dirty.clear();
    map.getContainer().dataset.vehicleMode = mode;
    opts.onStats?.(stats);
  }

  /** Individual trucks move on the next frame; the cluster index is rebuilt at most once a second. */
  function schedule() {
    if (mode === 'individual' && clusterMode(recs.size) === 'individual') {
      if (!frame && !timer) frame = requestAnimationFrame(flush);
      return;
    }
    if (timer || frame) return;
    timer = setTimeout(flush, Math.max(0, INDEX_EVERY_MS - (performance.now() - lastIndexAt)));
  }

  const redraw = () => {
    if (mode === 'clustered') request(false);
  };
  map.on('moveend zoomend', redraw);
  const resized = () => (iconSize = iconPx());
  map.on('resize', resized);

  function flyAndFlash(rec: VehicleRec) {
    const target = L.latLng(latLngOf(rec));
    const zoom = mode === 'clustered' ? Math.max(map.getZoom(), CLUSTER_MAX_ZOOM + 1) : Math.max(map.getZoom(), 15.5);
    const after = () => {
      focusId = rec.v.id;
      flush();
      showFocused();
    };
    map.once('moveend', after);
    map.flyTo(target, zoom, { duration: 0.8 });
  }

  return {
    update(rec) {
      recs.set(rec.v.id, rec);
      dirty.add(rec.v.id);
      indexDirty = true;
      schedule();
    },
    remove(id) {
      recs.delete(id);
      removeSingle(id);
      indexDirty = true;
      schedule();
    },
    clear() {
      recs.clear();
      layer.clearLayers();
      singles.clear();
      clusters.length = 0;
      indexDirty = true;
      schedule();
    },
    flash(rec) {
      const m = singles.get(rec.v.id);
      if (!m) return false;
      restartClass(elOf(m), 'flash', 10_000);
      return true;
    },
    focus(rec) {
      if (!hasPosition(rec.v)) return false;
      flyAndFlash(rec);
      return true;
    },
    setFilter(ids) {
      filter = ids;
      for (const id of recs.keys()) dirty.add(id);
      indexDirty = true;
      flush();
    },
    setCrs(crs) {
      toDisplay = converter('GCJ-02', crs);
      for (const id of recs.keys()) dirty.add(id);
      indexDirty = true;
      flush();
    },
    positions() {
      return [...recs.values()].filter(shown).map((r) => L.latLng(latLngOf(r)));
    },
    stats: () => stats,
    destroy() {
      if (timer) clearTimeout(timer);
      if (frame) cancelAnimationFrame(frame);
      map.off('moveend zoomend', redraw);
      map.off('resize', resized);
      worker.terminate();
      layer.remove();
    },
  };
}
