import { SearchQueryError } from '../../search/search-query.js';
import { SEARCH_CANDIDATES } from '../../store/search-index.js';
import { renderSnippet } from '../../search/snippet.js';
import { MAX_SEARCH_LIMIT, searchDocuments } from '../../services/search.service.js';
import { CliError, printJson, type CliIo } from '../cli-io.js';
import { withStore } from '../open-store.js';

export interface SearchCommandOptions {
  db?: string;
  json?: boolean;
  limit?: string;
}

export function parseLimit(value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > max) throw new CliError(`--limit must be a whole number from 1 to ${max}`, 2);
  return limit;
}

/** `chronicle search QUERY`: ranked results, best first, with the matching words highlighted. */
export async function searchCommand(io: CliIo, words: string[], options: SearchCommandOptions): Promise<number> {
  const limit = parseLimit(options.limit, 10, MAX_SEARCH_LIMIT);
  return withStore(io, options.db, async (store) => {
    let outcome;
    try {
      outcome = await searchDocuments(store, words.join(' '), limit);
    } catch (error) {
      if (error instanceof SearchQueryError) throw new CliError(`search: ${error.message}`, 2);
      throw error;
    }
    const { results, truncated } = outcome;
    if (options.json) {
      printJson(io, { query: words.join(' '), truncated, results });
      return 0;
    }
    if (results.length === 0) {
      io.stdout('no documents match\n');
      return 0;
    }
    const [open, close] = io.interactive ? ['\u001b[1;7m', '\u001b[0m'] : ['«', '»'];
    results.forEach((result, index) => {
      io.stdout(`${index + 1}. ${result.title ?? '(untitled)'}  [${result.id}, ${result.language ?? '??'}${result.publishedAt ? `, ${result.publishedAt.slice(0, 10)}` : ''}]\n`);
      io.stdout(`   ${result.origin}\n   ${renderSnippet(result.snippet, open, close)}\n\n`);
    });
    if (truncated) io.stdout(`(more than ${SEARCH_CANDIDATES.toLocaleString('en')} documents match; these are the best of the newest ${SEARCH_CANDIDATES.toLocaleString('en')} — add words to narrow the search)\n`);
    return 0;
  });
}
