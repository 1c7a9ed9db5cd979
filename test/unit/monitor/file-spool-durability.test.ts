import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it, vi } from 'vitest';

const events: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof fs.open = async (file, flags, mode) => {
    const fh = await fs.open(file, flags, mode);
    const name = path.basename(String(file));
    if (flags === 'wx') events.push(`create ${name}`);
    const sync = fh.sync.bind(fh);
    fh.sync = async () => {
      events.push(`sync ${name}`);
      return sync();
    };
    return fh;
  };
  return { ...fs, open, default: { ...fs, open } };
});

const { FileSpool } = await import('../../../monitor/telemetry-store/spool/file-spool.ts');

it('makes the spool directory and each new segment file durable in their directories before acknowledging records', async () => {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'hazwatch-spool-'));
  const spool = await FileSpool.open({ dir: path.join(parent, 'sensor'), maxBytes: 1 << 20, segmentBytes: 16 });
  for (let i = 0; i < 3; i++) {
    await spool.append([`record-number-${i}`]);
    events.push(`acknowledged ${i}`);
  }
  await spool.close();
  await rm(parent, { recursive: true, force: true });
  expect(events).toEqual([
    `sync ${path.basename(parent)}`,
    ...[1, 2, 3].flatMap((seq, i) => [`create ${String(seq).padStart(12, '0')}.seg`, 'sync sensor', `acknowledged ${i}`]),
  ]);
});
