import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import pino from 'pino';
import { createMetrics } from '../../platform/metrics.ts';
import type { BoundTerminal, VehicleInfo } from '../../registry/registry-directory.ts';
import type { DeviceDirectory, TerminalRegistry, VehiclePosition } from '../../ingest/ports.ts';
import type { MediaUpload } from '../../ingest/jt808/codec/index.ts';
import { decodeResendRequest, decodeMediaUploadReply, encodeBatchLocation, encodePhotoReply, MsgId } from '../../ingest/jt808/codec/index.ts';
import { startJt808Gateway, type Jt808Gateway } from '../../ingest/jt808/gateway/jt808-server.ts';
import { setParamsCommand, takePhotoCommand, textCommand } from '../../ingest/jt808/gateway/commands.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { normalizePlate } from '../../registry/registry-directory.ts';
import { eventually } from '../support/eventually.ts';

const DAY = 86_400_000;
import { prng, randInt, randomBytes, vectors, wire } from '../unit/jt808/helpers.ts';
import { quirkyWire, wireOf, with7eInBody, withChecksum, type FrameSpec } from '../unit/jt808/quirky-frames.ts';
import { locationBody } from '../../device-simulator/jt808-terminal.ts';

// Every test runs with the sockets in the gateway's process and again with them in socket processes.
let socketProcesses = 0;

/** The gateway alone over real sockets, with the registry and the sinks in memory. */
async function startGateway(opts: { strict?: boolean; idleTimeoutS?: number; authTimeoutS?: number; subpackageTimeoutS?: number; commandTimeoutS?: number; logLines?: string[]; onVehicleStatus?: (v: VehicleInfo, online: boolean) => void; heartbeatS?: number } = {}) {
  const vehicles: VehicleInfo[] = [
    { id: 1, plate: '苏A·G0001', enterpriseId: 1, regionCode: '320116', terminalPhone: '13800000001', authCodeHash: null, terminal: null, terminalImei: null, speedLimitKmh: null, heartbeatS: opts.heartbeatS ?? null },
    { id: 2, plate: '苏A·G0002', enterpriseId: 1, regionCode: '320116', terminalPhone: '13800000002', authCodeHash: null, terminal: null, terminalImei: null, speedLimitKmh: null, heartbeatS: null },
  ];
  const directory = {
    vehicleByPhone: async (phone: string) => vehicles.find((v) => v.terminalPhone === phone) ?? null,
    vehicleByPlate: async (plate: string) => vehicles.find((v) => normalizePlate(v.plate) === normalizePlate(plate)) ?? null,
  } as unknown as DeviceDirectory;
  const terminals: TerminalRegistry = {
    bindTerminal: async (id: number, device: BoundTerminal, hash: string) => {
      const v = vehicles.find((x) => x.id === id)!;
      if (v.terminal) return false;
      Object.assign(v, { terminal: device, authCodeHash: hash });
      return true;
    },
    renewAuthCode: async (id: number, terminalId: string, hash: string) => {
      const v = vehicles.find((x) => x.id === id)!;
      if (v.terminal?.terminalId !== terminalId) return false;
      v.authCodeHash = hash;
      return true;
    },
    bindImei: async (id: number, imei: string) => void (vehicles.find((v) => v.id === id)!.terminalImei ??= imei),
    saveHeartbeat: async (id: number, s: number) => void saved.push([id, s]),
    recordUnboundTerminal: async () => undefined,
  };
  const saved: Array<[number, number]> = [];
  const positions: VehiclePosition[] = [];
  const media: Array<{ vehicleId: number; upload: MediaUpload }> = [];
  const metrics = createMetrics();
  const gateway = await startJt808Gateway({
    port: 0,
    host: '127.0.0.1',
    idleTimeoutS: opts.idleTimeoutS ?? 60,
    authTimeoutS: opts.authTimeoutS,
    subpackageTimeoutS: opts.subpackageTimeoutS,
    commandTimeoutS: opts.commandTimeoutS ?? 5,
    lenientChecksum: false,
    positionWindow: { maxFutureMs: 5 * 60_000, maxAgeMs: 190 * DAY },
    strict: opts.strict ?? false,
    socketProcesses,
    onVehicleStatus: opts.onVehicleStatus,
    directory,
    terminals,
    positions: { acceptPosition: (p) => positions.push(p) },
    media: { storeMedia: async (m) => void media.push({ vehicleId: m.vehicle.id, upload: m.upload }) },
    metrics,
    log: opts.logLines ? pino({ level: 'info' }, { write: (line: string) => void opts.logLines!.push(line) }) : pino({ level: 'silent' }),
  });
  return { gateway, positions, media, metrics, saved };
}

