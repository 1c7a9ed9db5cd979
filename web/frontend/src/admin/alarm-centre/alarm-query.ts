// The filter form of the alarm centre as the query the history, statistics and export routes share.
import type { paths } from '../../shared/api/schema';
import { startOfShanghaiDay } from '../../shared/format';

export type AlarmQuery = NonNullable<paths['/api/alarms/statistics']['get']['parameters']['query']>;

export interface AlarmFilter {
  /** [from, to] as Shanghai calendar days YYYY-MM-DD, both included. */
  days: [string, string] | null;
  type: string;
  severity: AlarmQuery['severity'] | '';
  state: AlarmQuery['state'] | '';
  region: string;
  enterpriseId: number | null;
  sourceKind: AlarmQuery['sourceKind'] | '';
}

export const emptyFilter = (): AlarmFilter => ({ days: null, type: '', severity: '', state: '', region: '', enterpriseId: null, sourceKind: '' });

const DAY_MS = 86_400_000;

/** The API query for a filter: days become the Shanghai instants [00:00 of the first, 00:00 after the last). */
export function alarmQuery(filter: AlarmFilter): AlarmQuery {
  const q: AlarmQuery = {};
  if (filter.days) {
    q.from = startOfShanghaiDay(filter.days[0]).toISOString();
    q.to = new Date(startOfShanghaiDay(filter.days[1]).getTime() + DAY_MS).toISOString();
  }
  if (filter.type) q.type = filter.type;
  if (filter.severity) q.severity = filter.severity;
  if (filter.state) q.state = filter.state;
  if (filter.region) q.region = filter.region;
  if (filter.enterpriseId !== null) q.enterpriseId = filter.enterpriseId;
  if (filter.sourceKind) q.sourceKind = filter.sourceKind;
  return q;
}

/** The same query as a URL search string, for the Excel exports. */
export function queryString(q: Record<string, unknown>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') sp.append(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}
