import { describe, it, expect } from 'vitest';
import {
  ALARM_BITS,
  ALARM_BITS_NEEDING_ACK,
  Jt808DecodeError,
  MsgId,
  SafetyParamId,
  decodeAlarmAck,
  decodeAlarmFlags,
  decodeAuthenticate,
  decodeBatchLocation,
  decodeFrame,
  decodeGeneralResponse,
  decodeLocation,
  decodeQueryParamsReply,
  decodeRegister,
  decodeSetParams,
  decodeStatusFlags,
  decodeTextMessage,
  encodeAlarmAck,
  encodeAlarmFlags,
  encodeAuthenticate,
  encodeBatchLocation,
  encodeGeneralResponse,
  encodeLocation,
  encodeRegister,
  encodeSetParams,
  encodeTextMessage,
  msgIdLabel,
  paramByte,
  paramString,
  paramText,
  paramUint,
  readSafetyParams,
  safetyParams,
  TextFlag,
} from '../../../ingest/jt808/codec/index.ts';
import type { LocationInput } from '../../../ingest/jt808/codec/index.ts';
import { content, vectors } from './helpers.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s/g, ''), 'hex');
const h2013 = { is2019: false };
const h2019 = { is2019: true };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(Jt808DecodeError);
    return (err as Jt808DecodeError).code;
  }
  return undefined;
}

const baseLocation: LocationInput = {
  alarm: 0,
  status: 0,
  rawLat: 31_230_416,
  rawLon: 121_473_701,
  altitude: 4,
  rawSpeed: 655,
  direction: 359,
  time: new Date('2024-05-01T02:03:04Z'),
};

