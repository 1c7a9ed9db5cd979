// Monitoring wall bootstrap: wires login, REST snapshot, live socket and panels.
import { api, getToken, getUser, clearSession, setUnauthorizedHandler } from './api.js';
import { initLogin, showLogin, hideLogin } from './login.js';
import { initHeader, setUser, setConnState } from './header.js';
import {
  initTanks, setTanks, applyReadings, setActiveAlarmSensors, setDeviceOnline,
  flashSensor, sensorInfo, tankCounts, tickTanks, clearTanks,
} from './tanks.js';
import { initMap } from './map.js';
import {
  initVehicles, setVehicles, applyPositions, setVehicleOnline, setAlarmVehicles,
  flashVehicle, focusVehicle, vehicleInfo, vehicleCounts, tickVehicles, clearVehicles,
} from './vehicles.js';
import {
  initAlarms, setAlarms, applyAlarmEvent, applyAlarmChanges, alarmCursor, markSelected, alarmStats, refreshAlarmTexts, clearAlarms,
} from './alarms.js';
import { initAlarmDetail, openAlarmDetail, updateAlarmDetail, closeAlarmDetail } from './alarm-detail.js';
import { connectLive, disconnectLive } from './live.js';
import { updateStatus, markDataReceived } from './statusbar.js';
import { toast, alarmTone, unlockAudio } from './toast.js';
import { SENSOR_KIND, SEVERITY, alarmTypeLabel, setAlarmTypeLabels, unitLabel } from './labels.js';

const TICK_MS = 15000;          // staleness re-evaluation
const ALARM_RESYNC_MS = 120000; // safety net besides the socket
const POLL_MS = 15000;          // only when the Socket.IO client is unavailable

let session = 0;      // bumps on every login/logout; results of older sessions are dropped
let running = false;
let vehiclesReady = false;
let timers = [];
const offlineDevices = new Set();

// ---------- helpers -------------------------------------------------------

function describeSource(alarm) {
  const src = alarm.source || {};
  if (src.kind === 'sensor') {
    const info = sensorInfo(src.id);
    if (!info) return { title: src.name };
    const kind = SENSOR_KIND[info.sensor.kind] || '';
    const name = src.name || kind;
    const title = info.tank.name && !String(name).includes(info.tank.name) ? `${info.tank.name} · ${name}` : name;
    return { title, sub: info.tank.enterpriseName, unit: unitLabel(info.sensor.unit), decimals: info.decimals };
  }
  if (src.kind === 'vehicle') {
    const v = vehicleInfo(src.id);
    const speedLike = /overspeed|speeding/.test(String(alarm.type));
    return { title: src.name || (v && v.plate), sub: v && v.enterpriseName, unit: speedLike ? 'km/h' : '', decimals: speedLike ? 0 : 2 };
  }
  return { title: src.name };
}

let countsQueued = false;
function refreshCounts() {
  if (countsQueued) return;
  countsQueued = true;
  requestAnimationFrame(() => {
    countsQueued = false;
    const a = alarmStats();
    const v = vehicleCounts();
    updateStatus({ tanks: tankCounts(), vehicles: v, alarms: a, devicesOffline: offlineDevices.size });
    document.getElementById('alarm-total').textContent = String(a.total);
    for (const sev of ['critical', 'major', 'minor', 'warning']) {
      const el = document.getElementById(`sev-${sev}`);
      el.querySelector('b').textContent = String(a.bySeverity[sev]);
      el.dataset.hot = String(a.bySeverity[sev] > 0);
    }
    document.getElementById('filter-count-all').textContent = String(a.listed);
    document.getElementById('filter-count-unacked').textContent = String(a.unacked);
    document.getElementById('map-vehicle-online').textContent = String(v.online);
    document.getElementById('map-vehicle-total').textContent = String(v.total);
    document.getElementById('map-vehicle-unlocated').textContent = String(v.unlocated);
    document.getElementById('wall').dataset.alert = a.bySeverity.critical > 0 ? 'critical' : a.unacked > 0 ? 'unacked' : 'none';
    document.title = a.unacked > 0 ? `（${a.unacked}）监控大屏 · 危险化学品安全监测预警平台` : '监控大屏 · 危险化学品安全监测预警平台';
  });
}

