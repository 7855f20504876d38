import type { Generated } from 'kysely';

/*
 * The tables as both engines hold them. Portable column types only: text for identifiers, ISO
 * timestamps and JSON; integers (0/1) for flags; binary for originals. What differs between engines
 * (full-text index, migrations' DDL) lives under dialect/.
 */

export interface SourcesTable {
  id: string;
  name: string;
  /** Case- and space-folded name: one source per outlet however a page spells it. */
  name_key: string;
  kind: string;
  homepage: string | null;
  confidential: number;
  created_at: string;
}

/** Original bytes, content-addressed: kept so any capture can be re-verified and re-cleaned. */
export interface OriginalsTable {
  sha256: string;
  bytes: Buffer;
  size: number;
}

export interface DocumentsTable {
  id: string;
  /** Insertion order; the SQLite full-text index keys on it. */
  seq: Generated<number>;
  sha256: string;
  source_id: string | null;
  origin: string;
  media_type: string;
  size: number;
  captured_at: string;
  published_at: string | null;
  title: string | null;
  author: string | null;
  canonical_url: string | null;
  language: string | null;
  text: string;
  warnings: string;
  capture_version: number;
  deleted_at: string | null;
}

export interface EntitiesTable {
  id: string;
  kind: string;
  name: string;
  aliases: string;
  parent_id: string | null;
  created_at: string;
}

export interface MentionsTable {
  id: string;
  document_id: string;
  kind: string;
  start: number;
  end: number;
  quote: string;
  canonical: string;
  entity_id: string | null;
}

export interface AttributionsTable {
  id: string;
  document_id: string;
  start: number;
  end: number;
  quote: string;
  attributed_to: string;
  entity_id: string | null;
  via: string;
}

export interface IncidentsTable {
  id: string;
  title: string;
  types: string;
  place_ids: string;
  start_date: string | null;
  end_date: string | null;
  precision: string;
  created_at: string;
}

export interface ActsTable {
  id: string;
  document_id: string;
  incident_id: string | null;
  type: string;
  start: number;
  end: number;
  quote: string;
  victims: string;
  perpetrators: string;
  place_id: string | null;
  date: string | null;
  flags: string;
}

export interface ClaimsTable {
  id: string;
  document_id: string;
  kind: string;
  start: number;
  end: number;
  quote: string;
  subject_id: string | null;
  property: string;
  value: string;
  attribution_id: string | null;
  status: string;
  produced_by: string;
  version: number;
  created_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  orphaned_at: string | null;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  at: string;
  actor: string;
  action: string;
  subject_id: string | null;
  payload: string;
  prev_hash: string;
  hash: string;
}

export interface IncidentMembersTable {
  unit_key: string;
  incident_id: string;
  claim_id: string;
  document_id: string;
}

export interface IncidentDecisionsTable {
  id: string;
  kind: string;
  key_a: string;
  key_b: string;
  actor: string;
  at: string;
}

export interface EntityDecisionsTable {
  id: string;
  kind: string;
  entity_kind: string;
  name_a: string;
  name_b: string;
  mention_key: string | null;
  actor: string;
  at: string;
}

/** A named person list: one imported file (its SHA-256 kept), or the persons extracted from documents. */
export interface PersonListsTable {
  id: string;
  name: string;
  kind: string;
  file_name: string | null;
  sha256: string | null;
  encoding: string | null;
  records: number;
  imported_at: string;
  imported_by: string;
}

/** One row of a list, as written; dates as ISO text of their precision (1971, 1971-06, 1971-06-24). */
export interface PersonRecordsTable {
  id: string;
  list_id: string;
  row_number: number | null;
  external_id: string | null;
  given: string | null;
  surname: string | null;
  patronymic: string | null;
  full_name: string | null;
  sex: string | null;
  birth_date: string | null;
  birth_precision: string | null;
  place: string | null;
  violation_date: string | null;
  violation_precision: string | null;
  violation_kind: string | null;
  text: string | null;
  /** JSON object: header → cell. */
  raw: string | null;
  document_id: string | null;
  entity_key: string | null;
  /** JSON array of mention claim ids. */
  mention_ids: string | null;
  span_start: number | null;
  span_end: number | null;
  quote: string | null;
  created_at: string;
}

/** The person each record belongs to after the last linkage run and the decisions applied to it. */
export interface PersonClustersTable {
  record_id: string;
  person_id: string;
  run_id: string;
}

export interface PersonLinkRunsTable {
  id: string;
  at: string;
  actor: string;
  records: number;
  persons: number;
  decisions: number;
  /** JSON: linkage statistics. */
  stats: string;
}

export interface PersonDecisionsTable {
  id: string;
  kind: string;
  record_a: string;
  record_b: string | null;
  /** JSON array of record ids (split: the records it was taken from). */
  apart_from: string | null;
  note: string | null;
  actor: string;
  at: string;
}

/** An account of the workspace (migration 07). */
export interface UsersTable {
  username: string;
  role: string;
  /** libsodium crypto_pwhash_str output: Argon2id with its parameters and salt. */
  password_hash: string;
  totp_secret: string | null;
  /** The last TOTP time step accepted, so a code cannot be replayed. */
  totp_last_step: number | string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

/** A login session; only the SHA-256 of its token is stored. */
export interface SessionsTable {
  token_hash: string;
  username: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface Database {
  sources: SourcesTable;
  originals: OriginalsTable;
  documents: DocumentsTable;
  entities: EntitiesTable;
  mentions: MentionsTable;
  attributions: AttributionsTable;
  incidents: IncidentsTable;
  acts: ActsTable;
  claims: ClaimsTable;
  audit_events: AuditEventsTable;
  incident_members: IncidentMembersTable;
  incident_decisions: IncidentDecisionsTable;
  entity_decisions: EntityDecisionsTable;
  person_lists: PersonListsTable;
  person_records: PersonRecordsTable;
  person_clusters: PersonClustersTable;
  person_link_runs: PersonLinkRunsTable;
  person_decisions: PersonDecisionsTable;
  users: UsersTable;
  sessions: SessionsTable;
  intake_settings: IntakeSettingsTable;
  intake_submissions: IntakeSubmissionsTable;
  intake_attachments: IntakeAttachmentsTable;
  intake_messages: IntakeMessagesTable;
}

/** Confidential intake (migration 08): sealed bytes only; days, never instants. */
export interface IntakeSettingsTable {
  name: string;
  value: string;
}

export interface IntakeSubmissionsTable {
  id: string;
  /** Argon2id of the receipt (hex): the only way to find a submission from its receipt. */
  lookup: string;
  reply_public_key: Uint8Array;
  sealed_report: Uint8Array;
  created_on: string;
  expires_on: string;
  kept: number;
  imported_document_id: string | null;
}

export interface IntakeAttachmentsTable {
  id: string;
  submission_id: string;
  position: number;
  sealed_key: Uint8Array;
  ciphertext: Uint8Array;
}

export interface IntakeMessagesTable {
  id: string;
  submission_id: string;
  position: number;
  direction: string;
  sealed: Uint8Array;
  created_on: string;
}
