/**
 * The supervision chain of the demo park, 应急管理部 → 辽宁省 → 朝阳市 → 朝阳县 → 柳城经济开发区 (plus one
 * organisation per enterprise, made by the loader), and one demo login per role. As in the customer's manual,
 * regulators log in with their six-digit region code and every demo account starts with the initial password
 * 123456, which must be changed at first login. The administrator is not seeded (ADMIN_PASSWORD / generated).
 */
import type { Role } from '../platform/auth/accounts.ts';
import { TONGDA } from './demo-enterprises.ts';

export type DemoOrganizationKey = 'ministry' | 'province' | 'city' | 'county' | 'park';

export interface DemoOrganization {
  key: DemoOrganizationKey;
  name: string;
  kind: 'ministry' | 'province' | 'city' | 'county' | 'park';
  regionCode: string;
  parent: DemoOrganizationKey | null;
}

/** Parents before children. */
export const demoOrganizations: DemoOrganization[] = [
  { key: 'ministry', name: '应急管理部', kind: 'ministry', regionCode: '000000', parent: null },
  { key: 'province', name: '辽宁省应急管理厅', kind: 'province', regionCode: '210000', parent: 'ministry' },
  { key: 'city', name: '朝阳市应急管理局', kind: 'city', regionCode: '211300', parent: 'province' },
  { key: 'county', name: '朝阳县应急管理局', kind: 'county', regionCode: '211321', parent: 'city' },
  { key: 'park', name: '柳城经济开发区管理委员会', kind: 'park', regionCode: '211321', parent: 'county' },
];

/** The manual's initial password; the loader marks every demo account must_change_password. */
export const DEMO_INITIAL_PASSWORD = '123456';

export interface DemoUser {
  username: string;
  displayName: string;
  role: Exclude<Role, 'admin'>;
  /** A government organisation, or the enterprise (by credit code) for enterprise roles. */
  organization: { key: DemoOrganizationKey } | { enterpriseCode: string };
  phone: string;
}

export const demoUsers: DemoUser[] = [
  { username: '210000', displayName: '辽宁省应急管理厅', role: 'official', organization: { key: 'province' }, phone: '024-62397000' },
  { username: '211300', displayName: '朝阳市应急管理局', role: 'official', organization: { key: 'city' }, phone: '0421-2613000' },
  { username: '211321', displayName: '朝阳县应急管理局', role: 'official', organization: { key: 'county' }, phone: '0421-3812000' },
  { username: 'lcjkq', displayName: '柳城经济开发区管理委员会', role: 'official', organization: { key: 'park' }, phone: '0421-3860001' },
  { username: 'zhiban01', displayName: '朝阳县应急管理局值班员', role: 'operator', organization: { key: 'county' }, phone: '0421-3812110' },
  { username: 'zhuanjia01', displayName: '刘振华（危化品安全专家）', role: 'expert', organization: { key: 'county' }, phone: '13904216688' },
  { username: 'hjxcl_admin', displayName: '华锦新材料安全管理员', role: 'enterprise_admin', organization: { enterpriseCode: '91211321MA0Y2H3C2W' }, phone: '0421-3861018' },
  { username: 'hjxcl_user', displayName: '华锦新材料储运部操作员', role: 'enterprise_user', organization: { enterpriseCode: '91211321MA0Y2H3C2W' }, phone: '0421-3861026' },
  { username: 'tdys_siji01', displayName: '李春雨（通达运输驾驶员）', role: 'driver', organization: { enterpriseCode: TONGDA }, phone: '13904210103' },
];
