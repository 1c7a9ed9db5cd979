import { z } from 'zod';
import type { RecordAction, RegistryModule } from '../registry-module.ts';

/** POST /api/vehicles/{id}/release-terminal (web/routes/vehicle-terminal-routes.ts). */
export const releaseTerminalAction: RecordAction = {
  name: 'release-terminal',
  label: '解除终端绑定',
  method: 'POST',
  path: '/api/vehicles/{id}/release-terminal',
  roles: ['admin', 'official', 'operator'],
  confirm: '解除后原终端的鉴权码立即失效，下一台以该终端手机号注册的终端将绑定到本车辆。更换车载终端时使用。确定解除吗？',
  when: { field: 'terminalId', present: true },
  danger: true,
};

export const vehiclesModule = {
  name: 'vehicles',
  label: '危险货物运输车辆',
  group: '危险货物运输',
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
    hazmatClass: z.enum(['1', '2', '3', '4', '5', '6', '7', '8', '9']).nullish(),
    tankVolumeM3: z.number().positive().max(200).nullish(),
    inspectionExpiresOn: z.iso.date().nullish(),
  }),
  fields: {
    plate: { label: '车牌号', list: true },
    plateColor: { label: '车牌颜色', help: '0 未上牌，1 蓝，2 黄，3 黑，4 白，9 其他' },
    enterpriseId: { label: '运输企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    terminalPhone: { label: '终端手机号', list: true },
    vin: { label: '车架号' },
    speedLimitKmh: { label: '限速（km/h）' },
    hazmatClass: {
      label: '危险货物类别',
      list: true,
      filter: true,
      options: { 1: '1类 爆炸品', 2: '2类 气体', 3: '3类 易燃液体', 4: '4类 易燃固体', 5: '5类 氧化性物质', 6: '6类 毒性物质', 7: '7类 放射性物质', 8: '8类 腐蚀性物质', 9: '9类 杂项' },
    },
    tankVolumeM3: { label: '罐体容积（m³）', list: true },
    inspectionExpiresOn: { label: '年检有效期至', list: true },
  },
  // Bound by the terminal's first JT/T 808 registration; only a release (below) clears them.
  computedFields: {
    terminalId: { label: '绑定终端ID' },
    terminalMaker: { label: '终端制造商' },
    terminalModel: { label: '终端型号' },
    terminalImei: { label: '终端IMEI' },
    terminalBoundAt: { label: '终端绑定时间' },
  },
  uniqueField: 'plate',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['plate', 'terminal_phone'],
  orderBy: 'id',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: true,
  hiddenColumns: ['auth_code_hash'],
  actions: [releaseTerminalAction],
} satisfies RegistryModule;
