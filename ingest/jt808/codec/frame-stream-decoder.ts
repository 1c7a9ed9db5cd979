import { decodeFrame } from './frame.ts';
import type { Jt808Frame } from './frame.ts';
import { joinAcrossFlag, recoverFrame } from './quirk-recovery.ts';
import type { Jt808Quirk, RecoveredFrame } from './quirk-recovery.ts';

export interface FrameStreamDecoderOptions {
  /** Accept checksum mismatches (checksumOk=false). */
  lenient: boolean;
  /** Take frames with the known terminal quirks (see Jt808Quirk); false refuses them like any malformed frame. */
  acceptQuirks: boolean;
  /** A piece that is no frame, reported in stream order. */
  onMalformed: (piece: Buffer, error: unknown) => void;
}

const NO_QUIRKS: readonly Jt808Quirk[] = Object.freeze([]);

/**
 * Decodes the pieces of one stream, as FrameSplitter yields them, in order. A piece that decodes on its own is always
 * taken as it is, so a bad piece never costs the frame after it. With quirks accepted, a refused piece is held until
 * the next one: when that one does not decode on its own either, the two joined across the 7E that split them may
 * be one frame with an unescaped 7E inside.
 */
export class FrameStreamDecoder {
  /** Quirks of the frame push() returned last; empty for a clean frame. */
  quirks: readonly Jt808Quirk[] = NO_QUIRKS;
  private held: { piece: Buffer; error: unknown } | null = null;
  private readonly decodeOptions: { lenient: boolean };

  constructor(private readonly opts: FrameStreamDecoderOptions) {
    this.decodeOptions = { lenient: opts.lenient };
  }

  /** The frame this piece completes, or null (the piece is held or was reported malformed). */
  push(piece: Buffer): Jt808Frame | null {
    this.quirks = NO_QUIRKS;
    let frame: Jt808Frame;
    try {
      frame = decodeFrame(piece, this.decodeOptions);
    } catch (error) {
      return this.refused(piece, error);
    }
    if (this.held) this.releaseHeld();
    return frame;
  }

  /** Reports a held piece as malformed: the stream ended, nothing can complete it. */
  flush(): void {
    if (this.held) this.releaseHeld();
  }

  private refused(piece: Buffer, error: unknown): Jt808Frame | null {
    if (!this.opts.acceptQuirks) {
      this.opts.onMalformed(piece, error);
      return null;
    }
    const alone = recoverFrame(piece, error, this.opts.lenient);
    if (alone) {
      if (this.held) this.releaseHeld();
      return this.recovered(alone);
    }
    if (this.held) {
      const joined = joinAcrossFlag(this.held.piece, piece);
      if (joined) {
        this.held = null;
        return this.recovered(joined);
      }
      this.releaseHeld();
    }
    this.held = { piece, error };
    return null;
  }

  private recovered(r: RecoveredFrame): Jt808Frame {
    this.quirks = r.quirks;
    return r.frame;
  }

  private releaseHeld(): void {
    const { piece, error } = this.held!;
    this.held = null;
    this.opts.onMalformed(piece, error);
  }
}
