import type { Alarm } from '../alarm-store.ts';
import { regionPrefix } from '../../platform/auth/scope.ts';

export interface Subscription {
  id: number;
  name: string;
  channel: 'webhook' | 'sms';
  target: string;
  severities: string[];
  actions: string[];
  regionCode: string | null;
  enterpriseId: number | null;
  enabled: boolean;
}

/** Whether an alarm event goes to a subscription: its event kind, severity, and the region or enterprise it covers. */
export function subscriptionMatches(sub: Subscription, action: string, alarm: Pick<Alarm, 'severity' | 'regionCode' | 'enterpriseId'>): boolean {
  if (!sub.enabled || !sub.actions.includes(action) || !sub.severities.includes(alarm.severity)) return false;
  if (sub.enterpriseId !== null && sub.enterpriseId !== alarm.enterpriseId) return false;
  if (sub.regionCode !== null && !(alarm.regionCode ?? '').startsWith(regionPrefix(sub.regionCode))) return false;
  return true;
}
