import type { Severity, ThresholdLevel } from './alarm-decision.ts';
import type { SensorFaultCause } from './rules/sensor-fault-rule.ts';
import { terminalAlarmTypes } from './rules/terminal-alarm-rule.ts';

export { sensorKindLabels as sensorKindLabel } from '../registry/modules/tanks.ts';

export { severityLabel } from './notifications/notification-text.ts';

/** Severity order, critical first: critical > major > minor > warning. */
export const severityRank: Record<Severity, number> = { critical: 4, major: 3, minor: 2, warning: 1 };

export const thresholdLevelLabel: Record<ThresholdLevel, string> = {
  high_high: '高高报',
  high: '高报',
  low: '低报',
  low_low: '低低报',
};

export const sensorFaultLabel: Record<SensorFaultCause, string> = {
  flag: '设备上报故障',
  not_finite: '数值无效',
  below_range: '低于量程下限',
  above_range: '高于量程上限',
};

/** JT/T 808 alarm bits 1-31: Chinese name and the severity used when no rule row overrides it. */
export const terminalAlarmLabel: Readonly<Record<number, { label: string; severity: Severity }>> = {
  1: { label: '超速报警', severity: 'major' },
  2: { label: '疲劳驾驶报警', severity: 'major' },
  3: { label: '危险预警', severity: 'critical' },
  4: { label: 'GNSS 模块故障', severity: 'minor' },
  5: { label: 'GNSS 天线未接或剪断', severity: 'minor' },
  6: { label: 'GNSS 天线短路', severity: 'minor' },
  7: { label: '主电源欠压', severity: 'minor' },
  8: { label: '主电源掉电', severity: 'major' },
  9: { label: '显示屏故障', severity: 'warning' },
  10: { label: 'TTS 模块故障', severity: 'warning' },
  11: { label: '摄像头故障', severity: 'minor' },
  12: { label: 'IC 卡模块故障', severity: 'warning' },
  13: { label: '超速预警', severity: 'warning' },
  14: { label: '疲劳驾驶预警', severity: 'warning' },
  15: { label: '违规行驶报警', severity: 'major' },
  16: { label: '胎压预警', severity: 'minor' },
  17: { label: '右转盲区异常报警', severity: 'minor' },
  18: { label: '当天累计驾驶超时', severity: 'major' },
  19: { label: '超时停车', severity: 'minor' },
  20: { label: '进出区域', severity: 'major' },
  21: { label: '进出路线', severity: 'major' },
  22: { label: '路段行驶时间不足或过长', severity: 'minor' },
  23: { label: '路线偏离报警', severity: 'major' },
  24: { label: '车辆 VSS 故障', severity: 'minor' },
  25: { label: '车辆油量异常', severity: 'major' },
  26: { label: '车辆被盗', severity: 'critical' },
  27: { label: '车辆非法点火', severity: 'major' },
  28: { label: '车辆非法位移', severity: 'major' },
  29: { label: '碰撞预警', severity: 'critical' },
  30: { label: '侧翻预警', severity: 'critical' },
  31: { label: '非法开门报警', severity: 'major' },
};

/** Chinese name of every alarm type the engine raises, for lists, statistics and exports. */
export const alarmTypeLabel: Readonly<Record<string, string>> = {
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
  terminal_identity_conflict: '终端身份冲突',
  video_offline: '视频离线',
  ...Object.fromEntries(Object.entries(terminalAlarmTypes).map(([bit, type]) => [type, `终端${terminalAlarmLabel[Number(bit)].label}`])),
};
