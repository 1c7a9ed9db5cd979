import ExcelJS from 'exceljs';
import type { AlarmStatistics, HistoryFilter } from './alarm-history.ts';
import { shanghaiDateTime } from '../../platform/time/shanghai-calendar.ts';

const minutes = (s: number | null) => (s === null ? null : Math.round((s / 60) * 10) / 10);

/** The statistics of a chosen period as an .xlsx: a summary sheet and one sheet per breakdown, Chinese headers. */
export async function alarmStatisticsWorkbook(stats: AlarmStatistics, filter: HistoryFilter): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = (name: string, headers: Array<[string, number]>, rows: unknown[][]) => {
    const ws = wb.addWorksheet(name);
    ws.columns = headers.map(([header, width], i) => ({ header, key: String(i), width }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r);
  };
  sheet('概况', [['项目', 24], ['数值', 24]], [
    ['统计起始时间', filter.from ? shanghaiDateTime(filter.from) : '不限'],
    ['统计截止时间', filter.to ? shanghaiDateTime(filter.to) : '不限'],
    ['报警总数', stats.total],
    ['平均确认用时（分钟）', minutes(stats.meanAckSeconds)],
    ['平均消警用时（分钟）', minutes(stats.meanCloseSeconds)],
    ['确认超时次数', stats.slaBreaches.ack],
    ['处置超时次数', stats.slaBreaches.dispose],
    ['超时升级次数', stats.slaBreaches.escalated],
  ]);
  sheet('按类型', [['报警类型', 24], ['次数', 10]], stats.byType.map((r) => [r.label, r.count]));
  sheet('按严重程度', [['严重程度', 12], ['次数', 10]], stats.bySeverity.map((r) => [r.label, r.count]));
  sheet('按区划', [['行政区划代码', 14], ['行政区划', 30], ['次数', 10]], stats.byRegion.map((r) => [r.regionCode, r.name, r.count]));
  sheet('按企业', [['企业', 36], ['次数', 10]], stats.byEnterprise.map((r) => [r.name ?? '（无企业）', r.count]));
  sheet('按日', [['日期', 14], ['次数', 10]], stats.byDay.map((r) => [r.day, r.count]));
  sheet('高发对象', [['对象', 30], ['类别', 10], ['次数', 10]], stats.topSources.map((r) => [r.name, r.kind === 'vehicle' ? '车辆' : '传感器', r.count]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
