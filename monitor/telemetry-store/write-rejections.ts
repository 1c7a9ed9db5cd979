import { HttpError } from '@influxdata/influxdb-client';

/** A line InfluxDB refused for a reason sending it again cannot fix, with the server's reason. */
export interface RejectedLine {
  readonly line: string;
  readonly reason: string;
}

/**
 * Whether InfluxDB refused the content of a write, so that retrying the same lines can never succeed: 400 (points
 * beyond the retention policy, a field type conflict, an unparsable line), 413 (too large) and 422 (2.x, beyond
 * retention). An unreachable server, 5xx, 429, and 401/403/404 (credentials or a database an operator can still
 * fix) are worth retrying.
 */
export function isPermanentRejection(err: Error): boolean {
  return err instanceof HttpError && (err.statusCode === 400 || err.statusCode === 413 || err.statusCode === 422);
}

/**
 * Finds the lines of a refused batch that InfluxDB will never accept by splitting it in halves until each refused
 * part is a single line; the other lines are written on the way (InfluxDB writes are idempotent, so lines a partial
 * write already took are simply written again). Rejects with the first error that is not permanent, so the caller
 * retries the whole batch later.
 */
export async function isolateRejectedLines(
  lines: readonly string[],
  send: (text: string) => Promise<void>,
  permanent: (err: Error) => boolean,
): Promise<RejectedLine[]> {
  try {
    await send(lines.join('\n'));
    return [];
  } catch (err) {
    if (!permanent(err as Error)) throw err;
    if (lines.length === 1) return [{ line: lines[0], reason: (err as Error).message }];
  }
  const mid = lines.length >> 1;
  const first = await isolateRejectedLines(lines.slice(0, mid), send, permanent);
  return [...first, ...(await isolateRejectedLines(lines.slice(mid), send, permanent))];
}
