import { z } from 'zod';
import type { RegistryModule } from '../registry-module.ts';
import { phone } from './enterprises.ts';

export const transportStaffModule = {
  name: 'transport-staff',
  label: '驾驶员与押运员',
  group: '危险货物运输',
  table: 'transport_staff',
  schema: z.object({
    enterpriseId: z.number().int().positive(),
    kind: z.enum(['driver', 'escort']),
    name: z.string().trim().min(2).max(30),
    idNumber: z.string().regex(/^\d{17}[\dX]$/, '身份证号应为18位'),
    phone: phone.nullish(),
    certificateNo: z.string().trim().min(4).max(40),
    certificateExpiresOn: z.iso.date(),
  }),
  fields: {
    enterpriseId: { label: '运输企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    kind: { label: '岗位', list: true, filter: true, options: { driver: '驾驶员', escort: '押运员' } },
    name: { label: '姓名', list: true },
    idNumber: { label: '身份证号' },
    phone: { label: '联系电话', list: true },
    certificateNo: { label: '从业资格证号', list: true },
    certificateExpiresOn: { label: '资格证有效期至', list: true },
  },
  uniqueField: 'idNumber',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['name', 'certificate_no', 'phone'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: true,
} satisfies RegistryModule;
