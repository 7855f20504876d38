import { buildEntities, mentionKey, nameKey, type EntityMention, type EntityView } from '../resolve/entities/entity-index.js';
import type { Store } from '../store/store.js';

/** Thrown when an entity decision cannot apply as asked; the message says why. */
export class EntityDecisionError extends Error {}

/** Every live mention claim (not rejected, of a live document). */
async function liveMentions(store: Store): Promise<EntityMention[]> {
  const mentions: EntityMention[] = [];
  for await (const document of store.documents.live()) {
    for (const claim of await store.claims.forDocument(document.id)) {
      if (claim.kind !== 'mention' || claim.status === 'rejected' || claim.orphanedAt !== null) continue;
      mentions.push({ claimId: claim.id, documentId: document.id, kind: claim.property, canonical: (claim.value as { canonical: string }).canonical, start: claim.span.start, end: claim.span.end, quote: claim.span.quote });
    }
  }
  return mentions;
}

/** Persons, organisations, places and groups across documents, with analysts' merges and splits applied. */
export async function listEntities(store: Store, kind?: string): Promise<EntityView[]> {
  const entities = buildEntities(await liveMentions(store), await store.entityDecisions.list());
  return kind ? entities.filter((entity) => entity.kind === kind) : entities;
}

/** An analyst says two names are one entity ("Musaeva" and "Zarema Musayeva"); `keep` names it. */
export async function mergeEntities(store: Store, entityKind: string, keep: string, merge: string, actor: string): Promise<void> {
  if (nameKey(keep) === nameKey(merge)) throw new EntityDecisionError('those are the same name already');
  const known = new Set((await liveMentions(store)).filter((mention) => mention.kind === entityKind).map((mention) => nameKey(mention.canonical)));
  for (const name of [keep, merge]) if (!known.has(nameKey(name))) throw new EntityDecisionError(`no ${entityKind} is named "${name}" in any document (chronicle entities lists them)`);
  await store.transaction(async (session) => {
    await session.entityDecisions.add({ kind: 'merge', entityKind, keep, merge }, actor);
    await session.audit.append({ actor, action: 'entity.merge', subjectId: null, payload: { entityKind, keep, merge } });
  });
}

/** An analyst says one mention is of another entity ("this 'Kadyrov' is Adam Kadyrov"). */
export async function splitMention(store: Store, claimId: string, to: string, actor: string): Promise<void> {
  const claim = await store.claims.get(claimId);
  if (!claim || claim.kind !== 'mention') throw new EntityDecisionError(`${claimId} is not a mention claim (chronicle claims DOCUMENT lists them)`);
  if (!to.trim()) throw new EntityDecisionError('name the entity the mention belongs to');
  const from = (claim.value as { canonical: string }).canonical;
  await store.transaction(async (session) => {
    await session.entityDecisions.add({ kind: 'split', entityKind: claim.property, mentionKey: mentionKey({ documentId: claim.span.documentId, start: claim.span.start, end: claim.span.end }), from, to: to.trim() }, actor);
    await session.audit.append({ actor, action: 'entity.split', subjectId: claimId, payload: { from, to: to.trim() } });
  });
}
