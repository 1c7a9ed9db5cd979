import type { Logger } from 'pino';
import {
  encodeFrame,
  encodeGeneralResponse,
  encodeResendRequest,
  FrameSplitter,
  FrameStreamDecoder,
  isJt808DecodeError,
  MsgId,
  normalizePhone,
  ResponseResult,
  SubpackageAssembler,
  type Jt808Header,
} from '../codec/index.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { HandlerContext, MediaSink } from './handler-context.ts';
import type { DeviceDirectory, PositionSink, TerminalIdentityEvent, TerminalRegistry } from '../../ports.ts';
import type { AttemptLimiter } from './attempt-limiter.ts';
import type { TerminalSession } from './terminal-session.ts';
import type { DriftDetector } from './drift-detector.ts';
import { PendingCommands, type CommandOutcome } from './pending-commands.ts';
import { handlers } from './handlers/index.ts';
import type { TerminalLink } from './terminal-link.ts';
import type { TimestampWindow } from '../../timestamp-window.ts';
import { QuirkReport } from './quirk-report.ts';

export interface ConnectionOptions {
  /** Closed after this long without a valid frame (garbage does not count as life). */
  idleTimeoutMs: number;
  /** An unauthenticated connection gets this long to authenticate. */
  authTimeoutMs: number;
  /** Silence on an incomplete sub-package set before 0x8003 asks for the missing packages. */
  subpackageTimeoutMs: number;
  lenientChecksum: boolean;
  /** Refuse frames with known terminal quirks instead of taking them. */
  strict: boolean;
  directory: DeviceDirectory;
  terminals: TerminalRegistry;
  positions: PositionSink;
  media: MediaSink;
  drift: DriftDetector;
  positionWindow: TimestampWindow;
  attempts: { byPhone: AttemptLimiter; byAddress: AttemptLimiter };
  identityConflict: (e: TerminalIdentityEvent) => void;
  now: () => number;
  metrics: Metrics;
  log: Logger;
  bindTerminal: (phone: string, conn: TerminalConnection) => void;
  onClose: (conn: TerminalConnection) => void;
}

// Frames waiting for their handler; past this the socket is paused so a flooding terminal cannot grow memory
// (one chunk can still add up to its own size in frames).
const PAUSE_AT = 64;
const RESUME_AT = 16;
// A garbage flood is counted in full but logged only this often per connection, so it cannot flood the log.
const MALFORMED_LOG_LINES = 10;

const hex = (msgId: number) => `0x${msgId.toString(16).padStart(4, '0')}`;

/**
 * One terminal's TCP connection: splits the byte stream into frames, decodes each on its own (a bad frame is
 * answered or logged and never stops the next), enforces authentication, and dispatches to the handlers in order.
 */
export class TerminalConnection {
  readonly session: TerminalSession;
  private readonly splitter = new FrameSplitter({ maxFrameBytes: 4096 });
  private readonly decoder: FrameStreamDecoder;
  private readonly quirks: QuirkReport;
  private readonly assembler: SubpackageAssembler;
  private readonly commands = new PendingCommands();
  private serial = 0;
  /** Frames waiting for their turn; handled strictly in order, one at a time. */
  private readonly pending: Buffer[] = [];
  private draining = false;
  private ctx: HandlerContext | null = null;
  private idleTimer: NodeJS.Timeout;
  private authTimer: NodeJS.Timeout | null;
  private subpackageTimer: NodeJS.Timeout | null = null;
  private oversizeSeen = 0;
  private malformed = 0;
  private closed = false;
  private readonly log: Logger;

  constructor(
    private readonly link: TerminalLink,
    connectionId: number,
    private readonly opts: ConnectionOptions,
  ) {
    const remote = link.remote;
    this.session = { connectionId, remote, phone: null, wirePhone: null, edition: '2013', protocolVersion: 1, vehicle: null, authenticated: false, blockedAttempts: 0, lastFrameAt: Date.now() };
    this.log = opts.log.child({ conn: connectionId, remote });
    this.decoder = new FrameStreamDecoder({ lenient: opts.lenientChecksum, acceptQuirks: !opts.strict, onMalformed: (piece, err) => this.malformedFrame(piece, err) });
    this.quirks = new QuirkReport(opts.metrics, this.log);
    this.assembler = new SubpackageAssembler({ timeoutMs: opts.subpackageTimeoutMs, maxPendingSets: 8, maxBytes: 2 * 1024 * 1024, maxResendRounds: 2 });
    this.idleTimer = setTimeout(() => this.close('idle timeout'), opts.idleTimeoutMs);
    this.authTimer = setTimeout(() => this.close('not authenticated in time'), opts.authTimeoutMs);
    link.onData((chunk) => this.onData(chunk));
    link.onClose((reason) => {
      if (reason && !this.closed) this.log.info({ reason, phone: this.session.phone, malformedFrames: this.malformed }, 'JT808 connection closed');
      this.cleanup();
    });
  }

