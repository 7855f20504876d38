import { nameKey, type EntityView } from '../resolve/entities/entity-index.js';
import type { DocumentCitation } from '../store/document.repository.js';
import type { Store } from '../store/store.js';
import { listEntities } from './entities.service.js';
import { incidentViews, regroupIncidents, type IncidentView } from './incidents.service.js';
import { listPersons, type PersonListing } from './persons.service.js';

/**
 * Incidents and entities are computed from every live claim, which takes seconds on a large store.
 * The workspace keeps the last result per store and recomputes only when the store changed: at
 * once when this process changed it (noteStoreChanged), and within REVISION_CHECK_MS when another
 * process did (the CLI, another server), found by the store's revision
 * (src/store/revision.repository.ts). Reading a view is then a look-up.
 */
interface CachedViews {
  revision: string;
  checkedAt: number;
  incidents?: Promise<IncidentIndex>;
  entities?: Promise<EntityView[]>;
  overview?: Promise<OverviewFigures>;
  /** Linked persons, all ('') or of one list (its name). Only names of existing lists stay: a failed listing is dropped. */
  persons?: Map<string, Promise<PersonListing>>;
}

/** How stale a view may be after another process changed the store. */
export const REVISION_CHECK_MS = 1000;

export interface IncidentIndex {
  incidents: IncidentView[];
  byId: Map<string, IncidentView>;
}

const cache = new WeakMap<Store, CachedViews>();

async function current(store: Store): Promise<CachedViews> {
  const now = Date.now();
  let views = cache.get(store);
  if (views && now - views.checkedAt < REVISION_CHECK_MS) return views;
  const revision = await store.revision.current();
  views = cache.get(store);
  if (!views || views.revision !== revision) {
    views = { revision, checkedAt: now };
    cache.set(store, views);
  } else views.checkedAt = now;
  return views;
}

/** This process changed the store (a review, a regroup): the next read recomputes. */
export function noteStoreChanged(store: Store): void {
  cache.delete(store);
}

/** Drop the cached entry if the computation failed, so the next request tries again. */
function remember<T>(views: CachedViews, key: 'incidents' | 'entities' | 'overview', work: Promise<T>): Promise<T> {
  work.catch(() => {
    if (views[key] === (work as unknown)) delete views[key];
  });
  return work;
}

/** Every incident as analysts read it (stored grouping; see regroupForWorkspace), newest revision. */
export async function workspaceIncidents(store: Store): Promise<IncidentIndex> {
  const views = await current(store);
  views.incidents ??= remember(
    views,
    'incidents',
    incidentViews(store).then((incidents) => ({ incidents, byId: new Map(incidents.map((incident) => [incident.id, incident])) })),
  );
  return views.incidents;
}

/** Every entity across documents, most documented first. */
export async function workspaceEntities(store: Store): Promise<EntityView[]> {
  const views = await current(store);
  views.entities ??= remember(views, 'entities', listEntities(store));
  return views.entities;
}

/** One entity by kind and name (or one of its aliases), or null. */
export async function workspaceEntity(store: Store, kind: string, name: string): Promise<{ entity: EntityView; documents: Map<string, DocumentCitation> } | null> {
  const key = nameKey(name);
  const entity = (await workspaceEntities(store)).find((candidate) => candidate.kind === kind && (nameKey(candidate.name) === key || candidate.aliases.some((alias) => nameKey(alias) === key)));
  if (!entity) return null;
  return { entity, documents: await store.documents.refs(entity.mentions.map((mention) => mention.documentId)) };
}

/**
 * Linked persons as listPersons gives them (all, or those on one list), kept until the store
 * changes: every change to lists, records, clusters or decisions is audited, which changes the
 * revision. Pages are then slices of one listing instead of a read of every record each.
 */
export async function workspacePersons(store: Store, list?: string): Promise<PersonListing> {
  const views = await current(store);
  const listings = (views.persons ??= new Map());
  const key = list ?? '';
  let listing = listings.get(key);
  if (!listing) {
    const work = listPersons(store, list !== undefined ? { list } : {});
    listings.set(key, work);
    work.catch(() => {
      if (listings.get(key) === work) listings.delete(key);
    });
    listing = work;
  }
  return listing;
}

/** Regroup every live act and figure into incidents now; returns how many there are. */
export async function regroupForWorkspace(store: Store): Promise<number> {
  const incidents = await regroupIncidents(store);
  cache.delete(store);
  return incidents.length;
}

export interface OverviewFigures {
  counts: { documents: number; sources: number; incidents: number; claims: Record<'proposed' | 'accepted' | 'edited' | 'rejected', number> };
  actsByMonth: { month: string; type: string; count: number }[];
  incidents: IncidentView[];
}

/** Counts across the store and the incidents the overview charts are drawn from. */
export async function workspaceOverview(store: Store): Promise<OverviewFigures> {
  const views = await current(store);
  views.overview ??= remember(views, 'overview', computeOverview(store));
  return views.overview;
}

async function computeOverview(store: Store): Promise<OverviewFigures> {
  const [{ incidents }, documents, sources, claims] = await Promise.all([workspaceIncidents(store), store.documents.count(), store.sources.list(), store.claims.countByStatus()]);
  const perMonth = new Map<string, number>();
  for (const incident of incidents) {
    for (const act of incident.acts) {
      const when = act.date ?? act.document.publishedAt;
      if (!when) continue;
      const key = `${when.slice(0, 7)}\u0000${act.type}`;
      perMonth.set(key, (perMonth.get(key) ?? 0) + 1);
    }
  }
  const actsByMonth = [...perMonth]
    .map(([key, count]) => {
      const [month, type] = key.split('\u0000') as [string, string];
      return { month, type, count };
    })
    .sort((a, b) => a.month.localeCompare(b.month) || a.type.localeCompare(b.type));
  return { counts: { documents, sources: sources.length, incidents: incidents.length, claims }, actsByMonth, incidents };
}
