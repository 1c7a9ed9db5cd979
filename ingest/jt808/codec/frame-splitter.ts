const FLAG = 0x7e;

export interface FrameSplitterOptions {
  /** Largest escaped frame content kept while waiting for the closing 7E. */
  maxFrameBytes?: number;
}

/**
 * Cuts a TCP byte stream into escaped frame contents (the bytes between 7E delimiters).
 * Never throws: anything it cannot use is dropped and counted.
 */
export class FrameSplitter {
  readonly maxFrameBytes: number;
  /** Bytes discarded: garbage before a 7E, and the content of oversize frames. */
  droppedBytes = 0;
  /** Frames abandoned because no closing 7E came within maxFrameBytes. */
  oversizeFrames = 0;

  private synced = false;
  private pending: Buffer[] = [];
  private pendingLength = 0;

  constructor(opts?: FrameSplitterOptions) {
    const max = opts?.maxFrameBytes;
    this.maxFrameBytes = typeof max === 'number' && Number.isFinite(max) && max > 0 ? Math.floor(max) : 4096;
  }

  /** Bytes buffered for the frame in progress. */
  get pendingBytes(): number {
    return this.pendingLength;
  }

  push(chunk: Buffer): Buffer[] {
    const frames: Buffer[] = [];
    // Defensive: callers in plain JS may hand us anything.
    const input: unknown = chunk;
    if (!(input instanceof Uint8Array) || input.length === 0) return frames;
    const data = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.length);
    let pos = 0;
    // Frames wholly inside this chunk are views of one copy of it rather than a copy each.
    let copy: Buffer | undefined;
    let base = 0;
    while (pos < data.length) {
      const flag = data.indexOf(FLAG, pos);
      const end = flag === -1 ? data.length : flag;
      if (flag !== -1 && end > pos && this.synced && this.pendingLength === 0 && end - pos <= this.maxFrameBytes) {
        if (copy === undefined) {
          copy = Buffer.from(data.subarray(pos));
          base = pos;
        }
        frames.push(copy.subarray(pos - base, end - base));
        pos = flag + 1;
        continue;
      }
      if (end > pos) this.take(data, pos, end);
      if (flag === -1) break;
      if (this.synced && this.pendingLength > 0) frames.push(this.flush());
      // Every 7E both closes the current frame and opens the next one.
      this.synced = true;
      pos = flag + 1;
    }
    return frames;
  }

  /** Forget any partial frame (e.g. on reconnect); counters are kept. */
  reset(): void {
    this.droppedBytes += this.pendingLength;
    this.pending = [];
    this.pendingLength = 0;
    this.synced = false;
  }

  private take(data: Buffer, start: number, end: number): void {
    const n = end - start;
    if (!this.synced) {
      this.droppedBytes += n;
      return;
    }
    if (this.pendingLength + n > this.maxFrameBytes) {
      // Drop the whole frame and resynchronise on the next 7E.
      this.oversizeFrames++;
      this.droppedBytes += this.pendingLength + n;
      this.pending = [];
      this.pendingLength = 0;
      this.synced = false;
      return;
    }
    // Copy: the caller may reuse its chunk buffer.
    this.pending.push(Buffer.from(data.subarray(start, end)));
    this.pendingLength += n;
  }

  private flush(): Buffer {
    const out = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingLength);
    this.pending = [];
    this.pendingLength = 0;
    return out;
  }
}
