import { z } from 'zod';
import type { RegistryModule } from '../registry-module.ts';
import { regionCode } from './enterprises.ts';

const point = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式 HH:MM');

/** Geometry in WGS-84 [lon, lat]: circle (centre, radius m), polygon (ring), corridor (route line and half-width m). */
export const geometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('circle'), center: point, radiusM: z.number().positive().max(100_000) }),
  z.object({ type: z.literal('polygon'), coordinates: z.array(point).min(3).max(2000) }),
  z.object({ type: z.literal('corridor'), line: z.array(point).min(2).max(5000), widthM: z.number().positive().max(5000) }),
]);

export const timeWindowSchema = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  from: hhmm,
  to: hhmm,
});

export const geofencesModule = {
  name: 'geofences',
  label: '电子围栏',
  group: '危险货物运输',
  table: 'geofences',
  schema: z
    .object({
      regionCode,
      enterpriseId: z.number().int().positive().nullish(),
      code: z.string().trim().min(1).max(40),
      name: z.string().trim().min(2).max(100),
      shape: z.enum(['circle', 'polygon', 'corridor']),
      geometry: geometrySchema,
      rule: z.enum(['forbidden', 'allowed_only', 'speed_limit']),
      speedLimitKmh: z.number().positive().max(200).nullish(),
      timeWindows: z.array(timeWindowSchema).max(20).default([]),
      enabled: z.boolean().default(true),
    })
    .superRefine((g, ctx) => {
      if (g.geometry.type !== g.shape) ctx.addIssue({ code: 'custom', path: ['geometry'], message: '几何类型与围栏形状不一致' });
      if (g.rule === 'speed_limit' && !g.speedLimitKmh) ctx.addIssue({ code: 'custom', path: ['speedLimitKmh'], message: '限速围栏须填写限速值' });
    }),
  fields: {
    regionCode: { label: '行政区划', list: true, filter: true, region: true },
    enterpriseId: { label: '所属企业（区域围栏留空）', ref: { module: 'enterprises', labelField: 'name' } },
    code: { label: '围栏编码', list: true },
    name: { label: '围栏名称', list: true },
    shape: { label: '形状', list: true, filter: true, options: { circle: '圆形', polygon: '多边形', corridor: '路线走廊' } },
    geometry: { label: '几何（WGS-84）', help: '{"type":"circle","center":[经度,纬度],"radiusM":500} / {"type":"polygon","coordinates":[[经度,纬度],...]} / {"type":"corridor","line":[[经度,纬度],...],"widthM":100}' },
    rule: { label: '规则', list: true, filter: true, options: { forbidden: '禁入区', allowed_only: '限定区域', speed_limit: '限速区' } },
    speedLimitKmh: { label: '限速（km/h）', list: true },
    timeWindows: { label: '生效时段', help: '[{"days":[1,2,3,4,5],"from":"07:00","to":"19:00"}]，留空为全天生效' },
    enabled: { label: '启用', list: true, filter: true },
  },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id', regionColumn: 'region_code' },
  searchColumns: ['name', 'code'],
  orderBy: 'id',
  writeRoles: ['admin', 'official'],
  importable: false,
} satisfies RegistryModule;
