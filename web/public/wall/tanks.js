// Left column: tank cards (.tank-card[data-tank-id]) with sensor rows
// (.sensor[data-sensor-id] > .sensor-value). Updated in place on readings.
import { esc, isNum, toNum, pulseClass } from './dom.js';
import { SENSOR_KIND, SENSOR_KIND_ORDER, SENSOR_STATE, SEVERITY_RANK, LEVEL, unitLabel, decimalsFor, fmtNum, fmtDateTime, fmtAgo } from './labels.js';
import { displayState, sensorRange, pct } from './sensor-eval.js';

// A sensor with no reading for this long is shown as 数据中断 even if the
// server has not said so yet. Per-sensor interruptionTimeoutS wins if sent.
export const STALE_AFTER_MS = 10 * 60 * 1000;
const staleAfter = (s) => (isNum(s.interruptionTimeoutS) && s.interruptionTimeoutS > 0 ? s.interruptionTimeoutS * 1000 : STALE_AFTER_MS);

const tanks = new Map();    // tankId -> { tank, el }
const sensors = new Map();  // sensorId -> { sensor, tank, el, level, state }
let container = null;
let alarmSensorIds = new Map(); // sensorId -> severity of its worst active alarm
let onChange = () => {};

export function initTanks(el, opts = {}) {
  container = el;
  onChange = opts.onChange || onChange;
}

/** Coerce numeric fields so string-typed numbers from the API still work. */
function normalizeSensor(s) {
  const t = s.thresholds || {};
  return {
    ...s,
    value: toNum(s.value),
    rangeMin: toNum(s.rangeMin),
    rangeMax: toNum(s.rangeMax),
    interruptionTimeoutS: toNum(s.interruptionTimeoutS),
    thresholds: {
      lowLow: toNum(t.lowLow), low: toNum(t.low), high: toNum(t.high), highHigh: toNum(t.highHigh), deadband: toNum(t.deadband),
    },
  };
}

const kindIndex = (k) => {
  const i = SENSOR_KIND_ORDER.indexOf(k);
  return i < 0 ? 99 : i;
};

function sameShape(items) {
  if (items.length !== tanks.size) return false;
  for (const t of items) {
    const cur = tanks.get(t.id);
    if (!cur) return false;
    const ids = (list) => (list || []).map((s) => String(s.id)).sort().join('|');
    if (ids(t.sensors) !== ids(cur.tank.sensors)) return false;
  }
  return true;
}

/** Full snapshot from GET /api/monitor/tanks; re-renders only if the set changed. */
export function setTanks(items) {
  items = Array.isArray(items) ? items : [];
  if (tanks.size && sameShape(items)) {
    for (const t of items) {
      const cur = tanks.get(t.id);
      Object.assign(cur.tank, { ...t, sensors: cur.tank.sensors });
      for (const s of t.sensors || []) {
        const rec = sensors.get(s.id);
        Object.assign(rec.sensor, normalizeSensor(s));
        renderSensor(rec);
      }
      renderTankState(cur);
    }
  } else {
    renderAll(items);
  }
  onChange();
}

function renderAll(items) {
  tanks.clear();
  sensors.clear();
  container.textContent = '';
  if (!items.length) {
    container.innerHTML = '<div class="empty-note">暂无接入的储罐</div>';
    return;
  }
  const frag = document.createDocumentFragment();
  for (const src of items) {
    const tank = { ...src, sensors: (src.sensors || []).map(normalizeSensor).sort((a, b) => kindIndex(a.kind) - kindIndex(b.kind)) };
    const card = document.createElement('article');
    card.className = 'tank-card';
    card.dataset.tankId = tank.id;
    card.innerHTML = `
      <header class="tank-head">
        <span class="tank-name" title="${esc(tank.name)}">${esc(tank.name)}</span>
        <span class="tank-code">${esc(tank.code || '')}</span>
        <span class="tank-badge"></span>
      </header>
      <div class="tank-meta">
        <span class="tank-ent" title="${esc(tank.enterpriseName)}">${esc(tank.enterpriseName || '')}</span>
        ${tank.medium ? `<span class="tank-medium">${esc(tank.medium)}</span>` : ''}
      </div>
      <div class="sensors"></div>`;
    const list = card.querySelector('.sensors');
    const rec = { tank, el: card };
    tanks.set(tank.id, rec);
    if (!tank.sensors.length) list.innerHTML = '<div class="empty-note">未配置监测点</div>';
    for (const s of tank.sensors) {
      const row = document.createElement('div');
      row.className = 'sensor';
      row.dataset.sensorId = s.id;
      row.dataset.kind = s.kind;
      row.innerHTML = `
        <span class="sensor-kind">${esc(SENSOR_KIND[s.kind] || s.kind || '监测值')}</span>
        <span class="sensor-bar"><span class="bar-fill"></span>${ticks(s)}</span>
        <span class="sensor-tag"></span>
        <span class="sensor-reading"><span class="sensor-value">--</span><span class="sensor-unit">${esc(unitLabel(s.unit))}</span></span>`;
      list.appendChild(row);
      const srec = {
        sensor: s, tank, el: row,
        valueEl: row.querySelector('.sensor-value'),
        fillEl: row.querySelector('.bar-fill'),
        tagEl: row.querySelector('.sensor-tag'),
        level: null, state: null, decimals: decimalsFor(s),
      };
      sensors.set(s.id, srec);
      renderSensor(srec);
    }
    renderTankState(rec);
    frag.appendChild(card);
  }
  container.appendChild(frag);
}

