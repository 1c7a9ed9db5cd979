// `npm run api-types`: starts the whole system on free ports, reads its OpenAPI spec and rewrites the frontend's types.
import { writeFile } from 'node:fs/promises';
import { startTestSystem } from './test-system.ts';
import { API_TYPES_FILE, apiTypesSource } from './api-types.ts';

const system = await startTestSystem();
try {
  const spec = (await (await fetch(`${system.urls.http}/docs/json`)).json()) as object;
  await writeFile(API_TYPES_FILE, await apiTypesSource(spec));
  console.log(`[api-types] wrote ${API_TYPES_FILE}`);
} finally {
  await system.dispose();
}
