import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

/** `chronicle audit verify`: exit 0 when the hash chain is whole (and ends at --expect-head if given). */
export async function auditVerifyCommand(io: CliIo, options: { db?: string; json?: boolean; expectHead?: string }): Promise<number> {
  if (options.expectHead !== undefined && !/^[0-9a-f]{8,64}$/i.test(options.expectHead)) throw new CliError('--expect-head must be 8–64 hex digits of a head hash that chronicle audit verify printed earlier', 2);
  return withStore(io, options.db, async (store) => {
    const report = await store.audit.verify(options.expectHead);
    if (options.json) {
      printJson(io, report);
    } else if (report.ok) {
      io.stdout(`audit log intact: ${report.entries} entries${report.head ? `; head ${report.head.seq} ${report.head.hash}` : ''}\n` + (report.head ? 'Keep the head hash somewhere else: with --expect-head it also proves no newer entry was removed.\n' : ''));
    } else {
      io.stderr(`TAMPERED: audit entry ${report.problem?.seq}: ${report.problem?.reason}\n`);
      io.stdout(`audit log broken after ${report.entries} intact entries\n`);
    }
    return report.ok ? 0 : 1;
  });
}

/** `chronicle audit log`: entries in order, optionally only those about one subject. */
export async function auditLogCommand(io: CliIo, options: { db?: string; json?: boolean; limit?: string; subject?: string }): Promise<number> {
  const limit = options.limit === undefined ? 100 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100000) throw new CliError('--limit must be 1–100000', 2);
  return withStore(io, options.db, async (store) => {
    const entries = await store.audit.list({ limit, ...(options.subject ? { subjectId: options.subject } : {}) });
    if (options.json) printJson(io, { entries });
    else for (const entry of entries) io.stdout(`${String(entry.seq).padStart(6)} ${entry.at} ${entry.actor.padEnd(12)} ${entry.action.padEnd(18)} ${entry.subjectId ?? ''} ${JSON.stringify(entry.payload).slice(0, 160)}\n`);
    return 0;
  });
}
