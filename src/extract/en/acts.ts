import type { ActFlags, ActType } from '../../model/index.js';
import type { AnalyzedText, Token } from '../analyzed-text.js';
import type { ExtractedAct } from '../extraction.js';
import { PatternIndex, WordSet } from './cue-pattern.js';
import { actsLexicon, figuresLexicon, type ActCue } from './lexicon.js';
import { isHeadline, isNameLike } from './sentence-shape.js';

/** One lexicon cue with its context tests compiled to word sets. */
interface CompiledCue {
  order: number;
  type: ActType;
  noun: boolean;
  selfNegating: boolean;
  after?: WordSet;
  notAfter?: WordSet;
  before?: WordSet;
  notBefore?: WordSet;
  near?: WordSet;
  notNear?: WordSet;
  follow?: WordSet;
  notFollow?: WordSet;
}

interface Candidate {
  cue: CompiledCue;
  type: ActType;
  first: number;
  end: number;
}

const NEAR = 6;
const FOLLOW = 8;

const optionalSet = (words: string[] | undefined) => (words ? new WordSet(words) : undefined);

function compile(cue: ActCue, order: number): CompiledCue {
  return {
    order,
    type: cue.type,
    noun: cue.noun ?? false,
    selfNegating: cue.selfNegating ?? false,
    after: optionalSet(cue.after),
    notAfter: optionalSet(cue.notAfter),
    before: optionalSet(cue.before),
    notBefore: optionalSet(cue.notBefore),
    near: optionalSet(cue.near),
    notNear: optionalSet(cue.notNear),
    follow: optionalSet(cue.follow),
    notFollow: optionalSet(cue.notFollow),
  };
}

const cueIndex = new PatternIndex<CompiledCue>();
actsLexicon.cues.forEach((cue, order) => cueIndex.add(cue.cue, compile(cue, order)));

const negators = new WordSet(actsLexicon.negators);
const negationBreakers = new WordSet(actsLexicon.negationBreakers);
const deniers = new WordSet(actsLexicon.deniers);
const denialAfter = new WordSet(actsLexicon.denialAfter);
const allegers = new WordSet(actsLexicon.allegers);
const modals = new WordSet(actsLexicon.modals);
const conditionals = new WordSet(actsLexicon.conditionals);
const threatGovernors = new WordSet(actsLexicon.threatGovernors);
/** Words that may stand between a threat word and the act threatened: "threatened to kill them", "threats of arrest". */
const threatGlue = new WordSet([
  'to', 'about', 'of', 'with', 'for', 'the', 'a', 'an', 'his', 'her', 'their', 'them', 'him', 'be', 'being', 'publicly', 'openly', 'personally', 'physically',
  // light verbs: "vowed to carry out collective punishment", "threatened to impose"
  'carry', 'out', 'impose', 'inflict', 'use', 'mete', 'take', 'launch', 'conduct', 'exact', 'apply', 'start', 'begin', 'bring', 'file', 'press', 'open',
  'criminal', '"', '“', '”', "'", '‘', '’',
]);
/** Future modals that, with a first-person speaker or a second-person target, make a stated act a threat: "we'll burn your office". */
const futureModals = new WordSet(['will', "'ll", 'shall', 'gonna', 'going']);
const speakerOrTarget = new WordSet(['i', 'we', "i'll", "we'll", 'you', 'your', 'yours']);
/** Pronoun subjects of a reduced relative clause: "(the) people they detained". */
const relativeSubjects = new WordSet(['they', 'he', 'she', 'we', 'police', 'officers']);
const victimNouns = new WordSet(figuresLexicon.people);
const attributiveLeads = new WordSet(['of', 'for', 'with', 'to', 'from', 'by', 'about', 'among', 'former', 'other', 'newly']);
/** Verbs of saying: future violence they report ("said that their heads would be cut off") is a threat. */
const sayingVerbs = new WordSet(['said', 'says', 'say', 'told', 'tells', 'warned', 'warns', 'declared', 'declares', 'wrote', 'writes', 'posted', 'stated', 'announced', 'promised', 'added', 'shouted', 'wrote']);
const firmFuture = new WordSet(['will', "'ll", 'would', 'shall', 'gonna', 'going']);
/** Connectives of a list of nouns ("abductions, torture and extrajudicial killings"). */
const listGlue = new WordSet([',', 'and', 'or', 'as', 'well', '&']);
/** Ends a clause for negation and modality: they do not reach across these. */
const clauseEnd = new WordSet([',', ';', ':', '—', '–', '(', ')', '"', '“', '”', 'and', 'but', 'or', 'which', 'who', 'that', 'after', 'before', 'because', 'while', 'when']);
const auxiliaries = new WordSet(['be', 'been', 'being', 'have', 'has', 'had', 'was', 'were', 'is', 'are', 'get', 'got', 'also', 'still', 'even', 'soon', 'then', 'likely', 'possibly', 'probably', 'again', 'potentially', 'eventually', 'face', 'faces', 'facing', 'to']);

