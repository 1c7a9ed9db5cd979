import ExcelJS from 'exceljs';
import type { Alarm } from '../alarm-store.ts';
import { severityLabel } from '../notifications/notification-text.ts';
import { alarmTypeLabel, thresholdLevelLabel } from '../alarm-labels.ts';
import { shanghaiDateTime } from '../../platform/time/shanghai-calendar.ts';


/** Beijing time as people read it in a report. */
const local = (t: string | null) => (t ? shanghaiDateTime(Date.parse(t)) : null);

function handlingState(a: Alarm): string {
  if (a.reviewedAt) return a.review?.result === 'rejected' ? '核查未通过' : '已核查';
  if (a.closedAt) return '已消警';
  if (a.disposedAt) return '已处置';
  if (a.acknowledged) return a.active ? '已确认' : '已确认（已消除）';
  return a.active ? '未确认' : '未确认（已消除）';
}

const columns: Array<{ header: string; width: number; value: (a: Alarm) => unknown }> = [
  { header: '编号', width: 8, value: (a) => a.id },
  { header: '报警类型', width: 14, value: (a) => alarmTypeLabel[a.type] ?? a.type },
  { header: '报警级别', width: 10, value: (a) => (a.level ? thresholdLevelLabel[a.level] : null) },
  { header: '严重程度', width: 10, value: (a) => severityLabel[a.severity] },
  { header: '报警对象', width: 24, value: (a) => a.source.name },
  { header: '行政区划', width: 10, value: (a) => a.regionCode },
  { header: '报警内容', width: 40, value: (a) => a.message },
  { header: '首次报警时间', width: 20, value: (a) => local(a.firstAt) },
  { header: '最近报警时间', width: 20, value: (a) => local(a.lastAt) },
  { header: '次数', width: 6, value: (a) => a.count },
  { header: '当前值', width: 10, value: (a) => a.value },
  { header: '峰值', width: 10, value: (a) => a.peak },
  { header: '处置状态', width: 14, value: handlingState },
  { header: '确认人', width: 10, value: (a) => a.acknowledgedBy },
  { header: '确认时间', width: 20, value: (a) => local(a.acknowledgedAt) },
  { header: '处置人', width: 10, value: (a) => a.disposedBy },
  { header: '处置时间', width: 20, value: (a) => local(a.disposedAt) },
  { header: '原因', width: 30, value: (a) => a.disposal?.cause ?? null },
  { header: '处置措施', width: 30, value: (a) => a.disposal?.measures ?? null },
  { header: '消警人', width: 10, value: (a) => a.closedBy },
  { header: '消警时间', width: 20, value: (a) => local(a.closedAt) },
  { header: '核查人', width: 10, value: (a) => a.reviewedBy },
  { header: '核查时间', width: 20, value: (a) => local(a.reviewedAt) },
  { header: '核查意见', width: 30, value: (a) => a.review?.comment ?? null },
  { header: '超时', width: 14, value: (a) => [a.ackBreachedAt && '确认超时', a.disposeBreachedAt && '处置超时'].filter(Boolean).join('、') || null },
];

/** The filtered alarm history as an .xlsx with Chinese headers, in the style of the registry exports. */
export async function alarmWorkbook(alarms: Alarm[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('报警记录');
  ws.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const a of alarms) ws.addRow(columns.map((c) => c.value(a)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