describe('0x0200 location', () => {
  it('names every alarm bit once and round-trips them', () => {
    expect(Object.values(ALARM_BITS).sort((a, b) => a - b)).toEqual([...Array(32).keys()]);
    for (let bit = 0; bit < 32; bit++) {
      const flags = decodeAlarmFlags((1 << bit) >>> 0);
      const on = Object.entries(flags).filter(([, v]) => v).map(([k]) => k);
      expect(on).toHaveLength(1);
      expect(ALARM_BITS[on[0] as keyof typeof ALARM_BITS]).toBe(bit);
      expect(encodeAlarmFlags(flags)).toBe((1 << bit) >>> 0);
    }
    expect(ALARM_BITS_NEEDING_ACK.map((k) => ALARM_BITS[k])).toEqual([0, 3, 20, 21, 22, 27, 28, 31]);
    expect(decodeAlarmFlags(0xffffffff).illegalDoorOpen).toBe(true);
  });

  it('decodes status bits including the load field', () => {
    expect(decodeStatusFlags(0).load).toBe('empty');
    expect(decodeStatusFlags(0x100).load).toBe('half');
    expect(decodeStatusFlags(0x200).load).toBe('reserved');
    expect(decodeStatusFlags(0x300).load).toBe('full');
    expect(decodeStatusFlags((1 << 18) | (1 << 19) | (1 << 12) | 1)).toMatchObject({
      accOn: true,
      fixed: false,
      doorLocked: true,
      gps: true,
      beidou: true,
      glonass: false,
    });
    // Vector #24: GPS in use but not fixed.
    const loc = decodeLocation(decodeFrame(content(vectors[24])).body);
    expect(loc.statusFlags.gps).toBe(true);
    expect(loc.statusFlags.fixed).toBe(false);
  });

  it('negates latitude/longitude on the south/west bits and keeps raw values', () => {
    const loc = decodeLocation(encodeLocation({ ...baseLocation, status: 0b1100 }));
    expect(loc.latitude).toBeCloseTo(-31.230416, 9);
    expect(loc.longitude).toBeCloseTo(-121.473701, 9);
    expect(loc.rawLat).toBe(31_230_416);
    expect(loc.speedKmh).toBeCloseTo(65.5, 9);
    expect(loc.time!.toISOString()).toBe('2024-05-01T02:03:04.000Z');
    expect(Object.is(decodeLocation(encodeLocation({ ...baseLocation, status: 0b1100, rawLat: 0 })).latitude, 0)).toBe(true);
  });

  it('keeps unknown, vendor and malformed-length items raw, in order', () => {
    const rawExtras = [
      { id: 0xe1, value: hex('0102') },
      { id: 0x01, value: hex('000003e8') },
      { id: 0x30, value: hex('1f20') }, // wrong length: raw only
      { id: 0x11, value: hex('00') },
      { id: 0xfe, value: Buffer.alloc(0) },
      { id: 0x06, value: hex('800a') },
    ];
    const body = encodeLocation({ ...baseLocation, rawExtras });
    const loc = decodeLocation(body);
    expect(loc.rawExtras).toEqual(rawExtras);
    expect(loc.extras).toEqual({ mileageKm: 100, overspeed: { positionType: 0 }, carriageTempC: -10 });
    expect(encodeLocation(loc)).toEqual(body);
  });

  it('keeps a truncated trailing item raw and flagged instead of throwing', () => {
    const good = encodeLocation({ ...baseLocation, rawExtras: [{ id: 0x01, value: hex('00000010') }] });
    for (const tail of ['31', '2b04 0000', '2b04 000000', 'e005']) {
      const body = Buffer.concat([good, hex(tail)]);
      const loc = decodeLocation(body);
      expect(loc.extrasTruncated).toBe(true);
      expect(loc.rawExtras).toHaveLength(2);
      expect(loc.rawExtras[1]).toMatchObject({ id: hex(tail)[0], truncated: true });
      expect(loc.extras.mileageKm).toBeCloseTo(1.6, 9);
      expect(loc.extras.analog).toBeUndefined();
      expect(encodeLocation(loc)).toEqual(body);
    }
    expect(decodeLocation(good).extrasTruncated).toBe(false);
  });

  it('refuses a body shorter than 28 bytes and a bad time', () => {
    const body = encodeLocation(baseLocation);
    expect(codeOf(() => decodeLocation(body.subarray(0, 27)))).toBe('too_short');
    const badTime = Buffer.from(body);
    badTime[23] = 0x13;
    expect(codeOf(() => decodeLocation(badTime))).toBe('bad_bcd');
  });

  it('decodes an all-zero time (no fix yet) as an unknown time and re-encodes it byte-exact', () => {
    const body = encodeLocation({ ...baseLocation, time: null, status: 0 });
    expect(body.subarray(22, 28)).toEqual(Buffer.alloc(6));
    const loc = decodeLocation(body);
    expect(loc.time).toBeNull();
    expect(loc.statusFlags.fixed).toBe(false);
    expect(encodeLocation(loc)).toEqual(body);
  });

  it('leaves an ADAS item with a bad inner time raw rather than failing the report', () => {
    const v21 = decodeLocation(decodeFrame(content(vectors[21])).body);
    const adas = v21.rawExtras.find((x) => x.id === 0x64)!;
    const broken = Buffer.from(adas.value);
    broken[24] = 0x99; // month 99
    const loc = decodeLocation(encodeLocation({ ...v21, rawExtras: [{ id: 0x64, value: broken }] }));
    expect(loc.extras.adas).toBeUndefined();
    expect(loc.rawExtras[0].value).toEqual(broken);
  });

  it('refuses out-of-range raw fields on encode', () => {
    expect(() => encodeLocation({ ...baseLocation, rawSpeed: 70000 })).toThrow(RangeError);
    expect(() => encodeLocation({ ...baseLocation, rawExtras: [{ id: 1, value: Buffer.alloc(256) }] })).toThrow(RangeError);
  });
});