const isNegator = (token: Token | undefined) => !!token && (negators.has(token) || token.lower.endsWith("n't"));

function within(tokens: readonly Token[], from: number, to: number, set: WordSet): boolean {
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++) if (set.has(tokens[i])) return true;
  return false;
}

/** The context tests a lexicon entry states: neighbours, words near, words following. */
function contextAllows(cue: CompiledCue, tokens: readonly Token[], first: number, end: number): boolean {
  const next = tokens[end];
  const previous = tokens[first - 1];
  if (cue.after && !cue.after.has(next)) return false;
  if (cue.notAfter?.has(next)) return false;
  if (cue.before && !cue.before.has(previous)) return false;
  if (cue.notBefore?.has(previous)) return false;
  const nearBefore = (set: WordSet) => within(tokens, first - NEAR, first, set) || within(tokens, end, end + NEAR, set);
  if (cue.near && !nearBefore(cue.near)) return false;
  if (cue.notNear && nearBefore(cue.notNear)) return false;
  if (cue.follow && !within(tokens, end, end + FOLLOW, cue.follow)) return false;
  if (cue.notFollow && within(tokens, end, end + FOLLOW, cue.notFollow)) return false;
  return true;
}

/** "those detained", "the arrested": a participle naming victims, not a statement that the act happened. */
function isParticipleReference(tokens: readonly Token[], first: number): boolean {
  const word = tokens[first]!.lower;
  if (!word.endsWith('ed')) return false;
  const previous = tokens[first - 1]?.lower;
  if (previous === 'those' || previous === 'the') return true;
  // "accounts of detained men": an attributive participle.
  if (victimNouns.has(tokens[first + 1]) && attributiveLeads.has(tokens[first - 1])) return true;
  // "subsequent people they detained": a reduced relative clause naming victims. A capitalised word
  // there is an adjective of the subject ("Chechen police detained"), not the victims.
  const victims = tokens[first - 2];
  return relativeSubjects.has(tokens[first - 1]) && victimNouns.has(victims) && victims!.lower !== 'of' && victims!.text === victims!.lower;
}

/**
 * "We'll burn your office", "I will kill you", "he said that their heads would be cut off": a future act
 * announced by its author, or reported as announced, is a threat.
 */
function isAnnouncedByAuthor(tokens: readonly Token[], first: number, end: number): boolean {
  const lead = tokens[first]!.lower === 'heads' || tokens[first]!.lower === 'head' ? first + 2 : first;
  for (let i = lead - 1; i >= 0 && i >= lead - 3; i--) {
    const token = tokens[i]!;
    if (token.lower === "we'll" || token.lower === "i'll") return true;
    if (futureModals.has(token) && (speakerOrTarget.has(tokens[i - 1]) || within(tokens, end, end + 3, speakerOrTarget))) return true;
    if (firmFuture.has(token)) return within(tokens, i - 12, i, sayingVerbs);
    if (!auxiliaries.has(token)) return false;
  }
  return false;
}

