import { mkdir, open, readdir, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { SpoolFullError, type Spool, type SpoolBatch, type SpoolDepth } from './spool.ts';

interface Segment {
  seq: number;
  file: string;
  /** Durable bytes (whole lines only). */
  bytes: number;
  sealed: boolean;
}

interface PendingAppend {
  count: number;
  /** The records joined by newlines; on disk each is followed by one. */
  text: string;
  bytes: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** One append as written to a segment, kept in memory so the consumer need not read it back from disk. */
interface Cached {
  seq: number;
  from: number;
  to: number;
  count: number;
  text: string;
}

interface FileBatch extends SpoolBatch {
  readonly seq: number;
  readonly from: number;
  readonly to: number;
}

/** Appended-count marks, at most one per second, to tell how old the oldest unacknowledged record is. */
interface AgeMark {
  upTo: number;
  at: number;
}

const SEGMENT_SUFFIX = '.seg';
const MAX_RECORD_BYTES = 64 * 1024;
const READ_CHUNK_BYTES = 4 * 1024 * 1024;

export interface FileSpoolOptions {
  dir: string;
  maxBytes: number;
  segmentBytes?: number;
  /** Unacknowledged records also held in memory, up to this many bytes (default 8 MiB); beyond it they are read back from disk. */
  cacheBytes?: number;
}

/**
 * Append-only segment files of newline-terminated records under one directory. Appends are group-committed:
 * every append that arrives while an fsync runs joins the next write + fsync, so many messages share one fsync.
 * Fully acknowledged segments are deleted. After a crash the unacknowledged tail of the oldest segment is
 * replayed, which InfluxDB absorbs (same series and timestamp overwrite). Recent appends are also kept in memory
 * (bounded), so in the normal case the consumer gets them without reading the file back; the file is read only
 * for what did not fit (a long outage) or was left by an earlier run.
 */
export class FileSpool implements Spool {
  private readonly segments: Segment[] = [];
  private head = 0; // byte offset of the first unacknowledged record in segments[0]
  private active: FileHandle | null = null;
  private reader: { seq: number; fh: FileHandle } | null = null;
  private pending: PendingAppend[] = [];
  private cache: Cached[] = [];
  private cachedBytes = 0;
  private committing: Promise<void> | null = null;
  private heldBytes = 0;
  private appended = 0;
  private acked = 0;
  private marks: AgeMark[] = [];
  private failed: Error | null = null;
  private closed = false;
  private readonly segmentBytes: number;
  private readonly cacheBytes: number;

  private constructor(private readonly opts: FileSpoolOptions) {
    // Small enough against the bound that acknowledged segments are deleted well before the spool fills.
    this.segmentBytes = opts.segmentBytes ?? Math.min(4 * 1024 * 1024, Math.max(64 * 1024, Math.floor(opts.maxBytes / 16)));
    this.cacheBytes = opts.cacheBytes ?? 8 * 1024 * 1024;
  }

  static async open(opts: FileSpoolOptions): Promise<FileSpool> {
    const spool = new FileSpool(opts);
    await spool.recover();
    return spool;
  }

  append(records: readonly string[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('spool closed'));
    if (this.failed) return Promise.reject(this.failed);
    if (records.length === 0) return Promise.resolve();
    for (const r of records) {
      if (r.length > MAX_RECORD_BYTES) return Promise.reject(new Error(`a spool record is limited to ${MAX_RECORD_BYTES} bytes`));
    }
    const text = records.join('\n');
    // Counted in the joined text: includes() on each record would flatten every line built by concatenation.
    let newlines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) newlines++;
    if (newlines !== records.length - 1) return Promise.reject(new Error('a spool record must not contain a newline'));
    const bytes = Buffer.byteLength(text, 'utf8') + 1;
    if (this.unackedBytes() + bytes > this.opts.maxBytes) return Promise.reject(new SpoolFullError(this.unackedBytes(), this.opts.maxBytes));
    this.heldBytes += bytes;
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ count: records.length, text, bytes, resolve, reject });
      this.committing ??= this.commitLoop();
    });
  }

  async peek(max: number, after?: SpoolBatch): Promise<FileBatch | null> {
    // Fully acknowledged sealed segments at the head can go before reading.
    while (this.segments.length > 0 && this.segments[0].sealed && this.head >= this.segments[0].bytes) await this.dropHeadSegment();
    const prev = after as FileBatch | undefined;
    let index = prev ? this.segments.findIndex((seg) => seg.seq === prev.seq) : 0;
    let offset = prev ? prev.to : this.head;
    if (index < 0) throw new Error('peek after a batch that is no longer in the spool');
    for (; index < this.segments.length; index++, offset = 0) {
      const seg = this.segments[index];
      if (offset < seg.bytes) {
        const cached = this.fromCache(seg.seq, offset, max);
        if (!cached) return this.readAt(seg, offset, max);
        if (cached.count === max || cached.to >= seg.bytes) return cached;
        // The cache ran out (it was full for a while): fill the batch from the file.
        const more = await this.readAt(seg, cached.to, max - cached.count);
        return more.count === 0 ? cached : { count: cached.count + more.count, text: `${cached.text}\n${more.text}`, seq: seg.seq, from: offset, to: more.to };
      }
      if (!seg.sealed) return null;
    }
    return null;
  }

  /** The records at seq:offset when that is where a cached append starts, else null. */
  private fromCache(seq: number, offset: number, max: number): FileBatch | null {
    let i = this.cache.findIndex((c) => c.seq === seq && c.from === offset);
    if (i < 0) return null;
    const texts: string[] = [];
    let count = 0;
    let to = offset;
    for (; i < this.cache.length && count < max; i++) {
      let c = this.cache[i];
      if (c.seq !== seq || c.from !== to) break;
      const room = max - count;
      if (c.count > room) {
        // Split the append where the batch ends, so the next peek starts exactly on a cached entry.
        let nl = -1;
        for (let n = 0; n < room; n++) nl = c.text.indexOf('\n', nl + 1);
        const head = c.text.slice(0, nl);
        const cut = c.from + Buffer.byteLength(head, 'utf8') + 1;
        this.cache.splice(i, 1, { seq, from: c.from, to: cut, count: room, text: head }, { seq, from: cut, to: c.to, count: c.count - room, text: c.text.slice(nl + 1) });
        c = this.cache[i];
      }
      texts.push(c.text);
      count += c.count;
      to = c.to;
    }
    return { count, text: texts.length === 1 ? texts[0] : texts.join('\n'), seq, from: offset, to };
  }

  private async readAt(seg: Segment, offset: number, max: number): Promise<FileBatch> {
    const fh = await this.readerFor(seg);
    // Stop where the cache takes over, so the next peek finds it.
    const cachedFrom = this.cache.find((c) => c.seq === seg.seq && c.from > offset)?.from ?? seg.bytes;
    const length = Math.min(cachedFrom - offset, Math.max(2 * MAX_RECORD_BYTES, max * 256), READ_CHUNK_BYTES);
    const buf = Buffer.allocUnsafe(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    let count = 0;
    let end = 0;
    while (count < max) {
      const nl = buf.indexOf(10, end);
      if (nl < 0 || nl >= bytesRead) break;
      count++;
      end = nl + 1;
    }
    return { count, text: count === 0 ? '' : buf.toString('utf8', 0, end - 1), seq: seg.seq, from: offset, to: offset + end };
  }

  async ack(batch: SpoolBatch): Promise<void> {
    const b = batch as FileBatch;
    const seg = this.segments[0];
    if (!seg || seg.seq !== b.seq || this.head !== b.from) {
      throw new Error(`spool batches must be acknowledged in order, once (batch ${b.seq}:${b.from}-${b.to}, head ${seg?.seq}:${this.head})`);
    }
    this.head = b.to;
    this.acked += b.count;
    this.uncache((c) => c.seq < b.seq || (c.seq === b.seq && c.to <= b.to));
    while (this.marks.length > 0 && this.marks[0].upTo <= this.acked) this.marks.shift();
    if (seg.sealed && this.head >= seg.bytes) await this.dropHeadSegment();
  }

  depth(): SpoolDepth {
    const records = this.appended - this.acked;
    return {
      records,
      bytes: this.unackedBytes(),
      maxBytes: this.opts.maxBytes,
      oldestAppendedAt: records > 0 && this.marks.length > 0 ? new Date(this.marks[0].at) : null,
    };
  }

  /** The bound applies to what is not yet acknowledged; the acknowledged head of the oldest segment goes with it. */
  private unackedBytes(): number {
    return this.heldBytes - this.head;
  }

  async close(): Promise<void> {
    this.closed = true;
    while (this.committing) await this.committing;
    await this.active?.close();
    await this.reader?.fh.close();
    this.active = null;
    this.reader = null;
    this.uncache(() => true);
  }

  /** Drops cached appends from the front while `done` holds for them. */
  private uncache(done: (c: Cached) => boolean): void {
    let n = 0;
    while (n < this.cache.length && done(this.cache[n])) this.cachedBytes -= this.cache[n].to - this.cache[n++].from;
    if (n > 0) this.cache.splice(0, n);
  }

  private async commitLoop(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const group = this.pending;
        this.pending = [];
        try {
          await this.writeGroup(group);
          for (const p of group) p.resolve();
        } catch (err) {
          // A failed write or fsync leaves the segment in an unknown state: refuse everything from now on.
          this.failed = err as Error;
          for (const p of [...group, ...this.pending]) p.reject(this.failed);
          this.pending = [];
        }
      }
    } finally {
      this.committing = null;
    }
  }

  private async writeGroup(group: PendingAppend[]): Promise<void> {
    let seg = this.segments[this.segments.length - 1];
    if (!this.active || seg.bytes >= this.segmentBytes) seg = await this.roll();
    const data = Buffer.allocUnsafe(group.reduce((n, p) => n + p.bytes, 0));
    let end = 0;
    for (const p of group) {
      end += data.write(p.text, end, 'utf8');
      data[end++] = 10;
    }
    let written = 0;
    while (written < data.length) {
      const { bytesWritten } = await this.active!.write(data, written, data.length - written, seg.bytes + written);
      written += bytesWritten;
    }
    await this.active!.datasync();
    let at = seg.bytes;
    for (const p of group) {
      if (this.cachedBytes + p.bytes <= this.cacheBytes) {
        this.cache.push({ seq: seg.seq, from: at, to: at + p.bytes, count: p.count, text: p.text });
        this.cachedBytes += p.bytes;
      }
      at += p.bytes;
    }
    seg.bytes += data.length;
    const records = group.reduce((n, p) => n + p.count, 0);
    this.appended += records;
    const now = Date.now();
    const last = this.marks[this.marks.length - 1];
    if (last && now - last.at < 1000) last.upTo = this.appended;
    else this.marks.push({ upTo: this.appended, at: now });
  }

  private async roll(): Promise<Segment> {
    const prev = this.segments[this.segments.length - 1];
    if (prev) prev.sealed = true;
    await this.active?.close();
    const seq = (prev?.seq ?? 0) + 1;
    const file = path.join(this.opts.dir, `${String(seq).padStart(12, '0')}${SEGMENT_SUFFIX}`);
    this.active = await open(file, 'wx');
    // The file's directory entry must be durable before its first records are acknowledged, or a power cut could
    // lose the whole segment; once per segment, so the cost is spread over megabytes of records.
    await syncDir(this.opts.dir);
    const seg: Segment = { seq, file, bytes: 0, sealed: false };
    this.segments.push(seg);
    if (prev && this.segments[0] === prev && this.head >= prev.bytes) await this.dropHeadSegment();
    return seg;
  }

  private async dropHeadSegment(): Promise<void> {
    // State first, files after: the commit loop and the drainer interleave at every await.
    const seg = this.segments.shift()!;
    this.heldBytes -= seg.bytes;
    this.head = 0;
    this.uncache((c) => c.seq <= seg.seq);
    const reader = this.reader?.seq === seg.seq ? this.reader : null;
    if (reader) this.reader = null;
    await reader?.fh.close();
    await rm(seg.file, { force: true });
  }

  private async readerFor(seg: Segment): Promise<FileHandle> {
    if (this.reader?.seq === seg.seq) return this.reader.fh;
    const old = this.reader;
    this.reader = null;
    await old?.fh.close();
    const fh = await open(seg.file, 'r');
    this.reader = { seq: seg.seq, fh };
    return fh;
  }

  /** Picks up segments left by an earlier run; a partial last line (never acknowledged) is cut off. */
  private async recover(): Promise<void> {
    await mkdir(this.opts.dir, { recursive: true });
    await syncDir(path.dirname(this.opts.dir));
    const names = (await readdir(this.opts.dir)).filter((n) => n.endsWith(SEGMENT_SUFFIX)).sort();
    for (const name of names) {
      const file = path.join(this.opts.dir, name);
      const fh = await open(file, 'r+');
      try {
        const { size, mtimeMs } = await stat(file);
        const { bytes, records } = await scanWholeLines(fh, size);
        if (bytes < size) await fh.truncate(bytes);
        if (bytes === 0) {
          await rm(file, { force: true });
          continue;
        }
        this.segments.push({ seq: Number.parseInt(name, 10), file, bytes, sealed: true });
        this.heldBytes += bytes;
        this.appended += records;
        this.marks.push({ upTo: this.appended, at: mtimeMs });
      } finally {
        await fh.close();
      }
    }
  }
}

async function syncDir(dir: string): Promise<void> {
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function scanWholeLines(fh: FileHandle, size: number): Promise<{ bytes: number; records: number }> {
  const buf = Buffer.allocUnsafe(Math.min(size, READ_CHUNK_BYTES) || 1);
  let records = 0;
  let lastEnd = 0;
  for (let pos = 0; pos < size; ) {
    const { bytesRead } = await fh.read(buf, 0, Math.min(buf.length, size - pos), pos);
    if (bytesRead === 0) break;
    for (let i = buf.indexOf(10, 0); i >= 0 && i < bytesRead; i = buf.indexOf(10, i + 1)) {
      records++;
      lastEnd = pos + i + 1;
    }
    pos += bytesRead;
  }
  return { bytes: lastEnd, records };
}
