import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Lowest first: a folder may import its own layer and the layers before it, never one after it. */
export const LAYERS = ['platform', 'registry', 'ingest', 'monitor', 'alerts', 'admin', 'web', 'app'] as const;
/** Demo data and the device simulator may use every layer below app (and each other); only app may use them. */
export const BESIDE_THE_LAYERS = ['seeds', 'device-simulator'] as const;

export interface UpwardImport {
  file: string;
  imports: string;
  /** e.g. "monitor → alerts" */
  arrow: string;
}

const rankOf = new Map<string, number>([...LAYERS.map((layer, i) => [layer, i] as const), ...BESIDE_THE_LAYERS.map((folder) => [folder, LAYERS.indexOf('app') - 0.5] as const)]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const isDir = (p: string) => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

/**
 * Every relative import under `root` whose target lies in a later layer than the importing file. Type-only imports,
 * re-exports and dynamic import() count like any other: a type that crosses upwards is a dependency all the same.
 */
export function upwardImports(root: string): UpwardImport[] {
  const found: UpwardImport[] = [];
  for (const [folder, rank] of rankOf) {
    if (!isDir(path.join(root, folder))) continue;
    for (const file of sourceFiles(path.join(root, folder))) {
      for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (!fileName.startsWith('.')) continue;
        const target = path.relative(root, path.resolve(path.dirname(file), fileName));
        const targetFolder = target.split(path.sep)[0];
        const targetRank = rankOf.get(targetFolder);
        if (targetRank === undefined || targetRank <= rank) continue;
        found.push({ file: path.relative(root, file), imports: target, arrow: `${folder} → ${targetFolder}` });
      }
    }
  }
  return found;
}
