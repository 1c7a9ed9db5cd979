/**
 * Demo hazmat trucks (辽N, 朝阳) of the two transport enterprises, each with a driver and an escort, and the loops
 * the simulator drives over the park's roads (WGS-84). Terminal phones 13800000001–13800000004 are stable
 * (tests and the simulator use them). Expiry dates are day offsets from the load date (Shanghai calendar), so the expiry-warning
 * page always has one inspection and one certificate expired and one of each due within ten days.
 */
import { ANYUN, TONGDA } from './demo-enterprises.ts';

export interface DemoStaff {
  name: string;
  /** GB 11643 resident identity number (fictitious, valid check digit); also the 从业资格证 number. */
  idNumber: string;
  phone: string;
  /** 从业资格证 valid until load date + this many days (negative: already expired). */
  certificateDueInDays: number;
}

export interface DemoVehicle {
  plate: string;
  enterpriseCode: string;
  terminalPhone: string;
  /** Loop of WGS-84 waypoints the simulator drives. */
  route: Array<[lat: number, lon: number]>;
  speedKmh: number;
  /** Dangerous goods class (GB 6944), as the vehicles registry takes it. */
  hazmatClass: '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
  cargo: string;
  tankVolumeM3: number;
  /** 年检 valid until load date + this many days (negative: already expired). */
  inspectionDueInDays: number;
  driver: DemoStaff;
  escort: DemoStaff;
}

// The park's road grid (WGS-84): 柳城大街 lat 41.5200, 兴业路 41.5056, 滨河大道 ≈41.5334, 纬一路 41.5272,
// 园区中路 lon 120.4000, 经一路 120.3788, 经三路 120.4202; the truck park lies east of 经三路 around 41.511.
export const demoVehicles: DemoVehicle[] = [
  {
    // Runs a little fast on the 40 km/h corridor so the demo shows overspeed alarms; the others keep under it.
    plate: '辽N·D2871', enterpriseCode: TONGDA, terminalPhone: '13800000001', speedKmh: 45,
    hazmatClass: '3', cargo: '甲醇', tankVolumeM3: 30, inspectionDueInDays: 210,
    route: [[41.52, 120.3788], [41.52, 120.4202], [41.5056, 120.4202], [41.5056, 120.3788]],
    driver: { name: '张立军', idNumber: '211321198003120513', phone: '13904210101', certificateDueInDays: -12 },
    escort: { name: '王海涛', idNumber: '211321198507221035', phone: '13904210102', certificateDueInDays: 640 },
  },
  {
    plate: '辽N·D3065', enterpriseCode: TONGDA, terminalPhone: '13800000002', speedKmh: 34,
    hazmatClass: '3', cargo: '汽油', tankVolumeM3: 32, inspectionDueInDays: 7,
    route: [[41.5334, 120.3788], [41.5335, 120.4202], [41.52, 120.4202], [41.52, 120.3788]],
    driver: { name: '李春雨', idNumber: '211321197811052032', phone: '13904210103', certificateDueInDays: 820 },
    escort: { name: '吴桂芳', idNumber: '211321199206030846', phone: '13904210104', certificateDueInDays: 455 },
  },
  {
    plate: '辽N·E5129', enterpriseCode: TONGDA, terminalPhone: '13800000003', speedKmh: 32,
    hazmatClass: '2', cargo: '液化石油气', tankVolumeM3: 24.5, inspectionDueInDays: -15,
    route: [[41.52, 120.4], [41.52, 120.4202], [41.5056, 120.4202], [41.5056, 120.4]],
    driver: { name: '刘国庆', idNumber: '211321199002141253', phone: '13904210105', certificateDueInDays: 300 },
    escort: { name: '高丽娟', idNumber: '21132119880809042X', phone: '13904210106', certificateDueInDays: 6 },
  },
  {
    plate: '辽N·E6330', enterpriseCode: TONGDA, terminalPhone: '13800000004', speedKmh: 34,
    hazmatClass: '8', cargo: '液碱', tankVolumeM3: 20, inspectionDueInDays: 330,
    route: [[41.5056, 120.3788], [41.5334, 120.3788], [41.5335, 120.4202], [41.5056, 120.4202]],
    driver: { name: '赵永刚', idNumber: '211321198309180711', phone: '13904210107', certificateDueInDays: 1020 },
    escort: { name: '孙鹏', idNumber: '211321197601271536', phone: '13904210108', certificateDueInDays: 190 },
  },
  {
    plate: '辽N·F1287', enterpriseCode: ANYUN, terminalPhone: '13800000005', speedKmh: 32,
    hazmatClass: '2', cargo: '液氨', tankVolumeM3: 23.6, inspectionDueInDays: 95,
    route: [[41.52, 120.37], [41.52, 120.4], [41.5334, 120.4], [41.5334, 120.37]],
    driver: { name: '周建华', idNumber: '211321198204151914', phone: '13904210109', certificateDueInDays: 560 },
    escort: { name: '杨秀梅', idNumber: '211321199401200628', phone: '13904210110', certificateDueInDays: 730 },
  },
  {
    plate: '辽N·F7752', enterpriseCode: ANYUN, terminalPhone: '13800000006', speedKmh: 30,
    hazmatClass: '6', cargo: '苯胺', tankVolumeM3: 18, inspectionDueInDays: 150,
    route: [[41.511, 120.4202], [41.511, 120.43], [41.5272, 120.43], [41.5272, 120.4202]],
    driver: { name: '郑志强', idNumber: '21132119790630233X', phone: '13904210111', certificateDueInDays: 410 },
    escort: { name: '马晓红', idNumber: '211321198702110242', phone: '13904210112', certificateDueInDays: 275 },
  },
  {
    plate: '辽N·G0916', enterpriseCode: ANYUN, terminalPhone: '13800000007', speedKmh: 34,
    hazmatClass: '3', cargo: '苯', tankVolumeM3: 26, inspectionDueInDays: 48,
    route: [[41.5334, 120.4], [41.5336, 120.43], [41.52, 120.43], [41.52, 120.4]],
    driver: { name: '韩冬', idNumber: '211321198109261138', phone: '13904210113', certificateDueInDays: 905 },
    escort: { name: '徐丽', idNumber: '211321199105041466', phone: '13904210114', certificateDueInDays: 360 },
  },
];

