import { describe, it, expect } from 'vitest';
import {
  Jt808DecodeError,
  checksum,
  decodeBcd,
  decodeBcdTime,
  decodeFrame,
  decodeHeader,
  encodeBcd,
  encodeBcdTime,
  encodeFrame,
  encodeHeader,
  escape,
  normalizePhone,
  unescape,
} from '../../../ingest/jt808/codec/index.ts';
import type { Jt808Header } from '../../../ingest/jt808/codec/index.ts';
import { fmtUtc8, prng, randInt, randomBytes } from './helpers.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(Jt808DecodeError);
    return (err as Jt808DecodeError).code;
  }
  return undefined;
}

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');

describe('escape / unescape / checksum', () => {
  it('escapes 7E and 7D and nothing else', () => {
    expect(escape(hex('00 7e 7d 01 02 7e'))).toEqual(hex('00 7d02 7d01 01 02 7d02'));
    expect(unescape(hex('00 7d02 7d01 01 02 7d02'))).toEqual(hex('00 7e 7d 01 02 7e'));
    expect(escape(Buffer.alloc(0))).toEqual(Buffer.alloc(0));
  });

  it('7D 01 02 unescapes to 7D 02, not 7E', () => {
    expect(unescape(hex('7d01 02'))).toEqual(hex('7d 02'));
  });

  it('refuses invalid escapes with bad_escape', () => {
    expect(codeOf(() => unescape(hex('01 7d 03')))).toBe('bad_escape');
    expect(codeOf(() => unescape(hex('01 7d 00 02')))).toBe('bad_escape');
    expect(codeOf(() => unescape(hex('01 7d')))).toBe('bad_escape');
    expect(codeOf(() => unescape(hex('01 7e 02')))).toBe('bad_escape');
  });

  it('escape then unescape is the identity and never leaves a 7E (random buffers)', () => {
    const rand = prng(7);
    for (let n = 0; n < 500; n++) {
      const b = randomBytes(rand, randInt(rand, 0, 64));
      const e = escape(b);
      expect(e.includes(0x7e)).toBe(false);
      expect(unescape(e)).toEqual(b);
    }
  });

  it('checksum is the XOR of all bytes', () => {
    expect(checksum(hex('01 02 04'))).toBe(0x07);
    expect(checksum(hex('ff ff'))).toBe(0);
    expect(checksum(Buffer.alloc(0))).toBe(0);
  });
});

describe('frames: escaping edge cases', () => {
  const base: Omit<Jt808Header, 'bodyLength'> = {
    msgId: 0x0002,
    encryption: 0,
    subpackage: false,
    is2019: false,
    phone: '040021679287',
    serial: 43,
  };

  it('a checksum of 0x7E is escaped before the closing flag and decodes back', () => {
    const wire = encodeFrame(base, Buffer.alloc(0));
    expect(wire.toString('hex')).toBe('7e00020000040021679287002b7d027e');
    expect(decodeFrame(wire.subarray(1, -1)).checksumOk).toBe(true);
  });

  it('a checksum of 0x7D is escaped as 7D 01', () => {
    const wire = encodeFrame({ ...base, serial: 43 ^ 0x7e ^ 0x7d }, Buffer.alloc(0));
    expect(wire.subarray(-3).toString('hex')).toBe('7d017e');
    expect(decodeFrame(wire.subarray(1, -1)).header.serial).toBe(43 ^ 0x7e ^ 0x7d);
  });

  it('7E/7D in the message id, attributes, phone and serial survive', () => {
    const header: Omit<Jt808Header, 'bodyLength'> = {
      msgId: 0x7e7d,
      encryption: 0,
      subpackage: true,
      packageTotal: 0x7e7e,
      packageIndex: 0x7d7d,
      is2019: true,
      protocolVersion: 0x7e,
      phone: '00000000000000000000',
      serial: 0x7d7e,
    };
    const body = Buffer.alloc(0x7e, 0x7d);
    const wire = encodeFrame(header, body);
    const inner = wire.subarray(1, -1);
    expect(inner.includes(0x7e)).toBe(false);
    const f = decodeFrame(inner);
    expect(f.header).toEqual({ ...header, bodyLength: 0x7e });
    expect(f.body).toEqual(body);
  });

  it('refuses frames that are too short, have wrong lengths or bad escapes', () => {
    expect(codeOf(() => decodeFrame(Buffer.alloc(0)))).toBe('too_short');
    expect(codeOf(() => decodeFrame(hex('0002 0000 0400216792 87')))).toBe('too_short');
    // Valid checksum but a 2019 flag needing a 17-byte header.
    const short2019 = hex('0002 4000 040021679287 002b');
    expect(codeOf(() => decodeFrame(Buffer.concat([short2019, Buffer.from([checksum(short2019)])])))).toBe('too_short');
    const wrongLen = hex('0002 0001 040021679287 002b');
    expect(codeOf(() => decodeFrame(Buffer.concat([wrongLen, Buffer.from([checksum(wrongLen)])])))).toBe('body_length');
    expect(codeOf(() => decodeFrame(hex('0002 0000 040021679287 002b 7d03')))).toBe('bad_escape');
  });

  it('refuses to encode bodies over 1023 bytes and bad header values', () => {
    expect(() => encodeFrame(base, Buffer.alloc(1024))).toThrow(RangeError);
    expect(encodeFrame(base, Buffer.alloc(1023)).length).toBeGreaterThan(1023);
    expect(() => encodeFrame({ ...base, serial: 0x10000 }, Buffer.alloc(0))).toThrow(RangeError);
    expect(() => encodeFrame({ ...base, phone: '1234567890123' }, Buffer.alloc(0))).toThrow(RangeError);
    expect(() => encodeFrame({ ...base, phone: '12345x' }, Buffer.alloc(0))).toThrow(RangeError);
  });
});