function ticks(s) {
  const t = s.thresholds || {};
  const range = sensorRange(s);
  const out = [];
  for (const [key, cls] of [['lowLow', 'tick-crit'], ['low', 'tick-warn'], ['high', 'tick-warn'], ['highHigh', 'tick-crit']]) {
    if (isNum(t[key]) && t[key] > range[0] && t[key] < range[1]) {
      out.push(`<i class="tick ${cls}" style="left:${pct(t[key], range).toFixed(1)}%"></i>`);
    }
  }
  return out.join('');
}

function sensorTitle(rec) {
  const s = rec.sensor;
  const t = s.thresholds || {};
  const u = unitLabel(s.unit);
  const lines = [`${rec.tank.name} · ${SENSOR_KIND[s.kind] || s.kind}${s.code ? `（${s.code}）` : ''}`];
  const th = [];
  if (isNum(t.highHigh)) th.push(`高高报 ${t.highHigh}${u}`);
  if (isNum(t.high)) th.push(`高报 ${t.high}${u}`);
  if (isNum(t.low)) th.push(`低报 ${t.low}${u}`);
  if (isNum(t.lowLow)) th.push(`低低报 ${t.lowLow}${u}`);
  if (th.length) lines.push(`阈值：${th.join('，')}`);
  lines.push(`状态：${SENSOR_STATE[rec.state] || '--'}${rec.level ? `（${LEVEL[rec.level]}）` : ''}`);
  lines.push(`更新：${s.ts ? `${fmtDateTime(s.ts)}（${fmtAgo(s.ts)}）` : '无数据'}`);
  return lines.join('\n');
}

function renderSensor(rec) {
  const s = rec.sensor;
  let { state, level } = displayState(s, rec.level);
  if (state === 'normal' && s.ts && Date.now() - new Date(s.ts).getTime() > staleAfter(s)) state = 'stale';
  rec.level = level;
  rec.state = state;
  const text = fmtNum(s.value, rec.decimals);
  if (rec.valueEl.textContent !== text) rec.valueEl.textContent = text;
  rec.el.dataset.state = state;
  rec.el.dataset.level = state === 'alarm' ? (level || 'alarm') : '';
  rec.el.classList.toggle('has-alarm', alarmSensorIds.has(s.id));
  const tag = state === 'alarm' ? (LEVEL[level] || '报警') : state === 'normal' ? '' : SENSOR_STATE[state];
  if (rec.tagEl.textContent !== tag) rec.tagEl.textContent = tag;
  rec.fillEl.style.width = `${pct(s.value, sensorRange(s)).toFixed(1)}%`;
  rec.el.title = sensorTitle(rec);
}

const TANK_STATE_RANK = { alarm: 4, fault: 3, stale: 2, nodata: 1, normal: 0 };
const TANK_BADGE = { alarm: '报警', fault: '故障', stale: '数据中断', nodata: '无数据', normal: '正常' };

