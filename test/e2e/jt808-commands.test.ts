import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedTerminal, type FixInput } from '../../device-simulator/jt808-terminal.ts';
import {
  decodeAlarmAck,
  decodeSetParams,
  decodeTextMessage,
  encodePhotoReply,
  MsgId,
  readSafetyParams,
  TextFlag,
  type Jt808Frame,
} from '../../ingest/jt808/codec/index.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

describe.each(['0', '2'])('JT/T 808 end to end (JT808_SOCKET_PROCESSES=%s): positions into InfluxDB and the live map, operator commands down to a 2019 terminal', (socketProcesses) => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let vehicleId: number;
  let offlineVehicleId: number;
  let t: SimulatedTerminal;
  const commands: Jt808Frame[] = [];
  const jpeg = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(3000, 0x5a), Buffer.from('ffd9', 'hex')]);
  const now = () => Math.floor(Date.now() / 1000) * 1000;

  beforeAll(async () => {
    sys = await startTestSystem({ JT808_COMMAND_TIMEOUT_S: '2', JT808_SOCKET_PROCESSES: socketProcesses });
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0J8C', name: '危运测试有限公司', regionCode: '320116' });
    expect(enterprise.status).toBe(201);
    const v = await api.call('POST', '/api/vehicles', { plate: '苏A·J0808', enterpriseId: enterprise.body.id, terminalPhone: '13900000808' });
    expect(v.status).toBe(201);
    vehicleId = v.body.id;
    const off = await api.call('POST', '/api/vehicles', { plate: '苏A·J0809', enterpriseId: enterprise.body.id, terminalPhone: '13900000809' });
    offlineVehicleId = off.body.id;

    t = new SimulatedTerminal('13900000808', '苏A·J0808', '2019');
    await t.connect(sys.ports.jt808);
    expect(await t.register()).toBe(0);
    expect(await t.authenticate()).toBe(0);
    const answerAll = (f: Jt808Frame) => {
      commands.push(f);
      // A text asking for silence is the terminal that never answers.
      if (f.header.msgId === MsgId.TextMessage && decodeTextMessage(f.body, f.header).text === '不应答') return;
      t.answer(f, 0);
    };
    for (const id of [MsgId.SetParams, MsgId.TextMessage, MsgId.SetCircleArea, MsgId.DeleteCircleArea, MsgId.SetPolygonArea, MsgId.AlarmAck]) t.onCommand(id, answerAll);
    t.onCommand(MsgId.TakePhoto, (f) => {
      commands.push(f);
      t.send(MsgId.PhotoReply, encodePhotoReply({ replySerial: f.header.serial, result: 0, mediaIds: [31] }));
      t.uploadMedia({ mediaId: 31, channel: f.body[0], data: jpeg, fix: { lat: 32.05, lon: 118.78, speedKmh: 0, direction: 0 } });
    });
  });

  afterAll(async () => {
    t?.close();
    await sys?.dispose();
  });

  const live = async () => (await api.call('GET', '/api/monitor/vehicles')).body.items.find((v: { id: number }) => v.id === vehicleId);
  const track = async (from: number) => {
    await sys.flushTelemetry();
    return (await api.call('GET', `/api/monitor/vehicles/${vehicleId}/track?from=${new Date(from).toISOString()}&to=${new Date(Date.now() + 3600_000).toISOString()}`)).body.items as Array<{
      lat: number;
      ts: string;
      reupload: boolean;
      drift: boolean;
    }>;
  };

  it('reports where the terminals\' sockets are held on /healthz', async () => {
    const health = (await (await fetch(`${sys.urls.http}/healthz`)).json()) as { components: { jt808: { ok: boolean; detail: string } } };
    expect(health.components.jt808.ok).toBe(true);
    expect(health.components.jt808.detail).toBe(socketProcesses === '0' ? 'terminal connections: 1' : 'terminal connections: 1, held by 2 socket processes');
  });

  it('stores blind-area re-uploads with their device time in history, without moving the live position back or raising live alarms', async () => {
    const start = now();
    expect(await t.report({ lat: 32.05, lon: 118.78, speedKmh: 50, direction: 90, time: new Date(start) })).toBe(0);
    const old: FixInput[] = [1, 2, 3].map((i) => ({ lat: 32.0 + i / 1000, lon: 118.7, speedKmh: 30, direction: 0, time: new Date(start - 3600_000 + i * 1000), sos: i === 2 }));
    expect(await t.reportBatch(old, 1)).toBe(0);

    const points = await eventually(async () => {
      const p = await track(start - 3700_000);
      return p.length >= 4 && p;
    }, 'positions in InfluxDB');
    expect(points.map((p) => [p.lat, p.ts, p.reupload])).toEqual([
      [32.001, new Date(start - 3600_000 + 1000).toISOString(), true],
      [32.002, new Date(start - 3600_000 + 2000).toISOString(), true],
      [32.003, new Date(start - 3600_000 + 3000).toISOString(), true],
      [32.05, new Date(start).toISOString(), false],
    ]);
    await sys.alarmsSettled();
    expect((await api.call('GET', '/api/alarms?state=open')).body.items.filter((a: { type: string }) => a.type === 'sos')).toEqual([]);
    expect(await live()).toMatchObject({ speedKmh: 50, online: true });
  });

  it('flags an impossible jump as drift: kept in the track, kept off the live map', async () => {
    // 30 m in 10 s after the last live fix, then 900 km in 2 s.
    const start = now() + 10_000;
    expect(await t.report({ lat: 32.0503, lon: 118.78, speedKmh: 51, direction: 90, time: new Date(start) })).toBe(0);
    expect(await t.report({ lat: 39.9, lon: 116.4, speedKmh: 52, direction: 90, time: new Date(start + 2000) })).toBe(0);
    const points = await eventually(async () => {
      const p = await track(start);
      return p.length >= 2 && p;
    }, 'drift point in InfluxDB');
    expect(points.map((p) => [p.lat, p.drift])).toEqual([
      [32.0503, false],
      [39.9, true],
    ]);
    expect(await live()).toMatchObject({ speedKmh: 51 });
  });

  it('stores a report without a device time at its receive time, flagged, and keeps it off the live map', async () => {
    const before = Date.now() - 1000;
    expect(await t.report({ lat: 0, lon: 0, speedKmh: 0, direction: 0, time: null, fixed: false })).toBe(0);
    await sys.flushTelemetry();
    const q = new URLSearchParams({ db: 'hazwatch', q: `SELECT "device_time", "drift" FROM "hazwatch"."track"."position" WHERE "vehicle_id" = '${vehicleId}' AND time >= ${before}ms AND time < now() + 1m`, epoch: 'ms' });
    const rows = await eventually(async () => {
      const body = (await (await fetch(`${sys.urls.influx}/query?${q}`)).json()) as { results: Array<{ series?: Array<{ values: unknown[][] }> }> };
      const values = body.results[0].series?.[0]?.values;
      return values?.some((r) => r[1] === false) && values;
    }, 'no-time report in InfluxDB');
    const noTime = rows.filter((r) => r[1] === false);
    expect(noTime.map((r) => r.slice(1))).toEqual([[false, true]]);
    expect(noTime[0][0]).toBeGreaterThanOrEqual(before);
    expect(rows.filter((r) => r[1] === true).length).toBe(rows.length - 1);
    expect(await live()).toMatchObject({ speedKmh: 51 });
  });

  it('sets parameters (0x8103) and answers with the terminal result', async () => {
    const res = await api.call('POST', `/api/jt808/vehicles/${vehicleId}/params`, { heartbeatS: 30, maxSpeedKmh: 80, continuousDrivingS: 14400, minRestS: 1200 });
    expect(res).toEqual({ status: 200, body: { ok: true, result: 0, resultText: '成功' } });
    const sent = commands.filter((f) => f.header.msgId === MsgId.SetParams).at(-1)!;
    expect(sent.header.is2019).toBe(true);
    expect(readSafetyParams(decodeSetParams(sent.body).params)).toEqual({ heartbeatS: 30, maxSpeedKmh: 80, continuousDrivingS: 14400, minRestS: 1200 });
    expect((await api.call('POST', `/api/jt808/vehicles/${vehicleId}/params`, {})).status).toBe(400);
  });

  it('sends text with TTS (0x8300) in the 2019 layout', async () => {
    expect((await api.call('POST', `/api/jt808/vehicles/${vehicleId}/text`, { text: '前方施工，请减速慢行' })).body).toMatchObject({ ok: true });
    const sent = commands.filter((f) => f.header.msgId === MsgId.TextMessage).at(-1)!;
    const msg = decodeTextMessage(sent.body, sent.header);
    expect(msg.text).toBe('前方施工，请减速慢行');
    expect(msg.flag & TextFlag.Tts).toBe(TextFlag.Tts);
    expect(msg.textType).toBe(1);
  });

  it('pushes and deletes geofences (0x8600, 0x8604, 0x8601)', async () => {
    const circle = await api.call('POST', `/api/jt808/vehicles/${vehicleId}/geofences`, {
      fence: { shape: 'circle', id: 11, name: '化工园区', center: { lat: 32.1, lon: 118.8 }, radiusM: 800, alarmOnEnter: true, speedLimit: { maxKmh: 30, overspeedS: 10 } },
    });
    expect(circle.body).toMatchObject({ ok: true });
    const polygon = await api.call('POST', `/api/jt808/vehicles/${vehicleId}/geofences`, {
      mode: 'replace',
      fence: { shape: 'polygon', id: 12, vertices: [{ lat: 32, lon: 118 }, { lat: 32.1, lon: 118 }, { lat: 32.1, lon: 118.1 }] },
    });
    expect(polygon.body).toMatchObject({ ok: true });
    expect((await api.call('DELETE', `/api/jt808/vehicles/${vehicleId}/geofences/circle?ids=11`)).body).toMatchObject({ ok: true });
    const ids = commands.map((f) => f.header.msgId);
    expect(ids).toEqual(expect.arrayContaining([MsgId.SetCircleArea, MsgId.SetPolygonArea, MsgId.DeleteCircleArea]));
    expect(commands.find((f) => f.header.msgId === MsgId.DeleteCircleArea)!.body).toEqual(Buffer.from('010000000b', 'hex'));
    const tooFew = await api.call('POST', `/api/jt808/vehicles/${vehicleId}/geofences`, { fence: { shape: 'polygon', id: 1, vertices: [{ lat: 32, lon: 118 }] } });
    expect(tooFew.status).toBe(400);
  });

  it('answers 504 when the terminal does not answer in time and 409 when the vehicle is offline', async () => {
    const silent = await api.call('POST', `/api/jt808/vehicles/${vehicleId}/text`, { text: '不应答' });
    expect(silent).toEqual({ status: 504, body: { error: 'terminal_timeout', message: '车载终端未在规定时间内应答' } });
    const offline = await api.call('POST', `/api/jt808/vehicles/${offlineVehicleId}/text`, { text: '你好' });
    expect(offline).toEqual({ status: 409, body: { error: 'terminal_offline', message: '车载终端不在线' } });
    expect((await api.call('POST', `/api/jt808/vehicles/999999/text`, { text: '你好' })).status).toBe(404);
  });

  it('lets an operator command only vehicles in scope; other roles may not command', async () => {
    const operator = async (username: string, regionCode: string, role = 'operator') => {
      const org = await api.call('POST', '/api/organizations', { name: `${regionCode} 应急管理局 ${username}`, kind: 'county', regionCode });
      expect(org.status).toBe(201);
      const user = await api.call('POST', '/api/users', { username, displayName: '值班员', role, organizationId: org.body.id, password: 'Duty2026pass' });
      expect(user.status).toBe(201);
      const client = apiClient(sys.urls.http);
      await client.login(username, 'Duty2026pass');
      expect((await client.call('POST', '/api/auth/change-password', { oldPassword: 'Duty2026pass', newPassword: 'Duty2026pass2' })).status).toBe(200);
      return client;
    };
    const inside = await operator('op-luhe', '320116');
    const outside = await operator('op-jiangning', '320115');
    const official = await operator('official-luhe', '320116', 'official');
    expect((await inside.call('POST', `/api/jt808/vehicles/${vehicleId}/text`, { text: '请靠边停车' })).body).toMatchObject({ ok: true });
    expect((await outside.call('POST', `/api/jt808/vehicles/${vehicleId}/text`, { text: '请靠边停车' })).status).toBe(404);
    expect((await outside.call('GET', `/api/jt808/vehicles/${vehicleId}/media`)).status).toBe(404);
    expect((await official.call('POST', `/api/jt808/vehicles/${vehicleId}/text`, { text: '请靠边停车' })).status).toBe(403);
  });

  it('takes a photo (0x8801), receives the sub-packaged 0x0801, stores it and serves it', async () => {
    const res = await api.call('POST', `/api/jt808/vehicles/${vehicleId}/photo`, { channel: 2 });
    expect(res).toEqual({ status: 200, body: { ok: true, result: 0, resultText: '成功', mediaIds: [31] } });
    const item = await eventually(async () => (await api.call('GET', `/api/jt808/vehicles/${vehicleId}/media`)).body.items[0], 'stored photo');
    expect(item).toMatchObject({ vehicleId, mediaId: 31, channel: 2, format: 0, bytes: jpeg.length });
    const img = await fetch(`${sys.urls.http}/api/jt808/media/${item.id}`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await img.arrayBuffer())).toEqual(jpeg);
    expect((await fetch(`${sys.urls.http}/api/jt808/media/${item.id}`)).status).toBe(401);
    expect(t.received.some((f) => f.header.msgId === MsgId.MediaUploadReply)).toBe(true);
  });

  it('acknowledging an SOS sends 0x8203 to the terminal; with the terminal offline the acknowledgement still succeeds', async () => {
    expect(await t.report({ lat: 32.0503, lon: 118.78, speedKmh: 0, direction: 90, sos: true, time: new Date(now() + 20_000) })).toBe(0);
    const sos = await eventually(async () => (await api.call('GET', '/api/alarms?state=open')).body.items.find((a: { type: string; source: { id: number } }) => a.type === 'sos' && a.source.id === vehicleId), 'SOS alarm');
    const ack = t.waitFor((f) => f.header.msgId === MsgId.AlarmAck);
    expect((await api.call('POST', `/api/alarms/${sos.id}/ack`)).status).toBe(200);
    expect(decodeAlarmAck((await ack).body)).toEqual({ alarmSerial: 0, alarmType: 1 });

    const other = new SimulatedTerminal('13900000809', '苏A·J0809');
    await other.connect(sys.ports.jt808);
    expect(await other.register()).toBe(0);
    expect(await other.authenticate()).toBe(0);
    expect(await other.report({ lat: 32.07, lon: 118.79, speedKmh: 0, direction: 0, sos: true })).toBe(0);
    const otherSos = await eventually(
      async () => (await api.call('GET', '/api/alarms?state=open')).body.items.find((a: { type: string; source: { id: number } }) => a.type === 'sos' && a.source.id === offlineVehicleId),
      'second SOS',
    );
    other.close();
    await eventually(async () => !(await api.call('GET', '/api/monitor/vehicles')).body.items.find((v: { id: number }) => v.id === offlineVehicleId)?.online, 'offline');
    expect((await api.call('POST', `/api/alarms/${otherSos.id}/ack`)).status).toBe(200);
  });
});
