import type { AnalyzedText, Sentence, Token } from '../analyzed-text.js';
import type { ExtractedAttribution, ExtractedMention } from '../extraction.js';
import { WordSet } from './cue-pattern.js';
import { attributionsLexicon } from './lexicon.js';

/** A name found in the tokens of one sentence: token indices, end exclusive. */
interface NameSpan {
  first: number;
  end: number;
}

const speechVerbs = new WordSet(attributionsLexicon.speechVerbs);
const tellVerbs = new WordSet(attributionsLexicon.tellVerbs);
const pronouns = new WordSet(attributionsLexicon.pronouns);
const sourceNouns = new WordSet(attributionsLexicon.sourceNouns);
const mediaWords = new WordSet(attributionsLexicon.mediaWords);
const spokesNouns = new WordSet(attributionsLexicon.spokesNouns);
const genericSources = attributionsLexicon.genericSources.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);
const genericAudiences = attributionsLexicon.genericAudiences.map((phrase) => phrase.split(' ')).sort((a, b) => b.length - a.length);

/** Between the subject and its verb: "Human Rights Watch has also said", "Kochetkov later told". */
const verbLead = new WordSet(['has', 'have', 'had', 'also', 'later', 'previously', 'earlier', 'then', 'further', 'repeatedly', 'recently', 'publicly', 'flatly', 'first', 'separately', 'himself', 'herself', 'itself', 'themselves', 'would', 'will', 'did', 'does', 'do']);
/** Inside a multi-word name: "Committee for the Prevention of Torture", "RFE/RL". */
const nameConnectors = new WordSet(['of', 'for', 'the', 'and', 'against', 'on', '/', '&', '-', 'de', 'al', 'von', 'van', 'der', 'du', 'la']);
const passiveAux = new WordSet(['be', 'been', 'being', 'was', 'were', 'is', 'are']);
const QUOTES = '"“”«»';
/** How far back (characters) a quotation closed by an attributed sentence may have opened. */
const QUOTE_REACH = 3000;

const isCapitalised = (token: Token | undefined): boolean =>
  !!token && (token.kind === 'word' || token.kind === 'number') && token.text[0] !== token.text[0]!.toLowerCase();

/** The longest phrase from `phrases` ending right before `end` (exclusive), or null. */
function phraseEndingAt(tokens: readonly Token[], end: number, phrases: readonly string[][]): NameSpan | null {
  for (const words of phrases) {
    const first = end - words.length;
    if (first >= 0 && words.every((word, k) => tokens[first + k]!.lower === word)) return { first, end };
  }
  return null;
}

function phraseStartingAt(tokens: readonly Token[], first: number, phrases: readonly string[][]): NameSpan | null {
  for (const words of phrases) {
    if (words.every((word, k) => tokens[first + k]?.lower === word)) return { first, end: first + words.length };
  }
  return null;
}

/** A run of capitalised words (with connectors inside) ending right before `end`. */
function capitalisedBefore(tokens: readonly Token[], end: number): NameSpan | null {
  let first = end;
  while (first > 0) {
    const token = tokens[first - 1]!;
    if (isCapitalised(token)) first--;
    else if (nameConnectors.has(token) && isCapitalised(tokens[first - 2]) && first < end) first--;
    else break;
  }
  while (first < end && !isCapitalised(tokens[first])) first++;
  return first < end ? { first, end } : null;
}

/** A run of capitalised words starting at `first`, skipping possessive modifiers ("Britain's Guardian"). */
function capitalisedAfter(tokens: readonly Token[], first: number): NameSpan | null {
  let end = first;
  while (end < tokens.length) {
    const token = tokens[end]!;
    if (isCapitalised(token)) end++;
    else if (nameConnectors.has(token) && isCapitalised(tokens[end + 1]) && end > first) end++;
    else break;
  }
  return end > first ? { first, end } : null;
}

/** "Igor Kochetkov of LGBT Network": the person is the source; the organisation is their affiliation. */
function trimAffiliation(tokens: readonly Token[], span: NameSpan): NameSpan {
  for (let i = span.first + 1; i < span.end; i++) {
    const lower = tokens[i]!.lower;
    if ((lower === 'of' || lower === 'at') && i - span.first >= 2 && tokens[i - 1]!.kind === 'word') return { first: span.first, end: i };
  }
  return span;
}

