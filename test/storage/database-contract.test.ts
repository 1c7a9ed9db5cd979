import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Database } from '../../platform/db/database.ts';
import { isUniqueViolation } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { Accounts } from '../../platform/auth/accounts.ts';
import { RegistryRepository, DuplicateError, OutOfScopeError } from '../../registry/registry-repository.ts';
import { enterprisesModule } from '../../registry/modules/enterprises.ts';
import { tanksModule } from '../../registry/modules/tanks.ts';
import { RegistryDirectory } from '../../registry/registry-directory.ts';
import { TerminalRecords } from '../../registry/terminal-records.ts';
import { hashDeviceSecret } from '../../registry/device-secrets.ts';
import { AlarmStore } from '../../alerts/alarm-store.ts';
import type { AlarmDecision } from '../../alerts/alarm-decision.ts';
import { loadDemoPark } from '../../seeds/load-demo-park.ts';
import { testDatabases } from '../support/test-databases.ts';

const log = pino({ level: 'silent' });
const all = { kind: 'all' } as const;
const actor = { username: 'tester', ip: '127.0.0.1' };

describe.each(testDatabases)('relational storage on $name', (kind) => {
  let db: Database;
  beforeEach(async () => {
    db = await kind.open();
  });
  afterEach(async () => {
    await db.close();
  });

  it('migrates once: a second run applies nothing', async () => {
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ name: string }>('select name from schema_migrations');
    expect(rows.map((r) => r.name)).toContain('001_core.sql');
  });

  it('reads a date as its calendar day and a timestamp as the instant, whatever the process time zone', async () => {
    const [row] = await db.query<{ d: unknown; t: unknown }>(`select '2027-01-01'::date as d, '2027-01-01T00:30:00+08:00'::timestamptz as t`);
    expect(row.d).toBe('2027-01-01');
    expect((row.t as Date).toISOString()).toBe('2026-12-31T16:30:00.000Z');
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`insert into enterprises (code, name, region_code) values ('X1', 'A', '320116')`);
        await tx.query(`insert into enterprises (code, name, region_code) values ('X1', 'B', '320116')`);
      }),
    ).rejects.toSatisfy(isUniqueViolation);
    expect(await db.query('select * from enterprises')).toEqual([]);
  });

  it('registry: creates, finds, refuses duplicates with the field, and scopes by region and enterprise', async () => {
    const repo = new RegistryRepository(db, enterprisesModule);
    const input = { code: '91320116MA1XYW0A1B', name: '测试化工有限公司', regionCode: '320116' };
    const created = await repo.create(all, input, actor);
    expect(created).toMatchObject({ code: input.code, name: input.name, regionCode: '320116' });
    await expect(repo.create(all, input, actor)).rejects.toEqual(new DuplicateError('code'));
    const other = await repo.create(all, { ...input, code: '91110105MA1XYW0A1B', regionCode: '110105' }, actor);

    expect((await repo.list({ kind: 'region', prefix: '32' }, { page: 1, pageSize: 10 })).items.map((e) => e.id)).toEqual([created.id]);
    expect((await repo.list({ kind: 'region', prefix: '3201' }, { page: 1, pageSize: 10 })).total).toBe(1);
    expect(await repo.get({ kind: 'region', prefix: '11' }, created.id as number)).toBeNull();
    expect(await repo.get({ kind: 'enterprise', enterpriseId: other.id as number }, created.id as number)).toBeNull();
    await expect(repo.create({ kind: 'region', prefix: '11' }, { ...input, code: '91320116MA1XYW0A9B' }, actor)).rejects.toBeInstanceOf(OutOfScopeError);
  });

  it('tanks keep sensor ids across edits and drop removed sensors', async () => {
    const enterprises = new RegistryRepository(db, enterprisesModule);
    const e = await enterprises.create(all, { code: '91320116MA1XYW0A1B', name: '测试化工有限公司', regionCode: '320116' }, actor);
    const tanks = new RegistryRepository(db, tanksModule);
    const sensors = tanksModule.schema.shape.sensors.parse([
      { code: 'L1', kind: 'level', unit: 'm', high: 10, highHigh: 12 },
      { code: 'G1', kind: 'combustible_gas' },
    ]);
    const tank = await tanks.create(all, { enterpriseId: e.id as number, code: 'T1', name: '1#罐', sensors }, actor);
    const before = tank.sensors as Array<{ id: number; code: string; high: number | null; unit: string }>;
    expect(before.find((s) => s.code === 'G1')).toMatchObject({ unit: '%LEL', high: 25, highHigh: 50 });

    const updated = await tanks.update(all, tank.id as number, { enterpriseId: e.id as number, code: 'T1', name: '1#罐', sensors: [sensors[0]] }, actor);
    const after = updated!.sensors as Array<{ id: number; code: string }>;
    expect(after).toHaveLength(1);
    expect(after[0].id).toBe(before.find((s) => s.code === 'L1')!.id);
  });

  it('accounts: hashed passwords, bearer sessions, lock-out after five failures', async () => {
    const accounts = new Accounts(db, { sessionTtlHours: 1, passwordMaxAgeDays: 90 });
    await accounts.createUser({ username: 'op1', displayName: '值班员', password: 'right-password', role: 'operator', regionCode: '320116' });
    const [{ password_hash }] = await db.query<{ password_hash: string }>(`select password_hash from users where username = 'op1'`);
    expect(password_hash).toMatch(/^scrypt\$/);
    expect(password_hash).not.toContain('right-password');

    const ok = await accounts.login('op1', 'right-password', '127.0.0.1');
    expect(ok.ok).toBe(true);
    const user = await accounts.authenticateToken(ok.ok ? ok.token : '');
    expect(user).toMatchObject({ username: 'op1', scope: { kind: 'region', prefix: '320116' } });

    for (let i = 0; i < 5; i++) expect((await accounts.login('op1', 'wrong', '127.0.0.1')).ok).toBe(false);
    expect(await accounts.login('op1', 'right-password', '127.0.0.1')).toMatchObject({ ok: false, reason: 'locked' });
    const log = await db.query<{ success: boolean }>(`select success from login_log where username = 'op1' order by id`);
    expect(log.map((r) => r.success)).toEqual([true, false, false, false, false, false, false]);
  });

  it('alarms: one open alarm per source and type; repeats update it; clear closes it; ack is scoped', async () => {
    await loadDemoPark(db, log);
    const store = new AlarmStore(db);
    const source = { kind: 'sensor' as const, id: 1, name: '1#甲醇储罐·液位', enterpriseId: 1, regionCode: '211321' };
    const raise = (value: number, at: number): AlarmDecision => ({
      action: 'raise', type: 'threshold', level: 'high', severity: 'major', source, value, at: new Date(at), message: 'high',
    });
    const first = await store.apply(raise(15.5, 1000));
    expect(first).toMatchObject({ action: 'raised', alarm: { count: 1, active: true, acknowledged: false, value: 15.5 } });
    const repeat = await store.apply(raise(16.2, 2000));
    expect(repeat).toMatchObject({ action: 'updated', alarm: { id: first!.alarm.id, count: 2, value: 16.2, peak: 16.2 } });
    await store.apply(raise(15.8, 3000));
    expect((await store.get(first!.alarm.id, all))!.peak).toBe(16.2);

    expect(await store.acknowledge(first!.alarm.id, { kind: 'enterprise', enterpriseId: 2 }, 'x')).toBe('not_found');
    expect(await store.acknowledge(first!.alarm.id, { kind: 'region', prefix: '2113' }, 'op1')).toMatchObject({ action: 'acknowledged' });
    expect(await store.acknowledge(first!.alarm.id, all, 'op1')).toBe('already');

    const cleared = await store.apply({ action: 'clear', type: 'threshold', source, value: 14, at: new Date(4000) });
    expect(cleared).toMatchObject({ action: 'cleared', alarm: { active: false, acknowledged: true } });
    expect(await store.apply({ action: 'clear', type: 'threshold', source, value: 14, at: new Date(5000) })).toBeNull();
    const again = await store.apply(raise(15.1, 6000));
    expect(again!.alarm.id).not.toBe(first!.alarm.id);

    expect((await store.list(all, { state: 'open', limit: 10, offset: 0 })).items.map((a) => a.id)).toEqual([again!.alarm.id]);
    expect((await store.list(all, { state: 'all', limit: 10, offset: 0 })).total).toBe(2);
    expect((await store.list({ kind: 'region', prefix: '11' }, { state: 'all', limit: 10, offset: 0 })).total).toBe(0);
    const events = await db.query<{ action: string }>('select action from alarm_events where alarm_id = $1 order by id', [first!.alarm.id]);
    expect(events.map((e) => e.action)).toEqual(['raised', 'repeated', 'repeated', 'acknowledged', 'cleared']);
  });

  it('directory: authenticates devices by secret and resolves their sensors; demo load is idempotent', async () => {
    expect(await loadDemoPark(db, log)).toBe(true);
    expect(await loadDemoPark(db, log)).toBe(false);
    const dir = new RegistryDirectory(db);
    expect(await dir.authenticateDevice('GW-HDSH-01', 'demo-HDSH-secret-01')).toMatchObject({ ok: true, device: { code: 'GW-HDSH-01' } });
    expect(await dir.authenticateDevice('GW-HDSH-01', 'wrong')).toEqual({ ok: false, reason: 'bad_secret' });
    expect(await dir.authenticateDevice('nope', 'x')).toEqual({ ok: false, reason: 'unknown_device' });
    await db.query(`update devices set enabled = false, secret_hash = $1 where code = 'GW-LGJX-01'`, [hashDeviceSecret('s')]);
    expect(await dir.authenticateDevice('GW-LGJX-01', 's')).toEqual({ ok: false, reason: 'disabled' });
    expect(await dir.authenticateDevices([{ code: 'GW-LGJX-01', secret: 's' }, { code: 'nope', secret: 'x' }, { code: 'GW-HDSH-01', secret: 'demo-HDSH-secret-01' }, { code: 'GW-HDSH-01', secret: 'old' }])).toEqual([
      { ok: false, reason: 'disabled' },
      { ok: false, reason: 'unknown_device' },
      { ok: true, device: expect.objectContaining({ code: 'GW-HDSH-01' }) },
      { ok: false, reason: 'bad_secret' },
    ]);
    const sensors = await dir.sensorsOfDevice(1);
    expect(sensors.get('HDSH-T101-LT')).toMatchObject({ kind: 'level', high: 15, highHigh: 17, regionCode: '211321', tankName: '1#甲醇储罐' });
    expect(await dir.vehicleByPhone('13800000001')).toMatchObject({ plate: '辽N·D2871', authCodeHash: null, terminal: null, terminalImei: null, heartbeatS: null });
    await new TerminalRecords(db).saveHeartbeat((await dir.vehicleByPhone('13800000001'))!.id, 120);
    expect(await dir.vehicleByPhone('13800000001')).toMatchObject({ heartbeatS: 120 });
    expect(await dir.vehicleByPlate('辽nd2871')).toMatchObject({ plate: '辽N·D2871', terminalPhone: '13800000001' });
    expect(await dir.vehicleByPlate('辽N-D 2871')).toMatchObject({ plate: '辽N·D2871' });
    expect(await dir.vehicleByPlate('辽N·X0000')).toBeNull();
  });
});
