/**
 * IPC between the gateway and its socket processes. The bytes of one tick travel packed in one Buffer
 * ([link id u32][length u32][bytes]…), which costs far less to serialise than one entry per chunk.
 */

/** Pause, resume or end one link; applied after the writes of the same message. */
export type LinkControl = [id: number, op: 'p' | 'r' | 'e'];

export type ToSocketProcess =
  | { t: 'adopt'; id: number }
  | { t: 'ops'; writes: Buffer; controls: LinkControl[] }
  | { t: 'stats'; req: number }
  | { t: 'shutdown' };

export type FromSocketProcess =
  | { t: 'ready' }
  /** Bytes received, then links closed (with the socket process's own reason when it closed them). */
  | { t: 'events'; data: Buffer; closed: Array<[id: number, reason: string | null]> }
  | { t: 'stats'; req: number; links: number; rssBytes: number };

const HEADER = 8;

/** Collects the byte chunks of many links for one message. */
export class ChunkPacker {
  private parts: Buffer[] = [];
  private bytes = 0;

  get empty(): boolean {
    return this.parts.length === 0;
  }

  add(id: number, chunk: Buffer) {
    const header = Buffer.allocUnsafe(HEADER);
    header.writeUInt32LE(id, 0);
    header.writeUInt32LE(chunk.length, 4);
    this.parts.push(header, chunk);
    this.bytes += HEADER + chunk.length;
  }

  take(): Buffer {
    const packed = Buffer.concat(this.parts, this.bytes);
    this.parts = [];
    this.bytes = 0;
    return packed;
  }
}

/** Calls back with each link's chunk, in the order they were packed. */
export function unpackChunks(packed: Uint8Array, each: (id: number, chunk: Buffer) => void) {
  const buf = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
  for (let at = 0; at + HEADER <= buf.length; ) {
    const id = buf.readUInt32LE(at);
    const length = buf.readUInt32LE(at + 4);
    at += HEADER;
    each(id, buf.subarray(at, at + length));
    at += length;
  }
}
