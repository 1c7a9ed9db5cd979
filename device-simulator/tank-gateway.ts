import mqtt, { type MqttClient } from 'mqtt';
import type { DemoEnterprise } from '../seeds/demo-park.ts';

/**
 * One enterprise's MQTT gateway publishing its tank sensors as batches. Values drift around their base;
 * now and then one level climbs past its high threshold and falls back, so the wall shows alarms rising and clearing.
 */
export class SimulatedTankGateway {
  private client: MqttClient | null = null;
  private timer: NodeJS.Timeout | null = null;
  private tick = 0;
  published = 0;

  constructor(
    private readonly enterprise: DemoEnterprise,
    private readonly intervalMs = 5000,
    private readonly excursionEveryTicks = 36,
    /** Staggers gateways so their excursions do not all happen at once. */
    startTick = 0,
  ) {
    this.tick = startTick;
  }

  async start(mqttUrl: string): Promise<void> {
    const { device } = this.enterprise;
    const status = this.statusTopic;
    // Like a real gateway: a retained 'online' on connect, and a retained 'offline' last will if it drops.
    this.client = await mqtt.connectAsync(mqttUrl, {
      username: device.code,
      password: device.secret,
      clientId: `${device.code}-sim`,
      reconnectPeriod: 2000,
      will: { topic: status, payload: Buffer.from('offline'), qos: 1, retain: true },
    });
    this.client.on('connect', () => void this.client?.publishAsync(status, 'online', { qos: 1, retain: true }).catch(() => undefined));
    await this.client.publishAsync(status, 'online', { qos: 1, retain: true });
    const publish = () => {
      this.tick++;
      void this.client?.publishAsync(`devices/${device.code}/telemetry`, JSON.stringify({ ts: Date.now(), readings: this.readings() }), { qos: 1 }).then(
        () => this.published++,
        () => undefined,
      );
    };
    publish();
    this.timer = setInterval(publish, this.intervalMs);
  }

  private readings() {
    const excursionTank = Math.floor(this.tick / this.excursionEveryTicks) % this.enterprise.tanks.length;
    const phase = this.tick % this.excursionEveryTicks;
    return this.enterprise.tanks.flatMap((tank, ti) =>
      tank.sensors.map((s, si) => {
        let value = s.base + s.swing * Math.sin((this.tick + ti * 7 + si * 3) / 10) + (Math.random() - 0.5) * s.swing * 0.1;
        // A slow climb past the high threshold and back, on one level sensor at a time.
        if (s.kind === 'level' && ti === excursionTank && s.high !== undefined && phase >= 6 && phase < 18) {
          value = s.high + s.deadband + Math.min(phase - 6, 18 - phase) * 0.15;
        }
        // Real transmitters clamp to their range; an out-of-range value would be a sensor fault.
        value = Math.min(s.rangeMax, Math.max(s.rangeMin, value));
        return { sensor: s.code, value: Math.round(value * 100) / 100 };
      }),
    );
  }

  private get statusTopic(): string {
    return `devices/${this.enterprise.device.code}/status`;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A clean disconnect sends no will, so say it.
    await this.client?.publishAsync(this.statusTopic, 'offline', { qos: 1, retain: true }).catch(() => undefined);
    await this.client?.endAsync();
    this.client = null;
  }
}
