import type { Aedes, Client, PublishPacket } from 'aedes';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { authorizePublishHandler } from '../../../ingest/mqtt/authorize-publish.ts';
import { attachDevice } from '../../../ingest/mqtt/mqtt-clients.ts';
import type { IntakeResult, TelemetryIntake } from '../../../ingest/readings/telemetry-intake.ts';
import { SpoolFullError } from '../../../monitor/telemetry-store/spool/spool.ts';
import { createMetrics } from '../../../platform/metrics.ts';

function setup(outcome: () => Promise<IntakeResult>) {
  const metrics = createMetrics();
  const published: Array<{ topic: string; payload: string }> = [];
  const broker = { publish: (p: PublishPacket, cb: () => void) => (published.push({ topic: p.topic, payload: String(p.payload) }), cb()) } as unknown as Aedes;
  let intakeCalls = 0;
  const intake = { accept: () => (intakeCalls++, outcome()) } as unknown as TelemetryIntake;
  const handler = authorizePublishHandler(() => broker, intake, metrics, pino({ level: 'silent' }));
  const client = { id: 'c1', closed: false } as unknown as Client & { closed: boolean };
  attachDevice(client, { id: 1, code: 'GW-1', enterpriseId: 1 }, 'secret');
  const publish = (topic: string, payload = '{}') =>
    new Promise<Error | null>((resolve) => handler(client, { cmd: 'publish', topic, payload: Buffer.from(payload), qos: 1, retain: false, dup: false } as PublishPacket, (err) => resolve(err ?? null)));
  return { metrics, published, publish, client, calls: () => intakeCalls };
}

const metric = async (m: ReturnType<typeof createMetrics>, name: string) => (await m.registry.getSingleMetricAsString(name)).split('\n').filter((l) => !l.startsWith('#'));

describe('authorizePublish', () => {
  it('refuses $SYS and foreign topics with an error (aedes closes the connection) and counts them', async () => {
    const { publish, metrics, calls } = setup(async () => ({ ok: true, accepted: 1 }));
    expect(await publish('$SYS/x')).toBeInstanceOf(Error);
    expect(await publish('devices/GW-2/telemetry')).toBeInstanceOf(Error);
    expect(await publish('devices/GW-1')).toBeInstanceOf(Error);
    expect(calls()).toBe(0);
    expect(await metric(metrics, 'mqtt_acl_refusals_total')).toEqual([
      'mqtt_acl_refusals_total{action="publish",reason="sys_topic"} 1',
      'mqtt_acl_refusals_total{action="publish",reason="foreign_topic"} 2',
    ]);
  });

  it('lets own non-telemetry topics through without intake', async () => {
    const { publish, calls } = setup(async () => ({ ok: true, accepted: 1 }));
    expect(await publish('devices/GW-1/status', 'online')).toBeNull();
    expect(calls()).toBe(0);
  });

  it('answers a bad message on the errors topic and keeps the connection', async () => {
    const { publish, published, metrics } = setup(async () => ({ ok: false, error: 'unknown_unit', message: 'no' }));
    expect(await publish('devices/GW-1/telemetry')).toBeNull();
    expect(published).toHaveLength(1);
    expect(published[0].topic).toBe('devices/GW-1/errors');
    expect(JSON.parse(published[0].payload)).toMatchObject({ error: 'unknown_unit', topic: 'devices/GW-1/telemetry' });
    expect(await metric(metrics, 'telemetry_validation_failures_total')).toEqual(['telemetry_validation_failures_total{reason="unknown_unit"} 1']);
  });

  it('does not acknowledge when the spool is full', async () => {
    const { publish, metrics } = setup(async () => Promise.reject(new SpoolFullError(10, 10)));
    expect(await publish('devices/GW-1/telemetry')).toBeInstanceOf(SpoolFullError);
    expect(await metric(metrics, 'mqtt_messages_total')).toEqual(['mqtt_messages_total{result="spool_full"} 1']);
  });

  it('drops a last will aimed at the telemetry topic instead of taking its readings', async () => {
    const { publish, client, calls } = setup(async () => ({ ok: true, accepted: 1 }));
    client.closed = true;
    expect(await publish('devices/GW-1/telemetry', '{"sensor":"A","value":1}')).toBeInstanceOf(Error);
    expect(calls()).toBe(0);
  });
});
