import { describe, it, expect } from 'vitest';
import {
  Jt808DecodeError,
  MsgId,
  SubpackageAssembler,
  decodeAuthenticate,
  decodeAvRequest,
  decodeBatchLocation,
  decodeFrame,
  decodeGeneralResponse,
  decodeLocation,
  decodeQueryParamsReply,
  decodeRegister,
  decodeRegisterReply,
  decodeSetParams,
  decodeTextMessage,
  encodeFrame,
  encodeGbk,
  encodeHeader,
  encodeRegisterReply,
  headerEdition,
  normalizePhone,
  paramUint,
} from '../../../ingest/jt808/codec/index.ts';
import type { Jt808Frame, Jt808Header, Location } from '../../../ingest/jt808/codec/index.ts';
import { LENIENT_ONLY, REFUSED, content, fmtUtc8, hexId, normalizeTimeText, vectors, wire } from './helpers.ts';

/** Wraps an expectation object and records which keys were asserted, so none is skipped silently. */
class Exp {
  private readonly obj: Record<string, any>;
  private readonly used = new Set<string>();

  constructor(obj: Record<string, any>) {
    this.obj = obj;
  }

  has(k: string): boolean {
    return k in this.obj;
  }

  take(k: string): any {
    this.used.add(k);
    return this.obj[k];
  }

  each(fn: (key: string, value: any) => void): void {
    for (const k of Object.keys(this.obj)) fn(k, this.take(k));
  }

  assertAllUsed(): void {
    expect(Object.keys(this.obj).filter((k) => !this.used.has(k))).toEqual([]);
  }
}

/** Renames keys; an unknown key fails the test instead of being ignored. */
function mapKeys(obj: Record<string, any>, names: Record<string, string>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(obj)) {
    expect(names, `no mapping for key ${k}`).toHaveProperty(k);
    out[names[k]] = v;
  }
  return out;
}

function expectTime(actual: Date, expected: string): void {
  expect(fmtUtc8(actual)).toBe(normalizeTimeText(expected));
}

function decode(i: number): Jt808Frame {
  return decodeFrame(content(vectors[i]), { lenient: i === LENIENT_ONLY });
}

