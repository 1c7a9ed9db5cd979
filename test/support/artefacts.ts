import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** Where tests leave screenshots and other artefacts for a human to look at: var/test-artefacts (not committed). */
export function artefactPath(name: string): string {
  const dir = path.resolve('var/test-artefacts');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}
