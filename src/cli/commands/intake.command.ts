import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkFile } from '../../intake/file-type.js';
import { IntakeNotFound, IntakeService } from '../../services/intake.service.js';
import { Store } from '../../store/store.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { actorOf } from '../actor.js';
import { withStore } from '../open-store.js';
import { storeLocation } from '../store-location.js';
import { unlockOrgKey } from './keys.command.js';

export interface IntakeCommandOptions {
  db?: string;
  json?: boolean;
  keyFile?: string;
  passphraseStdin?: boolean;
  out?: string;
  file?: string;
  into?: string;
  release?: boolean;
  as?: string;
}

async function withIntake<T>(io: CliIo, options: IntakeCommandOptions, work: (service: IntakeService, store: Store) => Promise<T>): Promise<T> {
  return withStore(io, options.db, async (store) => {
    try {
      return await work(await IntakeService.create(store), store);
    } catch (error) {
      if (error instanceof IntakeNotFound) throw new CliError(error.message);
      throw error;
    }
  });
}

/** `chronicle intake list`: what is waiting, without decrypting anything. */
export async function intakeListCommand(io: CliIo, options: IntakeCommandOptions): Promise<number> {
  return withIntake(io, options, async (service) => {
    const submissions = await service.list();
    if (options.json) printJson(io, { submissions });
    else if (submissions.length === 0) io.stdout('no submissions\n');
    else {
      for (const item of submissions) {
        const state = item.importedDocumentId ? `imported as ${item.importedDocumentId}` : item.kept ? 'kept' : `expires ${item.expiresOn}`;
        io.stdout(`${item.id}  ${item.createdOn}  ${String(item.attachments).padStart(2)} file(s)  ${String(item.fromReporter).padStart(2)} added  ${String(item.fromAnalysts).padStart(2)} replies  ${state}\n`);
      }
    }
    return 0;
  });
}

/** Only what is safe to print to a terminal: no escape sequences from the reporter. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '�');

/** `chronicle intake open`: decrypt one submission with the key file; attachments go to --out (checked against their declared type). */
export async function intakeOpenCommand(io: CliIo, id: string, options: IntakeCommandOptions): Promise<number> {
  const keyPair = await unlockOrgKey(io, options);
  return withIntake(io, options, async (service) => {
    const opened = await service.open(id, keyPair);
    const written: string[] = [];
    if (options.out) {
      const folder = resolve(io.cwd, options.out);
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      for (const [index, attachment] of opened.attachments.entries()) {
        const check = checkFile(attachment.bytes, attachment.info.name, attachment.info.mediaType);
        // A sealed file may come from a browser we do not control: name it by its real contents.
        const name = `${String(index + 1).padStart(2, '0')}-${attachment.info.variant}-${attachment.info.name.replace(/[^\p{L}\p{N}._ -]/gu, '_')}${check.ok ? '' : '.unverified'}`;
        writeFileSync(join(folder, name), attachment.bytes, { mode: 0o600 });
        written.push(join(folder, name));
      }
    }
    if (options.json) {
      printJson(io, { ...opened, attachments: opened.attachments.map((attachment, index) => ({ ...attachment.info, file: written[index] ?? null })) });
      return 0;
    }
    const r = opened.report;
    const lines = [
      `${opened.id}  received ${opened.createdOn}  ${opened.kept ? 'kept' : `expires ${opened.expiresOn}`}  sealed by the ${r.sealedBy}  language ${r.language}`,
      '',
      ['What happened', r.what],
      ['When', r.when],
      ['Where', r.where],
      ['Who was involved', r.who],
      ['How the reporter knows', r.howKnown],
      ['Contact', r.contact],
    ].map((line) => (typeof line === 'string' ? line : line[1] ? `${line[0]}:\n  ${printable(line[1]).replace(/\n/g, '\n  ')}` : `${line[0]}: —`));
    for (const [index, attachment] of opened.attachments.entries()) {
      const info = attachment.info;
      lines.push(`file ${index + 1}: ${printable(info.name)} (${info.mediaType}, ${info.size} bytes, ${info.variant}${info.metadataRemoved ? ', metadata removed' : ''}${info.locationFound ? ', HAD LOCATION DATA' : ''})${written[index] ? ` -> ${written[index]}` : ''}`);
    }
    for (const message of opened.messages) lines.push(`${message.day} ${message.from === 'reporter' ? 'reporter added' : 'analyst replied'}:\n  ${printable(message.text).replace(/\n/g, '\n  ')}`);
    if (opened.attachments.length > 0 && !options.out) lines.push('(write the files with --out FOLDER)');
    io.stdout(`${lines.join('\n')}\n`);
    return 0;
  });
}

async function readText(io: CliIo, file: string | undefined): Promise<string> {
  if (file) return readFileSync(resolve(io.cwd, file), 'utf8');
  if (process.stdin.isTTY) throw new CliError('give the reply with --file FILE or on standard input');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `chronicle intake reply`: a message only the reporter's receipt opens (plus a copy for analysts). */
export async function intakeReplyCommand(io: CliIo, id: string, options: IntakeCommandOptions): Promise<number> {
  const text = (await readText(io, options.file)).trim();
  if (!text) throw new CliError('the reply is empty');
  return withIntake(io, options, async (service) => {
    await service.reply(id, text);
    io.stdout(`reply sealed to the reporter of ${id}; they read it with their receipt\n`);
    return 0;
  });
}

/** `chronicle intake keep`: exempt a submission from expiry (or, with --release, let it expire again). */
export async function intakeKeepCommand(io: CliIo, id: string, options: IntakeCommandOptions): Promise<number> {
  return withIntake(io, options, async (service) => {
    await service.keep(id, !options.release);
    io.stdout(options.release ? `${id} will expire on its day\n` : `${id} is kept until released\n`);
    return 0;
  });
}

/** `chronicle intake expire`: destroy submissions past their day that nobody kept. */
export async function intakeExpireCommand(io: CliIo, options: IntakeCommandOptions): Promise<number> {
  return withIntake(io, options, async (service) => {
    const removed = await service.expire();
    if (options.json) printJson(io, { removed });
    else io.stdout(`${removed} expired submission(s) destroyed\n`);
    return 0;
  });
}

/** `chronicle intake import`: decrypt a submission and capture it as a document of a pseudonymous witness. */
export async function intakeImportCommand(io: CliIo, id: string, options: IntakeCommandOptions): Promise<number> {
  const keyPair = await unlockOrgKey(io, options);
  return withIntake(io, options, async (service, store) => {
    const into = options.into ? await Store.open(storeLocation(io, options.into)) : store;
    try {
      const results = await service.importSubmission(id, keyPair, into, actorOf(io, options.as));
      if (options.json) printJson(io, { results });
      else {
        for (const result of results) {
          if (result.status === 'failed') io.stderr(`${result.origin} could not be captured: ${result.message ?? ''}\n`);
          else io.stdout(`${result.status === 'captured' ? 'captured' : 'already captured'} ${result.origin} as ${result.documentId} (${result.claims ?? 0} proposed claims)\n`);
        }
      }
      return results.some((result) => result.status === 'failed') ? 1 : 0;
    } finally {
      if (into !== store) await into.close();
    }
  });
}
