import type { AnalyzedText, Sentence, Token } from '../analyzed-text.js';
import type { Gazetteer, GazetteerEntry } from '../gazetteers/gazetteer.js';
import type { Lexicon } from '../gazetteers/lexicon.js';
import { gazetteerWord, matchGazetteer, type GazetteerMatch } from './gazetteer-match.js';
import { contextEvidence, headKind, noEvidence, type HeadKind, type KindEvidence } from './kind-evidence.js';
import { bareLower, bareText, isAllCaps, isCapitalised, isOpening, isPossessive } from './name-words.js';

/** One place in the text that may name an entity, before kinds are decided and names resolved. */
export interface NameCandidate {
  start: number;
  end: number;
  /** The name's words as written, possessive removed; punctuation inside ("RFE/RL", "U.S.") kept as words. */
  words: string[];
  /** Lower-cased words joined by spaces: equal keys are the same name. */
  key: string;
  sentence: number;
  gazetteer: GazetteerEntry | null;
  head: HeadKind;
  evidence: KindEvidence;
  /** From "Kremlin-backed" or "pro-Kremlin": may join a known entity, never founds one. */
  compound: boolean;
}

/** How a sentence is written: headlines and shouted text capitalise everything, so only known names count there. */
export type SentenceMode = 'normal' | 'headline' | 'shouting';

/** Title Case headlines and ALL CAPS lines carry no capitalisation signal. */
export function sentenceMode(sentence: Sentence, lexicon: Lexicon): SentenceMode {
  let letterWords = 0;
  let caps = 0;
  let content = 0;
  let capitalised = 0;
  for (const token of sentence.tokens) {
    if (token.kind !== 'word') continue;
    if (token.text.length >= 2) {
      letterWords++;
      if (isAllCaps(token.text)) caps++;
    }
    if (lexicon.functionWords.has(token.lower) && !isCapitalised(token.text)) continue;
    content++;
    if (isCapitalised(token.text)) capitalised++;
  }
  if (letterWords >= 3 && caps >= letterWords * 0.8) return 'shouting';
  // Headlines rarely end in a full stop; a sentence that does and has lower-case content words is prose.
  const lastToken = sentence.tokens[sentence.tokens.length - 1];
  if (lastToken && /^[.!?]$/.test(lastToken.text) && content - capitalised >= 1) return 'normal';
  // Name-heavy prose still has a few lower-case content words; a Title Case headline has almost none.
  if (content >= 4 && content - capitalised <= content * 0.2) return 'headline';
  return 'normal';
}

interface Unit {
  from: number;
  to: number;
  gazetteer: GazetteerEntry | null;
  /** For hyphen compounds: the name is only the part of the token between these offsets. */
  start: number;
  end: number;
  compound: boolean;
}

const COMPOUND_PREFIXES = new Set(['pro', 'anti', 'non', 'ex', 'post', 'pre', 'neo', 'mid', 'trans', 'pan']);
const ABBREVIATION_MARK = /^(?:\p{Lu}|st|mt|ft|gen|col|lt|sgt|capt|maj|dr|mr|mrs|ms|prof|jr|sr)$/iu;

export interface CandidateContext {
  gazetteer: Gazetteer;
  lexicon: Lexicon;
  /** Lower-case forms of words the document writes in lower case somewhere: "Police" opening a sentence is the word police. */
  writtenLower: ReadonlySet<string>;
}

/** Words written in lower case somewhere in the text (a word, not a name, when it opens a sentence). */
export function lowerCaseWords(analyzed: AnalyzedText): Set<string> {
  const seen = new Set<string>();
  for (const sentence of analyzed.sentences) {
    for (const token of sentence.tokens) if (token.kind === 'word' && !isCapitalised(token.text)) seen.add(token.lower);
  }
  return seen;
}

function isSentenceInitial(tokens: readonly Token[], index: number): boolean {
  for (let k = index - 1; k >= 0; k--) if (!isOpening(tokens[k]!)) return false;
  return true;
}