function expectDecodeError(fn: () => unknown, code: string): void {
  let caught: unknown;
  try {
    fn();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(Jt808DecodeError);
  expect((caught as Jt808DecodeError).code).toBe(code);
}

const EXTRA_ALIASES: Record<string, number> = {
  mileage: 0x01,
  oil: 0x02,
  speed: 0x03,
  signal: 0x25,
  io_status: 0x2a,
  analog: 0x2b,
  rssi: 0x30,
  gnss_sat_num: 0x31,
};

function extraIdOf(key: string): number {
  const hex = /^0x([0-9a-f]{2})/i.exec(key);
  if (hex) return parseInt(hex[1], 16);
  if (/^\d+$/.test(key)) return Number(key);
  expect(EXTRA_ALIASES, `unknown extra key ${key}`).toHaveProperty(key);
  return EXTRA_ALIASES[key];
}

function checkExtra(loc: Location, key: string, exp: any): void {
  const id = extraIdOf(key);
  const raw = loc.rawExtras.find((x) => x.id === id);
  expect(raw, `extra 0x${id.toString(16)} present`).toBeDefined();
  const value = raw!.value;
  const uint = () => value.readUIntBE(0, value.length);
  const x = loc.extras;
  // Raw hex strings (derived items) compare the wire bytes whatever the id.
  if (typeof exp === 'string' && /^[0-9a-f]*$/i.test(exp) && !key.endsWith('_analog_raw')) {
    expect(value.toString('hex')).toBe(exp.toLowerCase());
    return;
  }
  switch (id) {
    case 0x01:
      expect(uint()).toBe(exp);
      expect(x.mileageKm).toBeCloseTo(exp / 10, 9);
      return;
    case 0x02:
      expect(uint()).toBe(exp);
      expect(x.fuelL).toBeCloseTo(exp / 10, 9);
      return;
    case 0x03:
      expect(uint()).toBe(exp);
      expect(x.tachographSpeedKmh).toBeCloseTo(exp / 10, 9);
      return;
    case 0x04:
      expect(x.alarmEventId).toBe(exp);
      return;
    case 0x05: {
      // e.g. "30-byte tyre pressure [55,55,55,0,...]"
      const size = Number(/^(\d+)-byte/.exec(exp)![1]);
      const head = /\[([^\]]*)\]/.exec(exp)![1].split(',').filter((s: string) => /^\d+$/.test(s.trim())).map(Number);
      expect(x.tyrePressure).toHaveLength(size);
      expect(x.tyrePressure!.slice(0, head.length)).toEqual(head);
      return;
    }
    case 0x06:
      expect(x.carriageTempC).toBe(exp);
      return;
    case 0x11:
      expect(x.overspeed).toEqual(
        mapKeys(exp, { position_type: 'positionType', areaType: 'positionType', area_id: 'areaId', areaId: 'areaId' }),
      );
      return;
    case 0x12:
      expect(x.areaInOut).toEqual(
        mapKeys(exp, {
          position_type: 'positionType',
          areaType: 'positionType',
          area_id: 'areaId',
          areaId: 'areaId',
          direction: 'direction',
        }),
      );
      return;
    case 0x13:
      // yezhihao names the route id "areaId".
      expect(x.sectionDriveTime).toEqual(
        mapKeys(exp, {
          route_id: 'routeId',
          areaId: 'routeId',
          time_s: 'timeS',
          driveTime: 'timeS',
          result: 'result',
        }),
      );
      return;
    case 0x25:
      expect(x.vehicleSignals).toBe(exp);
      return;
    case 0x2a:
      if (typeof exp === 'number') {
        expect(x.io?.raw).toBe(exp);
      } else {
        const m = mapKeys(exp, { deep_sleep: 'deepSleep', sleep: 'sleep' });
        expect({ deepSleep: x.io?.deepSleep, sleep: x.io?.sleep }).toEqual({
          deepSleep: m.deepSleep === 1,
          sleep: m.sleep === 1,
        });
      }
      return;
    case 0x2b:
      if (key.endsWith('_analog_raw')) {
        expect(value.toString('hex').toUpperCase()).toBe(exp);
        // Bits 0-15 are AD0.
        expect(x.analog).toEqual({ ad0: parseInt(exp, 16) & 0xffff, ad1: parseInt(exp, 16) >>> 16 });
      } else if (typeof exp === 'number') {
        expect(uint()).toBe(exp);
      } else {
        expect(x.analog).toEqual(mapKeys(exp, { ad0: 'ad0', ad1: 'ad1' }));
      }
      return;
    case 0x30:
      expect(x.signalStrength).toBe(exp);
      return;
    case 0x31:
      expect(x.satellites).toBe(exp);
      return;
    default:
      throw new Error(`no check for extra ${key}`);
  }
}

const TRACCAR_ALARMS: Record<string, keyof Location['alarmFlags']> = { lowBattery: 'mainPowerLow' };

/** Location fields shared by 0x0200 bodies and 0x0704 items. */
function checkLocation(loc: Location, e: Exp, itemBody?: Buffer): void {
  if (e.has('alarm')) {
    const alarm = e.take('alarm');
    expect(loc.alarm).toBe(alarm);
    // Every set bit shows up as a named flag and no other flag is set.
    const setFlags = Object.entries(loc.alarmFlags).filter(([, on]) => on).length;
    let bits = 0;
    for (let b = 0; b < 32; b++) if ((alarm >>> b) & 1) bits++;
    expect(setFlags).toBe(bits);
  }
  if (e.has('status')) expect(loc.status).toBe(e.take('status'));
  if (e.has('lat')) {
    const lat = e.take('lat');
    expect(loc.rawLat).toBe(lat);
    expect(loc.latitude).toBeCloseTo((loc.statusFlags.southLatitude ? -lat : lat) / 1e6, 9);
  }
  if (e.has('lon')) {
    const lon = e.take('lon');
    expect(loc.rawLon).toBe(lon);
    expect(loc.longitude).toBeCloseTo((loc.statusFlags.westLongitude ? -lon : lon) / 1e6, 9);
  }
  if (e.has('altitude')) expect(loc.altitude).toBe(e.take('altitude'));
  if (e.has('speed')) {
    const speed = e.take('speed');
    expect(loc.rawSpeed).toBe(speed);
    expect(loc.speedKmh).toBeCloseTo(speed / 10, 9);
  }
  if (e.has('direction')) expect(loc.direction).toBe(e.take('direction'));
  if (e.has('time')) expectTime(loc.time!, e.take('time'));
  if (itemBody && e.has('len')) expect(itemBody.length).toBe(e.take('len'));
  for (const key of ['mileage', 'oil', 'gnss_sat_num']) {
    if (e.has(key)) checkExtra(loc, key, e.take(key));
  }
  if (e.has('extras')) {
    const extras = e.take('extras');
    for (const [key, value] of Object.entries(extras)) checkExtra(loc, key, value);
    // Derived raw-hex maps list every item, in wire order.
    if (Object.values(extras).every((v) => typeof v === 'string' && /^[0-9a-f]*$/i.test(v))) {
      expect(loc.rawExtras.map((x) => x.id)).toEqual(Object.keys(extras).map(extraIdOf));
    }
  }
}