const gateways: Jt808Gateway[] = [];
const terminals: SimulatedTerminal[] = [];
afterEach(async () => {
  for (const t of terminals.splice(0)) t.close();
  for (const g of gateways.splice(0)) await g.close();
});

const plateOf: Record<string, string> = { '13800000001': '苏A·G0001', '13800000002': '苏A·G0002' };

async function online(port: number, phone: string, edition: '2013' | '2019' = '2013') {
  const t = new SimulatedTerminal(phone, plateOf[phone], edition);
  terminals.push(t);
  await t.connect(port);
  expect(await t.register()).toBe(0);
  expect(await t.authenticate()).toBe(0);
  return t;
}

/** A 2013 terminal whose firmware sets attribute bit 14 (the 2019 version flag) on every frame. */
class VersionFlagTerminal extends SimulatedTerminal {
  override frame(msgId: number, body: Buffer, serial: number): Buffer {
    return quirkyWire(spec2013(this.phone, msgId, body, serial), 'version_flag_on_2013');
  }
}

function spec2013(phone: string, msgId: number, body: Buffer, serial: number): FrameSpec {
  return { header: { msgId, encryption: 0, subpackage: false, is2019: false, phone: phone.padStart(12, '0'), serial }, body };
}

async function quirkCounts(metrics: ReturnType<typeof createMetrics>) {
  return Object.fromEntries((await metrics.jt808Quirks.get()).values.map((v) => [v.labels.kind, v.value]));
}

const quirkLogs = (logLines: string[]) => logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'JT808 terminal quirk taken (logged once per connection)');

async function frameCount(metrics: ReturnType<typeof createMetrics>, labels: { msg?: string; result: string }) {
  const m = await metrics.jt808Frames.get();
  return m.values.filter((v) => v.labels.result === labels.result && (!labels.msg || v.labels.msg === labels.msg)).reduce((n, v) => n + v.value, 0);
}

