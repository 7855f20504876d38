import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { expect } from 'expect';
import { CAPTURE_VERSION, sha256Hex } from '../src/capture/capture.js';
import { indexText } from '../src/search/analyzer.js';
import { EntityDecisionError, listEntities, mergeEntities, splitMention } from '../src/services/entities.service.js';
import { incidentViews, mergeIncidents, regroup, regroupIncidents, splitIncident } from '../src/services/incidents.service.js';
import type { NewClaim } from '../src/store/claim.repository.js';
import { Store } from '../src/store/store.js';
import { storeTargets } from './store-targets.js';

/*
 * Incidents over hand-made claims (independent of how well extraction does): three outlets report
 * the same killings with different figures, one of them re-reporting another; a second incident
 * happens elsewhere a year later.
 */

interface Report {
  source: string;
  published: string;
  text: string;
  /** [kind, property, value, quote, attribution index] */
  claims: [NewClaim['kind'], string, unknown, string, number | null][];
  attributions?: [string, string][];
}

const REPORTS: Report[] = [
  {
    source: 'Novaya Gazeta',
    published: '2017-04-01',
    text: 'In Argun, security forces detained more than 100 men in March 2017. At least three of them were killed.',
    claims: [
      ['mention', 'place', { canonical: 'Argun' }, 'Argun', null],
      ['date', 'date', { value: '2017-03', precision: 'month', relative: false }, 'March 2017', null],
      ['act', 'detention', { type: 'detention' }, 'detained', null],
      ['figure', 'detained', { category: 'detained', value: 100, max: null, bound: 'more_than' }, 'more than 100 men', null],
      ['figure', 'killed', { category: 'killed', value: 3, max: null, bound: 'at_least' }, 'At least three', null],
    ],
  },
  {
    source: 'The Moscow Times',
    published: '2017-04-03',
    text: 'Men were detained and at least three killed in Chechnya in March 2017, according to Novaya Gazeta.',
    attributions: [['according to Novaya Gazeta', 'Novaya Gazeta']],
    claims: [
      ['mention', 'place', { canonical: 'Chechnya' }, 'Chechnya', null],
      ['date', 'date', { value: '2017-03', precision: 'month', relative: false }, 'March 2017', null],
      ['act', 'detention', { type: 'detention' }, 'detained', 0],
      ['figure', 'killed', { category: 'killed', value: 3, max: null, bound: 'at_least' }, 'at least three', 0],
    ],
  },
  {
    source: 'Human Rights Watch',
    published: '2017-05-26',
    text: 'Police in Chechnya abducted and tortured gay men in March 2017; exactly 2 died in custody.',
    claims: [
      ['mention', 'place', { canonical: 'Chechnya' }, 'Chechnya', null],
      ['date', 'date', { value: '2017-03', precision: 'month', relative: false }, 'March 2017', null],
      ['act', 'torture', { type: 'torture' }, 'tortured', null],
      ['figure', 'killed', { category: 'killed', value: 2, max: null, bound: 'exact' }, 'exactly 2', null],
    ],
  },
  {
    source: 'Caucasian Knot',
    published: '2018-01-18',
    text: 'The office of Memorial in Nazran was set on fire on 17 January 2018.',
    claims: [
      ['mention', 'place', { canonical: 'Nazran' }, 'Nazran', null],
      ['date', 'date', { value: '2018-01-17', precision: 'day', relative: false }, '17 January 2018', null],
      ['act', 'attack_on_property', { type: 'attack_on_property' }, 'set on fire', null],
    ],
  },
];