function checkAdas(loc: Location, exp: Record<string, any>): void {
  const adas = loc.extras.adas!;
  expect(adas).toBeDefined();
  const e = new Exp(exp);
  e.each((key, value) => {
    if (key === 'lat') expect(adas.rawLat).toBe(value);
    else if (key === 'lon') expect(adas.rawLon).toBe(value);
    else if (key === 'time') expectTime(adas.time, value);
    else if (key === 'alarm_sign') {
      const s = new Exp(value);
      expect(adas.alarmSign.terminalId).toBe(s.take('terminal_id'));
      expectTime(adas.alarmSign.time, s.take('time'));
      expect(adas.alarmSign.serial).toBe(s.take('serial'));
      expect(adas.alarmSign.attachCount).toBe(s.take('attach_count'));
      s.assertAllUsed();
    } else {
      const camel = key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
      expect(adas, key).toHaveProperty(camel, value);
    }
  });
}

function checkHeader(h: Jt808Header, body: Buffer, e: Exp): void {
  expect(h.msgId).toBe(hexId(e.take('msg_id')));
  expect(h.phone).toHaveLength(h.is2019 ? 20 : 12);
  if (e.has('phone_bcd_raw')) expect(h.phone).toBe(e.take('phone_bcd_raw'));
  if (e.has('phone')) {
    // Some projects strip leading zeros; the wire value must end with theirs and normalise alike.
    const phone: string = e.take('phone');
    expect(h.phone.endsWith(phone)).toBe(true);
    expect(normalizePhone(h.phone)).toBe(normalizePhone(phone));
  }
  if (e.has('serial')) expect(h.serial).toBe(e.take('serial'));
  for (const key of ['body_len', 'len']) {
    if (e.has(key)) {
      const n = e.take(key);
      expect(h.bodyLength).toBe(n);
      expect(body.length).toBe(n);
    }
  }
  if (e.has('subpackage')) expect(h.subpackage).toBe(e.take('subpackage'));
  if (e.has('encrypt')) expect(h.encryption).toBe(e.take('encrypt'));
  if (e.has('pkg_total')) expect(h.packageTotal).toBe(e.take('pkg_total'));
  if (e.has('pkg_index')) expect(h.packageIndex).toBe(e.take('pkg_index'));
  if (e.has('version_flag')) expect(h.is2019).toBe(e.take('version_flag'));
  if (e.has('protocol_version')) expect(h.protocolVersion).toBe(e.take('protocol_version'));
  if (e.has('properties')) expect(encodeHeader(h).readUInt16BE(2)).toBe(e.take('properties'));
  if (e.has('smallchi_header_ProtocolVersion')) {
    // SmallChi's library default, not on the wire: a 2011 header has no version byte.
    e.take('smallchi_header_ProtocolVersion');
    expect(h.is2019).toBe(false);
    expect(h.protocolVersion).toBeUndefined();
  }
  if (e.has('version') && h.msgId !== MsgId.Register) expect(headerEdition(h)).toBe(e.take('version'));
}

