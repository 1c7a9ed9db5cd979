import { z } from 'zod';
import type { RegistryModule } from '../registry-module.ts';
import { phone } from './enterprises.ts';

export const enterpriseUnitsModule = {
  name: 'enterprise-units',
  label: '二级单位',
  group: '企业管理',
  table: 'enterprise_units',
  schema: z.object({
    enterpriseId: z.number().int().positive(),
    code: z.string().trim().min(1).max(40),
    name: z.string().trim().min(2).max(100),
    principal: z.string().trim().max(50).nullish(),
    phone: phone.nullish(),
    address: z.string().trim().max(200).nullish(),
  }),
  fields: {
    enterpriseId: { label: '所属企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    code: { label: '单位编码', list: true },
    name: { label: '单位名称', list: true },
    principal: { label: '负责人', list: true },
    phone: { label: '联系电话', list: true },
    address: { label: '地址' },
  },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['name', 'code'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: true,
} satisfies RegistryModule;
