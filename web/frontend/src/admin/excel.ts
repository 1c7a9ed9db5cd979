// Excel export, import template and import of a module, over the registry's routes.
import { download, upload, ApiError } from '../shared/api/client';
import { shanghaiDay } from '../shared/format';
import { withQuery, type ModuleMeta } from './meta';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const safe = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

export const exportExcel = (m: ModuleMeta, filters: Record<string, unknown>) =>
  download(withQuery(`${m.path}/export.xlsx`, filters), `${safe(m.label)}_${shanghaiDay(new Date()).replace(/-/g, '')}.xlsx`);

export const downloadTemplate = (m: ModuleMeta) => download(`${m.path}/import-template.xlsx`, `${safe(m.label)}_导入模板.xlsx`);

export interface ImportProblem { row?: number; field?: string; message: string }
export type ImportResult = { ok: true; created: number; updated: number } | { ok: false; message: string; rows: ImportProblem[] };

export async function importExcel(m: ModuleMeta, file: File): Promise<ImportResult> {
  try {
    const res = await upload<{ created?: number; updated?: number }>(`${m.path}/import`, file, XLSX);
    return { ok: true, created: Number(res.created ?? 0), updated: Number(res.updated ?? 0) };
  } catch (err) {
    const rows = err instanceof ApiError && typeof err.body === 'object' && err.body !== null ? (err.body as { rows?: unknown }).rows : undefined;
    if (err instanceof ApiError && err.status === 400 && Array.isArray(rows)) return { ok: false, message: err.message, rows: rows as ImportProblem[] };
    throw err;
  }
}
