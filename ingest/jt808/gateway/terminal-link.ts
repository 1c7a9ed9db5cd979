import type net from 'node:net';

/**
 * The byte pipe to one terminal. The session logic sees only this, so the socket may live in this process or in a
 * socket process (see link-processes/) without the session noticing.
 */
export interface TerminalLink {
  readonly remote: string;
  /** Queues bytes for the terminal; one that stops reading is disconnected rather than buffered without end. */
  write(bytes: Buffer): void;
  pause(): void;
  resume(): void;
  /** Ends gracefully; the link is destroyed if the terminal does not close its side in time. */
  end(): void;
  onData(listener: (chunk: Buffer) => void): void;
  /** Called once, with a reason when the link itself decided to close. */
  onClose(listener: (reason?: string) => void): void;
}

// Answers the terminal does not read are not buffered without end.
const MAX_UNSENT_BYTES = 1024 * 1024;
const END_GRACE_MS = 2000;
const UNREAD_ANSWERS = 'terminal does not read its answers';

/** A link over a socket of this process. Writes of one tick leave in one syscall. */
export function socketLink(socket: net.Socket): TerminalLink {
  let corked = false;
  let closeReason: string | undefined;
  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  return {
    remote: `${socket.remoteAddress}:${socket.remotePort}`,
    write(bytes) {
      if (socket.destroyed) return;
      if (!corked) {
        corked = true;
        socket.cork();
        setImmediate(() => {
          corked = false;
          socket.uncork();
        });
      }
      socket.write(bytes);
      if (socket.writableLength > MAX_UNSENT_BYTES) {
        closeReason = UNREAD_ANSWERS;
        socket.destroy();
      }
    },
    pause: () => socket.pause(),
    resume: () => socket.resume(),
    end() {
      socket.end();
      setTimeout(() => socket.destroy(), END_GRACE_MS).unref();
    },
    onData: (listener) => socket.on('data', listener),
    onClose: (listener) => socket.once('close', () => listener(closeReason)),
  };
}
