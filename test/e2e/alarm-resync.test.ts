import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import mqtt from 'mqtt';
import { io, type Socket } from 'socket.io-client';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
type Change = { action: string; cursor: number; step?: string; alarm: { id: number; active: boolean; acknowledged: boolean; closedAt: string | null } };

/** Over real sockets: a wall client that was away catches up from the cursor of the last alarm event it saw. */
describe('alarm delivery: resync after missed events', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let device: { code: string; secret: string };

  const connect = async (received: Change[]) => {
    const socket: Socket = io(`${sys.urls.http}/live`, { auth: { token: api.token }, transports: ['websocket'], reconnection: false });
    socket.on('alarm', (change: Change) => received.push(change));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return socket;
  };

  beforeAll(async () => {
    sys = await startTestSystem();
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91211321MA0000007H', name: '重连测试化工有限公司', regionCode: '211321' });
    const dev = await api.call('POST', '/api/devices', { code: 'GW-R1', name: '重连网关', enterpriseId: enterprise.body.id });
    device = { code: 'GW-R1', secret: dev.body.secret };
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId: enterprise.body.id, code: 'R101', name: '重连1#罐',
      sensors: [{ code: 'RLT1', kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 17, deadband: 0.5 }],
    });
    expect(tank.status).toBe(201);
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('pushes raise, ack, dispose and close with a cursor; a client that missed them gets each changed alarm once from /api/alarms/changes', async () => {
    const seen: Change[] = [];
    let socket = await connect(seen);
    const gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: device.code, password: device.secret, reconnectPeriod: 0 });
    try {
      await gateway.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: 'RLT1', value: 15.6 }), { qos: 1 });
      const raised = await eventually(() => seen.find((c) => c.action === 'raised'), 'raised on Socket.IO');
      expect(raised.cursor).toBeGreaterThan(0);
      const id = raised.alarm.id;

      socket.disconnect(); // away: nothing reaches this client now
      await gateway.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ sensor: 'RLT1', value: 17.4 }), { qos: 1 });
      await sys.alarmsSettled();
      expect((await api.call('POST', `/api/alarms/${id}/ack`)).status).toBe(200);
      expect((await api.call('POST', `/api/alarms/${id}/dispose`, { cause: '进料过量', measures: '停泵并倒罐' })).status).toBe(200);

      const missed = await api.call('GET', `/api/alarms/changes?since=${raised.cursor}`);
      expect(missed.status).toBe(200);
      expect(missed.body.items).toHaveLength(1);
      expect(missed.body.items[0].alarm).toMatchObject({ id, level: 'high_high', acknowledged: true, disposedBy: 'admin', count: 1 });

      const back: Change[] = [];
      socket = await connect(back);
      const closed = await api.call('POST', `/api/alarms/${id}/close`, { note: '液位已回落' });
      expect(closed.status).toBe(200);
      const event = await eventually(() => back.find((c) => c.alarm.id === id), 'close on Socket.IO after the resync');
      expect(event).toMatchObject({ action: 'cleared', step: 'closed', alarm: { active: false }, cursor: closed.body.cursor });
      expect(event.cursor).toBeGreaterThan(missed.body.cursor);
      expect((await api.call('GET', `/api/alarms/changes?since=${event.cursor}`)).body.items).toEqual([]);
    } finally {
      socket.close();
      await gateway.endAsync();
    }
  });
});