describe.each([
  { socketProcesses: 0, where: 'sockets held by the gateway process' },
  { socketProcesses: 2, where: 'sockets held by 2 socket processes' },
])('$where', (placement) => {
  beforeAll(() => void (socketProcesses = placement.socketProcesses));

  describe('JT/T 808 gateway sessions', () => {
    it('answers 0x8100 with the result that fits: 0 for its own vehicle, 1 for a plate of another vehicle, 2 for an unknown plate, 4 for an unknown terminal', async () => {
      const { gateway } = await startGateway();
      gateways.push(gateway);
      const register = async (phone: string, plate: string) => {
        const t = new SimulatedTerminal(phone, plate);
        terminals.push(t);
        await t.connect(gateway.port);
        return t.register();
      };
      expect(await register('13800000001', '苏AG0001')).toBe(0); // separators do not matter
      expect(await register('13800000001', '苏A·G0002')).toBe(1);
      expect(await register('13800000001', '苏A·Z9999')).toBe(2);
      expect(await register('13899999999', '苏A·G0001')).toBe(4);
    });

    it('refuses and does not store anything but registration and authentication before authentication', async () => {
      const logLines: string[] = [];
      const { gateway, positions } = await startGateway({ logLines });
      gateways.push(gateway);
      const t = new SimulatedTerminal('13800000001', '苏A·G0001');
      terminals.push(t);
      await t.connect(gateway.port);
      expect(await t.report({ lat: 32, lon: 118, speedKmh: 1, direction: 0 })).toBe(1);
      expect(await t.heartbeat()).toBe(1);
      expect(positions).toEqual([]);
      const refused = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'JT808 message before authentication refused');
      expect(refused.map((l) => l.msgId)).toEqual(['0x0200', '0x0002']);
      expect(await t.register()).toBe(0);
      expect(await t.authenticate()).toBe(0);
      expect(await t.report({ lat: 32, lon: 118, speedKmh: 1, direction: 0 })).toBe(0);
      expect(positions).toHaveLength(1);
    });

    it('answers a 2019 terminal in the 2019 edition and a 2013 terminal in 2013', async () => {
      const { gateway } = await startGateway();
      gateways.push(gateway);
      const t19 = await online(gateway.port, '13800000001', '2019');
      const t13 = await online(gateway.port, '13800000002', '2013');
      for (const [t, is2019, width] of [[t19, true, 20], [t13, false, 12]] as const) {
        expect(t.received.length).toBeGreaterThanOrEqual(2);
        for (const f of t.received) {
          expect(f.header.is2019).toBe(is2019);
          expect(f.header.phone).toHaveLength(width);
        }
      }
    });

    it('a reconnecting terminal replaces its old session', async () => {
      const { gateway } = await startGateway();
      gateways.push(gateway);
      const first = await online(gateway.port, '13800000001');
      const second = await online(gateway.port, '13800000001');
      await first.closed;
      expect(gateway.isOnline(1)).toBe(true);
      expect(await second.heartbeat()).toBe(0);
      expect(gateway.sessionCount()).toBe(1);
    });

    it('logout ends the session', async () => {
      const { gateway } = await startGateway();
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      expect(await t.request(MsgId.Logout, Buffer.alloc(0))).toBe(0);
      await t.closed;
      expect(gateway.isOnline(1)).toBe(false);
    });

    it('closes a connection that sends nothing, or only garbage, once the authentication time is up', async () => {
      const { gateway } = await startGateway({ authTimeoutS: 0.3 });
      gateways.push(gateway);
      const silent = net.connect(gateway.port, '127.0.0.1');
      const noisy = net.connect(gateway.port, '127.0.0.1');
      const closedSilent = new Promise((r) => silent.once('close', r));
      const closedNoisy = new Promise((r) => noisy.once('close', r));
      const noise = setInterval(() => noisy.write(Buffer.from('7e0102ffff7e00112233', 'hex')), 20);
      await Promise.all([closedSilent, closedNoisy]);
      clearInterval(noise);
    });

    it('closes an authenticated connection that sends only garbage after the idle timeout', async () => {
      const { gateway } = await startGateway({ idleTimeoutS: 0.4 });
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const noise = setInterval(() => t.sendRaw(Buffer.from('7e000200007e', 'hex')), 20);
      await t.closed;
      clearInterval(noise);
      expect(gateway.isOnline(1)).toBe(false);
    });
  });

  describe('JT/T 808 gateway positions', () => {
    it('keeps the good items of a 0x0704 batch around a bad one, and takes an all-zero time as receive time', async () => {
      const { gateway, positions, metrics } = await startGateway();
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const time = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600_000);
      const body = encodeBatchLocation({
        type: 1,
        items: [0, 1, 2].map((i) => ({ alarm: 0, status: 2, rawLat: 32_000_000 + i, rawLon: 118_000_000, altitude: 0, rawSpeed: 0, direction: 0, time })),
      });
      body[3 + 2 + 30 + 23] = 0x13; // item 1: month 13
      expect(await t.request(MsgId.BatchLocation, body)).toBe(0);
      expect(positions.map((p) => [p.lat, p.reupload, p.ts.getTime()])).toEqual([
        [32, true, time.getTime()],
        [32.000002, true, time.getTime()],
      ]);
      expect(await frameCount(metrics, { msg: '0x0704', result: 'item_bad_bcd' })).toBe(1);

      const before = Date.now();
      expect(await t.report({ lat: 0, lon: 0, speedKmh: 0, direction: 0, time: null, fixed: false })).toBe(0);
      const noFix = positions.at(-1)!;
      expect(noFix).toMatchObject({ deviceTime: false, fixed: false, drift: true });
      expect(noFix.ts.getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('distrusts a device time beyond the track retention or ahead of the receive time: live positions take the receive time, re-uploads are refused', async () => {
      const logLines: string[] = [];
      const { gateway, positions, metrics } = await startGateway({ logLines });
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const now = Math.floor(Date.now() / 1000) * 1000;
      const fix = (lat: number, time: Date) => ({ lat, lon: 118.8, speedKmh: 40, direction: 0, time });

      const before = Date.now();
      expect(await t.report(fix(32.1, new Date(now - 400 * DAY)))).toBe(0);
      expect(await t.report(fix(32.2, new Date(now + DAY)))).toBe(0);
      for (const p of positions.slice(-2)) {
        expect(p).toMatchObject({ deviceTime: false, drift: true });
        expect(p.ts.getTime()).toBeGreaterThanOrEqual(before - 1000);
      }
      expect(await t.reportBatch([fix(32.3, new Date(now - 400 * DAY)), fix(32.4, new Date(now - 3600_000)), fix(32.5, new Date(now + DAY))], 1)).toBe(0);
      expect(positions.slice(2).map((p) => [p.lat, p.ts.getTime(), p.deviceTime])).toEqual([[32.4, now - 3600_000, true]]);

      const counted = async (kind: string, verdict: string) => (await metrics.registry.getSingleMetric('jt808_position_time_out_of_range_total')!.get()).values.find((v) => v.labels.kind === kind && v.labels.verdict === verdict)?.value;
      expect([await counted('live', 'too_old'), await counted('live', 'ahead'), await counted('reupload', 'too_old'), await counted('reupload', 'ahead')]).toEqual([1, 1, 1, 1]);
      const warnings = logLines.filter((l) => l.includes('device time outside') || l.includes('re-uploaded position refused'));
      expect(warnings).toHaveLength(1);
      expect(JSON.parse(warnings[0])).toMatchObject({ phone: '13800000001', verdict: 'too_old' });
      // Still connected and served.
      expect(await t.report(fix(32.6, new Date(now)))).toBe(0);
      expect(positions.at(-1)).toMatchObject({ lat: 32.6, deviceTime: true });
    });

    it('flags a jump implying an impossible speed as drift, and accepts the vehicle elsewhere after repeated agreeing fixes', async () => {
      const { gateway, positions } = await startGateway();
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const t0 = Math.floor(Date.now() / 1000) * 1000 - 60_000;
      const at = (s: number) => new Date(t0 + s * 1000);
      await t.report({ lat: 32.0, lon: 118.0, speedKmh: 60, direction: 0, time: at(0) });
      await t.report({ lat: 32.0005, lon: 118.0, speedKmh: 60, direction: 0, time: at(3) }); // 55 m in 3 s: 67 km/h
      await t.report({ lat: 33.0, lon: 118.0, speedKmh: 60, direction: 0, time: at(6) }); // 110 km in 3 s
      await t.report({ lat: 32.001, lon: 118.0, speedKmh: 60, direction: 0, time: at(9) });
      expect(positions.map((p) => p.drift)).toEqual([false, false, true, false]);
      // Three agreeing fixes far away: the vehicle really is there (e.g. the first reference was bad).
      await t.report({ lat: 35.0, lon: 118.0, speedKmh: 60, direction: 0, time: at(12) });
      await t.report({ lat: 35.0002, lon: 118.0, speedKmh: 60, direction: 0, time: at(15) });
      await t.report({ lat: 35.0004, lon: 118.0, speedKmh: 60, direction: 0, time: at(18) });
      await t.report({ lat: 35.0006, lon: 118.0, speedKmh: 60, direction: 0, time: at(21) });
      expect(positions.slice(4).map((p) => p.drift)).toEqual([true, true, false, false]);
    });
  });

  describe('JT/T 808 gateway commands', () => {
    it('awaits the terminal 0x0001 by serial and message id; times out; reports an offline vehicle', async () => {
      const { gateway } = await startGateway({ commandTimeoutS: 0.5 });
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      t.onCommand(MsgId.SetParams, (f) => {
        // An unrelated answer first (wrong id, same serial) must not settle the command.
        t.send(MsgId.TerminalResponse, Buffer.from([f.header.serial >> 8, f.header.serial & 0xff, 0x83, 0x00, 0]));
        t.answer(f, 2);
      });
      expect(await gateway.sendCommand(1, setParamsCommand({ heartbeatS: 30 }))).toEqual({ status: 'answered', result: 2 });
      // No handler for 0x8300: the terminal stays silent.
      expect(await gateway.sendCommand(1, textCommand('请注意车速', { tts: true, urgent: false }))).toEqual({ status: 'timeout' });
      expect(await gateway.sendCommand(2, setParamsCommand({ heartbeatS: 30 }))).toEqual({ status: 'offline' });
    });

    it('follows a heartbeat interval set through 0x8103 with the idle timeout, also after a reconnect; saves it with the vehicle', async () => {
      const { gateway, saved } = await startGateway({ idleTimeoutS: 0.3 });
      gateways.push(gateway);
      const slow = await online(gateway.port, '13800000001');
      slow.onCommand(MsgId.SetParams, (f) => slow.answer(f, 0));
      expect(await gateway.sendCommand(1, setParamsCommand({ heartbeatS: 5 }))).toEqual({ status: 'answered', result: 0 });
      expect(saved).toEqual([[1, 5]]);
      // A sentinel on the default timeout, heard from after the slow terminal's last frame, goes first.
      const sentinel = await online(gateway.port, '13800000002');
      await sentinel.closed;
      expect(gateway.isOnline(1)).toBe(true);
      const again = await online(gateway.port, '13800000001');
      await slow.closed;
      const sentinelAgain = await online(gateway.port, '13800000002');
      await sentinelAgain.closed;
      expect(gateway.isOnline(1)).toBe(true);
      again.close();
    });

    it('a vehicle with a saved heartbeat interval gets the matching idle timeout from its first session (after a restart)', async () => {
      const { gateway } = await startGateway({ idleTimeoutS: 0.3, heartbeatS: 5 });
      gateways.push(gateway);
      const slow = await online(gateway.port, '13800000001');
      const sentinel = await online(gateway.port, '13800000002');
      await sentinel.closed;
      expect(gateway.isOnline(1)).toBe(true);
      slow.close();
    });

    it('ends a waiting command as offline when the terminal disconnects', async () => {
      const { gateway } = await startGateway({ commandTimeoutS: 30 });
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      t.onCommand(MsgId.SetParams, () => t.close());
      expect(await gateway.sendCommand(1, setParamsCommand({ maxSpeedKmh: 80 }))).toEqual({ status: 'offline' });
    });

    for (const edition of ['2013', '2019'] as const) {
      it(`takes a photo (${edition}): 0x0805 answer, sub-packaged 0x0801 with a lost package asked for by 0x8003, 0x8800, stored`, async () => {
        const { gateway, media } = await startGateway({ subpackageTimeoutS: 0.3 });
        gateways.push(gateway);
        const t = await online(gateway.port, '13800000001', edition);
        const jpeg = Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), randomBytes(prng(7), 2500), Buffer.from('ffd9', 'hex')]);
        t.onCommand(MsgId.TakePhoto, (f) => {
          t.send(MsgId.PhotoReply, encodePhotoReply({ replySerial: f.header.serial, result: 0, mediaIds: [77] }));
          t.uploadMedia({ mediaId: 77, channel: 1, data: jpeg, fix: { lat: 32, lon: 118, speedKmh: 0, direction: 0 } }, [2]);
        });
        const resend = t.waitFor((f) => f.header.msgId === MsgId.ResendRequest);
        const reply = t.waitFor((f) => f.header.msgId === MsgId.MediaUploadReply);
        expect(await gateway.sendCommand(1, takePhotoCommand(1))).toEqual({ status: 'answered', result: 0, mediaIds: [77] });
        const req = decodeResendRequest((await resend).body, edition);
        expect(req.missing).toEqual([2]);
        expect((await resend).header.is2019).toBe(edition === '2019');
        expect(decodeMediaUploadReply((await reply).body)).toEqual({ mediaId: 77, missing: [] });
        expect(media).toHaveLength(1);
        expect(media[0].upload).toMatchObject({ mediaId: 77, channel: 1, format: 0 });
        expect(media[0].upload.data).toEqual(jpeg);
      });
    }
  });

  describe('JT/T 808 gateway robustness', () => {
    it('serves a 2013 terminal whose firmware sets the version flag, in 2013 also for commands; counts the quirk, logs it once', async () => {
      const logLines: string[] = [];
      const { gateway, metrics, positions } = await startGateway({ logLines });
      gateways.push(gateway);
      const t = new VersionFlagTerminal('13800000001', '苏A·G0001');
      terminals.push(t);
      await t.connect(gateway.port);
      expect(await t.register()).toBe(0);
      expect(await t.authenticate()).toBe(0);
      expect(await t.report({ lat: 32, lon: 118, speedKmh: 30, direction: 90 })).toBe(0);
      t.onCommand(MsgId.SetParams, (f) => t.answer(f, 0));
      expect(await gateway.sendCommand(1, setParamsCommand({ maxSpeedKmh: 80 }))).toEqual({ status: 'answered', result: 0 });
      expect(await t.heartbeat()).toBe(0);
      expect(positions.map((p) => [p.vehicleId, p.lat])).toEqual([[1, 32]]);
      expect(t.received.map((f) => f.header.msgId)).toEqual([MsgId.RegisterReply, MsgId.PlatformResponse, MsgId.PlatformResponse, MsgId.SetParams, MsgId.PlatformResponse]);
      for (const f of t.received) expect(f.header).toMatchObject({ is2019: false, phone: '013800000001' });
      expect(await quirkCounts(metrics)).toEqual({ version_flag_on_2013: 5 });
      expect(quirkLogs(logLines)).toEqual([expect.objectContaining({ quirk: 'version_flag_on_2013', phone: '13800000001', msgId: '0x0100' })]);
    });

    it('with JT808_STRICT refuses the version-flag terminal as malformed, and still answers the frame after it', async () => {
      const { gateway, metrics } = await startGateway({ strict: true });
      gateways.push(gateway);
      const t = new VersionFlagTerminal('13800000001', '苏A·G0001');
      terminals.push(t);
      await t.connect(gateway.port);
      const register = t.frame(MsgId.Register, Buffer.alloc(37, 0x30), 1);
      t.sendRaw(Buffer.concat([register, wireOf(spec2013(t.phone, MsgId.Heartbeat, Buffer.alloc(0), 2))]));
      const answer = await t.waitFor((f) => f.header.msgId === MsgId.PlatformResponse);
      expect([answer.body.readUInt16BE(0), answer.body[4]]).toEqual([2, 1]); // heartbeat before authentication: refused
      expect(t.received).toHaveLength(1);
      expect(await frameCount(metrics, { msg: 'unknown', result: 'body_length' })).toBe(1);
      expect(await quirkCounts(metrics)).toEqual({});
    });

    it('takes a checksum 0x7D sent unescaped, and a frame split by an unescaped 7E across two writes', async () => {
      const logLines: string[] = [];
      const { gateway, metrics, positions } = await startGateway({ logLines });
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const beat = withChecksum(spec2013(t.phone, MsgId.Heartbeat, Buffer.alloc(0), 300), 0x7d);
      const split = with7eInBody(spec2013(t.phone, MsgId.Location, locationBody({ lat: 32.5, lon: 118, speedKmh: 0, direction: 0 }), 301), 5);
      const answered = (serial: number) => t.waitFor((f) => f.header.msgId === MsgId.PlatformResponse && f.body.readUInt16BE(0) === serial);
      const beatAnswer = answered(beat.header.serial);
      t.sendRaw(quirkyWire(beat, 'checksum_7d_unescaped'));
      expect((await beatAnswer).body[4]).toBe(0);
      const wire = quirkyWire(split, 'unescaped_7e', 5);
      const at = wire.indexOf(0x7e, 1) + 1;
      const splitAnswer = answered(301);
      t.sendRaw(wire.subarray(0, at));
      await new Promise((r) => setTimeout(r, 50)); // the second half in a later segment
      t.sendRaw(wire.subarray(at));
      expect((await splitAnswer).body[4]).toBe(0);
      expect(positions.map((p) => p.lat)).toEqual([32.5]);
      expect(await quirkCounts(metrics)).toEqual({ checksum_7d_unescaped: 1, unescaped_7e: 1 });
      expect(await frameCount(metrics, { msg: 'unknown', result: 'checksum' })).toBe(0);
      expect(quirkLogs(logLines).map((l) => [l.quirk, l.phone])).toEqual([['checksum_7d_unescaped', '13800000001'], ['unescaped_7e', '13800000001']]);
    });

    it('a malformed frame is counted and never stops the frames after it', async () => {
      const { gateway, metrics } = await startGateway();
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const good = t.frame(MsgId.Heartbeat, Buffer.alloc(0), 500);
      const badChecksum = Buffer.from(t.frame(MsgId.Heartbeat, Buffer.alloc(0), 501));
      badChecksum[badChecksum.length - 2] ^= 0xff;
      t.sendRaw(Buffer.concat([Buffer.from('deadbeef', 'hex'), badChecksum, Buffer.from('7e7d557e', 'hex'), good]));
      const answer = await t.waitFor((f) => f.header.msgId === MsgId.PlatformResponse && f.body.readUInt16BE(0) === 500);
      expect(answer.body[4]).toBe(0);
      expect(await frameCount(metrics, { msg: 'unknown', result: 'checksum' })).toBe(1);
      expect(await frameCount(metrics, { msg: 'unknown', result: 'bad_escape' })).toBe(1);
    });

    it('logs a garbage flood a bounded number of times, with the first bytes in hex, and counts all of it', async () => {
      const logLines: string[] = [];
      const { gateway, metrics } = await startGateway({ logLines });
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const bad = Buffer.from(t.frame(MsgId.Heartbeat, Buffer.alloc(0), 1));
      bad[bad.length - 2] ^= 0xff; // checksum 3b -> c4
      for (let i = 0; i < 50; i++) t.sendRaw(bad);
      expect(await t.heartbeat()).toBe(0);
      expect(await frameCount(metrics, { msg: 'unknown', result: 'checksum' })).toBe(50);
      const warned = logLines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'JT808 malformed frame dropped');
      expect(warned).toHaveLength(10);
      expect(warned[0]).toMatchObject({ reason: 'checksum', head: '000200000138000000010001c4' });
    });

    it('fuzz: mutated corpus frames and random bytes over one connection; no exception escapes, memory stays flat', async () => {
      const { gateway } = await startGateway();
      gateways.push(gateway);
      const t = await online(gateway.port, '13800000001');
      const rand = prng(0x808);
      const corpus = vectors.map(wire);
      v8.setFlagsFromString('--expose-gc');
      const gc = vm.runInNewContext('gc') as () => void;
      const heap: number[] = [];
      for (let round = 0; round < 6; round++) {
        for (let n = 0; n < 1500; n++) {
          const v = Buffer.from(corpus[randInt(rand, 0, corpus.length - 1)]);
          for (let e = randInt(rand, 0, 3); e > 0; e--) v[randInt(rand, 0, v.length - 1)] = randInt(rand, 0, 255);
          t.sendRaw(n % 4 === 0 ? randomBytes(rand, randInt(rand, 1, 200)) : v);
        }
        // The stream still decodes after all that: a heartbeat is answered.
        const serial = 9000 + round;
        t.sendRaw(Buffer.concat([Buffer.from([0x7e]), t.frame(MsgId.Heartbeat, Buffer.alloc(0), serial)]));
        await t.waitFor((f) => f.header.msgId === MsgId.PlatformResponse && f.body.readUInt16BE(0) === serial, 30_000);
        gc();
        heap.push(process.memoryUsage().heapUsed);
      }
      // Growth after warm-up stays small compared with the ~1 MB of traffic per round.
      expect(heap[5] - heap[1]).toBeLessThan(8 * 1024 * 1024);
      expect(gateway.sessionCount()).toBe(1);
    });
  });
});

