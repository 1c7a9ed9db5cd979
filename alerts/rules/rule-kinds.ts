import type { Severity } from '../alarm-decision.ts';
import { terminalAlarmLabel } from '../alarm-labels.ts';
import { terminalAlarmTypes } from './terminal-alarm-rule.ts';
import { defaultSeverity, type RuleKind } from './rule-params.ts';

export const ruleKindLabels: Record<RuleKind, string> = {
  overspeed: '超速',
  fatigue: '疲劳驾驶',
  geofence: '电子围栏',
  offline: '车辆离线',
  terminal_alarm: '终端报警',
  sensor_fault: '传感器故障',
  rate_of_change: '变化速率',
};

/** One parameter of a rule kind, enough for a form to render, check and prefill it. */
export interface RuleParamSpec {
  name: string;
  label: string;
  type: 'integer' | 'number' | 'bitList';
  unit: string | null;
  min: number | null;
  max: number | null;
  /** The value used when no rule row sets it; null = off. */
  default: number | number[] | null;
  nullable: boolean;
  help: string | null;
  /** For bitList: the choices. */
  options?: Array<{ value: number; label: string }>;
}

export interface RuleKindSpec {
  kind: RuleKind;
  label: string;
  sourceKind: 'sensor' | 'vehicle';
  alarmTypes: string[];
  defaultSeverity: Severity;
  /** Whether the kind runs without any rule row (rate of change needs one). */
  onWithoutRule: boolean;
  params: RuleParamSpec[];
  /** A check across parameters the form should show as a hint. */
  note: string | null;
}

const WEEK = 7 * 86_400;
const seconds = (name: string, label: string, def: number, help: string | null = null): RuleParamSpec => ({
  name, label, type: 'integer', unit: 's', min: 1, max: WEEK, default: def, nullable: false, help,
});
const kmh = (name: string, label: string, def: number, help: string | null = null): RuleParamSpec => ({
  name, label, type: 'number', unit: 'km/h', min: 0, max: 200, default: def, nullable: false, help,
});

// The numbers mirror ruleParamSchemas; test/unit/alerts/rule-kinds.test.ts keeps them equal.
export const ruleKindSpecs: readonly RuleKindSpec[] = [
  {
    kind: 'overspeed', label: ruleKindLabels.overspeed, sourceKind: 'vehicle', alarmTypes: ['overspeed'], defaultSeverity: defaultSeverity.overspeed, onWithoutRule: true, note: null,
    params: [
      kmh('limitKmh', '限速', 60, '取车辆限速、所在限速区域限速与本值中的最小值；高速公路 80 km/h 请用限速围栏'),
      seconds('sustainS', '持续时间', 10, '超过限速持续该时长才报警'),
    ],
  },
  {
    kind: 'fatigue', label: ruleKindLabels.fatigue, sourceKind: 'vehicle', alarmTypes: ['fatigue_continuous', 'fatigue_daily'], defaultSeverity: defaultSeverity.fatigue, onWithoutRule: true, note: null,
    params: [
      seconds('continuousS', '连续驾驶上限', 14_400, '默认 4 小时'),
      seconds('restS', '最短休息时间', 1_200, '停车或无数据达到该时长视为休息，连续驾驶计时清零；默认 20 分钟'),
      seconds('dailyS', '当日累计驾驶上限', 28_800, '按北京时间自然日累计；默认 8 小时'),
      kmh('drivingSpeedKmh', '行驶判定速度', 5, '速度高于该值视为驾驶'),
    ],
  },
  {
    kind: 'geofence', label: ruleKindLabels.geofence, sourceKind: 'vehicle', alarmTypes: ['geofence_forbidden', 'geofence_outside', 'route_deviation', 'parking_overtime'], defaultSeverity: defaultSeverity.geofence, onWithoutRule: true, note: '围栏本身（禁入区、限定区域、限速、路线）在电子围栏中维护',
    params: [seconds('parkingMaxS', '敏感区域停车上限', 600), kmh('parkingSpeedKmh', '停车判定速度', 5)],
  },
  {
    kind: 'offline', label: ruleKindLabels.offline, sourceKind: 'vehicle', alarmTypes: ['offline', 'offline_on_trip'], defaultSeverity: defaultSeverity.offline, onWithoutRule: true, note: null,
    params: [seconds('timeoutS', '离线判定时间', 180, '约 3 个心跳周期无数据即判离线；运输途中离线另报“运输途中失联”')],
  },
  {
    kind: 'terminal_alarm', label: ruleKindLabels.terminal_alarm, sourceKind: 'vehicle', alarmTypes: Object.values(terminalAlarmTypes), defaultSeverity: defaultSeverity.terminal_alarm, onWithoutRule: true, note: '第 0 位紧急报警（SOS）始终生效，不可忽略',
    params: [
      {
        name: 'ignoredBits', label: '忽略的报警位', type: 'bitList', unit: null, min: 1, max: 31, default: [], nullable: false, help: 'JT/T 808 报警标志位 1–31',
        options: Object.entries(terminalAlarmLabel).map(([bit, { label }]) => ({ value: Number(bit), label })),
      },
    ],
  },
  { kind: 'sensor_fault', label: ruleKindLabels.sensor_fault, sourceKind: 'sensor', alarmTypes: ['sensor_fault'], defaultSeverity: defaultSeverity.sensor_fault, onWithoutRule: true, note: '设备上报故障、数值无效或超出量程时报警，无参数', params: [] },
  {
    kind: 'rate_of_change', label: ruleKindLabels.rate_of_change, sourceKind: 'sensor', alarmTypes: ['rate_of_change'], defaultSeverity: defaultSeverity.rate_of_change, onWithoutRule: false, note: '至少填写上升或下降速率上限之一；无规则时不启用',
    params: [
      { name: 'maxRisePerMin', label: '上升速率上限', type: 'number', unit: '单位/分钟', min: 0, max: null, default: null, nullable: true, help: '传感器单位每分钟' },
      { name: 'maxFallPerMin', label: '下降速率上限', type: 'number', unit: '单位/分钟', min: 0, max: null, default: null, nullable: true, help: '传感器单位每分钟' },
    ],
  },
];

/** The schedule model every rule shares: windows of weekdays and a local time span, Asia/Shanghai. */
export const scheduleModel = {
  timeZone: 'Asia/Shanghai',
  maxWindows: 20,
  days: [
    { value: 1, label: '周一' },
    { value: 2, label: '周二' },
    { value: 3, label: '周三' },
    { value: 4, label: '周四' },
    { value: 5, label: '周五' },
    { value: 6, label: '周六' },
    { value: 7, label: '周日' },
  ],
  timeFormat: 'HH:MM',
  emptyMeans: '不设时段即全天生效',
  overnight: '结束时间不晚于开始时间的时段跨越午夜，所选星期为开始当天',
  clearsOutsideWindows: true,
} as const;
