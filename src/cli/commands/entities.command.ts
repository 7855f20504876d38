import { EntityDecisionError, listEntities, mergeEntities, splitMention } from '../../services/entities.service.js';
import { actorOf } from '../actor.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

const KINDS = ['person', 'organization', 'place', 'group'];

/** `chronicle entities [--kind K]`: entities across documents, most documented first. */
export async function entitiesCommand(io: CliIo, options: { db?: string; json?: boolean; kind?: string; limit?: string }): Promise<number> {
  if (options.kind && !KINDS.includes(options.kind)) throw new CliError(`--kind must be one of ${KINDS.join(', ')}`, 2);
  const limit = options.limit === undefined ? 50 : Number(options.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new CliError('--limit must be a whole number above 0', 2);
  return withStore(io, options.db, async (store) => {
    const entities = (await listEntities(store, options.kind)).slice(0, limit);
    if (options.json) printJson(io, { entities });
    else if (entities.length === 0) io.stdout('no entities yet: ingest English documents\n');
    else for (const entity of entities) io.stdout(`${entity.kind.padEnd(12)} ${entity.name}${entity.aliases.length ? ` (also: ${entity.aliases.join(', ')})` : ''}  ${entity.documents} documents, ${entity.mentions.length} mentions\n`);
    return 0;
  });
}

/** `chronicle review merge-entities KIND KEEP OTHER` and `review split-mention CLAIM --to NAME`. */
export async function entityDecisionCommand(io: CliIo, action: 'merge' | 'split', args: string[], options: { db?: string; as?: string; to?: string }): Promise<number> {
  if (action === 'merge' && !KINDS.includes(args[0]!)) throw new CliError(`the kind must be one of ${KINDS.join(', ')}`, 2);
  return withStore(io, options.db, async (store) => {
    try {
      if (action === 'merge') await mergeEntities(store, args[0]!, args[1]!, args[2]!, actorOf(io, options.as));
      else await splitMention(store, args[0]!, options.to ?? '', actorOf(io, options.as));
    } catch (error) {
      if (error instanceof EntityDecisionError) throw new CliError(error.message);
      throw error;
    }
    io.stdout(`${action === 'merge' ? 'merged' : 'moved'}; the decision holds across re-extraction\n`);
    return 0;
  });
}
