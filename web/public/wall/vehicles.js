// Vehicle markers on the map. Each marker is an L.divIcon whose html root is
// <div class="vehicle-marker" data-vehicle-id="...">; updates touch that DOM
// in place so the element (and its data attributes) stays stable.
import { esc, isNum, pulseClass } from './dom.js';
import { fmtTime, fmtAgo, headingLabel } from './labels.js';

const L = window.L;
// No position for this long → shown greyed as 定位中断 even if still online.
export const VEHICLE_STALE_MS = 5 * 60 * 1000;

const vehicles = new Map(); // id -> { v, marker, stale }
let map = null;
let layer = null;
let alarmIds = new Set();
let onChange = () => {};

export function initVehicles(leafletMap, opts = {}) {
  map = leafletMap;
  if (!layer) layer = L.layerGroup().addTo(map);
  onChange = opts.onChange || onChange;
}

const hasPos = (v) => isNum(v.lat) && isNum(v.lon);
const isStale = (v) => !v.ts || Date.now() - new Date(v.ts).getTime() > VEHICLE_STALE_MS;

// Marker size follows the root font size so icons grow on 4K walls.
function iconPx() {
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 15;
  return Math.max(26, Math.round(rem * 2));
}

function markerHtml(rec) {
  const v = rec.v;
  const dir = isNum(v.direction) ? v.direction : 0;
  const moving = isNum(v.speedKmh) && v.speedKmh > 0.5;
  return `<div class="vehicle-marker" data-vehicle-id="${esc(v.id)}" data-online="${v.online ? 'true' : 'false'}"`
    + ` data-stale="${rec.stale ? 'true' : 'false'}" data-alarm="${alarmIds.has(v.id) ? 'true' : 'false'}" data-moving="${moving}">`
    + `<div class="vm-ring"></div>`
    + `<svg class="vm-arrow" viewBox="0 0 24 24" style="transform:rotate(${dir}deg)"><path d="M12 1.5 L20.5 21.5 L12 16.8 L3.5 21.5 Z"/></svg>`
    + `<div class="vm-plate">${esc(v.plate || v.id)}</div></div>`;
}

function tooltipHtml(rec) {
  const v = rec.v;
  const status = !v.online ? '<b class="tt-off">离线</b>' : rec.stale ? '<b class="tt-stale">定位中断</b>' : '<b class="tt-on">在线</b>';
  const speed = isNum(v.speedKmh) ? `${v.speedKmh.toFixed(0)} km/h` : '--';
  const dir = isNum(v.direction) ? `${headingLabel(v.direction)}（${Math.round(v.direction)}°）` : '--';
  return `<div class="tt-title">${esc(v.plate || v.id)} ${status}</div>`
    + (v.enterpriseName ? `<div>${esc(v.enterpriseName)}</div>` : '')
    + `<div>速度 <b>${speed}</b>　方向 ${dir}</div>`
    + `<div>定位时间 ${v.ts ? `${fmtTime(v.ts)}（${fmtAgo(v.ts)}）` : '--'}</div>`
    + (alarmIds.has(v.id) ? '<div class="tt-alarm">存在未处理报警</div>' : '');
}

function markerEl(rec) {
  const root = rec.marker && rec.marker.getElement();
  return root ? root.querySelector('.vehicle-marker') : null;
}

function render(rec) {
  const v = rec.v;
  rec.stale = v.online && isStale(v);
  if (!hasPos(v)) {
    if (rec.marker) { layer.removeLayer(rec.marker); rec.marker = null; }
    return;
  }
  const html = markerHtml(rec);
  if (!rec.marker) {
    rec.marker = L.marker([v.lat, v.lon], {
      icon: L.divIcon({ className: 'vehicle-icon', html, iconSize: [iconPx(), iconPx()] }),
      keyboard: false,
      riseOnHover: true,
    });
    rec.marker.bindTooltip(() => tooltipHtml(rec), { direction: 'top', offset: [0, -Math.round(iconPx() / 2)], className: 'vehicle-tip', opacity: 1 });
    rec.marker.addTo(layer);
  } else {
    rec.marker.setLatLng([v.lat, v.lon]);
    rec.marker.options.icon.options.html = html; // used if Leaflet ever rebuilds the icon
    const el = markerEl(rec);
    if (el) {
      el.dataset.online = v.online ? 'true' : 'false';
      el.dataset.stale = rec.stale ? 'true' : 'false';
      el.dataset.alarm = alarmIds.has(v.id) ? 'true' : 'false';
      el.dataset.moving = String(isNum(v.speedKmh) && v.speedKmh > 0.5);
      const arrow = el.querySelector('.vm-arrow');
      if (arrow) arrow.style.transform = `rotate(${isNum(v.direction) ? v.direction : 0}deg)`;
      const plate = el.querySelector('.vm-plate');
      if (plate && plate.textContent !== (v.plate || v.id)) plate.textContent = v.plate || v.id;
    }
    if (rec.marker.isTooltipOpen()) rec.marker.setTooltipContent(tooltipHtml(rec));
  }
  rec.marker.setZIndexOffset(alarmIds.has(v.id) ? 1000 : v.online && !rec.stale ? 100 : 0);
}

