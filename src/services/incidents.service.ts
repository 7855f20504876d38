import { lengthInDays } from '../resolve/incidents/date-range.js';
import { evidenceUnits, type EvidenceDocument, type EvidenceUnit } from '../resolve/incidents/evidence.js';
import { summarizeFigures, type FigureClaim, type FigureSummary } from '../resolve/incidents/figure-summary.js';
import { groupUnits, type GroupingConstraints } from '../resolve/incidents/grouping.js';
import { originsOf } from '../resolve/incidents/source-independence.js';
import { newId } from '../model/ids.js';
import type { StoredIncident } from '../store/incident.repository.js';
import type { Store } from '../store/store.js';

export interface DocumentRef {
  id: string;
  sha256: string;
  origin: string;
  source: string | null;
  publishedAt: string | null;
}

export interface IncidentFigure {
  what: string;
  value: number;
  max: number | null;
  bound: string;
  document: DocumentRef;
  start: number;
  end: number;
  quote: string;
  attributed_to: string | null;
  origins: string[];
  claim: string;
  status: string;
}

export interface IncidentAct {
  type: string;
  document: DocumentRef;
  start: number;
  end: number;
  quote: string;
  date: string | null;
  attributed_to: string | null;
  claim: string;
  status: string;
}

/** An incident as analysts read it and as `chronicle incidents --json` prints it. */
export interface IncidentView {
  id: string;
  title: string;
  types: string[];
  places: string[];
  start: string | null;
  end: string | null;
  figures: IncidentFigure[];
  acts: IncidentAct[];
  /** Per category: range, disagreement, conflict, independent sources. */
  summary: Omit<FigureSummary, 'claims'>[];
  independent_sources: number;
  documents: number;
}

/** Every live document with its live claims (rejected and orphaned claims are left out). */
export async function loadEvidence(store: Store): Promise<EvidenceDocument[]> {
  const documents: EvidenceDocument[] = [];
  const sourceNames = new Map<string, string | null>();
  for await (const document of store.documents.live()) {
    const claims = (await store.claims.forDocument(document.id)).filter((claim) => claim.status !== 'rejected' && claim.orphanedAt === null);
    if (!claims.some((claim) => claim.kind === 'act' || claim.kind === 'figure')) continue;
    if (document.sourceId && !sourceNames.has(document.sourceId)) sourceNames.set(document.sourceId, (await store.sources.get(document.sourceId))?.name ?? null);
    documents.push({
      id: document.id,
      sha256: document.sha256,
      origin: document.origin,
      title: document.title,
      publishedAt: document.publishedAt,
      sourceName: document.sourceId ? (sourceNames.get(document.sourceId) ?? null) : null,
      text: document.text,
      claims,
      attributions: await store.claims.attributionsOf(document.id),
    });
  }
  // Older reports first, so an incident's first witnesses seed it.
  return documents.sort((a, b) => (a.publishedAt ?? '9999').localeCompare(b.publishedAt ?? '9999') || a.id.localeCompare(b.id));
}

/** A named person identifies an incident when few documents name them; a governor named everywhere does not. */
function personWeights(documents: readonly EvidenceDocument[]): (person: string) => number {
  const counts = new Map<string, number>();
  for (const document of documents) {
    const persons = new Set(document.claims.filter((claim) => claim.kind === 'mention' && claim.property === 'person').map((claim) => (claim.value as { canonical: string }).canonical));
    for (const person of persons) counts.set(person, (counts.get(person) ?? 0) + 1);
  }
  const total = Math.max(1, documents.length);
  return (person) => {
    const share = (counts.get(person) ?? 0) / total;
    return share > 0.3 ? 0.5 : share > 0.15 ? 1.5 : 3;
  };
}

/** Short names of act types for incident titles. */
const TITLE_WORDS: Record<string, string> = {
  killing: 'Killings', torture: 'Torture', detention: 'Detentions', abduction: 'Abductions', threat: 'Threats',
  attack_on_property: 'Attacks on property', prosecution: 'Prosecution', collective_punishment: 'Collective punishment',
  coercion: 'Coercion', restriction_of_movement: 'Restrictions of movement', displacement: 'Displacement',
};

