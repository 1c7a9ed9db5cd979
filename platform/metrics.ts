import { Counter, Gauge, Registry, collectDefaultMetrics } from 'prom-client';

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
    jt808Sessions: new Gauge({ name: 'jt808_sessions', help: 'Open JT/T 808 connections', registers: [registry] }),
    positionsAccepted: new Counter({ name: 'positions_accepted_total', help: 'Vehicle positions accepted', labelNames: ['kind'], registers: [registry] }),
    alarms: new Counter({ name: 'alarm_changes_total', help: 'Alarm changes by action and type', labelNames: ['action', 'type'], registers: [registry] }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
