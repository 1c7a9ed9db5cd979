import { SinkFullError } from '../../../ingest/ports.ts';

/**
 * A write-ahead spool of text records (one line each) between intake and InfluxDB. Records are durable once
 * append() resolves, come back from peek() in append order, and leave only when the consumer acks them.
 * One consumer; a failed send simply peeks the same records again from the oldest.
 */
export interface Spool {
  /** Resolves once the records are durable; rejects with SpoolFullError when they would exceed the bound. */
  append(records: readonly string[]): Promise<void>;
  /**
   * The oldest unacknowledged records, at most max of them, or with `after` the records following that batch
   * (so a consumer can keep more than one batch in flight); null when there are none.
   */
  peek(max: number, after?: SpoolBatch): Promise<SpoolBatch | null>;
  /** Removes a batch returned by the latest peek(); batches must be acked in order. */
  ack(batch: SpoolBatch): Promise<void>;
  depth(): SpoolDepth;
  close(): Promise<void>;
}

export interface SpoolBatch {
  /** How many records the batch holds. */
  readonly count: number;
  /** The records, separated by newlines. */
  readonly text: string;
}

export interface SpoolDepth {
  /** Records appended but not yet acknowledged. */
  records: number;
  /** Bytes not yet acknowledged, held against the bound (disk use can exceed it by one segment). */
  bytes: number;
  maxBytes: number;
  /** When the oldest unacknowledged record was appended (to within a second); null when empty. */
  oldestAppendedAt: Date | null;
}

export class SpoolFullError extends SinkFullError {
  constructor(bytes: number, maxBytes: number) {
    super(bytes, maxBytes, `spool full: ${bytes} of ${maxBytes} bytes in use`);
  }
}
