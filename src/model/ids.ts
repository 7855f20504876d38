import { z } from 'zod';
import { monotonicFactory } from 'ulidx';

/**
 * Identifiers are a kind prefix plus a ULID: sortable by creation time, readable in logs, and never
 * confusable with a SHA-256 prefix (ULIDs use Crockford base32 and the prefix has an underscore).
 */
export const idPrefixes = {
  source: 'src',
  document: 'doc',
  mention: 'men',
  entity: 'ent',
  incident: 'inc',
  act: 'act',
  claim: 'clm',
  attribution: 'att',
  /** An analyst's standing decision about incidents or entities (merge, split). */
  decision: 'dec',
  /** A named list of persons: one imported file, or the persons extracted from documents. */
  personList: 'pls',
  /** One row of a person list, or one person named in one document. */
  personRecord: 'per',
  /** A person: the records linkage (and analysts' decisions) put together. */
  person: 'psn',
  /** One linkage run over all person records. */
  personLinkRun: 'plr',
} as const;
export type IdKind = keyof typeof idPrefixes;

// Monotonic: ids made in the same millisecond still sort in creation order, and need no new randomness.
const ulid = monotonicFactory();

export function newId(kind: IdKind): string {
  return `${idPrefixes[kind]}_${ulid()}`;
}

export function idSchema(kind: IdKind) {
  return z.string().regex(new RegExp(`^${idPrefixes[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`), `not a ${kind} id`);
}

export const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'not a lower-case hex SHA-256');
/** ISO 8601 instant in UTC, e.g. 2026-11-23T16:42:00.000Z */
export const Instant = z.iso.datetime();