function renderTankState(trec) {
  let worst = 'normal';
  let anyData = false;
  let severe = false;
  for (const s of trec.tank.sensors || []) {
    const r = sensors.get(s.id);
    if (!r) continue;
    if (r.state !== 'nodata') anyData = true;
    if (r.state === 'alarm' && (r.level === 'high_high' || r.level === 'low_low' || !r.level)) severe = true;
    if (r.state === 'nodata') continue; // a single unwired sensor should not grey the tank
    if (TANK_STATE_RANK[r.state] > TANK_STATE_RANK[worst]) worst = r.state;
  }
  if (!anyData && (trec.tank.sensors || []).length) worst = 'nodata';
  let alarmSev = '';
  for (const s of trec.tank.sensors || []) {
    const sev = alarmSensorIds.get(s.id);
    if (sev && (SEVERITY_RANK[sev] || 0) > (SEVERITY_RANK[alarmSev] || 0)) alarmSev = sev;
  }
  trec.el.dataset.state = worst;
  trec.el.dataset.severe = String(worst === 'alarm' && severe);
  trec.el.dataset.alarmSeverity = alarmSev; // active alarms on this tank (from the alarm list)
  trec.el.classList.toggle('has-alarm', !!alarmSev);
  const badge = trec.el.querySelector('.tank-badge');
  if (badge.textContent !== TANK_BADGE[worst]) badge.textContent = TANK_BADGE[worst];
}

/** Live `readings` event: [{ sensorId, tankId, value, ts, quality, state? }] */
export function applyReadings(list) {
  if (!Array.isArray(list)) return 0;
  const touchedTanks = new Set();
  let n = 0;
  for (const r of list) {
    const rec = r && sensors.get(r.sensorId);
    if (!rec) continue;
    const s = rec.sensor;
    // ignore out-of-order samples
    if (s.ts && r.ts && new Date(r.ts).getTime() < new Date(s.ts).getTime()) continue;
    if ('value' in r) s.value = toNum(r.value);
    if ('ts' in r) s.ts = r.ts;
    if ('quality' in r) s.quality = r.quality;
    s.state = 'state' in r && r.state ? r.state : null;
    renderSensor(rec);
    touchedTanks.add(rec.tank.id);
    n++;
    pulseClass(rec.el, 'updated', 900);
  }
  for (const id of touchedTanks) renderTankState(tanks.get(id));
  if (n) onChange();
  return n;
}

/** Sensors whose device went offline/online (`status` event, if the server maps devices to sensors). */
export function setDeviceOnline(deviceId, online) {
  let changed = false;
  for (const rec of sensors.values()) {
    if (rec.sensor.deviceId == null || String(rec.sensor.deviceId) !== String(deviceId)) continue;
    if (!online) rec.sensor.state = 'stale';
    else if (rec.sensor.state === 'stale') rec.sensor.state = null;
    renderSensor(rec);
    renderTankState(tanks.get(rec.tank.id));
    changed = true;
  }
  if (changed) onChange();
}

/** Highlight sensors/tanks that have an active, open alarm. ids: Map sensorId -> severity */
export function setActiveAlarmSensors(ids) {
  alarmSensorIds = ids;
  for (const rec of sensors.values()) rec.el.classList.toggle('has-alarm', ids.has(rec.sensor.id));
  for (const trec of tanks.values()) renderTankState(trec);
}

export function flashSensor(sensorId, { scroll = true } = {}) {
  const rec = sensors.get(sensorId);
  if (!rec) return false;
  const card = tanks.get(rec.tank.id).el;
  pulseClass(card, 'flash', 8000);
  pulseClass(rec.el, 'flash', 8000);
  if (scroll) card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  return true;
}

export function flashTank(tankId) {
  const t = tanks.get(tankId);
  if (!t) return false;
  pulseClass(t.el, 'flash', 8000);
  t.el.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  return true;
}

/** Sensor/tank info for labelling alarms. */
export function sensorInfo(sensorId) {
  const rec = sensors.get(sensorId);
  if (!rec) return null;
  return { sensor: rec.sensor, tank: rec.tank, decimals: rec.decimals };
}

export function tankCounts() {
  let alarm = 0, stale = 0;
  for (const r of sensors.values()) {
    if (r.state === 'alarm') alarm++;
    else if (r.state === 'stale' || r.state === 'fault') stale++;
  }
  return { tanks: tanks.size, sensors: sensors.size, alarm, stale };
}

/** Periodic re-evaluation so silent sensors turn 数据中断 and tooltips stay fresh. */
export function tickTanks() {
  const touched = new Set();
  for (const rec of sensors.values()) {
    const before = rec.state;
    renderSensor(rec);
    if (rec.state !== before) touched.add(rec.tank.id);
  }
  for (const id of touched) renderTankState(tanks.get(id));
  if (touched.size) onChange();
}

export function clearTanks() {
  tanks.clear();
  sensors.clear();
  if (container) container.textContent = '';
}
