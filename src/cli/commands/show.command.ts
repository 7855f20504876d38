import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

export interface ShowCommandOptions {
  db?: string;
  json?: boolean;
  original?: boolean;
}

/** `chronicle show ID`: one document by id or unique SHA-256 prefix, its metadata and text (or its original bytes). */
export async function showCommand(io: CliIo, reference: string, options: ShowCommandOptions, writeBytes: (bytes: Buffer) => void): Promise<number> {
  return withStore(io, options.db, async (store) => {
    const outcome = await store.documents.resolve(reference);
    if (outcome.status === 'not_found') throw new CliError(`no document has id or SHA-256 prefix "${reference}" (chronicle list shows them)`);
    if (outcome.status === 'ambiguous') {
      const candidates = outcome.candidates.map((candidate) => `${candidate.id} ${candidate.sha256.slice(0, 16)} ${candidate.origin}`).join('; ');
      throw new CliError(`"${reference}" is the SHA-256 prefix of several documents; give more digits: ${candidates}`);
    }
    const { document } = outcome;
    if (options.original) {
      const bytes = await store.documents.original(document.sha256);
      if (!bytes) throw new CliError(`the original bytes of ${document.id} are missing from the store (run chronicle verify)`);
      writeBytes(bytes);
      return 0;
    }
    const source = document.sourceId ? await store.sources.get(document.sourceId) : null;
    if (options.json) {
      printJson(io, { ...document, source });
      return 0;
    }
    const field = (name: string, value: string | number | null) => (value === null || value === '' ? '' : `${name.padEnd(11)} ${value}\n`);
    io.stdout(
      field('id', document.id) +
        field('sha256', document.sha256) +
        field('title', document.title) +
        field('source', source?.name ?? null) +
        field('published', document.publishedAt) +
        field('author', document.author) +
        field('url', document.canonicalUrl) +
        field('language', document.language) +
        field('origin', document.origin) +
        field('media type', document.mediaType) +
        field('size', `${document.size} bytes`) +
        field('captured', document.capturedAt) +
        document.warnings.map((warning) => field('warning', warning)).join('') +
        `\n${document.text}\n`,
    );
    return 0;
  });
}
