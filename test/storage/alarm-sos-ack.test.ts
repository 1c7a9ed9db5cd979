import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { build } from '../../web/app.ts';
import type { Database } from '../../platform/db/database.ts';
import { Accounts } from '../../platform/auth/accounts.ts';
import { RegistryDirectory } from '../../registry/registry-directory.ts';
import { createMetrics } from '../../platform/metrics.ts';
import { AlarmStore, type AlarmChange } from '../../alerts/alarm-store.ts';
import { SensorLiveState } from '../../monitor/live-state/sensor-live-state.ts';
import { VehicleLiveState } from '../../monitor/live-state/vehicle-live-state.ts';
import type { TelemetryReader } from '../../monitor/telemetry-store/telemetry-reader.ts';
import type { Jt808Command } from '../../ingest/jt808/gateway/commands.ts';
import type { TerminalSession } from '../../ingest/jt808/gateway/terminal-session.ts';
import type { Jt808MediaStore } from '../../ingest/jt808/media/media-store.ts';
import { decodeTextMessage, TextFlag } from '../../ingest/jt808/codec/index.ts';
import { testDatabases } from '../support/test-databases.ts';
import { loginAll } from '../support/test-app.ts';

const PW = 'Passw0rd-test';

/** Acknowledging an SOS through the API: 0x8203 to the terminal, then the optional spoken text (0x8300); every change pushed with its cursor. */
describe.each(testDatabases)('SOS acknowledgement on $name', (kind) => {
  let db: Database;
  let app: FastifyInstance;
  let store: AlarmStore;
  let token: string;
  let carrierId: number;
  const sent: Array<{ vehicleId: number; command: Jt808Command }> = [];
  const pushed: AlarmChange[] = [];

  beforeAll(async () => {
    db = await kind.open();
    const accounts = new Accounts(db, { sessionTtlHours: 1, passwordMaxAgeDays: 90 });
    store = new AlarmStore(db);
    app = await build({
      db,
      accounts,
      directory: new RegistryDirectory(db),
      alarms: store,
      publishAlarmChange: (change) => void pushed.push(change),
      sensorLive: new SensorLiveState(),
      vehicleLive: new VehicleLiveState(),
      vehicleOnline: () => true,
      reader: {} as TelemetryReader,
      metricsRegistry: createMetrics().registry,
      log: pino({ level: 'silent' }),
      health: async () => ({ db: { ok: true } }),
      jt808: {
        commands: { sendCommand: async (vehicleId, command) => (sent.push({ vehicleId, command }), { status: 'answered', result: 0 }) },
        media: {} as Jt808MediaStore,
      },
    } as Parameters<typeof build>[0]);
    await accounts.createUser({ username: 'admin', displayName: '管理员', password: PW, role: 'admin' });
    token = (await loginAll(app, { admin: PW })).admin;
    carrierId = (await db.query<{ id: number }>(`insert into enterprises (code, name, region_code) values ('91211321MA0000009X', '朝阳危货运输有限公司', '211321') returning id`))[0].id;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const sos = async (vehicleId: number) =>
    (await store.apply({
      action: 'raise', type: 'sos', level: null, severity: 'critical', value: null, at: new Date(), message: '紧急报警',
      source: { kind: 'vehicle', id: vehicleId, name: '辽N·D2871', enterpriseId: carrierId, regionCode: '211321' },
    }))!.alarm;
  const ack = (id: number, payload?: object) => app.inject({ method: 'POST', url: `/api/alarms/${id}/ack`, payload, headers: { authorization: `Bearer ${token}` } });
  const spoken = (c: Jt808Command) => decodeTextMessage(c.build({ edition: '2019' } as TerminalSession), { is2019: true });

  it('sends only 0x8203 without a text, 0x8203 then the default text with tts: true, or the operator text', async () => {
    const a = await sos(11);
    expect((await ack(a.id)).statusCode).toBe(200);
    const b = await sos(12);
    expect((await ack(b.id, { tts: true })).statusCode).toBe(200);
    const c = await sos(13);
    expect((await ack(c.id, { tts: '请靠边停车，救援人员已出发' })).statusCode).toBe(200);
    await new Promise((resolve) => setImmediate(resolve));

    expect(sent.map((s) => [s.vehicleId, s.command.msgId])).toEqual([[11, 0x8203], [12, 0x8203], [12, 0x8300], [13, 0x8203], [13, 0x8300]]);
    const [defaultText, operatorText] = sent.filter((s) => s.command.msgId === 0x8300).map((s) => spoken(s.command));
    expect(defaultText.text).toBe('已收到报警，正在处置');
    expect(defaultText.flag & TextFlag.Tts).toBeTruthy();
    expect(operatorText.text).toBe('请靠边停车，救援人员已出发');
  });

  it('pushes each handling change with the cursor a client resyncs from', async () => {
    const a = await sos(14);
    pushed.length = 0;
    const res = await ack(a.id);
    expect(pushed).toEqual([{ action: 'acknowledged', alarm: res.json().alarm, cursor: res.json().cursor }]);
    const since = (await app.inject({ method: 'GET', url: `/api/alarms/changes?since=${res.json().cursor - 1}`, headers: { authorization: `Bearer ${token}` } })).json();
    expect(since.items.map((i: { alarm: { id: number } }) => i.alarm.id)).toEqual([a.id]);
  });
});