describe('0x0704 batch location', () => {
  it('round-trips a blind-area batch', () => {
    const body = encodeBatchLocation({ type: 1, items: [baseLocation, { ...baseLocation, alarm: 1 }] });
    const batch = decodeBatchLocation(body);
    expect(batch.type).toBe(1);
    expect(batch.items.map((x) => x.alarmFlags.sos)).toEqual([false, true]);
    expect(encodeBatchLocation(batch)).toEqual(body);
  });

  it('reports an item longer than the body as bad and keeps the items before it', () => {
    const body = encodeBatchLocation({ type: 0, items: [baseLocation, { ...baseLocation, alarm: 1 }] });
    const batch = decodeBatchLocation(body.subarray(0, body.length - 1));
    expect(batch.items.map((x) => x.alarmFlags.sos)).toEqual([false]);
    expect(batch.bad).toEqual([{ index: 1, reason: 'too_short', head: expect.any(String) }]);
  });

  it('keeps the good items around a bad one', () => {
    const body = encodeBatchLocation({ type: 1, items: [baseLocation, baseLocation, { ...baseLocation, alarm: 1 }] });
    const item1Time = 3 + (2 + 28) + 2 + 22;
    body[item1Time + 1] = 0x13; // month 13
    const batch = decodeBatchLocation(body);
    expect(batch.items.map((x) => x.alarmFlags.sos)).toEqual([false, true]);
    expect(batch.bad).toEqual([{ index: 1, reason: 'bad_bcd', head: body.subarray(3 + 30 + 2, 3 + 30 + 2 + 28).toString('hex') }]);
  });
});

describe('0x0100 register', () => {
  const reg = {
    provinceId: 44,
    cityId: 300,
    makerId: 'ABCDE',
    model: 'M1',
    terminalId: 'T000001',
    plateColor: 2,
    plate: '粤B12345',
  };

  it.each(['2011', '2013', '2019'] as const)('round-trips and re-infers the %s edition', (edition) => {
    const body = encodeRegister({ ...reg, edition });
    const header = edition === '2019' ? h2019 : h2013;
    expect(decodeRegister(body, header)).toEqual({ ...reg, edition });
  });

  it('infers 2013 from 37 bytes and 2011 below (no plate)', () => {
    const b2013 = encodeRegister({ ...reg, plate: '', edition: '2013' });
    expect(b2013).toHaveLength(37);
    expect(decodeRegister(b2013, h2013).edition).toBe('2013');
    expect(decodeRegister(encodeRegister({ ...reg, plate: '', edition: '2011' }), h2013).edition).toBe('2011');
    // An explicit edition wins over inference.
    expect(decodeRegister(b2013, h2013, { edition: '2011' }).edition).toBe('2011');
  });

  it('keeps a VIN in the plate field when the colour is 0', () => {
    const body = encodeRegister({ ...reg, plateColor: 0, plate: 'LSVAU2180N2183294', edition: '2013' });
    expect(decodeRegister(body, h2013)).toMatchObject({ plateColor: 0, plate: 'LSVAU2180N2183294' });
  });

  it('refuses fields that do not fit and too-short bodies', () => {
    expect(() => encodeRegister({ ...reg, makerId: 'ABCDEF', edition: '2013' })).toThrow(RangeError);
    expect(codeOf(() => decodeRegister(Buffer.alloc(20), h2013))).toBe('too_short');
    expect(codeOf(() => decodeRegister(Buffer.alloc(60), h2019))).toBe('too_short');
  });
});

describe('0x0102 authenticate', () => {
  it('2013: the body is the code', () => {
    expect(decodeAuthenticate(Buffer.from('abc'), h2013)).toEqual({ authCode: 'abc' });
    expect(encodeAuthenticate({ authCode: 'abc' }, h2013)).toEqual(Buffer.from('abc'));
  });

  it('2019: code length, code, IMEI[15], software version BYTE[20] by default', () => {
    const auth = { authCode: '123456', imei: '860000000000001', softwareVersion: 'V1.2.3' };
    const body = encodeAuthenticate(auth, h2019);
    expect(body).toHaveLength(1 + 6 + 15 + 20);
    expect(body.subarray(0, 1).toString('hex')).toBe('06');
    expect(decodeAuthenticate(body, h2019)).toEqual({ ...auth, softwareVersionLayout: 'fixed20' });
  });

  it('2019: also reads a length-prefixed software version and re-encodes it the same way', () => {
    const body = Buffer.concat([hex('03'), Buffer.from('abc'), Buffer.from('860000000000001'), hex('06'), Buffer.from('V1.2.3')]);
    const auth = decodeAuthenticate(body, h2019);
    expect(auth).toEqual({ authCode: 'abc', imei: '860000000000001', softwareVersion: 'V1.2.3', softwareVersionLayout: 'prefixed' });
    expect(encodeAuthenticate(auth, h2019)).toEqual(body);
  });
});

