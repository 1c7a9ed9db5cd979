import { Reader, u16, u8 } from '../binary.ts';
import type { Jt808Header, ProtocolEdition } from '../header.ts';
import { decodeFixedString, decodeTrailingString, encodeFixedString, encodeGbk } from '../text.ts';

export interface Register {
  edition: ProtocolEdition;
  provinceId: number;
  cityId: number;
  makerId: string;
  model: string;
  terminalId: string;
  /** 0 = unplated: `plate` then holds the VIN. */
  plateColor: number;
  plate: string;
}

interface Layout {
  maker: number;
  model: number;
  terminalId: number;
}

const LAYOUTS: Record<ProtocolEdition, Layout> = {
  '2011': { maker: 5, model: 8, terminalId: 7 },
  '2013': { maker: 5, model: 20, terminalId: 7 },
  '2019': { maker: 11, model: 30, terminalId: 30 },
};

function fixedLength(l: Layout): number {
  return 2 + 2 + l.maker + l.model + l.terminalId + 1;
}

/** A 2013 body without a plate is 37 bytes; anything shorter must be the 2011 layout. */
export function inferRegisterEdition(body: Buffer, header: Pick<Jt808Header, 'is2019'>): ProtocolEdition {
  if (header.is2019) return '2019';
  return body.length >= fixedLength(LAYOUTS['2013']) ? '2013' : '2011';
}

export function decodeRegister(
  body: Buffer,
  header: Pick<Jt808Header, 'is2019'>,
  opts?: { edition?: ProtocolEdition },
): Register {
  const edition = opts?.edition ?? inferRegisterEdition(body, header);
  const l = LAYOUTS[edition];
  const r = new Reader(body, `0x0100 body (${edition})`);
  return {
    edition,
    provinceId: r.u16(),
    cityId: r.u16(),
    makerId: decodeFixedString(r.bytes(l.maker)),
    model: decodeFixedString(r.bytes(l.model)),
    terminalId: decodeFixedString(r.bytes(l.terminalId)),
    plateColor: r.u8(),
    plate: decodeTrailingString(r.rest()),
  };
}

export function encodeRegister(reg: Register): Buffer {
  const l = LAYOUTS[reg.edition];
  return Buffer.concat([
    u16(reg.provinceId, 'provinceId'),
    u16(reg.cityId, 'cityId'),
    encodeFixedString(reg.makerId, l.maker, 'makerId'),
    encodeFixedString(reg.model, l.model, 'model'),
    encodeFixedString(reg.terminalId, l.terminalId, 'terminalId'),
    u8(reg.plateColor, 'plateColor'),
    encodeGbk(reg.plate),
  ]);
}

export const RegisterResult = {
  Ok: 0,
  VehicleAlreadyRegistered: 1,
  VehicleUnknown: 2,
  TerminalAlreadyRegistered: 3,
  TerminalUnknown: 4,
} as const;

export interface RegisterReply {
  replySerial: number;
  result: number;
  /** Present only when result is 0. */
  authCode?: string;
}

export function encodeRegisterReply(reply: RegisterReply): Buffer {
  const head = Buffer.concat([u16(reply.replySerial, 'replySerial'), u8(reply.result, 'result')]);
  return reply.result === RegisterResult.Ok ? Buffer.concat([head, encodeGbk(reply.authCode ?? '')]) : head;
}

export function decodeRegisterReply(body: Buffer): RegisterReply {
  const r = new Reader(body, '0x8100 body');
  const replySerial = r.u16();
  const result = r.u8();
  if (result !== RegisterResult.Ok) return { replySerial, result };
  return { replySerial, result, authCode: decodeTrailingString(r.rest()) };
}
