import type { SensorKind } from '../platform/registries/tanks.ts';
import type { ThresholdLevel } from './alarm-decision.ts';

export const sensorKindLabel: Record<SensorKind, string> = {
  level: '液位',
  temperature: '温度',
  pressure: '压力',
  combustible_gas: '可燃气体',
  toxic_gas: '有毒气体',
  oxygen: '氧含量',
};

export const thresholdLevelLabel: Record<ThresholdLevel, string> = {
  high_high: '高高报',
  high: '高报',
  low: '低报',
  low_low: '低低报',
};
