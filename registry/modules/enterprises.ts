import { z } from 'zod';
import type { RecordAction, RegistryModule } from '../registry-module.ts';

// GB 32100 unified social credit code: 18 characters, no I, O, S, V, Z.
const creditCode = z.string().regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位（不含 I、O、S、V、Z）');
export const regionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
export const phone = z.string().regex(/^[0-9+\-() ]{5,20}$/, '电话号码格式不正确');
const latitude = z.number().min(-90).max(90);
const longitude = z.number().min(-180).max(180);

export const scaleLabels = { large: '大型', medium: '中型', small: '小型', micro: '微型' };
export const gradeLabels = { A: 'A级', B: 'B级', C: 'C级', D: 'D级' };

/** 属地调整: POST /api/enterprises/{id}/move-region (web/routes/enterprise-routes.ts). */
export const moveRegionAction: RecordAction = {
  name: 'move-region',
  label: '属地调整',
  method: 'POST',
  path: '/api/enterprises/{id}/move-region',
  roles: ['admin', 'official'],
  input: [
    { name: 'regionCode', label: '新属地行政区划', type: 'string', required: true, region: true, initialFrom: 'regionCode', help: '调整后该企业由新属地的监管部门管辖' },
    { name: 'parkId', label: '所属化工园区', type: 'integer', required: false, ref: { module: 'organizations', labelField: 'name', path: '/api/organizations', query: { kind: 'park' } }, initialFrom: 'parkId', help: '不在园区内的企业可不选' },
    { name: 'reason', label: '调整原因', type: 'string', required: true, multiline: true },
  ],
};

export const enterprisesModule = {
  name: 'enterprises',
  label: '企业信息',
  group: '企业管理',
  table: 'enterprises',
  schema: z.object({
    code: creditCode,
    name: z.string().trim().min(2).max(100),
    regionCode,
    parkId: z.number().int().positive().nullish(),
    town: z.string().trim().max(50).nullish(),
    address: z.string().trim().max(200).nullish(),
    industry: z.string().trim().max(50).nullish(),
    industryType: z.string().trim().max(50).nullish(),
    industrySubtype: z.string().trim().max(50).nullish(),
    scale: z.enum(['large', 'medium', 'small', 'micro']).nullish(),
    grade: z.enum(['A', 'B', 'C', 'D']).nullish(),
    legalRepresentative: z.string().trim().max(50).nullish(),
    contactPerson: z.string().trim().max(50).nullish(),
    contactPhone: phone.nullish(),
    lat: latitude.nullish(),
    lon: longitude.nullish(),
  }),
  fields: {
    code: { label: '统一社会信用代码', list: true },
    name: { label: '企业名称', list: true },
    regionCode: { label: '行政区划', list: true, filter: true, region: true },
    parkId: { label: '所属园区', ref: { module: 'organizations', labelField: 'name' } },
    town: { label: '乡镇（街道）', list: true },
    address: { label: '地址' },
    industry: { label: '主营行业' },
    industryType: { label: '行业类型', list: true, filter: true },
    industrySubtype: { label: '行业子类' },
    scale: { label: '企业规模', list: true, filter: true, options: scaleLabels },
    grade: { label: '分级', list: true, filter: true, options: gradeLabels },
    legalRepresentative: { label: '法定代表人', list: true },
    contactPerson: { label: '安全负责人' },
    contactPhone: { label: '联系电话', list: true },
    lat: { label: '纬度' },
    lon: { label: '经度' },
  },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'id' },
  searchColumns: ['name', 'code', 'legal_representative'],
  orderBy: 'id',
  writeRoles: ['admin', 'official'],
  importable: true,
  actions: [moveRegionAction],
} satisfies RegistryModule;
