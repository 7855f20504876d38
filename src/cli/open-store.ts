import { Store } from '../store/store.js';
import { CliError, type CliIo } from './cli-io.js';
import { storeLocation } from './store-location.js';

/** The one line for a store that cannot open, with any password in its URL masked. */
export function storeOpenFailure(location: string, error: Error): CliError {
  const shown = location.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
  return new CliError(`cannot open the store at ${shown}: ${error.message}`);
}

/** Open the store a command names, run `work`, always close; a store that cannot open is one clear line. */
export async function withStore<T>(io: CliIo, dbOption: string | undefined, work: (store: Store) => Promise<T>): Promise<T> {
  const location = storeLocation(io, dbOption);
  let store: Store;
  try {
    store = await Store.open(location);
  } catch (error) {
    throw storeOpenFailure(location, error as Error);
  }
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
