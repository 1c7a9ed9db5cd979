import { z } from 'zod';

/** Public MQTT contract: `devices/{deviceCode}/telemetry`, a single reading or a batch. */
const timestamp = z.union([
  z.number().int().nonnegative(),
  z.iso.datetime({ offset: true, local: false }),
]);

const reading = z.object({
  sensor: z.string().min(1).max(64),
  value: z.number(),
  ts: timestamp.optional(),
  quality: z.enum(['good', 'fault']).optional(),
});

const batch = z.object({
  ts: timestamp.optional(),
  readings: z.array(reading).min(1).max(5000),
});

export const MAX_PAYLOAD_BYTES = 256 * 1024;

export interface ParsedReading {
  sensor: string;
  value: number;
  ts: Date;
  quality: 'good' | 'fault';
}

export type PayloadResult =
  | { ok: true; readings: ParsedReading[] }
  | { ok: false; error: 'oversize' | 'malformed_json' | 'schema'; message: string; details?: Array<{ path: string; message: string }> };

const toDate = (ts: number | string) => (typeof ts === 'number' ? new Date(ts) : new Date(ts));

export function parseTelemetryPayload(payload: Buffer, receivedAt: Date): PayloadResult {
  if (payload.length > MAX_PAYLOAD_BYTES) {
    return { ok: false, error: 'oversize', message: `payload is ${payload.length} bytes, the limit is ${MAX_PAYLOAD_BYTES}` };
  }
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (err) {
    return { ok: false, error: 'malformed_json', message: `payload is not valid JSON: ${(err as Error).message}` };
  }
  const isBatch = typeof json === 'object' && json !== null && 'readings' in json;
  const parsed = isBatch ? batch.safeParse(json) : reading.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      error: 'schema',
      message: isBatch ? 'batch does not match {ts?, readings:[{sensor, value, ts?, quality?}]}' : 'reading does not match {sensor, value, ts?, quality?}',
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const defaultTs = 'readings' in parsed.data && parsed.data.ts !== undefined ? toDate(parsed.data.ts) : receivedAt;
  const list = 'readings' in parsed.data ? parsed.data.readings : [parsed.data];
  return {
    ok: true,
    readings: list.map((r) => ({ sensor: r.sensor, value: r.value, ts: r.ts !== undefined ? toDate(r.ts) : defaultTs, quality: r.quality ?? 'good' })),
  };
}
