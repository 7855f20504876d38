import { deleteDocument, ReviewError } from '../../services/review.service.js';
import { actorOf } from '../actor.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

/** `chronicle delete ID --reason TEXT`: an admin removes a document from use; its claims stay, orphaned. */
export async function deleteCommand(io: CliIo, reference: string, options: { db?: string; json?: boolean; reason?: string; as?: string }): Promise<number> {
  if (!options.reason?.trim()) throw new CliError('--reason is required: the audit log records why a document was deleted', 2);
  return withStore(io, options.db, async (store) => {
    const outcome = await store.documents.resolve(reference);
    if (outcome.status !== 'found') throw new CliError(`"${reference}" is not ${outcome.status === 'ambiguous' ? 'a unique' : 'a known'} document id or SHA-256 prefix (chronicle list shows them)`);
    try {
      const result = await deleteDocument(store, outcome.document.id, actorOf(io, options.as), options.reason!);
      if (options.json) printJson(io, result);
      else io.stdout(`deleted ${result.documentId}; ${result.orphanedClaims} claims kept, marked orphaned\n`);
      return 0;
    } catch (error) {
      if (error instanceof ReviewError) throw new CliError(error.message);
      throw error;
    }
  });
}
