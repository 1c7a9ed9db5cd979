import { describe, expect, it } from 'vitest';
import { ChunkPacker, unpackChunks } from '../../../ingest/jt808/gateway/socket-processes/link-messages.ts';

describe('socket process IPC packing', () => {
  it('carries the chunks of many links in one buffer, in order, empty ones included', () => {
    const packer = new ChunkPacker();
    expect(packer.empty).toBe(true);
    const chunks: Array<[number, Buffer]> = [
      [7, Buffer.from('7e0002000001380000000100017e', 'hex')],
      [4_000_000_000, Buffer.alloc(0)],
      [7, Buffer.from([0x7e])],
      [1, Buffer.alloc(70_000, 0xab)],
    ];
    for (const [id, chunk] of chunks) packer.add(id, chunk);
    expect(packer.empty).toBe(false);
    const packed = packer.take();
    expect(packer.empty).toBe(true);
    const out: Array<[number, Buffer]> = [];
    // As it arrives over IPC: a view into a larger buffer.
    const whole = Buffer.concat([Buffer.from('xx'), packed]);
    const arrived = new Uint8Array(whole.buffer, whole.byteOffset + 2, packed.length);
    unpackChunks(arrived, (id, chunk) => out.push([id, Buffer.from(chunk)]));
    expect(out).toEqual(chunks);
    expect(packer.take()).toHaveLength(0);
  });
});
