import { decodeBcdTime } from '../bcd.ts';
import { decodeFixedString } from '../text.ts';

/** One extra-info item exactly as on the wire. */
export interface RawExtra {
  id: number;
  value: Buffer;
  /** Set when the body ended inside this item; value holds whatever bytes were there. */
  truncated?: true;
  /** Length byte of a truncated item (absent when even that was missing). */
  declaredLength?: number;
}

/** Su-biao (T/JSATL12) 0x64 ADAS alarm, 47-byte layout. */
export interface AdasAlarm {
  alarmId: number;
  flagStatus: number;
  eventType: number;
  level: number;
  frontSpeed: number;
  frontDistance: number;
  deviationType: number;
  roadSignType: number;
  roadSignData: number;
  vehicleSpeed: number;
  altitude: number;
  rawLat: number;
  rawLon: number;
  time: Date;
  vehicleStatus: number;
  alarmSign: { terminalId: string; time: Date; serial: number; attachCount: number };
}

export interface LocationExtras {
  mileageKm?: number;
  fuelL?: number;
  tachographSpeedKmh?: number;
  alarmEventId?: number;
  /** 2019 0x05: one byte per tyre, 0xFF = no data. */
  tyrePressure?: number[];
  /** 2019 0x06: sign-magnitude WORD. */
  carriageTempC?: number;
  overspeed?: { positionType: number; areaId?: number };
  areaInOut?: { positionType: number; areaId: number; direction: number };
  sectionDriveTime?: { routeId: number; timeS: number; result: number };
  vehicleSignals?: number;
  io?: { raw: number; deepSleep: boolean; sleep: boolean };
  analog?: { ad0: number; ad1: number };
  signalStrength?: number;
  satellites?: number;
  /** JT/T 1078 0x14-0x18, raw bit fields. */
  videoAlarm?: number;
  videoSignalLoss?: number;
  videoOcclusion?: number;
  storageFault?: number;
  abnormalDriving?: { flags: number; fatigueLevel: number };
  adas?: AdasAlarm;
}

type Decoder = (v: Buffer, out: LocationExtras) => void;

// Keyed by item id; each entry fixes the accepted length(s). Other lengths stay raw only.
const DECODERS: Record<number, { lengths: number[]; decode: Decoder }> = {
  0x01: { lengths: [4], decode: (v, o) => (o.mileageKm = v.readUInt32BE(0) / 10) },
  0x02: { lengths: [2], decode: (v, o) => (o.fuelL = v.readUInt16BE(0) / 10) },
  0x03: { lengths: [2], decode: (v, o) => (o.tachographSpeedKmh = v.readUInt16BE(0) / 10) },
  0x04: { lengths: [2], decode: (v, o) => (o.alarmEventId = v.readUInt16BE(0)) },
  0x05: { lengths: [30], decode: (v, o) => (o.tyrePressure = [...v]) },
  0x06: {
    lengths: [2],
    decode: (v, o) => {
      const w = v.readUInt16BE(0);
      o.carriageTempC = w & 0x8000 ? -(w & 0x7fff) : w;
    },
  },
  0x11: {
    lengths: [1, 5],
    decode: (v, o) => {
      o.overspeed = v.length === 5 ? { positionType: v[0], areaId: v.readUInt32BE(1) } : { positionType: v[0] };
    },
  },
  0x12: {
    lengths: [6],
    decode: (v, o) => (o.areaInOut = { positionType: v[0], areaId: v.readUInt32BE(1), direction: v[5] }),
  },
  0x13: {
    lengths: [7],
    decode: (v, o) =>
      (o.sectionDriveTime = { routeId: v.readUInt32BE(0), timeS: v.readUInt16BE(4), result: v[6] }),
  },
  0x14: { lengths: [4], decode: (v, o) => (o.videoAlarm = v.readUInt32BE(0)) },
  0x15: { lengths: [4], decode: (v, o) => (o.videoSignalLoss = v.readUInt32BE(0)) },
  0x16: { lengths: [4], decode: (v, o) => (o.videoOcclusion = v.readUInt32BE(0)) },
  0x17: { lengths: [2], decode: (v, o) => (o.storageFault = v.readUInt16BE(0)) },
  0x18: {
    lengths: [3],
    decode: (v, o) => (o.abnormalDriving = { flags: v.readUInt16BE(0), fatigueLevel: v[2] }),
  },
  0x25: { lengths: [4], decode: (v, o) => (o.vehicleSignals = v.readUInt32BE(0)) },
  0x2a: {
    lengths: [2],
    decode: (v, o) => {
      const raw = v.readUInt16BE(0);
      o.io = { raw, deepSleep: (raw & 1) === 1, sleep: (raw & 2) === 2 };
    },
  },
  // Low word is AD0, high word AD1.
  0x2b: {
    lengths: [4],
    decode: (v, o) => (o.analog = { ad0: v.readUInt16BE(2), ad1: v.readUInt16BE(0) }),
  },
  0x30: { lengths: [1], decode: (v, o) => (o.signalStrength = v[0]) },
  0x31: { lengths: [1], decode: (v, o) => (o.satellites = v[0]) },
  0x64: { lengths: [47], decode: (v, o) => (o.adas = decodeAdas(v)) },
};