const monthYear = (date: string) => new Date(`${date.slice(0, 7)}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

function describe(units: readonly EvidenceUnit[]): Pick<StoredIncident, 'title' | 'types' | 'places' | 'startDate' | 'endDate' | 'precision'> {
  const typeCounts = new Map<string, number>();
  for (const unit of units) if (unit.type) typeCounts.set(unit.type, (typeCounts.get(unit.type) ?? 0) + 1);
  const types = [...typeCounts].sort((a, b) => b[1] - a[1]).map(([type]) => type);
  const placeCounts = new Map<string, number>();
  for (const unit of units) if (unit.places[0]) placeCounts.set(unit.places[0], (placeCounts.get(unit.places[0]) ?? 0) + 1);
  const places = [...placeCounts].sort((a, b) => b[1] - a[1]).map(([place]) => place);
  // An incident's time: its precise dates if it has any, else its loose ones (a year), else publication.
  const dated = units.flatMap((unit) => (unit.date ? [unit.date] : []));
  const tight = dated.filter((range) => lengthInDays(range) <= 92);
  const implied = units.flatMap((unit) => (unit.implied ? [unit.implied] : []));
  const ranges = tight.length > 0 ? tight : dated.length > 0 ? dated : implied;
  const startDate = ranges.length > 0 ? ranges.map((range) => range.start).sort()[0]! : null;
  const endDate = ranges.length > 0 ? ranges.map((range) => range.end).sort().at(-1)! : null;
  const label = types.slice(0, 2).map((type, index) => (index === 0 ? TITLE_WORDS[type] : TITLE_WORDS[type]?.toLowerCase()) ?? type).join(' and ') || 'Events';
  const title = `${label}${places[0] ? ` in ${places[0]}` : ''}${startDate ? `, ${monthYear(startDate)}` : ''}`;
  return { title, types, places, startDate, endDate, precision: dated.length > 0 ? 'reported' : 'publication' };
}

/** A grouping with the evidence it was made from, so views need not read and analyse it again. */
export interface Grouping {
  incidents: StoredIncident[];
  documents: EvidenceDocument[];
  units: EvidenceUnit[];
}

/**
 * Group every live act and figure into incidents, keep incident ids stable across runs (an
 * incident keeps the id of the earlier incident it shares most members with), obey analysts'
 * merge and split decisions, and store the result.
 */
export async function regroup(store: Store): Promise<Grouping> {
  const documents = await loadEvidence(store);
  const units = documents.flatMap((document) => evidenceUnits(document));
  const decisions = await store.incidents.decisions();
  const constraints: GroupingConstraints = {
    together: decisions.filter((decision) => decision.kind === 'together').map((decision) => [decision.keyA, decision.keyB] as const),
    apart: decisions.filter((decision) => decision.kind === 'apart').map((decision) => [decision.keyA, decision.keyB] as const),
  };
  const groups = groupUnits(units, constraints, personWeights(documents));
  const previous = await store.incidents.memberships();
  // Biggest groups choose first, so the main incident keeps its id when a small part splits off.
  const order = groups.map((group, index) => ({ group, index })).sort((a, b) => b.group.length - a.group.length);
  const taken = new Set<string>();
  const ids = new Map<number, string>();
  for (const { group, index } of order) {
    const votes = new Map<string, number>();
    for (const unit of group) {
      const id = previous.get(unit.key);
      if (id && !taken.has(id)) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const winner = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? newId('incident');
    taken.add(winner);
    ids.set(index, winner);
  }
  const incidents: StoredIncident[] = groups.map((group, index) => ({
    id: ids.get(index)!,
    ...describe(group),
    members: group.map((unit) => ({ unitKey: unit.key, claimId: unit.claimId, documentId: unit.documentId })),
  }));
  await store.transaction((session) => session.incidents.replaceAll(incidents));
  return { incidents, documents, units };
}

/** Regroup and return only the stored incidents. */
export async function regroupIncidents(store: Store): Promise<StoredIncident[]> {
  return (await regroup(store)).incidents;
}

/** The incidents as analysts read them: figures side by side by source, acts, summaries, independent sources. */
export async function incidentViews(store: Store, grouping?: Grouping): Promise<IncidentView[]> {
  const stored = grouping?.incidents ?? (await store.incidents.list());
  const evidence = grouping?.documents ?? (await loadEvidence(store));
  const documents = new Map(evidence.map((document) => [document.id, document]));
  const unitsByKey = new Map<string, EvidenceUnit>();
  for (const unit of grouping?.units ?? evidence.flatMap((document) => evidenceUnits(document))) unitsByKey.set(unit.key, unit);
  const views: IncidentView[] = [];
  for (const incident of stored) {
    const units = incident.members.map((member) => unitsByKey.get(member.unitKey)).filter((unit): unit is EvidenceUnit => unit !== undefined);
    if (units.length === 0) continue;
    const refOf = (id: string): DocumentRef => {
      const document = documents.get(id)!;
      return { id, sha256: document.sha256, origin: document.origin, source: document.sourceName, publishedAt: document.publishedAt };
    };
    const statusOf = (unit: EvidenceUnit) => documents.get(unit.documentId)!.claims.find((claim) => claim.id === unit.claimId)?.status ?? 'proposed';
    const origins = originsOf(units.map((unit) => ({ attributedTo: unit.attributedTo, publisher: documents.get(unit.documentId)!.sourceName, documentId: unit.documentId })));
    const originByKey = new Map(units.map((unit, index) => [unit.key, origins[index]!]));
    const figures: IncidentFigure[] = units
      .filter((unit) => unit.kind === 'figure' && unit.figure)
      .map((unit) => ({
        what: unit.figure!.category,
        value: unit.figure!.value,
        max: unit.figure!.max,
        bound: unit.figure!.bound,
        document: refOf(unit.documentId),
        start: unit.start,
        end: unit.end,
        quote: unit.quote,
        attributed_to: unit.attributedTo,
        origins: originByKey.get(unit.key)!,
        claim: unit.claimId,
        status: statusOf(unit),
      }));
    const acts: IncidentAct[] = units
      .filter((unit) => unit.kind === 'act' && unit.type)
      .map((unit) => ({ type: unit.type!, document: refOf(unit.documentId), start: unit.start, end: unit.end, quote: unit.quote, date: unit.date?.start ?? null, attributed_to: unit.attributedTo, claim: unit.claimId, status: statusOf(unit) }));
    const byCategory = new Map<string, FigureClaim[]>();
    for (const figure of figures) {
      byCategory.set(figure.what, [
        ...(byCategory.get(figure.what) ?? []),
        { claimId: figure.claim, what: figure.what, value: figure.value, max: figure.max, bound: figure.bound as FigureClaim['bound'], documentId: figure.document.id, start: figure.start, end: figure.end, quote: figure.quote, attributedTo: figure.attributed_to, origins: figure.origins, status: figure.status },
      ]);
    }
    const summary = [...byCategory].map(([what, claims]) => {
      const { low, high, differ, conflict, independentSources } = summarizeFigures(what, claims);
      return { what, low, high, differ, conflict, independentSources };
    });
    views.push({
      id: incident.id,
      title: incident.title,
      types: incident.types,
      places: incident.places,
      start: incident.startDate,
      end: incident.endDate,
      figures,
      acts,
      summary,
      independent_sources: new Set(origins.flat()).size,
      documents: new Set(units.map((unit) => unit.documentId)).size,
    });
  }
  return views;
}

/** An analyst merges two incidents: from now on their acts and figures stay together. */
export async function mergeIncidents(store: Store, keep: string, merge: string, actor: string): Promise<void> {
  const incidents = await store.incidents.list();
  const left = incidents.find((incident) => incident.id === keep);
  const right = incidents.find((incident) => incident.id === merge);
  if (!left || !right) throw new Error(`no incident has id ${!left ? keep : merge} (chronicle incidents lists them)`);
  if (left === right) throw new Error('an incident cannot be merged with itself');
  await store.transaction(async (session) => {
    await session.incidents.addDecisions(right.members.map((member) => ({ kind: 'together' as const, keyA: left.members[0]!.unitKey, keyB: member.unitKey })), actor);
    await session.audit.append({ actor, action: 'incident.merge', subjectId: keep, payload: { merged: merge } });
  });
}

/**
 * An analyst splits the acts and figures of some documents out of an incident into one of their
 * own; the split holds across re-runs.
 */
export async function splitIncident(store: Store, incidentId: string, documentIds: readonly string[], actor: string): Promise<void> {
  const incident = (await store.incidents.list()).find((candidate) => candidate.id === incidentId);
  if (!incident) throw new Error(`no incident has id ${incidentId} (chronicle incidents lists them)`);
  const moving = incident.members.filter((member) => documentIds.includes(member.documentId));
  const staying = incident.members.filter((member) => !documentIds.includes(member.documentId));
  if (moving.length === 0 || staying.length === 0) throw new Error('a split must leave acts or figures on both sides (name documents of this incident, not all of them)');
  await store.transaction(async (session) => {
    const decisions = [
      ...moving.flatMap((member) => staying.map((other) => ({ kind: 'apart' as const, keyA: member.unitKey, keyB: other.unitKey }))),
      ...moving.slice(1).map((member) => ({ kind: 'together' as const, keyA: moving[0]!.unitKey, keyB: member.unitKey })),
    ];
    await session.incidents.addDecisions(decisions, actor);
    await session.audit.append({ actor, action: 'incident.split', subjectId: incidentId, payload: { documents: documentIds } });
  });
}
