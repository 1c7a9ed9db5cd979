import { z } from 'zod';
import type { RegistryModule } from '../registry-module.ts';

export const deviceCode = z.string().regex(/^[A-Za-z0-9_.-]{3,64}$/, '设备编码为3-64位字母、数字、_ . -');

export const devicesModule = {
  name: 'devices',
  label: '采集网关',
  group: '物联接入',
  table: 'devices',
  schema: z.object({
    code: deviceCode,
    name: z.string().trim().min(1).max(100),
    enterpriseId: z.number().int().positive(),
    enabled: z.boolean().default(true),
  }),
  fields: {
    code: { label: '网关编码（MQTT 用户名）', list: true },
    name: { label: '网关名称', list: true },
    enterpriseId: { label: '所属企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    enabled: { label: '启用', list: true, filter: true },
  },
  computedFields: { lastSeenAt: { label: '最近上线', list: true } },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['name', 'code'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: false,
  hiddenColumns: ['secret_hash'],
} satisfies RegistryModule;
