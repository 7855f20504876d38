import type { AnalyzedText, Token } from '../analyzed-text.js';
import type { ExtractedMention } from '../extraction.js';
import { GAZETTEER, type Gazetteer } from '../gazetteers/gazetteer.js';
import { LEXICON, type Lexicon } from '../gazetteers/lexicon.js';
import { clusterCandidates, fullestMention, type EntityCluster } from './coreference.js';
import { matchGazetteer } from './gazetteer-match.js';
import { noEvidence } from './kind-evidence.js';
import { isAdjectivalAbbreviation, lowerCaseWords, sentenceCandidates, sentenceMode, type NameCandidate, type SentenceMode } from './name-candidates.js';
import { bareLower, isCapitalised, isPossessive } from './name-words.js';
import { extractGroups } from './victim-groups.js';

const MAX_KNOWN_NAME_WORDS = 5;
// "Zarema Yangulbayeva, also known as Musayeva": two names of one person.
const ALIAS_BETWEEN = /^\s*[,(]?\s*(?:also known as|also called|known as|aka|a\.k\.a\.|née|nee|born|formerly)\s+$/i;

/** Persons, organisations, places and victim groups, each resolved within the document to its fullest name. */
export function extractEntities(analyzed: AnalyzedText): ExtractedMention[] {
  return findEntities(analyzed, GAZETTEER, LEXICON);
}

/** The same, with the gazetteer and lexicon given (tests use small ones). */
export function findEntities(analyzed: AnalyzedText, gazetteer: Gazetteer, lexicon: Lexicon): ExtractedMention[] {
  const { text, sentences } = analyzed;
  const context = { gazetteer, lexicon, writtenLower: lowerCaseWords(analyzed) };
  const modes: SentenceMode[] = sentences.map((sentence) => sentenceMode(sentence, lexicon));
  const candidates: NameCandidate[] = [];
  sentences.forEach((sentence, index) => {
    if (modes[index] === 'normal') candidates.push(...sentenceCandidates(sentence, index, context));
  });
  const clusters = clusterCandidates(candidates, lexicon);
  mergeAliases(clusters, text);
  addHeadlineMentions(analyzed, modes, clusters, gazetteer, lexicon);

  const mentions: ExtractedMention[] = [];
  const taken = new Set<string>();
  for (const cluster of clusters) {
    if (cluster.kind === null || cluster.mentions.length === 0) continue;
    const fullest = fullestMention(cluster);
    const canonical = text.slice(fullest.start, fullest.end).replace(/\s+/g, ' ');
    for (const mention of cluster.mentions) {
      const spanKey = `${mention.start}:${mention.end}`;
      if (taken.has(spanKey) || mention.end <= mention.start) continue;
      taken.add(spanKey);
      mentions.push({ kind: cluster.kind, text: text.slice(mention.start, mention.end), start: mention.start, end: mention.end, canonical });
    }
  }
  for (const sentence of sentences) mentions.push(...extractGroups(sentence, lexicon, text));
  return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Join clusters whose mentions the text declares the same: "X, also known as Y", "Full Name (ABBR)". */
function mergeAliases(clusters: EntityCluster[], text: string): void {
  const owner = new Map<NameCandidate, EntityCluster>();
  for (const cluster of clusters) for (const mention of cluster.mentions) owner.set(mention, cluster);
  const ordered = [...owner.keys()].sort((a, b) => a.start - b.start);
  for (let k = 1; k < ordered.length; k++) {
    const previous = ordered[k - 1]!;
    const current = ordered[k]!;
    if (previous.sentence !== current.sentence || current.start - previous.end > 40) continue;
    const between = text.slice(previous.end, current.start);
    const into = owner.get(previous)!;
    const from = owner.get(current)!;
    if (into === from || into.kind !== from.kind) continue;
    const abbreviation = between.trim() === '(' && text[current.end] === ')' && current.words.length === 1 && current.words[0] === current.words[0]!.toUpperCase();
    if (!abbreviation && !ALIAS_BETWEEN.test(between)) continue;
    for (const mention of from.mentions) owner.set(mention, into);
    into.mentions.push(...from.mentions);
    from.mentions = [];
  }
}

function knownNames(clusters: readonly EntityCluster[]): Map<string, EntityCluster> {
  const known = new Map<string, EntityCluster>();
  for (const cluster of clusters) {
    if (cluster.kind === null) continue;
    for (const mention of cluster.mentions) if (!mention.compound && !known.has(mention.key)) known.set(mention.key, cluster);
  }
  return known;
}

/**
 * Headlines and ALL CAPS lines capitalise every word, so there only gazetteer names and names the
 * rest of the document established are taken.
 */
function addHeadlineMentions(analyzed: AnalyzedText, modes: readonly SentenceMode[], clusters: EntityCluster[], gazetteer: Gazetteer, lexicon: Lexicon): void {
  const known = knownNames(clusters);
  const byEntry = new Map<number, EntityCluster>();
  for (const cluster of clusters) if (cluster.gazetteer && cluster.mentions.length > 0) byEntry.set(cluster.gazetteer.id, cluster);
  // A short name ("Memorial") in a headline joins the entity it stood for in the body.
  for (const entry of gazetteer.entries) {
    if (entry.refersTo.length === 0 || byEntry.has(entry.id)) continue;
    const target = clusters.find((cluster) => cluster.mentions.length > 0 && cluster.gazetteer && entry.refersTo.includes(cluster.gazetteer.name));
    if (target) byEntry.set(entry.id, target);
  }
  analyzed.sentences.forEach((sentence, sentenceIndex) => {
    const mode = modes[sentenceIndex];
    if (mode === 'normal') return;
    const tokens = sentence.tokens;
    let index = 0;
    while (index < tokens.length) {
      const match = matchGazetteer(gazetteer, tokens, index, mode === 'shouting');
      if (match && isAdjectivalAbbreviation(match, tokens, lexicon)) {
        index = match.to + 1;
        continue;
      }
      if (match) {
        const entry = match.phrase.entry;
        let cluster = byEntry.get(entry.id);
        if (!cluster) {
          cluster = { id: clusters.length, kind: entry.kind, gazetteer: entry, head: null, mentions: [], evidence: noEvidence() };
          clusters.push(cluster);
          byEntry.set(entry.id, cluster);
        }
        cluster.mentions.push(headlineMention(tokens, index, match.to, sentenceIndex));
        index = match.to + 1;
        continue;
      }
      let matched = false;
      for (let length = Math.min(MAX_KNOWN_NAME_WORDS, tokens.length - index); length >= 1 && !matched; length--) {
        const slice = tokens.slice(index, index + length);
        if (!isCapitalised(slice[0]!.text) || slice.some((token) => token.kind !== 'word')) continue;
        const key = slice.map((token, k) => (k === length - 1 ? bareLower(token) : token.lower)).join(' ');
        const cluster = known.get(key);
        if (!cluster) continue;
        cluster.mentions.push(headlineMention(tokens, index, index + length - 1, sentenceIndex));
        index += length;
        matched = true;
      }
      if (!matched) index++;
    }
  });
}

function headlineMention(tokens: readonly Token[], from: number, to: number, sentence: number): NameCandidate {
  const last = tokens[to]!;
  const words = tokens.slice(from, to + 1).map((token) => token.text);
  return {
    start: tokens[from]!.start,
    end: isPossessive(last) ? last.end - 2 : last.end,
    words,
    key: words.join(' ').toLowerCase(),
    sentence,
    gazetteer: null,
    head: null,
    evidence: noEvidence(),
    compound: true,
  };
}
