import { franc } from 'franc-min';

// ISO 639-3 (franc) to ISO 639-1 for the languages our users meet most; others keep their 639-3 code.
const TWO_LETTER: Record<string, string> = {
  eng: 'en', rus: 'ru', ukr: 'uk', bel: 'be', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt',
  pol: 'pl', tur: 'tr', arb: 'ar', pes: 'fa', uzn: 'uz', kaz: 'kk', azj: 'az', nld: 'nl', swe: 'sv',
};

// The languages our users meet: the region's (Russian and its neighbours, the Caucasus, Central Asia),
// Europe's and the big international ones. Comparing trigram profiles with 29 languages rather than all
// 80 of franc-min is three times faster, and a text in another language is rare enough to accept
// its nearest neighbour from this list.
const CANDIDATES = [
  'eng', 'rus', 'ukr', 'bel', 'bul', 'kaz', 'srp', 'bos', 'hrv', 'uzn', 'azj', 'deu', 'fra', 'spa', 'ita',
  'por', 'pol', 'tur', 'nld', 'swe', 'ron', 'ces', 'hun', 'arb', 'pes', 'urd', 'hin', 'ind', 'vie',
];

// franc looks at trigrams; a few thousand characters decide as well as a whole article, and faster.
const SAMPLE_CHARS = 500;
// Below this, trigram statistics guess at random (a 30-character English line can come out as Portuguese).
const MIN_CHARS = 60;

/** The document's main language (ISO 639-1 where one exists), or null when the text is too short to tell. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, SAMPLE_CHARS), { minLength: MIN_CHARS, only: CANDIDATES });
  if (code === 'und') return null;
  return TWO_LETTER[code] ?? code;
}
