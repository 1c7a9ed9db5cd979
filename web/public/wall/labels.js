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

// Alarm types other than 'threshold'. Several spellings are accepted because
// the vehicle side (JT/T 808 alarm flags) may name them differently.
const ALARM_TYPE = {
  threshold: '超限报警',
  sos: '紧急报警(SOS)',
  emergency: '紧急报警(SOS)',
  stale: '数据中断',
  nodata: '数据中断',
  no_data: '数据中断',
  data_loss: '数据中断',
  data_timeout: '数据中断',
  comm_loss: '数据中断',
  offline: '设备离线',
  device_offline: '设备离线',
  vehicle_offline: '车辆离线',
  fault: '设备故障',
  device_fault: '设备故障',
  sensor_fault: '传感器故障',
  quality: '数据质量异常',
  overspeed: '超速',
  speeding: '超速',
  overspeed_warning: '超速预警',
  fatigue: '疲劳驾驶',
  fatigue_driving: '疲劳驾驶',
  fatigue_warning: '疲劳驾驶预警',
  geofence: '区域越界',
  area_in: '进入区域',
  area_out: '驶出区域',
  fence_in: '进入区域',
  fence_out: '驶出区域',
  route_deviation: '偏离路线',
  deviation: '偏离路线',
  parking_overtime: '超时停车',
  illegal_parking: '违规停车',
  driving_overtime: '当天累计驾驶超时',
  night_driving: '禁行时段行驶',
  gnss_fault: '定位模块故障',
  gnss_antenna_open: '定位天线未接',
  gnss_antenna_short: '定位天线短路',
  power_low: '主电源欠压',
  power_undervoltage: '主电源欠压',
  power_off: '主电源掉电',
  power_cut: '主电源掉电',
  tts_fault: '语音模块故障',
  camera_fault: '摄像头故障',
  collision: '碰撞预警',
  rollover: '侧翻预警',
  illegal_ignition: '非法点火',
  illegal_move: '非法位移',
  illegal_displacement: '非法位移',
  theft: '车辆被盗',
  fuel_abnormal: '油量异常',
  forward_collision: '前向碰撞预警',
  lane_departure: '车道偏离',
  distraction: '分神驾驶',
  phone: '接打电话',
  phone_call: '接打电话',
  smoking: '抽烟',
  driver_abnormal: '驾驶员异常',
};

export function alarmTypeLabel(alarm) {
  if (!alarm) return '报警';
  if (alarm.level && LEVEL[alarm.level] && (alarm.type === 'threshold' || !ALARM_TYPE[alarm.type])) return LEVEL[alarm.level];
  if (alarm.type && ALARM_TYPE[alarm.type]) return ALARM_TYPE[alarm.type];
  return alarm.type ? String(alarm.type) : '报警';
}

export function alarmStateLabel(alarm) {
  if (!alarm.active) return alarm.acknowledged ? '已消除' : '已消除·未确认';
  return alarm.acknowledged ? '已确认' : '未确认';
}

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
