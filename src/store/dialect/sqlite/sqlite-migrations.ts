import type { Migration } from 'kysely';
import * as documents from './migrations/2026-11-23-01-documents.js';
import * as claims from './migrations/2026-11-23-02-claims.js';
import * as review from './migrations/2026-11-23-03-review.js';
import * as incidentMembers from './migrations/2026-11-23-04-incident-members.js';
import * as entityDecisions from './migrations/2026-11-23-05-entity-decisions.js';
import * as persons from './migrations/2026-11-23-06-persons.js';
import * as accounts from './migrations/2026-11-23-07-accounts.js';
import * as intake from './migrations/2026-11-23-08-intake.js';
import * as searchTerms from './migrations/2026-11-24-09-search-terms.js';

/** Every SQLite migration, by name; names sort in the order they apply. */
export const sqliteMigrations: Record<string, Migration> = {
  '2026-11-23-01-documents': documents,
  '2026-11-23-02-claims': claims,
  '2026-11-23-03-review': review,
  '2026-11-23-04-incident-members': incidentMembers,
  '2026-11-23-05-entity-decisions': entityDecisions,
  '2026-11-23-06-persons': persons,
  '2026-11-23-07-accounts': accounts,
  '2026-11-23-08-intake': intake,
  '2026-11-24-09-search-terms': searchTerms,
};
