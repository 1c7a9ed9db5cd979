import { z } from 'zod';
import type { RegistryModule } from './registry-module.ts';

export const deviceCode = z.string().regex(/^[A-Za-z0-9_.-]{3,64}$/, '设备编码为3-64位字母、数字、_ . -');

export const devicesModule = {
  name: 'devices',
  label: '采集网关',
  table: 'devices',
  schema: z.object({
    code: deviceCode,
    name: z.string().trim().min(1).max(100),
    enterpriseId: z.number().int().positive(),
    enabled: z.boolean().default(true),
  }),
  uniqueField: 'code',
  enterpriseColumn: 'enterprise_id',
  searchColumns: ['name', 'code'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  hiddenColumns: ['secret_hash'],
} satisfies RegistryModule;
