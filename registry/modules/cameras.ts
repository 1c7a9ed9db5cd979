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
    hazardSourceId: z.number().int().positive().nullish(),
    code: z.string().regex(/^[A-Za-z0-9_.-]{2,64}$/, '摄像机编码为2-64位字母、数字、_ . -'),
    name: z.string().trim().min(1).max(100),
    site: z.string().trim().max(100).nullish(),
    enabled: z.boolean().default(true),
    lat: z.number().min(-90).max(90).nullish(),
    lon: z.number().min(-180).max(180).nullish(),
    pullUrl: z
      .string()
      .trim()
      .max(500)
      .regex(/^rtsps?:\/\/[^\s]+$/, '拉流地址须为 rtsp:// 或 rtsps:// 地址')
      .nullish(),
  }),
  fields: {
    enterpriseId: { label: '所属企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    tankId: { label: '关联储罐', list: true, ref: { module: 'tanks', labelField: 'name' } },
    hazardSourceId: { label: '关联危险源', ref: { module: 'hazard-sources', labelField: 'name' } },
    code: { label: '摄像机编码', list: true },
    name: { label: '名称', list: true },
    site: { label: '安装位置', list: true },
    enabled: { label: '启用', list: true, filter: true },
    lat: { label: '纬度' },
    lon: { label: '经度' },
    pullUrl: { label: 'RTSP 拉流地址', help: '只支持 RTSP 的摄像机填写，平台经转发进程拉流；能推 RTMP 的摄像机留空，向 RTMP 端口推流 live/<推流密钥>' },
  },
  computedFields: { streamKey: { label: '推流密钥', list: false } },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['name', 'code', 'site'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: true,
} satisfies RegistryModule;
