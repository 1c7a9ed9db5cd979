import type { StoreBacklog } from './telemetry-writer.ts';

/** /healthz view of the sensor spool: degraded once it is nearly full, since new QoS 1 messages are then refused. */
export function spoolHealth(b: StoreBacklog): { ok: boolean; detail: string } {
  const usedPct = b.maxBytes > 0 ? (100 * b.bytes) / b.maxBytes : 0;
  const detail = `depth ${b.records} readings, ${b.bytes} of ${b.maxBytes} bytes (${usedPct.toFixed(1)}%), write lag ${b.lagSeconds.toFixed(1)} s${b.writeFailing ? ', InfluxDB writes failing' : ''}`;
  return { ok: usedPct < 90, detail };
}
