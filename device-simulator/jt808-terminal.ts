import net from 'node:net';
import { once } from 'node:events';
import {
  decodeFrame,
  decodeGeneralResponse,
  decodeRegisterReply,
  encodeAuthenticate,
  encodeBatchLocation,
  encodeFrame,
  encodeGeneralResponse,
  encodeLocation,
  encodeMediaUpload,
  encodeRegister,
  FrameSplitter,
  MsgId,
  type Jt808Frame,
  type LocationInput,
} from '../ingest/jt808/codec/index.ts';

export interface FixInput {
  lat: number;
  lon: number;
  speedKmh: number;
  direction: number;
  /** null sends the all-zero time of a terminal that has no fix yet. */
  time?: Date | null;
  sos?: boolean;
  fixed?: boolean;
}

export type TerminalEdition = '2013' | '2019';

/** Who the terminal says it is: 0x0100 maker, model and terminal ID; the IMEI of a 2019 0x0102. */
export interface SimulatedDevice {
  makerId: string;
  model: string;
  terminalId: string;
  imei: string;
}

/** The same device for a phone every time, so a restarted simulator registers as the device bound before. */
export const simulatedDevice = (phone: string): SimulatedDevice => ({ makerId: 'SIM01', model: 'HAZWATCH-SIM', terminalId: 'T' + phone.slice(-6), imei: '86000000' + phone.slice(-7) });

/** Largest 0x0801 data per package, leaving room for the 36-byte media header within 1,023 bytes. */
const MEDIA_CHUNK = 900;

/** A JT/T 808 terminal (2013 or 2019) over a real TCP socket: register, authenticate, report, answer commands, upload photos. */
export class SimulatedTerminal {
  private socket: net.Socket | null = null;
  private serial = 0;
  private readonly splitter = new FrameSplitter();
  private readonly waiters: Array<{ match: (f: Jt808Frame) => boolean; resolve: (f: Jt808Frame) => void }> = [];
  private readonly commandHandlers = new Map<number, (f: Jt808Frame) => void>();
  readonly received: Jt808Frame[] = [];
  authCode: string | null = null;
  /** Resolves when the platform closes the connection. */
  closed: Promise<void> = Promise.resolve();

  constructor(
    readonly phone: string,
    readonly plate: string,
    readonly edition: TerminalEdition = '2013',
    readonly device: SimulatedDevice = simulatedDevice(phone),
  ) {}

  /** `localAddress` (e.g. 127.0.0.2) makes the terminal come from another address, as after a change of cell tower. */
  async connect(port: number, host = '127.0.0.1', localAddress?: string): Promise<void> {
    const socket = net.connect({ port, host, localAddress });
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
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
    await once(socket, 'connect');
    this.socket = socket;
  }

  private dispatch(frame: Jt808Frame) {
    this.received.push(frame);
    const i = this.waiters.findIndex((w) => w.match(frame));
    if (i >= 0) this.waiters.splice(i, 1)[0].resolve(frame);
    this.commandHandlers.get(frame.header.msgId)?.(frame);
  }

  /** Reacts to every platform message with this id (e.g. answer 0x8103 with 0x0001). */
  onCommand(msgId: number, handler: (f: Jt808Frame) => void): void {
    this.commandHandlers.set(msgId, handler);
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

  /** The wire bytes of one message in this terminal's edition. */
  frame(msgId: number, body: Buffer, serial: number, pkg?: { total: number; index: number }): Buffer {
    const is2019 = this.edition === '2019';
    return encodeFrame(
      {
        msgId,
        encryption: 0,
        subpackage: pkg !== undefined,
        is2019,
        ...(is2019 ? { protocolVersion: 1 } : {}),
        phone: this.phone.padStart(is2019 ? 20 : 12, '0'),
        serial,
        ...(pkg ? { packageTotal: pkg.total, packageIndex: pkg.index } : {}),
      },
      body,
    );
  }

  private nextSerial(): number {
    const serial = this.serial;
    this.serial = (this.serial + 1) & 0xffff;
    return serial;
  }

  /** Sends one message; returns the serial used. */
  send(msgId: number, body: Buffer): number {
    const serial = this.nextSerial();
    this.sendRaw(this.frame(msgId, body, serial));
    return serial;
  }

  /** 0x0001 answer to a platform command. */
  answer(command: Jt808Frame, result = 0): void {
    this.send(MsgId.TerminalResponse, encodeGeneralResponse({ replySerial: command.header.serial, replyMsgId: command.header.msgId, result }));
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
      encodeRegister({ edition: this.edition, provinceId: 32, cityId: 100, makerId: this.device.makerId, model: this.device.model, terminalId: this.device.terminalId, plateColor: 2, plate: this.plate }),
    );
    const reply = decodeRegisterReply((await this.waitFor((f) => f.header.msgId === MsgId.RegisterReply)).body);
    if (reply.replySerial !== serial) throw new Error('0x8100 answers another serial');
    if (reply.result === 0) this.authCode = reply.authCode ?? null;
    return reply.result;
  }