/** "jailed on bogus drug charges": the charges say why of the detention, not a second act. */
function isChargeOfDetention(candidate: Candidate, candidates: readonly Candidate[], tokens: readonly Token[]): boolean {
  if (candidate.type !== 'prosecution') return false;
  let on = -1;
  for (let i = candidate.first - 1; i >= 0 && i >= candidate.first - 4; i--) if (tokens[i]!.lower === 'on') on = i;
  if (on < 0) return false;
  return candidates.some((other) => other.type === 'detention' && other.end <= on && other.end >= on - 3);
}

function negated(tokens: readonly Token[], first: number): boolean {
  // "no one was detained", "were not tortured", "have never been arrested": a negator in the same clause, close before the cue.
  for (let i = first - 1; i >= 0 && i >= first - 5; i--) {
    const token = tokens[i]!;
    if (clauseEnd.has(token)) return false;
    if (isNegator(token)) return !negationBreakers.has(tokens[i + 1]);
  }
  return false;
}

function hypothetical(tokens: readonly Token[], first: number): boolean {
  // "could be arrested", "would have been killed", "risk being detained"; "may" only in lower case (not the month).
  for (let i = first - 1; i >= 0 && i >= first - 4; i--) {
    const token = tokens[i]!;
    if (modals.has(token) && !(token.lower === 'may' && token.text !== 'may')) return true;
    if (!auxiliaries.has(token) && !isNegator(token)) break;
  }
  // "if they are detained", "unless he is released … killed" in the same sentence, shortly before.
  for (let i = first - 1; i >= 0 && i >= first - 10; i--) {
    const token = tokens[i]!;
    if (token.text === ';' || token.text === ':') break;
    if (conditionals.has(token)) return true;
  }
  return false;
}

function denied(tokens: readonly Token[], first: number, end: number): boolean {
  if (within(tokens, first - 20, first, deniers)) return true;
  return within(tokens, end, end + 10, denialAfter);
}

function alleged(tokens: readonly Token[], first: number): boolean {
  return within(tokens, first - 15, first, allegers);
}

/**
 * "threatened to kill", "vowed to carry out collective punishment", "statements about killing": the act
 * is only threatened, so the statement is one `threat` act.
 */
function isThreatened(tokens: readonly Token[], first: number): boolean {
  // Directly governed: only glue words between the threat word and the cue.
  for (let i = first - 1; i >= 0 && i >= first - 4; i--) {
    const token = tokens[i]!;
    if (threatGovernors.has(token)) return true;
    if (!threatGlue.has(token)) break;
  }
  // An infinitive or "about …" whose clause began with a threat word: "threats made by the leadership to kill".
  const previous = tokens[first - 1]?.lower;
  if (previous !== 'to' && previous !== 'about') return false;
  for (let i = first - 2; i >= 0 && i >= first - 12; i--) {
    const token = tokens[i]!;
    if (token.text === ';' || token.text === '.' || token.text === ':') return false;
    if (threatGovernors.has(token)) return true;
  }
  return false;
}

function flagsOf(candidate: Candidate, tokens: readonly Token[]): ActFlags {
  const { first, end } = candidate;
  return {
    alleged: alleged(tokens, first),
    denied: denied(tokens, first, end),
    hypothetical: candidate.type !== 'threat' && hypothetical(tokens, first),
    negated: !candidate.cue.selfNegating && negated(tokens, first),
  };
}

/**
 * Nominal cues in a plain list ("abductions, torture, extrajudicial killings") name a pattern of abuse
 * once: only the first is kept, so one generic accusation is not counted as several acts.
 */
