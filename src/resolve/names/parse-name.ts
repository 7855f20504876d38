import { looksLikePatronymic, looksLikeSurname } from './stems.js';

export interface NameParts {
  given: string | null;
  surname: string | null;
  patronymic: string | null;
}

const NOT_NAME = /\d/;

/**
 * Split a full name into given name, patronymic and surname, whichever order it comes in:
 * "Кадыров Рамзан Ахматович" (surname first, as Russian official lists write), "Ramzan Akhmatovich
 * Kadyrov", "KADYROV Ramzan", "Kadyrov, Ramzan". The patronymic is recognised by its suffix; with two
 * words a Russian-style surname suffix on the first decides; otherwise the last word is the surname.
 * Linkage also compares given and surname crosswise, which absorbs the guesses this gets wrong.
 */
export function splitFullName(full: string): NameParts {
  const none: NameParts = { given: null, surname: null, patronymic: null };
  const comma = full.indexOf(',');
  if (comma >= 0) {
    const surname = words(full.slice(0, comma)).join(' ') || null;
    const rest = words(full.slice(comma + 1));
    const patronymicIndex = rest.findIndex((word, index) => index > 0 && looksLikePatronymic(word));
    return { surname, given: rest[0] ?? null, patronymic: patronymicIndex > 0 ? rest[patronymicIndex]! : null };
  }
  const tokens = words(full);
  if (tokens.length === 0) return none;
  if (tokens.length === 1) return { ...none, surname: tokens[0]! };
  const patronymicIndex = tokens.findIndex((word, index) => index > 0 && looksLikePatronymic(word));
  if (patronymicIndex > 0) {
    const patronymic = tokens[patronymicIndex]!;
    if (patronymicIndex === tokens.length - 1) {
      // Surname Given Patronymic
      return { surname: tokens.slice(0, patronymicIndex - 1).join(' ') || null, given: tokens[patronymicIndex - 1]!, patronymic };
    }
    // Given Patronymic Surname
    return { given: tokens[patronymicIndex - 1]!, patronymic, surname: tokens.slice(patronymicIndex + 1).join(' ') };
  }
  // An all-capitals word among mixed-case ones is the surname (KADYROV Ramzan).
  const capitals = tokens.findIndex((word) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase());
  if (capitals >= 0 && tokens.some((word) => word !== word.toUpperCase())) {
    const rest = tokens.filter((_, index) => index !== capitals);
    return { surname: tokens[capitals]!, given: rest[0] ?? null, patronymic: null };
  }
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  if (looksLikeSurname(first) && !looksLikeSurname(last)) return { surname: first, given: tokens[1]!, patronymic: null };
  return { given: first, surname: last, patronymic: null };
}

function words(text: string): string[] {
  return text.split(/[\s,;]+/).filter((word) => word.length > 0 && !NOT_NAME.test(word));
}
