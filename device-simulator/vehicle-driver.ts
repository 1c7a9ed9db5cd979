import type { DemoVehicle } from '../seeds/demo-park.ts';
import { SimulatedTerminal } from './jt808-terminal.ts';
import { answerVideoRequests } from './jt1078-camera.ts';

const EARTH_M_PER_DEG_LAT = 111_320;

/** Drives one demo truck around its route loop, reporting every few seconds and heartbeating in between. */
export class VehicleDriver {
  private readonly terminal: SimulatedTerminal;
  private timer: NodeJS.Timeout | null = null;
  private leg = 0;
  private progressM = 0;
  private tick = 0;
  private video: { stopAll(): void } | null = null;

  constructor(
    private readonly vehicle: DemoVehicle,
    private readonly intervalMs = 3000,
  ) {
    this.terminal = new SimulatedTerminal(vehicle.terminalPhone, vehicle.plate);
  }

  async start(port: number): Promise<void> {
    await this.terminal.connect(port);
    // The demo's trucks answer 0x9101 with an ffmpeg test pattern, so the wall shows truck video.
    this.video = answerVideoRequests(this.terminal);
    const result = await this.terminal.register();
    if (result !== 0) throw new Error(`demo terminal ${this.vehicle.terminalPhone} not registered (0x8100 result ${result})`);
    if ((await this.terminal.authenticate()) !== 0) throw new Error(`demo terminal ${this.vehicle.terminalPhone} authentication refused`);
    this.timer = setInterval(() => void this.step().catch(() => undefined), this.intervalMs);
    await this.step();
  }

  private async step() {
    this.tick++;
    const route = this.vehicle.route;
    const [aLat, aLon] = route[this.leg];
    const [bLat, bLon] = route[(this.leg + 1) % route.length];
    const dy = (bLat - aLat) * EARTH_M_PER_DEG_LAT;
    const dx = (bLon - aLon) * EARTH_M_PER_DEG_LAT * Math.cos((aLat * Math.PI) / 180);
    const legM = Math.hypot(dx, dy);
    const speed = this.vehicle.speedKmh * (0.85 + 0.3 * Math.random());
    this.progressM += (speed / 3.6) * (this.intervalMs / 1000);
    if (this.progressM >= legM) {
      this.progressM -= legM;
      this.leg = (this.leg + 1) % route.length;
    }
    const f = Math.min(1, this.progressM / legM);
    const direction = (Math.atan2(dx, dy) * 180) / Math.PI;
    await this.terminal.report({ lat: aLat + (bLat - aLat) * f, lon: aLon + (bLon - aLon) * f, speedKmh: Math.round(speed * 10) / 10, direction: (direction + 360) % 360 });
    if (this.tick % 10 === 0) await this.terminal.heartbeat();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.video?.stopAll();
    this.terminal.close();
  }
}
