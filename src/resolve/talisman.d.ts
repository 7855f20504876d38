// talisman ships no type declarations; these are the two modules src/resolve uses.
declare module 'talisman/phonetics/daitch-mokotoff.js' {
  /** Daitch–Mokotoff Soundex: one or more six-digit codes (several when a letter group is ambiguous). */
  export default function daitchMokotoff(name: string): string[];
}
declare module 'talisman/metrics/jaro-winkler.js' {
  /** Jaro–Winkler similarity in [0, 1]. */
  export default function jaroWinkler(a: string, b: string): number;
}
