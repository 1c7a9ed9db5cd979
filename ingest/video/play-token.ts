import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Why a play request was refused; the label of `video_refused_total`. */
export type PlayRefusal = 'unsigned' | 'bad_signature' | 'expired' | 'foreign' | 'replayed';

export interface PlayClaims {
  /** The public stream name the token opens (`camera-12`, `vehicle-3-1`). */
  stream: string;
  userId: number;
  /** Epoch ms after which the token no longer starts a playback. */
  expiresAt: number;
}

const b64 = (b: Buffer) => b.toString('base64url');

/**
 * Play tokens issued by our API: HMAC-signed, for one stream, one user, one start, a short time. Unlike
 * node-media-server's own signing they are not publish credentials, and a token that started a playback is spent.
 */
export class PlayTokens {
  private readonly secret: Buffer;
  /** Spent nonces until their token's expiry. */
  private readonly spent = new Map<string, number>();

  constructor(opts: { secret?: Buffer; now?: () => number } = {}) {
    this.secret = opts.secret ?? randomBytes(32);
    this.now = opts.now ?? Date.now;
  }

  private readonly now: () => number;

  issue(claims: PlayClaims): string {
    const payload = b64(Buffer.from(JSON.stringify({ p: 'play', s: claims.stream, u: claims.userId, e: claims.expiresAt, n: b64(randomBytes(12)) })));
    return `${payload}.${this.sign(payload)}`;
  }

  /** Checks a token for the stream and spends it; the claims, or why it is refused. */
  redeem(token: string | undefined, stream: string): { ok: true; claims: PlayClaims } | { ok: false; reason: PlayRefusal } {
    if (!token) return { ok: false, reason: 'unsigned' };
    const [payload, sig] = token.split('.');
    if (!payload || !sig) return { ok: false, reason: 'bad_signature' };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_signature' };
    let body: { p?: unknown; s?: unknown; u?: unknown; e?: unknown; n?: unknown };
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'bad_signature' };
    }
    if (body.p !== 'play' || typeof body.s !== 'string' || typeof body.u !== 'number' || typeof body.e !== 'number' || typeof body.n !== 'string') {
      return { ok: false, reason: 'bad_signature' };
    }
    const now = this.now();
    if (body.s !== stream) return { ok: false, reason: 'foreign' };
    if (body.e < now) return { ok: false, reason: 'expired' };
    this.forgetExpired(now);
    if (this.spent.has(body.n)) return { ok: false, reason: 'replayed' };
    this.spent.set(body.n, body.e);
    return { ok: true, claims: { stream: body.s, userId: body.u, expiresAt: body.e } };
  }

  private sign(payload: string): string {
    return b64(createHmac('sha256', this.secret).update(payload).digest());
  }

  private forgetExpired(now: number) {
    if (this.spent.size < 1024) return;
    for (const [nonce, expiresAt] of this.spent) if (expiresAt < now) this.spent.delete(nonce);
  }
}
