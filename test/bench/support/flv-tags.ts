/** Counts FLV video tags in a byte stream cut anywhere (HTTP chunks, WebSocket messages), without buffering it. */
export class FlvVideoCounter {
  videoTags = 0;
  bytes = 0;
  private headerLeft = 13; // FLV header and PreviousTagSize0
  private readonly head = Buffer.alloc(11);
  private headFill = 0;
  private skip = 0;

  push(chunk: Buffer): void {
    this.bytes += chunk.length;
    let i = 0;
    while (i < chunk.length) {
      if (this.headerLeft || this.skip) {
        const n = Math.min(this.headerLeft || this.skip, chunk.length - i);
        if (this.headerLeft) this.headerLeft -= n;
        else this.skip -= n;
        i += n;
        continue;
      }
      const n = Math.min(11 - this.headFill, chunk.length - i);
      chunk.copy(this.head, this.headFill, i, i + n);
      this.headFill += n;
      i += n;
      if (this.headFill < 11) continue;
      this.headFill = 0;
      if ((this.head[0] & 0x1f) === 9) this.videoTags++;
      this.skip = this.head.readUIntBE(1, 3) + 4;
    }
  }
}
