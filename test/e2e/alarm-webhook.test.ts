import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import mqtt from 'mqtt';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** NOTIFY_WEBHOOK_ALLOW_HOSTS reaches both checks of the running system: when a subscription is saved and when it is delivered. */
describe('alarm webhook to an allow-listed local host', () => {
  let sys: System;
  let api: ReturnType<typeof apiClient>;
  let server: http.Server;
  const received: Array<{ event: string; alarm: { type: string } }> = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    sys = await startTestSystem({ NOTIFY_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' });
    api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await sys?.dispose();
    server?.close();
  });

  it('accepts the allow-listed host, still refuses other private addresses, and delivers a raised alarm', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const refused = await api.call('POST', '/api/alarm-subscriptions', { name: '内网', channel: 'webhook', target: 'http://10.0.0.8/hook', regionCode: '211321' });
    expect(refused.status).toBe(400);
    const hook = await api.call('POST', '/api/alarm-subscriptions', { name: '县局平台', channel: 'webhook', target: url, regionCode: '211321' });
    expect(hook.status).toBe(201);

    const enterprise = await api.call('POST', '/api/enterprises', { code: '91211321MA0000009W', name: '推送测试化工有限公司', regionCode: '211321' });
    const dev = await api.call('POST', '/api/devices', { code: 'GW-W1', name: '推送网关', enterpriseId: enterprise.body.id });
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId: enterprise.body.id, code: 'W101', name: '推送1#罐',
      sensors: [{ code: 'WLT1', kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 20, high: 15, highHigh: 17, deadband: 0.5 }],
    });
    expect(tank.status).toBe(201);
    const gateway = await mqtt.connectAsync(sys.urls.mqtt, { username: 'GW-W1', password: dev.body.secret, reconnectPeriod: 0 });
    try {
      await gateway.publishAsync('devices/GW-W1/telemetry', JSON.stringify({ sensor: 'WLT1', value: 15.6 }), { qos: 1 });
      const delivered = await eventually(() => received.find((r) => r.event === 'raised'), 'webhook delivery', 30_000);
      expect(delivered.alarm.type).toBe('threshold');
    } finally {
      await gateway.endAsync();
    }
  });
});
