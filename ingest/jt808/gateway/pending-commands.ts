export type CommandOutcome =
  | { status: 'answered'; result: number; mediaIds?: number[] }
  | { status: 'timeout' }
  | { status: 'offline' };

/** Platform commands awaiting the terminal's answer, keyed by (command id, serial) as 0x0001 echoes them. */
export class PendingCommands {
  private readonly waiting = new Map<string, { resolve: (o: CommandOutcome) => void; timer: NodeJS.Timeout }>();

  wait(msgId: number, serial: number, timeoutMs: number): Promise<CommandOutcome> {
    const key = `${msgId}:${serial}`;
    // A serial reused after wrap-around supersedes a forgotten wait.
    this.finish(key, { status: 'timeout' });
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.finish(key, { status: 'timeout' }), timeoutMs);
      this.waiting.set(key, { resolve, timer });
    });
  }

  /** Returns false when nothing waited for this answer (late, or for a command we did not await). */
  settle(msgId: number, serial: number, outcome: CommandOutcome): boolean {
    return this.finish(`${msgId}:${serial}`, outcome);
  }

  /** The connection ended: every wait ends as offline. */
  abandonAll(): void {
    for (const key of [...this.waiting.keys()]) this.finish(key, { status: 'offline' });
  }

  get size(): number {
    return this.waiting.size;
  }

  private finish(key: string, outcome: CommandOutcome): boolean {
    const w = this.waiting.get(key);
    if (!w) return false;
    clearTimeout(w.timer);
    this.waiting.delete(key);
    w.resolve(outcome);
    return true;
  }
}