function onAlarmsChanged() {
  const a = alarmStats();
  setActiveAlarmSensors(a.sensorIds);
  setAlarmVehicles(a.vehicleIds);
  refreshCounts();
}

function flashSource(alarm) {
  const src = alarm.source || {};
  if (src.kind === 'sensor') return flashSensor(src.id);
  if (src.kind === 'vehicle') return flashVehicle(src.id);
  return false;
}

function reportLoadError(what, reason) {
  if (reason && reason.status === 401) return; // handled by the unauthorized handler
  toast(`${what}加载失败：${(reason && reason.message) || '未知错误'}`, 'error', 10000);
}

// ---------- data loading --------------------------------------------------

async function loadSnapshot(my) {
  const startedAt = Date.now();
  const [t, v, a, types] = await Promise.allSettled([api.tanks(), api.vehicles(), api.openAlarms(), api.alarmTypes()]);
  if (my !== session) return;
  if (types.status === 'fulfilled') setAlarmTypeLabels((types.value && types.value.labels) || {});
  else reportLoadError('报警类型名称', types.reason);
  if (t.status === 'fulfilled') setTanks((t.value && t.value.items) || []);
  else reportLoadError('储罐数据', t.reason);
  if (v.status === 'fulfilled') { if (vehiclesReady) setVehicles((v.value && v.value.items) || []); }
  else reportLoadError('车辆数据', v.reason);
  if (a.status === 'fulfilled') setAlarms((a.value && a.value.items) || [], a.value && a.value.total, startedAt);
  else reportLoadError('报警数据', a.reason);
  refreshAlarmTexts();
  onAlarmsChanged();
  if (t.status === 'fulfilled' || v.status === 'fulfilled') markDataReceived();
}

async function resyncAlarms(my) {
  const startedAt = Date.now();
  try {
    const res = await api.openAlarms();
    if (my !== session) return;
    setAlarms((res && res.items) || [], res && res.total, startedAt);
  } catch (err) {
    if (my === session) reportLoadError('报警数据', err);
  }
}

/** Every alarm changed after the highest cursor seen (page until done): catches what a disconnect missed. */
async function catchUpAlarms(my) {
  let since = alarmCursor();
  if (!since) return; // no change seen yet: the open-list snapshot is the whole picture
  try {
    for (;;) {
      const res = await api.alarmChanges(since);
      if (my !== session) return;
      applyAlarmChanges((res && res.items) || []);
      if (!res || !res.more || !(res.cursor > since)) break;
      since = res.cursor;
    }
  } catch (err) {
    if (my === session) reportLoadError('报警变更', err);
  }
}

// ---------- live channel --------------------------------------------------

function startLive(my) {
  const ok = connectLive(getToken(), {
    onConnect(isReconnect) {
      if (my !== session) return;
      setConnState('connected');
      if (isReconnect) {
        toast('实时数据通道已恢复，正在同步数据', 'ok', 4000);
        catchUpAlarms(my);
        loadSnapshot(my); // includes /api/alarms?state=open
      } else {
        resyncAlarms(my);
      }
    },
    onDisconnect(reason) {
      if (my !== session) return;
      setConnState('disconnected', `实时数据通道断开（${reason || '未知原因'}），正在重连…`);
    },
    onUnauthorized() { handleUnauthorized(); },
    onReadings(list) {
      if (applyReadings(list)) markDataReceived();
    },
    onPositions(list) {
      if (applyPositions(list)) markDataReceived();
    },
    onAlarm(evt) {
      const alarm = applyAlarmEvent(evt);
      if (!alarm || evt.action !== 'raised') return;
      flashSource(alarm);
      if (!alarm.acknowledged && (alarm.severity === 'critical' || alarm.severity === 'major')) alarmTone(alarm.severity);
      if (alarm.severity === 'critical') {
        const src = describeSource(alarm);
        toast(`【${SEVERITY.critical}】${alarmTypeLabel(alarm)} · ${src.title || ''}`, 'critical', 8000);
      }
    },
    onStatus(evt) {
      if (!evt || evt.id == null) return;
      if (evt.kind === 'vehicle') {
        setVehicleOnline(evt.id, evt.online);
      } else if (evt.kind === 'device') {
        if (evt.online) offlineDevices.delete(String(evt.id));
        else offlineDevices.add(String(evt.id));
        setDeviceOnline(evt.id, evt.online);
        refreshCounts();
      }
    },
  });
  if (!ok) {
    setConnState('disconnected', '实时通道客户端未加载，改为每15秒定时刷新');
    toast('实时通道不可用，已切换为定时刷新', 'error', 10000);
    timers.push(setInterval(() => loadSnapshot(my), POLL_MS));
  }
}

