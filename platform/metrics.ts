import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per running system, so tests can run several side by side. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    mqttConnections: new Counter({ name: 'mqtt_connections_total', help: 'MQTT connection attempts by result', labelNames: ['result'], registers: [registry] }),
    mqttMessages: new Counter({ name: 'mqtt_messages_total', help: 'MQTT telemetry messages by result', labelNames: ['result'], registers: [registry] }),
    readingsAccepted: new Counter({ name: 'readings_accepted_total', help: 'Sensor readings accepted', registers: [registry] }),
    aclRefusals: new Counter({ name: 'mqtt_acl_refusals_total', help: 'MQTT publish/subscribe refusals by reason', labelNames: ['action', 'reason'], registers: [registry] }),
    jt808Frames: new Counter({ name: 'jt808_frames_total', help: 'JT/T 808 frames by message id and result', labelNames: ['msg', 'result'], registers: [registry] }),
    jt808Quirks: new Counter({ name: 'jt808_quirks_total', help: 'JT/T 808 frames taken despite a known terminal quirk, by kind', labelNames: ['kind'], registers: [registry] }),
    jt808AttemptsRefused: new Counter({ name: 'jt808_attempts_refused_total', help: 'JT/T 808 registrations (0x0100) and authentications (0x0102) refused, by reason', labelNames: ['msg', 'reason'], registers: [registry] }),
    jt808IdentityConflicts: new Counter({ name: 'jt808_identity_conflicts_total', help: 'JT/T 808 terminal identity conflicts raised as alarms, by kind', labelNames: ['kind'], registers: [registry] }),
    jt808Sessions: new Gauge({ name: 'jt808_sessions', help: 'Open JT/T 808 connections', registers: [registry] }),
    jt808PositionTimeOutOfRange: new Counter({ name: 'jt808_position_time_out_of_range_total', help: 'JT/T 808 positions whose device time lies outside the retention window or ahead of the receive time (live: stored on the receive time; reupload: refused)', labelNames: ['kind', 'verdict'], registers: [registry] }),
    positionsAccepted: new Counter({ name: 'positions_accepted_total', help: 'Vehicle positions accepted', labelNames: ['kind'], registers: [registry] }),
    alarms: new Counter({ name: 'alarm_changes_total', help: 'Alarm changes by action and type', labelNames: ['action', 'type'], registers: [registry] }),
    mqttConnected: new Gauge({ name: 'mqtt_connected_clients', help: 'MQTT clients connected now', registers: [registry] }),
    validationFailures: new Counter({ name: 'telemetry_validation_failures_total', help: 'Rejected telemetry messages by reason', labelNames: ['reason'], registers: [registry] }),
    influxWriteSeconds: new Histogram({ name: 'influx_write_seconds', help: 'InfluxDB batch write latency', labelNames: ['store'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] }),
    influxWriteBatchLines: new Histogram({ name: 'influx_write_batch_lines', help: 'Lines per InfluxDB write', labelNames: ['store'], buckets: [1, 10, 100, 500, 1000, 2500, 5000], registers: [registry] }),
    influxWriteFailures: new Counter({ name: 'influx_write_failures_total', help: 'Failed InfluxDB batch writes (the batch stays spooled)', labelNames: ['store'], registers: [registry] }),
    influxPointsRejected: new Counter({ name: 'influx_points_rejected_total', help: 'Points InfluxDB refused for good (e.g. beyond retention), kept in the dead-letter file', labelNames: ['store'], registers: [registry] }),
    influxWriteLagSeconds: new Gauge({ name: 'influx_write_lag_seconds', help: 'Age of the oldest accepted record not yet in InfluxDB', labelNames: ['store'], registers: [registry] }),
    spoolRecords: new Gauge({ name: 'telemetry_spool_records', help: 'Records in the on-disk spool not yet in InfluxDB', labelNames: ['store'], registers: [registry] }),
    videoRefused: new Counter({ name: 'video_refused_total', help: 'Video publishes and plays refused, by reason (unknown_key, camera_disabled, flv_publish, ws_publish, rtmp_play, unsigned, bad_signature, expired, foreign, replayed, unknown_stream, out_of_scope)', labelNames: ['reason'], registers: [registry] }),
    videoViewersDropped: new Counter({ name: 'video_viewers_dropped_total', help: 'Video viewers dropped because they held too much unsent data', registers: [registry] }),
    videoStreamsLive: new Gauge({ name: 'video_streams_live', help: 'Video streams being published now', registers: [registry] }),
    videoRelayRestarts: new Counter({ name: 'video_relay_restarts_total', help: 'RTSP relay ffmpeg processes restarted after they ended', registers: [registry] }),
    jt1078Packets: new Counter({ name: 'jt1078_packets_total', help: 'JT/T 1078 media packets by result (ok, malformed, unmatched)', labelNames: ['result'], registers: [registry] }),
    jt1078Frames: new Counter({ name: 'jt1078_frames_total', help: 'H.264 access units reassembled from JT/T 1078 packets', registers: [registry] }),
    jt808AvMessages: new Counter({ name: 'jt808_av_messages_total', help: 'JT/T 1078 messages from terminals over JT/T 808 (0x1003, 0x1005, 0x9105), by message id', labelNames: ['msg'], registers: [registry] }),
    liveTicksSkipped: new Counter({ name: 'live_ticks_skipped_total', help: 'Wall clients that skipped a tick of readings and positions because they were still receiving the previous one', registers: [registry] }),
    spoolBytes: new Gauge({ name: 'telemetry_spool_bytes', help: 'Bytes held by the on-disk spool', labelNames: ['store'], registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
