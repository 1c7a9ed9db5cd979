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
  unit: z.string().min(1).max(16).optional(),
});

const batch = z.object({
  ts: timestamp.optional(),
  readings: z.array(reading).min(1).max(5000),
});

/** The contract as zod schemas; the parser's fast path must never accept what these refuse, nor read it differently. */
export const telemetrySchemas = { reading, batch };

export const MAX_PAYLOAD_BYTES = 256 * 1024;

export interface ParsedReading {
  sensor: string;
  value: number;
  ts: Date;
  quality: 'good' | 'fault';
  /** The unit the gateway measured in, when it differs from the sensor's; converted at intake. */
  unit?: string;
}

export type PayloadResult =
  | { ok: true; readings: ParsedReading[] }
  | { ok: false; error: 'oversize' | 'malformed_json' | 'schema' | 'non_finite'; message: string; details?: Array<{ path: string; message: string }> };

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
  const plain = isBatch ? plainBatch(json as { ts?: unknown; readings: unknown }, receivedAt) : plainReading(json, receivedAt);
  if (plain) return { ok: true, readings: plain };
  const parsed = isBatch ? batch.safeParse(json) : reading.safeParse(json);
  if (!parsed.success) {
    // JSON has no NaN, but 1e999 parses to Infinity (which the schema refuses): name that case rather than a generic schema failure.
    const values = isBatch ? (Array.isArray((json as { readings: unknown }).readings) ? (json as { readings: unknown[] }).readings : []) : [json];
    const nonFinite = values.findIndex((r) => typeof r === 'object' && r !== null && typeof (r as { value?: unknown }).value === 'number' && !Number.isFinite((r as { value: number }).value));
    if (nonFinite >= 0) {
      return { ok: false, error: 'non_finite', message: 'value must be a finite number', details: [{ path: isBatch ? `readings.${nonFinite}.value` : 'value', message: 'not finite' }] };
    }
    return {
      ok: false,
      error: 'schema',
      message: isBatch ? 'batch does not match {ts?, readings:[{sensor, value, ts?, quality?, unit?}]}' : 'reading does not match {sensor, value, ts?, quality?, unit?}',
      details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    };
  }
  const defaultTs = 'readings' in parsed.data && parsed.data.ts !== undefined ? toDate(parsed.data.ts) : receivedAt;
  const list = 'readings' in parsed.data ? parsed.data.readings : [parsed.data];
  const readings = new Array<ParsedReading>(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = list[i];
    readings[i] = { sensor: r.sensor, value: r.value, ts: r.ts !== undefined ? toDate(r.ts) : defaultTs, quality: r.quality ?? 'good', unit: r.unit };
  }
  return { ok: true, readings };
}

/*
 * Fast path for the common message: epoch-ms timestamps (or none) and every field plainly within the schema.
 * It vouches only for what the schema certainly accepts and reads it the same way; anything else (ISO-8601
 * strings, any doubt) goes through zod, which stays the contract and names the fault. zod's per-field
 * bookkeeping was the largest allocation per reading on the ingest path.
 */
const epochMs = (ts: unknown) => typeof ts === 'number' && Number.isSafeInteger(ts) && ts >= 0;

function plainItem(r: unknown, defaultTs: Date): ParsedReading | null {
  if (typeof r !== 'object' || r === null || Array.isArray(r)) return null;
  const { sensor, value, ts, quality, unit } = r as Record<string, unknown>;
  if (typeof sensor !== 'string' || sensor.length < 1 || sensor.length > 64) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  if (ts !== undefined && !epochMs(ts)) return null;
  if (quality !== undefined && quality !== 'good' && quality !== 'fault') return null;
  if (unit !== undefined && (typeof unit !== 'string' || unit.length < 1 || unit.length > 16)) return null;
  return { sensor, value, ts: ts === undefined ? defaultTs : new Date(ts as number), quality: quality ?? 'good', unit };
}

function plainReading(json: unknown, receivedAt: Date): ParsedReading[] | null {
  const r = plainItem(json, receivedAt);
  return r && [r];
}

function plainBatch(json: { ts?: unknown; readings: unknown }, receivedAt: Date): ParsedReading[] | null {
  const list = json.readings;
  if (Array.isArray(json) || !Array.isArray(list) || list.length < 1 || list.length > 5000) return null;
  if (json.ts !== undefined && !epochMs(json.ts)) return null;
  const defaultTs = json.ts === undefined ? receivedAt : new Date(json.ts as number);
  const readings = new Array<ParsedReading>(list.length);
  for (let i = 0; i < list.length; i++) {
    const r = plainItem(list[i], defaultTs);
    if (!r) return null;
    readings[i] = r;
  }
  return readings;
}
