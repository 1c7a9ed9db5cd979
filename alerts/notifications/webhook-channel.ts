import type { AlarmNotification, NotificationChannel } from './notification-channel.ts';

/** JSON POST of the notification to the subscription's URL; anything but a 2xx answer is a failed attempt. */
export class WebhookChannel implements NotificationChannel {
  constructor(private readonly timeoutMs = 10_000) {}

  async send(target: string, notification: AlarmNotification): Promise<void> {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(notification),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    await res.body?.cancel();
    if (!res.ok) throw new Error(`webhook answered ${res.status}`);
  }
}
