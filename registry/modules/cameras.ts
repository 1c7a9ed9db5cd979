import { z } from 'zod';
import type { RegistryModule } from '../registry-module.ts';

export const camerasModule = {
  name: 'cameras',
  label: '视频监控',
  group: '物联接入',
  table: 'cameras',
  schema: z.object({
    enterpriseId: z.number().int().positive(),
    tankId: z.number().int().positive().nullish(),
    code: z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, '摄像机编码为2-64位字母、数字、_ . -'),
    name: z.string().trim().min(1).max(100),
    site: z.string().trim().max(100).nullish(),
    enabled: z.boolean().default(true),
    lat: z.number().min(-90).max(90).nullish(),
    lon: z.number().min(-180).max(180).nullish(),
  }),
  fields: {
    enterpriseId: { label: '所属企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    tankId: { label: '关联储罐', list: true, ref: { module: 'tanks', labelField: 'name' } },
    code: { label: '摄像机编码', list: true },
    name: { label: '名称', list: true },
    site: { label: '安装位置', list: true },
    enabled: { label: '启用', list: true, filter: true },
    lat: { label: '纬度' },
    lon: { label: '经度' },
  },
  computedFields: { streamKey: { label: '推流密钥', list: false } },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['name', 'code', 'site'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: true,
} satisfies RegistryModule;
