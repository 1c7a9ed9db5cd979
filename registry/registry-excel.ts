import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { RegistryModule } from './registry-module.ts';
import { describeFields, type FieldDescription } from './registry-metadata.ts';
import { shanghaiDateTime } from '../platform/time/shanghai-calendar.ts';

const flat = (f: FieldDescription) => f.type !== 'json' && f.type !== 'array';

function display(f: FieldDescription, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (f.type === 'boolean') return v ? '是' : '否';
  if (f.options) return f.options.find((o) => o.value === v)?.label ?? v;
  // Dates come as YYYY-MM-DD strings; a Date is a point in time (timestamptz), shown on the Shanghai clock.
  if (v instanceof Date) return shanghaiDateTime(v);
  return v;
}

/** The filtered list as an .xlsx with Chinese headers; enums and booleans shown as people read them. */
export async function exportWorkbook(m: RegistryModule, rows: Record<string, unknown>[]): Promise<Buffer> {
  const fields = describeFields(m).filter(flat);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(m.label);
  ws.columns = [{ header: 'ID', key: 'id', width: 8 }, ...fields.map((f) => ({ header: f.label, key: f.name, width: Math.max(12, f.label.length * 2 + 4) }))];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries([['id', r.id], ...fields.map((f) => [f.name, display(f, r[f.name])])]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The import template: the same headers (required ones marked *), and a sheet explaining each column. */
export async function templateWorkbook(m: RegistryModule): Promise<Buffer> {
  const fields = describeFields(m).filter((f) => flat(f) && !f.readOnly);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(m.label);
  ws.columns = fields.map((f) => ({ header: f.label, key: f.name, width: Math.max(12, f.label.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
  const help = wb.addWorksheet('填写说明');
  help.columns = [{ header: '列', width: 20 }, { header: '必填', width: 8 }, { header: '格式或可选值', width: 60 }];
  for (const f of fields) {
    const format = f.options ? f.options.map((o) => o.label).join(' / ') : { boolean: '是 / 否', date: 'YYYY-MM-DD', number: '数字', integer: '整数' }[f.type as string] ?? '文本';
    help.addRow([f.label, f.required ? '是' : '', f.help ? `${format}；${f.help}` : format]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}

function cellValue(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'object' && !(v instanceof Date)) {
    if ('result' in v) return v.result;
    if ('text' in v) return v.text;
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    return undefined;
  }
  return v;
}

function coerce(f: FieldDescription, raw: unknown): unknown {
  if (raw === undefined || raw === '') return undefined;
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw).trim();
  if (text === '') return undefined;
  switch (f.type) {
    case 'number':
    case 'integer':
      return typeof raw === 'number' ? raw : Number.isNaN(Number(text)) ? text : Number(text);
    case 'boolean':
      return ['是', 'true', '1', 'TRUE'].includes(text) ? true : ['否', 'false', '0', 'FALSE'].includes(text) ? false : text;
    case 'enum':
      return f.options?.find((o) => o.label === text || o.value === text)?.value ?? text;
    default:
      return text;
  }
}

/** Reads a filled template and validates every row; returns rows ready to import, or every problem by row and field. */
export async function parseImport<S extends z.ZodObject>(
  m: RegistryModule<S>,
  file: Buffer,
): Promise<{ ok: true; rows: z.infer<S>[] } | { ok: false; message: string; rows: ImportRowError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    return { ok: false, message: '文件不是有效的 Excel（.xlsx）文件', rows: [] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, message: 'Excel 文件中没有工作表', rows: [] };
  const fields = describeFields(m).filter((f) => flat(f) && !f.readOnly);
  const byLabel = new Map(fields.map((f) => [f.label, f]));
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(cellValue(v) ?? '').replace(/\*$/, '').trim());
  const unknown = header.filter((h, i) => i > 0 && h && h !== 'ID' && !byLabel.has(h));
  if (unknown.length > 0) return { ok: false, message: `无法识别的列：${unknown.join('、')}（请使用导入模板）`, rows: [] };
  const missing = fields.filter((f) => f.required && !header.includes(f.label));
  if (missing.length > 0) return { ok: false, message: `缺少必填列：${missing.map((f) => f.label).join('、')}`, rows: [] };

  const rows: z.infer<S>[] = [];
  const errors: ImportRowError[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as ExcelJS.CellValue[];
    if (!values || values.every((v) => cellValue(v) === undefined || String(cellValue(v)).trim() === '')) continue;
    const input: Record<string, unknown> = {};
    header.forEach((h, i) => {
      const f = byLabel.get(h);
      if (f) input[f.name] = coerce(f, cellValue(values[i]));
    });
    const parsed = m.schema.safeParse(input);
    if (parsed.success) rows.push(parsed.data);
    else for (const issue of parsed.error.issues) errors.push({ row: r, field: fields.find((f) => f.name === issue.path[0])?.label ?? String(issue.path[0] ?? ''), message: issue.message });
  }
  if (errors.length > 0) return { ok: false, message: `${new Set(errors.map((e) => e.row)).size} 行数据有误，未导入任何数据`, rows: errors };
  if (rows.length === 0) return { ok: false, message: '没有可导入的数据行', rows: [] };
  return { ok: true, rows };
}
