import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { Database } from '../../platform/db/database.ts';
import { openDatabase } from '../../platform/db/open-database.ts';
import { createMetrics } from '../../platform/metrics.ts';
import { RegistryDirectory } from '../../registry/registry-directory.ts';
import { TerminalRecords } from '../../registry/terminal-records.ts';
import { releaseTerminal } from '../../registry/terminal-binding.ts';
import { AlarmEngine } from '../../alerts/alarm-engine.ts';
import { AlarmStore } from '../../alerts/alarm-store.ts';
import { RuleStateStore } from '../../alerts/rule-state-store.ts';
import { startJt808Gateway, type Jt808Gateway } from '../../ingest/jt808/gateway/jt808-server.ts';
import { MsgId, decodeRegisterReply, encodeRegister } from '../../ingest/jt808/codec/index.ts';
import { SimulatedTerminal, simulatedDevice, type SimulatedDevice, type TerminalEdition } from '../../device-simulator/jt808-terminal.ts';

/**
 * Who may be a truck: the gateway on a real registry (PGlite) with the real alarm engine and store, terminals over
 * real sockets. Every test has its own vehicle and gateway; the gateway's sockets are in its process, then in
 * socket processes.
 */
const log = pino({ level: 'silent' });
let db: Database;
let directory: RegistryDirectory;
let engine: AlarmEngine;
let enterpriseId: number;
let socketProcesses = 0;
const gateways: Jt808Gateway[] = [];
const terminals: SimulatedTerminal[] = [];

beforeAll(async () => {
  db = await openDatabase({});
  directory = new RegistryDirectory(db);
  engine = new AlarmEngine(new AlarmStore(db), log, new RuleStateStore(db, { debounceMs: 1000, onError: () => undefined }));
  [{ id: enterpriseId }] = await db.query<{ id: number }>(`insert into enterprises (code, name, region_code) values ('91211321MA0000009X', '朝阳通达危险货物运输有限公司', '211321') returning id`);
});
afterAll(async () => {
  await engine.settled();
  await db.close();
});
afterEach(async () => {
  for (const t of terminals.splice(0)) t.close();
  for (const g of gateways.splice(0)) await g.close();
});

let nextVehicle = 1;
async function newVehicle() {
  const n = nextVehicle++;
  const phone = `1390000${String(n + (socketProcesses ? 500 : 0)).padStart(4, '0')}`;
  const plate = `辽N·K${String(n + (socketProcesses ? 500 : 0)).padStart(4, '0')}`;
  const [{ id }] = await db.query<{ id: number }>('insert into vehicles (plate, enterprise_id, terminal_phone) values ($1, $2, $3) returning id', [plate, enterpriseId, phone]);
  return { id, phone, plate };
}

async function startGateway() {
  const metrics = createMetrics();
  const gateway = await startJt808Gateway({
    port: 0,
    host: '127.0.0.1',
    idleTimeoutS: 60,
    commandTimeoutS: 5,
    lenientChecksum: false,
    strict: false,
    positionWindow: { maxFutureMs: 5 * 60_000, maxAgeMs: 190 * 86_400_000 },
    socketProcesses,
    directory,
    terminals: new TerminalRecords(db),
    positions: { acceptPosition: () => undefined },
    media: { storeMedia: async () => undefined },
    metrics,
    log,
    onIdentityConflict: (e) => engine.onTerminalIdentity(e),
    attemptLimits: { perPhone: 3, perAddress: 6, perMs: 10 * 60_000 },
  });
  gateways.push(gateway);
  return { gateway, metrics };
}

async function connect(port: number, v: { phone: string; plate: string }, opts: { edition?: TerminalEdition; device?: Partial<SimulatedDevice>; from?: string } = {}) {
  const t = new SimulatedTerminal(v.phone, v.plate, opts.edition ?? '2013', { ...simulatedDevice(v.phone), ...opts.device });
  terminals.push(t);
  await t.connect(port, '127.0.0.1', opts.from);
  return t;
}

async function online(port: number, v: { phone: string; plate: string }, opts: Parameters<typeof connect>[2] = {}) {
  const t = await connect(port, v, opts);
  expect(await t.register()).toBe(0);
  expect(await t.authenticate()).toBe(0);
  return t;
}

/** A registration the gateway refuses to look at: the connection closes without a 0x8100. */
async function registerUnanswered(t: SimulatedTerminal) {
  t.send(MsgId.Register, encodeRegister({ edition: '2013', provinceId: 21, cityId: 1300, ...t.device, plateColor: 2, plate: t.plate }));
  await t.closed;
  expect(t.received.filter((f) => f.header.msgId === MsgId.RegisterReply)).toEqual([]);
}

