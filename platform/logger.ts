import pino, { type Logger } from 'pino';

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'hazwatch' }, timestamp: pino.stdTimeFunctions.isoTime });
}