// ---------- session lifecycle ---------------------------------------------

async function startWall(user) {
  const my = ++session;
  running = true;
  hideLogin();
  setUser(user);
  setConnState('disconnected', '正在连接实时数据通道…');
  const map = await initMap(document.getElementById('map'));
  if (!vehiclesReady) {
    initVehicles(map, { onChange: refreshCounts });
    vehiclesReady = true;
  }
  if (my !== session) return;
  await loadSnapshot(my);
  if (my !== session) return;
  startLive(my);
  timers.push(setInterval(() => { tickTanks(); tickVehicles(); }, TICK_MS));
  timers.push(setInterval(() => resyncAlarms(my), ALARM_RESYNC_MS));
}

function stopWall(message) {
  running = false;
  session++;
  disconnectLive();
  timers.forEach(clearInterval);
  timers = [];
  clearSession();
  closeAlarmDetail();
  clearAlarms();
  clearTanks();
  clearVehicles();
  offlineDevices.clear();
  setConnState('disconnected');
  refreshCounts();
  showLogin(message);
}

function handleUnauthorized() {
  if (!running) return;
  stopWall('登录已过期，请重新登录');
}

// ---------- boot ------------------------------------------------------------

function boot() {
  initHeader({
    onLogout: () => {
      api.logout().catch(() => {}); // the server forgets the session; the page logs out either way
      stopWall('');
    },
  });
  initLogin({ onLoggedIn: (user) => startWall(user) });
  initTanks(document.getElementById('tank-list'), { onChange: refreshCounts });
  initAlarms(document.getElementById('alarm-list'), {
    describeSource,
    ack: (id) => api.ackAlarm(id),
    onUpdate: updateAlarmDetail,
    onAckError(err) {
      if (err && err.status === 401) return;
      toast(`确认失败：${(err && err.message) || '未知错误'}`, 'error', 8000);
      if (err && (err.status === 404 || err.status === 409)) resyncAlarms(session);
    },
    onSelect(alarm) {
      openAlarmDetail(alarm);
      const src = alarm.source || {};
      if (src.kind === 'vehicle') {
        if (!focusVehicle(src.id)) toast('该车辆暂无定位信息', 'info', 3000);
      } else if (src.kind === 'sensor') {
        flashSensor(src.id);
      }
    },
    onChange: onAlarmsChanged,
  });
  initAlarmDetail(document.getElementById('alarm-detail'), {
    api,
    role: () => (getUser() || {}).role || null,
    describeSource,
    toast,
    onShow: markSelected,
    onStep: (res, action) => { if (res && res.alarm) applyAlarmEvent({ action, alarm: res.alarm, cursor: res.cursor }); },
  });
  document.getElementById('alarm-filter').addEventListener('click', (ev) => {
    const btn = ev.target.closest('button[data-filter]');
    if (!btn) return;
    for (const b of document.querySelectorAll('#alarm-filter button')) b.setAttribute('aria-pressed', String(b === btn));
    document.getElementById('alarm-list').dataset.filter = btn.dataset.filter;
  });
  setUnauthorizedHandler(handleUnauthorized);
  // browsers only allow sound after a user gesture (matters after a page reload)
  document.addEventListener('pointerdown', unlockAudio, { once: true });
  document.addEventListener('keydown', unlockAudio, { once: true });

  if (getToken()) startWall(getUser() || {});
  else showLogin();
}

boot();
