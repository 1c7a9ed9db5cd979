import { z } from 'zod';
import type { Queryable } from '../../platform/db/database.ts';
import type { FieldError, RegistryModule } from '../registry-module.ts';
import { vehiclesModule } from './vehicles.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The carrier's vehicle, driver and escort must exist, belong to the carrier, and the staff hold the right post. */
async function validateWaybill(db: Queryable, input: Record<string, unknown>): Promise<FieldError[]> {
  const { enterpriseId, vehicleId, driverId, escortId } = input as { enterpriseId: number; vehicleId: number; driverId: number; escortId: number };
  const [vehicle] = await db.query<{ enterprise_id: number }>('select enterprise_id from vehicles where id = $1', [vehicleId]);
  const staff = await db.query<{ id: number; enterprise_id: number; kind: string }>('select id, enterprise_id, kind from transport_staff where id = any($1::int[])', [[driverId, escortId]]);
  const errors: FieldError[] = [];
  if (!vehicle) errors.push({ path: 'vehicleId', message: '车辆不存在' });
  else if (vehicle.enterprise_id !== enterpriseId) errors.push({ path: 'vehicleId', message: '车辆不属于该运输企业' });
  for (const [path, id, kind, label] of [['driverId', driverId, 'driver', '驾驶员'], ['escortId', escortId, 'escort', '押运员']] as const) {
    const person = staff.find((s) => s.id === id);
    if (!person) errors.push({ path, message: `${label}不存在` });
    else if (person.kind !== kind) errors.push({ path, message: `所选人员不是${label}` });
    else if (person.enterprise_id !== enterpriseId) errors.push({ path, message: `${label}不属于该运输企业` });
  }
  return errors;
}

export const waybillsModule = {
  name: 'waybills',
  label: '电子运单',
  group: '危险货物运输',
  table: 'waybills',
  schema: z.object({
    code: z.string().trim().min(4).max(40),
    enterpriseId: z.number().int().positive(),
    vehicleId: z.number().int().positive(),
    driverId: z.number().int().positive(),
    escortId: z.number().int().positive(),
    consignor: text(100),
    loader: text(100),
    consignee: text(100),
    goodsName: text(100),
    unNumber: z.string().regex(/^\d{4}$/, 'UN 编号应为4位数字'),
    hazmatClass: vehiclesModule.schema.shape.hazmatClass.unwrap().unwrap(),
    packingGroup: z.enum(['I', 'II', 'III']).nullish(),
    quantityT: z.number().positive().max(100),
    origin: text(200),
    destination: text(200),
    route: z.string().trim().max(500).nullish(),
    departureAt: z.iso.datetime({ offset: true }),
    arrivalAt: z.iso.datetime({ offset: true }).nullish(),
    status: z.enum(['planned', 'in_transit', 'completed', 'cancelled']).default('planned'),
  }),
  fields: {
    code: { label: '运单号', list: true },
    enterpriseId: { label: '承运企业', list: true, filter: true, ref: { module: 'enterprises', labelField: 'name' } },
    vehicleId: { label: '车辆', list: true, filter: true, ref: { module: 'vehicles', labelField: 'plate' } },
    driverId: { label: '驾驶员', list: true, ref: { module: 'transport-staff', labelField: 'name' } },
    escortId: { label: '押运员', ref: { module: 'transport-staff', labelField: 'name' } },
    consignor: { label: '托运人' },
    loader: { label: '装货人' },
    consignee: { label: '收货人' },
    goodsName: { label: '货物名称', list: true },
    unNumber: { label: 'UN 编号', list: true },
    hazmatClass: { label: '危险货物类别', list: true, filter: true, options: vehiclesModule.fields.hazmatClass.options },
    packingGroup: { label: '包装类别', options: { I: 'I 类', II: 'II 类', III: 'III 类' } },
    quantityT: { label: '数量（吨）', list: true },
    origin: { label: '起运地', list: true },
    destination: { label: '目的地', list: true },
    route: { label: '运输路线', multiline: true },
    departureAt: { label: '起运时间', list: true, help: 'ISO 8601，带时区，如 2026-11-23T08:00:00+08:00' },
    arrivalAt: { label: '到达时间' },
    status: { label: '状态', list: true, filter: true, options: { planned: '待运输', in_transit: '运输中', completed: '已完成', cancelled: '已取消' } },
  },
  uniqueField: 'code',
  scope: { enterpriseColumn: 'enterprise_id' },
  searchColumns: ['code', 'goods_name', 'un_number', 'consignor', 'consignee'],
  orderBy: 'departure_at desc, id desc',
  writeRoles: ['admin', 'official', 'enterprise_admin'],
  importable: true,
  validate: validateWaybill,
} satisfies RegistryModule;
