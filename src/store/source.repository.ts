import type { Kysely, Selectable } from 'kysely';
import { newId } from '../model/ids.js';
import { Source, type SourceKind } from '../model/source.js';
import type { Database, SourcesTable } from './schema.js';

/** "The  Moscow Times" and "the moscow times" are one source. */
export function sourceNameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

function toSource(row: Selectable<SourcesTable>): Source {
  return Source.parse({
    id: row.id,
    name: row.name,
    kind: row.kind,
    homepage: row.homepage,
    confidential: Boolean(row.confidential),
    createdAt: row.created_at,
  });
}

export class SourceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The id of the source with this name, creating it when new (confidential: a pseudonymous witness). Safe against a concurrent creator. */
  async ensure(name: string, kind: SourceKind = 'unknown', confidential = false): Promise<string> {
    const nameKey = sourceNameKey(name);
    await this.db
      .insertInto('sources')
      .values({ id: newId('source'), name: name.trim(), name_key: nameKey, kind, homepage: null, confidential: confidential ? 1 : 0, created_at: new Date().toISOString() })
      .onConflict((conflict) => conflict.column('name_key').doNothing())
      .execute();
    const row = await this.db.selectFrom('sources').select('id').where('name_key', '=', nameKey).executeTakeFirstOrThrow();
    return row.id;
  }

  async get(id: string): Promise<Source | null> {
    const row = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toSource(row) : null;
  }

  async list(): Promise<Source[]> {
    const rows = await this.db.selectFrom('sources').selectAll().orderBy('name').execute();
    return rows.map(toSource);
  }
}
