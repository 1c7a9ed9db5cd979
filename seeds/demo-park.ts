/**
 * Demo park for first runs and the simulator: 柳城经济开发区 in 辽宁省朝阳市朝阳县 (211321), modelled on the
 * customer's manual. This file holds the monitored side: the three enterprises with an MQTT tank gateway each
 * (ids 1, 2, 3 — loaded first), their tanks and gas detectors, the major hazard sources the tanks belong to and
 * the cameras watching them. The other enterprises, trucks, geofences, emergency resources, organisations and
 * users live in the sibling files. Demo secrets are fixed so the built-in simulator can connect; everything
 * here is loaded only when demo mode is on. Coordinates are WGS-84 and lie on the plots of
 * web/frontend/src/wall/park-basemap.geojson (which is GCJ-02).
 */
import type { HazardChemical } from '../registry/modules/hazard-grading.ts';
import type { DemoEnterpriseFile } from './demo-enterprises.ts';

export { demoVehicles, demoWaybills, type DemoVehicle, type DemoStaff, type DemoWaybill } from './demo-transport.ts';

/** WGS-84 centre of the park (the crossing of 柳城大街 and 园区中路). */
export const PARK_CENTER = { lat: 41.52, lon: 120.4 };

export interface DemoSensor {
  code: string;
  kind: 'level' | 'temperature' | 'pressure' | 'combustible_gas' | 'toxic_gas' | 'oxygen';
  unit: string;
  rangeMin: number;
  rangeMax: number;
  lowLow?: number;
  low?: number;
  high?: number;
  highHigh?: number;
  deadband: number;
  /** Simulator: typical value and swing. */
  base: number;
  swing: number;
}

export interface DemoTank {
  code: string;
  name: string;
  medium: string;
  capacityM3: number;
  lat: number;
  lon: number;
  /** Code of the major hazard source (demoHazardSources) the tank belongs to. */
  hazardSource: string;
  sensors: DemoSensor[];
}

/** An enterprise with a tank gateway: its file, the gateway and the tanks behind it. */
export interface DemoEnterprise extends DemoEnterpriseFile {
  device: { code: string; name: string; secret: string };
  tanks: DemoTank[];
}

const level = (high: number, highHigh: number, base: number): DemoSensor => ({
  code: 'LT', kind: 'level', unit: 'm', rangeMin: 0, rangeMax: 20, low: 1.5, lowLow: 0.8, high, highHigh, deadband: 0.2, base, swing: 1.2,
});
const temperature = (base: number): DemoSensor => ({
  code: 'TT', kind: 'temperature', unit: '°C', rangeMin: -40, rangeMax: 150, high: 45, highHigh: 60, deadband: 1, base, swing: 3,
});
const pressure = (base: number): DemoSensor => ({
  code: 'PT', kind: 'pressure', unit: 'MPa', rangeMin: 0, rangeMax: 2.5, high: 1.6, highHigh: 1.8, deadband: 0.05, base, swing: 0.1,
});
const gas = (): DemoSensor => ({
  code: 'GT', kind: 'combustible_gas', unit: '%LEL', rangeMin: 0, rangeMax: 100, high: 25, highHigh: 50, deadband: 2, base: 3, swing: 3,
});

const tank = (code: string, name: string, medium: string, capacityM3: number, at: [lat: number, lon: number], hazardSource: string, sensors: DemoSensor[]): DemoTank => ({
  code, name, medium, capacityM3, lat: at[0], lon: at[1], hazardSource,
  sensors: sensors.map((s) => ({ ...s, code: `${code}-${s.code}` })),
});

const COUNTY = '211321';
const ADDRESS = '辽宁省朝阳市朝阳县柳城经济开发区';