/** The source named before a speech verb at `verb`: a name, a generic source ("activists"), a spokesman for Y, or a pronoun. */
function subjectBefore(tokens: readonly Token[], verb: number): NameSpan | null {
  let end = verb;
  while (end > 0 && verbLead.has(tokens[end - 1])) end--;
  // "Alvi Karimov, the spokesman for …, told": skip back over an apposition.
  if (tokens[end - 1]?.text === ',') {
    for (let i = end - 2; i >= 0 && i >= end - 16; i--) {
      if (tokens[i]!.text === ',') {
        const before = capitalisedBefore(tokens, i);
        if (before) return trimAffiliation(tokens, before);
        break;
      }
    }
    return null;
  }
  // "a spokesman for the Ingush Interior Ministry said": the organisation speaks.
  const named = capitalisedBefore(tokens, end);
  if (named) {
    const lead = tokens[named.first - 1]?.lower;
    const head = tokens[named.first - 2];
    if ((lead === 'for' || lead === 'of' || lead === 'the') && spokesNouns.has(head)) return named;
    if (lead === 'the' && spokesNouns.has(tokens[named.first - 3])) return named;
    return trimAffiliation(tokens, named);
  }
  const generic = phraseEndingAt(tokens, end, genericSources);
  if (generic) return generic;
  if (pronouns.has(tokens[end - 1])) return { first: end - 1, end };
  return null;
}

