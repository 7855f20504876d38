import { z } from 'zod';
import { idSchema, Instant, Sha256Hex } from './ids.js';

/*
 * Persons across sources. A person list is what one organisation keeps (imported from one file, its
 * bytes' SHA-256 recorded) or the persons extracted from captured documents. Each row is a person
 * record, kept as written (original script, the raw row). Linkage groups records into persons; an
 * analyst's decisions (these two records are one person; this record is not that person) are kept
 * apart from the linkage result and applied after every run.
 */

export const PersonListKind = z.enum(['file', 'documents']);
export type PersonListKind = z.infer<typeof PersonListKind>;

export const PersonSex = z.enum(['m', 'f']);
export type PersonSex = z.infer<typeof PersonSex>;

/** A date known to the day, the month or only the year (birth dates, dates of violations). */
export const PartialDateValue = z
  .object({ year: z.number().int(), month: z.number().int().min(1).max(12).nullable(), day: z.number().int().min(1).max(31).nullable() })
  .refine((date) => date.month !== null || date.day === null, 'a day needs a month');
export type PartialDateValue = z.infer<typeof PartialDateValue>;

/** How much of a partial date is known. */
export const datePrecision = (date: PartialDateValue): 'day' | 'month' | 'year' => (date.day !== null ? 'day' : date.month !== null ? 'month' : 'year');

export const PersonList = z.object({
  id: idSchema('personList'),
  name: z.string().trim().min(1),
  kind: PersonListKind,
  /** The file as named on import; null for the documents list. */
  fileName: z.string().nullable(),
  sha256: Sha256Hex.nullable(),
  encoding: z.string().nullable(),
  records: z.number().int().nonnegative(),
  importedAt: Instant,
  importedBy: z.string().min(1),
});
export type PersonList = z.infer<typeof PersonList>;

/** Where in a document an extracted person is named. */
export const PersonRecordOrigin = z.object({
  documentId: idSchema('document'),
  /** The resolved name that joins the document's mentions of this person. */
  entityKey: z.string().min(1),
  /** The mention claims (clm_…) naming the person in the document. */
  mentionIds: z.array(idSchema('claim')).min(1),
  /** The first mention's span. */
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
});
export type PersonRecordOrigin = z.infer<typeof PersonRecordOrigin>;

/** The fields of a person record, as a list writes them (names in their original script). */
export const PersonRecordFields = z.object({
  given: z.string().nullable(),
  surname: z.string().nullable(),
  patronymic: z.string().nullable(),
  fullName: z.string().nullable(),
  sex: PersonSex.nullable(),
  birthDate: PartialDateValue.nullable(),
  place: z.string().nullable(),
  violationDate: PartialDateValue.nullable(),
  violationKind: z.string().nullable(),
  /** Free text: circumstances, notes. */
  text: z.string().nullable(),
});
export type PersonRecordFields = z.infer<typeof PersonRecordFields>;

export const PersonRecord = PersonRecordFields.extend({
  id: idSchema('personRecord'),
  listId: idSchema('personList'),
  /** Row of the file (the header is row 1); null for extracted records. */
  row: z.number().int().positive().nullable(),
  /** The record's id within its list (an id column), if the list has one. */
  externalId: z.string().nullable(),
  /** The row as read: column header → cell. */
  raw: z.record(z.string(), z.string()).nullable(),
  origin: PersonRecordOrigin.nullable(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

/** An analyst's standing decision about person records; applied, in order, after every linkage run. */
export const PersonDecision = z.discriminatedUnion('kind', [
  z.object({ id: idSchema('decision'), kind: z.literal('confirm'), records: z.tuple([idSchema('personRecord'), idSchema('personRecord')]), note: z.string().nullable(), actor: z.string(), at: Instant }),
  z.object({
    id: idSchema('decision'),
    kind: z.literal('split'),
    record: idSchema('personRecord'),
    /** The records it was taken away from, for the record of the decision. */
    apartFrom: z.array(idSchema('personRecord')),
    note: z.string().nullable(),
    actor: z.string(),
    at: Instant,
  }),
]);
export type PersonDecision = z.infer<typeof PersonDecision>;
