/*
 * A Latin spelling reduced to a key on which the usual romanisations of one Russian or Chechen name
 * agree: Kadyrov / Kadirov / Kadyrow / Qadyrov → "kadirov"; Yangulbayev / Yangulbaev / Iangulbaev /
 * Jangulbaev → "iangulbaev"; Khasuev / Hasuev / Xasuev → "hasuev" (x is read as "ks", the English
 * practice, except that GOST 7.0.34's x for х cannot then be told apart). The key is for comparing,
 * never for showing.
 */

// Letters with diacritics that stand for a digraph in ISO 9 / scholarly romanisation.
const SPECIAL: Record<string, string> = {
  š: 'sh', ŝ: 'shch', č: 'ch', ž: 'zh', û: 'yu', â: 'ya', ǎ: 'a', ä: 'a', ö: 'o', ü: 'u', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', ı: 'i',
};

const RULES: [RegExp, string][] = [
  [/shch|sch|shh/g, 'sh'],
  [/tch/g, 'ch'],
  [/kh/g, 'h'],
  [/ck/g, 'k'],
  [/x/g, 'ks'],
  [/ts|tz/g, 'c'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/ph/g, 'f'],
  [/ou/g, 'u'],
  [/[yj]/g, 'i'],
  [/i+/g, 'i'],
  [/io/g, 'e'],
  [/ie/g, 'e'],
];

/** Lower case, diacritics and punctuation gone; letters a–z only. */
export function foldLatin(text: string): string {
  const lower = text.toLowerCase().replace(/[šŝčžûâǎäöüßøæœłđı]/g, (char) => SPECIAL[char] ?? char);
  return lower.normalize('NFD').replace(/[^a-z]/g, '');
}

/** The comparison key of a Latin spelling (see the file comment). */
export function latinKey(text: string): string {
  let key = foldLatin(text);
  for (const [pattern, replacement] of RULES) key = key.replace(pattern, replacement);
  key = key.replace(/gh/g, 'g');
  // Doubled letters: Mukhammad / Muhamad, Yurii / Yuri.
  return key.replace(/(.)\1+/g, '$1');
}