describe('header', () => {
  it('pads short phones with leading zeros to the edition width', () => {
    const h: Jt808Header = { msgId: 1, bodyLength: 0, encryption: 0, subpackage: false, is2019: false, phone: '13800138000', serial: 1 };
    expect(decodeHeader(encodeHeader(h)).header.phone).toBe('013800138000');
    const h19 = { ...h, is2019: true, protocolVersion: 1 };
    const d = decodeHeader(encodeHeader(h19));
    expect(d.header.phone).toBe('00000000013800138000');
    expect(d.headerLength).toBe(17);
  });

  it('decodes encryption bits and refuses out-of-range ones on encode', () => {
    const h: Jt808Header = { msgId: 1, bodyLength: 5, encryption: 1, subpackage: false, is2019: false, phone: '1', serial: 1 };
    const buf = encodeHeader(h);
    expect(buf.readUInt16BE(2)).toBe(0x0405);
    expect(decodeHeader(buf).header.encryption).toBe(1);
    expect(() => encodeHeader({ ...h, encryption: 8 })).toThrow(RangeError);
  });

  it('keeps non-decimal phone nibbles so such frames still round-trip', () => {
    const raw = hex('0002 0000 0138123456ff 0001');
    const { header } = decodeHeader(raw);
    expect(header.phone).toBe('0138123456ff');
    expect(encodeHeader(header)).toEqual(raw);
  });

  it('normalizePhone strips leading zeros only', () => {
    expect(normalizePhone('000123456789')).toBe('123456789');
    expect(normalizePhone('00000000017299841738')).toBe('17299841738');
    expect(normalizePhone('12345678901234567890')).toBe('12345678901234567890');
    expect(normalizePhone('100')).toBe('100');
    expect(normalizePhone('000000000000')).toBe('0');
  });
});

describe('BCD', () => {
  it('decodes times as UTC+8 instants', () => {
    const d = decodeBcdTime(hex('240101030000'));
    expect(d.toISOString()).toBe('2023-12-31T19:00:00.000Z');
    expect(fmtUtc8(d)).toBe('2024-01-01 03:00:00');
  });

  it('encodes Dates back to UTC+8 BCD, dropping milliseconds', () => {
    expect(encodeBcdTime(new Date('2023-12-31T19:00:00.999Z')).toString('hex')).toBe('240101030000');
    expect(encodeBcdTime(new Date('2024-02-29T15:59:59Z')).toString('hex')).toBe('240229235959');
  });

  it('round-trips random valid times', () => {
    const rand = prng(11);
    for (let n = 0; n < 500; n++) {
      const t = Date.UTC(2000, 0, 1) - 8 * 3600_000 + Math.floor(rand() * 3_155_000_000) * 1000;
      const d = new Date(t);
      expect(decodeBcdTime(encodeBcdTime(d)).getTime()).toBe(t);
    }
  });

  it('refuses invalid BCD times with bad_bcd', () => {
    for (const bad of ['241301000000', '240230000000', '230229000000', '240100000000', '240101240000', '240101006000', '2401010000a0', '000000000000']) {
      expect(codeOf(() => decodeBcdTime(hex(bad))), bad).toBe('bad_bcd');
    }
    expect(codeOf(() => decodeBcdTime(hex('2401010000')))).toBe('bad_bcd');
    expect(decodeBcdTime(hex('240229000000')).getTime()).toBe(Date.UTC(2024, 1, 28, 16));
  });

  it('refuses Dates outside 2000-2099 and invalid Dates', () => {
    expect(() => encodeBcdTime(new Date('1999-12-31T15:59:59Z'))).toThrow(RangeError);
    expect(() => encodeBcdTime(new Date('2099-12-31T16:00:00Z'))).toThrow(RangeError);
    expect(() => encodeBcdTime(new Date(NaN))).toThrow(RangeError);
  });

  it('encodes and decodes digit strings', () => {
    expect(encodeBcd('123', 3).toString('hex')).toBe('000123');
    expect(decodeBcd(hex('001234'))).toBe('001234');
    expect(codeOf(() => decodeBcd(hex('12ab')))).toBe('bad_bcd');
  });
});
