import { describe, expect, it } from 'vitest';
import { nextAttemptAt } from '../../../alerts/notifications/retry-backoff.ts';
import { subscriptionMatches, type Subscription } from '../../../alerts/notifications/subscription-match.ts';
import { notificationText } from '../../../alerts/notifications/notification-text.ts';
import { retentionCutoff } from '../../../alerts/handling/alarm-retention.ts';

describe('retry backoff', () => {
  const opts = { baseMs: 1000, maxMs: 10_000, maxAttempts: 6 };
  const t = new Date('2026-11-23T00:00:00Z');
  const delay = (attempts: number) => nextAttemptAt(attempts, t, opts)!.getTime() - t.getTime();

  it('doubles from the base delay up to the cap', () => {
    expect([1, 2, 3, 4, 5].map(delay)).toEqual([1000, 2000, 4000, 8000, 10_000]);
  });

  it('gives up once the attempts are used up', () => {
    expect(nextAttemptAt(6, t, opts)).toBeNull();
  });
});

describe('subscription matching', () => {
  const sub: Subscription = {
    id: 1, name: '市局值班', channel: 'sms', target: '13800000000', severities: ['critical', 'major'], actions: ['raised', 'escalated'],
    regionCode: '211300', enterpriseId: null, enabled: true,
  };
  const alarm = { severity: 'major' as const, regionCode: '211321', enterpriseId: 7 };

  it('matches the event kind, the severity and the region subtree', () => {
    expect(subscriptionMatches(sub, 'raised', alarm)).toBe(true);
    expect(subscriptionMatches(sub, 'acknowledged', alarm)).toBe(false);
    expect(subscriptionMatches(sub, 'raised', { ...alarm, severity: 'minor' })).toBe(false);
    expect(subscriptionMatches(sub, 'raised', { ...alarm, regionCode: '211400' })).toBe(false);
    expect(subscriptionMatches({ ...sub, regionCode: '210000' }, 'raised', { ...alarm, regionCode: '211400' })).toBe(true);
  });

  it('limits to one enterprise when set, and never sends when disabled', () => {
    expect(subscriptionMatches({ ...sub, enterpriseId: 7 }, 'raised', alarm)).toBe(true);
    expect(subscriptionMatches({ ...sub, enterpriseId: 8 }, 'raised', alarm)).toBe(false);
    expect(subscriptionMatches({ ...sub, enabled: false }, 'raised', alarm)).toBe(false);
  });

  it('writes the Chinese text, naming the bureau an escalation went to', () => {
    expect(notificationText('escalated', { severity: 'critical', message: '1#罐液位高高报' }, { to: { name: '朝阳县应急管理局' } })).toBe(
      '【危化监测】报警超时升级（紧急）：1#罐液位高高报，已升级至朝阳县应急管理局',
    );
  });
});

describe('alarm retention', () => {
  it('keeps at least three years whatever is configured', () => {
    const now = new Date('2026-11-23T00:00:00Z');
    expect(retentionCutoff(now, 3).toISOString()).toBe('2023-11-23T00:00:00.000Z');
    expect(retentionCutoff(now, 1).toISOString()).toBe('2023-11-23T00:00:00.000Z');
    expect(retentionCutoff(now, 5).toISOString()).toBe('2021-11-23T00:00:00.000Z');
  });
});
