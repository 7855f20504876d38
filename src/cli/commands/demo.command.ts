import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSnippet } from '../../search/snippet.js';
import { DEFAULT_WEB_ROOT } from '../../server/web-app.js';
import { addUser } from '../../services/accounts.service.js';
import { ingestPaths } from '../../services/ingest.service.js';
import { incidentViews, regroup } from '../../services/incidents.service.js';
import { estimateFromPersons, importPersonList, linkPersons } from '../../services/persons.service.js';
import { searchDocuments } from '../../services/search.service.js';
import { Store } from '../../store/store.js';
import { CliError, type CliIo } from '../cli-io.js';
import { serveCommand } from './serve.command.js';

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEMO_CORPUS = join(PROJECT_ROOT, 'examples', 'corpus');
/** Victim lists written for the project (one per organisation; the list is named by the file's first word). */
export const DEMO_PERSON_LISTS = join(PROJECT_ROOT, 'examples', 'persons');
export const DEMO_STORE = join('.demo', 'chronicle.db');
/** The demo's account (an admin, with a password printed at the end of the demo). */
export const DEMO_USER = 'demo';
const SAMPLE_QUERIES = ['detained Chechnya', 'Титиев', 'Estemirova Grozny', '"rounded up"'];

/**
 * `chronicle demo`: capture the sample corpus into a fresh embedded store, then show what was
 * captured and a few searches. The store is left in place for `chronicle --db .demo/chronicle.db …`.
 */
export async function demoCommand(io: CliIo, options: { db?: string; serve?: boolean; port?: string; host?: string }, stopped?: Promise<void>): Promise<number> {
  if (!existsSync(DEMO_CORPUS)) throw new CliError(`the sample corpus is missing at ${DEMO_CORPUS}`);
  const location = resolve(io.cwd, options.db ?? DEMO_STORE);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${location}${suffix}`, { force: true });
  const store = await Store.open(location);
  let demoLogin: { password: string; failed: boolean };
  try {
    io.stdout(`Capturing the sample corpus (${relative(io.cwd, DEMO_CORPUS) || DEMO_CORPUS}) into a fresh store at ${relative(io.cwd, location)}\n\n`);
    const summary = await ingestPaths(store, [DEMO_CORPUS], {
      onResult: (result) => {
        const name = relative(DEMO_CORPUS, result.origin);
        if (result.status === 'failed') io.stderr(`error: ${name}: ${result.message}\n`);
        else io.stdout(`  ${result.language ?? '??'}  ${name.padEnd(48)} ${result.title ?? ''}\n`);
      },
    });
    const sources = await store.sources.list();
    io.stdout(
      `\n${summary.captured} documents captured (${summary.claims} proposed claims extracted from the English ones) from ${sources.length} sources in ${summary.seconds.toFixed(2)} s` +
        `${summary.failed ? `; ${summary.failed} failed` : ''}. Sources: ${sources.map((source) => source.name).join(', ')}\n`,
    );
    for (const query of SAMPLE_QUERIES) {
      const { results } = await searchDocuments(store, query, 3);
      io.stdout(`\nchronicle search ${query.includes(' ') ? `'${query}'` : query}  →  ${results.length} shown\n`);
      for (const result of results) {
        io.stdout(`  ${result.title ?? result.origin}\n    ${renderSnippet(result.snippet, '«', '»')}\n`);
      }
    }
    const incidents = (await incidentViews(store, await regroup(store))).sort((a, b) => b.documents - a.documents || b.figures.length - a.figures.length);
    io.stdout(`\nchronicle incidents  →  ${incidents.length} incidents; the most reported:\n`);
    for (const incident of incidents.slice(0, 4)) {
      const figures = incident.summary.map((item) => `${item.what} ${item.low}${item.high === item.low ? '' : `–${item.high ?? '…'}`}${item.conflict ? ' (conflict)' : item.differ ? ' (sources differ)' : ''}`).join('; ');
      io.stdout(`  ${incident.title}: ${incident.documents} documents, ${incident.independent_sources} independent sources${figures ? `; ${figures}` : ''}\n`);
    }
    await demoPersons(io, store);
    const db = relative(io.cwd, location);
    io.stdout(`\nTry: npx chronicle --db ${db} list | search QUERY | show ID | claims ID | incidents | incident ID | review queue | persons list | estimate --lists diaspora,memorial,ngo | audit verify\n`);
    // A fresh random password each run: the demo store is rebuilt every time, and a fixed published
    // password would let anyone who can reach the port (say, with --host 0.0.0.0) log in.
    const password = randomBytes(18).toString('base64url');
    await addUser(store, { username: DEMO_USER, role: 'admin', password, actor: 'demo' });
    demoLogin = { password, failed: summary.failed > 0 };
  } finally {
    await store.close();
  }
  const db = relative(io.cwd, location);
  if (options.serve === false) {
    io.stdout(`\nThe workspace: npx chronicle --db ${db} serve, then log in as ${DEMO_USER} with password ${demoLogin.password}\n`);
    return demoLogin.failed ? 1 : 0;
  }
  const built = existsSync(join(DEFAULT_WEB_ROOT, 'index.html'));
  io.stdout(`\nStarting the workspace on the demo store. Log in as ${DEMO_USER} with password ${demoLogin.password}${built ? '' : '\n(the web workspace is not built yet; the JSON API and its docs at /api/docs are served)'}\n`);
  const code = await serveCommand(io, { db: location, ...(options.port !== undefined ? { port: options.port } : {}), ...(options.host !== undefined ? { host: options.host } : {}) }, stopped);
  return demoLogin.failed ? 1 : code;
}

/** Import the sample victim lists, link them into persons, and estimate how many no list caught. */
async function demoPersons(io: CliIo, store: Store): Promise<void> {
  if (!existsSync(DEMO_PERSON_LISTS)) return;
  const files = readdirSync(DEMO_PERSON_LISTS).filter((file) => file.endsWith('.csv')).sort();
  const names: string[] = [];
  for (const file of files) {
    const name = file.replace(/[-.].*$/, '');
    await importPersonList(store, { path: join(DEMO_PERSON_LISTS, file), shownAs: file, source: name, actor: 'demo' });
    names.push(name);
  }
  if (names.length === 0) return;
  const linked = await linkPersons(store, 'demo');
  io.stdout(`\nchronicle persons import examples/persons/*.csv; chronicle persons link  →  ${linked.records} records on ${names.length} lists are ${linked.persons} persons (${linked.onSeveralLists} on two or more lists)\n`);
  if (names.length < 2) return;
  const estimate = await estimateFromPersons(store, { lists: names });
  if (estimate.stratifiedBy !== null) return;
  const { result } = estimate;
  if (!result.ok) {
    io.stdout(`chronicle estimate --lists ${names.join(',')}  →  no estimate: ${result.problems.join('; ')}\n`);
    return;
  }
  const { chosen } = result;
  const [low, high] = chosen.ci95 ?? chosen.ci95Lognormal;
  const upper = Number.isFinite(high) ? high.toFixed(1) : '∞';
  io.stdout(`chronicle estimate --lists ${names.join(',')}  →  ${chosen.observed} persons listed; estimated ${chosen.N.toFixed(1)} in all (se ${chosen.se.toFixed(1)}; 95% interval ${low.toFixed(1)}–${upper}; model ${chosen.model})\n`);
}
