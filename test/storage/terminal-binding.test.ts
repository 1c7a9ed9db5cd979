import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database.ts';
import { migrate } from '../../platform/db/migrate.ts';
import { RegistryDirectory } from '../../registry/registry-directory.ts';
import { TerminalRecords } from '../../registry/terminal-records.ts';
import { hashAuthCode, verifyAuthCode } from '../../registry/terminal-auth-codes.ts';
import { testDatabases } from '../support/test-databases.ts';
import { buildTestApp, loginAll } from '../support/test-app.ts';

const PW = 'Passw0rd-test';
const device = { terminalId: 'T000001', makerId: 'SIM01', model: 'HAZWATCH-SIM' };

/** The vehicle ↔ terminal binding in SQL: migration 009, the terminal records' conditional writes, and the release route. */
describe.each(testDatabases)('terminal binding on $name', (kind) => {
  let db: Database;
  let app: FastifyInstance;
  let directory: RegistryDirectory;
  let terminals: TerminalRecords;
  let t: Record<string, string>;
  let vehicleId: number;
  let otherVehicleId: number;
  const call = (url: string, as: string, payload?: object) => app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${t[as]}` } });

  beforeAll(async () => {
    db = await kind.open();
    const built = await buildTestApp(db);
    app = built.app;
    const accounts = built.accounts;
    directory = new RegistryDirectory(db);
    terminals = new TerminalRecords(db);
    const ent = async (code: string, region: string) => (await db.query<{ id: number }>(`insert into enterprises (code, name, region_code) values ($1, $1, $2) returning id`, [code, region]))[0].id;
    const carrier = await ent('91211321MA0000001A', '211321');
    const elsewhere = await ent('91320116MA0000004D', '320116');
    const vehicle = async (plate: string, enterpriseId: number, phone: string) =>
      (await db.query<{ id: number }>('insert into vehicles (plate, enterprise_id, terminal_phone) values ($1, $2, $3) returning id', [plate, enterpriseId, phone]))[0].id;
    vehicleId = await vehicle('辽N·D2871', carrier, '13800000001');
    otherVehicleId = await vehicle('苏A·G0001', elsewhere, '13800000002');
    await accounts.createUser({ username: 'zhiban', displayName: '值班员', password: PW, role: 'operator', regionCode: '211321' });
    await accounts.createUser({ username: 'county', displayName: '县局', password: PW, role: 'official', regionCode: '211321' });
    await accounts.createUser({ username: 'ent', displayName: '企业管理员', password: PW, role: 'enterprise_admin', enterpriseId: carrier });
    t = await loginAll(app, { zhiban: PW, county: PW, ent: PW });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  it('migration 009 hashes auth codes stored in plain text, in the format the gateway verifies', async () => {
    // Back to the schema before 009, with a plaintext code, then migrate again.
    await db.exec(`alter table vehicles drop column terminal_id, drop column terminal_maker, drop column terminal_model, drop column terminal_imei,
      drop column terminal_bound_at; alter table vehicles rename column auth_code_hash to auth_code;
      update vehicles set auth_code = 'A1B2C3D4E5F60718' where id = ${vehicleId};
      delete from schema_migrations where name = '009_terminal_binding.sql'`);
    expect(await migrate(db)).toEqual(['009_terminal_binding.sql']);
    const v = await directory.vehicleByPhone('13800000001');
    expect(v).toMatchObject({ authCodeHash: hashAuthCode('A1B2C3D4E5F60718'), terminal: null, terminalImei: null });
    expect(verifyAuthCode('A1B2C3D4E5F60718', v!.authCodeHash)).toBe(true);
    expect(await directory.vehicleByPhone('13800000002')).toMatchObject({ authCodeHash: null });
  });

  it('binds a device once; renews the code only for the bound device; binds the first IMEI only', async () => {
    expect(await terminals.bindTerminal(vehicleId, device, hashAuthCode('C1'))).toBe(true);
    expect(await terminals.bindTerminal(vehicleId, { ...device, terminalId: 'X999999' }, hashAuthCode('C2'))).toBe(false);
    expect(await directory.vehicleByPhone('13800000001')).toMatchObject({ terminal: device, authCodeHash: hashAuthCode('C1') });
    expect(await terminals.renewAuthCode(vehicleId, 'X999999', hashAuthCode('C3'))).toBe(false);
    expect(await terminals.renewAuthCode(vehicleId, device.terminalId, hashAuthCode('C4'))).toBe(true);
    await terminals.bindImei(vehicleId, '860000000000001');
    await terminals.bindImei(vehicleId, '869999999999999');
    expect(await directory.vehicleByPhone('13800000001')).toMatchObject({ authCodeHash: hashAuthCode('C4'), terminalImei: '860000000000001' });
  });

  it('shows the bound terminal on the vehicle, never the code hash, and offers the release to the roles that may use it', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/vehicles/${vehicleId}`, headers: { authorization: `Bearer ${t.zhiban}` } });
    expect(res.json()).toMatchObject({ terminalId: 'T000001', terminalMaker: 'SIM01', terminalModel: 'HAZWATCH-SIM', terminalImei: '860000000000001' });
    expect(res.json()).not.toHaveProperty('authCodeHash');
    const actions = async (as: string) =>
      (await app.inject({ method: 'GET', url: '/api/modules', headers: { authorization: `Bearer ${t[as]}` } })).json().items.find((m: { name: string }) => m.name === 'vehicles').actions;
    expect(await actions('zhiban')).toEqual([
      expect.objectContaining({ name: 'release-terminal', label: '解除终端绑定', method: 'POST', path: '/api/vehicles/{id}/release-terminal', confirm: expect.any(String), when: { field: 'terminalId', present: true } }),
    ]);
    expect(await actions('ent')).toEqual([]);
  });

  it('releases the binding within the caller scope only, audited with before and after', async () => {
    expect((await call(`/api/vehicles/${vehicleId}/release-terminal`, 'ent', {})).statusCode).toBe(403);
    expect((await call(`/api/vehicles/${otherVehicleId}/release-terminal`, 'zhiban', {})).statusCode).toBe(404);
    const released = await call(`/api/vehicles/${vehicleId}/release-terminal`, 'zhiban', { reason: '更换车载终端' });
    expect(released.statusCode).toBe(200);
    expect(released.json()).toMatchObject({ id: vehicleId, terminalId: null, terminalMaker: null, terminalImei: null, terminalBoundAt: null });
    expect(await directory.vehicleByPhone('13800000001')).toMatchObject({ terminal: null, terminalImei: null, authCodeHash: null });
    expect((await call(`/api/vehicles/${vehicleId}/release-terminal`, 'county', {})).statusCode).toBe(409); // nothing bound any more

    const [audit] = await db.query<{ actor: string; action: string; before: Record<string, unknown>; after: Record<string, unknown>; region_code: string }>(
      `select actor, action, before, after, region_code from audit_log where module = 'vehicles' and record_id = $1`,
      [vehicleId],
    );
    expect(audit).toMatchObject({ actor: 'zhiban', action: 'release_terminal', region_code: '211321' });
    expect(audit.before).toMatchObject({ terminalId: 'T000001', terminalImei: '860000000000001', reason: '更换车载终端' });
    expect(audit.after).toMatchObject({ terminalId: null, terminalImei: null, reason: '更换车载终端' });
    expect(JSON.stringify(audit)).not.toContain('sha256$');

    expect(await terminals.bindTerminal(vehicleId, { ...device, terminalId: 'N000001' }, hashAuthCode('C5'))).toBe(true); // the next device binds
  });
});
