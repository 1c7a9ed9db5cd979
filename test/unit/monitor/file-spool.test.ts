import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileSpool } from '../../../monitor/telemetry-store/spool/file-spool.ts';
import { recordsOf, spoolContract } from './spool-contract.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-spool-'));
  dirs.push(d);
  return d;
};

describe('FileSpool', () => {
  // Records come from memory when they fit the cache and from the segment files otherwise; both must behave alike.
  describe.each([
    ['with the default cache', undefined],
    ['reading everything back from disk', 0],
    ['with a cache smaller than the backlog', 40],
  ])('%s', (_how, cacheBytes) => {
    spoolContract(() => {
      let dir: Promise<string> | null = null;
      return {
        open: async (o) => FileSpool.open({ dir: await (dir ??= tempDir()), cacheBytes, ...o }),
        reopen: async (o) => FileSpool.open({ dir: await dir!, cacheBytes, ...o }),
      };
    });
  });

  it('deletes fully acknowledged segments', async () => {
    const dir = await tempDir();
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 20, segmentBytes: 32 });
    for (let i = 0; i < 20; i++) await spool.append([`record-number-${i}`]);
    expect((await readdir(dir)).length).toBeGreaterThan(5);
    for (let b = await spool.peek(3); b; b = await spool.peek(3)) await spool.ack(b);
    expect((await readdir(dir)).length).toBe(1);
    await spool.close();
  });

  it('refuses a record with a newline in it, which would come back as two, and takes nothing of that append', async () => {
    const spool = await FileSpool.open({ dir: await tempDir(), maxBytes: 1 << 20 });
    await expect(spool.append(['a\nb'])).rejects.toThrow(/newline/);
    await expect(spool.append(['ok', 'c\n', 'ok'])).rejects.toThrow(/newline/);
    expect(spool.depth().records).toBe(0);
    await spool.close();
  });

  it('cuts a torn last line left by a crash mid-write', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, '000000000001.seg'), 'one\ntwo\nthr');
    const spool = await FileSpool.open({ dir, maxBytes: 1 << 20 });
    expect(spool.depth().records).toBe(2);
    expect(recordsOf((await spool.peek(10))!)).toEqual(['one', 'two']);
    await spool.close();
  });
});
