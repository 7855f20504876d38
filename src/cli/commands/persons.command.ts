import { resolve } from 'node:path';
import type { PartialDateValue } from '../../model/person.js';
import { PersonImportError } from '../../services/person-list-file.js';
import { confirmSamePerson, extractPersons, importPersonList, linkPersons, listPersons, PersonsError, recordName, showPerson, splitRecord } from '../../services/persons.service.js';
import { actorOf } from '../actor.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

interface StoreOptions {
  db?: string;
  json?: boolean;
}

/** Service refusals reach a person as one line. */
async function refusalsAsCliErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PersonsError || error instanceof PersonImportError) throw new CliError(error.message);
    throw error;
  }
}

const dateText = (date: PartialDateValue | null) => (date === null ? '' : `${date.year}${date.month === null ? '' : `-${String(date.month).padStart(2, '0')}`}${date.day === null ? '' : `-${String(date.day).padStart(2, '0')}`}`);

/** `chronicle persons import FILE --source NAME`: one list file into the store. */
export async function personsImportCommand(io: CliIo, file: string, options: StoreOptions & { source: string; map?: string[]; id?: string; as?: string }): Promise<number> {
  return withStore(io, options.db, (store) =>
    refusalsAsCliErrors(async () => {
      const outcome = await importPersonList(store, { path: resolve(io.cwd, file), shownAs: file, source: options.source, ...(options.map?.length ? { map: options.map } : {}), ...(options.id !== undefined ? { id: options.id } : {}), actor: actorOf(io, options.as) });
      if (options.json) printJson(io, outcome.status === 'imported' ? { status: outcome.status, list: outcome.list, encoding: outcome.encoding } : { status: outcome.status, list: outcome.list });
      else if (outcome.status === 'already_imported') io.stdout(`${file}: already imported as list "${outcome.list.name}" (${outcome.list.records} records); nothing changed\n`);
      else {
        if (outcome.encoding !== 'utf-8') io.stderr(`${file}: warning: not UTF-8; decoded as ${outcome.encoding}\n`);
        io.stdout(`${file}: imported ${outcome.list.records} records as list "${outcome.list.name}" (${outcome.list.id}); chronicle persons link links them\n`);
      }
      return 0;
    }),
  );
}

/** `chronicle persons extract`: persons named in documents become records of the "documents" list. */
export async function personsExtractCommand(io: CliIo, options: StoreOptions & { as?: string }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const outcome = await refusalsAsCliErrors(() => extractPersons(store, actorOf(io, options.as)));
    if (options.json) printJson(io, outcome);
    else io.stdout(`${outcome.records} persons named in ${outcome.documents} documents: ${outcome.added} new, ${outcome.updated} kept, ${outcome.removed} removed (list "documents")\n`);
    return 0;
  });
}

/** `chronicle persons link`: link every stored record into persons and apply analysts' decisions. */
export async function personsLinkCommand(io: CliIo, options: StoreOptions & { as?: string }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const summary = await refusalsAsCliErrors(() => linkPersons(store, actorOf(io, options.as)));
    if (options.json) {
      printJson(io, { ...summary, seconds: Math.round(summary.seconds * 100) / 100 });
      return 0;
    }
    const lines = [
      `linked ${summary.records.toLocaleString('en-US')} records into ${summary.persons.toLocaleString('en-US')} persons (${summary.onSeveralLists.toLocaleString('en-US')} on two or more lists) in ${summary.seconds.toFixed(1)} s; ${summary.decisionsApplied} analyst decisions applied`,
      ...summary.lists.map((list) => `  ${list.name.padEnd(24)} ${String(list.records).padStart(8)} records ${String(list.persons).padStart(8)} persons`),
    ];
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  });
}

