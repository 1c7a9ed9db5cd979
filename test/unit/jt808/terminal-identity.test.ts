import { describe, expect, it } from 'vitest';
import { addressOf, sameDevice, sameImei } from '../../../ingest/jt808/gateway/terminal-identity.ts';
import { hashAuthCode, newAuthCode, verifyAuthCode } from '../../../registry/terminal-auth-codes.ts';

describe('terminal identity', () => {
  const bound = { terminalId: 'T000001', makerId: 'SIM01', model: 'HAZWATCH-SIM' };

  it('the same device is the same maker and terminal ID; padding and case do not matter, the model is not compared', () => {
    expect(sameDevice(bound, { ...bound })).toBe(true);
    expect(sameDevice(bound, { terminalId: ' t000001 ', makerId: 'sim01', model: 'HAZWATCH-SIM2' })).toBe(true);
    expect(sameDevice(bound, { ...bound, terminalId: 'T000002' })).toBe(false);
    expect(sameDevice(bound, { ...bound, makerId: 'OTHER' })).toBe(false);
  });

  it('IMEIs compare without padding', () => {
    expect(sameImei('860000000000001', '860000000000001 ')).toBe(true);
    expect(sameImei('860000000000001', '860000000000002')).toBe(false);
  });

  it('the address of a remote is without its port, IPv4 and IPv6', () => {
    expect(addressOf('10.1.2.3:40000')).toBe('10.1.2.3');
    expect(addressOf('::ffff:10.1.2.3:40000')).toBe('::ffff:10.1.2.3');
    expect(addressOf('2001:db8::1:40000')).toBe('2001:db8::1');
  });
});

describe('auth codes', () => {
  it('are random, 16 upper-case hex digits, and only their hash is kept', () => {
    const code = newAuthCode();
    expect(code).toMatch(/^[0-9A-F]{16}$/);
    expect(newAuthCode()).not.toBe(code);
    const stored = hashAuthCode(code);
    expect(stored).toMatch(/^sha256\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(code);
    expect(verifyAuthCode(code, stored)).toBe(true);
    expect(verifyAuthCode(code.toLowerCase(), stored)).toBe(false);
    expect(verifyAuthCode('', hashAuthCode(''))).toBe(false);
    expect(verifyAuthCode(code, null)).toBe(false);
  });
});
