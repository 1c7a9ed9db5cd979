import type { TelemetryStoreSpec } from '../../platform/influx/influx-connection.ts';

// Measurements are tagged by entity ids only (bounded cardinality); values and times are never tags.
export const MEASUREMENT_READING = 'reading';
export const MEASUREMENT_POSITION = 'position';

export function telemetryStores(retention: { sensorRetentionDays: number; trackRetentionDays: number }) {
  return {
    sensor: { rp: 'sensor', retentionDays: retention.sensorRetentionDays } satisfies TelemetryStoreSpec,
    track: { rp: 'track', retentionDays: retention.trackRetentionDays } satisfies TelemetryStoreSpec,
  };
}
