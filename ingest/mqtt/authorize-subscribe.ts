import type { AedesOptions } from 'aedes';
import type { Logger } from 'pino';
import type { Metrics } from '../../platform/metrics.ts';
import { deviceOf } from './mqtt-clients.ts';
import { isOwnTopic } from './device-topics.ts';

/** SUBSCRIBE: a device subscribes only under its own topics; anything else gets SUBACK 128. */
export function authorizeSubscribeHandler(metrics: Metrics, log: Logger): NonNullable<AedesOptions['authorizeSubscribe']> {
  return (client, sub, done) => {
    const device = deviceOf(client);
    if (device && isOwnTopic(device.code, sub.topic)) return done(null, sub);
    metrics.aclRefusals.inc({ action: 'subscribe', reason: 'foreign_topic' });
    log.warn({ device: device?.code, topic: sub.topic }, 'MQTT subscription refused');
    done(null, null);
  };
}
