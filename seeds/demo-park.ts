/**
 * Demo chemical park for first runs and the simulator: three enterprises in 南京市六合区, their tanks and gas
 * detectors behind one MQTT gateway each, and hazmat trucks with JT/T 808 terminals. Demo secrets are fixed
 * so the built-in simulator can connect; they are loaded only when demo mode is on.
 */
export const PARK_CENTER = { lat: 32.23, lon: 118.82 };

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
  sensors: DemoSensor[];
}

export interface DemoEnterprise {
  code: string;
  name: string;
  regionCode: string;
  address: string;
  industry: string;
  lat: number;
  lon: number;
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

const tank = (code: string, name: string, medium: string, capacityM3: number, lat: number, lon: number, sensors: DemoSensor[]): DemoTank => ({
  code, name, medium, capacityM3, lat, lon,
  sensors: sensors.map((s) => ({ ...s, code: `${code}-${s.code}` })),
});

export const demoEnterprises: DemoEnterprise[] = [
  {
    code: '91320116MA1XYW0A1B',
    name: '华东石化储运有限公司',
    regionCode: '320116',
    address: '南京市六合区临港化工园区滨江路8号',
    industry: '危险化学品储存',
    lat: 32.236, lon: 118.806,
    device: { code: 'GW-HDSH-01', name: '储罐区采集网关1号', secret: 'demo-HDSH-secret-01' },
    tanks: [
      tank('HDSH-T101', '1#甲醇储罐', '甲醇', 5000, 32.2365, 118.8052, [level(15, 17, 9), temperature(22), gas()]),
      tank('HDSH-T102', '2#汽油储罐', '汽油', 5000, 32.2368, 118.8068, [level(15, 17, 11), temperature(24), gas()]),
      tank('HDSH-T201', '液化石油气球罐', '液化石油气', 2000, 32.2352, 118.8075, [level(14, 16, 8), pressure(1.1), temperature(20), gas()]),
    ],
  },
  {
    code: '91320116MA1XYW0B2C',
    name: '临港精细化工有限公司',
    regionCode: '320116',
    address: '南京市六合区临港化工园区化工大道16号',
    industry: '化学原料和化学制品制造',
    lat: 32.226, lon: 118.826,
    device: { code: 'GW-LGJX-01', name: '罐区采集网关', secret: 'demo-LGJX-secret-01' },
    tanks: [
      tank('LGJX-T01', '苯储罐', '苯', 1000, 32.2262, 118.8255, [level(12, 14, 7), temperature(25), gas()]),
      tank('LGJX-T02', '液氨储罐', '液氨', 500, 32.2255, 118.8270, [level(12, 14, 6), pressure(1.2), temperature(18)]),
    ],
  },
  {
    code: '91320116MA1XYW0C3D',
    name: '江北气体有限公司',
    regionCode: '320116',
    address: '南京市六合区临港化工园区纬七路3号',
    industry: '工业气体',
    lat: 32.219, lon: 118.838,
    device: { code: 'GW-JBQT-01', name: '储气区采集网关', secret: 'demo-JBQT-secret-01' },
    tanks: [tank('JBQT-T01', '液氯储罐', '液氯', 200, 32.2192, 118.8378, [level(10, 12, 5), pressure(0.9), temperature(20)])],
  },
];

export interface DemoVehicle {
  plate: string;
  enterpriseCode: string;
  terminalPhone: string;
  /** Loop of WGS-84 waypoints the simulator drives. */
  route: Array<[lat: number, lon: number]>;
  speedKmh: number;
}

const loop = (points: Array<[number, number]>) => points;

export const demoVehicles: DemoVehicle[] = [
  { plate: '苏A·D1234', enterpriseCode: '91320116MA1XYW0A1B', terminalPhone: '13800000001', speedKmh: 45,
    route: loop([[32.236, 118.800], [32.236, 118.840], [32.215, 118.840], [32.215, 118.800]]) },
  { plate: '苏A·D5678', enterpriseCode: '91320116MA1XYW0A1B', terminalPhone: '13800000002', speedKmh: 55,
    route: loop([[32.245, 118.790], [32.245, 118.850], [32.230, 118.850], [32.230, 118.790]]) },
  { plate: '苏A·H2468', enterpriseCode: '91320116MA1XYW0B2C', terminalPhone: '13800000003', speedKmh: 40,
    route: loop([[32.226, 118.805], [32.226, 118.835], [32.220, 118.835], [32.220, 118.805]]) },
  { plate: '苏A·J1357', enterpriseCode: '91320116MA1XYW0C3D', terminalPhone: '13800000004', speedKmh: 60,
    route: loop([[32.210, 118.795], [32.250, 118.795], [32.250, 118.845], [32.210, 118.845]]) },
];