export interface DemoWaybill {
  code: string;
  /** Vehicle by plate; the carrier, driver and escort are the vehicle's. */
  plate: string;
  consignor: string;
  loader: string;
  consignee: string;
  goodsName: string;
  unNumber: string;
  hazmatClass: DemoVehicle['hazmatClass'];
  packingGroup: 'I' | 'II' | 'III' | null;
  quantityT: number;
  origin: string;
  destination: string;
  route: string;
  /** Departure at load time + this many hours (negative: already left). */
  departureInHours: number;
  /** Arrival at departure + this many hours; null while not arrived. */
  arrivalAfterHours: number | null;
  status: 'planned' | 'in_transit' | 'completed' | 'cancelled';
}

/** 电子运单 of the demo trucks: two on the road now (their silence is 运输途中失联), one done, one tomorrow. */
export const demoWaybills: DemoWaybill[] = [
  {
    code: 'YD211321202611001', plate: '辽N·D2871', consignor: '朝阳华锦新材料有限公司', loader: '朝阳华锦新材料有限公司储运部',
    consignee: '朝阳亿丰化工新材料有限公司', goodsName: '甲醇', unNumber: '1230', hazmatClass: '3', packingGroup: 'II', quantityT: 22.5,
    origin: '柳城经济开发区柳城大街18号', destination: '柳城经济开发区纬一路12号', route: '柳城大街—经三路—纬一路',
    departureInHours: -1, arrivalAfterHours: null, status: 'in_transit',
  },
  {
    code: 'YD211321202611002', plate: '辽N·F1287', consignor: '朝阳市鑫盛化工有限公司', loader: '朝阳市鑫盛化工有限公司',
    consignee: '朝阳德美纳米材料有限公司', goodsName: '液氨', unNumber: '1005', hazmatClass: '2', packingGroup: null, quantityT: 12.8,
    origin: '柳城经济开发区', destination: '柳城经济开发区经一路6号', route: '柳城大街—园区中路—滨河大道',
    departureInHours: -2, arrivalAfterHours: null, status: 'in_transit',
  },
  {
    code: 'YD211321202611003', plate: '辽N·D3065', consignor: '朝阳卡斯特化工有限公司', loader: '朝阳卡斯特化工有限公司罐区',
    consignee: '朝阳三元佳源科技有限公司', goodsName: '汽油', unNumber: '1203', hazmatClass: '3', packingGroup: 'II', quantityT: 23,
    origin: '柳城经济开发区兴业路9号', destination: '柳城经济开发区纬二路3号', route: '兴业路—经三路—纬二路',
    departureInHours: -72, arrivalAfterHours: 3, status: 'completed',
  },
  {
    code: 'YD211321202611004', plate: '辽N·E6330', consignor: '朝阳亿丰化工新材料有限公司', loader: '朝阳亿丰化工新材料有限公司',
    consignee: '朝阳华锦新材料有限公司', goodsName: '氢氧化钠溶液（液碱）', unNumber: '1824', hazmatClass: '8', packingGroup: 'II', quantityT: 25,
    origin: '柳城经济开发区纬一路12号', destination: '柳城经济开发区柳城大街18号', route: '纬一路—经三路—柳城大街',
    departureInHours: 24, arrivalAfterHours: null, status: 'planned',
  },
];
