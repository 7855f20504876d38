import { after, before, describe, it } from 'node:test';
import { expect } from 'expect';
import { apiWorld, headersOf, type ApiWorld } from '../../../test/api-fixture.js';
import { storeTargets } from '../../../test/store-targets.js';
import { reviewClaim } from '../../services/review.service.js';
import { REVISION_CHECK_MS } from '../../services/workspace-views.service.js';

interface Statement {
  claim: string;
  value: number;
  bound: string;
  quote: string;
  start: number;
  end: number;
  document: { id: string; title: string | null };
}

for (const target of storeTargets()) {
  describe(`incidents, entities and overview API (${target.name})`, () => {
    let world: ApiWorld;
    before(async () => {
      world = await apiWorld(target);
    });
    after(async () => {
      await world.close();
      await target.cleanup();
    });
    const get = (url: string) => world.app.inject({ method: 'GET', url, headers: headersOf(world.as.viewer, false) });

    it('lists incidents with their figure ranges and independent sources', async () => {
      const response = await get('/api/incidents');
      expect(response.statusCode).toBe(200);
      const { incidents } = response.json();
      expect(incidents.length).toBeGreaterThan(3);
      const reported = incidents.filter((incident: { documents: number }) => incident.documents > 1);
      expect(reported.length).toBeGreaterThan(0);
      for (const incident of incidents) expect(incident.id).toMatch(/^inc_/);
    });

    it('shows an incident: each source quoted side by side per figure, conflicts marked, acts in date order', async () => {
      const { incidents } = (await get('/api/incidents')).json();
      const withFigures = incidents.filter((incident: { figures: unknown[] }) => incident.figures.length > 0);
      expect(withFigures.length).toBeGreaterThan(0);
      let statements = 0;
      for (const summary of withFigures) {
        const response = await get(`/api/incidents/${summary.id}`);
        expect(response.statusCode).toBe(200);
        const incident = response.json();
        expect(incident.figures.map((figure: { what: string }) => figure.what)).toEqual(summary.figures.map((figure: { what: string }) => figure.what));
        for (const figure of incident.figures) {
          expect(figure.statements.length).toBeGreaterThan(0);
          for (const statement of figure.statements as Statement[]) {
            const document = (await get(`/api/documents/${statement.document.id}`)).json().document;
            expect(document.text.slice(statement.start, statement.end)).toBe(statement.quote);
            expect(statement.document.title).toBe(document.title);
            expect(statement.value).toBeGreaterThanOrEqual(figure.low);
            statements++;
          }
          if (new Set(figure.statements.map((statement: Statement) => `${statement.value}:${statement.bound}`)).size === 1) expect(figure.conflict).toBe(false);
        }
        const dates = incident.timeline.map((act: { date: string | null }) => act.date).filter(Boolean);
        expect(dates).toEqual([...dates].sort());
      }
      expect(statements).toBeGreaterThan(3);
      expect(withFigures.some((incident: { figures: { differ: boolean }[] }) => incident.figures.some((figure) => figure.differ))).toBe(true);
    });

    it('answers an unknown incident with 404', async () => {
      const response = await get('/api/incidents/inc_01JZZZZZZZZZZZZZZZZZZZZZZZ');
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toMatch(/no incident has id/);
    });

    it('regroups on an analyst\'s request, and the views follow a review', async () => {
      const before = (await get('/api/incidents')).json().incidents.length;
      const regroup = await world.app.inject({ method: 'POST', url: '/api/incidents/regroup', headers: headersOf(world.as.analyst) });
      expect(regroup.statusCode).toBe(200);
      expect(regroup.json().incidents).toBe(before);
      const { incidents } = (await get('/api/incidents')).json();
      const detail = (await get(`/api/incidents/${incidents.find((incident: { figures: unknown[] }) => incident.figures.length > 0).id}`)).json();
      const statement = detail.figures[0].statements[0] as Statement;
      const claim = (await world.store.claims.get(statement.claim))!;
      const reject = await world.app.inject({ method: 'POST', url: `/api/claims/${claim.id}/reject`, headers: headersOf(world.as.analyst), payload: { version: claim.version } });
      expect(reject.statusCode).toBe(200);
      const after = (await get(`/api/incidents/${detail.id}`)).json();
      const claims = (after.figures ?? []).flatMap((figure: { statements: Statement[] }) => figure.statements.map((item) => item.claim));
      expect(claims).not.toContain(claim.id);
    });

    it('notices a change another process made to the store within a second', async () => {
      const { incidents } = (await get('/api/incidents')).json();
      const detail = (await get(`/api/incidents/${incidents.find((incident: { figures: unknown[] }) => incident.figures.length > 0).id}`)).json();
      const statement = detail.figures[0].statements[0] as Statement;
      const claim = (await world.store.claims.get(statement.claim))!;
      // As `chronicle review accept` would, from outside the server.
      await reviewClaim(world.store, { action: 'accept', claimId: claim.id, expectedVersion: claim.version, reviewer: 'someone-at-the-cli' });
      await new Promise((resolve) => setTimeout(resolve, REVISION_CHECK_MS + 50));
      const after = (await get(`/api/incidents/${detail.id}`)).json();
      const seen = after.figures.flatMap((figure: { statements: (Statement & { status: string })[] }) => figure.statements).find((item: Statement) => item.claim === claim.id);
      expect(seen.status).toBe('accepted');
    });

    it('lists entities by kind and name, and shows one with every mention', async () => {
      const response = await get('/api/entities?kind=person&limit=10');
      expect(response.statusCode).toBe(200);
      const { entities, total } = response.json();
      expect(entities.length).toBeGreaterThan(0);
      expect(total).toBeGreaterThanOrEqual(entities.length);
      for (const entity of entities) expect(entity.kind).toBe('person');
      const found = (await get('/api/entities?q=estemirov')).json().entities;
      expect(found.length).toBeGreaterThan(0);
      const entity = found[0];
      const detail = await get(`/api/entities/${entity.kind}/${encodeURIComponent(entity.name)}`);
      expect(detail.statusCode).toBe(200);
      const body = detail.json();
      expect(body.mentionList).toHaveLength(entity.mentions);
      for (const mention of body.mentionList.slice(0, 5)) {
        const document = (await get(`/api/documents/${mention.document.id}`)).json().document;
        expect(document.text.slice(mention.start, mention.end)).toBe(mention.quote);
      }
      for (const alias of body.aliases) expect((await get(`/api/entities/${entity.kind}/${encodeURIComponent(alias)}`)).json().name).toBe(body.name);
      expect((await get('/api/entities/person/Nobody%20Anywhere')).statusCode).toBe(404);
      expect((await get('/api/entities/planet/Mars')).statusCode).toBe(400);
    });

    it('gives the overview: counts, acts per month by type, figures by incident, a time line', async () => {
      const response = await get('/api/overview');
      expect(response.statusCode).toBe(200);
      const overview = response.json();
      expect(overview.counts.documents).toBe(await world.store.documents.count());
      expect(overview.counts.incidents).toBe((await get('/api/incidents')).json().incidents.length);
      expect(overview.actsByMonth.length).toBeGreaterThan(0);
      for (const row of overview.actsByMonth) expect(row.month).toMatch(/^\d{4}-\d{2}$/);
      const starts = overview.timeline.map((item: { start: string }) => item.start);
      expect(starts).toEqual([...starts].sort());
      expect(overview.figuresByIncident.length).toBeGreaterThan(0);
    });
  });
}
