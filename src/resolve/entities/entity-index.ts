import type { EntityDecision } from '../../model/entity-decision.js';

/** A mention claim as the entity index reads it. */
export interface EntityMention {
  claimId: string;
  documentId: string;
  kind: string;
  canonical: string;
  start: number;
  end: number;
  quote: string;
}

/** An entity across documents: its name, the spellings it goes by, and every mention. */
export interface EntityView {
  kind: string;
  name: string;
  aliases: string[];
  mentions: EntityMention[];
  documents: number;
}

/** A name for comparison: case, accents, punctuation and a leading "the" do not count. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The key of one mention: its document and span, which survive re-extraction. */
export const mentionKey = (mention: Pick<EntityMention, 'documentId' | 'start' | 'end'>) => `${mention.documentId}:${mention.start}:${mention.end}`;

/**
 * Entities across documents from mention claims: mentions whose resolved names match are one
 * entity; an analyst's merges join names, and a split moves one mention to another name.
 */
export function buildEntities(mentions: readonly EntityMention[], decisions: readonly EntityDecision[]): EntityView[] {
  const moved = new Map<string, string>();
  for (const decision of decisions) if (decision.kind === 'split') moved.set(`${decision.entityKind}\u0000${decision.mentionKey}`, decision.to);
  const keyOf = (kind: string, name: string) => `${kind}\u0000${nameKey(name)}`;
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(key, root);
    return root;
  };
  const chosenName = new Map<string, string>();
  for (const decision of decisions) {
    if (decision.kind !== 'merge') continue;
    const keep = find(keyOf(decision.entityKind, decision.keep));
    const merge = find(keyOf(decision.entityKind, decision.merge));
    if (keep !== merge) parent.set(merge, keep);
    chosenName.set(keep, decision.keep);
  }
  const groups = new Map<string, { kind: string; mentions: EntityMention[]; spellings: Map<string, number> }>();
  for (const mention of mentions) {
    const name = moved.get(`${mention.kind}\u0000${mentionKey(mention)}`) ?? mention.canonical;
    const root = find(keyOf(mention.kind, name));
    const group = groups.get(root) ?? { kind: mention.kind, mentions: [], spellings: new Map<string, number>() };
    group.mentions.push(name === mention.canonical ? mention : { ...mention, canonical: name });
    group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
    groups.set(root, group);
  }
  return [...groups]
    .map(([root, group]) => {
      const spellings = [...group.spellings].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
      const name = chosenName.get(root) ?? spellings[0]![0];
      return { kind: group.kind, name, aliases: spellings.map(([spelling]) => spelling).filter((spelling) => spelling !== name), mentions: group.mentions, documents: new Set(group.mentions.map((mention) => mention.documentId)).size };
    })
    .sort((a, b) => b.documents - a.documents || b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
}