/** The three enterprises with tank gateways; the simulator drives exactly these. Ids 1, 2, 3 in this order. */
export const demoEnterprises: DemoEnterprise[] = [
  {
    code: '91211321MA0Y2H3C2W',
    name: '朝阳华锦新材料有限公司',
    regionCode: COUNTY,
    town: '二十家镇',
    address: `${ADDRESS}柳城大街18号`,
    industry: '有机化学原料制造',
    industryType: '危险物品类',
    industrySubtype: '危险化学品生产单位',
    scale: 'large',
    grade: 'B',
    legalRepresentative: '李宏伟',
    contactPerson: '赵志刚',
    contactPhone: '0421-3861018',
    lat: 41.5268, lon: 120.4105,
    device: { code: 'GW-HDSH-01', name: '储罐区采集网关1号', secret: 'demo-HDSH-secret-01' },
    tanks: [
      tank('HDSH-T101', '1#甲醇储罐', '甲醇', 5000, [41.52765, 120.40583], 'HS-211321-001', [level(15, 17, 9), temperature(22), gas()]),
      tank('HDSH-T102', '2#汽油储罐', '汽油', 5000, [41.52764, 120.40848], 'HS-211321-001', [level(15, 17, 11), temperature(24), gas()]),
      tank('HDSH-T201', '液化石油气球罐', '液化石油气', 2000, [41.52539, 120.41114], 'HS-211321-001', [level(14, 16, 8), pressure(1.1), temperature(20), gas()]),
    ],
  },
  {
    code: '91211321MA0YBW7N8M',
    name: '朝阳卡斯特化工有限公司',
    regionCode: COUNTY,
    town: '二十家镇',
    address: `${ADDRESS}兴业路9号`,
    industry: '专用化学产品制造',
    industryType: '危险物品类',
    industrySubtype: '危险化学品使用单位',
    scale: 'medium',
    grade: 'C',
    legalRepresentative: '孙建国',
    contactPerson: '高明',
    contactPhone: '0421-3862266',
    lat: 41.5128, lon: 120.3894,
    device: { code: 'GW-LGJX-01', name: '罐区采集网关', secret: 'demo-LGJX-secret-01' },
    tanks: [
      tank('LGJX-T01', '苯储罐', '苯', 1000, [41.514, 120.387], 'HS-211321-002', [level(12, 14, 7), temperature(25), gas()]),
      tank('LGJX-T02', '液氨储罐', '液氨', 500, [41.5118, 120.3915], 'HS-211321-002', [level(12, 14, 6), pressure(1.2), temperature(18)]),
    ],
  },
  {
    code: '91211321MA0Y6L4R4T',
    name: '朝阳市鑫盛化工有限公司',
    regionCode: COUNTY,
    town: '二十家镇',
    address: `${ADDRESS}兴业路26号`,
    industry: '无机碱制造',
    industryType: '危险物品类',
    industrySubtype: '危险化学品生产单位',
    scale: 'medium',
    grade: 'D',
    legalRepresentative: '王德胜',
    contactPerson: '刘波',
    contactPhone: '0421-3865530',
    lat: 41.5128, lon: 120.4105,
    device: { code: 'GW-JBQT-01', name: '储气区采集网关', secret: 'demo-JBQT-secret-01' },
    tanks: [tank('JBQT-T01', '液氯储罐', '液氯', 200, [41.51008, 120.40583], 'HS-211321-003', [level(10, 12, 5), pressure(0.9), temperature(20)])],
  },
];

export interface DemoHazardSource {
  code: string;
  enterpriseCode: string;
  name: string;
  unitKind: 'production' | 'storage';
  peopleWithin500m: number;
  /** Critical quantities Q from GB 18218-2018 table 1; β per decree 40 (R and the level are computed). */
  chemicals: Array<HazardChemical & { name: string; cas: string }>;
}

export const demoHazardSources: DemoHazardSource[] = [
  {
    code: 'HS-211321-001',
    enterpriseCode: '91211321MA0Y2H3C2W',
    name: '华锦新材料储罐区',
    unitKind: 'storage',
    peopleWithin500m: 80,
    chemicals: [
      { name: '甲醇', cas: '67-56-1', betaClass: 'other', actualT: 2400, criticalT: 500 },
      { name: '汽油', cas: '86290-81-5', betaClass: 'other', actualT: 2600, criticalT: 200 },
      { name: '液化石油气', cas: '68476-85-7', betaClass: 'flammable_gas', actualT: 900, criticalT: 50 },
    ],
  },
  {
    code: 'HS-211321-002',
    enterpriseCode: '91211321MA0YBW7N8M',
    name: '卡斯特化工苯及液氨罐区',
    unitKind: 'storage',
    peopleWithin500m: 35,
    chemicals: [
      { name: '苯', cas: '71-43-2', betaClass: 'other', actualT: 600, criticalT: 50 },
      { name: '液氨', cas: '7664-41-7', betaClass: 'nh3', actualT: 240, criticalT: 10 },
    ],
  },
  {
    code: 'HS-211321-003',
    enterpriseCode: '91211321MA0Y6L4R4T',
    name: '鑫盛化工液氯储存单元',
    unitKind: 'storage',
    peopleWithin500m: 60,
    chemicals: [{ name: '液氯', cas: '7782-50-5', betaClass: 'cl2', actualT: 120, criticalT: 5 }],
  },
  {
    code: 'HS-211321-004',
    enterpriseCode: '91211321MA0Y2H3C2W',
    name: '华锦新材料甲醇合成装置',
    unitKind: 'production',
    peopleWithin500m: 80,
    chemicals: [
      { name: '甲醇', cas: '67-56-1', betaClass: 'other', actualT: 30, criticalT: 500 },
      { name: '一氧化碳', cas: '630-08-0', betaClass: 'co', actualT: 12, criticalT: 10 },
    ],
  },
];

export interface DemoCamera {
  code: string;
  enterpriseCode: string;
  tankCode: string;
  name: string;
  site: string;
  lat: number;
  lon: number;
}

export const demoCameras: DemoCamera[] = [
  { code: 'CAM-HDSH-T101', enterpriseCode: '91211321MA0Y2H3C2W', tankCode: 'HDSH-T101', name: '1#甲醇储罐罐顶球机', site: '储罐区北侧防火堤', lat: 41.5279, lon: 120.4058 },
  { code: 'CAM-HDSH-T201', enterpriseCode: '91211321MA0Y2H3C2W', tankCode: 'HDSH-T201', name: '液化石油气球罐枪机', site: '球罐区东侧灯杆', lat: 41.5252, lon: 120.4117 },
  { code: 'CAM-JBQT-T01', enterpriseCode: '91211321MA0Y6L4R4T', tankCode: 'JBQT-T01', name: '液氯储罐区防爆摄像机', site: '液氯库房入口', lat: 41.5103, lon: 120.4061 },
];
