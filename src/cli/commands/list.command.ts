import type { CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';
import { parseLimit } from './search.command.js';

export interface ListCommandOptions {
  db?: string;
  json?: boolean;
  limit?: string;
}

const PAGE = 500;
const clip = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** `chronicle list`: every document in capture order, read a page at a time. */
export async function listCommand(io: CliIo, options: ListCommandOptions): Promise<number> {
  const limit = parseLimit(options.limit, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  return withStore(io, options.db, async (store) => {
    let afterSeq: number | undefined;
    let shown = 0;
    if (options.json) io.stdout('{"documents": [');
    for (;;) {
      const page = await store.documents.list({ limit: Math.min(PAGE, limit - shown), ...(afterSeq !== undefined ? { afterSeq } : {}) });
      for (const document of page.documents) {
        if (options.json) io.stdout(`${shown > 0 ? ',' : ''}\n  ${JSON.stringify(document)}`);
        else {
          io.stdout(
            `${document.id}  ${document.sha256.slice(0, 12)}  ${(document.publishedAt ?? '').slice(0, 10).padEnd(10)}  ${(document.language ?? '??').padEnd(3)}` +
              `${clip(document.sourceName ?? '-', 22).padEnd(23)}${clip(document.title ?? document.origin, 70)}\n`,
          );
        }
        shown++;
      }
      if (page.lastSeq === null || page.documents.length < PAGE || shown >= limit) break;
      afterSeq = page.lastSeq;
    }
    if (options.json) io.stdout(`${shown > 0 ? '\n' : ''}]}\n`);
    else if (shown === 0) io.stdout('the store holds no documents yet (chronicle ingest PATH…)\n');
    return 0;
  });
}