function checkBody(i: number, frame: Jt808Frame, e: Exp): void {
  const { header: h, body } = frame;
  switch (h.msgId) {
    case MsgId.Location: {
      const loc = decodeLocation(body);
      checkLocation(loc, e);
      if (e.has('extras_present')) {
        expect(loc.rawExtras.map((x) => x.id)).toEqual(e.take('extras_present').map(hexId));
        expect(loc.extrasTruncated).toBe(false);
      }
      if (e.has('0x64_adas')) checkAdas(loc, e.take('0x64_adas'));
      if (e.has('derived_not_asserted')) {
        const d = new Exp(e.take('derived_not_asserted'));
        checkLocation(loc, d);
        d.assertAllUsed();
      }
      if (e.has('traccar_asserts')) {
        const t = new Exp(e.take('traccar_asserts'));
        expect(loc.alarmFlags[TRACCAR_ALARMS[t.take('alarm')]]).toBe(true);
        t.assertAllUsed();
      }
      if (e.has('parse_ok')) expect(e.take('parse_ok')).toBe(true);
      if (e.has('rest')) {
        // Nothing left over: the extras consume the body exactly.
        expect(e.take('rest')).toBe('');
        expect(loc.extrasTruncated).toBe(false);
      }
      return;
    }
    case MsgId.BatchLocation: {
      const batch = decodeBatchLocation(body);
      if (e.has('count')) expect(batch.items).toHaveLength(e.take('count'));
      for (const key of ['location_type', 'type']) if (e.has(key)) expect(batch.type).toBe(e.take(key));
      const items: any[] = e.take('items');
      expect(batch.items).toHaveLength(items.length);
      // Item bodies for the 'len' field: re-split the body by the WORD lengths.
      let o = 3;
      items.forEach((item, n) => {
        const len = body.readUInt16BE(o);
        const itemBody = body.subarray(o + 2, o + 2 + len);
        o += 2 + len;
        const ie = new Exp(item);
        checkLocation(batch.items[n], ie, itemBody);
        ie.assertAllUsed();
      });
      return;
    }
    case MsgId.Register: {
      const reg = decodeRegister(body, h);
      expect(reg.edition).toBe(e.take('version'));
      expect(reg.provinceId).toBe(e.take('province_id'));
      expect(reg.cityId).toBe(e.take('city_id'));
      expect(reg.makerId).toBe(e.take('maker_id'));
      expect(reg.model).toBe(e.take('model'));
      expect(reg.terminalId).toBe(e.take('terminal_id'));
      expect(reg.plateColor).toBe(e.take('plate_color'));
      expect(reg.plate).toBe(e.take('plate'));
      if (e.has('expected_reply_hex')) {
        const r = new Exp(e.take('expected_reply'));
        expect(r.take('msg_id')).toBe('0x8100');
        const replySerial = r.take('reply_serial');
        expect(replySerial).toBe(h.serial);
        const reply = encodeFrame(
          { msgId: MsgId.RegisterReply, encryption: 0, subpackage: false, is2019: h.is2019, phone: h.phone, serial: r.take('serial') },
          encodeRegisterReply({ replySerial, result: r.take('result'), authCode: r.take('auth_code') }),
        );
        expect(reply.toString('hex')).toBe(e.take('expected_reply_hex'));
        r.assertAllUsed();
        // go-jt808's default handler uses the canonical phone as the auth code.
        expect(decodeRegisterReply(decodeFrame(content(reply.toString('hex'))).body).authCode).toBe(normalizePhone(h.phone));
      }
      return;
    }
    case MsgId.TerminalResponse: {
      const res = decodeGeneralResponse(body);
      expect(res).toEqual({
        replySerial: e.take('reply_serial'),
        replyMsgId: hexId(e.take('reply_msg_id')),
        result: e.take('result'),
      });
      return;
    }
    case MsgId.RegisterReply: {
      expect(decodeRegisterReply(body)).toEqual({
        replySerial: e.take('reply_serial'),
        result: e.take('result'),
        authCode: e.take('auth_code'),
      });
      return;
    }
    case MsgId.Authenticate: {
      expect(decodeAuthenticate(body, h).authCode).toBe(e.take('auth_code'));
      return;
    }
    case MsgId.SetParams: {
      const msg = decodeSetParams(body);
      expect(msg.params).toHaveLength(e.take('param_count'));
      const params: any[] = e.take('params');
      expect(msg.params).toHaveLength(params.length);
      params.forEach((p, n) => {
        expect(msg.params[n].id).toBe(hexId(p.id));
        expect(msg.params[n].value).toHaveLength(p.length);
        expect(paramUint(msg.params[n].value)).toBe(p.value);
      });
      return;
    }
    case MsgId.TextMessage: {
      const msg = decodeTextMessage(body, h);
      expect(msg.flag).toBe(e.take('text_flag'));
      expect(msg.textType).toBe(e.take('text_type'));
      expect(msg.text).toBe(e.take('text'));
      return;
    }
    case MsgId.AvRealtimeRequest: {
      const req = decodeAvRequest(body);
      expect(encodeGbk(req.serverIp)).toHaveLength(e.take('server_ip_len'));
      expect(req).toEqual({
        serverIp: e.take('server_ip'),
        tcpPort: e.take('tcp_port'),
        udpPort: e.take('udp_port'),
        channel: e.take('channel'),
        dataType: e.take('data_type'),
        streamType: e.take('stream_type'),
      });
      return;
    }
    case MsgId.QueryParamsReply: {
      const asm = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 8, maxBytes: 1 << 20, now: () => 0 });
      if (e.has('bodies_after_this_packet')) {
        expect(e.take('bodies_after_this_packet')).toBeNull();
        expect(asm.add(frame).complete).toBeUndefined();
      }
      if (e.has('merged')) {
        expect(e.take('merged')).toBe(true);
        const other = i === 14 ? 13 : 14;
        expect(asm.add(decode(other)).complete).toBeUndefined();
        const done = asm.add(frame).complete!;
        expect(done).toBeDefined();
        const reply = decodeQueryParamsReply(done.body);
        // "JT808_0x0104 with non-empty ParamList"
        expect(e.take('merged_body')).toMatch(/0x0104.*non-empty/);
        expect(reply.params.length).toBeGreaterThan(0);
      }
      return;
    }
    case MsgId.Heartbeat:
      expect(e.take('body')).toBeNull();
      expect(body).toHaveLength(0);
      return;
    case MsgId.MediaUpload:
      // Only asserted to decode; the payload is a media fragment.
      return;
    default:
      throw new Error(`vector ${i}: no body check for 0x${h.msgId.toString(16)}`);
  }
}

