import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CliError, processIo, type CliIo } from './cli-io.js';
import { claimsCommand } from './commands/claims.command.js';
import { demoCommand } from './commands/demo.command.js';
import { extractCommand } from './commands/extract.command.js';
import { ingestCommand } from './commands/ingest.command.js';
import { linkCommand } from './commands/link.command.js';
import { listCommand } from './commands/list.command.js';
import { reextractCommand } from './commands/reextract.command.js';
import { searchCommand } from './commands/search.command.js';
import { showCommand } from './commands/show.command.js';
import { verifyCommand } from './commands/verify.command.js';

const DB_HELP = 'store: a SQLite file path or postgres://… URL (default: $CHRONICLE_DB, else ./chronicle.db)';

/** Build the command line; every action resolves to an exit code. */
function buildProgram(io: CliIo, setExit: (code: number) => void, writeBytes: (bytes: Buffer) => void): Command {
  const program = new Command('chronicle')
    .description('Capture, search and verify reports of human-rights abuses.')
    .option('--db <location>', DB_HELP)
    .showHelpAfterError()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  // --db may come before or after the command name.
  const db = (options: { db?: string }) => options.db ?? (program.opts() as { db?: string }).db;

  program
    .command('ingest')
    .description('capture files and folders (.txt .md .html .htm), recursively')
    .argument('<paths...>', 'files or folders')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print one JSON object with every result')
    .option('--max-bytes <size>', 'largest original to accept (default 50MB, or $CHRONICLE_MAX_BYTES)')
    .option('--source <name>', 'credit every document to this source')
    .option('--source-kind <kind>', 'kind of that source (news_outlet, ngo, …)')
    .option('--threads <n>', 'capture worker threads (default: one per core; 0: none)')
    .option('--no-extract', 'capture only; do not extract claims (chronicle reextract can do it later)')
    .action(async (paths: string[], options) => setExit(await ingestCommand(io, paths, { ...options, db: db(options) })));

  program
    .command('search')
    .description('ranked full-text search: words, "phrases", -excluded, prefix*')
    .argument('<query...>', 'what to look for')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--limit <n>', 'how many results (default 10, at most 100)')
    .action(async (query: string[], options) => setExit(await searchCommand(io, query, { ...options, db: db(options) })));

  program
    .command('list')
    .description('list captured documents in capture order')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--limit <n>', 'show at most n documents')
    .action(async (options) => setExit(await listCommand(io, { ...options, db: db(options) })));

  program
    .command('show')
    .description('show one document by id or unique SHA-256 prefix')
    .argument('<id>', 'document id (doc_…) or SHA-256 prefix (4+ hex digits)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--original', 'write the original bytes as captured to stdout')
    .action(async (id: string, options) => setExit(await showCommand(io, id, { ...options, db: db(options) }, writeBytes)));

  program
    .command('verify')
    .description('re-hash every stored original and report any mismatch')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await verifyCommand(io, { ...options, db: db(options) })));

  program
    .command('extract')
    .description('capture one file in memory and print the persons, places, acts, figures, attributions and dates found (stores nothing)')
    .argument('<file>', 'a .txt, .md or .html file')
    .option('--json', 'print one JSON object (offsets are into its "text")')
    .action(async (file: string, options) => setExit(await extractCommand(io, file, options)));

  program
    .command('claims')
    .description("a document's extracted claims in text order, with status and attribution")
    .argument('<id>', 'document id (doc_…) or SHA-256 prefix (4+ hex digits)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--status <list>', 'only these statuses (proposed,accepted,edited,rejected)')
    .action(async (id: string, options) => setExit(await claimsCommand(io, id, { ...options, db: db(options) })));

  program
    .command('reextract')
    .description('re-run extraction on stored documents (all when no id is given): proposed claims are replaced, reviewed ones kept')
    .argument('[ids...]', 'document ids or SHA-256 prefixes')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (ids: string[], options) => setExit(await reextractCommand(io, ids, { ...options, db: db(options) })));

  program
    .command('link')
    .description('link the records of person lists (CSV, UTF-8 or CP1251) into persons; writes file,record_id,cluster rows')
    .argument('<files...>', 'CSV files with a header row')
    .option('--id <column>', 'column holding record ids (default: id, unique_id, rec_id…, else the row number)')
    .option('--map <column=field>', 'map a column to a field, repeatable (given, surname, patronymic, full_name, birth_date, sex, place, address, postcode, id_number, email)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--out <file>', 'write the rows to this file instead of stdout')
    .option('--json', 'print JSON (files, model weights, clusters)')
    .action(async (files: string[], options) => setExit(await linkCommand(io, files, options)));

  program
    .command('demo')
    .description('capture the sample corpus into a fresh store (.demo/chronicle.db) and search it')
    .option('--db <location>', 'SQLite file for the demo store (default .demo/chronicle.db)')
    .action(async (options) => setExit(await demoCommand(io, options)));

  return program;
}

/** Run the CLI with arguments (without node and script); resolves to the exit code. */
export async function run(argv: string[], io: CliIo = processIo(), writeBytes: (bytes: Buffer) => void = (bytes) => process.stdout.write(bytes)): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(io, (code) => (exitCode = code), writeBytes);
  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof CliError) {
      io.stderr(`error: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 70;
  }
}

const invokedDirectly = process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  process.exitCode = await run(process.argv.slice(2));
}
