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

  /**
   * ensure() for several names in two statements: ingest meets dozens of sources per batch. Names
   * that differ only in case or spacing get one source, named as the first of them.
   */
  async ensureMany(names: readonly string[], kind: SourceKind = 'unknown', confidential = false): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    if (names.length === 0) return ids;
    const createdAt = new Date().toISOString();
    const keys = new Map(names.map((name) => [name, sourceNameKey(name)]));
    const uniqueKeys = [...new Set(keys.values())];
    for (let offset = 0; offset < names.length; offset += 500) {
      await this.db
        .insertInto('sources')
        .values(names.slice(offset, offset + 500).map((name) => ({ id: newId('source'), name: name.trim(), name_key: keys.get(name) as string, kind, homepage: null, confidential: confidential ? 1 : 0, created_at: createdAt })))
        .onConflict((conflict) => conflict.column('name_key').doNothing())
        .execute();
    }
    const idByKey = new Map<string, string>();
    for (let offset = 0; offset < uniqueKeys.length; offset += 500) {
      const rows = await this.db.selectFrom('sources').select(['id', 'name_key']).where('name_key', 'in', uniqueKeys.slice(offset, offset + 500)).execute();
      for (const row of rows) idByKey.set(row.name_key, row.id);
    }
    for (const [name, key] of keys) {
      const id = idByKey.get(key);
      if (!id) throw new Error(`source "${name}" neither created nor found`);
      ids.set(name, id);
    }
    return ids;
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