  private onData(chunk: Buffer) {
    for (const raw of this.splitter.push(chunk)) this.pending.push(raw);
    if (this.pending.length >= PAUSE_AT) this.link.pause();
    if (!this.draining) void this.drain();
    if (this.splitter.oversizeFrames > this.oversizeSeen) {
      this.opts.metrics.jt808Frames.inc({ msg: 'unknown', result: 'oversize' }, this.splitter.oversizeFrames - this.oversizeSeen);
      this.oversizeSeen = this.splitter.oversizeFrames;
    }
  }

  /** Synchronous handlers (most frames) cost no promise; an asynchronous one holds the frames behind it. */
  private async drain() {
    this.draining = true;
    while (this.pending.length > 0 && !this.closed) {
      const raw = this.pending.shift()!;
      try {
        const done = this.onFrame(raw);
        if (done) await done;
      } catch (err) {
        this.log.error({ err: (err as Error).message }, 'JT808 frame processing failed');
      }
      if (this.pending.length === RESUME_AT && !this.closed) this.link.resume();
    }
    this.draining = false;
  }

  private onFrame(raw: Buffer): Promise<void> | void {
    let header: Jt808Header;
    let body: Buffer;
    try {
      const frame = this.decoder.push(raw);
      if (!frame) return;
      header = frame.header;
      body = frame.body;
      this.idleTimer.refresh();
      if (this.decoder.quirks.length > 0) this.quirks.record(header, this.decoder.quirks);
      if (header.subpackage && !this.session.authenticated) return this.refuseUnauthenticated(header);
      if (header.subpackage) {
        const { complete } = this.assembler.add(frame);
        if (!complete) return this.watchSubpackages();
        ({ header, body } = complete);
      }
    } catch (err) {
      return this.malformedFrame(raw, err);
    }
    this.session.lastFrameAt = Date.now();
    this.session.wirePhone = header.phone;
    this.session.phone ??= normalizePhone(header.phone);
    if (header.is2019) {
      this.session.edition = '2019';
      this.session.protocolVersion = header.protocolVersion ?? this.session.protocolVersion;
    }
    const msg = hex(header.msgId);
    if (this.session.authenticated && normalizePhone(header.phone) !== this.session.phone) {
      this.opts.metrics.jt808Frames.inc({ msg, result: 'phone_mismatch' });
      this.log.warn({ msgId: msg, phone: header.phone }, 'JT808 frame for another terminal on an authenticated connection refused');
      return this.respond(header, ResponseResult.Fail);
    }
    const entry = handlers.get(header.msgId);
    if (!entry) {
      this.opts.metrics.jt808Frames.inc({ msg, result: 'unsupported' });
      return this.respond(header, ResponseResult.Unsupported);
    }
    if (!entry.open && !this.session.authenticated) return this.refuseUnauthenticated(header);
    const failed = (err: unknown) => this.handlerFailed(header, body, msg, err);
    let done: Promise<void> | void;
    try {
      done = entry.handle((this.ctx ??= this.context()), header, body);
    } catch (err) {
      return failed(err);
    }
    if (done) return done.then(() => this.handled(msg), failed);
    this.handled(msg);
  }

  private malformedFrame(raw: Buffer, err: unknown) {
    const code = isJt808DecodeError(err) ? err.code : 'internal';
    this.opts.metrics.jt808Frames.inc({ msg: 'unknown', result: code });
    if (++this.malformed <= MALFORMED_LOG_LINES) {
      this.log.warn({ reason: code, err: (err as Error).message, head: raw.subarray(0, 32).toString('hex') }, 'JT808 malformed frame dropped');
    }
  }

  private handled(msg: string) {
    this.opts.metrics.jt808Frames.inc({ msg, result: 'ok' });
    if (this.session.authenticated && this.authTimer) {
      clearTimeout(this.authTimer);
      this.authTimer = null;
    }
  }

  private handlerFailed(header: Jt808Header, body: Buffer, msg: string, err: unknown) {
    const code = isJt808DecodeError(err) ? err.code : 'internal';
    this.opts.metrics.jt808Frames.inc({ msg, result: code });
    this.log.warn({ msgId: msg, reason: code, err: (err as Error).message, head: body.subarray(0, 32).toString('hex') }, 'JT808 message could not be handled');
    this.respond(header, code === 'internal' ? ResponseResult.Fail : ResponseResult.BadMessage);
  }