describe('JT/T 808 socket processes', () => {
  beforeAll(() => void (socketProcesses = 2));

  it('spreads connections over the socket processes, the least loaded first', async () => {
    const { gateway } = await startGateway();
    gateways.push(gateway);
    const sockets = Array.from({ length: 6 }, () => net.connect(gateway.port, '127.0.0.1'));
    try {
      const stats = await eventually(async () => {
        const s = await gateway.socketProcesses();
        return s.reduce((n, p) => n + p.links, 0) === 6 && s;
      }, 'six links held');
      expect(stats.map((p) => p.links)).toEqual([3, 3]);
      expect(new Set(stats.map((p) => p.pid)).size).toBe(2);
      expect(stats.every((p) => p.pid !== process.pid && p.rssBytes > 0)).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
    }
  });

  it('a socket process that dies ends its sessions (vehicles go offline) and is replaced; the terminal reconnects', async () => {
    const status: Array<[number, boolean]> = [];
    const { gateway } = await startGateway({ onVehicleStatus: (v, isOnline) => void status.push([v.id, isOnline]) });
    gateways.push(gateway);
    const t = await online(gateway.port, '13800000001');
    const holder = (await gateway.socketProcesses()).find((p) => p.links === 1)!;
    process.kill(holder.pid, 'SIGKILL');
    await t.closed;
    await eventually(() => !gateway.isOnline(1), 'vehicle offline');
    expect(status).toEqual([[1, true], [1, false]]);
    const replaced = await eventually(async () => {
      const s = await gateway.socketProcesses();
      return s.length === 2 && !s.some((p) => p.pid === holder.pid) && s;
    }, 'replacement socket process');
    expect(replaced).toHaveLength(2);
    const again = await online(gateway.port, '13800000001');
    expect(await again.heartbeat()).toBe(0);
    expect(gateway.isOnline(1)).toBe(true);
  });

  it('closes promptly right after its socket processes died with their terminals', async () => {
    const { gateway } = await startGateway();
    const held = [await online(gateway.port, '13800000001'), await online(gateway.port, '13800000002')];
    for (const p of await gateway.socketProcesses()) process.kill(p.pid, 'SIGKILL');
    await Promise.all(held.map((t) => t.closed));
    await gateway.close();
    expect(gateway.sessionCount()).toBe(0);
  });
});
