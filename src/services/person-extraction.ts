import type { Claim } from '../model/claim.js';
import type { PartialDateValue } from '../model/person.js';
import { buildEntities, nameKey, type EntityMention } from '../resolve/entities/entity-index.js';
import type { EntityDecision } from '../model/entity-decision.js';
import type { NewPersonRecord } from '../store/person.repository.js';

/*
 * Persons named in documents as person records: one record per person entity per document (the
 * entity index joins a document's mentions by resolved name, with analysts' entity merges and splits
 * applied). What happened to them is read from the same paragraph: the nearest act gives the kind
 * of violation and the nearest resolved date its date. This is a proposal from the text, as the
 * claims are; a person named as an official or a perpetrator is a record too.
 */

/** One live document's text and claims, as extraction left them. */
export interface DocumentClaims {
  documentId: string;
  text: string;
  claims: readonly Claim[];
}

const live = (claim: Claim) => claim.status !== 'rejected' && claim.orphanedAt === null;

function paragraphOf(text: string, offset: number): [number, number] {
  const before = text.lastIndexOf('\n\n', offset);
  const after = text.indexOf('\n\n', offset);
  return [before < 0 ? 0 : before + 2, after < 0 ? text.length : after];
}

function partialDate(value: unknown): PartialDateValue | null {
  const text = (value as { value?: unknown } | null)?.value;
  if (typeof text !== 'string') return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(text);
  return match ? { year: Number(match[1]), month: match[2] ? Number(match[2]) : null, day: match[3] ? Number(match[3]) : null } : null;
}

/** The claim of `candidates` nearest to any of the spans, within their paragraphs. */
function nearest(text: string, spans: readonly { start: number; end: number }[], candidates: readonly Claim[]): Claim | null {
  let best: Claim | null = null;
  let bestDistance = Infinity;
  for (const span of spans) {
    const [from, to] = paragraphOf(text, span.start);
    for (const claim of candidates) {
      if (claim.span.start < from || claim.span.end > to) continue;
      const distance = claim.span.start >= span.end ? claim.span.start - span.end : span.start >= claim.span.end ? span.start - claim.span.end : 0;
      if (distance < bestDistance) [best, bestDistance] = [claim, distance];
    }
  }
  return best;
}

/** Person records for the persons the documents name. */
export function extractedPersonRecords(documents: readonly DocumentClaims[], decisions: readonly EntityDecision[]): NewPersonRecord[] {
  const mentions: EntityMention[] = [];
  const byDocument = new Map<string, DocumentClaims>();
  for (const document of documents) {
    byDocument.set(document.documentId, document);
    for (const claim of document.claims) {
      if (claim.kind !== 'mention' || claim.property !== 'person' || !live(claim)) continue;
      mentions.push({ claimId: claim.id, documentId: document.documentId, kind: 'person', canonical: (claim.value as { canonical: string }).canonical, start: claim.span.start, end: claim.span.end, quote: claim.span.quote });
    }
  }
  const records: NewPersonRecord[] = [];
  for (const entity of buildEntities(mentions, decisions)) {
    if (entity.kind !== 'person') continue;
    const perDocument = new Map<string, EntityMention[]>();
    for (const mention of entity.mentions) {
      let named = perDocument.get(mention.documentId);
      if (!named) perDocument.set(mention.documentId, (named = []));
      named.push(mention);
    }
    for (const [documentId, named] of perDocument) {
      const document = byDocument.get(documentId)!;
      named.sort((a, b) => a.start - b.start);
      const first = named[0]!;
      const act = nearest(document.text, named, document.claims.filter((claim) => claim.kind === 'act' && live(claim)));
      const date = nearest(document.text, named, document.claims.filter((claim) => claim.kind === 'date' && live(claim) && partialDate(claim.value) !== null));
      records.push({
        given: null,
        surname: null,
        patronymic: null,
        fullName: entity.name,
        sex: null,
        birthDate: null,
        place: null,
        violationDate: date ? partialDate(date.value) : null,
        violationKind: act?.property ?? null,
        text: null,
        row: null,
        externalId: null,
        raw: null,
        origin: { documentId, entityKey: nameKey(entity.name), mentionIds: named.map((mention) => mention.claimId), start: first.start, end: first.end, quote: first.quote },
      });
    }
  }
  return records;
}
