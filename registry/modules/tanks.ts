import { z } from 'zod';
import type { Queryable } from '../../platform/db/database.ts';
import { camelToSnake, rowToApi, type RegistryModule } from '../registry-module.ts';

export const sensorKinds = ['level', 'temperature', 'pressure', 'combustible_gas', 'toxic_gas', 'oxygen'] as const;
export type SensorKind = (typeof sensorKinds)[number];

/** GB/T 50493-2019 default alarm levels for gas detectors. */
const gasDefaults: Partial<Record<SensorKind, { unit: string; low?: number; high?: number; highHigh?: number; rangeMax: number }>> = {
  combustible_gas: { unit: '%LEL', high: 25, highHigh: 50, rangeMax: 100 },
  toxic_gas: { unit: '%OEL', high: 100, highHigh: 200, rangeMax: 500 },
  oxygen: { unit: '%VOL', low: 19.5, high: 23.5, rangeMax: 30 },
};

const optionalNumber = z.number().finite().nullish();

export const sensorSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, '传感器编码为1-64位字母、数字、_ . -'),
    kind: z.enum(sensorKinds),
    unit: z.string().trim().min(1).max(16).optional(),
    deviceId: z.number().int().positive().nullish(),
    rangeMin: optionalNumber,
    rangeMax: optionalNumber,
    lowLow: optionalNumber,
    low: optionalNumber,
    high: optionalNumber,
    highHigh: optionalNumber,
    deadband: z.number().finite().min(0).default(0),
    delayS: z.number().int().min(0).max(3600).default(0),
    interruptionTimeoutS: z.number().int().min(10).max(86_400).default(300),
  })
  .transform((s) => {
    const d = gasDefaults[s.kind];
    return {
      ...s,
      unit: s.unit ?? d?.unit ?? '',
      low: s.low ?? d?.low ?? null,
      high: s.high ?? d?.high ?? null,
      highHigh: s.highHigh ?? d?.highHigh ?? null,
      rangeMin: s.rangeMin ?? (d ? 0 : null),
      rangeMax: s.rangeMax ?? d?.rangeMax ?? null,
    };
  })
  .superRefine((s, ctx) => {
    const order = [s.lowLow, s.low, s.high, s.highHigh].filter((v): v is number => v !== null && v !== undefined);
    if (order.some((v, i) => i > 0 && v <= order[i - 1])) {
      ctx.addIssue({ code: 'custom', path: ['high'], message: '阈值须满足 低低 < 低 < 高 < 高高' });
    }
    if (!s.unit) ctx.addIssue({ code: 'custom', path: ['unit'], message: '请填写单位' });
  });

export const sensorKindLabels: Record<SensorKind, string> = {
  level: '液位',
  temperature: '温度',
  pressure: '压力',
  combustible_gas: '可燃气体',
  toxic_gas: '有毒气体',
  oxygen: '氧含量',
};

export const tanksModule = {
  name: 'tanks',
  label: '储罐与传感器',
  group: '重大危险源',
  table: 'tanks',
  schema: z.object({
    enterpriseId: z.number().int().positive(),
    hazardSourceId: z.number().int().positive().nullish(),
    code: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, '储罐编码为1-64位字母、数字、_ . -'),
    name: z.string().trim().min(1).max(100),
    medium: z.string().trim().max(50).nullish(),
    capacityM3: z.number().positive().nullish(),
    lat: z.number().min(-90).max(90).nullish(),
    lon: z.number().min(-180).max(180).nullish(),
    sensors: z.array(sensorSchema).max(64).default([]).superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((s, i) => {
        const key = `${s.deviceId ?? ''}/${s.code}`;
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'code'], message: '同一网关下传感器编码重复' });
        seen.add(key);
      });
    }),
  }),
  fields: {
    enterpriseId: { label: '所属企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    hazardSourceId: { label: '所属危险源', list: true, filter: true, ref: { module: 'hazard-sources', labelField: 'name' } },
    code: { label: '储罐编码', list: true },
    name: { label: '储罐名称', list: true },
    medium: { label: '储存介质', list: true },
    capacityM3: { label: '容积（m³）', list: true },
    lat: { label: '纬度' },
    lon: { label: '经度' },
    sensors: {
      label: '传感器与阈值',
      help: 'kind：level 液位 / temperature 温度 / pressure 压力 / combustible_gas 可燃气体 / toxic_gas 有毒气体 / oxygen 氧含量；阈值 lowLow/low/high/highHigh，deadband 回差，delayS 延时（秒），interruptionTimeoutS 数据中断判定（秒）；气体传感器未填阈值时按 GB/T 50493 默认',
    },
  },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['name', 'code', 'medium'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: false,
  expand: attachSensors,
  saveChildren: saveSensors,
} satisfies RegistryModule;

async function attachSensors(db: Queryable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const sensors = await db.query<Record<string, unknown>>('select * from sensors where tank_id = any($1::int[]) order by id', [rows.map((r) => r.id)]);
  for (const row of rows) row.sensors = sensors.filter((s) => s.tank_id === row.id).map((s) => rowToApi(s));
}

/** Upserts by (device, code) so sensor ids, and the history and alarms tied to them, survive edits. */
async function saveSensors(tx: Queryable, tankId: number, input: Record<string, unknown>) {
  const sensors = input.sensors as z.infer<typeof sensorSchema>[];
  const existing = await tx.query<{ id: number; code: string; device_id: number | null }>('select id, code, device_id from sensors where tank_id = $1', [tankId]);
  const keep = new Set<number>();
  for (const s of sensors) {
    const cols: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(s)) cols[camelToSnake(k)] = v ?? null;
    const match = existing.find((e) => e.code === s.code && e.device_id === (s.deviceId ?? null));
    const names = Object.keys(cols);
    if (match) {
      keep.add(match.id);
      await tx.query(`update sensors set ${names.map((c, i) => `${c} = $${i + 2}`).join(', ')}, updated_at = now() where id = $1`, [match.id, ...Object.values(cols)]);
    } else {
      await tx.query(`insert into sensors (tank_id, ${names.join(', ')}) values ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')})`, [tankId, ...Object.values(cols)]);
    }
  }
  const removed = existing.filter((e) => !keep.has(e.id)).map((e) => e.id);
  if (removed.length) await tx.query('delete from sensors where id = any($1::int[])', [removed]);
}