async function capture(store: Store, report: Report): Promise<string> {
  const bytes = new TextEncoder().encode(`${report.source}\n${report.text}`);
  const sourceId = await store.sources.ensure(report.source, 'news_outlet');
  const outcome = await store.transaction((session) =>
    session.documents.insert({
      sha256: sha256Hex(bytes), bytes, origin: `${report.source}.txt`, sourceId, mediaType: 'text/plain', publishedAt: report.published, title: null, author: null, canonicalUrl: null, language: 'en',
      text: report.text, warnings: [], captureVersion: CAPTURE_VERSION, index: { titleTerms: '', bodyTerms: indexText(report.text) },
    }),
  );
  if (outcome.status !== 'captured') throw new Error('not captured');
  const at = (quote: string) => {
    const start = report.text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in the text`);
    return { start, end: start + quote.length, quote };
  };
  await store.transaction((session) =>
    session.claims.replaceProposed(outcome.document.id, {
      producedBy: 'test@1',
      attributions: (report.attributions ?? []).map(([quote, source], key) => ({ key, ...at(quote), attributedTo: source, via: [] })),
      claims: report.claims.map(([kind, property, value, quote, attributionKey]) => ({ kind, property, value, ...at(quote), attributionKey })),
    }),
  );
  return outcome.document.id;
}

for (const target of storeTargets()) {
  describe(`incidents on ${target.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await Store.open(await target.create());
    });
    afterEach(() => store.close());
    after(() => target.cleanup());

    it('groups reports of one incident, shows every figure with its source, the conflict and the independent sources', async () => {
      const ids: string[] = [];
      for (const report of REPORTS) ids.push(await capture(store, report));
      const views = await incidentViews(store, await regroup(store));
      expect(views).toHaveLength(2);
      const purge = views.find((view) => view.places.includes('Argun') || view.places.includes('Chechnya'))!;
      expect(purge.documents).toBe(3);
      expect(purge.figures.filter((figure) => figure.what === 'killed').map((figure) => `${figure.bound} ${figure.value} ${figure.document.source}`).sort()).toEqual([
        'at_least 3 Novaya Gazeta', 'at_least 3 The Moscow Times', 'exact 2 Human Rights Watch',
      ]);
      const killed = purge.summary.find((summary) => summary.what === 'killed')!;
      // "exactly 2" and "at least 3" cannot both be true; The Moscow Times re-reports Novaya Gazeta.
      expect(killed).toMatchObject({ low: 2, high: null, differ: true, conflict: true, independentSources: 2 });
      expect(purge.independent_sources).toBe(2);
      expect(purge.start).toBe('2017-03-01');
      const arson = views.find((view) => view.places.includes('Nazran'))!;
      expect(arson).toMatchObject({ types: ['attack_on_property'], start: '2018-01-17', documents: 1 });
    });

    it('keeps incident ids across runs and obeys merges and splits across re-runs', async () => {
      const ids: string[] = [];
      for (const report of REPORTS) ids.push(await capture(store, report));
      const first = await regroupIncidents(store);
      const again = await regroupIncidents(store);
      expect(again.map((incident) => incident.id).sort()).toEqual(first.map((incident) => incident.id).sort());
      const purge = first.find((incident) => incident.members.length > 3)!;
      const arson = first.find((incident) => incident !== purge)!;

      await splitIncident(store, purge.id, [ids[2]!], 'anna');
      const split = await regroupIncidents(store);
      expect(split).toHaveLength(3);
      // The bigger part keeps its id.
      expect(split.find((incident) => incident.id === purge.id)!.members.every((member) => member.documentId !== ids[2])).toBe(true);
      expect((await regroupIncidents(store)).length).toBe(3);

      await mergeIncidents(store, purge.id, arson.id, 'anna');
      const merged = await regroupIncidents(store);
      expect(merged).toHaveLength(2);
      expect(merged.find((incident) => incident.id === purge.id)!.members.some((member) => member.documentId === ids[3])).toBe(true);
      expect((await store.audit.list({ limit: 10 })).map((entry) => entry.action)).toEqual(['incident.split', 'incident.merge']);
    });

    it('lists entities across documents and obeys merges and mention splits, with an audit trail', async () => {
      await capture(store, { source: 'Outlet A', published: '2022-01-21', text: 'Zarema Musayeva was abducted in Nizhny Novgorod.', claims: [['mention', 'person', { canonical: 'Zarema Musayeva' }, 'Zarema Musayeva', null], ['act', 'abduction', { type: 'abduction' }, 'abducted', null]] });
      await capture(store, { source: 'Outlet B', published: '2022-01-22', text: 'Zarema Musaeva was taken to Grozny, Kadyrov said.', claims: [['mention', 'person', { canonical: 'Zarema Musaeva' }, 'Zarema Musaeva', null], ['mention', 'person', { canonical: 'Ramzan Kadyrov' }, 'Kadyrov', null]] });
      expect((await listEntities(store, 'person')).map((entity) => entity.name).sort()).toEqual(['Ramzan Kadyrov', 'Zarema Musaeva', 'Zarema Musayeva']);
      await mergeEntities(store, 'person', 'Zarema Musayeva', 'Zarema Musaeva', 'anna');
      const merged = (await listEntities(store, 'person')).find((entity) => entity.name === 'Zarema Musayeva')!;
      expect(merged).toMatchObject({ aliases: ['Zarema Musaeva'], documents: 2 });
      await expect(mergeEntities(store, 'person', 'Nobody Known', 'Zarema Musaeva', 'anna')).rejects.toThrow(EntityDecisionError);

      const kadyrov = (await store.claims.forDocument((await store.documents.list({ limit: 10 })).documents[1]!.id)).find((claim) => claim.span.quote === 'Kadyrov')!;
      await splitMention(store, kadyrov.id, 'Adam Kadyrov', 'anna');
      expect((await listEntities(store, 'person')).map((entity) => entity.name).sort()).toEqual(['Adam Kadyrov', 'Zarema Musayeva']);
      expect((await store.audit.list({ limit: 10 })).map((entry) => entry.action)).toEqual(['entity.merge', 'entity.split']);
    });

    it('leaves out rejected claims and the claims of deleted documents', async () => {
      const ids: string[] = [];
      for (const report of REPORTS) ids.push(await capture(store, report));
      const hrw = (await store.claims.forDocument(ids[2]!)).find((claim) => claim.kind === 'figure')!;
      await store.claims.review(hrw.id, { status: 'rejected', expectedVersion: 1, reviewer: 'anna' });
      await store.transaction(async (session) => {
        await session.documents.markDeleted(ids[3]!, new Date().toISOString());
        await session.claims.orphanForDocument(ids[3]!, new Date().toISOString());
      });
      const views = await incidentViews(store, await regroup(store));
      expect(views).toHaveLength(1);
      expect(views[0]!.summary.find((summary) => summary.what === 'killed')).toMatchObject({ conflict: false, low: 3 });
    });
  });
}
