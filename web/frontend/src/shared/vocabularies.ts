// The server's code tables (GET /api/vocabularies), loaded once per login; pages never keep their own copies.
import { shallowRef } from 'vue';
import type { paths } from './api/schema';
import { api, call } from './api/client';

export type Vocabularies = paths['/api/vocabularies']['get']['responses'][200]['content']['application/json'];
export type VocabularyName = keyof Vocabularies;
export type VocabularyEntry = Vocabularies[VocabularyName][number];

/** The loaded tables; null until loadVocabularies() has answered. */
export const vocabularies = shallowRef<Vocabularies | null>(null);
let loading: Promise<Vocabularies> | null = null;

export function loadVocabularies(): Promise<Vocabularies> {
  loading ??= call(api.GET('/api/vocabularies')).then(
    (v) => (vocabularies.value = v),
    (err) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** The Chinese label of a code; the code itself while the tables load or when the server does not know it. */
export function label(name: VocabularyName, code: string | number | null | undefined): string {
  if (code === null || code === undefined || code === '') return '';
  const key = String(code);
  return vocabularies.value?.[name].find((e) => e.code === key)?.label ?? key;
}

/** A table as options for selects: [{ value, label }]. */
export function options(name: VocabularyName): { value: string; label: string }[] {
  return (vocabularies.value?.[name] ?? []).map((e) => ({ value: e.code, label: e.label }));
}

/** The rank of a code in a ranked table (severities: critical highest), 0 when unknown. */
export const rank = (name: VocabularyName, code: string): number => vocabularies.value?.[name].find((e) => e.code === code)?.rank ?? 0;