/** A capitalised token with a lower-case tail ("Kremlin-backed", "U.K.-based") names its head only. */
function compoundUnit(token: Token, index: number, gazetteer: Gazetteer): Unit | null {
  const parts = token.text.split(/[-‐‑]/);
  if (parts.length < 2) return null;
  const lastPart = parts[parts.length - 1]!;
  if (isCapitalised(parts[0]!) && !isCapitalised(lastPart)) {
    const head = parts.slice(0, -1).join('-');
    const entry = gazetteerWord(gazetteer, head)?.entry ?? null;
    return { from: index, to: index, gazetteer: entry, start: token.start, end: token.start + head.length, compound: true };
  }
  if (COMPOUND_PREFIXES.has(parts[0]!.toLowerCase()) && isCapitalised(parts[1]!)) {
    const offset = parts[0]!.length + 1;
    const entry = gazetteerWord(gazetteer, token.text.slice(offset))?.entry ?? null;
    return { from: index, to: index, gazetteer: entry, start: token.start + offset, end: token.end, compound: true };
  }
  return null;
}

/**
 * Candidate names in one normal sentence: gazetteer aliases and runs of capitalised words (with
 * "of", "for", "and" inside organisation names), split at titles and roles, with sentence-opening
 * ordinary words, demonyms and titles trimmed.
 */
export function sentenceCandidates(sentence: Sentence, sentenceIndex: number, context: CandidateContext): NameCandidate[] {
  const { gazetteer, lexicon } = context;
  const tokens = sentence.tokens;
  const found: NameCandidate[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index]!;
    const gazetteerMatch = matchGazetteer(gazetteer, tokens, index, false);
    if (!gazetteerMatch && (token.kind !== 'word' || !isCapitalised(token.text))) {
      if (token.kind === 'word' && token.text.includes('-')) {
        const unit = compoundUnit(token, index, gazetteer);
        if (unit) emitUnits([unit], tokens, sentenceIndex, context, found, false);
      }
      index++;
      continue;
    }
    const units: Unit[] = [];
    let cursor = index;
    let sawOf = false;
    while (cursor < tokens.length) {
      const current = tokens[cursor]!;
      const match = cursor === index ? gazetteerMatch : matchGazetteer(gazetteer, tokens, cursor, false);
      if (match && isAdjectivalAbbreviation(match, tokens, lexicon)) {
        cursor = match.to + 1;
        break;
      }
      if (match) {
        const lastToken = tokens[match.to]!;
        units.push({ from: cursor, to: match.to, gazetteer: match.phrase.entry, start: current.start, end: isPossessive(lastToken) ? lastToken.end - 2 : lastToken.end, compound: false });
        cursor = match.to + 1;
        if (isPossessive(lastToken)) break;
        continue;
      }
      if (current.kind === 'word' && isCapitalised(current.text)) {
        const compound = current.text.includes('-') ? compoundUnit(current, cursor, gazetteer) : null;
        if (compound && compound.start === current.start && compound.end < current.end) {
          units.push(compound);
          cursor++;
          break;
        }
        units.push({ from: cursor, to: cursor, gazetteer: null, start: current.start, end: isPossessive(current) ? current.end - 2 : current.end, compound: false });
        cursor++;
        if (isPossessive(current)) break;
        continue;
      }
      const previous = tokens[cursor - 1]!;
      const next = tokens[cursor + 1];
      // "A. Politkovskaya", "St. Petersburg": an initial's full stop stays inside the name.
      if (current.text === '.' && previous.end === current.start && previous.kind === 'word' && ABBREVIATION_MARK.test(previous.text) && next?.kind === 'word' && isCapitalised(next.text)) {
        units[units.length - 1]!.to = cursor;
        units[units.length - 1]!.end = current.end;
        cursor++;
        continue;
      }
      if ((current.text === '/' || current.text === '&') && previous.end === current.start && next && next.start === current.end && isCapitalised(next.text)) {
        units.push({ from: cursor, to: cursor, gazetteer: null, start: current.start, end: current.end, compound: false });
        cursor++;
        continue;
      }
      // "Ministry of Internal Affairs", "Committee for the Prevention of Torture": connectors only after a head word.
      if (current.kind === 'word' && lexicon.nameConnectors.has(current.lower) && units.length > 0 && !isPossessive(previous)) {
        const lowerSoFar = units.map((unit) => tokens[unit.to]!.lower);
        const hasHead = lowerSoFar.some((word) => lexicon.organizationHeads.has(word) || lexicon.placeHeads.has(word));
        const allowed = (current.lower === 'of' || current.lower === 'for' || current.lower === 'against') ? hasHead : (current.lower === 'and' || current.lower === 'the') && sawOf;
        let after = cursor + 1;
        if (allowed && tokens[after]?.lower === 'the') after++;
        const target = tokens[after];
        if (allowed && target && target.kind === 'word' && isCapitalised(target.text)) {
          for (let k = cursor; k < after; k++) units.push({ from: k, to: k, gazetteer: null, start: tokens[k]!.start, end: tokens[k]!.end, compound: false });
          if (current.lower !== 'and') sawOf = true;
          cursor = after;
          continue;
        }
      }
      break;
    }
    emitUnits(units, tokens, sentenceIndex, context, found, isSentenceInitial(tokens, index));
    index = Math.max(cursor, index + 1);
  }
  return found;
}

