import type { Logger } from 'pino';
import type { Jt808Header, MediaUpload } from '../codec/index.ts';
import type { VehicleInfo } from '../../../registry/registry-directory.ts';
import type { Metrics } from '../../../platform/metrics.ts';
import type { DeviceDirectory, PositionSink, TerminalIdentityEvent, TerminalRegistry } from '../../ports.ts';
import type { TerminalSession } from './terminal-session.ts';
import type { DriftDetector } from './drift-detector.ts';
import type { PendingCommands } from './pending-commands.ts';
import type { TimestampWindow } from '../../timestamp-window.ts';
import type { AttemptLimiter } from './attempt-limiter.ts';

export interface MediaSink {
  storeMedia(m: { vehicle: VehicleInfo; upload: MediaUpload; receivedAt: Date }): Promise<void>;
}

/** Everything a message handler may use: the session, the registries, and a way to answer. */
export interface HandlerContext {
  session: TerminalSession;
  directory: DeviceDirectory;
  terminals: TerminalRegistry;
  positions: PositionSink;
  media: MediaSink;
  drift: DriftDetector;
  /** Device times outside it are not trusted (live) or refused (re-uploads). */
  positionWindow: TimestampWindow;
  /** Commands sent to this terminal that wait for its answer. */
  commands: PendingCommands;
  /** Refused registrations and authentications, per terminal phone and per source address (shared by all connections). */
  attempts: { byPhone: AttemptLimiter; byAddress: AttemptLimiter };
  /** Conflicts with a vehicle's bound terminal, raised as alarms downstream. */
  identityConflict: (e: TerminalIdentityEvent) => void;
  now: () => number;
  metrics: Metrics;
  log: Logger;
  /** Sends a platform message to this terminal in its edition; returns the serial used. */
  send(msgId: number, body: Buffer): number;
  /** 0x8001 general response to the given frame. */
  respond(header: Jt808Header, result: number): void;
  /** Marks this connection as the terminal's current session, closing an older one. */
  bindTerminal(phone: string): void;
  close(reason: string): void;
}

export type MessageHandler = (ctx: HandlerContext, header: Jt808Header, body: Buffer) => Promise<void> | void;
