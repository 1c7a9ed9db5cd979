import { Jt808DecodeError } from './errors.ts';

/** Big-endian cursor over a body; every overrun is a 'too_short' decode error. */
export class Reader {
  readonly buf: Buffer;
  offset: number;
  private readonly what: string;

  constructor(buf: Buffer, what = 'body', offset = 0) {
    this.buf = buf;
    this.what = what;
    this.offset = offset;
  }

  get remaining(): number {
    return this.buf.length - this.offset;
  }

  private need(n: number): void {
    if (this.remaining < n) {
      throw new Jt808DecodeError(
        'too_short',
        `${this.what}: need ${n} byte(s) at offset ${this.offset}, have ${this.remaining}`,
      );
    }
  }

  u8(): number {
    this.need(1);
    return this.buf[this.offset++];
  }

  u16(): number {
    this.need(2);
    const v = this.buf.readUInt16BE(this.offset);
    this.offset += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.buf.readUInt32BE(this.offset);
    this.offset += 4;
    return v;
  }

  bytes(n: number): Buffer {
    this.need(n);
    const v = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return Buffer.from(v);
  }

  /** Like bytes() without the copy, for values decoded on the spot. */
  view(n: number): Buffer {
    this.need(n);
    const v = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  rest(): Buffer {
    return this.bytes(this.remaining);
  }
}

function checkUint(value: number, max: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${what} out of range: ${value}`);
  }
}

export function u8(value: number, what = 'BYTE'): Buffer {
  checkUint(value, 0xff, what);
  return Buffer.from([value]);
}

export function u16(value: number, what = 'WORD'): Buffer {
  checkUint(value, 0xffff, what);
  const b = Buffer.allocUnsafe(2);
  b.writeUInt16BE(value);
  return b;
}

export function u32(value: number, what = 'DWORD'): Buffer {
  checkUint(value, 0xffffffff, what);
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32BE(value);
  return b;
}
