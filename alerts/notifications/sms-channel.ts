import type { Logger } from 'pino';
import type { AlarmNotification, NotificationChannel } from './notification-channel.ts';

/** A short-message gateway (Aliyun, Tencent Cloud, a carrier's SMGP...): one adapter per provider. */
export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

/** The default provider: writes the message to the log, so a site without an SMS contract still sees what would go out. */
export class LoggingSmsProvider implements SmsProvider {
  constructor(private readonly log: Logger) {}

  async send(phone: string, text: string): Promise<void> {
    this.log.info({ phone, text }, 'SMS (logging provider, not sent)');
  }
}

export class SmsChannel implements NotificationChannel {
  constructor(private readonly provider: SmsProvider) {}

  send(target: string, notification: AlarmNotification): Promise<void> {
    return this.provider.send(target, notification.text);
  }
}
