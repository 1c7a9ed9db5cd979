import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageSizes } from '../../../web/frontend/page-sizes.ts';

// A byte budget on the build (vitest's globalSetup builds it), not a timing: the same on every machine.
const BUDGET_GZIP_BYTES = 1.5 * 1024 * 1024;

describe('built pages', () => {
  it('keep the console and the wall together under 1.5 MB of gzipped JavaScript', () => {
    const sizes = pageSizes(path.resolve('web/dist'));
    const pages = Object.fromEntries(sizes.map((s) => [s.page, s]));
    expect(Object.keys(pages)).toEqual(expect.arrayContaining(['admin', 'wall']));
    // A chunk both pages share counts twice: the budget holds even when the two are opened on different PCs.
    const gzip = pages.admin.gzipBytes + pages.wall.gzipBytes;
    expect(gzip).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
