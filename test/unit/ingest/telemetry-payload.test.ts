import { describe, expect, it } from 'vitest';
import { MAX_PAYLOAD_BYTES, parseTelemetryPayload } from '../../../ingest/readings/telemetry-payload.ts';

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
});
