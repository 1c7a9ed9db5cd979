// zh-CN display texts and formatters.
import { isNum } from './dom.js';

export const SENSOR_KIND = {
  level: '液位',
  temperature: '温度',
  pressure: '压力',
  combustible_gas: '可燃气体',
  toxic_gas: '有毒气体',
  oxygen: '氧含量',
};
export const SENSOR_KIND_ORDER = ['level', 'temperature', 'pressure', 'combustible_gas', 'toxic_gas', 'oxygen'];

export const LEVEL = { high: '高报', high_high: '高高报', low: '低报', low_low: '低低报' };

export const SENSOR_STATE = {
  normal: '正常',
  alarm: '报警',
  stale: '数据中断',
  nodata: '无数据',
  fault: '故障',
};

export const SEVERITY = { critical: '紧急', major: '重要', minor: '一般', warning: '提示' };
export const SEVERITY_RANK = { critical: 4, major: 3, minor: 2, warning: 1 };

// Names of the alarm types, from GET /api/alarms/types (alerts/alarm-labels.ts); until loaded a type shows its code.
const ALARM_TYPE = {};
export function setAlarmTypeLabels(labels) {
  Object.assign(ALARM_TYPE, labels);
}

export function alarmTypeLabel(alarm) {
  if (!alarm) return '报警';
  if (alarm.level && LEVEL[alarm.level] && (alarm.type === 'threshold' || !ALARM_TYPE[alarm.type])) return LEVEL[alarm.level];
  if (alarm.type && ALARM_TYPE[alarm.type]) return ALARM_TYPE[alarm.type];
  return alarm.type ? String(alarm.type) : '报警';
}

/** Handling state, also li.alarm-item[data-state]: closed > disposed > active/cleared × acknowledged. */
export function alarmHandlingState(alarm) {
  if (alarm.closedAt) return 'closed';
  if (alarm.disposedAt) return 'disposed';
  return `${alarm.active ? 'active' : 'cleared'}-${alarm.acknowledged ? 'acked' : 'unacked'}`;
}

export const HANDLING_STATE = {
  'active-unacked': '未确认',
  'active-acked': '已确认',
  'cleared-unacked': '已消除·未确认',
  'cleared-acked': '已消除',
  disposed: '已处置',
  closed: '已消警',
};

export function alarmStateLabel(alarm) {
  return HANDLING_STATE[alarmHandlingState(alarm)];
}

/** alarm_events actions (GET /api/alarms/{id}/events). */
export const EVENT_ACTION = {
  raised: '报警产生',
  cleared: '报警消除',
  acknowledged: '确认',
  disposed: '处置反馈',
  closed: '消警',
  reviewed: '核查',
  escalated: '超时升级',
  sla_breached: '处置超时',
};

export const REVIEW_RESULT = { passed: '通过', rejected: '退回' };

export function unitLabel(unit) {
  if (!unit) return '';
  const u = String(unit);
  const map = { C: '℃', degC: '℃', '°C': '℃', celsius: '℃', pct: '%', percent: '%', LEL: '%LEL', '%lel': '%LEL', vol: '%VOL', '%vol': '%VOL', kmh: 'km/h' };
  return map[u] ?? u;
}

/** Decimal places for a sensor value, chosen per unit so digits stay steady. */
export function decimalsFor(sensor) {
  const u = String(sensor?.unit ?? '').toLowerCase();
  if (u === 'mpa') return 3;
  if (u === 'm' || u === 'bar') return 2;
  if (u === 'kpa' || u.includes('lel') || u.includes('%') || ['℃', '°c', 'c', 'degc'].includes(u)) return 1;
  if (u === 'ppm' || u === 'mg/m3' || u === 'mg/m³') return 1;
  const t = sensor?.thresholds ?? {};
  const ref = [t.highHigh, t.high, t.low, t.lowLow].filter(isNum).map(Math.abs);
  const m = ref.length ? Math.max(...ref) : 100;
  return m < 2 ? 3 : m < 20 ? 2 : 1;
}

export function fmtNum(value, decimals = 1) {
  if (!isNum(value)) return '--';
  return value.toFixed(decimals);
}

// All times are shown in China Standard Time, whatever the wall PC is set to.
export const TZ = 'Asia/Shanghai';
const dtf = new Intl.DateTimeFormat('zh-CN', {
  timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, weekday: 'short',
});
function parts(date) {
  const o = {};
  for (const p of dtf.formatToParts(date)) o[p.type] = p.value;
  if (o.hour === '24') o.hour = '00';
  return o;
}
function toDate(v) {
  if (v == null || v === '') return null;
  const d = v instanceof Date ? v : new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "10:21:33" for today, "03-18 10:21:33" otherwise. */
export function fmtTime(iso) {
  const d = toDate(iso);
  if (!d) return '--';
  const p = parts(d);
  const today = parts(new Date());
  const hms = `${p.hour}:${p.minute}:${p.second}`;
  if (p.year === today.year && p.month === today.month && p.day === today.day) return hms;
  return `${p.month}-${p.day} ${hms}`;
}

export function fmtDateTime(iso) {
  const d = toDate(iso);
  if (!d) return '--';
  const p = parts(d);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

export function clockParts(now = new Date()) {
  const p = parts(now);
  return { date: `${p.year}-${p.month}-${p.day}`, weekday: p.weekday, time: `${p.hour}:${p.minute}:${p.second}` };
}

/** "12秒前", "5分钟前", "2小时前" ... */
export function fmtAgo(iso, now = Date.now()) {
  const d = toDate(iso);
  if (!d) return '--';
  const s = Math.max(0, Math.round((now - d.getTime()) / 1000));
  if (s < 60) return `${s}秒前`;
  if (s < 3600) return `${Math.floor(s / 60)}分钟前`;
  if (s < 86400) return `${Math.floor(s / 3600)}小时前`;
  return `${Math.floor(s / 86400)}天前`;
}

const DIRS = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'];
export function headingLabel(deg) {
  if (!isNum(deg)) return '--';
  return DIRS[Math.round((((deg % 360) + 360) % 360) / 45) % 8];
}
