// Right column: real-time alarm list (#alarm-list > li.alarm-item[data-alarm-id]).
// Newest first; an alarm leaves the list once it is both cleared and acknowledged.
// Each change carries a cursor (alarm_events id): the highest seen is where a resync resumes.
import { esc, isNum, toNum, pulseClass } from './dom.js';
import { SEVERITY, SEVERITY_RANK, alarmTypeLabel, alarmStateLabel, alarmHandlingState, fmtTime, fmtDateTime, fmtNum } from './labels.js';

const alarms = new Map();    // id -> Alarm
const nodes = new Map();     // id -> li
const touchedAt = new Map(); // id -> ms of last change from an event / ack
const cursors = new Map();   // id -> cursor of the newest change applied
let lastCursor = 0;          // highest cursor seen, for GET /api/alarms/changes?since=
let listEl = null;
let hiddenByServer = 0;      // open alarms the server counted but did not send
let opts = {
  describeSource: () => null,
  ack: async () => { throw new Error('ack not configured'); },
  onSelect: () => {},
  onChange: () => {},
  onUpdate: () => {}, // every change of an alarm, listed or not (the detail panel follows it)
};

export const isClosed = (a) => !a.active && a.acknowledged;
const key = (id) => String(id);
const time = (iso) => { const t = iso ? new Date(iso).getTime() : NaN; return Number.isNaN(t) ? 0 : t; };

export function initAlarms(el, options) {
  listEl = el;
  opts = { ...opts, ...options };
  listEl.addEventListener('click', (ev) => {
    const li = ev.target.closest('li.alarm-item');
    if (!li) return;
    const alarm = alarms.get(li.dataset.alarmId);
    if (!alarm) return;
    if (ev.target.closest('.alarm-ack')) {
      ev.stopPropagation();
      doAck(alarm, li);
    } else {
      opts.onSelect(alarm);
    }
  });
  listEl.addEventListener('keydown', (ev) => {
    if (ev.key !== 'Enter' || !ev.target.matches('li.alarm-item')) return;
    const alarm = alarms.get(ev.target.dataset.alarmId);
    if (alarm) opts.onSelect(alarm);
  });
  renderEmpty();
}

async function doAck(alarm, li) {
  const btn = li.querySelector('.alarm-ack');
  if (!btn || btn.disabled) return;
  btn.disabled = true;
  btn.textContent = '确认中…';
  li.dataset.pending = 'true';
  try {
    const res = await opts.ack(alarm.id);
    const updated = res && res.alarm ? res.alarm : { ...alarm, acknowledged: true };
    applyAlarmEvent({ action: 'acknowledged', alarm: updated, cursor: res && res.cursor });
  } catch (err) {
    delete li.dataset.pending;
    const b = li.querySelector('.alarm-ack');
    if (b) { b.disabled = false; b.textContent = '确认'; }
    if (opts.onAckError) opts.onAckError(err, alarm);
  }
}

function sortKey(a) { return time(a.firstAt) || time(a.lastAt); }

function itemHtml(a) {
  const src = opts.describeSource(a) || {};
  const sev = SEVERITY[a.severity] || a.severity || '';
  const sourceName = src.title || (a.source && a.source.name) || '未知来源';
  const v = toNum(a.value);
  const value = v != null ? `${fmtNum(v, isNum(src.decimals) ? src.decimals : 2)}${src.unit ? ` ${esc(src.unit)}` : ''}` : '';
  const meta = [`首次 ${fmtTime(a.firstAt)}`];
  if (isNum(a.count) && a.count > 1) meta.push(`共 <b>${a.count}</b> 次`);
  if (src.sub) meta.push(esc(src.sub));
  const ack = a.acknowledged
    ? (a.acknowledgedBy ? `<span class="ai-acked">${esc(a.acknowledgedBy)} 已确认</span>` : '')
    : '<button type="button" class="alarm-ack">确认</button>';
  return `<div class="ai-head">`
      + `<span class="ai-sev">${esc(sev)}</span>`
      + `<span class="ai-type">${esc(alarmTypeLabel(a))}</span>`
      + `<span class="ai-state">${esc(alarmStateLabel(a))}</span>`
      + `<time class="ai-time" datetime="${esc(a.lastAt || '')}" title="最近 ${esc(fmtDateTime(a.lastAt))}">${esc(fmtTime(a.lastAt || a.firstAt))}</time>`
    + `</div>`
    + `<div class="ai-source"><span class="ai-source-name">${esc(sourceName)}</span>${value ? `<span class="ai-value">${value}</span>` : ''}</div>`
    + (a.message ? `<div class="ai-msg">${esc(a.message)}</div>` : '')
    + `<div class="ai-foot"><span class="ai-meta">${meta.join(' · ')}</span>${ack}</div>`;
}

function renderItem(a) {
  const id = key(a.id);
  let li = nodes.get(id);
  if (!li) {
    li = document.createElement('li');
    li.className = 'alarm-item';
    li.tabIndex = 0;
    li.dataset.alarmId = id;
    nodes.set(id, li);
  }
  li.dataset.severity = a.severity || 'warning';
  li.dataset.acknowledged = a.acknowledged ? 'true' : 'false';
  li.dataset.state = alarmHandlingState(a);
  li.dataset.active = a.active ? 'true' : 'false';
  li.dataset.sourceKind = (a.source && a.source.kind) || '';
  delete li.dataset.pending;
  const html = itemHtml(a);
  if (li._html !== html) { li.innerHTML = html; li._html = html; }
  return li;
}

function removeItem(id) {
  alarms.delete(id);
  const li = nodes.get(id);
  if (li) li.remove();
  nodes.delete(id);
}

