import { afterAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** Stopping the platform drops every gateway; that is our doing, not a data interruption at the enterprise. */
describe('planned restart', () => {
  let sys: System | null = null;
  afterAll(async () => {
    await sys?.dispose();
  });

  it('raises no data-interruption alarms for gateways dropped by the platform\'s own shutdown', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-restart-'));
    sys = await startTestSystem({ DATA_DIR: dataDir });
    let api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91211321MA000000XR', name: '重启测试化工有限公司', regionCode: '211321' });
    const dev = await api.call('POST', '/api/devices', { code: 'GW-RS1', name: '重启网关', enterpriseId: enterprise.body.id });
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId: enterprise.body.id, code: 'RS101', name: '重启1#罐',
      sensors: [{ code: 'RSLT1', kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 20 }],
    });
    expect(tank.status).toBe(201);
    const gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: 'GW-RS1', password: dev.body.secret, reconnectPeriod: 0 });
    await gateway.publishAsync('devices/GW-RS1/telemetry', JSON.stringify({ sensor: 'RSLT1', value: 5 }), { qos: 1 });
    await eventually(async () => (await api.call('GET', '/api/monitor/tanks')).body.items?.[0]?.sensors?.[0]?.value === 5, 'reading live');

    const closed = new Promise<void>((resolve) => gateway.once('close', () => resolve()));
    await sys.stop();
    await closed;
    sys = await startTestSystem({ DATA_DIR: dataDir });
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const alarms = await api.call('GET', '/api/alarms?state=all');
    expect(alarms.status).toBe(200);
    expect(alarms.body.items.filter((a: { type: string }) => a.type === 'data_interruption')).toEqual([]);
  });
});
