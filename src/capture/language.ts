import { franc } from 'franc-min';

// ISO 639-3 (franc) to ISO 639-1 for the languages our users meet most; others keep their 639-3 code.
const TWO_LETTER: Record<string, string> = {
  eng: 'en', rus: 'ru', ukr: 'uk', bel: 'be', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt',
  pol: 'pl', tur: 'tr', arb: 'ar', pes: 'fa', uzn: 'uz', kaz: 'kk', azj: 'az', nld: 'nl', swe: 'sv',
};

// franc looks at trigrams; a few thousand characters decide as well as a whole article, and faster.
const SAMPLE_CHARS = 1000;
// Below this, trigram statistics guess at random (a 30-character English line can come out as Portuguese).
const MIN_CHARS = 60;

/** The document's main language (ISO 639-1 where one exists), or null when the text is too short to tell. */
export function detectLanguage(text: string): string | null {
  const code = franc(text.slice(0, SAMPLE_CHARS), { minLength: MIN_CHARS });
  if (code === 'und') return null;
  return TWO_LETTER[code] ?? code;
}