const impostor = { terminalId: 'X999999', makerId: 'EVIL1', model: 'CLONE', imei: '869999999999999' };

async function alarmsOf(vehicleId: number) {
  await engine.settled();
  return db.query<{ type: string; severity: string; message: string; count: number; active: boolean }>(
    `select type, severity, message, count, active from alarms where source_kind = 'vehicle' and source_id = $1 order by id`,
    [vehicleId],
  );
}

async function refused(metrics: ReturnType<typeof createMetrics>, reason: string) {
  return (await metrics.jt808AttemptsRefused.get()).values.filter((v) => v.labels.reason === reason).reduce((n, v) => n + v.value, 0);
}

describe.each([
  { socketProcesses: 0, where: 'sockets held by the gateway process' },
  { socketProcesses: 2, where: 'sockets held by 2 socket processes' },
])('JT/T 808 terminal identity, $where', (placement) => {
  beforeAll(() => void (socketProcesses = placement.socketProcesses));

  it('binds the first registering device; after a reset the same device registers again, gets a new code and authenticates', async () => {
    const { gateway } = await startGateway();
    const v = await newVehicle();
    const first = await online(gateway.port, v);
    const [row] = await db.query<Record<string, string | null>>('select terminal_id, terminal_maker, terminal_model, auth_code_hash from vehicles where id = $1', [v.id]);
    expect(row).toMatchObject({ terminal_id: simulatedDevice(v.phone).terminalId, terminal_maker: 'SIM01', terminal_model: 'HAZWATCH-SIM' });
    expect(row.auth_code_hash).not.toContain(first.authCode); // only the hash is stored

    first.close();
    await first.closed;
    const reset = await connect(gateway.port, v); // lost its code
    expect(await reset.register()).toBe(0);
    expect(reset.authCode).toMatch(/^[0-9A-F]{16}$/);
    expect(reset.authCode).not.toBe(first.authCode);
    expect(await reset.authenticate()).toBe(0);
    expect(await reset.heartbeat()).toBe(0);
    expect(gateway.isOnline(v.id)).toBe(true);
    expect(await alarmsOf(v.id)).toEqual([]);
  });

  it('an impostor with the same phone and plate but another terminal ID gets result 3 and no code, raises an alarm, and never displaces the real terminal', async () => {
    const { gateway, metrics } = await startGateway();
    const v = await newVehicle();
    const real = await online(gateway.port, v);
    const fake = await connect(gateway.port, v, { device: impostor });
    const serial = fake.send(MsgId.Register, Buffer.alloc(0)); // a malformed body first: answered, counted, connection kept
    expect((await fake.waitFor((f) => f.header.msgId === MsgId.PlatformResponse && f.body.readUInt16BE(0) === serial)).body[4]).toBe(2);
    expect(await fake.register()).toBe(3);
    const reply = fake.received.findLast((f) => f.header.msgId === MsgId.RegisterReply)!;
    expect(decodeRegisterReply(reply.body)).toEqual({ replySerial: expect.any(Number), result: 3 });
    expect(reply.body).toHaveLength(3); // serial and result: no code at all
    expect(fake.authCode).toBeNull();
    const [alarm] = await alarmsOf(v.id);
    expect(alarm).toMatchObject({ type: 'terminal_identity_conflict', severity: 'major', active: true, count: 1 });
    for (const s of [v.plate, impostor.terminalId, simulatedDevice(v.phone).terminalId, '127.0.0.1:']) expect(alarm.message).toContain(s);

    expect(await fake.authenticate()).toBe(1); // with no code, or a guessed one
    fake.authCode = '0123456789ABCDEF';
    expect(await fake.authenticate()).toBe(1);
    expect(await refused(metrics, 'identity_conflict')).toBe(1);
    expect(await refused(metrics, 'bad_code')).toBe(2);
    // The third refusal for the phone blocks it: the same open alarm is updated, not a second one opened.
    expect(await alarmsOf(v.id)).toEqual([expect.objectContaining({ type: 'terminal_identity_conflict', count: 2 })]);

    expect(await real.heartbeat()).toBe(0);
    expect(await real.report({ lat: 41.52, lon: 120.4, speedKmh: 30, direction: 90 })).toBe(0);
    expect(gateway.isOnline(v.id)).toBe(true);
    expect(gateway.sessionCount()).toBe(2); // the impostor's connection is kept, unauthenticated
  });

  it('2019: the first authentication binds the IMEI; the right code with another IMEI is refused and alarmed', async () => {
    const { gateway, metrics } = await startGateway();
    const v = await newVehicle();
    const real = await online(gateway.port, v, { edition: '2019' });
    expect((await db.query<{ terminal_imei: string }>('select terminal_imei from vehicles where id = $1', [v.id]))[0].terminal_imei).toBe(simulatedDevice(v.phone).imei);

    // Same 0x0100 identity (it is not secret), other IMEI.
    const clone = await connect(gateway.port, v, { edition: '2019', device: { imei: impostor.imei } });
    expect(await clone.register()).toBe(0);
    expect(await clone.authenticate()).toBe(1);
    const [alarm] = await alarmsOf(v.id);
    expect(alarm.type).toBe('terminal_identity_conflict');
    expect(alarm.message).toContain(impostor.imei);
    expect(await refused(metrics, 'imei_mismatch')).toBe(1);
    expect(await real.heartbeat()).toBe(0);
    expect(gateway.isOnline(v.id)).toBe(true);
  });

  it('after an operator releases the binding the next device to register binds, and the old one is refused', async () => {
    const { gateway } = await startGateway();
    const v = await newVehicle();
    const old = await online(gateway.port, v, { edition: '2019' });
    const replacement = await connect(gateway.port, v, { edition: '2019', device: { ...impostor, makerId: 'NEW01', terminalId: 'N0000001' } });
    expect(await replacement.register()).toBe(3);

    const released = await releaseTerminal(db, { kind: 'all' }, v.id, { username: 'zhiban01', ip: '127.0.0.1' }, '更换车载终端');
    expect(released).toEqual({ released: expect.objectContaining({ terminalId: null, terminalImei: null }) });
    expect(await replacement.register()).toBe(0);
    expect(await replacement.authenticate()).toBe(0);
    await old.closed; // replaced by the new device's session
    expect(gateway.isOnline(v.id)).toBe(true);
    expect((await db.query('select terminal_id, terminal_imei from vehicles where id = $1', [v.id]))[0]).toEqual({ terminal_id: 'N0000001', terminal_imei: impostor.imei });
    const comeback = await connect(gateway.port, v, { edition: '2019' });
    expect(await comeback.register()).toBe(3);
  });

  it('rate-limits refused attempts per phone, also for the right code, while the real terminal stays online', async () => {
    const { gateway, metrics } = await startGateway(); // 3 refusals per phone
    const v = await newVehicle();
    const real = await online(gateway.port, v);
    const attacker = await connect(gateway.port, v, { device: impostor });
    for (const guess of ['0000000000000000', '1111111111111111', '2222222222222222']) {
      attacker.authCode = guess;
      expect(await attacker.authenticate()).toBe(1);
    }
    attacker.authCode = real.authCode; // even a right guess is refused now
    expect(await attacker.authenticate()).toBe(1);
    expect(await refused(metrics, 'rate_limited')).toBe(1);
    expect(gateway.sessionCount()).toBe(2);
    const alarms = await alarmsOf(v.id);
    expect(alarms).toHaveLength(1);
    expect(alarms[0].message).toContain('连续 3 次');

    // A blocked phone cannot register either: 0x8100 has no "later", so the connection is closed unanswered.
    const again = await connect(gateway.port, v);
    await registerUnanswered(again);
    expect(await real.heartbeat()).toBe(0);
    expect(gateway.isOnline(v.id)).toBe(true);
  });

  it('rate-limits refused attempts per source address, across phones', async () => {
    const { gateway } = await startGateway(); // 6 refusals per address
    const v = await newVehicle();
    const scanner = await connect(gateway.port, v, { from: '127.0.0.2' });
    for (let i = 0; i < 6; i++) {
      const probe = await connect(gateway.port, { phone: `1770000000${i}`, plate: '辽N·Z0000' }, { from: '127.0.0.2' });
      expect(await probe.register()).toBe(4);
    }
    await registerUnanswered(scanner);
    await online(gateway.port, v); // from another address the vehicle's terminal is not affected
  });

  it('a session taken over from another address wins, and is logged and alarmed with both addresses', async () => {
    const { gateway, metrics } = await startGateway();
    const v = await newVehicle();
    const before = await online(gateway.port, v);
    const sameAddress = await online(gateway.port, v);
    await before.closed;
    expect(await alarmsOf(v.id)).toEqual([]); // a reconnect from the same address is no conflict

    const moved = await online(gateway.port, v, { from: '127.0.0.2' });
    await sameAddress.closed;
    expect(await moved.heartbeat()).toBe(0);
    expect(gateway.isOnline(v.id)).toBe(true);
    const [alarm] = await alarmsOf(v.id);
    expect(alarm.type).toBe('terminal_identity_conflict');
    expect(alarm.message).toContain('127.0.0.1:');
    expect(alarm.message).toContain('127.0.0.2:');
    expect((await metrics.jt808IdentityConflicts.get()).values).toEqual([expect.objectContaining({ labels: { kind: 'takeover' }, value: 1 })]);
  });
});