/** `chronicle persons list [--list NAME]`. */
export async function personsListCommand(io: CliIo, options: StoreOptions & { list?: string; limit?: string }): Promise<number> {
  const limit = options.limit === undefined ? Infinity : Number(options.limit);
  if (options.limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new CliError('--limit must be a whole number above 0', 2);
  return withStore(io, options.db, async (store) => {
    const listing = await refusalsAsCliErrors(() => listPersons(store, options.list !== undefined ? { list: options.list } : {}));
    if (listing.unlinked > 0) io.stderr(`warning: ${listing.unlinked} records are not linked yet: run chronicle persons link\n`);
    const persons = listing.persons.slice(0, limit);
    if (options.json) printJson(io, { persons, total: listing.persons.length, unlinked: listing.unlinked });
    else if (listing.persons.length === 0) io.stdout(listing.lists.length === 0 ? 'no person lists yet: chronicle persons import FILE.csv --source NAME\n' : 'no persons yet: chronicle persons link\n');
    else {
      for (const person of persons) {
        const born = person.birthYears.length ? ` b. ${person.birthYears.join('/')}` : '';
        io.stdout(`${person.id}  ${person.name}${born}  [${person.lists.join(', ')}]${person.spellings.length ? `  also: ${person.spellings.join('; ')}` : ''}\n`);
      }
      if (persons.length < listing.persons.length) io.stdout(`… and ${listing.persons.length - persons.length} more\n`);
    }
    return 0;
  });
}

/** `chronicle persons show ID`: a person with every record, list and spelling. */
export async function personsShowCommand(io: CliIo, id: string, options: StoreOptions): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const person = await refusalsAsCliErrors(() => showPerson(store, id));
    if (options.json) {
      printJson(io, person);
      return 0;
    }
    const lines = [`${person.id}  ${person.name}`, `lists: ${person.lists.join(', ')}  (${person.records} records)`];
    if (person.spellings.length) lines.push(`spellings: ${person.spellings.join('; ')}`);
    lines.push('');
    for (const entry of person.entries) {
      const where = entry.origin ? `document ${entry.origin.documentId} at ${entry.origin.start}:${entry.origin.end} "${entry.origin.quote}"` : `row ${entry.row}${entry.externalId ? `, id ${entry.externalId}` : ''}`;
      const facts = [entry.sex && `sex ${entry.sex}`, entry.birthDate && `born ${dateText(entry.birthDate)}`, entry.place && `place ${entry.place}`, (entry.violationKind || entry.violationDate) && `${entry.violationKind ?? 'violation'} ${dateText(entry.violationDate)}`.trim()].filter(Boolean);
      lines.push(`${entry.id}  [${entry.list}] ${recordName(entry)}  (${where})`);
      if (facts.length) lines.push(`    ${facts.join('; ')}`);
      if (entry.text) lines.push(`    ${entry.text}`);
    }
    if (person.decisions.length) {
      lines.push('', 'decisions:');
      for (const decision of person.decisions) lines.push(`  ${decision.at.slice(0, 16).replace('T', ' ')} ${decision.actor}: ${decision.kind === 'confirm' ? `confirmed ${decision.records.join(' = ')}` : `split ${decision.record} off`}${decision.note ? ` (${decision.note})` : ''}`);
    }
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  });
}

/** `chronicle persons confirm ID ID` and `chronicle persons split ID`: decisions that hold across re-runs. */
export async function personsDecisionCommand(io: CliIo, action: 'confirm' | 'split', ids: string[], options: StoreOptions & { note?: string; as?: string }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const actor = actorOf(io, options.as);
    const outcome = await refusalsAsCliErrors(() => (action === 'confirm' ? confirmSamePerson(store, ids[0]!, ids[1]!, actor, options.note) : splitRecord(store, ids[0]!, actor, options.note)));
    if (options.json) printJson(io, outcome);
    else if (action === 'confirm') io.stdout(outcome.personId === null ? 'confirmed; applied at the next chronicle persons link\n' : `confirmed: ${outcome.personId}${outcome.unchanged ? ' (already together)' : ''}; holds across re-runs\n`);
    else io.stdout(`split off as ${outcome.personId}; holds across re-runs\n`);
    return 0;
  });
}
