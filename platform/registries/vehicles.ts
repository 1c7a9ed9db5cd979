import { z } from 'zod';
import type { RegistryModule } from './registry-module.ts';

export const vehiclesModule = {
  name: 'vehicles',
  label: '危险货物运输车辆',
  table: 'vehicles',
  schema: z.object({
    plate: z.string().trim().min(5).max(20),
    plateColor: z.number().int().min(0).max(9).default(2),
    enterpriseId: z.number().int().positive(),
    terminalPhone: z
      .string()
      .regex(/^\d{1,20}$/, '终端手机号应为数字')
      .transform((p) => p.replace(/^0+(?=\d)/, ''))
      .nullish(),
    vin: z.string().trim().max(17).nullish(),
    speedLimitKmh: z.number().positive().max(200).nullish(),
  }),
  uniqueField: 'plate',
  enterpriseColumn: 'enterprise_id',
  searchColumns: ['plate', 'terminal_phone'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  hiddenColumns: ['auth_code'],
} satisfies RegistryModule;
