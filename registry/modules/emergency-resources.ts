import { z } from 'zod';
import type { RegistryModule } from '../registry-module.ts';
import { phone, regionCode } from './enterprises.ts';

export const resourceKindLabels = {
  rescue_team: '救援队伍',
  expert: '应急专家',
  supplies: '应急物资',
  equipment: '救援装备',
  shelter: '避难场所',
  transport_support: '运输保障',
  medical_support: '医疗保障',
  communication_support: '通信保障',
} as const;

export const emergencyResourcesModule = {
  name: 'emergency-resources',
  label: '应急资源',
  group: '应急资源',
  table: 'emergency_resources',
  schema: z.object({
    regionCode,
    enterpriseId: z.number().int().positive().nullish(),
    code: z.string().trim().min(1).max(40),
    kind: z.enum(Object.keys(resourceKindLabels) as [keyof typeof resourceKindLabels, ...(keyof typeof resourceKindLabels)[]]),
    name: z.string().trim().min(2).max(100),
    address: z.string().trim().max(200).nullish(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    contactPerson: z.string().trim().max(30).nullish(),
    contactPhone: phone.nullish(),
    capacity: z.string().trim().max(200).nullish(),
  }),
  fields: {
    regionCode: { label: '行政区划', list: true, filter: true, region: true },
    enterpriseId: { label: '所属企业（公共资源留空）', ref: { module: 'enterprises', labelField: 'name' } },
    code: { label: '资源编码', list: true },
    kind: { label: '资源类型', list: true, filter: true, options: resourceKindLabels },
    name: { label: '名称', list: true },
    address: { label: '地址', list: true },
    lat: { label: '纬度' },
    lon: { label: '经度' },
    contactPerson: { label: '联系人', list: true },
    contactPhone: { label: '联系电话', list: true },
    capacity: { label: '规模/数量', multiline: true },
  },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id', regionColumn: 'region_code' },
  searchColumns: ['name', 'code', 'address'],
  orderBy: 'id',
  writeRoles: ['admin', 'official'],
  importable: true,
} satisfies RegistryModule;