// Words after "the US" that show it is no modifier: "the US and Britain", "the US is", "in the US to".
const NOT_MODIFIED = new Set(['and', 'or', 'but', 'nor', 'is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do', 'to', 'in', 'on', 'at', 'for', 'of', 'by', 'with', 'from', 'as', 'that', 'which', 'who', 'where', 'when', 'after', 'before', 'since', 'until', 'because', 'if', 'than', 'then', 'also', 'last', 'this', 'next', 'over', 'about', 'into', 'itself']);

/**
 * "U.S. government", "US news site": a country's abbreviation used as a modifier is no mention of the
 * place, while "fled to the U.S." is.
 */
export function isAdjectivalAbbreviation(match: GazetteerMatch, tokens: readonly Token[], lexicon: Lexicon): boolean {
  const entry = match.phrase.entry;
  if (entry.kind !== 'place' || entry.type !== 'country') return false;
  const written = tokens.slice(match.from, match.to + 1);
  if (!written.every((token) => token.kind === 'punct' || isAllCaps(token.text) || token.text.length === 1)) return false;
  const next = tokens[match.to + 1];
  return next !== undefined && next.kind === 'word' && !isCapitalised(next.text) && !NOT_MODIFIED.has(next.lower) && !lexicon.personVerbs.has(next.lower);
}

function unitLower(unit: Unit, tokens: readonly Token[]): string {
  if (unit.from === unit.to) return bareLower(tokens[unit.from]!);
  let lower = '';
  for (let k = unit.from; k <= unit.to; k++) {
    const token = tokens[k]!;
    if (k > unit.from && token.start > tokens[k - 1]!.end) lower += ' ';
    lower += k === unit.to ? bareLower(token) : token.lower;
  }
  return lower;
}

function isConnector(unit: Unit, tokens: readonly Token[], lexicon: Lexicon): boolean {
  const token = tokens[unit.from]!;
  return unit.gazetteer === null && unit.from === unit.to && (token.kind === 'punct' || (lexicon.nameConnectors.has(token.lower) && !isCapitalised(token.text)));
}

