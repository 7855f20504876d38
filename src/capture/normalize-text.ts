// Characters that carry no text: zero-width spaces and joiners, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Control characters other than tab and newline (after line endings are unified).
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Every Unicode space separator (NBSP, thin space, ideographic space…) and tabs become one space.
const SPACES = /[\t\p{Zs}]+/gu;

/**
 * Normalise text for storage and extraction: Unicode NFC, `\n` line endings, no invisible or control
 * characters, single spaces, trimmed lines, paragraphs separated by exactly one blank line.
 */
export function normalizeText(input: string): string {
  // Space at either end only goes (a file's final newline): the rest is often normal already.
  const trimmed = input.trim();
  return isNormalText(trimmed) ? trimmed : normalizeEveryStep(input);
}

// Characters that one of the steps below removes or replaces: line separators, invisible and
// control characters, and every kind of space but the plain one.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_NORMAL_CHARACTER = /[\r\u2028\u2029\u0085\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B-\u001F\u007F-\u009F]|[^\S\n ]/;

/**
 * Is this text already what normalizeText makes of it? Most text is, and checking costs a fraction
 * of the steps: NFC, none of the characters above, single spaces, no space at a line's start or end,
 * no more than one blank line, nothing blank at either end.
 */
export function isNormalText(text: string): boolean {
  if (text !== text.trim() || text.startsWith('\n') || text.endsWith('\n')) return false;
  if (text.includes('  ') || text.includes(' \n') || text.includes('\n ') || text.includes('\n\n\n')) return false;
  return !NOT_NORMAL_CHARACTER.test(text) && text.normalize('NFC') === text;
}

/** normalizeText without the shortcut for text that is already normal (tests compare the two). */
export function normalizeEveryStep(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(SPACES, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Split normalised text into its paragraphs (blocks separated by a blank line). */
export function paragraphsOf(text: string): string[] {
  return text.split(/\n{2,}/).filter((paragraph) => paragraph.length > 0);
}
