/** Topic layout of the public MQTT contract. */
export const telemetryTopic = (deviceCode: string) => `devices/${deviceCode}/telemetry`;
export const errorsTopic = (deviceCode: string) => `devices/${deviceCode}/errors`;

/** A device may touch only topics (or filters) under its own `devices/{code}/`; wildcards are allowed below that prefix only. */
export function isOwnTopic(deviceCode: string, topic: string): boolean {
  const prefix = `devices/${deviceCode}/`;
  return topic.startsWith(prefix) && topic.length > prefix.length;
}