/** The named intermediary after "told" / "interview with": skips "the Russian news site" to reach "Meduza". */
function outletAfter(tokens: readonly Token[], first: number): NameSpan | null {
  if (phraseStartingAt(tokens, first, genericAudiences)) return null;
  let i = first;
  for (let steps = 0; steps < 6 && i < tokens.length; steps++, i++) {
    const token = tokens[i]!;
    if (isCapitalised(token)) {
      const span = capitalisedAfter(tokens, i);
      if (!span) return null;
      // "the Russian news site Meduza": an adjective, then the outlet's description, then its name.
      if (mediaWords.has(tokens[span.end]) && steps < 5) {
        i = span.end - 1;
        continue;
      }
      // "Britain's Guardian newspaper": drop the possessive modifier.
      let start = span.first;
      for (let k = span.first; k < span.end - 1; k++) if (/['’]s$/.test(tokens[k]!.text)) start = k + 1;
      return { first: start, end: span.end };
    }
    if (token.kind !== 'word' || !(token.text === token.lower)) return null;
    if (!(token.lower === 'the' || token.lower === 'a' || mediaWords.has(token) || /^[a-z-]+$/.test(token.lower))) return null;
  }
  return null;
}

/** The quotation a sentence closes, when it began in an earlier sentence of the same paragraph. */
function quoteStart(text: string, sentence: Sentence, cueStart: number): number {
  // Only a sentence that closes a quotation before its cue can cover an earlier opening.
  let closes = false;
  for (let k = sentence.start; k < cueStart && !closes; k++) closes = QUOTES.includes(text[k]!);
  if (!closes) return sentence.start;
  // Bounded look-back: a paragraph-long quotation, never the whole of a huge unbroken text.
  let lineStart = sentence.start;
  const limit = Math.max(0, sentence.start - QUOTE_REACH);
  while (lineStart > limit && text[lineStart - 1] !== '\n') lineStart--;
  let open = -1;
  let inside = false;
  for (let k = lineStart; k < cueStart; k++) {
    const c = text[k]!;
    if (!QUOTES.includes(c)) continue;
    if (c === '“' || c === '«' || (c === '"' && !inside)) {
      if (!inside) open = k;
      inside = true;
    } else inside = false;
  }
  return open >= 0 && open < sentence.start ? open : sentence.start;
}

interface Cue {
  source: NameSpan;
  cueFirst: number;
  cueEnd: number;
  via: NameSpan[];
}

/** The attribution cues of one sentence. */
function cuesIn(tokens: readonly Token[]): Cue[] {
  const cues: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // according to X / according to a report by X
    if (token.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      let first = i + 2;
      while (tokens[first] && (tokens[first]!.lower === 'the' || tokens[first]!.lower === 'a' || tokens[first]!.lower === 'an')) first++;
      const generic = phraseStartingAt(tokens, first, genericSources);
      let source = generic ?? capitalisedAfter(tokens, first);
      if (!source && sourceNouns.has(tokens[first])) {
        for (let k = first + 1; k < tokens.length && k < first + 6; k++) {
          source = capitalisedAfter(tokens, k);
          if (source) break;
        }
      }
      if (!source && tokens[first]?.kind === 'word') source = { first, end: first + 1 };
      if (source) cues.push({ source: trimAffiliation(tokens, source), cueFirst: i, cueEnd: source.end, via: [] });
      continue;
    }
    // citing X / quoted by X / in an interview with X
    if (token.lower === 'citing' || ((token.lower === 'quoted' || token.lower === 'cited') && tokens[i + 1]?.lower === 'by')) {
      const at = token.lower === 'citing' ? i + 1 : i + 2;
      const named = outletAfter(tokens, at) ?? phraseStartingAt(tokens, at, genericSources);
      if (!named) continue;
      if (token.lower === 'citing') cues.push({ source: named, cueFirst: i, cueEnd: named.end, via: [] });
      else {
        const speaker = subjectBefore(tokens, i - (tokens[i - 1]?.text === ',' ? 1 : 0));
        if (speaker) cues.push({ source: speaker, cueFirst: speaker.first, cueEnd: named.end, via: [named] });
      }
      continue;
    }
    if (!speechVerbs.has(token) || passiveAux.has(tokens[i - 1])) continue;
    let source = subjectBefore(tokens, i);
    // "…, said Hugh Williamson, Europe director at Human Rights Watch."
    if (!source && (tokens[i - 1]?.text === ',' || QUOTES.includes(tokens[i - 1]?.text ?? ''))) {
      const after = capitalisedAfter(tokens, i + 1);
      if (after) source = trimAffiliation(tokens, after);
    }
    if (!source) continue;
    const via: NameSpan[] = [];
    let cueEnd = i + 1;
    if (tellVerbs.has(token)) {
      const outlet = outletAfter(tokens, i + 1);
      if (outlet) {
        via.push(outlet);
        cueEnd = outlet.end;
      }
    }
    // "… said in an interview with NPR"
    for (let k = i + 1; k < tokens.length && k < i + 6; k++) {
      if (tokens[k]!.lower === 'interview' && (tokens[k + 1]?.lower === 'with' || tokens[k + 1]?.lower === 'to')) {
        const outlet = outletAfter(tokens, k + 2);
        if (outlet) {
          via.push(outlet);
          cueEnd = outlet.end;
        }
        break;
      }
    }
    cues.push({ source, cueFirst: Math.min(source.first, i), cueEnd: Math.max(cueEnd, source.end), via });
  }
  return cues;
}

/** The canonical name of an entity mention overlapping [start, end), if the entity extractor found one. */
function canonicalAt(mentions: readonly ExtractedMention[], start: number, end: number): string | null {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  for (let k = low; k < mentions.length && mentions[k]!.start < end; k++) if (mentions[k]!.end > start) return mentions[k]!.canonical;
  return null;
}

/** Who statements are credited to ("according to …", "… told …", "… reported"), with intermediaries and covered span. */
export function extractAttributions(analyzed: AnalyzedText, mentions: readonly ExtractedMention[]): ExtractedAttribution[] {
  const { text } = analyzed;
  const sortedMentions = [...mentions].sort((a, b) => a.start - b.start);
  const attributions: ExtractedAttribution[] = [];
  let lastNamed: string | null = null;
  const nameOf = (tokens: readonly Token[], span: NameSpan) => {
    const start = tokens[span.first]!.start;
    const end = tokens[span.end - 1]!.end;
    return canonicalAt(sortedMentions, start, end) ?? text.slice(start, end).replace(/['’]s$/, '');
  };
  for (const sentence of analyzed.sentences) {
    const { tokens } = sentence;
    for (const cue of cuesIn(tokens)) {
      const isPronoun = cue.source.end - cue.source.first === 1 && pronouns.has(tokens[cue.source.first]);
      // "he said": the last named speaker, when there is one.
      const source: string = isPronoun ? lastNamed ?? tokens[cue.source.first]!.text : nameOf(tokens, cue.source);
      if (!isPronoun && isCapitalised(tokens[cue.source.first])) lastNamed = source;
      const start = tokens[cue.cueFirst]!.start;
      const end = tokens[cue.cueEnd - 1]!.end;
      attributions.push({
        source,
        text: text.slice(start, end),
        start,
        end,
        via: cue.via.map((span) => nameOf(tokens, span)),
        coversStart: quoteStart(text, sentence, start),
        coversEnd: sentence.end,
      });
    }
  }
  return attributions;
}
