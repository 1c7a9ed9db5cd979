import { z } from 'zod';
import type { RegistryModule } from '../registry-module.ts';
import { betaClasses, gradeHazardSource, type BetaClass } from './hazard-grading.ts';

const chemical = z.object({
  name: z.string().trim().min(1).max(50),
  cas: z.string().regex(/^\d{2,7}-\d{2}-\d$/, 'CAS 号格式如 67-56-1').nullish(),
  betaClass: z.enum(Object.keys(betaClasses) as [BetaClass, ...BetaClass[]]),
  actualT: z.number().min(0, '实际存在量不能为负'),
  criticalT: z.number().positive('临界量须大于 0'),
});

export const hazardSourcesModule = {
  name: 'hazard-sources',
  label: '重大危险源',
  group: '重大危险源',
  table: 'hazard_sources',
  schema: z.object({
    enterpriseId: z.number().int().positive(),
    code: z.string().trim().min(1).max(40),
    name: z.string().trim().min(2).max(100),
    unitKind: z.enum(['production', 'storage']),
    peopleWithin500m: z.number().int().min(0).max(1_000_000),
    chemicals: z.array(chemical).min(1, '至少填写一种危险化学品').max(100),
  }),
  fields: {
    enterpriseId: { label: '所属企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    code: { label: '危险源编码', list: true },
    name: { label: '危险源名称', list: true },
    unitKind: { label: '单元类型', list: true, filter: true, options: { production: '生产单元', storage: '储存单元' } },
    peopleWithin500m: { label: '500米内人数', list: true },
    chemicals: { label: '危险化学品', help: `[{"name":"甲醇","cas":"67-56-1","betaClass":"other","actualT":3500,"criticalT":500}]；betaClass 取值：${Object.keys(betaClasses).join('、')}` },
  },
  computedFields: {
    sumQRatio: { label: 'Σq/Q', list: true },
    rValue: { label: 'R值', list: true },
    level: { label: '危险源等级', list: true, filter: true },
  },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['name', 'code'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: false,
  derive: (input) => {
    const grade = gradeHazardSource(input.chemicals as z.infer<typeof chemical>[], input.peopleWithin500m as number);
    return { sum_q_ratio: grade.sumQRatio, r_value: grade.rValue, level: grade.level };
  },
} satisfies RegistryModule;
