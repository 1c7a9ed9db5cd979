import type { AedesOptions, AuthenticateError } from 'aedes';
import type { Logger } from 'pino';
import type { DeviceDirectory } from '../ports.ts';
import type { Metrics } from '../../platform/metrics.ts';
import { attachDevice } from './mqtt-clients.ts';

const BAD_USERNAME_OR_PASSWORD = 4;
const NOT_AUTHORIZED = 5;

const refusal = (message: string, returnCode: number) => Object.assign(new Error(message), { returnCode }) as AuthenticateError;

/** CONNECT: username = device code, password = device secret. Anonymous, unknown, wrong and disabled are refused. */
export function authenticateHandler(directory: DeviceDirectory, metrics: Metrics, log: Logger): NonNullable<AedesOptions['authenticate']> {
  return (client, username, password, done) => {
    const ip = client.conn && 'remoteAddress' in client.conn ? client.conn.remoteAddress : undefined;
    const refuse = (reason: string, code: number) => {
      metrics.mqttConnections.inc({ result: reason });
      log.warn({ clientId: client.id, username, ip, reason }, 'MQTT connection refused');
      done(refusal(reason, code), false);
    };
    if (!username || !password) return refuse('anonymous', NOT_AUTHORIZED);
    directory.authenticateDevice(username, password.toString('utf8')).then(
      (result) => {
        if (!result.ok) return refuse(result.reason, result.reason === 'disabled' ? NOT_AUTHORIZED : BAD_USERNAME_OR_PASSWORD);
        attachDevice(client, result.device, password.toString('utf8'));
        metrics.mqttConnections.inc({ result: 'accepted' });
        log.info({ clientId: client.id, device: username, ip }, 'MQTT device connected');
        done(null, true);
      },
      (err: Error) => {
        log.error({ err, username }, 'MQTT authentication failed on registry lookup');
        done(refusal('server unavailable', 3), false);
      },
    );
  };
}
