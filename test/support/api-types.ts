import openapiTS, { astToString } from 'openapi-typescript';

export const API_TYPES_FILE = 'web/frontend/src/shared/api/schema.d.ts';

const HEADER = '// Generated from the server\'s OpenAPI spec (/docs/json) by `npm run api-types`. Do not edit.\n\n';

/** The frontend's API types for an OpenAPI document, as checked in at API_TYPES_FILE. */
export async function apiTypesSource(spec: object): Promise<string> {
  const ast = await openapiTS(spec as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}