  authenticate(): Promise<number> {
    const is2019 = this.edition === '2019';
    return this.request(MsgId.Authenticate, encodeAuthenticate({ authCode: this.authCode ?? '', ...(is2019 ? { imei: this.device.imei, softwareVersion: 'SIM-1.0' } : {}) }, { is2019 }));
  }

  heartbeat(): Promise<number> {
    return this.request(MsgId.Heartbeat, Buffer.alloc(0));
  }

  report(fix: FixInput): Promise<number> {
    return this.request(MsgId.Location, locationBody(fix));
  }

  /** 0x0704; type 1 is a blind-area re-upload. */
  reportBatch(fixes: FixInput[], type: 0 | 1): Promise<number> {
    return this.request(MsgId.BatchLocation, encodeBatchLocation({ type, items: fixes.map(locationInput) }));
  }

  /**
   * 0x0801 in sub-packages. Packages listed in `withhold` are not sent; they go out when the platform asks for them
   * with 0x8003. Resolves with the serials used, package 1 first.
   */
  uploadMedia(upload: { mediaId: number; channel: number; data: Buffer; fix: FixInput }, withhold: number[] = []): number[] {
    const body = encodeMediaUpload({ mediaId: upload.mediaId, type: 0, format: 0, event: 0, channel: upload.channel, location: locationBody(upload.fix), data: upload.data });
    const parts: Buffer[] = [];
    for (let o = 0; o < body.length; o += MEDIA_CHUNK) parts.push(body.subarray(o, o + MEDIA_CHUNK));
    const serials = parts.map(() => this.nextSerial());
    const frames = parts.map((p, i) => this.frame(MsgId.MediaUpload, p, serials[i], { total: parts.length, index: i + 1 }));
    this.onCommand(MsgId.ResendRequest, (f) => {
      const count = this.edition === '2019' ? f.body.readUInt16BE(2) : f.body[2];
      const at = this.edition === '2019' ? 4 : 3;
      for (let i = 0; i < count; i++) this.sendRaw(frames[f.body.readUInt16BE(at + 2 * i) - 1]);
    });
    frames.forEach((f, i) => {
      if (!withhold.includes(i + 1)) this.sendRaw(f);
    });
    return serials;
  }

  close(): void {
    this.socket?.end();
    this.socket?.destroy();
    this.socket = null;
  }
}

function locationInput(fix: FixInput): LocationInput {
  const south = fix.lat < 0;
  const west = fix.lon < 0;
  const status = (fix.fixed === false ? 0 : 0b10) | 0b1 | (south ? 1 << 2 : 0) | (west ? 1 << 3 : 0) | (1 << 18) | (1 << 19);
  return {
    alarm: fix.sos ? 1 : 0,
    status,
    rawLat: Math.round(Math.abs(fix.lat) * 1e6),
    rawLon: Math.round(Math.abs(fix.lon) * 1e6),
    altitude: 12,
    rawSpeed: Math.round(fix.speedKmh * 10),
    direction: Math.round(fix.direction) % 360,
    time: fix.time === undefined ? new Date(Math.floor(Date.now() / 1000) * 1000) : fix.time,
  };
}

export function locationBody(fix: FixInput): Buffer {
  return encodeLocation(locationInput(fix));
}
