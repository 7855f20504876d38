import daitchMokotoff from 'talisman/phonetics/daitch-mokotoff.js';

/**
 * Daitch–Mokotoff codes of a latin key (latin-key.ts); applied after normalisation so the
 * romanisation has already been made uniform. Several codes when a letter group is ambiguous.
 */
export function phoneticCodes(key: string): string[] {
  if (key.length === 0) return [];
  return daitchMokotoff(key);
}

/** Do two code lists share a code? */
export function phoneticMatch(a: readonly string[], b: readonly string[]): boolean {
  for (const code of a) if (b.includes(code)) return true;
  return false;
}