function decodeAdas(v: Buffer): AdasAlarm {
  return {
    alarmId: v.readUInt32BE(0),
    flagStatus: v[4],
    eventType: v[5],
    level: v[6],
    frontSpeed: v[7],
    frontDistance: v[8],
    deviationType: v[9],
    roadSignType: v[10],
    roadSignData: v[11],
    vehicleSpeed: v[12],
    altitude: v.readUInt16BE(13),
    rawLat: v.readUInt32BE(15),
    rawLon: v.readUInt32BE(19),
    time: decodeBcdTime(v.subarray(23, 29)),
    vehicleStatus: v.readUInt16BE(29),
    alarmSign: {
      terminalId: decodeFixedString(v.subarray(31, 38)),
      time: decodeBcdTime(v.subarray(38, 44)),
      serial: v[44],
      attachCount: v[45],
    },
  };
}

/** Splits the TLV tail of a 0x0200 body into views of `buf` (pass a buffer you own). Never throws: a short tail becomes a truncated item. */
export function parseExtras(buf: Buffer): { items: RawExtra[]; truncated: boolean } {
  const items: RawExtra[] = [];
  let o = 0;
  while (o < buf.length) {
    const id = buf[o];
    if (o + 1 >= buf.length) {
      items.push({ id, value: Buffer.alloc(0), truncated: true });
      return { items, truncated: true };
    }
    const len = buf[o + 1];
    const start = o + 2;
    if (start + len > buf.length) {
      items.push({ id, value: buf.subarray(start), truncated: true, declaredLength: len });
      return { items, truncated: true };
    }
    items.push({ id, value: buf.subarray(start, start + len) });
    o = start + len;
  }
  return { items, truncated: false };
}

/** Standard items of the expected length are decoded; the first occurrence of an id wins. */
export function decodeExtras(items: readonly RawExtra[]): LocationExtras {
  const out: LocationExtras = {};
  // A plain array: a report carries a dozen items at most, and this runs for every position.
  const seen: number[] = [];
  for (const item of items) {
    const d = DECODERS[item.id];
    if (!d || item.truncated || seen.includes(item.id) || !d.lengths.includes(item.value.length)) continue;
    try {
      d.decode(item.value, out);
      seen.push(item.id);
    } catch {
      // Malformed content (e.g. a bad BCD time inside ADAS) leaves the item raw only.
    }
  }
  return out;
}

export function encodeExtras(items: readonly RawExtra[]): Buffer {
  const parts: Buffer[] = [];
  for (const item of items) {
    if (!Number.isInteger(item.id) || item.id < 0 || item.id > 0xff) throw new RangeError(`extra id ${item.id}`);
    if (item.truncated) {
      parts.push(Buffer.from([item.id]));
      if (item.declaredLength !== undefined) parts.push(Buffer.from([item.declaredLength]));
      parts.push(item.value);
      continue;
    }
    if (item.value.length > 0xff) throw new RangeError(`extra 0x${item.id.toString(16)} value exceeds 255 bytes`);
    parts.push(Buffer.from([item.id, item.value.length]), item.value);
  }
  return Buffer.concat(parts);
}
