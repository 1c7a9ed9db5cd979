import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, apiClient, eventually, startTestSystem } from '../support/test-system.ts';

type System = Awaited<ReturnType<typeof startTestSystem>>;

/** `npm start`'s demo: the seeded site cameras publish ffmpeg test patterns, so the wall has live video at once. */
describe('demo site cameras', () => {
  let sys: System;
  beforeAll(async () => {
    sys = await startTestSystem({ DEMO: 'true' });
  });
  afterAll(async () => {
    await sys?.dispose();
  });

  it('brings the demo cameras live, and stops their publishers with the system', async () => {
    const api = apiClient(sys.urls.http);
    await api.login('admin', ADMIN_PASSWORD);
    const live = await eventually(async () => {
      const items = (await api.call('GET', '/api/video/cameras')).body.items as Array<{ live: boolean }>;
      return items.length && items.every((c) => c.live) ? items.length : undefined;
    }, 'every demo camera live', 30_000);
    expect(live).toBeGreaterThanOrEqual(3);
  });
});
