import * as iuliia from 'iuliia';

/** The romanisation standards a victim list is likely to use, by the name we report. */
export const STANDARDS = {
  'bgn-pcgn': iuliia.BGN_PCGN,
  'icao-9303': iuliia.ICAO_DOC_9303,
  'iso9-gost779': iuliia.GOST_779,
  scholarly: iuliia.SCIENTIFIC,
  wikipedia: iuliia.WIKIPEDIA,
} as const;

export type Standard = keyof typeof STANDARDS | 'chechen';

const CYRILLIC = /[\u0400-\u04ff]/;
// Stand-ins people type for the palochka (Ӏ): Latin I or l, digit 1, pipe; after a Cyrillic letter, or before one at a word's start.
const PALOCHKA_STAND_INS = /(?<=[\u0400-\u04ff])[Il1|Ӏ](?=[\u0400-\u04ff]|$|\s)|(?<!\p{L})[I1|](?=[\u0400-\u04ff])/gu;

// iuliia's BGN/PCGN, GOST 7.79 and scholarly schemas leave ё untouched; those standards write ë.
const KEEPS_YO = new Set<string>(['bgn-pcgn', 'iso9-gost779', 'scholarly']);
const withYo = (standard: string, text: string) => (KEEPS_YO.has(standard) ? text.replace(/ё/g, 'ë').replace(/Ё/g, 'Ë') : text);

export function hasCyrillic(text: string): boolean {
  return CYRILLIC.test(text);
}

/** Cyrillic with the palochka's stand-ins replaced by the palochka itself (U+04C0). */
export function restorePalochka(text: string): string {
  return text.replace(/ӏ/g, 'Ӏ').replace(PALOCHKA_STAND_INS, 'Ӏ');
}

// Chechen letters written with two Cyrillic characters, romanised as the Chechen Latin alphabets and
// most Chechen diaspora spellings do (къ → q, хь → h, гӀ → gh, аь → a…). Order matters: longest first.
const CHECHEN: [RegExp, string][] = [
  [/къ/g, 'q'], [/кх/g, 'q'], [/хь/g, 'h'], [/хӀ/g, 'h'], [/гӀ/g, 'gh'], [/кӀ/g, 'k'], [/пӀ/g, 'p'], [/тӀ/g, 't'],
  [/цӀ/g, 'ts'], [/чӀ/g, 'ch'], [/аь/g, 'a'], [/оь/g, 'o'], [/уь/g, 'u'], [/юь/g, 'yu'], [/яь/g, 'ya'], [/Ӏ/g, ''],
];

/** Chechen-aware romanisation: the Chechen digraphs first, then BGN/PCGN for the rest. */
export function chechenLatin(text: string): string {
  let lower = restorePalochka(text).toLowerCase().replace(/ӏ/g, 'Ӏ');
  for (const [pattern, latin] of CHECHEN) lower = lower.replace(pattern, latin);
  // BGN/PCGN keeps case; restore an initial capital on each word.
  return iuliia.translate(withYo('bgn-pcgn', lower), iuliia.BGN_PCGN).replace(/(^|[\s-])(\p{Ll})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

/** Every romanisation of a Cyrillic name under the main standards plus the Chechen-aware one; Latin input is returned as is. */
export function transliterations(text: string): Map<Standard, string> {
  const result = new Map<Standard, string>();
  if (!hasCyrillic(text)) return result;
  const restored = restorePalochka(text);
  for (const [name, schema] of Object.entries(STANDARDS) as [keyof typeof STANDARDS, iuliia.Schema][]) result.set(name, iuliia.translate(withYo(name, restored), schema));
  result.set('chechen', chechenLatin(restored));
  return result;
}

/** One romanisation by a named standard (used by the victim-list generator). */
export function romanise(text: string, standard: Standard): string {
  if (standard === 'chechen') return chechenLatin(text);
  return iuliia.translate(withYo(standard, restorePalochka(text)), STANDARDS[standard]);
}
