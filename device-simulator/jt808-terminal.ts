import net from 'node:net';
import { once } from 'node:events';
import {
  decodeFrame,
  decodeGeneralResponse,
  decodeRegisterReply,
  encodeAuthenticate,
  encodeFrame,
  encodeLocation,
  encodeRegister,
  FrameSplitter,
  MsgId,
  type Jt808Frame,
} from '../ingest/jt808/codec/index.ts';

export interface FixInput {
  lat: number;
  lon: number;
  speedKmh: number;
  direction: number;
  time?: Date;
  sos?: boolean;
  fixed?: boolean;
}

/** A JT/T 808 (2013) terminal over a real TCP socket: register, authenticate, heartbeat, report positions. */
export class SimulatedTerminal {
  private socket: net.Socket | null = null;
  private serial = 0;
  private readonly splitter = new FrameSplitter();
  private readonly waiters: Array<{ match: (f: Jt808Frame) => boolean; resolve: (f: Jt808Frame) => void }> = [];
  readonly received: Jt808Frame[] = [];
  authCode: string | null = null;

  constructor(
    readonly phone: string,
    readonly plate: string,
  ) {}

  async connect(port: number, host = '127.0.0.1'): Promise<void> {
    const socket = net.connect(port, host);
    socket.on('data', (chunk) => {
      for (const raw of this.splitter.push(chunk)) {
        try {
          this.dispatch(decodeFrame(raw));
        } catch {
          // the platform never sends a bad frame; ignore rather than crash a simulator
        }
      }
    });
    socket.on('error', () => undefined);
    await once(socket, 'connect');
    this.socket = socket;
  }

  private dispatch(frame: Jt808Frame) {
    this.received.push(frame);
    const i = this.waiters.findIndex((w) => w.match(frame));
    if (i >= 0) this.waiters.splice(i, 1)[0].resolve(frame);
  }

  /** Resolves with the next platform frame that matches; rejects after timeoutMs. */
  waitFor(match: (f: Jt808Frame) => boolean, timeoutMs = 10_000): Promise<Jt808Frame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`terminal ${this.phone}: no matching platform frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ match, resolve: (f) => (clearTimeout(timer), resolve(f)) });
    });
  }

  sendRaw(bytes: Buffer): void {
    this.socket?.write(bytes);
  }

  /** Sends one message; returns the serial used. */
  send(msgId: number, body: Buffer): number {
    const serial = this.serial;
    this.serial = (this.serial + 1) & 0xffff;
    this.sendRaw(encodeFrame({ msgId, encryption: 0, subpackage: false, is2019: false, phone: this.phone.padStart(12, '0'), serial }, body));
    return serial;
  }

  /** Sends a message and waits for the platform's 0x8001 answer to it; returns its result code. */
  async request(msgId: number, body: Buffer): Promise<number> {
    const serial = this.send(msgId, body);
    const reply = await this.waitFor((f) => f.header.msgId === MsgId.PlatformResponse && decodeGeneralResponse(f.body).replySerial === serial);
    return decodeGeneralResponse(reply.body).result;
  }

  async register(): Promise<number> {
    const serial = this.send(
      MsgId.Register,
      encodeRegister({ edition: '2013', provinceId: 32, cityId: 100, makerId: 'SIM01', model: 'HAZWATCH-SIM', terminalId: 'T' + this.phone.slice(-6), plateColor: 2, plate: this.plate }),
    );
    const reply = decodeRegisterReply((await this.waitFor((f) => f.header.msgId === MsgId.RegisterReply)).body);
    if (reply.replySerial !== serial) throw new Error('0x8100 answers another serial');
    if (reply.result === 0) this.authCode = reply.authCode ?? null;
    return reply.result;
  }

  authenticate(): Promise<number> {
    return this.request(MsgId.Authenticate, encodeAuthenticate({ authCode: this.authCode ?? '' }, { is2019: false }));
  }

  heartbeat(): Promise<number> {
    return this.request(MsgId.Heartbeat, Buffer.alloc(0));
  }

  report(fix: FixInput): Promise<number> {
    return this.request(MsgId.Location, locationBody(fix));
  }

  close(): void {
    this.socket?.end();
    this.socket?.destroy();
    this.socket = null;
  }
}

export function locationBody(fix: FixInput): Buffer {
  const south = fix.lat < 0;
  const west = fix.lon < 0;
  const status = (fix.fixed === false ? 0 : 0b10) | 0b1 | (south ? 1 << 2 : 0) | (west ? 1 << 3 : 0) | (1 << 18) | (1 << 19);
  return encodeLocation({
    alarm: fix.sos ? 1 : 0,
    status,
    rawLat: Math.round(Math.abs(fix.lat) * 1e6),
    rawLon: Math.round(Math.abs(fix.lon) * 1e6),
    altitude: 12,
    rawSpeed: Math.round(fix.speedKmh * 10),
    direction: Math.round(fix.direction) % 360,
    time: fix.time ?? new Date(Math.floor(Date.now() / 1000) * 1000),
  });
}
