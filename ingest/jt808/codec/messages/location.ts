import { decodeBcdTime, decodeBcdTimeAt, encodeBcdTime } from '../bcd.ts';
import { Reader, u16, u32 } from '../binary.ts';
import { decodeAlarmFlags, decodeStatusFlags } from './location-flags.ts';
import type { AlarmFlags, StatusFlags } from './location-flags.ts';
import { decodeExtras, encodeExtras, parseExtras } from './location-extras.ts';
import type { LocationExtras, RawExtra } from './location-extras.ts';

export interface Location {
  alarm: number;
  status: number;
  alarmFlags: AlarmFlags;
  statusFlags: StatusFlags;
  /** Signed degrees (negative for south / west). */
  latitude: number;
  longitude: number;
  /** Wire values, degrees x 1e6, unsigned. */
  rawLat: number;
  rawLon: number;
  altitude: number;
  speedKmh: number;
  /** 0.1 km/h units. */
  rawSpeed: number;
  direction: number;
  /** null when the terminal sent an all-zero time (typical before its first fix). */
  time: Date | null;
  extras: LocationExtras;
  /** Every extra item in wire order, known or not. */
  rawExtras: RawExtra[];
  /** The body ended inside the last extra item. */
  extrasTruncated: boolean;
}

/** The fields encodeLocation reads; everything else is derived on decode. */
export type LocationInput = Pick<
  Location,
  'alarm' | 'status' | 'rawLat' | 'rawLon' | 'altitude' | 'rawSpeed' | 'direction' | 'time'
> & { rawExtras?: RawExtra[] };

export const LOCATION_FIXED_LENGTH = 28;

function signedDegrees(raw: number, negative: boolean): number {
  // Avoid -0 so equality checks on decoded objects behave.
  return negative && raw !== 0 ? -raw / 1e6 : raw / 1e6;
}

/**
 * A decoded 0x0200 body. The flag objects and the extra items are decoded on first read: the gateway's hot path
 * reads neither, and a report can carry a dozen items.
 */
class DecodedLocation implements Location {
  readonly #tail: Buffer;
  #alarmFlags: AlarmFlags | undefined;
  #statusFlags: StatusFlags | undefined;
  #parsed: { items: RawExtra[]; truncated: boolean } | undefined;
  #extras: LocationExtras | undefined;

  constructor(
    public alarm: number,
    public status: number,
    public latitude: number,
    public longitude: number,
    public rawLat: number,
    public rawLon: number,
    public altitude: number,
    public speedKmh: number,
    public rawSpeed: number,
    public direction: number,
    public time: Date | null,
    tail: Buffer,
  ) {
    this.#tail = tail;
  }

  get alarmFlags(): AlarmFlags {
    return (this.#alarmFlags ??= decodeAlarmFlags(this.alarm));
  }

  get statusFlags(): StatusFlags {
    return (this.#statusFlags ??= decodeStatusFlags(this.status));
  }

  get rawExtras(): RawExtra[] {
    return (this.#parsed ??= parseExtras(this.#tail)).items;
  }

  get extrasTruncated(): boolean {
    return (this.#parsed ??= parseExtras(this.#tail)).truncated;
  }

  get extras(): LocationExtras {
    return (this.#extras ??= decodeExtras(this.rawExtras));
  }
}

const SOUTH = 1 << 2;
const WEST = 1 << 3;

export function decodeLocation(body: Buffer): Location {
  // Short bodies take the Reader path for its exact error; the rest read at fixed offsets.
  if (body.length < LOCATION_FIXED_LENGTH) return decodeShortLocation(body);
  const alarm = body.readUInt32BE(0);
  const status = body.readUInt32BE(4);
  const rawLat = body.readUInt32BE(8);
  const rawLon = body.readUInt32BE(12);
  const rawSpeed = (body[18] << 8) | body[19];
  const time =
    (body[22] | body[23] | body[24] | body[25] | body[26] | body[27]) === 0 ? null : decodeBcdTimeAt(body, 22);
  // Copy: the flags and extras are decoded later, after the caller may have reused `body`.
  const n = body.length - LOCATION_FIXED_LENGTH;
  const tail = Buffer.allocUnsafe(n);
  body.copy(tail, 0, LOCATION_FIXED_LENGTH);
  return new DecodedLocation(
    alarm,
    status,
    signedDegrees(rawLat, (status & SOUTH) !== 0),
    signedDegrees(rawLon, (status & WEST) !== 0),
    rawLat,
    rawLon,
    (body[16] << 8) | body[17],
    rawSpeed / 10,
    rawSpeed,
    (body[20] << 8) | body[21],
    time,
    tail,
  );
}

function decodeShortLocation(body: Buffer): Location {
  const r = new Reader(body, '0x0200 body');
  const alarm = r.u32();
  const status = r.u32();
  const rawLat = r.u32();
  const rawLon = r.u32();
  const altitude = r.u16();
  const rawSpeed = r.u16();
  const direction = r.u16();
  const rawTime = r.view(6);
  const time = rawTime.every((b) => b === 0) ? null : decodeBcdTime(rawTime);
  return new DecodedLocation(
    alarm,
    status,
    signedDegrees(rawLat, (status & SOUTH) !== 0),
    signedDegrees(rawLon, (status & WEST) !== 0),
    rawLat,
    rawLon,
    altitude,
    rawSpeed / 10,
    rawSpeed,
    direction,
    time,
    r.rest(),
  );
}

/** Re-encodes from the raw fields and rawExtras only, so decode -> encode is byte-exact. */
export function encodeLocation(loc: LocationInput): Buffer {
  return Buffer.concat([
    u32(loc.alarm, 'alarm'),
    u32(loc.status, 'status'),
    u32(loc.rawLat, 'rawLat'),
    u32(loc.rawLon, 'rawLon'),
    u16(loc.altitude, 'altitude'),
    u16(loc.rawSpeed, 'rawSpeed'),
    u16(loc.direction, 'direction'),
    loc.time === null ? Buffer.alloc(6) : encodeBcdTime(loc.time),
    encodeExtras(loc.rawExtras ?? []),
  ]);
}