/** Snapshot from GET /api/monitor/vehicles. */
export function setVehicles(items) {
  items = Array.isArray(items) ? items : [];
  const seen = new Set();
  for (const it of items) {
    if (!it || it.id == null) continue;
    seen.add(it.id);
    let rec = vehicles.get(it.id);
    if (!rec) { rec = { v: { ...it }, marker: null, stale: false }; vehicles.set(it.id, rec); }
    else Object.assign(rec.v, it);
    render(rec);
  }
  for (const [id, rec] of vehicles) {
    if (seen.has(id)) continue;
    if (rec.marker) layer.removeLayer(rec.marker);
    vehicles.delete(id);
  }
  onChange();
}

/** Live `positions`: [{ vehicleId, plate, lat, lon, speedKmh, direction, ts }] */
export function applyPositions(list) {
  if (!Array.isArray(list)) return 0;
  let n = 0;
  for (const p of list) {
    if (!p || p.vehicleId == null) continue;
    let rec = vehicles.get(p.vehicleId);
    if (!rec) {
      rec = { v: { id: p.vehicleId, plate: p.plate, enterpriseName: '', online: true }, marker: null, stale: false };
      vehicles.set(p.vehicleId, rec);
    }
    const v = rec.v;
    if (v.ts && p.ts && new Date(p.ts).getTime() < new Date(v.ts).getTime()) continue; // out of order
    if (p.plate) v.plate = p.plate;
    if ('lat' in p) v.lat = p.lat;
    if ('lon' in p) v.lon = p.lon;
    if ('speedKmh' in p) v.speedKmh = p.speedKmh;
    if ('direction' in p) v.direction = p.direction;
    if ('ts' in p) v.ts = p.ts;
    v.online = true; // a fresh position means the terminal is talking to us
    render(rec);
    n++;
  }
  if (n) onChange();
  return n;
}

export function setVehicleOnline(id, online) {
  const rec = vehicles.get(id);
  if (!rec) return;
  rec.v.online = !!online;
  render(rec);
  onChange();
}

export function setAlarmVehicles(ids) {
  alarmIds = ids;
  for (const rec of vehicles.values()) if (rec.marker) render(rec);
}

export function flashVehicle(id) {
  const rec = vehicles.get(id);
  if (!rec || !rec.marker) return false;
  pulseClass(markerEl(rec), 'flash', 10000);
  return true;
}

export function focusVehicle(id) {
  const rec = vehicles.get(id);
  if (!rec || !rec.marker) return false;
  map.flyTo(rec.marker.getLatLng(), Math.max(map.getZoom(), 15.5), { duration: 0.8 });
  rec.marker.openTooltip();
  flashVehicle(id);
  return true;
}

export function vehicleInfo(id) {
  const rec = vehicles.get(id);
  return rec ? rec.v : null;
}

export function vehicleCounts() {
  let online = 0, located = 0;
  for (const { v } of vehicles.values()) {
    if (v.online) online++;
    if (hasPos(v)) located++;
  }
  return { total: vehicles.size, online, located, unlocated: vehicles.size - located };
}

/** Periodic: re-evaluate staleness and refresh open tooltips. */
export function tickVehicles() {
  let changed = false;
  for (const rec of vehicles.values()) {
    const before = rec.stale;
    if (rec.marker) render(rec);
    if (before !== rec.stale) changed = true;
  }
  if (changed) onChange();
}

export function clearVehicles() {
  if (layer) layer.clearLayers();
  vehicles.clear();
}

