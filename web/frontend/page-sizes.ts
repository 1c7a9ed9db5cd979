// The JavaScript each built page loads (its entry and every chunk it imports statically), raw and gzipped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  src?: string;
}

export interface PageSize {
  page: string;
  files: string[];
  bytes: number;
  gzipBytes: number;
}

/** Sizes per page from Vite's manifest in `distDir` (web/dist/.vite/manifest.json). */
export function pageSizes(distDir: string): PageSize[] {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  return Object.entries(manifest)
    .filter(([, chunk]) => chunk.isEntry && chunk.file.endsWith('.js'))
    .map(([key, entry]) => {
      const files = new Set<string>();
      const visit = (chunk: ManifestChunk) => {
        if (files.has(chunk.file)) return;
        files.add(chunk.file);
        for (const imported of chunk.imports ?? []) visit(manifest[imported]);
      };
      visit(entry);
      let bytes = 0;
      let gzipBytes = 0;
      for (const file of files) {
        const content = readFileSync(path.join(distDir, file));
        bytes += content.length;
        gzipBytes += gzipSync(content, { level: 9 }).length;
      }
      return { page: key.split('/')[0], files: [...files].sort(), bytes, gzipBytes };
    })
    .sort((a, b) => a.page.localeCompare(b.page));
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const sizes = pageSizes(path.resolve(process.argv[2] ?? 'web/dist'));
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
  console.log('| page | JavaScript | gzip |\n|---|---|---|');
  for (const s of sizes) console.log(`| ${s.page} | ${kb(s.bytes)} | ${kb(s.gzipBytes)} |`);
}
