// Pages of the console besides the module pages. A new page is one entry here.
import { defineAsyncComponent, type Component } from 'vue';

export interface FixedPage {
  key: string;
  label: string;
  group: string;
  /** Roles the menu shows it to; every role when absent (the server still decides what they may read). */
  roles?: string[];
  component: Component;
}

const SYSTEM = ['admin', 'official'];
const ALARMS = '报警中心';

export const fixedPages: FixedPage[] = [
  { key: 'enterprise-stats', label: '企业统计', group: '企业管理', component: defineAsyncComponent(() => import('./pages/StatsPage.vue')) },
  { key: 'expiry-warnings', label: '证照到期提醒', group: '危险货物运输', component: defineAsyncComponent(() => import('./pages/ExpiryPage.vue')) },
  { key: 'alarm-history', label: '报警历史', group: ALARMS, component: defineAsyncComponent(() => import('./alarm-centre/AlarmHistoryPage.vue')) },
  { key: 'alarm-statistics', label: '报警统计', group: ALARMS, component: defineAsyncComponent(() => import('./alarm-centre/AlarmStatisticsPage.vue')) },
  { key: 'alarm-rules', label: '报警规则', group: ALARMS, component: defineAsyncComponent(() => import('./alarm-centre/AlarmRulesPage.vue')) },
  { key: 'alarm-notify', label: '处置时限与通知', group: ALARMS, roles: SYSTEM, component: defineAsyncComponent(() => import('./alarm-centre/AlarmNotifyPage.vue')) },
  { key: 'users', label: '用户管理', group: '系统管理', roles: SYSTEM, component: defineAsyncComponent(() => import('./pages/UsersPage.vue')) },
  { key: 'audit-log', label: '操作日志', group: '系统管理', roles: SYSTEM, component: defineAsyncComponent(() => import('./pages/AuditLogPage.vue')) },
  { key: 'login-log', label: '登录日志', group: '系统管理', roles: SYSTEM, component: defineAsyncComponent(() => import('./pages/LoginLogPage.vue')) },
];
