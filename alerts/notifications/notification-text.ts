import type { Severity } from '../alarm-decision.ts';
import type { Alarm } from '../alarm-store.ts';

export const severityLabel: Record<Severity, string> = { critical: '紧急', major: '重要', minor: '一般', warning: '提示' };

const eventLabel: Record<string, string> = {
  raised: '新报警',
  escalated: '报警超时升级',
  acknowledged: '报警已确认',
  cleared: '报警已消除',
  disposed: '报警已处置',
  closed: '报警已消警',
  reviewed: '报警已核查',
};

/** The one-line Chinese text an SMS carries (and a webhook receives beside the alarm). */
export function notificationText(event: string, alarm: Pick<Alarm, 'severity' | 'message'>, details: { to?: { name: string } | null }): string {
  const head = `【危化监测】${eventLabel[event] ?? event}（${severityLabel[alarm.severity]}）`;
  const escalated = event === 'escalated' && details.to ? `，已升级至${details.to.name}` : '';
  return `${head}：${alarm.message}${escalated}`;
}
