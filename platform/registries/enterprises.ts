import { z } from 'zod';
import type { RegistryModule } from './registry-module.ts';

// GB 32100 unified social credit code: 18 characters, no I, O, S, V, Z.
const creditCode = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位');
export const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const enterprisesModule = {
  name: 'enterprises',
  label: '企业',
  table: 'enterprises',
  schema: z.object({
    code: creditCode,
    name: z.string().trim().min(2).max(100),
    regionCode,
    address: z.string().trim().max(200).nullish(),
    industry: z.string().trim().max(50).nullish(),
    lat: latitude.nullish(),
    lon: longitude.nullish(),
  }),
  uniqueField: 'code',
  enterpriseColumn: 'id',
  searchColumns: ['name', 'code'],
  orderBy: 'id',
  writeRoles: ['admin', 'official'],
} satisfies RegistryModule;
