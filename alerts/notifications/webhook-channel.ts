import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { AlarmNotification, NotificationChannel } from './notification-channel.ts';
import { isBlockedAddress, WebhookTargetPolicy } from './webhook-target.ts';

/**
 * JSON POST of the notification to the subscription's URL; anything but a 2xx answer is a failed attempt. Redirects
 * are not followed (they could lead to a blocked address), and the address connected to is checked against the policy.
 */
export class WebhookChannel implements NotificationChannel {
  constructor(
    private readonly policy = new WebhookTargetPolicy(),
    private readonly timeoutMs = 10_000,
  ) {}

  async send(target: string, notification: AlarmNotification): Promise<void> {
    const url = new URL(target);
    const allowed = this.policy.allows(url.hostname);
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    // Node connects to an IP literal without calling lookup, so it is checked here.
    if (!allowed && isIP(literal) && isBlockedAddress(literal)) throw new Error(`webhook target ${literal} is a blocked address`);
    const body = JSON.stringify(notification);
    const status = await new Promise<number>((resolve, reject) => {
      const req = (url.protocol === 'https:' ? https : http).request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          lookup: allowed ? undefined : this.policy.connectLookup,
          signal: AbortSignal.timeout(this.timeoutMs),
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    if (status < 200 || status > 299) throw new Error(`webhook answered ${status}`);
  }
}
