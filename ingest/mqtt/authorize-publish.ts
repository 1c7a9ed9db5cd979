import type { AedesOptions, Aedes } from 'aedes';
import type { Logger } from 'pino';
import type { Metrics } from '../../platform/metrics.ts';
import type { TelemetryIntake } from '../readings/telemetry-intake.ts';
import { deviceOf } from './mqtt-clients.ts';
import { errorsTopic, isOwnTopic, telemetryTopic } from './device-topics.ts';
import { SinkFullError } from '../ports.ts';

/**
 * PUBLISH. An ACL violation is an error (aedes then closes the connection). A bad payload is not: the device
 * gets the reason on its errors topic and stays connected. Telemetry is made durable (spooled) before the
 * callback, so the PUBACK of a QoS 1 message means the readings survive a crash of this process.
 */
export function authorizePublishHandler(getBroker: () => Aedes, intake: TelemetryIntake, metrics: Metrics, log: Logger): NonNullable<AedesOptions['authorizePublish']> {
  return (client, packet, done) => {
    const device = deviceOf(client);
    if (packet.topic.startsWith('$SYS')) {
      metrics.aclRefusals.inc({ action: 'publish', reason: 'sys_topic' });
      log.warn({ device: device?.code, topic: packet.topic }, 'MQTT publish to $SYS refused');
      return done(new Error('$SYS is reserved'));
    }
    if (!device || !isOwnTopic(device.code, packet.topic)) {
      metrics.aclRefusals.inc({ action: 'publish', reason: 'foreign_topic' });
      log.warn({ device: device?.code, topic: packet.topic }, 'MQTT publish to a foreign topic refused');
      return done(new Error('not authorized for this topic'));
    }
    if (packet.topic !== telemetryTopic(device.code)) return done(null);
    if (client?.closed) {
      // Only a last will is published for a closed client; readings in it would revive a gateway that just left.
      log.warn({ device: device.code }, 'MQTT last will on the telemetry topic dropped');
      return done(new Error('a last will cannot carry telemetry'));
    }

    packet.retain = false; // telemetry is history, never a retained message
    const payload = Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload);
    intake.accept(device, payload, new Date()).then(
      (result) => {
        if (result.ok) {
          metrics.mqttMessages.inc({ result: 'accepted' });
          metrics.readingsAccepted.inc(result.accepted);
          return done(null);
        }
        metrics.mqttMessages.inc({ result: result.error });
        metrics.validationFailures.inc({ reason: result.error });
        log.warn({ device: device.code, error: result.error, message: result.message }, 'MQTT telemetry rejected');
        const report = { error: result.error, message: result.message, details: result.details, topic: packet.topic, at: new Date().toISOString() };
        getBroker().publish(
          { cmd: 'publish', topic: errorsTopic(device.code), payload: Buffer.from(JSON.stringify(report)), qos: 0, retain: false, dup: false },
          () => done(null),
        );
      },
      (err: Error) => {
        // Not acknowledged: the error closes the connection and the gateway resends after reconnecting.
        if (err instanceof SinkFullError) {
          metrics.mqttMessages.inc({ result: 'spool_full' });
          log.error({ device: device.code, bytes: err.bytes, maxBytes: err.maxBytes }, 'MQTT telemetry refused: spool full, InfluxDB not keeping up');
        } else {
          metrics.mqttMessages.inc({ result: 'internal_error' });
          log.error({ err, device: device.code }, 'MQTT telemetry intake failed');
        }
        done(err);
      },
    );
  };
}
