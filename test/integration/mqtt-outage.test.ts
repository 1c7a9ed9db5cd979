import net from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startInfluxd, type InfluxdProcess } from '../../platform/influx/influxd-process.ts';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;
const log = pino({ level: 'silent' });
const SENSORS = ['O-LT', 'O-TT', 'O-PT'];
interface Health {
  components: Record<string, { ok: boolean; detail?: string }>;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/** InfluxDB goes away while gateways keep publishing QoS 1; every acknowledged reading must be there afterwards. */
describe('InfluxDB outage under MQTT load', () => {
  let influxDir: string;
  let dataDir: string;
  let influxPort: number;
  let influxd: InfluxdProcess | null = null;
  let sys: System | null = null;
  let device: { code: string; secret: string };
  let sensorIds: Record<string, number>;
  const acked: Record<string, number> = Object.fromEntries(SENSORS.map((s) => [s, 0]));
  const base = Date.now() - 3600_000;
  let seq = 0;

  const startInflux = async () => (influxd = await startInfluxd({ influxdPath: 'influxd', dataDir: influxDir, port: influxPort, log }));
  const stopInflux = async () => {
    await influxd?.stop();
    influxd = null;
  };
  const start = () => startTestSystem({ INFLUX_URL: `http://127.0.0.1:${influxPort}`, DATA_DIR: dataDir, SPOOL_MAX_BYTES: String(2 * 1024 * 1024) });
  const gateway = () => mqtt.connectAsync(`mqtt://127.0.0.1:${sys!.ports.mqtt}`, { username: device.code, password: device.secret, reconnectPeriod: 0 });

  /** Publishes batches of 100 readings per sensor (unique timestamps); counts only what the broker acknowledged. */
  async function publish(client: MqttClient, batches: number): Promise<{ refused: boolean }> {
    for (let b = 0; b < batches; b++) {
      const readings = [];
      for (let i = 0; i < 100; i++) {
        seq++;
        for (const sensor of SENSORS) readings.push({ sensor, value: seq % 1000, ts: base + seq });
      }
      const ok = await Promise.race([
        client.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ readings }), { qos: 1 }).then(() => true, () => false),
        new Promise<boolean>((resolve) => client.once('close', () => resolve(false))),
      ]);
      if (!ok) return { refused: true };
      for (const sensor of SENSORS) acked[sensor] += 100;
    }
    return { refused: false };
  }

  async function countsInInflux(): Promise<Record<string, number>> {
    const q = new URLSearchParams({ db: 'hazwatch', q: 'SELECT count("value") FROM "hazwatch"."sensor"."reading" GROUP BY "sensor_id"' });
    const body = (await (await fetch(`http://127.0.0.1:${influxPort}/query?${q}`)).json()) as { results: Array<{ series?: Array<{ tags: { sensor_id: string }; values: number[][] }> }> };
    const byId = Object.fromEntries((body.results[0].series ?? []).map((s) => [Number(s.tags.sensor_id), s.values[0][1]]));
    return Object.fromEntries(SENSORS.map((code) => [code, byId[sensorIds[code]] ?? 0]));
  }

  beforeAll(async () => {
    influxDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-outage-influx-'));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-outage-data-'));
    influxPort = await freePort();
    await startInflux();
    sys = await start();
    const api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const enterprise = await api.call('POST', '/api/enterprises', { code: '91320116MA1XYW0Q9K', name: '断电测试化工有限公司', regionCode: '320116' });
    const dev = await api.call('POST', '/api/devices', { code: 'GW-OUTAGE', name: '断网测试网关', enterpriseId: enterprise.body.id });
    device = { code: 'GW-OUTAGE', secret: dev.body.secret };
    const tank = await api.call('POST', '/api/tanks', {
      enterpriseId: enterprise.body.id,
      code: 'T301',
      name: '3#储罐',
      sensors: [
        { code: 'O-LT', kind: 'level', unit: 'm', deviceId: dev.body.id, rangeMin: 0, rangeMax: 2000 },
        { code: 'O-TT', kind: 'temperature', unit: '°C', deviceId: dev.body.id, rangeMin: 0, rangeMax: 2000 },
        { code: 'O-PT', kind: 'pressure', unit: 'MPa', deviceId: dev.body.id, rangeMin: 0, rangeMax: 2000 },
      ],
    });
    expect(tank.status).toBe(201);
    sensorIds = Object.fromEntries(tank.body.sensors.map((s: { code: string; id: number }) => [s.code, s.id]));
  }, 120_000);

  afterAll(async () => {
    await sys?.stop();
    await stopInflux();
    await rm(dataDir, { recursive: true, force: true });
    await rm(influxDir, { recursive: true, force: true });
  });

  it('keeps acknowledging while InfluxDB is down, reports the backlog, and writes every reading once it is back', async () => {
    const client = await gateway();
    expect(await publish(client, 5)).toEqual({ refused: false });
    await stopInflux();
    expect(await publish(client, 10)).toEqual({ refused: false });
    const health = await fetch(`${sys!.urls.http}/healthz`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as Health;
    expect(body.components.influx.ok).toBe(false);
    expect(body.components.spool.detail).toMatch(/^depth [1-9]\d* readings/);
    const metrics = await (await fetch(`${sys!.urls.http}/metrics`)).text();
    expect(metrics).toMatch(/telemetry_spool_records\{store="sensor"\} [1-9]/);

    await startInflux();
    expect(await publish(client, 5)).toEqual({ refused: false });
    await sys!.flushTelemetry();
    expect(await countsInInflux()).toEqual(acked);
    await client.endAsync();
  }, 120_000);

  it('refuses (does not acknowledge) new messages once the spool is full, and loses none it acknowledged', async () => {
    await stopInflux();
    let refused = false;
    for (let round = 0; round < 20 && !refused; round++) {
      const client = await gateway();
      refused = (await publish(client, 50)).refused;
      await client.endAsync(true);
    }
    expect(refused).toBe(true);
    const metrics = await (await fetch(`${sys!.urls.http}/metrics`)).text();
    expect(metrics).toMatch(/mqtt_messages_total\{result="spool_full"\} [1-9]/);
    const health = (await (await fetch(`${sys!.urls.http}/healthz`)).json()) as Health;
    expect(health.components.spool.ok).toBe(false);

    await startInflux();
    await sys!.flushTelemetry();
    expect(await countsInInflux()).toEqual(acked);
    await eventually(async () => ((await (await fetch(`${sys!.urls.http}/healthz`)).json()) as Health).components.spool.ok, 'spool drained');
  }, 180_000);

  it('replays what was spooled but not yet written after the platform restarts', async () => {
    await stopInflux();
    const client = await gateway();
    expect(await publish(client, 10)).toEqual({ refused: false });
    await client.endAsync();
    await sys!.stop();
    sys = null;
    await startInflux();
    sys = await start();
    await sys.flushTelemetry();
    expect(await countsInInflux()).toEqual(acked);
  }, 180_000);
});
