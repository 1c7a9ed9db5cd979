import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAYERS, upwardImports } from '../../support/import-direction.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const fixture = path.resolve(import.meta.dirname, '../../fixtures/import-direction');

describe('import direction: platform ← registry ← ingest ← monitor ← alerts ← admin ← web ← app', () => {
  it('names the layers in the order the README prints', () => {
    expect(LAYERS.join(' ← ')).toBe('platform ← registry ← ingest ← monitor ← alerts ← admin ← web ← app');
  });

  it('has no source file importing a later layer, type-only imports included', () => {
    expect(upwardImports(repoRoot)).toEqual([]);
  });

  it('catches an upward import: the fixture tree has one type-only import from monitor into alerts', () => {
    expect(upwardImports(fixture)).toEqual([{ file: path.join('monitor', 'pipeline.ts'), imports: path.join('alerts', 'alarm.ts'), arrow: 'monitor → alerts' }]);
  });

  it('lets seeds and the simulator use anything below app, and only app use them', async () => {
    const tree = await mkdtemp(path.join(os.tmpdir(), 'import-direction-'));
    try {
      await cp(fixture, tree, { recursive: true });
      await writeFile(path.join(tree, 'web', 'demo-banner.ts'), "export { demo } from '../seeds/demo.ts';\n");
      await writeFile(path.join(tree, 'seeds', 'boot.ts'), "export const boot = () => import('../app/main.ts');\n");
      expect(upwardImports(tree).map((u) => u.arrow).sort()).toEqual(['monitor → alerts', 'seeds → app', 'web → seeds']);
    } finally {
      await rm(tree, { recursive: true, force: true });
    }
  });
});
