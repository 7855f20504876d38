import type { PersonRecord } from '../src/resolve/linkage/record.js';
export function victimLists(_options: { records: number; seed: number }): { records: PersonRecord[]; truth: string[] } {
  return { records: [], truth: [] };
}
