import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { RejectedLine } from './write-rejections.ts';

/**
 * Telemetry InfluxDB refused for good, kept as line protocol (`<dir>/<store>.lp`) so nothing is dropped silently:
 * each line follows a `#` comment with when and why. Line protocol skips comments, so once the cause is fixed the
 * file can be posted back as it is (`/write?db=…&rp=<store>&precision=ms`).
 */
export class DeadLetterFile {
  constructor(
    private readonly dir: string,
    private readonly store: string,
  ) {}

  get path(): string {
    return path.join(this.dir, `${this.store}.lp`);
  }

  /** Resolves once the lines are on disk. */
  async append(rejected: readonly RejectedLine[], at: Date): Promise<void> {
    if (rejected.length === 0) return;
    await mkdir(this.dir, { recursive: true });
    const text = rejected.map((r) => `# ${at.toISOString()} ${r.reason.replace(/\s+/g, ' ')}\n${r.line}\n`).join('');
    const file = await open(this.path, 'a');
    try {
      await file.appendFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
  }
}
