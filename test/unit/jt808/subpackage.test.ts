import { describe, it, expect } from 'vitest';
import {
  SubpackageAssembler,
  decodeFrame,
  decodeResendRequest,
  encodeFrame,
  encodeResendRequest as encodeResendFromIndex,
} from '../../../ingest/jt808/codec/index.ts';
import { encodeResendRequest } from '../../../ingest/jt808/codec/subpackage-assembler.ts';
import type { Jt808Frame, Jt808Header } from '../../../ingest/jt808/codec/index.ts';
import { content, vectors } from './helpers.ts';

const p1 = () => decodeFrame(content(vectors[13]));
const p2 = () => decodeFrame(content(vectors[14]));

function part(phone: string, msgId: number, total: number, index: number, serial: number, body: Buffer, is2019 = false): Jt808Frame {
  const header: Jt808Header = {
    msgId,
    bodyLength: body.length,
    encryption: 0,
    subpackage: true,
    is2019,
    phone,
    serial,
    packageTotal: total,
    packageIndex: index,
  };
  if (is2019) header.protocolVersion = 1;
  return { header, body, checksumOk: true };
}

function clock() {
  let t = 1_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('SubpackageAssembler', () => {
  it('passes unpackaged frames straight through', () => {
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 4, maxBytes: 4096 });
    const f = decodeFrame(content(vectors[7]));
    expect(a.add(f).complete).toEqual({ header: f.header, body: f.body });
    expect(a.pendingSets).toBe(0);
  });

  it('reassembles out of order, keyed on phone/msgId/total, across interleaved sets', () => {
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 4, maxBytes: 4096 });
    const x = (i: number) => Buffer.from(`A${i}`);
    const y = (i: number) => Buffer.from(`B${i}`);
    expect(a.add(part('013800000001', 0x0801, 3, 3, 12, x(3)))).toEqual({});
    expect(a.add(part('013800000002', 0x0801, 3, 2, 99, y(2)))).toEqual({});
    expect(a.add(part('013800000001', 0x0801, 3, 1, 10, x(1)))).toEqual({});
    expect(a.add(part('013800000002', 0x0801, 3, 1, 98, y(1)))).toEqual({});
    // Same phone, different message id: a separate set.
    expect(a.add(part('013800000001', 0x0104, 3, 2, 50, Buffer.from('C2')))).toEqual({});
    const done = a.add(part('013800000001', 0x0801, 3, 2, 77, x(2))).complete!;
    expect(done.body.toString()).toBe('A1A2A3');
    expect(done.header).toMatchObject({ serial: 10, subpackage: false, bodyLength: 6, msgId: 0x0801 });
    expect(a.pendingSets).toBe(2);
    expect(a.add(part('013800000002', 0x0801, 3, 3, 100, y(3))).complete!.body.toString()).toBe('B1B2B3');
  });

  it('a duplicate package replaces the earlier copy without double counting bytes', () => {
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 4, maxBytes: 4096 });
    a.add(part('1', 0x0801, 2, 1, 1, Buffer.from('old!')));
    a.add(part('1', 0x0801, 2, 1, 1, Buffer.from('new')));
    expect(a.pendingBytes).toBe(3);
    expect(a.add(part('1', 0x0801, 2, 2, 2, Buffer.from('+'))).complete!.body.toString()).toBe('new+');
    expect(a.pendingBytes).toBe(0);
  });

  it('ignores invalid package indexes and completes single-package sets at once', () => {
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 4, maxBytes: 4096 });
    expect(a.add(part('1', 0x0801, 2, 0, 1, Buffer.from('x'))).ignored).toBe('bad_index');
    expect(a.add(part('1', 0x0801, 2, 3, 1, Buffer.from('x'))).ignored).toBe('bad_index');
    expect(a.add(part('1', 0x0801, 0, 0, 1, Buffer.from('x'))).ignored).toBe('bad_index');
    expect(a.add(part('1', 0x0801, 1, 1, 1, Buffer.from('x'))).complete!.body.toString()).toBe('x');
    expect(a.pendingSets).toBe(0);
  });

  it('reports a timed-out set with its missing list, then discards it after the resend round', () => {
    const c = clock();
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 4, maxBytes: 1 << 20, now: c.now });
    a.add(p1());
    c.advance(4999);
    expect(a.expire()).toEqual([]);
    c.advance(1);
    const [first] = a.expire();
    expect(first).toMatchObject({ phone: '011275400381', msgId: 0x0104, total: 2, missing: [2], firstSerial: 1233, discarded: false });
    expect(first.header.is2019).toBe(false);
    // The 0x8003 the gateway would send for it.
    expect(encodeResendRequest({ originalSerial: first.firstSerial, missing: first.missing }, '2013').toString('hex')).toBe('04d1010002');
    expect(a.expire()).toEqual([]);
    c.advance(5000);
    const [second] = a.expire();
    expect(second).toMatchObject({ missing: [2], discarded: true });
    expect(a.pendingSets).toBe(0);
    expect(a.pendingBytes).toBe(0);
    expect(a.discardedSets).toBe(1);
    // Package 2 alone now starts a new set instead of completing the old one.
    expect(a.add(p2()).complete).toBeUndefined();
  });

  it('completes when the missing package arrives after a resend request', () => {
    const c = clock();
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 4, maxBytes: 1 << 20, now: c.now });
    a.add(p2());
    c.advance(6000);
    const [exp] = a.expire();
    expect(exp.missing).toEqual([1]);
    // Package 1 missing: the first serial is inferred from package 2's.
    expect(exp.firstSerial).toBe(1249);
    c.advance(1000);
    const done = a.add(p1()).complete!;
    expect(done.body.length).toBe(1219);
    expect(a.expire()).toEqual([]);
  });

  it('activity restarts the timeout', () => {
    const c = clock();
    const a = new SubpackageAssembler({ timeoutMs: 100, maxPendingSets: 4, maxBytes: 4096, now: c.now });
    a.add(part('1', 0x0801, 3, 1, 1, Buffer.from('a')));
    c.advance(90);
    a.add(part('1', 0x0801, 3, 2, 2, Buffer.from('b')));
    c.advance(90);
    expect(a.expire()).toEqual([]);
    c.advance(10);
    expect(a.expire().map((e) => e.missing)).toEqual([[3]]);
  });

  it('evicts the oldest set beyond maxPendingSets', () => {
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 2, maxBytes: 4096 });
    a.add(part('1', 0x0801, 2, 1, 1, Buffer.from('a')));
    a.add(part('2', 0x0801, 2, 1, 1, Buffer.from('b')));
    a.add(part('3', 0x0801, 2, 1, 1, Buffer.from('c')));
    expect(a.pendingSets).toBe(2);
    expect(a.evictedSets).toBe(1);
    expect(a.add(part('1', 0x0801, 2, 2, 2, Buffer.from('A'))).complete).toBeUndefined();
    expect(a.add(part('3', 0x0801, 2, 2, 2, Buffer.from('C'))).complete!.body.toString()).toBe('cC');
  });

  it('stays within maxBytes by evicting the oldest sets', () => {
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 100, maxBytes: 1000 });
    for (let i = 0; i < 50; i++) {
      a.add(part(String(i), 0x0801, 10, 1, 1, Buffer.alloc(300)));
      expect(a.pendingBytes).toBeLessThanOrEqual(1000);
    }
    expect(a.pendingSets).toBe(3);
    expect(a.evictedSets).toBe(47);
    expect(a.add(part('x', 0x0801, 2, 1, 1, Buffer.alloc(1001))).ignored).toBe('too_large');
  });

  it('reassembles a large 2019 message cut by encodeFrame-sized packages', () => {
    const a = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 4, maxBytes: 1 << 20 });
    const payload = Buffer.alloc(5000);
    for (let i = 0; i < payload.length; i++) payload[i] = (i * 7) & 0xff;
    const size = 1023;
    const total = Math.ceil(payload.length / size);
    const order = [...Array(total).keys()].reverse();
    let result: Buffer | undefined;
    for (const k of order) {
      const h = part('12345678901234567890', 0x0801, total, k + 1, 200 + k, payload.subarray(k * size, (k + 1) * size), true).header;
      const { bodyLength: _l, ...rest } = h;
      const wire = encodeFrame(rest, payload.subarray(k * size, (k + 1) * size));
      result = a.add(decodeFrame(wire.subarray(1, -1))).complete?.body ?? result;
    }
    expect(result).toEqual(payload);
  });
});

