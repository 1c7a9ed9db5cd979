import type { Alarm } from '../alarm-store.ts';

/** What one subscription is told about one alarm event. */
export interface AlarmNotification {
  event: string;
  cursor: number;
  at: string;
  text: string;
  alarm: Alarm;
}

/** A way out of the platform (webhook, SMS, ...). send() throws when the attempt failed, so the outbox retries it. */
export interface NotificationChannel {
  send(target: string, notification: AlarmNotification): Promise<void>;
}
