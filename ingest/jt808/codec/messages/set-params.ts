import { Reader, u16, u32, u8 } from '../binary.ts';
import { Jt808DecodeError } from '../errors.ts';
import { decodeTrailingString, encodeGbk } from '../text.ts';

export interface TerminalParam {
  id: number;
  value: Buffer;
}

export interface SetParams {
  params: TerminalParam[];
}

/** Parameter list as used by 0x8103 (count BYTE) and 0x0104 (after the reply serial). */
export function readParamList(r: Reader, count: number): TerminalParam[] {
  const params: TerminalParam[] = [];
  for (let i = 0; i < count; i++) {
    const id = r.u32();
    const len = r.u8();
    params.push({ id, value: r.bytes(len) });
  }
  return params;
}

export function writeParamList(params: readonly TerminalParam[]): Buffer {
  const parts: Buffer[] = [];
  for (const p of params) parts.push(u32(p.id, 'param id'), u8(p.value.length, 'param length'), p.value);
  return Buffer.concat(parts);
}

export function decodeSetParams(body: Buffer): SetParams {
  const r = new Reader(body, '0x8103 body');
  const count = r.u8();
  return { params: readParamList(r, count) };
}

export function encodeSetParams(msg: SetParams): Buffer {
  return Buffer.concat([u8(msg.params.length, 'param count'), writeParamList(msg.params)]);
}

export const paramDword = (id: number, value: number): TerminalParam => ({ id, value: u32(value) });
export const paramWord = (id: number, value: number): TerminalParam => ({ id, value: u16(value) });
export const paramByte = (id: number, value: number): TerminalParam => ({ id, value: u8(value) });
export const paramString = (id: number, value: string): TerminalParam => ({ id, value: encodeGbk(value) });

/** Unsigned big-endian integer of a 1, 2 or 4 byte value. */
export function paramUint(value: Buffer): number {
  if (value.length === 1 || value.length === 2 || value.length === 4) return value.readUIntBE(0, value.length);
  throw new Jt808DecodeError('bad_value', `parameter value of ${value.length} bytes is not an integer`);
}

export function paramText(value: Buffer): string {
  return decodeTrailingString(value);
}

export const SafetyParamId = {
  heartbeatS: 0x0001,
  maxSpeedKmh: 0x0055,
  overspeedDurationS: 0x0056,
  continuousDrivingS: 0x0057,
  dailyDrivingS: 0x0058,
  minRestS: 0x0059,
  maxParkingS: 0x005a,
  /** 0.1 km/h units. */
  overspeedWarningDelta: 0x005b,
  fatigueWarningS: 0x005c,
} as const;

export type SafetyParams = Partial<Record<keyof typeof SafetyParamId, number>>;

// 0x005B and 0x005C are WORDs; the rest DWORDs.
const SAFETY_WIDTH: Record<keyof typeof SafetyParamId, 2 | 4> = {
  heartbeatS: 4,
  maxSpeedKmh: 4,
  overspeedDurationS: 4,
  continuousDrivingS: 4,
  dailyDrivingS: 4,
  minRestS: 4,
  maxParkingS: 4,
  overspeedWarningDelta: 2,
  fatigueWarningS: 2,
};

const SAFETY_KEYS = Object.keys(SafetyParamId) as (keyof typeof SafetyParamId)[];

export function safetyParams(values: SafetyParams): TerminalParam[] {
  const out: TerminalParam[] = [];
  for (const key of SAFETY_KEYS) {
    const v = values[key];
    if (v === undefined) continue;
    const id = SafetyParamId[key];
    out.push(SAFETY_WIDTH[key] === 2 ? paramWord(id, v) : paramDword(id, v));
  }
  return out;
}

/** Picks the known safety parameters out of a list (e.g. a 0x0104 answer); malformed ones are skipped. */
export function readSafetyParams(params: readonly TerminalParam[]): SafetyParams {
  const out: SafetyParams = {};
  for (const key of SAFETY_KEYS) {
    const p = params.find((x) => x.id === SafetyParamId[key]);
    if (p && (p.value.length === 2 || p.value.length === 4)) out[key] = p.value.readUIntBE(0, p.value.length);
  }
  return out;
}