describe('0x8103 set params', () => {
  it('builds the safety parameters with their widths', () => {
    const params = safetyParams({ heartbeatS: 30, maxSpeedKmh: 80, continuousDrivingS: 14400, minRestS: 1200, overspeedWarningDelta: 50, fatigueWarningS: 1800 });
    const body = encodeSetParams({ params });
    expect(body.toString('hex')).toBe(
      '06' +
        '00000001' + '04' + '0000001e' +
        '00000055' + '04' + '00000050' +
        '00000057' + '04' + '00003840' +
        '00000059' + '04' + '000004b0' +
        '0000005b' + '02' + '0032' +
        '0000005c' + '02' + '0708',
    );
    expect(readSafetyParams(decodeSetParams(body).params)).toEqual({
      heartbeatS: 30,
      maxSpeedKmh: 80,
      continuousDrivingS: 14400,
      minRestS: 1200,
      overspeedWarningDelta: 50,
      fatigueWarningS: 1800,
    });
    expect(SafetyParamId.maxParkingS).toBe(0x005a);
  });

  it('reads the safety parameters a real terminal reported (#13/#14 merged)', () => {
    const body = Buffer.concat([decodeFrame(content(vectors[13])).body, decodeFrame(content(vectors[14])).body]);
    const params = decodeQueryParamsReply(body).params;
    expect(readSafetyParams(params)).toEqual({
      heartbeatS: 600,
      maxSpeedKmh: 0,
      overspeedDurationS: 30,
      continuousDrivingS: 14400,
      dailyDrivingS: 28800,
      minRestS: 1200,
      maxParkingS: 3600,
      overspeedWarningDelta: 0,
      fatigueWarningS: 1800,
    });
  });

  it('has byte and string helpers and refuses non-integer widths', () => {
    expect(paramUint(paramByte(0x0084, 3).value)).toBe(3);
    expect(paramText(paramString(0x0083, '粤B12345').value)).toBe('粤B12345');
    expect(codeOf(() => paramUint(Buffer.alloc(3)))).toBe('bad_value');
    expect(codeOf(() => decodeSetParams(hex('02 00000001 04 0000000a')))).toBe('too_short');
  });
});

describe('0x8300 text, 0x8203 alarm ack, general responses, ids', () => {
  it('text message is edition-aware', () => {
    const msg = { flag: TextFlag.Display | TextFlag.Tts, text: '请立即停车休息' };
    const b2013 = encodeTextMessage(msg, h2013);
    const b2019 = encodeTextMessage(msg, h2019);
    expect(b2019.length).toBe(b2013.length + 1);
    expect(b2019[1]).toBe(1);
    expect(decodeTextMessage(b2013, h2013)).toEqual(msg);
    expect(decodeTextMessage(b2019, h2019)).toEqual({ ...msg, textType: 1 });
    expect(decodeTextMessage(encodeTextMessage({ ...msg, textType: 2 }, h2019), h2019).textType).toBe(2);
  });

  it('alarm ack layout is serial WORD + type DWORD', () => {
    const body = encodeAlarmAck({ alarmSerial: 0x1234, alarmType: 0x00000001 });
    expect(body.toString('hex')).toBe('123400000001');
    expect(decodeAlarmAck(body)).toEqual({ alarmSerial: 0x1234, alarmType: 1 });
    expect(codeOf(() => decodeAlarmAck(body.subarray(0, 5)))).toBe('too_short');
  });

  it('0x8001 general response with result 4 (alarm acknowledged)', () => {
    const res = { replySerial: 7, replyMsgId: MsgId.Location, result: 4 };
    expect(encodeGeneralResponse(res).toString('hex')).toBe('0007020004');
    expect(decodeGeneralResponse(encodeGeneralResponse(res))).toEqual(res);
  });

  it('message ids are unique and labelled', () => {
    const values = Object.values(MsgId);
    expect(new Set(values).size).toBe(values.length);
    expect(msgIdLabel(0x0200)).toBe('Location (0x0200)');
    expect(msgIdLabel(0x1234)).toBe('0x1234');
  });
});
