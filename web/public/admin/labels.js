// Chinese labels for fixed vocabularies.

export const ROLES = [
  { value: 'admin', label: '系统管理员' },
  { value: 'operator', label: '值班员' },
  { value: 'official', label: '监管人员' },
  { value: 'enterprise_admin', label: '企业管理员' },
  { value: 'enterprise_user', label: '企业用户' },
  { value: 'expert', label: '专家' },
  { value: 'driver', label: '驾驶员' },
];
export const roleLabel = (r) => (ROLES.find((x) => x.value === r) || {}).label || r || '';

export const AUDIT_ACTIONS = [
  { value: 'create', label: '新增' },
  { value: 'update', label: '修改' },
  { value: 'delete', label: '删除' },
  { value: 'import', label: '导入' },
  { value: 'move', label: '属地调整' },
  { value: 'release_terminal', label: '解除终端绑定' },
];
export const actionLabel = (a) => (AUDIT_ACTIONS.find((x) => x.value === a) || {}).label || a || '';

export const ORG_KINDS = {
  bureau: '应急管理部门', province: '省级应急管理厅', city: '市级应急管理局', county: '县级应急管理局',
  park: '化工园区', enterprise: '企业', platform: '平台运营',
};
export const orgKindLabel = (k) => ORG_KINDS[k] || k || '';

export const EXPIRY_KINDS = {
  driver_certificate: '驾驶员从业资格证',
  escort_certificate: '押运员从业资格证',
  vehicle_inspection: '车辆年检',
};

export const STATS_DIMENSIONS = [
  { value: 'region', label: '按属地' },
  { value: 'industryType', label: '按行业类型' },
  { value: 'scale', label: '按企业规模' },
  { value: 'grade', label: '按风险等级' },
];

/** Menu groups in display order; a module without `group` is placed by its name, else in 其他. */
export const MENU_GROUPS = ['企业管理', '重大危险源', '物联接入', '危险货物运输', '应急资源', '系统管理'];
export const DEFAULT_GROUP = '其他';
export const GROUP_BY_MODULE = {
  enterprises: '企业管理', 'sub-units': '企业管理', subunits: '企业管理', sub_units: '企业管理', 'secondary-units': '企业管理', units: '企业管理', departments: '企业管理',
  'hazard-sources': '重大危险源', hazard_sources: '重大危险源', hazardSources: '重大危险源', 'major-hazards': '重大危险源', tanks: '重大危险源', sensors: '重大危险源',
  devices: '物联接入', gateways: '物联接入', cameras: '物联接入', videos: '物联接入',
  vehicles: '危险货物运输', drivers: '危险货物运输', personnel: '危险货物运输', escorts: '危险货物运输', 'transport-personnel': '危险货物运输', geofences: '危险货物运输', fences: '危险货物运输',
  'emergency-resources': '应急资源', emergency_resources: '应急资源', emergencyResources: '应急资源', resources: '应急资源',
  users: '系统管理', organizations: '系统管理',
};
