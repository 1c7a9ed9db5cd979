import { z } from 'zod';
import type { Severity } from '../alarm-decision.ts';

const seconds = z.number().int().positive().max(7 * 86_400);
const kmh = z.number().positive().max(200);

/** Parameters of each rule kind that is stored as data; every field has the default used when no rule row applies. */
export const ruleParamSchemas = {
  overspeed: z.object({ limitKmh: kmh.default(60), sustainS: seconds.default(10) }).strict(),
  fatigue: z
    .object({ continuousS: seconds.default(14_400), restS: seconds.default(1_200), dailyS: seconds.default(28_800), drivingSpeedKmh: kmh.default(5) })
    .strict(),
  geofence: z.object({ parkingMaxS: seconds.default(600), parkingSpeedKmh: kmh.default(5) }).strict(),
  offline: z.object({ timeoutS: seconds.default(180) }).strict(),
  terminal_alarm: z.object({ ignoredBits: z.array(z.number().int().min(1).max(31)).max(31).default([]) }).strict(),
  sensor_fault: z.object({}).strict(),
  rate_of_change: z
    .object({ maxRisePerMin: z.number().positive().nullable().default(null), maxFallPerMin: z.number().positive().nullable().default(null) })
    .strict()
    .refine((p) => p.maxRisePerMin !== null || p.maxFallPerMin !== null, { message: '至少填写上升或下降速率上限之一' }),
} as const;

export type RuleKind = keyof typeof ruleParamSchemas;
export type RuleParams<K extends RuleKind> = z.output<(typeof ruleParamSchemas)[K]>;
export const ruleKinds = Object.keys(ruleParamSchemas) as RuleKind[];

export const ruleSourceKind: Record<RuleKind, 'sensor' | 'vehicle'> = {
  overspeed: 'vehicle',
  fatigue: 'vehicle',
  geofence: 'vehicle',
  offline: 'vehicle',
  terminal_alarm: 'vehicle',
  sensor_fault: 'sensor',
  rate_of_change: 'sensor',
};

export const defaultSeverity: Record<RuleKind, Severity> = {
  overspeed: 'major',
  fatigue: 'major',
  geofence: 'major',
  offline: 'minor',
  terminal_alarm: 'major',
  sensor_fault: 'minor',
  rate_of_change: 'major',
};

/** Rate of change has no sensible national default, so it only runs where a rule row configures it. */
export const onWithoutRule: Record<RuleKind, boolean> = { ...Object.fromEntries(Object.keys(ruleParamSchemas).map((k) => [k, true])), rate_of_change: false } as Record<RuleKind, boolean>;

export function defaultParams<K extends RuleKind>(kind: K): RuleParams<K> {
  return ruleParamSchemas[kind].parse({}) as RuleParams<K>;
}