describe('0x8003 resend request', () => {
  it('uses a BYTE count before 2019 and a WORD count in 2019', () => {
    const req = { originalSerial: 0x1234, missing: [2, 5, 300] };
    expect(encodeResendRequest(req, '2013').toString('hex')).toBe('1234' + '03' + '0002' + '0005' + '012c');
    expect(encodeResendRequest(req, '2011').toString('hex')).toBe('1234' + '03' + '0002' + '0005' + '012c');
    expect(encodeResendRequest(req, '2019').toString('hex')).toBe('1234' + '0003' + '0002' + '0005' + '012c');
    expect(decodeResendRequest(encodeResendRequest(req, '2019'), '2019')).toEqual(req);
    expect(decodeResendRequest(encodeResendRequest(req, '2013'), '2013')).toEqual(req);
    expect(encodeResendFromIndex).toBe(encodeResendRequest);
  });

  it('refuses more than 255 missing packages in a BYTE count but allows them in 2019', () => {
    const missing = Array.from({ length: 256 }, (_, i) => i + 1);
    expect(() => encodeResendRequest({ originalSerial: 1, missing }, '2013')).toThrow(RangeError);
    expect(encodeResendRequest({ originalSerial: 1, missing }, '2019').length).toBe(4 + 512);
  });
});
