import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, parseTelemetryPayload, telemetrySchemas } from '../../../ingest/readings/telemetry-payload.ts';

const now = new Date('2026-11-23T08:00:00Z');
const parse = (v: unknown) => parseTelemetryPayload(Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)), now);

describe('MQTT telemetry payload contract', () => {
  it('accepts a single reading and stamps it with the receive time when ts is absent', () => {
    expect(parse({ sensor: 'LT1', value: 3.2 })).toEqual({ ok: true, readings: [{ sensor: 'LT1', value: 3.2, ts: now, quality: 'good' }] });
  });

  it('accepts a batch; reading ts beats batch ts beats receive time; epoch ms and ISO-8601 both work', () => {
    const result = parse({
      ts: '2026-11-23T15:00:00+08:00',
      readings: [{ sensor: 'a', value: 1 }, { sensor: 'b', value: 2, ts: 1795392000000, quality: 'fault' }],
    });
    expect(result).toEqual({
      ok: true,
      readings: [
        { sensor: 'a', value: 1, ts: new Date('2026-11-23T07:00:00Z'), quality: 'good' },
        { sensor: 'b', value: 2, ts: new Date(1795392000000), quality: 'fault' },
      ],
    });
  });

  it.each([
    ['malformed JSON', '{"sensor": "a", ', 'malformed_json'],
    ['a string value', { sensor: 'a', value: '3' }, 'schema'],
    ['a non-finite value', '{"sensor":"a","value":1e999}', 'non_finite'],
    ['a non-finite value in a batch', '{"readings":[{"sensor":"a","value":1},{"sensor":"b","value":-1e999}]}', 'non_finite'],
    ['a missing sensor', { value: 1 }, 'schema'],
    ['an empty batch', { readings: [] }, 'schema'],
    ['an unknown quality', { sensor: 'a', value: 1, quality: 'great' }, 'schema'],
    ['a timestamp without zone', { sensor: 'a', value: 1, ts: '2026-11-23T08:00:00' }, 'schema'],
    ['a JSON array', [1, 2], 'schema'],
  ])('rejects %s with a specific error', (_name, payload, error) => {
    const result = parse(payload);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ error });
  });

  it('names the failing field', () => {
    expect(parse({ readings: [{ sensor: 'a', value: 1 }, { sensor: 'b' }] })).toMatchObject({
      ok: false,
      details: [{ path: 'readings.1.value' }],
    });
  });

  it('refuses oversize payloads before parsing them', () => {
    expect(parseTelemetryPayload(Buffer.alloc(MAX_PAYLOAD_BYTES + 1, 0x20), now)).toMatchObject({ ok: false, error: 'oversize' });
  });

  it('reads every message exactly as the zod schema does, accepting only what it accepts', () => {
    const items: unknown[] = [
      { sensor: 'a', value: 1 },
      { sensor: 'a', value: -0.5, ts: 0, quality: 'fault', unit: 'kPa', extra: true },
      { sensor: 'a', value: 1, ts: '2026-11-23T15:00:00+08:00' },
      { sensor: 'a', value: 1, ts: 2 ** 53 - 1 },
      { sensor: 'x'.repeat(64), value: 1, unit: 'x'.repeat(16) },
      { sensor: 'x'.repeat(65), value: 1 },
      { sensor: '', value: 1 },
      { sensor: 'a', value: 1, unit: '' },
      { sensor: 'a', value: 1, unit: 'x'.repeat(17) },
      { sensor: 'a', value: 1, ts: -1 },
      { sensor: 'a', value: 1, ts: 1.5 },
      { sensor: 'a', value: 1, ts: 2 ** 53 },
      { sensor: 'a', value: 1, ts: null },
      { sensor: 'a', value: 1, quality: null },
      { sensor: 'a', value: 1, quality: 'Good' },
      { sensor: 'a', value: '1' },
      { sensor: 1, value: 1 },
      [{ sensor: 'a', value: 1 }],
      null,
      5,
    ];
    const batchTs: unknown[] = [undefined, 1795392000000, '2026-11-23T15:00:00+08:00', -5, null];
    const payloads = [
      ...items,
      ...items.flatMap((item) => batchTs.map((ts) => ({ ts, readings: [{ sensor: 'ok', value: 2 }, item] }))),
      { readings: [] },
      { readings: Array.from({ length: 5001 }, () => ({ sensor: 'a', value: 1 })) },
      { readings: {} },
    ];
    for (const payload of payloads) {
      const isBatch = typeof payload === 'object' && payload !== null && 'readings' in payload;
      const schema = isBatch ? telemetrySchemas.batch.safeParse(payload) : telemetrySchemas.reading.safeParse(payload);
      const result = parse(payload);
      if (!schema.success) {
        expect(result, JSON.stringify(payload)).toMatchObject({ ok: false, error: 'schema' });
        continue;
      }
      const data = schema.data as { ts?: number | string; readings?: Array<Record<string, unknown>> } & Record<string, unknown>;
      const fallback = isBatch && data.ts !== undefined ? new Date(data.ts) : now;
      const expected = (isBatch ? data.readings! : [data]).map((r) => ({ sensor: r.sensor, value: r.value, ts: r.ts !== undefined ? new Date(r.ts as number | string) : fallback, quality: r.quality ?? 'good', unit: r.unit }));
      expect(result, JSON.stringify(payload)).toEqual({ ok: true, readings: expected });
    }
  });
});
