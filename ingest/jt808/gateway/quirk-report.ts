import type { Logger } from 'pino';
import { normalizePhone, type Jt808Header, type Jt808Quirk } from '../codec/index.ts';
import type { Metrics } from '../../../platform/metrics.ts';

/** What the terminal's vendor has to fix, in the words of the standard. */
const VENDOR_FIX: Record<Jt808Quirk, string> = {
  version_flag_on_2013: 'attribute bit 14 (the 2019 version flag) is set on a 2013-layout header; it must be 0 in 2013',
  checksum_7d_unescaped: 'a checksum of 0x7D is sent as 7D before the closing 7E; it must be escaped as 7D 01',
  unescaped_7e: 'a 0x7E inside the frame is sent as is; it must be escaped as 7D 02',
};

/** Counts every frame taken despite a quirk, and logs each kind once per connection so a site can tell the vendor. */
export class QuirkReport {
  private readonly logged = new Set<Jt808Quirk>();

  constructor(
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {}

  record(header: Jt808Header, quirks: readonly Jt808Quirk[]): void {
    for (const quirk of quirks) {
      this.metrics.jt808Quirks.inc({ kind: quirk });
      if (this.logged.has(quirk)) continue;
      this.logged.add(quirk);
      this.log.warn(
        { quirk, phone: normalizePhone(header.phone), msgId: `0x${header.msgId.toString(16).padStart(4, '0')}`, serial: header.serial, fix: VENDOR_FIX[quirk] },
        'JT808 terminal quirk taken (logged once per connection)',
      );
    }
  }
}
