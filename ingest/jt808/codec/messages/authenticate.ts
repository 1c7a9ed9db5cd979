import { Reader, u8 } from '../binary.ts';
import type { Jt808Header } from '../header.ts';
import { decodeFixedString, decodeTrailingString, encodeFixedString, encodeGbk } from '../text.ts';

/**
 * How a 2019 body carries the software version. The standard says BYTE[20]
 * NUL-padded; some terminals send a length BYTE plus the string instead.
 */
export type SoftwareVersionLayout = 'fixed20' | 'prefixed';

export interface Authenticate {
  authCode: string;
  /** 2019 only. */
  imei?: string;
  softwareVersion?: string;
  softwareVersionLayout?: SoftwareVersionLayout;
}

const IMEI_LENGTH = 15;
const VERSION_LENGTH = 20;

export function decodeAuthenticate(body: Buffer, header: Pick<Jt808Header, 'is2019'>): Authenticate {
  if (!header.is2019) return { authCode: decodeTrailingString(body) };
  const r = new Reader(body, '0x0102 body (2019)');
  const codeLength = r.u8();
  const authCode = decodeTrailingString(r.bytes(codeLength));
  const imei = decodeFixedString(r.bytes(IMEI_LENGTH));
  const rest = r.rest();
  if (rest.length === VERSION_LENGTH || rest.length === 0 || rest[0] !== rest.length - 1) {
    return { authCode, imei, softwareVersion: decodeFixedString(rest), softwareVersionLayout: 'fixed20' };
  }
  return {
    authCode,
    imei,
    softwareVersion: decodeTrailingString(rest.subarray(1)),
    softwareVersionLayout: 'prefixed',
  };
}

/** 2019 layout when `is2019`; the software version layout defaults to the standard BYTE[20]. */
export function encodeAuthenticate(auth: Authenticate, header: Pick<Jt808Header, 'is2019'>): Buffer {
  const code = encodeGbk(auth.authCode);
  if (!header.is2019) return code;
  const version = auth.softwareVersion ?? '';
  const versionBytes =
    auth.softwareVersionLayout === 'prefixed'
      ? Buffer.concat([u8(encodeGbk(version).length, 'software version length'), encodeGbk(version)])
      : encodeFixedString(version, VERSION_LENGTH, 'softwareVersion');
  return Buffer.concat([
    u8(code.length, 'auth code length'),
    code,
    encodeFixedString(auth.imei ?? '', IMEI_LENGTH, 'imei'),
    versionBytes,
  ]);
}
