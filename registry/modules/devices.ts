import { z } from 'zod';
import type { RecordAction, RegistryModule } from '../registry-module.ts';

export const deviceCode = z.string().regex(/^[A-Za-z0-9_.-]{3,64}$/, '设备编码为3-64位字母、数字、_ . -');

const writeRoles = ['admin', 'official', 'enterprise_admin'] as const;
const secretWarning = '请立即保存，该密钥只显示一次；关闭后无法再次查看，遗失只能重新生成。';

/** POST /api/devices/{id}/rotate-secret (web/routes/device-secret-routes.ts): the new secret is shown once. */
export const rotateSecretAction: RecordAction = {
  name: 'rotate-secret',
  label: '重置密钥',
  method: 'POST',
  path: '/api/devices/{id}/rotate-secret',
  roles: [...writeRoles],
  confirm: '重置后原密钥立即失效，网关的在线连接将被断开，须用新密钥重新连接。确定重置吗？',
  reveal: { field: 'secret', title: '新的网关密钥', warning: secretWarning },
  danger: true,
};

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
  writeRoles: [...writeRoles],
  importable: false,
  hiddenColumns: ['secret_hash'],
  actions: [rotateSecretAction],
  revealOnCreate: { field: 'secret', title: '网关密钥', warning: secretWarning },
} satisfies RegistryModule;