/** Trim, split at titles and at gazetteer names, then turn what is left into candidates. */
function emitUnits(input: Unit[], tokens: readonly Token[], sentenceIndex: number, context: CandidateContext, found: NameCandidate[], sentenceInitial: boolean): void {
  const { lexicon } = context;
  let units = input.slice();
  let titled = false;
  const lastLower = units.length > 0 ? unitLower(units[units.length - 1]!, tokens) : '';
  const headed = units.length > 1 && (lexicon.organizationHeads.has(lastLower) || lexicon.placeHeads.has(lastLower));
  // Leading words that are no part of a name.
  while (units.length > 0) {
    const unit = units[0]!;
    if (unit.gazetteer || unit.compound) break;
    const lower = unitLower(unit, tokens);
    const opening = sentenceInitial && unit === input[0];
    if (isConnector(unit, tokens, lexicon) || lexicon.functionWords.has(lower) || lexicon.notNames.has(lower)) { units.shift(); continue; }
    if (lexicon.titles.has(lower) || lexicon.titles.has(lower.replace(/\.$/, ''))) { titled = true; units.shift(); continue; }
    if (lexicon.demonyms.has(lower) && !headed) { units.shift(); continue; }
    if (opening && context.writtenLower.has(lower) && !lexicon.firstNames.has(lower)) { units.shift(); continue; }
    break;
  }
  // "the outlet Chechnya Today", "the Norwegian paper Ny Tid": a name introduced by an organisation noun is one name.
  const firstFrom = units[0]?.from ?? 0;
  const nounBefore = tokens[firstFrom - 1]?.lower === 'the' ? tokens[firstFrom - 2] : tokens[firstFrom - 1];
  const introduced = !titled && units.length > 1 && nounBefore !== undefined && nounBefore.kind === 'word' && !isCapitalised(nounBefore.text) && lexicon.organizationNouns.has(nounBefore.lower);
  while (units.length > 0) {
    const unit = units[units.length - 1]!;
    if (unit.gazetteer || unit.compound) break;
    const lower = unitLower(unit, tokens);
    if (isConnector(unit, tokens, lexicon)) { units.pop(); continue; }
    if (introduced) break;
    if (lexicon.notNames.has(lower) || lexicon.functionWords.has(lower) || lexicon.demonyms.has(lower) || lexicon.titles.has(lower)) { units.pop(); continue; }
    break;
  }
  if (units.length === 0) return;
  // "Kremlin Spokesman Dmitry Peskov", "Memorial Founder Oleg Orlov": the name follows the last title.
  let titleAt = -1;
  for (let k = units.length - 2; k >= 0; k--) {
    const unit = units[k]!;
    if (!unit.gazetteer && !unit.compound && lexicon.titles.has(unitLower(unit, tokens).replace(/\.$/, '')) && !isConnector(units[k + 1]!, tokens, lexicon)) { titleAt = k; break; }
  }
  if (titleAt >= 0) {
    const before = units.slice(0, titleAt);
    units = units.slice(titleAt + 1);
    titled = true;
    const beforeLast = before.length > 0 ? unitLower(before[before.length - 1]!, tokens) : '';
    if (before.length > 1 && lexicon.organizationHeads.has(beforeLast)) pushCandidate(before, tokens, sentenceIndex, context, found, false);
    else for (const unit of before) if (unit.gazetteer) pushCandidate([unit], tokens, sentenceIndex, context, found, false);
  }
  // Heads are judged on each unit's last word, so a known "Supreme Court" still heads "Supreme Court of the Chechen Republic".
  const wholeHead = units.length > 1 ? headKind(units.map((unit) => bareLower(tokens[unit.to]!)), lexicon) : null;
  if (units.length === 1 || wholeHead === 'organization' || wholeHead === 'place' || (introduced && units.length > 1 && titleAt < 0)) {
    if (units.length === 1 && units[0]!.gazetteer === null && !units[0]!.compound) {
      const lower = unitLower(units[0]!, tokens);
      if (lexicon.demonyms.has(lower) || lexicon.titles.has(lower)) return;
    }
    pushCandidate(units, tokens, sentenceIndex, context, found, titled);
    return;
  }
  if (wholeHead === 'other') {
    return;
  }
  // No head: gazetteer names stand alone, and the plain words between them form names of their own.
  let stretch: Unit[] = [];
  const flush = () => {
    while (stretch.length > 0 && isConnector(stretch[stretch.length - 1]!, tokens, lexicon)) stretch.pop();
    while (stretch.length > 0 && isConnector(stretch[0]!, tokens, lexicon)) stretch.shift();
    if (stretch.length > 0) pushCandidate(stretch, tokens, sentenceIndex, context, found, titled && found.length === 0);
    stretch = [];
  };
  for (const unit of units) {
    if (unit.gazetteer) {
      flush();
      pushCandidate([unit], tokens, sentenceIndex, context, found, false);
    } else stretch.push(unit);
  }
  flush();
}

function pushCandidate(units: Unit[], tokens: readonly Token[], sentenceIndex: number, context: CandidateContext, found: NameCandidate[], titled: boolean): void {
  const { lexicon } = context;
  const first = units[0]!;
  const last = units[units.length - 1]!;
  const gazetteerEntry = units.length === 1 ? first.gazetteer : null;
  // Words as written; punctuation touching its neighbours is glued back ("U.S.", "RFE/RL").
  const glued: string[] = [];
  if (first.compound) {
    const token = tokens[first.from]!;
    glued.push(token.text.slice(first.start - token.start, first.end - token.start));
  } else {
    let previous: Token | null = null;
    for (const unit of units) {
      for (let k = unit.from; k <= unit.to; k++) {
        const token = tokens[k]!;
        const text = k === unit.to ? bareText(token) : token.text;
        if (previous && previous.end === token.start && (token.kind === 'punct' || previous.kind === 'punct')) glued[glued.length - 1] += text;
        else glued.push(text);
        previous = token;
      }
    }
  }
  const head = headKind(glued, lexicon);
  const evidence = first.compound ? noEvidence() : contextEvidence(tokens, first.from, last.to, glued, titled, lexicon);
  found.push({
    start: first.start,
    end: last.end,
    words: glued,
    key: glued.join(' ').toLowerCase().replace(/’/g, "'"),
    sentence: sentenceIndex,
    gazetteer: gazetteerEntry,
    head,
    evidence,
    compound: first.compound,
  });
}