describe('JT/T 808 vectors', () => {
  it('holds the 30 vectors with the two deliberate checksum failures', () => {
    expect(vectors).toHaveLength(30);
    expect(vectors.map((v, i) => [i, v.check.checksum_ok]).filter(([, ok]) => !ok)).toEqual([
      [LENIENT_ONLY, false],
      [REFUSED, false],
    ]);
  });

  vectors.forEach((v, i) => {
    it(`#${i} ${v.expect.msg_id ?? ''} ${v.source.slice(0, 70)}`, () => {
      const e = new Exp(v.expect);
      if (i === REFUSED) {
        expect(e.take('decode_error')).toBe('ErrCheckCode');
        expect(e.take('checksum_valid')).toBe(false);
        expectDecodeError(() => decodeFrame(content(v)), 'checksum');
        e.assertAllUsed();
        return;
      }
      if (e.has('checksum_valid')) {
        expect(e.take('checksum_valid')).toBe(false);
        expectDecodeError(() => decodeFrame(content(v)), 'checksum');
      }
      const frame = decode(i);
      expect(frame.checksumOk).toBe(i !== LENIENT_ONLY);
      if (e.has('decode_error')) expect(e.take('decode_error')).toBeNull();
      checkHeader(frame.header, frame.body, e);
      checkBody(i, frame, e);
      e.assertAllUsed();
    });
  });

  it('agrees with the header facts recorded in each vector check block', () => {
    vectors.forEach((v, i) => {
      const c = v.check;
      const r = c.header_decoded_by_report;
      const frame = decodeFrame(content(v), { lenient: true });
      const h = frame.header;
      expect(frame.checksumOk, `#${i}`).toBe(c.checksum_ok);
      expect(content(v).includes(0x7d), `#${i}`).toBe(c.has_escape_sequences);
      expect(h.msgId).toBe(hexId(r.msg_id));
      expect(encodeHeader(h).readUInt16BE(2)).toBe(hexId(r.body_attr));
      expect(h.is2019).toBe(r.version_flag === 1);
      expect(h.subpackage).toBe(r.subpackage);
      expect(h.encryption).toBe(r.encrypt);
      expect(h.bodyLength).toBe(r.body_len);
      expect(h.phone).toBe(r.phone_bcd);
      expect(h.serial).toBe(r.serial);
      expect(h.protocolVersion).toBe(r.protocol_version);
      expect(h.packageTotal).toBe(r.pkg_total);
      expect(h.packageIndex).toBe(r.pkg_index);
    });
  });

  it('#13/#14 merge in either order into the 0x0104 answer described in the note', () => {
    for (const order of [
      [13, 14],
      [14, 13],
    ]) {
      const asm = new SubpackageAssembler({ timeoutMs: 5000, maxPendingSets: 8, maxBytes: 1 << 20, now: () => 0 });
      expect(asm.add(decode(order[0]))).toEqual({});
      const done = asm.add(decode(order[1])).complete!;
      expect(done.body).toEqual(Buffer.concat([decode(13).body, decode(14).body]));
      expect(done.header).toMatchObject({ msgId: 0x0104, subpackage: false, serial: 1233, bodyLength: 1219 });
      expect(done.header.packageTotal).toBeUndefined();
      expect(asm.pendingSets).toBe(0);
      // Derived values stated in the note of #14.
      const reply = decodeQueryParamsReply(done.body);
      expect(reply.replySerial).toBe(0);
      expect(reply.params).toHaveLength(107);
      expect(reply.params[0].id).toBe(0x0001);
      expect(reply.params[106].id).toBe(0xff00);
    }
  });

  it('#15 is refused strictly, accepted leniently with its header and JPEG tail', () => {
    const v = vectors[LENIENT_ONLY];
    expectDecodeError(() => decodeFrame(content(v)), 'checksum');
    const f = decodeFrame(content(v), { lenient: true });
    expect(f.checksumOk).toBe(false);
    expect(f.header).toMatchObject({ msgId: 0x0801, phone: '013812345678', packageTotal: 10, packageIndex: 10 });
    expect(f.body.subarray(-2).toString('hex')).toBe('ffd9');
  });

  it('#23 is refused with code checksum, even though its header is well formed', () => {
    expectDecodeError(() => decodeFrame(content(vectors[REFUSED])), 'checksum');
    expect(decodeFrame(content(vectors[REFUSED]), { lenient: true }).checksumOk).toBe(false);
  });

  it('#23 note: body length and short header cases are refused with their own codes', () => {
    expectDecodeError(() => decodeFrame(content('7E0801200500123456789002DE001A000228080001517E')), 'body_length');
    expectDecodeError(() => decodeFrame(content('7e01017e')), 'too_short');
  });

  it('#8 note: a 0x8100 with result 4 carries no auth code', () => {
    const f = decodeFrame(content('7E81000003012345678900000A006404617E'));
    expect(decodeRegisterReply(f.body)).toEqual({ replySerial: 100, result: 4 });
    expect(encodeRegisterReply({ replySerial: 100, result: 4, authCode: 'ignored' }).toString('hex')).toBe('006404');
  });

  it('#11 note: the 2013 text message has no text-type byte', () => {
    const f = decodeFrame(content('7E8300000D012345678900000105736D616C6C63686920353138027E'));
    expect(decodeTextMessage(f.body, f.header)).toEqual({ flag: 5, text: 'smallchi 518' });
  });

  it('wire() and content() agree on every vector', () => {
    for (const v of vectors) expect(Buffer.concat([Buffer.from([0x7e]), content(v), Buffer.from([0x7e])])).toEqual(wire(v));
  });
});
