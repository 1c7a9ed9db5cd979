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

// Every alarm type the engine raises: a copy of alarmTypeLabel in alerts/alarm-labels.ts (keep in step).
const TERMINAL_ALARM = {
  terminal_overspeed: '超速报警',
  terminal_fatigue: '疲劳驾驶报警',
  terminal_danger: '危险预警',
  terminal_gnss_fault: 'GNSS 模块故障',
  terminal_gnss_antenna_open: 'GNSS 天线未接或剪断',
  terminal_gnss_antenna_short: 'GNSS 天线短路',
  terminal_power_low: '主电源欠压',
  terminal_power_cut: '主电源掉电',
  terminal_lcd_fault: '显示屏故障',
  terminal_tts_fault: 'TTS 模块故障',
  terminal_camera_fault: '摄像头故障',
  terminal_ic_card_fault: 'IC 卡模块故障',
  terminal_overspeed_warning: '超速预警',
  terminal_fatigue_warning: '疲劳驾驶预警',
  terminal_violation_driving: '违规行驶报警',
  terminal_tyre_pressure: '胎压预警',
  terminal_right_turn_blind_zone: '右转盲区异常报警',
  terminal_daily_driving_overtime: '当天累计驾驶超时',
  terminal_parking_overtime: '超时停车',
  terminal_area_in_out: '进出区域',
  terminal_route_in_out: '进出路线',
  terminal_section_time: '路段行驶时间不足或过长',
  terminal_route_deviation: '路线偏离报警',
  terminal_vss_fault: '车辆 VSS 故障',
  terminal_fuel_abnormal: '车辆油量异常',
  terminal_stolen: '车辆被盗',
  terminal_illegal_ignition: '车辆非法点火',
  terminal_illegal_displacement: '车辆非法位移',
  terminal_collision: '碰撞预警',
  terminal_rollover: '侧翻预警',
  terminal_illegal_door_open: '非法开门报警',
};
export const ALARM_TYPE = {
  threshold: '超限报警',
  data_interruption: '数据中断',
  sensor_fault: '传感器故障',
  rate_of_change: '变化速率异常',
  sos: '紧急报警（SOS）',
  overspeed: '超速',
  fatigue_continuous: '疲劳驾驶',
  fatigue_daily: '当日累计驾驶超时',
  geofence_forbidden: '驶入禁入区',
  geofence_outside: '驶出限定区域',
  route_deviation: '偏离规定路线',
  parking_overtime: '敏感区域停车超时',
  offline: '车辆离线',
  offline_on_trip: '运输途中失联',
  ...Object.fromEntries(Object.entries(TERMINAL_ALARM).map(([type, label]) => [type, `终端${label}`])),
};

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