function renderEmpty() {
  let empty = listEl.querySelector('.alarm-empty');
  if (alarms.size === 0) {
    if (!empty) {
      empty = document.createElement('li');
      empty.className = 'alarm-empty';
      empty.textContent = '当前无未处理报警';
      listEl.appendChild(empty);
    }
  } else if (empty) {
    empty.remove();
  }
}

/** Put list items in newest-first order, moving only what is out of place. */
function reorder() {
  const sorted = [...alarms.values()].sort((a, b) => sortKey(b) - sortKey(a) || String(b.id).localeCompare(String(a.id)));
  let cursor = listEl.firstElementChild;
  for (const a of sorted) {
    const li = nodes.get(key(a.id));
    if (cursor === li) { cursor = cursor.nextElementSibling; continue; }
    listEl.insertBefore(li, cursor);
  }
  renderEmpty();
}

function upsert(a) {
  const id = key(a.id);
  if (isClosed(a)) { removeItem(id); return false; }
  alarms.set(id, a);
  renderItem(a);
  return true;
}

/** Snapshot from GET /api/alarms?state=open. startedAt guards against racing events. */
export function setAlarms(items, total, startedAt = 0) {
  items = Array.isArray(items) ? items : [];
  const incoming = new Map(items.filter((a) => a && a.id != null).map((a) => [key(a.id), a]));
  for (const id of [...alarms.keys()]) {
    if (!incoming.has(id) && !((touchedAt.get(id) || 0) > startedAt)) removeItem(id);
  }
  for (const [id, a] of incoming) {
    if ((touchedAt.get(id) || 0) > startedAt && alarms.has(id)) continue; // newer local copy
    upsert(a);
  }
  hiddenByServer = isNum(total) ? Math.max(0, total - items.length) : 0;
  reorder();
  opts.onChange();
}

/** False when a change older than one already applied to this alarm arrives late. */
function takeCursor(id, cursor) {
  if (!isNum(cursor)) return true;
  if ((cursors.get(id) || 0) >= cursor) return false;
  cursors.set(id, cursor);
  if (cursor > lastCursor) lastCursor = cursor;
  return true;
}

export const alarmCursor = () => lastCursor;

/** Mark the alarm shown in the detail panel (aria-current), or none. */
export function markSelected(id) {
  for (const [k, li] of nodes) {
    if (id != null && k === key(id)) li.setAttribute('aria-current', 'true');
    else li.removeAttribute('aria-current');
  }
}
export const getAlarm = (id) => alarms.get(key(id)) || null;

/** Live `alarm` event { action, alarm, cursor?, step? } (or a step's answer). Returns the alarm if it is (still) listed. */
export function applyAlarmEvent(evt) {
  const a = evt && evt.alarm;
  if (!a || a.id == null) return null;
  const id = key(a.id);
  if (!takeCursor(id, evt.cursor)) return alarms.get(id) || null;
  touchedAt.set(id, Date.now());
  const alarm = evt.action === 'acknowledged' ? { ...a, acknowledged: true }
    : evt.action === 'cleared' ? { ...a, active: false } : a;
  const listed = upsert(alarm);
  opts.onUpdate(alarm);
  reorder();
  if (listed && evt.action === 'raised') pulseClass(nodes.get(id), 'fresh', 6000);
  opts.onChange();
  return listed ? alarm : null;
}

/** Items of GET /api/alarms/changes: each alarm's current state after the cursor. Returns the alarms applied. */
export function applyAlarmChanges(items) {
  const applied = [];
  for (const it of Array.isArray(items) ? items : []) {
    const a = it && it.alarm;
    if (!a || a.id == null || !takeCursor(key(a.id), it.cursor)) continue;
    touchedAt.set(key(a.id), Date.now());
    upsert(a);
    opts.onUpdate(a);
    applied.push(a);
  }
  if (applied.length) {
    reorder();
    opts.onChange();
  }
  return applied;
}

/** Re-render texts that depend on other data (e.g. after tanks/vehicles load). */
export function refreshAlarmTexts() {
  for (const a of alarms.values()) renderItem(a);
}

export function alarmStats() {
  const bySeverity = { critical: 0, major: 0, minor: 0, warning: 0 };
  let unacked = 0;
  const sensorIds = new Map(); // sensorId -> worst severity of its active alarms
  const vehicleIds = new Set();
  for (const a of alarms.values()) {
    if (!a.acknowledged) {
      unacked++;
      if (a.severity in bySeverity) bySeverity[a.severity]++;
    }
    if (a.active && a.source) {
      if (a.source.kind === 'sensor') {
        const cur = sensorIds.get(a.source.id);
        if (!cur || (SEVERITY_RANK[a.severity] || 0) > (SEVERITY_RANK[cur] || 0)) sensorIds.set(a.source.id, a.severity);
      }
      else if (a.source.kind === 'vehicle') vehicleIds.add(a.source.id);
    }
  }
  return {
    listed: alarms.size,
    total: alarms.size + hiddenByServer,
    unacked,
    critical: bySeverity.critical,
    bySeverity,
    sensorIds,
    vehicleIds,
  };
}

export function worstUnacked() {
  let worst = null;
  for (const a of alarms.values()) {
    if (a.acknowledged) continue;
    if (!worst || (SEVERITY_RANK[a.severity] || 0) > (SEVERITY_RANK[worst.severity] || 0)) worst = a;
  }
  return worst;
}

export function clearAlarms() {
  for (const id of [...alarms.keys()]) removeItem(id);
  touchedAt.clear();
  cursors.clear();
  lastCursor = 0;
  hiddenByServer = 0;
  if (listEl) renderEmpty();
}
