export type Jt808DecodeErrorCode =
  | 'checksum'
  | 'too_short'
  | 'body_length'
  | 'bad_escape'
  | 'bad_bcd'
  | 'bad_value';

/** The only error type decode functions throw; callers catch it per frame. */
export class Jt808DecodeError extends Error {
  readonly code: Jt808DecodeErrorCode;

  constructor(code: Jt808DecodeErrorCode, message: string) {
    super(message);
    this.name = 'Jt808DecodeError';
    this.code = code;
  }
}

export function isJt808DecodeError(err: unknown): err is Jt808DecodeError {
  return err instanceof Jt808DecodeError;
}
