import { reextractDocuments } from '../../services/reextract.service.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

/** `chronicle reextract [ID…]`: re-run extraction, replacing proposed claims and keeping reviewed ones. */
export async function reextractCommand(io: CliIo, references: string[], options: { db?: string; json?: boolean }): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const ids: string[] = [];
    for (const reference of references) {
      const outcome = await store.documents.resolve(reference);
      if (outcome.status !== 'found') throw new CliError(`"${reference}" is not ${outcome.status === 'ambiguous' ? 'a unique' : 'a known'} document id or SHA-256 prefix (chronicle list shows them)`);
      ids.push(outcome.document.id);
    }
    const results = await reextractDocuments(store, ids, (result) => {
      if (!options.json) io.stdout(`${result.documentId}  ${result.proposed} proposed (${result.removed} replaced, ${result.alreadyReviewed} already reviewed)  ${result.origin}\n`);
    });
    const total = results.reduce((sum, result) => sum + result.proposed, 0);
    if (options.json) printJson(io, { documents: results.length, proposed: total, results });
    else io.stdout(`re-extracted ${results.length} documents: ${total} proposed claims\n`);
    return 0;
  });
}
