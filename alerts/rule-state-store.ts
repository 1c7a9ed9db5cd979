import { isDeepStrictEqual } from 'node:util';
import type { Database } from '../platform/db/database.ts';

type SourceKind = 'sensor' | 'vehicle';
type Key = `${string}|${SourceKind}|${number}`;
/** One rule kind's states by source; looked up without building a key string on every reading. */
type Bucket = Record<SourceKind, Map<number, unknown>>;

/**
 * Per-entity rule memory (fatigue clocks, delay and duration timers) held in memory and written behind: changes are
 * batched into one upsert at most every `debounceMs`, and flushed on close, so a restart resumes them.
 */
export class RuleStateStore {
  private readonly states = new Map<string, Bucket>();
  private readonly dirty = new Set<Key>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly opts: { debounceMs: number; onError?: (err: unknown) => void } = { debounceMs: 1000 },
  ) {}

  async load(): Promise<void> {
    const rows = await this.db.query<{ rule_kind: string; source_kind: 'sensor' | 'vehicle'; source_id: number; state: unknown }>('select * from rule_state');
    for (const r of rows) this.bucket(r.rule_kind)[r.source_kind].set(r.source_id, r.state);
  }

  private bucket(kind: string): Bucket {
    let b = this.states.get(kind);
    if (!b) this.states.set(kind, (b = { sensor: new Map(), vehicle: new Map() }));
    return b;
  }

  get<T>(kind: string, sourceKind: SourceKind, id: number): T | undefined {
    return this.states.get(kind)?.[sourceKind].get(id) as T | undefined;
  }

  set(kind: string, sourceKind: SourceKind, id: number, state: unknown): void {
    const byId = this.bucket(kind)[sourceKind];
    const prev = byId.get(id);
    // Some steps return fresh objects even when nothing changed; unchanged state is not worth a write.
    if (prev === state || (typeof state === 'object' && isDeepStrictEqual(prev, state))) return;
    byId.set(id, state);
    this.dirty.add(`${kind}|${sourceKind}|${id}`);
    this.timer ??= setTimeout(() => void this.flush().catch((err) => this.opts.onError?.(err)), this.opts.debounceMs);
  }

  /** Replaces the state in memory only, for a change a restart need not see. */
  remember(kind: string, sourceKind: SourceKind, id: number, state: unknown): void {
    this.bucket(kind)[sourceKind].set(id, state);
  }

  /** Every (kind, source) pair that has state, e.g. for a periodic sweep. */
  entries<T>(kind: string): Array<{ sourceKind: SourceKind; id: number; state: T }> {
    const out: Array<{ sourceKind: SourceKind; id: number; state: T }> = [];
    const b = this.states.get(kind);
    for (const sourceKind of ['sensor', 'vehicle'] as const) {
      for (const [id, state] of b?.[sourceKind] ?? []) out.push({ sourceKind, id, state: state as T });
    }
    return out;
  }

  /** Writes every pending change; calls are serialised so writes land in order. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const batch = [...this.dirty].map((key) => {
      const [kind, sourceKind, id] = key.split('|') as [string, SourceKind, string];
      return { key, kind, sourceKind, id: Number(id), state: this.get(kind, sourceKind, Number(id)) };
    });
    this.dirty.clear();
    // One statement per flush, however many sources changed.
    const write = async () => {
      if (batch.length === 0) return;
      const rows = batch.map(({ kind, sourceKind, id, state }) => ({ kind, sourceKind, id, state }));
      await this.db.query(
        `insert into rule_state (rule_kind, source_kind, source_id, state, updated_at)
         select r.kind, r."sourceKind", r.id, r.state, now() from jsonb_to_recordset($1::jsonb) as r(kind text, "sourceKind" text, id integer, state jsonb)
         on conflict (rule_kind, source_kind, source_id) do update set state = excluded.state, updated_at = now()`,
        [JSON.stringify(rows)],
      );
    };
    // A failed write puts its keys back, so the next flush retries them.
    this.flushing = this.flushing.catch(() => undefined).then(write).catch((err: unknown) => {
      for (const { key } of batch) this.dirty.add(key);
      throw err;
    });
    return this.flushing;
  }
}
