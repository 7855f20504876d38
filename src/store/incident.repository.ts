import type { Kysely } from 'kysely';
import { newId } from '../model/ids.js';
import type { Database } from './schema.js';

/** An incident as grouping leaves it: its scene, time and the acts and figures (by unit key) that make it. */
export interface StoredIncident {
  id: string;
  title: string;
  types: string[];
  /** Canonical place names, most specific first (entities are not linked yet). */
  places: string[];
  startDate: string | null;
  endDate: string | null;
  precision: string;
  members: { unitKey: string; claimId: string; documentId: string }[];
}

export interface IncidentDecision {
  kind: 'together' | 'apart';
  keyA: string;
  keyB: string;
}

/** Incidents, their members, and analysts' decisions about what belongs together. */
export class IncidentRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Which incident each unit belonged to after the last grouping, so ids stay stable across runs. */
  async memberships(): Promise<Map<string, string>> {
    const rows = await this.db.selectFrom('incident_members').select(['unit_key', 'incident_id']).execute();
    return new Map(rows.map((row) => [row.unit_key, row.incident_id]));
  }

  /**
   * Replace the grouping with a new one. Call inside a transaction: readers see the old incidents
   * or the new ones, never a mix.
   */
  async replaceAll(incidents: readonly StoredIncident[]): Promise<void> {
    await this.db.deleteFrom('incident_members').execute();
    const keep = incidents.map((incident) => incident.id);
    let stale = this.db.deleteFrom('incidents');
    if (keep.length > 0) stale = stale.where('id', 'not in', keep);
    // Acts rows may point at incidents; detach them rather than fail.
    await this.db.updateTable('acts').set({ incident_id: null }).where('incident_id', 'is not', null).execute();
    await stale.execute();
    const createdAt = new Date().toISOString();
    for (const incident of incidents) {
      const row = { title: incident.title, types: JSON.stringify(incident.types), place_ids: JSON.stringify(incident.places), start_date: incident.startDate, end_date: incident.endDate, precision: incident.precision };
      await this.db
        .insertInto('incidents')
        .values({ id: incident.id, ...row, created_at: createdAt })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(row))
        .execute();
      const members = incident.members.map((member) => ({ unit_key: member.unitKey, incident_id: incident.id, claim_id: member.claimId, document_id: member.documentId }));
      for (let offset = 0; offset < members.length; offset += 200) await this.db.insertInto('incident_members').values(members.slice(offset, offset + 200)).execute();
    }
  }

  async list(): Promise<StoredIncident[]> {
    const incidents = await this.db.selectFrom('incidents').selectAll().orderBy('start_date').orderBy('id').execute();
    const members = await this.db.selectFrom('incident_members').selectAll().execute();
    const byIncident = new Map<string, StoredIncident['members']>();
    for (const member of members) byIncident.set(member.incident_id, [...(byIncident.get(member.incident_id) ?? []), { unitKey: member.unit_key, claimId: member.claim_id, documentId: member.document_id }]);
    return incidents.map((row) => ({
      id: row.id,
      title: row.title,
      types: JSON.parse(row.types) as string[],
      places: JSON.parse(row.place_ids) as string[],
      startDate: row.start_date,
      endDate: row.end_date,
      precision: row.precision,
      members: byIncident.get(row.id) ?? [],
    }));
  }

  async decisions(): Promise<IncidentDecision[]> {
    const rows = await this.db.selectFrom('incident_decisions').select(['kind', 'key_a', 'key_b']).orderBy('at').orderBy('id').execute();
    return rows.map((row) => ({ kind: row.kind as IncidentDecision['kind'], keyA: row.key_a, keyB: row.key_b }));
  }

  async addDecisions(decisions: readonly IncidentDecision[], actor: string): Promise<void> {
    const at = new Date().toISOString();
    const rows = decisions.map((decision) => ({ id: newId('decision'), kind: decision.kind, key_a: decision.keyA, key_b: decision.keyB, actor, at }));
    for (let offset = 0; offset < rows.length; offset += 200) await this.db.insertInto('incident_decisions').values(rows.slice(offset, offset + 200)).execute();
  }
}