function inNounList(previous: Candidate | undefined, current: Candidate, tokens: readonly Token[], headline: boolean): boolean {
  if (!previous || previous.end > current.first) return false;
  // In a headline ("Detained, Tortured, Killed: …") verbs in a list are as generic as nouns.
  if (!headline && (!previous.cue.noun || !current.cue.noun)) return false;
  // "secret detention and torture" (two singulars) can be one specific event; plurals or longer lists are generic.
  const plural = (candidate: Candidate) => tokens[candidate.end - 1]!.lower.endsWith('s');
  const longList = tokens[previous.end]?.text === ',' || (previous.first > 0 && tokens[previous.first - 1]!.text === ',');
  if (!headline && !plural(previous) && !plural(current) && !longList) return false;
  let modifiers = 0;
  for (let i = previous.end; i < current.first; i++) {
    const token = tokens[i]!;
    if (listGlue.has(token)) continue;
    if (token.kind === 'word' && token.text === token.lower && ++modifiers <= 2) continue;
    return false;
  }
  return true;
}

/** Two verbal cues of one type in different comma-separated clauses, far enough apart to be two statements. */
function separateClauses(earlier: Candidate, later: Candidate, tokens: readonly Token[]): boolean {
  if (earlier.cue.noun || later.cue.noun || later.first - earlier.end < 4) return false;
  // Only verb forms ("detained … rounding up"); "two dead, but more have been killed" is one statement.
  const verbal = (candidate: Candidate) => candidate.end - candidate.first > 1 || /(?:ed|ing)$/.test(tokens[candidate.first]!.lower);
  if (!verbal(earlier) || !verbal(later)) return false;
  for (let i = earlier.end; i < later.first; i++) if (tokens[i]!.text === ',' || tokens[i]!.text === ';') return true;
  return false;
}

function candidatesIn(tokens: readonly Token[], headline: boolean): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const matches = cueIndex.matches(tokens, i);
    if (matches.length === 0) continue;
    const seenTypes = new Set<ActType>();
    for (const { value: cue, length } of matches.sort((a, b) => b.length - a.length || a.value.order - b.value.order)) {
      const end = i + length;
      if (seenTypes.has(cue.type)) continue;
      if (!contextAllows(cue, tokens, i, end)) continue;
      if (!headline && isNameLike(tokens, i, end)) continue;
      if (isParticipleReference(tokens, i)) continue;
      seenTypes.add(cue.type);
      found.push({ cue, type: cue.type, first: i, end });
    }
  }
  return found;
}

/** Violation acts with their flags (alleged, denied, hypothetical, negated), at most one per type and sentence. */
export function extractActs(analyzed: AnalyzedText): ExtractedAct[] {
  const acts: ExtractedAct[] = [];
  const { text } = analyzed;
  for (const sentence of analyzed.sentences) {
    const { tokens } = sentence;
    const headline = isHeadline(tokens);
    const candidates = candidatesIn(tokens, headline);
    const kept = new Map<ActType, Candidate>();
    const sentenceActs: ExtractedAct[] = [];
    let previousInList: Candidate | undefined;
    for (const candidate of candidates) {
      if (inNounList(previousInList, candidate, tokens, headline)) {
        previousInList = candidate;
        continue;
      }
      previousInList = candidate.cue.noun || headline ? candidate : undefined;
      if (isChargeOfDetention(candidate, candidates, tokens)) continue;
      if (candidate.type !== 'threat' && (isThreatened(tokens, candidate.first) || isAnnouncedByAuthor(tokens, candidate.first, candidate.end))) candidate.type = 'threat';
      // One act per type and clause: "detained … those detained" states one act, but "X was detained in
      // December, and police began rounding up others" states two.
      const earlier = kept.get(candidate.type);
      if (earlier && !separateClauses(earlier, candidate, tokens)) continue;
      kept.set(candidate.type, candidate);
      const start = tokens[candidate.first]!.start;
      const end = tokens[candidate.end - 1]!.end;
      sentenceActs.push({ type: candidate.type, text: text.slice(start, end), start, end, flags: flagsOf(candidate, tokens), attribution: null });
    }
    acts.push(...sentenceActs.sort((a, b) => a.start - b.start));
  }
  return acts;
}
