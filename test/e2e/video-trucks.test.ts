import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io, type Socket } from 'socket.io-client';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';
import { metricValue, readFrames } from '../support/ffmpeg.ts';
import { SimulatedTerminal } from '../../device-simulator/jt808-terminal.ts';
import { answerVideoRequests } from '../../device-simulator/jt1078-camera.ts';
import { MsgId } from '../../ingest/jt808/codec/index.ts';
import { DataType, encodeMediaPacket, Fragment } from '../../ingest/jt1078/codec/media-packet.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/**
 * Truck video over JT/T 1078 end to end: a simulated 2019 terminal answers 0x9101 by streaming ffmpeg's test
 * pattern as 1078 packets; an SOS opens its cab channel on the wall, frames flow to an HTTP-FLV viewer, and the
 * channel closes (0x9102) once nobody watches.
 */
describe('truck video (JT/T 1078)', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let vehicleId: number;
  let t: SimulatedTerminal;
  let cams: ReturnType<typeof answerVideoRequests>;
  let socket: Socket;
  const events: Array<{ event: string; payload: any }> = [];
  const metrics = async () => (await fetch(`${sys.urls.http}/metrics`)).text();

  beforeAll(async () => {
    sys = await startTestSystem({ JT1078_IDLE_CLOSE_S: '5' });
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91211321MA1XYW0J8C', name: '危运视频测试有限公司', regionCode: '211321' });
    const v = await api.call('POST', '/api/vehicles', { plate: '辽N·V1078', enterpriseId: enterprise.body.id, terminalPhone: '13900001078' });
    expect(v.status).toBe(201);
    vehicleId = v.body.id;
    t = new SimulatedTerminal('13900001078', '辽N·V1078', '2019');
    await t.connect(sys.ports.jt808);
    expect(await t.register()).toBe(0);
    expect(await t.authenticate()).toBe(0);
    cams = answerVideoRequests(t);
    socket = io(`${sys.urls.http}/live`, { auth: { token: api.token }, transports: ['websocket'] });
    socket.onAny((event, payload) => events.push({ event, payload }));
    await new Promise<void>((resolve, reject) => (socket.once('connect', () => resolve()), socket.once('connect_error', reject)));
  });
  afterAll(async () => {
    socket?.close();
    cams?.stopAll();
    t?.close();
    await sys?.dispose();
  });

  it('an SOS opens the cab channel on the wall, and its frames reach a viewer', async () => {
    expect(await t.report({ lat: 41.52, lon: 120.4, speedKmh: 30, direction: 90, sos: true })).toBe(0);
    const open = await eventually(() => events.find((e) => e.event === 'video_open')?.payload, 'video_open event');
    expect(open).toMatchObject({ reason: 'alarm', alarmType: 'sos', source: { kind: 'vehicle', id: vehicleId }, panes: [{ kind: 'vehicle', id: vehicleId, channel: 1, stream: `vehicle-${vehicleId}-1` }] });
    await eventually(() => cams.streaming() === 1, 'terminal streaming');
    const url = await api.call('POST', `/api/vehicles/${vehicleId}/video/1`);
    expect(url.status).toBe(200);
    const viewed = await readFrames(url.body.flv, 25);
    expect(viewed.code, viewed.stderr).toBe(0);
    expect(viewed.frames).toBeGreaterThanOrEqual(25);
    expect(metricValue(await metrics(), 'jt1078_frames_total')).toBeGreaterThanOrEqual(25);
  });

  it('closes the channel with 0x9102 once nobody watches for the idle time', async () => {
    await eventually(() => t.received.some((f) => f.header.msgId === MsgId.AvRealtimeControl), '0x9102 close', 30_000);
    await eventually(() => cams.streaming() === 0, 'terminal stopped streaming');
  });

  it('counts and survives malformed packets, and refuses a media connection no 0x9101 asked for', async () => {
    const before = { malformed: metricValue(await metrics(), 'jt1078_packets_total', { result: 'malformed' }), unmatched: metricValue(await metrics(), 'jt1078_packets_total', { result: 'unmatched' }) };
    const conn = net.connect(sys.ports.jt1078!, '127.0.0.1');
    await new Promise((r) => conn.once('connect', r));
    const packet = encodeMediaPacket({ marker: false, payloadType: 98, sequence: 1, sim: '13912345678', channel: 3, dataType: DataType.VideoI, fragment: Fragment.Atomic, timestamp: 0n, lastIFrameIntervalMs: 0, lastFrameIntervalMs: 0, body: Buffer.from([0, 0, 0, 1, 0x65, 1]) });
    conn.write(Buffer.concat([Buffer.from('garbage!'), packet]));
    const closed = await new Promise<boolean>((resolve) => (conn.once('close', () => resolve(true)), setTimeout(() => resolve(false), 10_000)));
    expect(closed).toBe(true);
    expect(metricValue(await metrics(), 'jt1078_packets_total', { result: 'malformed' })).toBe(before.malformed + 1);
    expect(metricValue(await metrics(), 'jt1078_packets_total', { result: 'unmatched' })).toBe(before.unmatched + 1);
  });
});
