import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from '../src/server/app.js';
import { addUser } from '../src/services/accounts.service.js';
import { regroupIncidents } from '../src/services/incidents.service.js';
import { ingestPaths } from '../src/services/ingest.service.js';
import { reextractDocuments } from '../src/services/reextract.service.js';
import { hashPassword, PASSWORD_COST, verifyPassword } from '../src/services/password.js';
import { Store } from '../src/store/store.js';
import { benchStoreLocation } from './bench-store.js';
import { benchmarkQueries } from './capture.bench.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';
import { generateVictimLists } from './victim-lists.js';

/*
 * `npm run bench -- api [--docs 10000] [--engines sqlite,postgres] [--keep]`: capture a synthetic
 * corpus (with extraction) into a fresh store, group incidents, start the real server on loopback
 * and time its endpoints over HTTP as the SPA calls them (logged in, cookie sent): document pages
 * with and without filters, search, the incident list and incident pages. Also times Argon2id
 * hashing and checking at the cost accounts use.
 *
 * `--persons N` also times the persons routes on a store of their own (no documents): the generated
 * victim lists of about N records (bench/victim-lists.ts, seed 7) uploaded through
 * POST /api/person-lists, linked through POST /api/persons/link, then pages of GET /api/persons and
 * GET /api/estimates pooled and by sex. `--docs 0` skips the documents part.
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORK = join(ROOT, 'bench', '.work');

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;

function argument(args: string[], name: string, fallback: string): string {
  const index = args.indexOf(`--${name}`);
  return index >= 0 && args[index + 1] ? (args[index + 1] as string) : fallback;
}

interface Latency {
  requests: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
}

function summarize(samples: number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return { requests: sorted.length, p50Ms: round(percentile(sorted, 50)), p95Ms: round(percentile(sorted, 95)), maxMs: round(sorted[sorted.length - 1] as number) };
}

/** Time GET requests over HTTP; every answer must be 200. */
async function timeRequests(base: string, cookie: string, urls: readonly string[], rounds: number): Promise<Latency> {
  const get = async (url: string) => {
    const response = await fetch(`${base}${url}`, { headers: { cookie } });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status} ${Buffer.from(body).toString('utf8').slice(0, 300)}`);
  };
  for (const url of urls) await get(url); // warm caches and JIT
  const samples: number[] = [];
  for (let index = 0; index < rounds; index++) {
    for (const url of urls) {
      const started = performance.now();
      await get(url);
      samples.push(performance.now() - started);
    }
  }
  return summarize(samples);
}

async function argon2Timing(): Promise<{ opsLimit: number; memLimitMiB: number; hashMs: number; verifyMs: number; runs: number }> {
  const hashes: number[] = [];
  const verifies: number[] = [];
  for (let run = 0; run < 7; run++) {
    let started = performance.now();
    const hash = await hashPassword(`benchmark password ${run}`);
    hashes.push(performance.now() - started);
    started = performance.now();
    if (!(await verifyPassword(hash, `benchmark password ${run}`))) throw new Error('verify failed');
    verifies.push(performance.now() - started);
  }
  const median = (values: number[]) => round([...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number, 1);
  return { opsLimit: PASSWORD_COST.opsLimit, memLimitMiB: PASSWORD_COST.memLimit / 1024 / 1024, hashMs: median(hashes), verifyMs: median(verifies), runs: hashes.length };
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The persons routes on `engine` with the generated lists of about `size` records, through HTTP as the SPA calls them. */
async function personsApi(engine: string, size: number, pgUrl: string) {
  const location = await benchStoreLocation({ engine, work: WORK, name: `api-bench-persons_${size}`, pgUrl, keep: false });
  const store = await Store.open(location);
  const app = await buildServer({ store, logLevel: 'silent', webRoot: null });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const password = 'benchmark account password';
    await addUser(store, { username: 'bench', role: 'analyst', password, actor: 'bench' });
    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) });
    if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const change = async (url: string, body?: unknown) => {
      const response = await fetch(`${base}${url}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      const answer = (await response.json()) as Record<string, unknown>;
      if (response.status >= 300) throw new Error(`POST ${url}: ${response.status} ${JSON.stringify(answer)}`);
      return answer;
    };
    const lists = generateVictimLists({ records: size, seed: 7 });
    let started = performance.now();
    for (const list of lists) {
      const csv = `${[list.header, ...list.rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
      await change('/api/person-lists', { source: list.name.replace(/\.csv$/, ''), fileName: list.name, content: Buffer.from(csv).toString('base64') });
    }
    const uploadSeconds = round((performance.now() - started) / 1000, 2);
    started = performance.now();
    const linked = (await change('/api/persons/link')) as { records: number; persons: number };
    const linkSeconds = round((performance.now() - started) / 1000, 2);
    console.error(`${engine}: uploaded ${linked.records} records in ${uploadSeconds} s, linked into ${linked.persons} persons in ${linkSeconds} s`);
    const names = lists.map((list) => list.name.replace(/\.csv$/, '')).join(',');
    const pages = [0, 50, 1000, 4000].map((offset) => `/api/persons?limit=50&offset=${offset}`);
    return {
      engine,
      records: linked.records,
      persons: linked.persons,
      uploadSeconds,
      linkSeconds,
      personPages: await timeRequests(base, cookie, [...pages, `/api/persons?limit=50&list=${lists[0]!.name.replace(/\.csv$/, '')}`], 10),
      estimate: await timeRequests(base, cookie, [`/api/estimates?lists=${names}`], 20),
      estimateBySex: await timeRequests(base, cookie, [`/api/estimates?lists=${names}&strata=sex`], 10),
    };
  } finally {
    await app.close();
    await store.close();
  }
}

export async function apiBenchmark(args: string[]): Promise<void> {
  const documents = Number(argument(args, 'docs', '10000'));
  const engines = argument(args, 'engines', 'sqlite').split(',');
  const pgUrl = argument(args, 'pg', process.env.CHRONICLE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
  const keep = args.includes('--keep');
  const extractEvery = Number(argument(args, 'extract-every', '20'));
  mkdirSync(WORK, { recursive: true });
  const personsSize = Number(argument(args, 'persons', '0'));
  if (personsSize > 0) {
    const persons = [];
    for (const engine of engines) persons.push(await personsApi(engine, personsSize, pgUrl));
    const output = { records: personsSize, cpus: cpus().length, node: process.version, results: persons };
    writeFileSync(join(ROOT, 'bench', 'results', `api-persons-${personsSize}.json`), `${JSON.stringify(output, null, 2)}\n`);
    console.log(JSON.stringify(output, null, 2));
  }
  if (documents === 0) return;
  // The capture benchmark's corpus generator, same seed: the same documents as `bench -- capture --docs N`.
  const corpusFolder = join(WORK, `corpus-${documents}`);
  const marker = join(corpusFolder, 'corpus.json');
  if (!existsSync(marker)) {
    rmSync(corpusFolder, { recursive: true, force: true });
    const corpus = writeSyntheticCorpus({ folder: corpusFolder, documents });
    writeFileSync(marker, JSON.stringify(corpus));
  }
  const argon2 = await argon2Timing();
  console.error(`Argon2id t=${argon2.opsLimit} m=${argon2.memLimitMiB} MiB: hash ${argon2.hashMs} ms, verify ${argon2.verifyMs} ms (median of ${argon2.runs})`);
  const results: unknown[] = [];
  for (const engine of engines) {
    const location = await benchStoreLocation({ engine, work: WORK, name: `api-bench-${documents}`, pgUrl, keep });
    const store = await Store.open(location);
    try {
      let ingestSeconds = 0;
      if (!keep || (await store.documents.count()) === 0) {
        const started = performance.now();
        const summary = await ingestPaths(store, [corpusFolder], { threads: Math.max(1, Math.min(2, cpus().length)), actor: 'bench', extract: false });
        // The synthetic text is dense with act and figure words (about 75 claims per document), and
        // grouping cost grows faster than linearly: claims are extracted from one document in
        // `extractEvery`, which still gives tens of thousands of claims and hundreds of incidents.
        const sample: string[] = [];
        let index = 0;
        for await (const document of store.documents.live()) if (index++ % extractEvery === 0) sample.push(document.id);
        const claims = (await reextractDocuments(store, sample)).reduce((sum, result) => sum + result.proposed, 0);
        ingestSeconds = round((performance.now() - started) / 1000, 1);
        console.error(`${engine}: captured ${summary.captured} documents, extracted ${claims} proposed claims from ${sample.length} of them, in ${ingestSeconds} s`);
      }
      let started = performance.now();
      const incidents = await regroupIncidents(store);
      const regroupSeconds = round((performance.now() - started) / 1000, 1);
      console.error(`${engine}: grouped ${incidents.length} incidents in ${regroupSeconds} s`);
      const app = await buildServer({ store, logLevel: 'silent', webRoot: null });
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        const password = 'benchmark account password';
        if (!(await store.users.get('bench'))) await addUser(store, { username: 'bench', role: 'analyst', password, actor: 'bench' });
        const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) });
        if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        // The first incident request computes every view (then cached until the store changes).
        started = performance.now();
        const first = await fetch(`${base}/api/incidents`, { headers: { cookie } });
        const list = (await first.json()) as { incidents: { id: string }[] };
        const coldIncidentsMs = round(performance.now() - started, 0);
        // Document pages: the first page, pages deep in the list, and filtered pages.
        const cursors: string[] = [];
        let cursor: string | null = null;
        for (let page = 0; page < 20; page++) {
          const response: Response = await fetch(`${base}/api/documents?limit=50${cursor ? `&cursor=${cursor}` : ''}`, { headers: { cookie } });
          cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
          if (!cursor) break;
          cursors.push(cursor);
        }
        const sources = ((await (await fetch(`${base}/api/sources`, { headers: { cookie } })).json()) as { sources: { id: string }[] }).sources;
        const listUrls = [
          '/api/documents?limit=50',
          ...cursors.map((at) => `/api/documents?limit=50&cursor=${at}`),
          '/api/documents?limit=50&language=ru',
          '/api/documents?limit=50&language=en&from=2015-01-01&to=2016-12-31',
          ...sources.slice(0, 10).map((source) => `/api/documents?limit=50&source=${source.id}`),
        ];
        const searchUrls = benchmarkQueries().map((query) => `/api/search?limit=20&q=${encodeURIComponent(query)}`);
        const incidentUrls = list.incidents.slice(0, 50).map((incident) => `/api/incidents/${incident.id}`);
        const revisionSamples: number[] = [];
        for (let run = 0; run < 50; run++) {
          const at = performance.now();
          await store.revision.current();
          revisionSamples.push(performance.now() - at);
        }
        const result = {
          engine,
          documents: await store.documents.count(),
          claims: Object.values(await store.claims.countByStatus()).reduce((sum, count) => sum + count, 0),
          revisionCheck: summarize(revisionSamples),
          incidents: list.incidents.length,
          ingestSeconds,
          regroupSeconds,
          coldIncidentsMs,
          list: await timeRequests(base, cookie, listUrls, 5),
          search: await timeRequests(base, cookie, searchUrls, 3),
          incidentList: await timeRequests(base, cookie, ['/api/incidents'], 100),
          incidentDetail: await timeRequests(base, cookie, incidentUrls, 5),
          overview: await timeRequests(base, cookie, ['/api/overview'], 50),
        };
        console.error(JSON.stringify(result));
        results.push(result);
      } finally {
        await app.close();
      }
    } finally {
      await store.close();
    }
  }
  const output = { documents, cpus: cpus().length, node: process.version, argon2, results };
  writeFileSync(join(ROOT, 'bench', 'results', `api-${documents}.json`), `${JSON.stringify(output, null, 2)}\n`);
  console.log(JSON.stringify(output, null, 2));
}
