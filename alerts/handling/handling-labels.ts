import type { HandlingState } from './alarm-history.ts';

/**
 * The handling state an alarm is shown in: closed > disposed > active/cleared × acknowledged (the wall's
 * li.alarm-item[data-state]).
 */
export const displayStateLabels = {
  'active-unacked': '未确认',
  'active-acked': '已确认',
  'cleared-unacked': '已消除·未确认',
  'cleared-acked': '已消除',
  disposed: '已处置',
  closed: '已消警',
} as const;

export type DisplayState = keyof typeof displayStateLabels;

export function displayState(a: { active: boolean; acknowledged: boolean; disposedAt: string | null; closedAt: string | null }): DisplayState {
  if (a.closedAt) return 'closed';
  if (a.disposedAt) return 'disposed';
  return `${a.active ? 'active' : 'cleared'}-${a.acknowledged ? 'acked' : 'unacked'}`;
}

/** The `state` filter of the alarm history, statistics and export. */
export const historyStateLabels: Record<HandlingState, string> = {
  active: '报警中',
  cleared: '已消除',
  unacknowledged: '未确认',
  acknowledged: '已确认',
  disposed: '已处置',
  closed: '已消警',
  unclosed: '未消警',
  reviewed: '已核查',
  breached: '处置超时',
};

/** alarm_events.action (`GET /api/alarms/{id}/events`). */
export const alarmEventActionLabels = {
  raised: '报警产生',
  repeated: '重复报警',
  updated: '报警更新',
  cleared: '报警消除',
  acknowledged: '确认',
  disposed: '处置反馈',
  closed: '消警',
  reviewed: '核查',
  escalated: '超时升级',
  sla_breached: '处置超时',
} as const;

export const reviewResultLabels = { passed: '通过', rejected: '退回' } as const;

/** A notification in the outbox (`GET /api/alarm-notifications` items' `state`). */
export const notificationStateLabels = { pending: '待发送', retrying: '重试中', sent: '已发送', failed: '发送失败' } as const;
