import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Lowest first: a folder may import its own layer and the ones before it, never one after it. */
export const LAYERS = ['platform', 'registry', 'ingest', 'monitor', 'alerts', 'admin', 'web', 'app'] as const;
/** Demo data and the device simulator may use every layer below app; only app (and tests) may use them. */
export const BESIDE_THE_LAYERS = ['seeds', 'device-simulator'] as const;

export interface UpwardImport {
  file: string;
  imports: string;
  /** e.g. "monitor → alerts" */
  arrow: string;
}

const rank = (folder: string): number | null => {
  const layer = LAYERS.indexOf(folder as (typeof LAYERS)[number]);
  if (layer >= 0) return layer;
  // Beside the layers: above everything but app.
  return (BESIDE_THE_LAYERS as readonly string[]).includes(folder) ? LAYERS.indexOf('app') - 0.5 : null;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'public' ? [] : sourceFiles(full);
    return /\.(ts|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/**
 * Every relative import under `root` whose target sits in a higher layer than the importing file. Type-only imports,
 * re-exports and dynamic import() count like any other: a type that crosses upwards is a dependency all the same.
 */
export function upwardImports(root: string): UpwardImport[] {
  const folders = [...LAYERS, ...BESIDE_THE_LAYERS].filter((f) => {
    try {
      return readdirSync(path.join(root, f)) !== null;
    } catch {
      return false;
    }
  });
  const found: UpwardImport[] = [];
  for (const folder of folders) {
    const from = rank(folder)!;
    for (const file of sourceFiles(path.join(root, folder))) {
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = path.relative(root, path.resolve(path.dirname(file), fileName));
        const targetFolder = target.split(path.sep)[0];
        const to = rank(targetFolder);
        const sameGroup = targetFolder === folder || ((BESIDE_THE_LAYERS as readonly string[]).includes(folder) && (BESIDE_THE_LAYERS as readonly string[]).includes(targetFolder));
        if (to === null || sameGroup || to < from) continue;
        if (to === from && targetFolder === folder) continue;
        found.push({ file: path.relative(root, file), imports: target, arrow: `${folder} → ${targetFolder}` });
      }
    }
  }
  return found;
}