  private refuseUnauthenticated(header: Jt808Header) {
    const msg = hex(header.msgId);
    this.opts.metrics.jt808Frames.inc({ msg, result: 'unauthenticated' });
    this.log.warn({ msgId: msg, phone: header.phone }, 'JT808 message before authentication refused');
    this.respond(header, ResponseResult.Fail);
  }

  private watchSubpackages() {
    if (this.subpackageTimer || this.assembler.pendingSets === 0) return;
    this.subpackageTimer = setInterval(() => this.expireSubpackages(), Math.max(50, this.opts.subpackageTimeoutMs / 4));
    this.subpackageTimer.unref();
  }

  private expireSubpackages() {
    for (const set of this.assembler.expire()) {
      if (set.discarded) {
        this.opts.metrics.jt808Frames.inc({ msg: hex(set.msgId), result: 'subpackage_incomplete' });
        this.log.warn({ msgId: hex(set.msgId), total: set.total, missing: set.missing.length }, 'JT808 incomplete sub-package set discarded');
        continue;
      }
      const edition = set.header.is2019 ? '2019' : this.session.edition;
      this.send(MsgId.ResendRequest, encodeResendRequest({ originalSerial: set.firstSerial, missing: set.missing }, edition));
    }
    if (this.assembler.pendingSets === 0 && this.subpackageTimer) {
      clearInterval(this.subpackageTimer);
      this.subpackageTimer = null;
    }
  }

  private context(): HandlerContext {
    return {
      session: this.session,
      directory: this.opts.directory,
      terminals: this.opts.terminals,
      positions: this.opts.positions,
      media: this.opts.media,
      drift: this.opts.drift,
      positionWindow: this.opts.positionWindow,
      commands: this.commands,
      attempts: this.opts.attempts,
      identityConflict: this.opts.identityConflict,
      now: this.opts.now,
      metrics: this.opts.metrics,
      log: this.log,
      send: (msgId, body) => this.send(msgId, body),
      respond: (header, result) => this.respond(header, result),
      bindTerminal: (phone) => this.opts.bindTerminal(phone, this),
      close: (reason) => this.close(reason),
    };
  }

  /** A terminal told to beat less often must not be dropped as idle between beats. */
  setIdleTimeout(ms: number) {
    if (this.closed) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.close('idle timeout'), ms);
  }

  /** Sends a command built for this terminal's edition and waits for its answer. */
  command(msgId: number, build: (session: TerminalSession) => Buffer, timeoutMs: number): Promise<CommandOutcome> {
    if (this.closed) return Promise.resolve({ status: 'offline' });
    const serial = this.send(msgId, build(this.session));
    return this.commands.wait(msgId, serial, timeoutMs);
  }

  send(msgId: number, body: Buffer): number {
    const serial = this.serial;
    this.serial = (this.serial + 1) & 0xffff;
    const is2019 = this.session.edition === '2019';
    const frame = encodeFrame(
      {
        msgId,
        encryption: 0,
        subpackage: false,
        is2019,
        ...(is2019 ? { protocolVersion: this.session.protocolVersion } : {}),
        phone: this.session.wirePhone ?? '0',
        serial,
      },
      body,
    );
    if (!this.closed) this.link.write(frame);
    return serial;
  }

  private respond(header: Jt808Header, result: number) {
    this.send(MsgId.PlatformResponse, encodeGeneralResponse({ replySerial: header.serial, replyMsgId: header.msgId, result }));
  }

  close(reason: string) {
    if (this.closed) return;
    this.log.info({ reason, phone: this.session.phone, malformedFrames: this.malformed }, 'JT808 connection closed');
    this.closed = true;
    this.link.end();
    this.cleanup();
  }

  private cleanupDone = false;
  private cleanup() {
    if (this.cleanupDone) return;
    this.cleanupDone = true;
    this.closed = true;
    this.decoder.flush();
    clearTimeout(this.idleTimer);
    if (this.authTimer) clearTimeout(this.authTimer);
    if (this.subpackageTimer) clearInterval(this.subpackageTimer);
    this.commands.abandonAll();
    this.opts.onClose(this);
  }

  /** Buffered bytes of this connection, for tests and diagnostics. */
  get bufferedBytes(): number {
    return this.splitter.pendingBytes + this.assembler.pendingBytes;
  }
}
