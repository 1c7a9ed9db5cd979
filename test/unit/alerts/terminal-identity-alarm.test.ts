import { describe, expect, it } from 'vitest';
import { terminalIdentityDecision } from '../../../alerts/terminal-identity-alarm.ts';
import { alarmTypeLabel } from '../../../alerts/alarm-labels.ts';

const vehicle = { id: 7, plate: '辽N·D2871', enterpriseId: 3, regionCode: '211321' };
const at = new Date(0);

describe('terminal identity alarm', () => {
  it('is a major terminal_identity_conflict on the vehicle, labelled 终端身份冲突', () => {
    const d = terminalIdentityDecision({ kind: 'takeover', previousRemote: '10.0.0.1:4000', vehicle, remote: '10.0.0.2:5000', at });
    expect(d).toMatchObject({ action: 'raise', type: 'terminal_identity_conflict', severity: 'major', level: null, at, source: { kind: 'vehicle', id: 7, name: '辽N·D2871', enterpriseId: 3, regionCode: '211321' } });
    expect(alarmTypeLabel[d.type]).toBe('终端身份冲突');
  });

  it('names both identities and the source address in its message', () => {
    const registration = terminalIdentityDecision({
      kind: 'registration',
      bound: { terminalId: 'T000001', makerId: 'SIM01', model: 'A' },
      presented: { terminalId: 'EVIL01', makerId: 'X', model: 'B' },
      vehicle,
      remote: '10.9.9.9:1234',
      at,
    });
    expect(registration.action === 'raise' && registration.message).toSatisfy((m: string) => ['辽N·D2871', 'T000001', 'EVIL01', '10.9.9.9:1234', '结果 3'].every((s) => m.includes(s)));
    const imei = terminalIdentityDecision({ kind: 'imei', boundImei: '860000000000001', presentedImei: '860000000000009', vehicle, remote: '10.9.9.9:1234', at });
    expect(imei.action === 'raise' && imei.message).toSatisfy((m: string) => m.includes('860000000000001') && m.includes('860000000000009'));
    const takeover = terminalIdentityDecision({ kind: 'takeover', previousRemote: '10.0.0.1:4000', vehicle, remote: '10.0.0.2:5000', at });
    expect(takeover.action === 'raise' && takeover.message).toSatisfy((m: string) => m.includes('10.0.0.1:4000') && m.includes('10.0.0.2:5000'));
    const failures = terminalIdentityDecision({ kind: 'repeated_failures', failures: 5, withinS: 600, vehicle, remote: '10.9.9.9:1234', at });
    expect(failures.action === 'raise' && failures.message).toContain('连续 5 次');
  });
});
