import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { CliError, processIo, type CliIo } from './cli-io.js';

// Each command's module is loaded when that command runs, so a command pays only for what it
// uses (the ingest's main thread stays small: the work happens on its ingest thread).

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
    .action(async (paths: string[], options) => setExit(await (await import('./commands/ingest.command.js')).ingestCommand(io, paths, { ...options, db: db(options) })));

  program
    .command('search')
    .description('ranked full-text search: words, "phrases", -excluded, prefix*')
    .argument('<query...>', 'what to look for')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--limit <n>', 'how many results (default 10, at most 100)')
    .action(async (query: string[], options) => setExit(await (await import('./commands/search.command.js')).searchCommand(io, query, { ...options, db: db(options) })));

  program
    .command('list')
    .description('list captured documents in capture order')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--limit <n>', 'show at most n documents')
    .action(async (options) => setExit(await (await import('./commands/list.command.js')).listCommand(io, { ...options, db: db(options) })));

  program
    .command('show')
    .description('show one document by id or unique SHA-256 prefix')
    .argument('<id>', 'document id (doc_…) or SHA-256 prefix (4+ hex digits)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--original', 'write the original bytes as captured to stdout')
    .action(async (id: string, options) => setExit(await (await import('./commands/show.command.js')).showCommand(io, id, { ...options, db: db(options) }, writeBytes)));

  program
    .command('verify')
    .description('re-hash every stored original and report any mismatch')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/verify.command.js')).verifyCommand(io, { ...options, db: db(options) })));

  program
    .command('extract')
    .description('capture one file in memory and print the persons, places, acts, figures, attributions and dates found (stores nothing)')
    .argument('<file>', 'a .txt, .md or .html file')
    .option('--json', 'print one JSON object (offsets are into its "text")')
    .action(async (file: string, options) => setExit(await (await import('./commands/extract.command.js')).extractCommand(io, file, options)));

  program
    .command('claims')
    .description("a document's extracted claims in text order, with status and attribution")
    .argument('<id>', 'document id (doc_…) or SHA-256 prefix (4+ hex digits)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--status <list>', 'only these statuses (proposed,accepted,edited,rejected)')
    .action(async (id: string, options) => setExit(await (await import('./commands/claims.command.js')).claimsCommand(io, id, { ...options, db: db(options) })));

  program
    .command('reextract')
    .description('re-run extraction on stored documents (all when no id is given): proposed claims are replaced, reviewed ones kept')
    .argument('[ids...]', 'document ids or SHA-256 prefixes')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (ids: string[], options) => setExit(await (await import('./commands/reextract.command.js')).reextractCommand(io, ids, { ...options, db: db(options) })));

  const review = program.command('review').description('review proposed claims: queue, accept, reject, edit (each recorded in the audit log)');
  review
    .command('queue')
    .description('proposed claims of live documents, oldest first')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .option('--limit <n>', 'how many (default 50)')
    .option('--kind <list>', 'only these kinds (mention,act,figure,attribution,date)')
    .action(async (options) => setExit(await (await import('./commands/review.command.js')).reviewQueueCommand(io, { ...options, db: db(options) })));
  for (const action of ['accept', 'reject', 'edit'] as const) {
    const verb = review
      .command(action)
      .description(action === 'edit' ? 'correct a claim: --value JSON, --type T, --span START:END' : `${action} a claim`)
      .argument('<claim>', 'claim id (clm_…)')
      .requiredOption('--version <n>', 'the version you reviewed; refused if the claim changed since')
      .option('--as <name>', 'reviewer name for the audit log (default $CHRONICLE_USER, else your account)')
      .option('--note <text>', 'a note kept in the audit log')
      .option('--db <location>', DB_HELP)
      .option('--json', 'print JSON');
    if (action === 'edit') verb.option('--value <json>', 'the corrected value').option('--type <type>', 'the corrected act type or figure category').option('--span <start:end>', 'the corrected span');
    verb.action(async (claim: string, options) => setExit(await (await import('./commands/review.command.js')).reviewCommand(io, action, claim, { ...options, db: db(options) })));
  }

  review
    .command('merge-incidents')
    .description('merge incident OTHER into KEEP; holds across re-runs')
    .argument('<keep>', 'incident id (inc_…)')
    .argument('<other>', 'incident id (inc_…)')
    .option('--as <name>', 'who decides, for the audit log')
    .option('--db <location>', DB_HELP)
    .action(async (keep: string, other: string, options) => setExit(await (await import('./commands/incidents.command.js')).incidentDecisionCommand(io, 'merge', [keep, other], { ...options, db: db(options) })));
  review
    .command('split-incident')
    .description("move the acts and figures of the named documents out of an incident into their own; holds across re-runs")
    .argument('<incident>', 'incident id (inc_…)')
    .requiredOption('--document <ids...>', 'documents whose acts and figures move out')
    .option('--as <name>', 'who decides, for the audit log')
    .option('--db <location>', DB_HELP)
    .action(async (incident: string, options) => setExit(await (await import('./commands/incidents.command.js')).incidentDecisionCommand(io, 'split', [incident], { ...options, db: db(options) })));

  review
    .command('merge-entities')
    .description('two names are one entity (e.g. "Zarema Musayeva" and "Musaeva"); KEEP names it')
    .argument('<kind>', 'person, organization, place or group')
    .argument('<keep>', 'the name to keep')
    .argument('<other>', 'the name that joins it')
    .option('--as <name>', 'who decides, for the audit log')
    .option('--db <location>', DB_HELP)
    .action(async (kind: string, keep: string, other: string, options) => setExit(await (await import('./commands/entities.command.js')).entityDecisionCommand(io, 'merge', [kind, keep, other], { ...options, db: db(options) })));
  review
    .command('split-mention')
    .description('one mention belongs to another entity than its name says (e.g. this "Kadyrov" is Adam Kadyrov)')
    .argument('<claim>', 'the mention claim (clm_…)')
    .requiredOption('--to <name>', 'the entity it belongs to')
    .option('--as <name>', 'who decides, for the audit log')
    .option('--db <location>', DB_HELP)
    .action(async (claim: string, options) => setExit(await (await import('./commands/entities.command.js')).entityDecisionCommand(io, 'split', [claim], { ...options, db: db(options) })));

  program
    .command('entities')
    .description('persons, organisations, places and groups across documents, with their spellings and mentions')
    .option('--kind <kind>', 'person, organization, place or group')
    .option('--limit <n>', 'how many (default 50)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/entities.command.js')).entitiesCommand(io, { ...options, db: db(options) })));

  program
    .command('incidents')
    .description('group every act and figure into incidents (incrementally, keeping ids and analyst decisions) and list them')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON: {incidents: [{id, title, types, places, start, end, figures, acts, independent_sources, …}]}')
    .action(async (options) => setExit(await (await import('./commands/incidents.command.js')).incidentsCommand(io, { ...options, db: db(options) })));
  program
    .command('incident')
    .description("one incident: every figure's claims side by side by source, conflicts, independent sources, and its acts in time order")
    .argument('<id>', 'incident id (inc_…)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, options) => setExit(await (await import('./commands/incidents.command.js')).incidentCommand(io, id, { ...options, db: db(options) })));

  const audit = program.command('audit').description('the append-only, hash-chained audit log');
  audit
    .command('verify')
    .description('check every entry against its hash and its predecessor; exit 1 if the log was tampered with')
    .option('--expect-head <hash>', 'the head hash recorded earlier: also detects removal of the newest entries')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/audit.command.js')).auditVerifyCommand(io, { ...options, db: db(options) })));
  audit
    .command('log')
    .description('entries in order')
    .option('--limit <n>', 'how many (default 100)')
    .option('--subject <id>', 'only entries about this claim or document')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/audit.command.js')).auditLogCommand(io, { ...options, db: db(options) })));

  program
    .command('delete')
    .description('(admin) take a document out of use; its claims are kept and marked orphaned')
    .argument('<id>', 'document id or SHA-256 prefix')
    .requiredOption('--reason <text>', 'why, for the audit log')
    .option('--as <name>', 'who deletes (default $CHRONICLE_USER, else your account)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, options) => setExit(await (await import('./commands/delete.command.js')).deleteCommand(io, id, { ...options, db: db(options) })));

  program
    .command('estimate')
    .description('estimate how many people no list caught, from the overlap of lists (multiple systems estimation)')
    .option('--table <file>', 'one overlap table as JSON: {"lists": [...], "counts": {"110": n, ...}}')
    .option('--lists <names>', 'build the table from the linked persons of these stored lists instead: A,B,C')
    .option('--strata <field>', 'with --lists: estimate per stratum and sum (sex, kind, place, year)')
    .option('--model <model>', 'use this model instead of the lowest BIC: [12,3], [12,13,23], Mt, Mth_Chao, …')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print one JSON object')
    .action(async (options) => setExit(await (await import('./commands/estimate.command.js')).estimateCommand(io, { ...options, db: db(options) })));

  const persons = program.command('persons').description('person lists in the store: import, link into persons, review, count');
  const repeatable = (value: string, previous: string[]) => [...previous, value];
  persons
    .command('import')
    .description('import a person list (CSV, UTF-8 or CP1251) as a named list; the same file again changes nothing')
    .argument('<file>', 'CSV file with a header row')
    .requiredOption('--source <name>', 'the list\'s name, e.g. memorial-2019')
    .option('--id <column>', 'column holding record ids (default: id, unique_id, rec_id…)')
    .option('--map <column=field>', 'map a column to a field, repeatable (given, surname, patronymic, full_name, birth_date, sex, place, violation_date, violation_kind, text, …)', repeatable, [] as string[])
    .option('--as <name>', 'who imports, for the audit log')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (file: string, options) => setExit(await (await import('./commands/persons.command.js')).personsImportCommand(io, file, { ...options, db: db(options) })));
  persons
    .command('extract')
    .description('persons named in captured documents become records of the list "documents" (one per person per document)')
    .option('--as <name>', 'who runs it, for the audit log')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/persons.command.js')).personsExtractCommand(io, { ...options, db: db(options) })));
  persons
    .command('link')
    .description('link every stored record into persons, then apply analysts\' confirmations and splits')
    .option('--as <name>', 'who runs it, for the audit log')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/persons.command.js')).personsLinkCommand(io, { ...options, db: db(options) })));
  persons
    .command('list')
    .description('persons, in order of their first record, with their lists and spellings')
    .option('--list <name>', 'only persons with a record on this list')
    .option('--limit <n>', 'show at most n persons')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/persons.command.js')).personsListCommand(io, { ...options, db: db(options) })));
  persons
    .command('show')
    .description('one person with every record, list and spelling, and the decisions about it')
    .argument('<id>', 'person (psn_…) or person record (per_…) id')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, options) => setExit(await (await import('./commands/persons.command.js')).personsShowCommand(io, id, { ...options, db: db(options) })));
  persons
    .command('confirm')
    .description('two records (or persons) are the same person; holds across re-runs (audited)')
    .argument('<id>', 'person record (per_…) or person (psn_…)')
    .argument('<other>', 'person record (per_…) or person (psn_…)')
    .option('--note <text>', 'why, kept in the audit log')
    .option('--as <name>', 'who decides, for the audit log')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, other: string, options) => setExit(await (await import('./commands/persons.command.js')).personsDecisionCommand(io, 'confirm', [id, other], { ...options, db: db(options) })));
  persons
    .command('split')
    .description('a record is not the person it was linked to: it stands alone, also after re-runs (audited)')
    .argument('<record>', 'person record (per_…)')
    .option('--note <text>', 'why, kept in the audit log')
    .option('--as <name>', 'who decides, for the audit log')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (record: string, options) => setExit(await (await import('./commands/persons.command.js')).personsDecisionCommand(io, 'split', [record], { ...options, db: db(options) })));

  program
    .command('link')
    .description('link the records of person lists (CSV, UTF-8 or CP1251) into persons; writes file,record_id,cluster rows')
    .argument('<files...>', 'CSV files with a header row')
    .option('--id <column>', 'column holding record ids (default: id, unique_id, rec_id…, else the row number)')
    .option('--map <column=field>', 'map a column to a field, repeatable (given, surname, patronymic, full_name, birth_date, sex, place, address, postcode, id_number, email)', (value: string, previous: string[]) => [...previous, value], [] as string[])
    .option('--out <file>', 'write the rows to this file instead of stdout')
    .option('--json', 'print JSON (files, model weights, clusters)')
    .action(async (files: string[], options) => setExit(await (await import('./commands/link.command.js')).linkCommand(io, files, options)));

  program
    .command('serve')
    .description('run the web server (JSON API, OpenAPI at /api/docs) on the store')
    .option('--db <location>', DB_HELP)
    .option('--port <port>', 'TCP port (default 4310; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--secure-cookies', 'mark session cookies Secure although this server speaks plain http (it sits behind a TLS proxy)')
    .option('--intake-retention-days <days>', 'days a confidential submission is kept unless an analyst keeps it (default 90)')
    .option('--intake-pow-bits <bits>', 'proof of work asked of browsers with JavaScript (default 20)')
    .option('--intake-rate <n>', 'intake requests per client (and ×100 in all) per 10 minutes (default 6 without JavaScript, 20 with, 10 receipt look-ups)')
    .action(async (options) => setExit(await (await import('./commands/serve.command.js')).serveCommand(io, { ...options, db: db(options) })));

  const users = program.command('users').description('accounts of the web workspace (viewer, analyst, admin)');
  users
    .command('add')
    .description('add an account; the password is asked for (or read from stdin), never given as an argument')
    .argument('<name>', 'user name')
    .requiredOption('--role <role>', 'viewer, analyst or admin')
    .option('--db <location>', DB_HELP)
    .option('--as <name>', 'who is adding it, for the audit log')
    .option('--json', 'print the account as JSON')
    .action(async (name: string, options) => setExit(await (await import('./commands/users.command.js')).usersAddCommand(io, name, { ...options, db: db(options) })));
  users
    .command('list')
    .description('list accounts')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/users.command.js')).usersListCommand(io, { ...options, db: db(options) })));
  users
    .command('totp')
    .description('enrol a TOTP secret for an account and print its otpauth:// URI once')
    .argument('<name>', 'user name')
    .option('--db <location>', DB_HELP)
    .option('--as <name>', 'who is enrolling it, for the audit log')
    .option('--json', 'print JSON')
    .action(async (name: string, options) => setExit(await (await import('./commands/users.command.js')).usersTotpCommand(io, name, { ...options, db: db(options) })));
  users
    .command('disable')
    .description('disable an account and end its sessions')
    .argument('<name>', 'user name')
    .option('--db <location>', DB_HELP)
    .option('--as <name>', 'who is disabling it, for the audit log')
    .action(async (name: string, options) => setExit(await (await import('./commands/users.command.js')).usersDisableCommand(io, name, { ...options, db: db(options) })));

  const KEY_HELP = 'the organisation key file (default $CHRONICLE_INTAKE_KEY, else ./chronicle-intake.key)';
  const STDIN_HELP = 'read the passphrase from the first line of standard input (else $CHRONICLE_INTAKE_PASSPHRASE, else a prompt)';
  const keys = program.command('keys').description("the organisation's confidential-intake key pair");
  keys
    .command('init')
    .description('create the key pair: private key to a passphrase-locked file (keep it off the server), public key into the store')
    .option('--key-file <file>', KEY_HELP)
    .option('--passphrase-stdin', STDIN_HELP)
    .option('--force', 'replace an existing key file (submissions sealed to it become unreadable)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/keys.command.js')).keysInitCommand(io, { ...options, db: db(options) })));
  keys
    .command('install')
    .description("give a store (the server's) the public key, from a key file or as text")
    .argument('[public-key]', 'the public key (base64url); default: read it from --key-file')
    .option('--key-file <file>', KEY_HELP)
    .option('--db <location>', DB_HELP)
    .action(async (publicKey: string | undefined, options) => setExit(await (await import('./commands/keys.command.js')).keysInstallCommand(io, publicKey, { ...options, db: db(options) })));
  keys
    .command('show')
    .description('the public key the store seals intake to')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/keys.command.js')).keysShowCommand(io, { ...options, db: db(options) })));

  const intake = program.command('intake').description('confidential submissions: list, open, reply, keep, import, expire');
  intake
    .command('list')
    .description('submissions waiting (nothing is decrypted)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/intake.command.js')).intakeListCommand(io, { ...options, db: db(options) })));
  intake
    .command('open')
    .description('decrypt one submission with the key file')
    .argument('<id>', 'submission id (itk_…)')
    .option('--key-file <file>', KEY_HELP)
    .option('--passphrase-stdin', STDIN_HELP)
    .option('--out <folder>', 'write the attached files here')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, options) => setExit(await (await import('./commands/intake.command.js')).intakeOpenCommand(io, id, { ...options, db: db(options) })));
  intake
    .command('reply')
    .description("reply to the reporter (readable only with their receipt); text from --file or standard input")
    .argument('<id>', 'submission id (itk_…)')
    .option('--file <file>', 'the reply text (UTF-8)')
    .option('--db <location>', DB_HELP)
    .action(async (id: string, options) => setExit(await (await import('./commands/intake.command.js')).intakeReplyCommand(io, id, { ...options, db: db(options) })));
  intake
    .command('keep')
    .description('keep a submission past its expiry day')
    .argument('<id>', 'submission id (itk_…)')
    .option('--release', 'let it expire again')
    .option('--db <location>', DB_HELP)
    .action(async (id: string, options) => setExit(await (await import('./commands/intake.command.js')).intakeKeepCommand(io, id, { ...options, db: db(options) })));
  intake
    .command('expire')
    .description('destroy submissions past their expiry day that nobody kept (also done by serve, hourly)')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (options) => setExit(await (await import('./commands/intake.command.js')).intakeExpireCommand(io, { ...options, db: db(options) })));
  intake
    .command('import')
    .description('decrypt a submission and capture it as a document of a pseudonymous confidential source (the contact field stays out)')
    .argument('<id>', 'submission id (itk_…)')
    .option('--key-file <file>', KEY_HELP)
    .option('--passphrase-stdin', STDIN_HELP)
    .option('--into <location>', 'capture into this store instead of --db (e.g. an analyst-side store)')
    .option('--as <name>', 'who imports, for the audit log')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, options) => setExit(await (await import('./commands/intake.command.js')).intakeImportCommand(io, id, { ...options, db: db(options) })));

  program
    .command('demo')
    .description('capture the sample corpus into a fresh store (.demo/chronicle.db), search it, then serve the workspace on it')
    .option('--db <location>', 'SQLite file for the demo store (default .demo/chronicle.db)')
    .option('--no-serve', 'stop after the captures and searches (for scripts and CI)')
    .option('--port <port>', 'TCP port for the workspace (default 4310; 0 picks a free one)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .action(async (options) => setExit(await (await import('./commands/demo.command.js')).demoCommand(io, { ...options, db: db(options) })));

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
