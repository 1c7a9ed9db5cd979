/**
 * Geofences for the demo trucks and the emergency resources around the park (region 211321 朝阳县).
 * Geometry is WGS-84 [lon, lat] as the geofences registry takes it; resource coordinates are WGS-84 lat/lon.
 */
import type { z } from 'zod';
import type { geofencesModule } from '../registry/modules/geofences.ts';
import type { emergencyResourcesModule } from '../registry/modules/emergency-resources.ts';
import { ANYUN, TONGDA } from './demo-enterprises.ts';

const COUNTY = '211321';

/** The park boundary (the basemap's boundary ring converted from GCJ-02 to WGS-84), [lon, lat]. */
export const PARK_BOUNDARY: Array<[lon: number, lat: number]> = [
  [120.36821, 41.49756], [120.41697, 41.49745], [120.43184, 41.50555], [120.43184, 41.54023],
  [120.4106, 41.5416], [120.3894, 41.54074], [120.36821, 41.53854], [120.36821, 41.49756],
];

type GeofenceInput = z.input<typeof geofencesModule.schema>;
type ResourceInput = Omit<z.input<typeof emergencyResourcesModule.schema>, 'enterpriseId'> & { enterpriseCode?: string };

export const demoGeofences: GeofenceInput[] = [
  {
    regionCode: COUNTY, code: 'GF-211321-001', name: '大凌河柳城段饮用水水源保护区', shape: 'polygon', rule: 'forbidden',
    geometry: { type: 'polygon', coordinates: [[120.4, 41.5425], [120.42, 41.5425], [120.42, 41.55], [120.4, 41.55]] },
  },
  {
    regionCode: COUNTY, code: 'GF-211321-002', name: '柳城镇中心小学周边禁行区', shape: 'circle', rule: 'forbidden',
    geometry: { type: 'circle', center: [120.36, 41.494], radiusM: 300 },
    timeWindows: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '17:30' }],
  },
  {
    regionCode: COUNTY, code: 'GF-211321-003', name: '柳城大街限速走廊', shape: 'corridor', rule: 'speed_limit', speedLimitKmh: 40,
    geometry: { type: 'corridor', line: [[120.36821, 41.52008], [120.4, 41.52], [120.43184, 41.51996]], widthM: 40 },
    timeWindows: [{ days: [1, 2, 3, 4, 5, 6, 7], from: '06:00', to: '22:00' }],
  },
  {
    regionCode: COUNTY, code: 'GF-211321-004', name: '柳城经济开发区危化品车辆限定通行区', shape: 'polygon', rule: 'allowed_only',
    geometry: { type: 'polygon', coordinates: PARK_BOUNDARY },
  },
];

export const demoEmergencyResources: ResourceInput[] = [
  {
    regionCode: COUNTY, code: 'ER-211321-001', kind: 'rescue_team', name: '朝阳县消防救援大队开发区特勤站', address: '柳城经济开发区兴业路南侧',
    lat: 41.50152, lon: 120.4053, contactPerson: '王振宇', contactPhone: '0421-3812119', capacity: '消防车6辆（含泡沫车2辆、举高喷射车1辆），指战员32人',
  },
  {
    regionCode: COUNTY, enterpriseCode: '91211321MA0Y2H3C2W', code: 'ER-211321-002', kind: 'rescue_team', name: '朝阳华锦新材料有限公司专职消防队', address: '柳城经济开发区柳城大街18号',
    lat: 41.524, lon: 120.4035, contactPerson: '马骏', contactPhone: '0421-3861119', capacity: '消防车2辆，队员14人，24小时值守',
  },
  {
    regionCode: COUNTY, code: 'ER-211321-003', kind: 'expert', name: '刘振华（危险化学品安全专家）', address: '园区应急指挥中心',
    lat: 41.50154, lon: 120.3947, contactPerson: '刘振华', contactPhone: '13904216688', capacity: '化工工艺高级工程师；重大危险源辨识评估、泄漏与火灾处置',
  },
  {
    regionCode: COUNTY, code: 'ER-211321-004', kind: 'supplies', name: '柳城经济开发区应急物资储备库', address: '园区应急指挥中心东侧',
    lat: 41.503, lon: 120.396, contactPerson: '姜涛', contactPhone: '0421-3860110', capacity: '吸附棉2吨、围油栏500米、堵漏器材20套、重型防化服40套、中和剂5吨',
  },
  {
    regionCode: COUNTY, code: 'ER-211321-005', kind: 'equipment', name: '危化品泄漏处置装备库', address: '特勤站北侧',
    lat: 41.504, lon: 120.4045, contactPerson: '王振宇', contactPhone: '0421-3812119', capacity: '正压式空气呼吸器30具、有毒气体检测仪12台、防爆排烟机4台、洗消帐篷2顶',
  },
  {
    regionCode: COUNTY, code: 'ER-211321-006', kind: 'shelter', name: '柳城经济开发区中心广场应急避难场所', address: '园区中路与柳城大街交口西北',
    lat: 41.5225, lon: 120.3985, contactPerson: '崔永红', contactPhone: '0421-3860120', capacity: '有效面积1.2万平方米，可容纳3000人',
  },
  {
    regionCode: COUNTY, enterpriseCode: TONGDA, code: 'ER-211321-007', kind: 'transport_support', name: '朝阳通达危险货物运输有限公司应急运输车队', address: '柳城经济开发区滨河大道66号',
    lat: 41.5302, lon: 120.426, contactPerson: '曹立新', contactPhone: '0421-3863377', capacity: '应急槽罐车4辆、防爆倒罐泵2台，30分钟内出车',
  },
  {
    regionCode: COUNTY, enterpriseCode: ANYUN, code: 'ER-211321-008', kind: 'transport_support', name: '朝阳安运危险货物运输有限公司清障车组', address: '危化品车辆专用停车场',
    lat: 41.5105, lon: 120.4255, contactPerson: '薛明亮', contactPhone: '0421-3863589', capacity: '重型清障车1辆、吊车1台',
  },
  {
    regionCode: COUNTY, code: 'ER-211321-009', kind: 'medical_support', name: '柳城经济开发区医疗救护站', address: '滨河大道西段北侧',
    lat: 41.5376, lon: 120.38463, contactPerson: '宋雅琴', contactPhone: '0421-3860120', capacity: '救护车2辆，医护人员8人，洗消床位4张',
  },
  {
    regionCode: COUNTY, code: 'ER-211321-010', kind: 'communication_support', name: '中国移动朝阳县分公司应急通信保障队', address: '柳城大街与经一路交口',
    lat: 41.5205, lon: 120.3795, contactPerson: '任海峰', contactPhone: '13904217799', capacity: '应急通信车1辆、便携基站2套、卫星电话6部',
  },
];
